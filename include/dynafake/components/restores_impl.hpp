// dynafake — Restores' definitions (see restores.hpp).
#pragma once

#include <algorithm>  // std::max

#include "dynafake/components/backups.hpp"             // Backups
#include "dynafake/components/continuous_backups.hpp"  // ContinuousBackups
#include "dynafake/components/identity.hpp"            // Identity
#include "dynafake/components/quotas.hpp"              // Quotas
#include "dynafake/components/restores.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

namespace restore_checks {
/// The overrides' rule that needs neither the backup nor the source table:
/// checked before either is looked up, as the service validates first.
template <class Request>
void OverridesOnTheirOwn(const Request& r, Validator& v) {
  if (r.BillingModeOverrideHasBeenSet() && r.GetBillingModeOverride() == Model::BillingMode::PAY_PER_REQUEST &&
      r.ProvisionedThroughputOverrideHasBeenSet())
    v.Add(msg::NoThroughputOverrideWhenOnDemand());
}
}  // namespace restore_checks

DYNAFAKE_IMPL void Restores::Validate(const Model::RestoreTableFromBackupRequest& r, Validator& v) {
  restore_checks::OverridesOnTheirOwn(r, v);
}

DYNAFAKE_IMPL void Restores::Validate(const Model::RestoreTableToPointInTimeRequest& r, Validator& v) {
  const bool arn = r.SourceTableArnHasBeenSet(), name = r.SourceTableNameHasBeenSet();
  if (arn && name) v.Add(msg::OnlyOneOf("SourceTableArn", "SourceTableName"));
  if (!arn && !name) v.Add(msg::EitherOf("SourceTableArn", "SourceTableName"));
  const bool latest = r.UseLatestRestorableTimeHasBeenSet() && r.GetUseLatestRestorableTime();
  if (latest && r.RestoreDateTimeHasBeenSet()) v.Add(msg::OnlyOneOf("RestoreDateTime", "UseLatestRestorableTime"));
  if (!latest && !r.RestoreDateTimeHasBeenSet()) v.Add(msg::EitherOf("RestoreDateTime", "UseLatestRestorableTime"));
  if (v.Ok()) restore_checks::OverridesOnTheirOwn(r, v);
}

DYNAFAKE_IMPL Model::RestoreTableFromBackupOutcome Restores::RestoreTableFromBackup(
    const Model::RestoreTableFromBackupRequest& r, int64_t now) {
  using namespace Model;
  const BackupRecord* b = backups_->Find(r.GetBackupArn());
  if (!b) return DynamoDBError(DynamoDBErrors::BACKUP_NOT_FOUND, msg::BackupNotFound(r.GetBackupArn()));
  if (b->status == BackupStatus::CREATING)
    return DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, msg::BackupIsBeingCreated(r.GetBackupArn()));
  if (auto e = TargetTaken(r.GetTargetTableName())) return *e;
  RestoreSettings s;
  const BackupSource& source = *b->table;
  s.keySchema = source.source.GetKeySchema();
  s.attributeDefinitions = source.attributeDefinitions;
  s.billingMode = source.source.GetBillingMode();
  s.throughput = source.source.GetProvisionedThroughput();
  s.gsis = source.features.GetGlobalSecondaryIndexes();
  s.lsis = source.features.GetLocalSecondaryIndexes();
  if (source.features.SSEDescriptionHasBeenSet()) s.sse = source.features.GetSSEDescription();
  std::string err = CheckOverrides(r, s);
  if (!err.empty()) return DynamoDBError(DynamoDBErrors::VALIDATION, err);
  if (auto e = OverLimit()) return *e;
  s = ApplyOverrides(r, s);
  RestoreSummary summary;
  summary.WithSourceBackupArn(r.GetBackupArn())
      .WithSourceTableArn(source.source.GetTableArn())
      .WithRestoreDateTime(DateTime(b->createdMs))
      .WithRestoreInProgress(true);
  const std::shared_ptr<History> history = b->Items();
  const int64_t cut = b->cutMs;
  const uint64_t cutSeq = b->cutSeq;
  return RestoreTableFromBackupResult().WithTableDescription(
      RestoreInto(r.GetTargetTableName(), s, history, cut, cutSeq, summary, r.GetBackupArn(), now));
}

