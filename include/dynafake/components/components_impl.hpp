// dynafake — Components' definitions: transitions dispatched to the component
// they concern, reset, statistics, the whole state saved and loaded (see
// components.hpp).
#pragma once

#include <map>      // std::map
#include <memory>   // std::shared_ptr, std::make_shared
#include <set>      // std::set
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

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

DYNAFAKE_IMPL SavedState Components::Save(int64_t now) {
  ApplyDue(now);
  SavedState s;
  s.savedAtMs = now;
  s.identity = identity.Save();
  s.timeline = timeline.Save();
  s.tables = tables.Save();
  s.continuous = continuous.Save();
  s.backups = backups.Save();
  s.exports = exports.Save();
  s.imports = imports.Save();
  // the histories are the Service's, written by its next calls: the saved state gets copies, shared as the
  // originals are shared (a table and its backups, its exports)
  std::map<const History*, std::shared_ptr<History>> copies;
  auto copy = [&copies](std::shared_ptr<History>& h) {
    if (!h) return;
    std::shared_ptr<History>& c = copies[h.get()];
    if (!c) {
      c = std::make_shared<History>();
      c->Restore(h->Keys(), h->TotalsLog(), h->LastSeq());
    }
    h = c;
  };
  for (auto& kv : s.tables.tables) {
    copy(kv.second.items.history);
    kv.second.SettingsChanged();  // what a backup copies is made again, from the copy
  }
  for (BackupState& b : s.backups.backups) copy(b.history);
  for (ExportRecord& e : s.exports.exports) copy(e.history);
  return s;
}

DYNAFAKE_IMPL void Components::Check(const SavedState& s) {
  Tables::Check(s.tables);
  ContinuousBackups::Check(s.continuous);
  Backups::Check(s.backups);
  Exports::Check(s.exports);
  Imports::Check(s.imports);
}

DYNAFAKE_IMPL void Components::Load(SavedState s, int64_t now) {
  tables.Load(std::move(s.tables));
  continuous.Load(std::move(s.continuous));
  backups.Load(std::move(s.backups));
  timeline.Load(std::move(s.timeline));
  exports.Load(std::move(s.exports));
  imports.Load(std::move(s.imports));
  identity.Load(s.identity);
  quotas.Clear();
  timeToLive.Reindex(now);  // pending TTL deletions follow from the items; they are not saved
}

}  // namespace detail
}  // namespace dynafake
