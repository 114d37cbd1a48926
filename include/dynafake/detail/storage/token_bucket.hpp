// dynafake — a token bucket on the Service's clock: the capacity a table or a
// global secondary index has left for reads or for writes. It fills lazily:
// whenever it is looked at, it gains `rate` units per second of the clock
// since it was last looked at, up to its capacity (the burst: "DynamoDB
// currently retains up to five minutes (300 seconds) of unused read and write
// capacity", Developer Guide, "Burst capacity"). Nothing runs in between.
#pragma once

#include <algorithm>  // std::min
#include <cstdint>    // int64_t
#include <map>        // std::map
#include <string>     // std::string

namespace dynafake {
namespace detail {

struct TokenBucket {
  double tokens = 0;     ///< units left (negative: in debt)
  int64_t atMs = 0;      ///< when `tokens` was last brought up to date
  bool started = false;  ///< a new bucket starts full

  /// Brings the bucket up to `now`: `rate` units a second, up to `capacity`.
  void Refill(double rate, double capacity, int64_t now) {
    if (!started) {
      started = true;
      tokens = capacity;
    } else if (now > atMs) {
      tokens = std::min(capacity, tokens + rate * static_cast<double>(now - atMs) / 1000.0);
    } else {
      tokens = std::min(capacity, tokens);  // the capacity may have been lowered (UpdateTable)
    }
    atMs = now;
  }
  /// Whether `units` may be taken: there are that many, or the bucket is full
  /// (so that a request costing more than the whole burst still goes
  /// through, once, when nothing else has been used; it leaves the bucket in
  /// debt, which the clock pays back before anything else is admitted).
  bool Admits(double units, double capacity) const {
    constexpr double kSlack = 1e-9;  // sums of halves and of rate x elapsed are exact enough
    return units <= tokens + kSlack || tokens + kSlack >= capacity;
  }
  void Take(double units) { tokens -= units; }
};

/// The read and the write bucket of one table or index.
struct CapacityBuckets {
  TokenBucket read, write;
  TokenBucket& For(bool isWrite) { return isWrite ? write : read; }
};

/// The buckets of one table: its own (which its local secondary indexes
/// share) and one per global secondary index, by name. Kept in the table's
/// record, read and written by Throughput only.
struct TableBuckets {
  CapacityBuckets table;
  std::map<std::string, CapacityBuckets> global;
};

}  // namespace detail
}  // namespace dynafake
