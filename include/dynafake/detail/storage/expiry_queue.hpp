// dynafake — ExpiryQueue: the Time to Live deletions a Service has pending,
// as instants, handed out in time order once the clock reaches them. Items
// adds one for every write of an item whose TTL attribute is due; enabling
// TTL adds one that indexes the table's items when TTL becomes ENABLED. An
// entry is checked against the item when it falls due (a later write, a
// disabled TTL or a new table of the same name make it stale), so nothing is
// ever searched for or removed early: a call that finds nothing due costs
// one comparison.
#pragma once

#include <algorithm>   // std::min
#include <cmath>       // std::isfinite, std::floor
#include <cstddef>     // std::size_t
#include <cstdint>     // int64_t, uint64_t
#include <deque>       // std::deque
#include <functional>  // std::greater
#include <locale>      // std::locale
#include <map>         // std::map
#include <optional>    // std::optional
#include <queue>       // std::priority_queue
#include <sstream>     // std::istringstream
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

/// Entries in (dueMs, seq) order. Most arrive in that order already (items
/// written one after another with the same lifetime): those are appended to a
/// run popped from its front at O(1); the others go to a heap. The earliest
/// of the two fronts is next.
class ExpiryQueue {
 public:
  void Push(ExpiryEntry e) {
    e.seq = ++seq_;
    if (run_.empty() || run_.back().dueMs <= e.dueMs)
      run_.push_back(std::move(e));
    else
      heap_.push(std::move(e));
  }
  bool HasDue(int64_t now) const { return Pending() > 0 && Front().dueMs <= now; }
  /// The instant of the earliest entry (Pending() must be > 0).
  int64_t NextDueMs() const { return Front().dueMs; }
  std::optional<ExpiryEntry> NextDue(int64_t now) {
    if (!HasDue(now)) return std::nullopt;
    if (FromRun()) {
      ExpiryEntry e = std::move(run_.front());
      run_.pop_front();
      return e;
    }
    // moved out before pop(): the heap's order reads only dueMs and seq, which a move leaves intact
    ExpiryEntry e = std::move(const_cast<ExpiryEntry&>(heap_.top()));
    heap_.pop();
    return e;
  }
  std::size_t Pending() const { return run_.size() + heap_.size(); }
  void Clear() {
    run_.clear();
    heap_ = {};
    seq_ = 0;
  }

 private:
  bool FromRun() const { return heap_.empty() || (!run_.empty() && heap_.top() > run_.front()); }
  const ExpiryEntry& Front() const { return FromRun() ? run_.front() : heap_.top(); }

  std::deque<ExpiryEntry> run_;  ///< in (dueMs, seq) order
  std::priority_queue<ExpiryEntry, std::vector<ExpiryEntry>, std::greater<ExpiryEntry>> heap_;
  uint64_t seq_ = 0;
};

/// When `item` expires under TTL attribute `attribute`, in epoch ms: only a
/// Number of epoch seconds is a TTL value (Developer Guide, "Time to Live");
/// an item without the attribute, or with another type, never expires.
/// Values beyond any clock's range are clamped. Read whatever the C locale
/// says a decimal point is: whole seconds directly, anything else (a
/// fraction, an exponent) through the classic locale.
inline std::optional<int64_t> ExpiresAtMs(const std::map<std::string, Model::AttributeValue>& item,
                                          const std::string& attribute) {
  auto it = item.find(attribute);
  if (it == item.end() || it->second.GetType() != Model::ValueType::NUMBER) return std::nullopt;
  const std::string& text = it->second.GetN();
  constexpr int64_t kMaxMs = 9000000000000000;  // year ~287 000: beyond any clock a test moves
  const bool negative = !text.empty() && text[0] == '-';
  std::size_t i = negative || (!text.empty() && text[0] == '+') ? 1 : 0;
  int64_t seconds = 0;
  bool whole = i < text.size();
  for (; whole && i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      whole = false;
    } else if (seconds < kMaxMs / 1000) {
      seconds = seconds * 10 + (text[i] - '0');
    }
  }
  if (whole) {
    const int64_t ms = std::min(seconds, kMaxMs / 1000) * 1000;
    return negative ? -ms : ms;
  }
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  double value = 0;
  in >> value;
  if (!in || !std::isfinite(value)) return std::nullopt;
  const double ms = std::floor(value * 1000.0);
  if (ms >= static_cast<double>(kMaxMs)) return kMaxMs;
  if (ms <= -static_cast<double>(kMaxMs)) return -kMaxMs;
  return static_cast<int64_t>(ms);
}

}  // namespace detail
}  // namespace dynafake
