// dynafake — Backups' definitions (see backups.hpp).
#pragma once

#include <algorithm>  // std::sort, std::remove_if, std::max

#include "dynafake/components/backups.hpp"
#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/items.hpp"     // Items
#include "dynafake/components/quotas.hpp"    // Quotas
#include "dynafake/components/timeline.hpp"  // Timeline
#include "dynafake/detail/linkage.hpp"       // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"      // msg::

namespace dynafake {
namespace detail {

// ------------------------------------------------------------------ operations

DYNAFAKE_IMPL Model::CreateBackupOutcome Backups::CreateBackup(const Model::CreateBackupRequest& r, int64_t now) {
  using namespace Model;
  const std::string name = identity_->ShownName(r.GetTableName());
  TableRecord* t = tables_->Find(r.GetTableName());
  if (!t) return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(name));
  if (t->status == TableStatus::CREATING)
    return DynamoDBError(DynamoDBErrors::TABLE_IN_USE, msg::TableIsBeing(t->restoring ? "restored" : "created", name));
  if (t->status == TableStatus::DELETING)
    return DynamoDBError(DynamoDBErrors::TABLE_IN_USE, msg::TableIsBeing("deleted", name));
  if (now < t->createdMs + options_->durations.continuousBackupsWarmUp.count())
    return DynamoDBError(DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE, msg::ContinuousBackupsUnavailable(name));
  if (options_->serializeBackupsPerTable)
    if (const std::string* creating = CreatingUserBackup(t->desc.GetTableName()))
      return DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, msg::BackupAlreadyBeingCreated(name, *creating));
  if (options_->limits.backupsInProgress > 0) {
    int creating = 0;
    for (const auto& kv : backups_)
      if (kv.second.details.GetBackupStatus() == BackupStatus::CREATING) ++creating;
    if (auto e = quotas_->CheckBackupsInProgress(creating)) return *e;
  }
  const int64_t cut = CutFor(now);
  const BackupRecord& b = Take(*t, r.GetBackupName(), BackupType::USER, now, cut);
  CreateBackupResult out;  // built in place: With...() returns a reference, which would be copied
  out.SetBackupDetails(Details(b, now));
  return out;
}

DYNAFAKE_IMPL Model::CreateBackupOutcome Backups::SeedBackup(const std::string& tableName,
                                                             const std::string& backupName, Model::BackupType type,
                                                             int64_t now) {
  const TableRecord* t = tables_->Find(tableName);
  if (!t) return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(tableName));
  if (type == Model::BackupType::NOT_SET) type = Model::BackupType::USER;
  const BackupRecord& b = Take(*t, backupName, type, now, now);
  return Model::CreateBackupResult().WithBackupDetails(Details(b, now));
}

DYNAFAKE_IMPL Model::DescribeBackupOutcome Backups::DescribeBackup(const Model::DescribeBackupRequest& r,
                                                                   int64_t now) {
  const BackupRecord* b = Find(r.GetBackupArn());
  if (!b) return DynamoDBError(DynamoDBErrors::BACKUP_NOT_FOUND, msg::BackupNotFound(r.GetBackupArn()));
  Model::DescribeBackupResult out;
  out.SetBackupDescription(Description(*b, now));
  return out;
}

DYNAFAKE_IMPL Model::ListBackupsOutcome Backups::ListBackups(const Model::ListBackupsRequest& r, int64_t now) {
  using namespace Model;
  const BackupTypeFilter filter = r.BackupTypeHasBeenSet() ? r.GetBackupType() : BackupTypeFilter::USER;
  auto typeMatches = [&](BackupType t) {
    switch (filter) {
      case BackupTypeFilter::ALL: return t == BackupType::USER || t == BackupType::SYSTEM;
      case BackupTypeFilter::USER: return t == BackupType::USER;
      case BackupTypeFilter::SYSTEM: return t == BackupType::SYSTEM;
      case BackupTypeFilter::AWS_BACKUP: return t == BackupType::AWS_BACKUP;
      default: return false;
    }
  };
  const std::string table = r.TableNameHasBeenSet() ? identity_->TableNameOf(r.GetTableName()) : std::string();
  // order: creation time, then ARN — stable, so paging is deterministic
  std::vector<const BackupRecord*> rows;
  for (const auto& kv : backups_) {
    const BackupRecord& b = kv.second;
    if (r.TableNameHasBeenSet() && b.tableName != table) continue;
    if (!typeMatches(b.details.GetBackupType())) continue;
    const int64_t created = b.details.GetBackupCreationDateTime().Millis();
    if (r.TimeRangeLowerBoundHasBeenSet() && created < r.GetTimeRangeLowerBound().Millis()) continue;
    if (r.TimeRangeUpperBoundHasBeenSet() && created >= r.GetTimeRangeUpperBound().Millis()) continue;
    rows.push_back(&b);
  }
  auto keyOf = [](const BackupRecord* b) {
    return std::make_pair(b->details.GetBackupCreationDateTime().Millis(), b->details.GetBackupArn());
  };
  std::sort(rows.begin(), rows.end(), [&](const BackupRecord* a, const BackupRecord* b) { return keyOf(a) < keyOf(b); });
  std::size_t start = 0;
  if (r.ExclusiveStartBackupArnHasBeenSet()) {
    // position by the ARN's own creation stamp, so a deleted start ARN still works
    const std::string& arn = r.GetExclusiveStartBackupArn();
    int64_t ms = 0;
    const auto slash = arn.rfind("/backup/");
    if (slash != std::string::npos) {
      try {
        ms = std::stoll(arn.substr(slash + 8, 14));
      } catch (...) {
        ms = 0;
      }
    }
    if (const BackupRecord* known = Find(arn)) ms = known->details.GetBackupCreationDateTime().Millis();
    const auto startKey = std::make_pair(ms, arn);
    while (start < rows.size() && !(startKey < keyOf(rows[start]))) ++start;
  }
  const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX;
  std::vector<BackupSummary> page;
  std::size_t bytes = 0;  // a page holds at most 1 MB
  std::size_t i = start;
  for (; i < rows.size() && page.size() < limit && bytes < 1024 * 1024; ++i) {
    page.push_back(Summary(*rows[i], now));
    bytes += 300 + rows[i]->details.GetBackupArn().size() + rows[i]->details.GetBackupName().size();
  }
  ListBackupsResult out;
  out.SetBackupSummaries(page);
  if (i < rows.size() && !page.empty()) out.SetLastEvaluatedBackupArn(page.back().GetBackupArn());
  return out;
}

