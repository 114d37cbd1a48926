// dynafake — Components' definitions: transitions dispatched to the component
// they concern, reset, statistics (see components.hpp).
#pragma once

#include <set>     // std::set
#include <string>  // std::string
#include <vector>  // std::vector

#include "dynafake/components/components.hpp"
#include "dynafake/detail/linkage.hpp"  // DYNAFAKE_IMPL
#include "dynafake/stats.hpp"           // ServiceStats

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL void Components::ApplyDue(int64_t now) {
  // exports read a fixed (history, cut): writing their files first or last gives the same files
  exports.ApplyDue(now);
  if (!timeline.HasDue(now) && !timeToLive.HasDue(now)) return;
  items.DeferCompaction();             // histories that lose readers are compacted once, at the end
  std::vector<std::string> expiredIn;  // tables that lost expired items, to compact once at the end
  for (;;) {
    const bool transition = timeline.HasDue(now), expiring = timeToLive.HasDue(now);
    if (!transition && !expiring) break;
    // the two queues merged by instant (a transition first at the same millisecond)
    if (expiring && (!transition || timeToLive.NextDueMs() < timeline.NextDueMs())) {
      timeToLive.ApplyNext(now, expiredIn);
      continue;
    }
    const auto e = timeline.NextDue(now);
    switch (e->kind) {
      case EventKind::TableSettled:
        tables.Settle(e->key, e->generation);
        break;
      case EventKind::TableGone:
        if (auto history = tables.Remove(e->key, e->generation)) {
          continuous.ForgetTable(e->key);
          backups.ForgetTable(e->key);
          items.CompactHistory(history, now);
        }
        break;
      case EventKind::BackupAvailable:
        backups.MarkAvailable(e->key);
        break;
      case EventKind::BackupExpired:
        backups.Remove(e->key, now);
        break;
    }
  }
  timeToLive.Compact(expiredIn, now);
  items.FlushCompaction(now);
}

DYNAFAKE_IMPL void Components::Reset() {
  tables.Clear();
  backups.Clear();
  continuous.Clear();
  timeline.Clear();
  timeToLive.Clear();
  exports.Clear();
  imports.Clear();
  quotas.Clear();
  transactions.Clear();
  identity.Reset();
}

DYNAFAKE_IMPL ServiceStats Components::Stats() const {
  ServiceStats s;
  s.tables = tables.Count();
  s.backups = backups.All().size();
  std::set<const History*> seen;
  auto count = [&](const std::shared_ptr<History>& h) {
    if (h && seen.insert(h.get()).second) s.historyVersions += h->VersionCount();
  };
  for (const auto& kv : tables.All()) count(kv.second.items.history);
  for (const auto& kv : backups.All()) count(kv.second.Items());
  s.histories = seen.size();
  s.pendingEvents = timeline.Pending();
  return s;
}

}  // namespace detail
}  // namespace dynafake
