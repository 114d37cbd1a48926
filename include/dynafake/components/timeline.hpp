// dynafake — Timeline: the pending transitions of a Service (a table becoming
// ACTIVE or going away, a backup becoming AVAILABLE or expiring), stored as
// instants and handed out in time order once the clock reaches them.
#pragma once

#include <cstddef>     // std::size_t
#include <cstdint>     // int64_t, uint64_t
#include <functional>  // std::greater
#include <optional>    // std::optional
#include <queue>       // std::priority_queue
#include <string>      // std::string
#include <vector>      // std::vector

namespace dynafake {
namespace detail {

enum class EventKind { TableSettled, TableGone, BackupAvailable, BackupExpired };

/// A pending transition, applied when the clock reaches `atMs`.
struct Event {
  int64_t atMs;
  uint64_t seq;  ///< order of scheduling, to break ties deterministically
  EventKind kind;
  std::string key;      ///< table name or backup ARN
  uint64_t generation;  ///< the table's generation when scheduled; a stale event is ignored
  friend bool operator>(const Event& a, const Event& b) { return a.atMs != b.atMs ? a.atMs > b.atMs : a.seq > b.seq; }
};

class Timeline {
 public:
  void Schedule(int64_t atMs, EventKind kind, const std::string& key, uint64_t generation) {
    queue_.push(Event{atMs, ++seq_, kind, key, generation});
  }
  bool HasDue(int64_t now) const { return !queue_.empty() && queue_.top().atMs <= now; }
  /// The instant of the earliest transition (HasDue must be true).
  int64_t NextDueMs() const { return queue_.top().atMs; }
  /// Takes the earliest transition due at `now` off the timeline, if there is one.
  std::optional<Event> NextDue(int64_t now) {
    if (!HasDue(now)) return std::nullopt;
    Event e = queue_.top();
    queue_.pop();
    return e;
  }
  std::size_t Pending() const { return queue_.size(); }

  /// Every pending transition in the order it will be applied, and the
  /// scheduling counter (for snapshots); Restore puts them back.
  std::vector<Event> All() const {
    auto copy = queue_;
    std::vector<Event> out;
    for (; !copy.empty(); copy.pop()) out.push_back(copy.top());
    return out;
  }
  uint64_t Sequence() const { return seq_; }
  void Restore(const std::vector<Event>& events, uint64_t sequence) {
    queue_ = {};
    for (const Event& e : events) queue_.push(e);
    seq_ = sequence;
  }
  void Clear() { Restore({}, 0); }

 private:
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue_;
  uint64_t seq_ = 0;
};

}  // namespace detail
}  // namespace dynafake