DYNAFAKE_IMPL Model::DeleteBackupOutcome Backups::DeleteBackup(const Model::DeleteBackupRequest& r, int64_t now) {
  using namespace Model;
  const std::string arn = r.GetBackupArn();
  const BackupRecord* b = Find(arn);
  if (!b) return DynamoDBError(DynamoDBErrors::BACKUP_NOT_FOUND, msg::BackupNotFound(arn));
  if (b->details.GetBackupStatus() == BackupStatus::CREATING)
    return DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, msg::BackupIsBeingCreated(arn));
  for (const auto& kv : tables_->All())
    if (kv.second.restoring && kv.second.restoreSourceBackup == arn)
      return DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, msg::BackupUsedByRestore(kv.first));
  BackupDescription d = Description(*b, now);
  BackupDetails details = d.GetBackupDetails();
  details.SetBackupStatus(BackupStatus::DELETED);
  d.SetBackupDetails(details);
  Remove(arn, now);
  return DeleteBackupResult().WithBackupDescription(d);
}

// ------------------------------------------------------------------ records

DYNAFAKE_IMPL int64_t Backups::CutFor(int64_t now) {
  switch (options_->backupCut) {
    case BackupCutPolicy::RequestTime: return now;
    case BackupCutPolicy::Earliest: return now - 60000;
    case BackupCutPolicy::Latest: return now + 60000;
    case BackupCutPolicy::SeededRandom: return now - 60000 + static_cast<int64_t>(identity_->NextRandom() % 120001);
  }
  return now;
}

DYNAFAKE_IMPL BackupRecord& Backups::Take(const TableRecord& t, const std::string& name, Model::BackupType type,
                                          int64_t now, int64_t cutMs) {
  using namespace Model;
  BackupRecord b;
  const TableDescription& d = t.desc;
  b.tableName = d.GetTableName();
  b.cutMs = cutMs;
  b.cutSeq = cutMs == now ? t.items.history->LastSeq() : History::kAll;
  b.history = t.items.history;
  b.key = t.key;
  b.attributeDefinitions = d.GetAttributeDefinitions();
  b.details.SetBackupArn(identity_->NewBackupArn(d.GetTableName(), now));
  b.details.SetBackupName(name);
  b.details.SetBackupType(type);
  b.details.SetBackupCreationDateTime(DateTime(now));
  if (type == BackupType::SYSTEM) b.details.SetBackupExpiryDateTime(DateTime(now + 35LL * 86400000LL));
  b.availableAtMs = std::max(now + options_->durations.backupCreate.count(), cutMs);
  b.details.SetBackupStatus(b.availableAtMs > now ? BackupStatus::CREATING : BackupStatus::AVAILABLE);

  SourceTableDetails& s = b.source;
  s.SetTableName(d.GetTableName());
  s.SetTableId(d.GetTableId());
  s.SetTableArn(d.GetTableArn());
  s.SetKeySchema(d.GetKeySchema());
  s.SetTableCreationDateTime(d.GetCreationDateTime());
  s.SetProvisionedThroughput(Tables::Throughput(d.GetProvisionedThroughput()));
  if (d.OnDemandThroughputHasBeenSet()) s.SetOnDemandThroughput(d.GetOnDemandThroughput());
  s.SetBillingMode(Tables::BillingModeOf(t));

  SourceTableFeatureDetails& f = b.features;
  for (auto& l : Tables::LocalIndexesToCopy(t)) f.AddLocalSecondaryIndexes(std::move(l));
  for (auto& g : Tables::GlobalIndexesToCopy(t)) f.AddGlobalSecondaryIndexes(std::move(g));
  if (d.StreamSpecificationHasBeenSet()) f.SetStreamDescription(d.GetStreamSpecification());
  f.SetTimeToLiveDescription(Tables::TimeToLive(t));
  if (d.SSEDescriptionHasBeenSet()) f.SetSSEDescription(d.GetSSEDescription());

  std::string arn = b.details.GetBackupArn();
  b.history->Pin(b.cutMs);
  BackupRecord& stored = backups_.emplace(std::move(arn), std::move(b)).first->second;
  const std::string& key = stored.details.GetBackupArn();
  if (stored.details.GetBackupStatus() == BackupStatus::CREATING) {
    timeline_->Schedule(stored.availableAtMs, EventKind::BackupAvailable, key, 0);
    if (type == BackupType::USER) creatingUserBackups_[stored.tableName].push_back(key);
  }
  if (stored.details.BackupExpiryDateTimeHasBeenSet())
    timeline_->Schedule(stored.details.GetBackupExpiryDateTime().Millis(), EventKind::BackupExpired, key, 0);
  return stored;
}