DYNAFAKE_IMPL Model::RestoreTableToPointInTimeOutcome Restores::RestoreTableToPointInTime(
    const Model::RestoreTableToPointInTimeRequest& r, int64_t now) {
  using namespace Model;
  const std::string source = r.SourceTableNameHasBeenSet() ? r.GetSourceTableName() : r.GetSourceTableArn();
  const std::string sourceName = identity_->TableNameOf(source);
  const TableRecord* t = tables_->Find(source);
  if (!t || t->status == TableStatus::DELETING)
    return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(sourceName.empty() ? source : sourceName));
  if (!continuous_->Enabled(sourceName))
    return DynamoDBError(DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE,
                         msg::PointInTimeRecoveryNotEnabled(sourceName));
  const int64_t earliest = continuous_->EarliestRestorableMs(sourceName, now);
  const int64_t latest = continuous_->LatestRestorableMs(sourceName, now);
  const int64_t when = r.RestoreDateTimeHasBeenSet() ? r.GetRestoreDateTime().Millis() : latest;
  if (when < earliest || when > latest)
    return DynamoDBError(DynamoDBErrors::INVALID_RESTORE_TIME,
                         msg::RestoreTimeOutsideWindow(DateTime(when).ToIso8601(), DateTime(earliest).ToIso8601(),
                                                       DateTime(latest).ToIso8601()));
  if (auto e = TargetTaken(r.GetTargetTableName())) return *e;
  // the source's current settings: key schema, indexes, billing, capacity, encryption
  RestoreSettings s;
  const TableDescription& d = t->desc;
  s.keySchema = d.GetKeySchema();
  s.attributeDefinitions = d.GetAttributeDefinitions();
  s.billingMode = Tables::BillingModeOf(*t);
  s.throughput = Tables::Throughput(d.GetProvisionedThroughput());
  s.lsis = Tables::LocalIndexesToCopy(*t);
  s.gsis = Tables::GlobalIndexesToCopy(*t);
  if (d.SSEDescriptionHasBeenSet() && d.GetSSEDescription().GetStatus() == SSEStatus::ENABLED)
    s.sse = d.GetSSEDescription();
  std::string err = CheckOverrides(r, s);
  if (!err.empty()) return DynamoDBError(DynamoDBErrors::VALIDATION, err);
  if (auto e = OverLimit()) return *e;
  s = ApplyOverrides(r, s);
  RestoreSummary summary;
  summary.WithSourceTableArn(d.GetTableArn()).WithRestoreDateTime(DateTime(when)).WithRestoreInProgress(true);
  const std::shared_ptr<History> history = t->items.history;
  return RestoreTableToPointInTimeResult().WithTableDescription(
      RestoreInto(r.GetTargetTableName(), s, history, when, History::kAll, summary, std::string(), now));
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Restores::TargetTaken(const std::string& target) const {
  const TableRecord* t = tables_->Find(target);
  if (!t) return std::nullopt;
  if (t->status == Model::TableStatus::CREATING)
    return DynamoDBError(DynamoDBErrors::TABLE_IN_USE, msg::TableIsBeing("created", target));
  if (t->status == Model::TableStatus::DELETING)
    return DynamoDBError(DynamoDBErrors::TABLE_IN_USE, msg::TableIsBeing("deleted", target));
  return DynamoDBError(DynamoDBErrors::TABLE_ALREADY_EXISTS, msg::TableAlreadyExists(target));
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Restores::OverLimit() const {
  if (auto e = quotas_->CheckRestores(tables_->RestoresInProgress())) return e;
  if (auto e = quotas_->CheckTablesInTransition(tables_->InTransition())) return e;
  return quotas_->CheckTableCount(tables_->Count());
}

/// Checks overrides against the source: indexes named must exist in it; billing and capacity must agree.
template <class Request>
std::string Restores::CheckOverrides(const Request& r, const RestoreSettings& s) const {
  using namespace Model;
  for (const auto& g : r.GetGlobalSecondaryIndexOverride()) {
    bool found = false;
    for (const auto& have : s.gsis) found = found || have.GetIndexName() == g.GetIndexName();
    if (!found) return msg::IndexOverrideNotInSource("GlobalSecondaryIndexOverride", g.GetIndexName());
  }
  for (const auto& l : r.GetLocalSecondaryIndexOverride()) {
    bool found = false;
    for (const auto& have : s.lsis) found = found || have.GetIndexName() == l.GetIndexName();
    if (!found) return msg::IndexOverrideNotInSource("LocalSecondaryIndexOverride", l.GetIndexName());
  }
  const BillingMode mode = r.BillingModeOverrideHasBeenSet() ? r.GetBillingModeOverride() : s.billingMode;
  if (mode == BillingMode::PAY_PER_REQUEST && r.ProvisionedThroughputOverrideHasBeenSet())
    return msg::NoThroughputOverrideWhenOnDemand();
  if (mode == BillingMode::PROVISIONED && s.billingMode == BillingMode::PAY_PER_REQUEST &&
      !r.ProvisionedThroughputOverrideHasBeenSet())
    return msg::ThroughputOverrideRequired();
  if (r.ProvisionedThroughputOverrideHasBeenSet() && (r.GetProvisionedThroughputOverride().GetReadCapacityUnits() < 1 ||
                                                      r.GetProvisionedThroughputOverride().GetWriteCapacityUnits() < 1))
    return msg::ThroughputAtLeastOne();
  return {};
}

template <class Request>
RestoreSettings Restores::ApplyOverrides(const Request& r, RestoreSettings s) const {
  using namespace Model;
  const ProvisionedThroughput zero = ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(0);
  if (r.BillingModeOverrideHasBeenSet()) s.billingMode = r.GetBillingModeOverride();
  if (r.ProvisionedThroughputOverrideHasBeenSet()) s.throughput = r.GetProvisionedThroughputOverride();
  if (s.billingMode == BillingMode::PAY_PER_REQUEST) s.throughput = zero;
  if (r.GlobalSecondaryIndexOverrideHasBeenSet()) {
    std::vector<GlobalSecondaryIndexInfo> gsis;
    for (const auto& g : r.GetGlobalSecondaryIndexOverride()) {
      GlobalSecondaryIndexInfo gi;
      gi.WithIndexName(g.GetIndexName()).WithKeySchema(g.GetKeySchema()).WithProjection(g.GetProjection());
      ProvisionedThroughput p = zero;
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
      lsis.push_back(LocalSecondaryIndexInfo()
                         .WithIndexName(l.GetIndexName())
                         .WithKeySchema(l.GetKeySchema())
                         .WithProjection(l.GetProjection()));
    s.lsis = lsis;
  }
  if (s.billingMode == BillingMode::PAY_PER_REQUEST)
    for (auto& g : s.gsis) g.SetProvisionedThroughput(zero);
  if (r.SSESpecificationOverrideHasBeenSet()) {
    const auto& o = r.GetSSESpecificationOverride();
    if (o.GetEnabled())
      s.sse = identity_->KmsEncryption(o);
    else
      s.sse.reset();
  }
  return s;
}

DYNAFAKE_IMPL Model::TableDescription Restores::RestoreInto(const std::string& target, const RestoreSettings& s,
                                                            const std::shared_ptr<History>& from, int64_t cutMs,
                                                            uint64_t cutSeq, const Model::RestoreSummary& summary,
                                                            const std::string& sourceBackup, int64_t now) {
  using namespace Model;
  TableRecord t = tables_->NewRecord(target, s.keySchema, s.attributeDefinitions, now);
  TableDescription& d = t.desc;
  const std::string arn = d.GetTableArn();
  d.SetProvisionedThroughput(Tables::ThroughputDescription(s.throughput));
  d.SetBillingModeSummary(
      BillingModeSummary().WithBillingMode(s.billingMode).WithLastUpdateToPayPerRequestDateTime(DateTime(now)));
  for (const auto& l : s.lsis)
    d.AddLocalSecondaryIndexes(LocalSecondaryIndexDescription()
                                   .WithIndexName(l.GetIndexName())
                                   .WithKeySchema(l.GetKeySchema())
                                   .WithProjection(l.GetProjection())
                                   .WithIndexArn(arn + "/index/" + l.GetIndexName()));
  for (const auto& g : s.gsis)
    t.gsis.push_back(GlobalSecondaryIndexDescription()
                         .WithIndexName(g.GetIndexName())
                         .WithKeySchema(g.GetKeySchema())
                         .WithProjection(g.GetProjection())
                         .WithIndexStatus(IndexStatus::CREATING)
                         .WithIndexArn(arn + "/index/" + g.GetIndexName())
                         .WithProvisionedThroughput(Tables::ThroughputDescription(g.GetProvisionedThroughput())));
  if (s.sse) d.SetSSEDescription(*s.sse);
  d.SetDeletionProtectionEnabled(false);
  d.SetRestoreSummary(summary);
  t.restoring = true;
  t.restoreSourceBackup = sourceBackup;
  t.status = TableStatus::CREATING;
  // the items: the source as of the cut, written into the new table's own history
  History& into = *t.items.history;
  from->ForEach(cutMs, cutSeq, std::string(), [&](const std::string& key, const Version& v) {
    into.Write(key, now, false, v.item, v.sizeBytes);
    return true;
  });
  // a zero duration finishes when the call ends; the answer still shows the restore starting
  return tables_->Description(tables_->Add(std::move(t), now + options_->durations.restore.count()));
}

}  // namespace detail
}  // namespace dynafake
