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
#include <utility>     // std::move
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

  /// What a snapshot keeps: every pending transition in the order it will be
  /// applied, and the scheduling counter.
  struct State {
    std::vector<Event> events;
    uint64_t sequence = 0;
  };
  State Save() const {
    State s;
    s.sequence = seq_;
    for (auto copy = queue_; !copy.empty(); copy.pop()) s.events.push_back(copy.top());
    return s;
  }
  /// Any list of transitions is a valid timeline (a stale one is ignored when it falls due): nothing to check.
  void Load(State s) {
    queue_ = {};
    for (Event& e : s.events) queue_.push(std::move(e));
    seq_ = s.sequence;
  }
  void Clear() { Load({}); }

 private:
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue_;
  uint64_t seq_ = 0;
};

}  // namespace detail
}  // namespace dynafake
