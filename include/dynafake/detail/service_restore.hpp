// dynafake — Service: point-in-time recovery and restores
// (DescribeContinuousBackups, UpdateContinuousBackups, RestoreTableFromBackup,
// RestoreTableToPointInTime). Included by service.hpp.
#pragma once

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

namespace dynafake {

inline void Service::ExtraValidation(const Model::RestoreTableToPointInTimeRequest& r, detail::Validator& v) const {
  const bool arn = r.SourceTableArnHasBeenSet(), name = r.SourceTableNameHasBeenSet();
  if (arn && name) v.Add("One or more parameter values were invalid: Only one of SourceTableArn and SourceTableName may be specified");
  if (!arn && !name) v.Add("One or more parameter values were invalid: Either SourceTableArn or SourceTableName must be specified");
  const bool latest = r.UseLatestRestorableTimeHasBeenSet() && r.GetUseLatestRestorableTime();
  if (latest && r.RestoreDateTimeHasBeenSet())
    v.Add("One or more parameter values were invalid: Only one of RestoreDateTime and UseLatestRestorableTime may be specified");
  if (!latest && !r.RestoreDateTimeHasBeenSet())
    v.Add("One or more parameter values were invalid: Either RestoreDateTime or UseLatestRestorableTime must be specified");
}

/// What Describe/UpdateContinuousBackups report: continuous backups are always
/// on; point-in-time recovery has a window only while it is enabled.
inline Model::ContinuousBackupsDescription Service::ContinuousBackupsOf(const Table& t, int64_t now) const {
  using namespace Model;
  PointInTimeRecoveryDescription p;
  if (t.pitrEnabled) {
    const int64_t earliest = EarliestRestorableMs(t, now);
    p.WithPointInTimeRecoveryStatus(PointInTimeRecoveryStatus::ENABLED)
        .WithRecoveryPeriodInDays(t.recoveryPeriodDays)
        .WithEarliestRestorableDateTime(DateTime(earliest))
        .WithLatestRestorableDateTime(DateTime(std::max(earliest, LatestRestorableMs(now))));
  } else {
    p.SetPointInTimeRecoveryStatus(PointInTimeRecoveryStatus::DISABLED);
  }
  return ContinuousBackupsDescription().WithContinuousBackupsStatus(ContinuousBackupsStatus::ENABLED).WithPointInTimeRecoveryDescription(p);
}

inline Model::DescribeContinuousBackupsOutcome Service::DescribeContinuousBackups(
    const Model::DescribeContinuousBackupsRequest& r) {
  return Run(r, [&](int64_t now) -> Model::DescribeContinuousBackupsOutcome {
    using namespace Model;
    const Table* t = FindTable(r.GetTableName());
    if (!t) return Err(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: " + ShownName(r.GetTableName()));
    return DescribeContinuousBackupsResult().WithContinuousBackupsDescription(ContinuousBackupsOf(*t, now));
  });
}

inline Model::UpdateContinuousBackupsOutcome Service::UpdateContinuousBackups(
    const Model::UpdateContinuousBackupsRequest& r) {
  return Run(r, [&](int64_t now) -> Model::UpdateContinuousBackupsOutcome {
    using namespace Model;
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    if (!t || t->status == TableStatus::DELETING) return Err(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: " + name);
    const auto& spec = r.GetPointInTimeRecoverySpecification();
    if (spec.RecoveryPeriodInDaysHasBeenSet() && !spec.GetPointInTimeRecoveryEnabled())
      return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled is true");
    if (t->status == TableStatus::CREATING || now < t->createdMs + Ms(options_.durations.continuousBackupsWarmUp))
      return Err(DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE, "Backups are being enabled for the table: " + name + ". Please retry later");
    if (spec.GetPointInTimeRecoveryEnabled()) {
      if (!t->pitrEnabled) t->pitrSinceMs = now;  // re-enabling starts the window over
      t->pitrEnabled = true;
      t->recoveryPeriodDays = spec.RecoveryPeriodInDaysHasBeenSet() ? spec.GetRecoveryPeriodInDays() : 35;
    } else if (t->pitrEnabled) {
      t->pitrEnabled = false;
      CompactTable(*t, now);  // the window is gone, and with it every old version
    }
    return UpdateContinuousBackupsResult().WithContinuousBackupsDescription(ContinuousBackupsOf(*t, now));
  });
}

inline std::optional<DynamoDBError> Service::RestoreTargetError(const std::string& target) const {
  auto it = tables_.find(target);
  if (it == tables_.end()) return std::nullopt;
  const auto status = it->second.status;
  if (status == Model::TableStatus::CREATING)
    return Err(DynamoDBErrors::TABLE_IN_USE, "Table is being created: " + target);
  if (status == Model::TableStatus::DELETING) return Err(DynamoDBErrors::TABLE_IN_USE, "Table is being deleted: " + target);
  return Err(DynamoDBErrors::TABLE_ALREADY_EXISTS, "Table already exists: " + target);
}

inline std::optional<DynamoDBError> Service::RestoreLimitError() const {
  if (options_.limits.concurrentRestores > 0 && RestoresInProgress() >= options_.limits.concurrentRestores)
    return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " + std::to_string(options_.limits.concurrentRestores) +
                                                   " restores can be in progress at the same time");
  if (options_.limits.tablesInTransition > 0 && TablesInTransition() >= options_.limits.tablesInTransition)
    return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " + std::to_string(options_.limits.tablesInTransition) +
                                                   " tables can be created, updated or deleted simultaneously");
  if (options_.limits.tables > 0 && static_cast<int>(tables_.size()) >= options_.limits.tables)
    return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: the account already has " + std::to_string(tables_.size()) + " tables");
  return std::nullopt;
}

/// Checks overrides against the source: indexes named must exist in it; billing and capacity must agree.
template <class Request>
std::string Service::ValidateOverrides(const Request& r, const RestoreSettings& s) const {
  using namespace Model;
  for (const auto& g : r.GetGlobalSecondaryIndexOverride()) {
    bool found = false;
    for (const auto& have : s.gsis) found = found || have.GetIndexName() == g.GetIndexName();
    if (!found)
      return "One or more parameter values were invalid: GlobalSecondaryIndexOverride names index " + g.GetIndexName() +
             ", which the source does not have";
  }
  for (const auto& l : r.GetLocalSecondaryIndexOverride()) {
    bool found = false;
    for (const auto& have : s.lsis) found = found || have.GetIndexName() == l.GetIndexName();
    if (!found)
      return "One or more parameter values were invalid: LocalSecondaryIndexOverride names index " + l.GetIndexName() +
             ", which the source does not have";
  }
  const BillingMode mode = r.BillingModeOverrideHasBeenSet() ? r.GetBillingModeOverride() : s.billingMode;
  if (mode == BillingMode::PAY_PER_REQUEST && r.ProvisionedThroughputOverrideHasBeenSet())
    return "One or more parameter values were invalid: ProvisionedThroughputOverride cannot be specified when BillingMode is PAY_PER_REQUEST";
  if (mode == BillingMode::PROVISIONED && s.billingMode == BillingMode::PAY_PER_REQUEST && !r.ProvisionedThroughputOverrideHasBeenSet())
    return "One or more parameter values were invalid: ProvisionedThroughputOverride must be specified when restoring an on-demand source as PROVISIONED";
  if (r.ProvisionedThroughputOverrideHasBeenSet() &&
      (r.GetProvisionedThroughputOverride().GetReadCapacityUnits() < 1 || r.GetProvisionedThroughputOverride().GetWriteCapacityUnits() < 1))
    return "One or more parameter values were invalid: Provisioned throughput values must be at least 1";
  return {};
}

template <class Request>
Service::RestoreSettings Service::ApplyOverrides(const Request& r, RestoreSettings s) const {
  using namespace Model;
  if (r.BillingModeOverrideHasBeenSet()) s.billingMode = r.GetBillingModeOverride();
  if (r.ProvisionedThroughputOverrideHasBeenSet()) s.throughput = r.GetProvisionedThroughputOverride();
  if (s.billingMode == BillingMode::PAY_PER_REQUEST) s.throughput = detail::ZeroThroughput();
  if (r.GlobalSecondaryIndexOverrideHasBeenSet()) {
    std::vector<GlobalSecondaryIndexInfo> gsis;
    for (const auto& g : r.GetGlobalSecondaryIndexOverride()) {
      GlobalSecondaryIndexInfo gi;
      gi.WithIndexName(g.GetIndexName()).WithKeySchema(g.GetKeySchema()).WithProjection(g.GetProjection());
      ProvisionedThroughput p = detail::ZeroThroughput();
      for (const auto& have : s.gsis)
        if (have.GetIndexName() == g.GetIndexName()) p = have.GetProvisionedThroughput();
      if (g.ProvisionedThroughputHasBeenSet()) p = g.GetProvisionedThroughput();
      gi.SetProvisionedThroughput(p);
      gsis.push_back(gi);
    }
    s.gsis = gsis;
  }
  if (r.LocalSecondaryIndexOverrideHasBeenSet()) {
    std::vector<LocalSecondaryIndexInfo> lsis;
    for (const auto& l : r.GetLocalSecondaryIndexOverride())
      lsis.push_back(LocalSecondaryIndexInfo().WithIndexName(l.GetIndexName()).WithKeySchema(l.GetKeySchema()).WithProjection(l.GetProjection()));
    s.lsis = lsis;
  }
  if (s.billingMode == BillingMode::PAY_PER_REQUEST)
    for (auto& g : s.gsis) g.SetProvisionedThroughput(detail::ZeroThroughput());
  if (r.SSESpecificationOverrideHasBeenSet()) {
    const auto& o = r.GetSSESpecificationOverride();
    if (o.GetEnabled()) {
      s.sse = KmsEncryption(o);
    } else {
      s.sse.reset();
    }
  }
  return s;
}

inline Model::TableDescription Service::RestoreInto(const std::string& target, const RestoreSettings& s,
                                                    const std::shared_ptr<detail::History>& from, int64_t cutMs, uint64_t cutSeq,
                                                    const Model::RestoreSummary& summary, const std::string& sourceBackup,
                                                    int64_t now) {
  using namespace Model;
  Table t = NewTable(target, s.keySchema, s.attributeDefinitions, now);
  TableDescription& d = t.desc;
  const std::string arn = d.GetTableArn();
  d.SetProvisionedThroughput(detail::ThroughputDescription(s.throughput));
  d.SetBillingModeSummary(BillingModeSummary().WithBillingMode(s.billingMode).WithLastUpdateToPayPerRequestDateTime(DateTime(now)));
  for (const auto& l : s.lsis)
    d.AddLocalSecondaryIndexes(LocalSecondaryIndexDescription().WithIndexName(l.GetIndexName()).WithKeySchema(l.GetKeySchema())
                                   .WithProjection(l.GetProjection()).WithIndexArn(arn + "/index/" + l.GetIndexName()));
  for (const auto& g : s.gsis)
    t.gsis.push_back(GlobalSecondaryIndexDescription().WithIndexName(g.GetIndexName()).WithKeySchema(g.GetKeySchema())
                         .WithProjection(g.GetProjection()).WithIndexStatus(IndexStatus::CREATING)
                         .WithIndexArn(arn + "/index/" + g.GetIndexName())
                         .WithProvisionedThroughput(detail::ThroughputDescription(g.GetProvisionedThroughput())));
  if (s.sse) d.SetSSEDescription(*s.sse);
  d.SetDeletionProtectionEnabled(false);
  d.SetRestoreSummary(summary);
  t.restoring = true;
  t.restoreSourceBackup = sourceBackup;
  t.status = TableStatus::CREATING;
  // the items: the source as of the cut, written into the new table's own history
  from->ForEach(cutMs, cutSeq, std::string(), [&](const std::string& key, const detail::Version& v) {
    t.history->Write(key, now, false, v.item, v.sizeBytes);
    return true;
  });
  const int64_t until = now + Ms(options_.durations.restore);
  t.statusUntilMs = until;
  Table& stored = tables_.emplace(target, std::move(t)).first->second;
  Schedule(until, detail::EventKind::TableSettled, target, stored.generation);
  TableDescription out = DescribeState(stored);
  ApplyDue(now);  // a zero duration finishes at once; the answer still shows the restore starting
  return out;
}

inline Model::RestoreTableFromBackupOutcome Service::RestoreTableFromBackup(const Model::RestoreTableFromBackupRequest& r) {
  return Run(r, [&](int64_t now) -> Model::RestoreTableFromBackupOutcome {
    using namespace Model;
    const Backup* b = FindBackup(r.GetBackupArn());
    if (!b) return Err(DynamoDBErrors::BACKUP_NOT_FOUND, "Backup not found: " + r.GetBackupArn());
    if (b->details.GetBackupStatus() == BackupStatus::CREATING)
      return Err(DynamoDBErrors::BACKUP_IN_USE, "Backup is being created: " + r.GetBackupArn());
    if (auto e = RestoreTargetError(r.GetTargetTableName())) return *e;
    RestoreSettings s;
    s.keySchema = b->source.GetKeySchema();
    s.attributeDefinitions = b->attributeDefinitions;
    s.billingMode = b->source.GetBillingMode();
    s.throughput = b->source.GetProvisionedThroughput();
    s.gsis = b->features.GetGlobalSecondaryIndexes();
    s.lsis = b->features.GetLocalSecondaryIndexes();
    if (b->features.SSEDescriptionHasBeenSet()) s.sse = b->features.GetSSEDescription();
    std::string err = ValidateOverrides(r, s);
    if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
    if (auto e = RestoreLimitError()) return *e;
    s = ApplyOverrides(r, s);
    RestoreSummary summary;
    summary.WithSourceBackupArn(r.GetBackupArn()).WithSourceTableArn(b->source.GetTableArn())
        .WithRestoreDateTime(b->details.GetBackupCreationDateTime()).WithRestoreInProgress(true);
    const std::shared_ptr<detail::History> history = b->history;
    const int64_t cut = b->cutMs;
    const uint64_t cutSeq = b->cutSeq;
    return RestoreTableFromBackupResult().WithTableDescription(
        RestoreInto(r.GetTargetTableName(), s, history, cut, cutSeq, summary, r.GetBackupArn(), now));
  });
}

inline Model::RestoreTableToPointInTimeOutcome Service::RestoreTableToPointInTime(
    const Model::RestoreTableToPointInTimeRequest& r) {
  return Run(r, [&](int64_t now) -> Model::RestoreTableToPointInTimeOutcome {
    using namespace Model;
    const std::string source = r.SourceTableNameHasBeenSet() ? r.GetSourceTableName() : r.GetSourceTableArn();
    const std::string sourceName = NameFromTableArg(source);
    const Table* t = FindTable(source);
    if (!t || t->status == TableStatus::DELETING)
      return Err(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: " + (sourceName.empty() ? source : sourceName));
    if (!t->pitrEnabled)
      return Err(DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE, "Point in time recovery is not enabled for table '" + sourceName + "'");
    const int64_t earliest = EarliestRestorableMs(*t, now);
    const int64_t latest = std::max(earliest, LatestRestorableMs(now));
    const int64_t when = r.RestoreDateTimeHasBeenSet() ? r.GetRestoreDateTime().Millis() : latest;
    if (when < earliest || when > latest)
      return Err(DynamoDBErrors::INVALID_RESTORE_TIME, "Restore time " + DateTime(when).ToIso8601() +
                                                           " is outside the restorable window: EarliestRestorableDateTime " +
                                                           DateTime(earliest).ToIso8601() + ", LatestRestorableDateTime " +
                                                           DateTime(latest).ToIso8601());
    if (auto e = RestoreTargetError(r.GetTargetTableName())) return *e;
    // the source's current settings: key schema, indexes, billing, capacity, encryption
    RestoreSettings s;
    const TableDescription& d = t->desc;
    s.keySchema = d.GetKeySchema();
    s.attributeDefinitions = d.GetAttributeDefinitions();
    s.billingMode = d.BillingModeSummaryHasBeenSet() ? d.GetBillingModeSummary().GetBillingMode() : BillingMode::PROVISIONED;
    s.throughput = ProvisionedThroughput().WithReadCapacityUnits(d.GetProvisionedThroughput().GetReadCapacityUnits())
                       .WithWriteCapacityUnits(d.GetProvisionedThroughput().GetWriteCapacityUnits());
    for (const auto& l : d.GetLocalSecondaryIndexes())
      s.lsis.push_back(LocalSecondaryIndexInfo().WithIndexName(l.GetIndexName()).WithKeySchema(l.GetKeySchema()).WithProjection(l.GetProjection()));
    for (const auto& g : t->gsis)
      if (g.GetIndexStatus() != IndexStatus::CREATING && g.GetIndexStatus() != IndexStatus::DELETING)
        s.gsis.push_back(GlobalSecondaryIndexInfo().WithIndexName(g.GetIndexName()).WithKeySchema(g.GetKeySchema()).WithProjection(g.GetProjection())
                             .WithProvisionedThroughput(ProvisionedThroughput().WithReadCapacityUnits(g.GetProvisionedThroughput().GetReadCapacityUnits())
                                                            .WithWriteCapacityUnits(g.GetProvisionedThroughput().GetWriteCapacityUnits())));
    if (d.SSEDescriptionHasBeenSet() && d.GetSSEDescription().GetStatus() == SSEStatus::ENABLED) s.sse = d.GetSSEDescription();
    std::string err = ValidateOverrides(r, s);
    if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
    if (auto e = RestoreLimitError()) return *e;
    s = ApplyOverrides(r, s);
    RestoreSummary summary;
    summary.WithSourceTableArn(d.GetTableArn()).WithRestoreDateTime(DateTime(when)).WithRestoreInProgress(true);
    const std::shared_ptr<detail::History> history = t->history;
    return RestoreTableToPointInTimeResult().WithTableDescription(
        RestoreInto(r.GetTargetTableName(), s, history, when, detail::History::kAll, summary, std::string(), now));
  });
}

}  // namespace dynafake
