// dynafake — one table as the data plane sees it: its name, schema and item
// history, and how to record a write. Built by the Service for each call;
// the data-plane operations (item_operations.hpp, query_scan.hpp) work on it
// and nothing else, so they do not depend on how the Service keeps tables.
#pragma once

#include <cstdint>     // int64_t
#include <functional>  // std::function
#include <optional>    // std::optional
#include <string>      // std::string

#include "dynafake/detail/data_plane/keys.hpp"          // KeyDef, EncodeKey
#include "dynafake/detail/data_plane/table_schema.hpp"  // TableSchema
#include "dynafake/detail/storage/history.hpp"          // History, Item, Version
#include "dynafake/model/errors.hpp"                    // DynamoDBError

namespace dynafake {
namespace detail {

struct Consumed;  // capacity.hpp

struct DataTable {
  std::string name;  ///< as ConsumedCapacity reports it
  TableSchema schema;
  const History* history = nullptr;
  /// Records a write of `item` (or the deletion of its key) at `now`. (The
  /// time is an argument, not captured, so that what Items captures fits in
  /// the std::function without a heap allocation on every call.)
  std::function<void(const Item& item, bool deleted, int64_t now)> writeAt;
  /// Charges a read (or a write) of `units` at `now` to the table's capacity:
  /// nullopt when admitted (and consumed), else the throttling error. Empty
  /// when throughput is not enforced.
  std::function<std::optional<DynamoDBError>(const Consumed& units, bool write, int64_t now)> charge;
  int64_t callMs = 0;  ///< the call's time

  /// Records a write of `item` (or the deletion of its key) at the call's time.
  void write(const Item& item, bool deleted) const { writeAt(item, deleted, callMs); }
  std::optional<DynamoDBError> Charge(const Consumed& units, bool isWrite) const {
    if (!charge) return std::nullopt;
    return charge(units, isWrite, callMs);
  }

  KeyDef Key() const {
    KeyDef k;
    k.hash = schema.hash.name;
    k.hashType = schema.hash.type;
    k.range = schema.range.name;
    k.rangeType = schema.range.type;
    return k;
  }
  /// The live item under the key of `item` as of `now`, or nullptr.
  const Item* Find(const Item& item, int64_t now) const {
    const Version* v = history->At(EncodeKey(Key(), item), now);
    return v && !v->deleted ? &v->item : nullptr;
  }
};

inline DynamoDBError Invalid(std::string message) {
  return DynamoDBError(DynamoDBErrors::VALIDATION, std::move(message));
}

}  // namespace detail
}  // namespace dynafake
