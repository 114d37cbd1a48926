// dynafake — Service: on-demand backups (CreateBackup, DescribeBackup,
// ListBackups, DeleteBackup) and SYSTEM/AWS_BACKUP backups. Included by service.hpp.
#pragma once

#include <string>  // std::string
#include <tuple>   // std::tie
#include <vector>  // std::vector

namespace dynafake {

inline int64_t Service::CutFor(int64_t now) {
  switch (options_.backupCut) {
    case BackupCutPolicy::RequestTime: return now;
    case BackupCutPolicy::Earliest: return now - 60000;
    case BackupCutPolicy::Latest: return now + 60000;
    case BackupCutPolicy::SeededRandom: return now - 60000 + static_cast<int64_t>(NextRandom() % 120001);
  }
  return now;
}

inline Service::Backup Service::MakeBackup(const Table& t, const std::string& name, Model::BackupType type,
                                           int64_t now, int64_t cutMs) {
  using namespace Model;
  Backup b;
  const TableDescription& d = t.desc;
  b.tableName = d.GetTableName();
  b.cutMs = cutMs;
  b.cutSeq = cutMs == now ? t.history->LastSeq() : detail::History::kAll;
  b.history = t.history;
  b.key = t.key;
  b.attributeDefinitions = d.GetAttributeDefinitions();
  b.details.SetBackupArn(NewBackupArn(d.GetTableName(), now));
  b.details.SetBackupName(name);
  b.details.SetBackupType(type);
  b.details.SetBackupCreationDateTime(DateTime(now));
  if (type == BackupType::SYSTEM) b.details.SetBackupExpiryDateTime(DateTime(now + 35LL * 86400000LL));
  const int64_t available = std::max(now + Ms(options_.durations.backupCreate), cutMs);
  b.availableAtMs = available;
  b.details.SetBackupStatus(available > now ? BackupStatus::CREATING : BackupStatus::AVAILABLE);

  SourceTableDetails& s = b.source;
  s.SetTableName(d.GetTableName());
  s.SetTableId(d.GetTableId());
  s.SetTableArn(d.GetTableArn());
  s.SetKeySchema(d.GetKeySchema());
  s.SetTableCreationDateTime(d.GetCreationDateTime());
  s.SetProvisionedThroughput(ProvisionedThroughput()
                                 .WithReadCapacityUnits(d.GetProvisionedThroughput().GetReadCapacityUnits())
                                 .WithWriteCapacityUnits(d.GetProvisionedThroughput().GetWriteCapacityUnits()));
  if (d.OnDemandThroughputHasBeenSet()) s.SetOnDemandThroughput(d.GetOnDemandThroughput());
  s.SetBillingMode(d.BillingModeSummaryHasBeenSet() ? d.GetBillingModeSummary().GetBillingMode() : BillingMode::PROVISIONED);

  SourceTableFeatureDetails& f = b.features;
  for (const auto& l : d.GetLocalSecondaryIndexes())
    f.AddLocalSecondaryIndexes(LocalSecondaryIndexInfo().WithIndexName(l.GetIndexName()).WithKeySchema(l.GetKeySchema()).WithProjection(l.GetProjection()));
  for (const auto& g : t.gsis) {
    if (g.GetIndexStatus() == IndexStatus::CREATING) continue;  // not yet part of the table
    GlobalSecondaryIndexInfo gi;
    gi.WithIndexName(g.GetIndexName()).WithKeySchema(g.GetKeySchema()).WithProjection(g.GetProjection())
        .WithProvisionedThroughput(ProvisionedThroughput()
                                       .WithReadCapacityUnits(g.GetProvisionedThroughput().GetReadCapacityUnits())
                                       .WithWriteCapacityUnits(g.GetProvisionedThroughput().GetWriteCapacityUnits()));
    if (g.OnDemandThroughputHasBeenSet()) gi.SetOnDemandThroughput(g.GetOnDemandThroughput());
    f.AddGlobalSecondaryIndexes(gi);
  }
  if (d.StreamSpecificationHasBeenSet()) f.SetStreamDescription(d.GetStreamSpecification());
  TimeToLiveDescription ttl;
  ttl.SetTimeToLiveStatus(t.ttlEnabled ? TimeToLiveStatus::ENABLED : TimeToLiveStatus::DISABLED);
  if (t.ttlEnabled) ttl.SetAttributeName(t.ttlAttribute);
  f.SetTimeToLiveDescription(ttl);
  if (d.SSEDescriptionHasBeenSet()) f.SetSSEDescription(d.GetSSEDescription());
  return b;
}

inline Service::Backup& Service::StoreBackup(Backup b, int64_t now) {
  std::string arn = b.details.GetBackupArn();
  b.history->Pin(b.cutMs);
  Backup& stored = backups_.emplace(std::move(arn), std::move(b)).first->second;
  const std::string& key = stored.details.GetBackupArn();
  if (stored.details.GetBackupStatus() == Model::BackupStatus::CREATING)
    Schedule(stored.availableAtMs, detail::EventKind::BackupAvailable, key, 0);
  if (stored.details.BackupExpiryDateTimeHasBeenSet())
    Schedule(stored.details.GetBackupExpiryDateTime().Millis(), detail::EventKind::BackupExpired, key, 0);
  (void)now;
  return stored;
}

inline void Service::RemoveBackup(const std::string& arn, int64_t now) {
  auto it = backups_.find(arn);
  if (it == backups_.end()) return;
  auto history = it->second.history;
  history->Unpin(it->second.cutMs);
  backups_.erase(it);
  if (history.use_count() > 1) {  // else it dies with this last reference
    if (applyingDue_) compactAfterApply_.insert(history);
    else CompactHistory(history, now);
  }
}

inline Model::BackupDetails Service::DetailsOf(const Backup& b, int64_t now) const {
  Model::BackupDetails d = b.details;
  // the size is read from the history as of the cut, once the cut has passed
  const detail::Totals totals = b.cutMs <= now ? b.history->TotalsAt(b.cutMs, b.cutSeq) : b.history->TotalsAt(now);
  d.SetBackupSizeBytes(totals.bytes);
  return d;
}

inline Model::BackupDescription Service::DescribeBackupState(const Backup& b, int64_t now) const {
  Model::SourceTableDetails s = b.source;
  const detail::Totals totals = b.cutMs <= now ? b.history->TotalsAt(b.cutMs, b.cutSeq) : b.history->TotalsAt(now);
  s.SetItemCount(totals.items);
  s.SetTableSizeBytes(totals.bytes);
  Model::BackupDescription d;  // built in place: With...() returns a reference, which would be copied
  d.SetBackupDetails(DetailsOf(b, now));
  d.SetSourceTableDetails(std::move(s));
  d.SetSourceTableFeatureDetails(b.features);
  return d;
}

inline Model::BackupSummary Service::Summarize(const Backup& b, int64_t now) const {
  const Model::BackupDetails d = DetailsOf(b, now);
  Model::BackupSummary s;
  s.WithTableName(b.source.GetTableName()).WithTableId(b.source.GetTableId()).WithTableArn(b.source.GetTableArn())
      .WithBackupArn(d.GetBackupArn()).WithBackupName(d.GetBackupName()).WithBackupCreationDateTime(d.GetBackupCreationDateTime())
      .WithBackupStatus(d.GetBackupStatus()).WithBackupType(d.GetBackupType()).WithBackupSizeBytes(d.GetBackupSizeBytes());
  if (d.BackupExpiryDateTimeHasBeenSet()) s.SetBackupExpiryDateTime(d.GetBackupExpiryDateTime());
  return s;
}

inline Model::CreateBackupOutcome Service::CreateBackup(const Model::CreateBackupRequest& r) {
  return Run(r, [&](int64_t now) -> Model::CreateBackupOutcome {
    using namespace Model;
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    if (!t) return Err(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: " + (name.empty() ? r.GetTableName() : name));
    if (t->status == TableStatus::CREATING)
      return Err(DynamoDBErrors::TABLE_IN_USE, std::string(t->restoring ? "Table is being restored: " : "Table is being created: ") + name);
    if (t->status == TableStatus::DELETING) return Err(DynamoDBErrors::TABLE_IN_USE, "Table is being deleted: " + name);
    if (now < t->createdMs + Ms(options_.durations.continuousBackupsWarmUp))
      return Err(DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE, "Backups are being enabled for the table: " + name + ". Please retry later");
    if (options_.serializeBackupsPerTable)
      if (const std::string* creating = CreatingUserBackup(*t))
        return Err(DynamoDBErrors::BACKUP_IN_USE, "Backup is already being created for table: " + name + " (" + *creating + ")");
    if (options_.limits.backupsInProgress > 0) {
      int creating = 0;
      for (const auto& kv : backups_)
        if (kv.second.details.GetBackupStatus() == BackupStatus::CREATING) ++creating;
      if (creating >= options_.limits.backupsInProgress)
        return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: " + std::to_string(creating) + " backups are already being created");
    }
    Backup& b = StoreBackup(MakeBackup(*t, r.GetBackupName(), BackupType::USER, now, CutFor(now)), now);
    if (b.details.GetBackupStatus() == BackupStatus::CREATING) t->creatingUserBackups.push_back(b.details.GetBackupArn());
    CreateBackupResult out;
    out.SetBackupDetails(DetailsOf(b, now));
    return out;
  });
}

inline Model::CreateBackupOutcome Service::SeedBackup(const std::string& tableName, const std::string& backupName,
                                                      Model::BackupType type) {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t now = NowMs();
  ApplyDue(now);
  Table* t = FindTable(tableName);
  if (!t) return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: " + tableName);
  if (type == Model::BackupType::NOT_SET) type = Model::BackupType::USER;
  Backup& b = StoreBackup(MakeBackup(*t, backupName, type, now, now), now);
  if (type == Model::BackupType::USER && b.details.GetBackupStatus() == Model::BackupStatus::CREATING)
    t->creatingUserBackups.push_back(b.details.GetBackupArn());
  return Model::CreateBackupResult().WithBackupDetails(DetailsOf(b, now));
}

inline Model::DescribeBackupOutcome Service::DescribeBackup(const Model::DescribeBackupRequest& r) {
  return Run(r, [&](int64_t now) -> Model::DescribeBackupOutcome {
    const Backup* b = FindBackup(r.GetBackupArn());
    if (!b) return Err(DynamoDBErrors::BACKUP_NOT_FOUND, "Backup not found: " + r.GetBackupArn());
    Model::DescribeBackupResult out;
    out.SetBackupDescription(DescribeBackupState(*b, now));
    return out;
  });
}

inline Model::ListBackupsOutcome Service::ListBackups(const Model::ListBackupsRequest& r) {
  return Run(r, [&](int64_t now) -> Model::ListBackupsOutcome {
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
    const std::string table = r.TableNameHasBeenSet() ? NameFromTableArg(r.GetTableName()) : std::string();
    // order: creation time, then ARN — stable, so paging is deterministic
    std::vector<const Backup*> rows;
    for (const auto& kv : backups_) {
      const Backup& b = kv.second;
      if (r.TableNameHasBeenSet() && b.tableName != table) continue;
      if (!typeMatches(b.details.GetBackupType())) continue;
      const int64_t created = b.details.GetBackupCreationDateTime().Millis();
      if (r.TimeRangeLowerBoundHasBeenSet() && created < r.GetTimeRangeLowerBound().Millis()) continue;
      if (r.TimeRangeUpperBoundHasBeenSet() && created >= r.GetTimeRangeUpperBound().Millis()) continue;
      rows.push_back(&b);
    }
    auto keyOf = [](const Backup* b) { return std::make_pair(b->details.GetBackupCreationDateTime().Millis(), b->details.GetBackupArn()); };
    std::sort(rows.begin(), rows.end(), [&](const Backup* a, const Backup* b) { return keyOf(a) < keyOf(b); });
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
      if (const Backup* known = FindBackup(arn)) ms = known->details.GetBackupCreationDateTime().Millis();
      const auto startKey = std::make_pair(ms, arn);
      while (start < rows.size() && !(startKey < keyOf(rows[start]))) ++start;
    }
    const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX;
    ListBackupsResult out;
    std::vector<BackupSummary> page;
    std::size_t bytes = 0;
    std::size_t i = start;
    for (; i < rows.size() && page.size() < limit && bytes < 1024 * 1024; ++i) {
      page.push_back(Summarize(*rows[i], now));
      bytes += 300 + rows[i]->details.GetBackupArn().size() + rows[i]->details.GetBackupName().size();
    }
    out.SetBackupSummaries(page);
    if (i < rows.size() && !page.empty()) out.SetLastEvaluatedBackupArn(page.back().GetBackupArn());
    return out;
  });
}

inline Model::DeleteBackupOutcome Service::DeleteBackup(const Model::DeleteBackupRequest& r) {
  return Run(r, [&](int64_t now) -> Model::DeleteBackupOutcome {
    using namespace Model;
    const std::string arn = r.GetBackupArn();
    Backup* b = FindBackup(arn);
    if (!b) return Err(DynamoDBErrors::BACKUP_NOT_FOUND, "Backup not found: " + arn);
    if (b->details.GetBackupStatus() == BackupStatus::CREATING)
      return Err(DynamoDBErrors::BACKUP_IN_USE, "Backup is being created: " + arn);
    for (const auto& kv : tables_)
      if (kv.second.restoring && kv.second.restoreSourceBackup == arn)
        return Err(DynamoDBErrors::BACKUP_IN_USE, "Backup is being used to restore table: " + kv.first);
    BackupDescription d = DescribeBackupState(*b, now);
    BackupDetails details = d.GetBackupDetails();
    details.SetBackupStatus(BackupStatus::DELETED);
    d.SetBackupDetails(details);
    RemoveBackup(arn, now);
    return DeleteBackupResult().WithBackupDescription(d);
  });
}

}  // namespace dynafake
