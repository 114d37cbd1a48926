// dynafake — what every component's snapshot mapping uses: a snapshot's
// numbers read safely (whole, in range, an instant a clock can hold), lists of
// model shapes, a table's key. See dynafake/wire/snapshot.hpp.
#pragma once

#include <cstdint>      // int64_t, uint64_t
#include <limits>       // std::numeric_limits
#include <stdexcept>    // std::invalid_argument
#include <string>       // std::string, std::to_string
#include <type_traits>  // std::is_signed
#include <vector>       // std::vector

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/date_time.hpp"                   // DateTime
#include "dynafake/detail/data_plane/keys.hpp"      // KeyDef
#include "dynafake/wire/generated/serializers.hpp"  // ToJson / FromJson for model types

namespace dynafake {
namespace wire {
namespace snapshot {

namespace core = ::dynafake::detail;  // the components and their records (wire has a detail of its own)
using Json = nlohmann::json;

/// The largest item count or byte total a snapshot may hold (2^53): far from int64's limit.
constexpr int64_t kMaxTotal = int64_t{1} << 53;

/// A snapshot's whole number as T, or std::invalid_argument: a fraction or a value out of T's range is refused
/// (found by fuzz_load_state: 3.4e96 read as an index was undefined behaviour, not an error).
template <class T>
T Whole(const Json& j) {
  if (j.is_number_unsigned()) {
    const uint64_t v = j.get<uint64_t>();
    if (v <= static_cast<uint64_t>(std::numeric_limits<T>::max())) return static_cast<T>(v);
  } else if (j.is_number_integer()) {
    const int64_t v = j.get<int64_t>();
    if (std::is_signed<T>::value ? (v >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
                                    v <= static_cast<int64_t>(std::numeric_limits<T>::max()))
                                 : v >= 0)
      return static_cast<T>(v);
  }
  throw std::invalid_argument("LoadState: malformed snapshot: " + j.dump() + " is not a whole number in range");
}

/// A snapshot's whole number within [lo, hi]: counts and sizes the service adds to or multiplies stay far from
/// int64's limits, so a hand-edited snapshot cannot make later arithmetic overflow.
template <class T>
T Between(const Json& j, T lo, T hi) {
  const T v = Whole<T>(j);
  if (v < lo || v > hi)
    throw std::invalid_argument("LoadState: malformed snapshot: " + j.dump() + " is not between " + std::to_string(lo) +
                                " and " + std::to_string(hi));
  return v;
}

/// A snapshot's instant (milliseconds since 1970): a whole number a clock can hold (found by fuzz_load_state:
/// a clock time near the int64 limit overflowed the conversion to nanoseconds; instants that far out would
/// overflow the service's own arithmetic, e.g. a backup's expiry, as well).
inline int64_t Instant(const Json& j) {
  const auto ms = Whole<int64_t>(j);
  if (!DateTime(ms).FitsTimePoint())
    throw std::invalid_argument(
        "LoadState: malformed snapshot: " + j.dump() + " ms is outside the instants a clock can hold (" +
        DateTime(kFirstTimePointMillis).ToIso8601() + " to " + DateTime(kLastTimePointMillis).ToIso8601() + ")");
  return ms;
}

template <class T>
Json List(const std::vector<T>& v) {
  Json a = Json::array();
  for (const auto& e : v) a.push_back(ToJson(e));
  return a;
}
template <class T>
std::vector<T> ListFrom(const Json& j, const std::string& path) {
  std::vector<T> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    T e;
    FromJson(j.at(i), e, path);
    out.push_back(std::move(e));
  }
  return out;
}
template <class T>
T One(const Json& j, const std::string& path) {
  T e;
  FromJson(j, e, path);
  return e;
}

inline Json KeyDefJson(const core::KeyDef& k) {
  Json j = Json::object();
  j["hash"] = k.hash;
  j["hashType"] = Model::ScalarAttributeTypeMapper::GetNameForScalarAttributeType(k.hashType);
  if (!k.range.empty()) {
    j["range"] = k.range;
    j["rangeType"] = Model::ScalarAttributeTypeMapper::GetNameForScalarAttributeType(k.rangeType);
  }
  return j;
}
inline core::KeyDef KeyDefFrom(const Json& j) {
  core::KeyDef k;
  k.hash = j.at("hash").get<std::string>();
  k.hashType = Model::ScalarAttributeTypeMapper::GetScalarAttributeTypeForName(j.at("hashType").get<std::string>());
  if (j.contains("range")) {
    k.range = j.at("range").get<std::string>();
    k.rangeType = Model::ScalarAttributeTypeMapper::GetScalarAttributeTypeForName(j.at("rangeType").get<std::string>());
  }
  return k;
}

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
