// dynafake — ContinuousBackups' definitions (see continuous_backups.hpp).
#pragma once

#include <algorithm>  // std::max
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::to_string

#include "dynafake/components/continuous_backups.hpp"
#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/items.hpp"     // Items
#include "dynafake/detail/linkage.hpp"       // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"      // msg::
#include "dynafake/limits.hpp"               // the documented limits

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL Model::DescribeContinuousBackupsOutcome ContinuousBackups::DescribeContinuousBackups(
    const Model::DescribeContinuousBackupsRequest& r, int64_t now) {
  const TableRecord* t = tables_->Find(r.GetTableName());
  if (!t)
    return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(identity_->ShownName(r.GetTableName())));
  return Model::DescribeContinuousBackupsResult().WithContinuousBackupsDescription(
      Description(t->desc.GetTableName(), now));
}

DYNAFAKE_IMPL Model::UpdateContinuousBackupsOutcome ContinuousBackups::UpdateContinuousBackups(
    const Model::UpdateContinuousBackupsRequest& r, int64_t now) {
  using Model::TableStatus;
  const std::string name = identity_->ShownName(r.GetTableName());
  TableRecord* t = tables_->Find(r.GetTableName());
  if (!t || t->status == TableStatus::DELETING)
    return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(name));
  const auto& spec = r.GetPointInTimeRecoverySpecification();
  if (spec.RecoveryPeriodInDaysHasBeenSet() && !spec.GetPointInTimeRecoveryEnabled())
    return DynamoDBError(DynamoDBErrors::VALIDATION, msg::RecoveryPeriodWithoutRecovery());
  if (t->status == TableStatus::CREATING || now < t->createdMs + options_->durations.continuousBackupsWarmUp.count())
    return DynamoDBError(DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE, msg::ContinuousBackupsUnavailable(name));
  const std::string table = t->desc.GetTableName();
  PitrSettings& p = settings_[table];
  if (spec.GetPointInTimeRecoveryEnabled()) {
    if (!p.enabled) p.sinceMs = now;  // re-enabling starts the window over
    p.enabled = true;
    p.recoveryPeriodDays =
        spec.RecoveryPeriodInDaysHasBeenSet() ? spec.GetRecoveryPeriodInDays() : limits::kMaxRecoveryPeriodDays;
  } else if (p.enabled) {
    p.enabled = false;
    items_->CompactTable(*t, now);  // the window is gone, and with it every old version
  }
  return Model::UpdateContinuousBackupsResult().WithContinuousBackupsDescription(Description(table, now));
}

DYNAFAKE_IMPL const PitrSettings& ContinuousBackups::Of(const std::string& table) const {
  static const PitrSettings disabled;
  auto it = settings_.find(table);
  return it == settings_.end() ? disabled : it->second;
}

DYNAFAKE_IMPL int64_t ContinuousBackups::EarliestRestorableMs(const std::string& table, int64_t now) const {
  const PitrSettings& p = Of(table);
  return std::max(p.sinceMs, now - static_cast<int64_t>(p.recoveryPeriodDays) * int64_t{86400000});
}

DYNAFAKE_IMPL int64_t ContinuousBackups::LatestRestorableMs(const std::string& table, int64_t now) const {
  return std::max(EarliestRestorableMs(table, now), now - options_->durations.pitrLatestLag.count());
}

DYNAFAKE_IMPL int64_t ContinuousBackups::RetentionStartMs(const std::string& table, int64_t now) const {
  return Enabled(table) ? EarliestRestorableMs(table, now) : now;
}

DYNAFAKE_IMPL Model::ContinuousBackupsDescription ContinuousBackups::Description(const std::string& table,
                                                                                 int64_t now) const {
  using namespace Model;
  PointInTimeRecoveryDescription p;
  const PitrSettings& settings = Of(table);
  if (settings.enabled) {
    p.WithPointInTimeRecoveryStatus(PointInTimeRecoveryStatus::ENABLED)
        .WithRecoveryPeriodInDays(settings.recoveryPeriodDays)
        .WithEarliestRestorableDateTime(DateTime(EarliestRestorableMs(table, now)))
        .WithLatestRestorableDateTime(DateTime(LatestRestorableMs(table, now)));
  } else {
    p.SetPointInTimeRecoveryStatus(PointInTimeRecoveryStatus::DISABLED);
  }
  return ContinuousBackupsDescription()
      .WithContinuousBackupsStatus(ContinuousBackupsStatus::ENABLED)
      .WithPointInTimeRecoveryDescription(p);
}

DYNAFAKE_IMPL void ContinuousBackups::Check(const State& s) {
  for (const auto& kv : s.tables)  // the model's range of RecoveryPeriodInDays (botocore service-2.json: 1 to 35)
    if (kv.second.recoveryPeriodDays < 1 || kv.second.recoveryPeriodDays > 35)
      throw std::invalid_argument(msg::StateRecoveryPeriod(kv.first, kv.second.recoveryPeriodDays));
}

}  // namespace detail
}  // namespace dynafake
