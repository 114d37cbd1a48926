// dynafake — TimeToLive's definitions (see time_to_live.hpp).
#pragma once

#include <algorithm>  // std::max, std::sort, std::unique
#include <optional>   // std::optional
#include <string>     // std::string
#include <vector>     // std::vector

#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/items.hpp"     // Items
#include "dynafake/components/time_to_live.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL Model::TimeToLiveDescription TimeToLive::Describe(const TableRecord& t, int64_t now) {
  using Status = Model::TimeToLiveStatus;
  const bool changing = now < t.ttlSettledMs;
  Model::TimeToLiveDescription d;
  d.SetTimeToLiveStatus(t.ttlEnabled ? (changing ? Status::ENABLING : Status::ENABLED)
                                     : (changing ? Status::DISABLING : Status::DISABLED));
  // [infer] the attribute is shown while TTL is on or on its way off; AWS documents neither way
  if (t.ttlEnabled || changing) d.SetAttributeName(t.ttlAttribute);
  return d;
}

DYNAFAKE_IMPL Model::DescribeTimeToLiveOutcome TimeToLive::DescribeTimeToLive(const Model::DescribeTimeToLiveRequest& r,
                                                                              int64_t now) {
  const TableRecord* t = tables_->Find(r.GetTableName());
  if (!t)
    return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND,
                         msg::TableResourceNotFound(identity_->ShownName(r.GetTableName())));
  return Model::DescribeTimeToLiveResult().WithTimeToLiveDescription(Describe(*t, now));
}

// Messages as the service gives them: "TimeToLive is already enabled|disabled"
// (architect/dynalite test/updateTimeToLive.js, run against the service),
// "TimeToLive is active on a different AttributeName" (quoted from the service
// in go-to-k/cdkd#932), "Time to live has been modified multiple times within a
// fixed interval" (quoted from the service in aws/aws-cdk#13720). [infer] the
// order: the request against the setting first, then the one-hour interval.
DYNAFAKE_IMPL Model::UpdateTimeToLiveOutcome TimeToLive::UpdateTimeToLive(const Model::UpdateTimeToLiveRequest& r,
                                                                          int64_t now) {
  const Model::TimeToLiveSpecification& spec = r.GetTimeToLiveSpecification();
  TableRecord* t = tables_->Find(r.GetTableName());
  if (!t)
    return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND,
                         msg::TableResourceNotFound(identity_->ShownName(r.GetTableName())));
  if (spec.GetEnabled() && t->ttlEnabled && spec.GetAttributeName() != t->ttlAttribute)
    return DynamoDBError(DynamoDBErrors::VALIDATION, msg::TimeToLiveOnAnotherAttribute());
  if (spec.GetEnabled() == t->ttlEnabled)
    return DynamoDBError(DynamoDBErrors::VALIDATION, msg::TimeToLiveAlready(t->ttlEnabled));
  const int64_t interval = options_->limits.timeToLiveChangeInterval.count();
  if (t->ttlChanged && interval > 0 && now < t->ttlChangedMs + interval)
    return DynamoDBError(DynamoDBErrors::VALIDATION, msg::TimeToLiveModifiedTooOften());
  t->ttlEnabled = spec.GetEnabled();
  if (spec.GetEnabled()) t->ttlAttribute = spec.GetAttributeName();
  t->ttlChanged = true;
  t->ttlChangedMs = now;
  t->ttlSettledMs = now + options_->durations.timeToLiveChange.count();
  t->SettingsChanged();
  if (spec.GetEnabled()) ScheduleIndex(*t, t->ttlSettledMs);
  Model::TimeToLiveSpecification answer;
  answer.SetEnabled(spec.GetEnabled());
  if (spec.GetEnabled()) answer.SetAttributeName(spec.GetAttributeName());  // disabling answers {Enabled: false}
  return Model::UpdateTimeToLiveResult().WithTimeToLiveSpecification(answer);
}

DYNAFAKE_IMPL void TimeToLive::ScheduleIndex(const TableRecord& t, int64_t atMs) {
  ExpiryEntry e;
  e.dueMs = atMs;
  e.indexTable = true;
  e.table = t.desc.GetTableName();
  e.tableSerial = t.serial;
  expiry_->Push(std::move(e));
}

DYNAFAKE_IMPL void TimeToLive::ApplyNext(int64_t now, std::vector<std::string>& expiredIn) {
  std::optional<ExpiryEntry> e = expiry_->NextDue(now);
  if (!e) return;
  TableRecord* t = tables_->Find(e->table);
  // stale: the table is gone or another of the same name, TTL is off, or it was switched on again later
  if (!t || t->serial != e->tableSerial || !t->ttlEnabled || e->dueMs < t->ttlSettledMs ||
      t->status == Model::TableStatus::DELETING)
    return;
  const History& history = *t->items.history;
  if (e->indexTable) {
    // TTL is ENABLED from this instant: every live item with a TTL value gets its deletion
    history.ForEach(e->dueMs, History::kAll, std::string(), [&](const std::string& key, const Version& v) {
      items_->ScheduleExpiry(*t, key, v.item, e->dueMs);
      return true;
    });
    return;
  }
  if (!items_->Expire(*t, e->key, e->expiresMs, e->dueMs, now)) return;
  if (expiredIn.empty() || expiredIn.back() != e->table) expiredIn.push_back(e->table);
}

DYNAFAKE_IMPL void TimeToLive::Compact(std::vector<std::string>& expiredIn, int64_t now) {
  std::sort(expiredIn.begin(), expiredIn.end());
  expiredIn.erase(std::unique(expiredIn.begin(), expiredIn.end()), expiredIn.end());
  for (const std::string& name : expiredIn)
    if (TableRecord* t = tables_->Find(name)) items_->CompactIfDue(*t, now);
}

DYNAFAKE_IMPL void TimeToLive::Reindex(int64_t now) {
  expiry_->Clear();
  for (const auto& kv : tables_->All()) {
    const TableRecord& t = kv.second;
    if (t.ttlEnabled) ScheduleIndex(t, std::max(t.ttlSettledMs, now));
  }
}

}  // namespace detail
}  // namespace dynafake