DYNAFAKE_IMPL const BackupRecord* Backups::Find(const std::string& arn) const {
  auto it = backups_.find(arn);
  return it == backups_.end() ? nullptr : &it->second;
}

DYNAFAKE_IMPL const std::string* Backups::CreatingUserBackup(const std::string& table) {
  auto found = creatingUserBackups_.find(table);
  if (found == creatingUserBackups_.end()) return nullptr;
  auto& arns = found->second;
  arns.erase(std::remove_if(arns.begin(), arns.end(),
                            [&](const std::string& arn) {
                              const BackupRecord* b = Find(arn);
                              return !b || b->details.GetBackupStatus() != Model::BackupStatus::CREATING;
                            }),
             arns.end());
  return arns.empty() ? nullptr : &arns.front();
}

DYNAFAKE_IMPL Model::BackupDetails Backups::Details(const BackupRecord& b, int64_t now) const {
  Model::BackupDetails d = b.details;
  // the size is read from the history as of the cut, once the cut has passed
  const Totals totals = b.cutMs <= now ? b.history->TotalsAt(b.cutMs, b.cutSeq) : b.history->TotalsAt(now);
  d.SetBackupSizeBytes(totals.bytes);
  return d;
}

DYNAFAKE_IMPL Model::BackupDescription Backups::Description(const BackupRecord& b, int64_t now) const {
  Model::SourceTableDetails s = b.source;
  const Totals totals = b.cutMs <= now ? b.history->TotalsAt(b.cutMs, b.cutSeq) : b.history->TotalsAt(now);
  s.SetItemCount(totals.items);
  s.SetTableSizeBytes(totals.bytes);
  Model::BackupDescription d;
  d.SetBackupDetails(Details(b, now));
  d.SetSourceTableDetails(std::move(s));
  d.SetSourceTableFeatureDetails(b.features);
  return d;
}

DYNAFAKE_IMPL Model::BackupSummary Backups::Summary(const BackupRecord& b, int64_t now) const {
  const Model::BackupDetails d = Details(b, now);
  Model::BackupSummary s;
  s.WithTableName(b.source.GetTableName())
      .WithTableId(b.source.GetTableId())
      .WithTableArn(b.source.GetTableArn())
      .WithBackupArn(d.GetBackupArn())
      .WithBackupName(d.GetBackupName())
      .WithBackupCreationDateTime(d.GetBackupCreationDateTime())
      .WithBackupStatus(d.GetBackupStatus())
      .WithBackupType(d.GetBackupType())
      .WithBackupSizeBytes(d.GetBackupSizeBytes());
  if (d.BackupExpiryDateTimeHasBeenSet()) s.SetBackupExpiryDateTime(d.GetBackupExpiryDateTime());
  return s;
}

// ------------------------------------------------------------------ transitions and state

DYNAFAKE_IMPL void Backups::MarkAvailable(const std::string& arn) {
  auto it = backups_.find(arn);
  if (it == backups_.end() || it->second.details.GetBackupStatus() != Model::BackupStatus::CREATING) return;
  it->second.details.SetBackupStatus(Model::BackupStatus::AVAILABLE);
}

DYNAFAKE_IMPL void Backups::Remove(const std::string& arn, int64_t now) {
  auto it = backups_.find(arn);
  if (it == backups_.end()) return;
  const std::shared_ptr<History> history = it->second.history;
  history->Unpin(it->second.cutMs);
  backups_.erase(it);
  items_->Released(history, now);
}

DYNAFAKE_IMPL void Backups::Replace(Map backups, std::map<std::string, std::vector<std::string>> creating) {
  backups_ = std::move(backups);
  creatingUserBackups_ = std::move(creating);
}

}  // namespace detail
}  // namespace dynafake
