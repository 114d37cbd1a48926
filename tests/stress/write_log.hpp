// What a concurrent run wrote, and what a backup of it may therefore hold.
//
// Every call of the stress test takes two tickets from one atomic counter:
// one just before the call, one just after it returns. Two calls whose
// ticket intervals do not overlap happened one after the other in real
// time; overlapping ones were concurrent, and the Service (one lock) ran
// them in some order. A backup cuts the table at one instant inside its own
// interval, so for every key the backup holds the value of one write that
// may precede the cut while the next write to that key may follow it. Each
// key has a single writer, so its writes are totally ordered: this is the
// usual per-register linearizability check, exact for writes that did not
// overlap the backup call.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dynafake_stress {

/// The real-time interval of one call, in tickets.
struct Interval {
  int64_t start = 0;
  int64_t end = 0;
};

class Tickets {
 public:
  int64_t Take() { return next_.fetch_add(1); }
  int64_t Taken() const { return next_.load(); }

 private:
  std::atomic<int64_t> next_{0};
};

/// One successful write of one key: its value afterwards (nullopt: deleted).
struct Write {
  Interval when;
  std::optional<std::string> value;
};

/// The successful writes of one key, in the order its single writer made them.
using KeyLog = std::vector<Write>;

/// Values (attribute "v") by key, as read back from a table.
using Content = std::map<std::string, std::string>;

/// Why `found` is not a possible content of a cut inside `backup` of a table
/// whose keys were written as `logs` says; empty when it is possible.
inline std::string ExplainImpossibleCut(const std::map<std::string, KeyLog>& logs, const Interval& backup,
                                        const Content& found) {
  for (const auto& kv : found)
    if (!logs.count(kv.first)) return "key " + kv.first + " was never written, yet the backup holds it";
  for (const auto& kv : logs) {
    const KeyLog& w = kv.second;
    const auto it = found.find(kv.first);
    const std::optional<std::string> got = it == found.end() ? std::nullopt : std::optional<std::string>(it->second);
    // Candidate i: the state after the i-th write (0: before any, absent).
    bool possible = false;
    for (std::size_t i = 0; i <= w.size() && !possible; ++i) {
      const bool mayPrecede = i == 0 || w[i - 1].when.start < backup.end;
      const bool nextMayFollow = i == w.size() || !(w[i].when.end < backup.start);
      const std::optional<std::string> value = i == 0 ? std::nullopt : w[i - 1].value;
      possible = mayPrecede && nextMayFollow && value == got;
    }
    if (!possible)
      return "key " + kv.first + " holds " + (got ? "v=" + *got : std::string("nothing")) +
             ", which no write of it around the backup's cut left behind (" + std::to_string(w.size()) +
             " writes; backup interval [" + std::to_string(backup.start) + ", " + std::to_string(backup.end) + "])";
  }
  return "";
}

}  // namespace dynafake_stress
