// dynafake — ExpiryQueue: the Time to Live deletions a Service has pending,
// as instants, handed out in time order once the clock reaches them. Items
// adds one for every write of an item whose TTL attribute is due; enabling
// TTL adds one that indexes the table's items when TTL becomes ENABLED. An
// entry is checked against the item when it falls due (a later write, a
// disabled TTL or a new table of the same name make it stale), so nothing is
// ever searched for or removed early: a call that finds nothing due costs
// one comparison.
#pragma once

#include <cmath>       // std::isfinite, std::floor
#include <cstdint>     // int64_t, uint64_t
#include <cstdlib>     // std::strtod
#include <functional>  // std::greater
#include <limits>      // std::numeric_limits
#include <map>         // std::map
#include <optional>    // std::optional
#include <queue>       // std::priority_queue
#include <string>      // std::string
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/model/attribute_value.hpp"  // AttributeValue

namespace dynafake {
namespace detail {

struct ExpiryEntry {
  int64_t dueMs = 0;
  uint64_t seq = 0;          ///< order of scheduling, to break ties deterministically
  bool indexTable = false;   ///< TTL became ENABLED: schedule the table's items
  std::string table;         ///< the table's name ...
  uint64_t tableSerial = 0;  ///< ... and TableRecord::serial: a table deleted and created again is another
  std::string key;           ///< the item's encoded key (not for indexTable)
  int64_t expiresMs = 0;     ///< the TTL attribute the entry was made for, in ms
  friend bool operator>(const ExpiryEntry& a, const ExpiryEntry& b) {
    return a.dueMs != b.dueMs ? a.dueMs > b.dueMs : a.seq > b.seq;
  }
};

class ExpiryQueue {
 public:
  void Push(ExpiryEntry e) {
    e.seq = ++seq_;
    queue_.push(std::move(e));
  }
  bool HasDue(int64_t now) const { return !queue_.empty() && queue_.top().dueMs <= now; }
  /// The instant of the earliest entry (HasDue or Pending must be true).
  int64_t NextDueMs() const { return queue_.top().dueMs; }
  std::optional<ExpiryEntry> NextDue(int64_t now) {
    if (!HasDue(now)) return std::nullopt;
    // moved out before pop(): the heap's order reads only dueMs and seq, which a move leaves intact
    ExpiryEntry e = std::move(const_cast<ExpiryEntry&>(queue_.top()));
    queue_.pop();
    return e;
  }
  std::size_t Pending() const { return queue_.size(); }
  void Clear() {
    queue_ = {};
    seq_ = 0;
  }

 private:
  std::priority_queue<ExpiryEntry, std::vector<ExpiryEntry>, std::greater<ExpiryEntry>> queue_;
  uint64_t seq_ = 0;
};

/// When `item` expires under TTL attribute `attribute`, in epoch ms: only a
/// Number of epoch seconds is a TTL value (Developer Guide, "Time to Live");
/// an item without the attribute, or with another type, never expires.
/// Values beyond any clock's range are clamped.
inline std::optional<int64_t> ExpiresAtMs(const std::map<std::string, Model::AttributeValue>& item,
                                          const std::string& attribute) {
  auto it = item.find(attribute);
  if (it == item.end() || it->second.GetType() != Model::ValueType::NUMBER) return std::nullopt;
  const double seconds = std::strtod(it->second.GetN().c_str(), nullptr);
  if (!std::isfinite(seconds)) return std::nullopt;
  constexpr double kMaxMs = 9.0e15;  // year ~287 000: beyond any clock a test moves
  const double ms = std::floor(seconds * 1000.0);
  if (ms >= kMaxMs) return static_cast<int64_t>(kMaxMs);
  if (ms <= -kMaxMs) return -static_cast<int64_t>(kMaxMs);
  return static_cast<int64_t>(ms);
}

}  // namespace detail
}  // namespace dynafake
