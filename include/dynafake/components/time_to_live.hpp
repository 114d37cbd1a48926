// dynafake — TimeToLive: a table's Time to Live setting on the clock
// (DescribeTimeToLive, UpdateTimeToLive: ENABLING -> ENABLED, DISABLING ->
// DISABLED, one change an hour) and the deletion of expired items, which
// falls due lazily, in time order, as the Service's other transitions do.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/components/tables.hpp"            // TableRecord
#include "dynafake/detail/storage/expiry_queue.hpp"  // ExpiryQueue, ExpiryEntry
#include "dynafake/generated/operations.hpp"         // XRequest, XOutcome
#include "dynafake/options.hpp"                      // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Items;

class TimeToLive {
 public:
  TimeToLive(const ServiceOptions& options, Identity& identity, Tables& tables, Items& items, ExpiryQueue& expiry)
      : options_(&options), identity_(&identity), tables_(&tables), items_(&items), expiry_(&expiry) {}

  // ---- the operations
  Model::DescribeTimeToLiveOutcome DescribeTimeToLive(const Model::DescribeTimeToLiveRequest& r, int64_t now);
  Model::UpdateTimeToLiveOutcome UpdateTimeToLive(const Model::UpdateTimeToLiveRequest& r, int64_t now);

  /// The table's TTL as DescribeTimeToLive shows it at `now`.
  static Model::TimeToLiveDescription Describe(const TableRecord& t, int64_t now);

  // ---- expiry (applied by the Service when its instant comes)
  bool HasDue(int64_t now) const { return expiry_->HasDue(now); }
  int64_t NextDueMs() const { return expiry_->NextDueMs(); }
  /// Applies the earliest entry due at `now`: indexes a table whose TTL
  /// became ENABLED, or deletes an item that is still expired (an entry
  /// made stale by a later write, a TTL change or a new table of the same
  /// name does nothing). Tables that lost items are added to `expiredIn`.
  void ApplyNext(int64_t now, std::vector<std::string>& expiredIn);
  /// Compacts the histories of tables that lost enough items (after ApplyNext calls).
  void Compact(std::vector<std::string>& expiredIn, int64_t now);
  /// Rebuilds the pending deletions from the tables' items (after a state is loaded).
  void Reindex(int64_t now);
  std::size_t Pending() const { return expiry_->Pending(); }
  void Clear() { expiry_->Clear(); }

 private:
  void ScheduleIndex(const TableRecord& t, int64_t atMs);

  const ServiceOptions* options_;
  Identity* identity_;
  Tables* tables_;
  Items* items_;
  ExpiryQueue* expiry_;
};

}  // namespace detail
}  // namespace dynafake
