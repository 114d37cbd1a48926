// dynafake — Backups' definitions, part one: the operations, transitions and
// state (see backups.hpp). The records and descriptions are in
// backup_records_impl.hpp.
#pragma once

#include <algorithm>  // std::sort, std::remove_if, std::max
#include <stdexcept>  // std::logic_error, std::invalid_argument

#include "dynafake/components/backups.hpp"
#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/items.hpp"     // Items
#include "dynafake/components/quotas.hpp"    // Quotas
#include "dynafake/components/tables.hpp"    // Tables
#include "dynafake/components/timeline.hpp"  // Timeline
#include "dynafake/detail/linkage.hpp"       // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"      // msg::
#include "dynafake/limits.hpp"               // the documented limits

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
      if (kv.second.status == BackupStatus::CREATING) ++creating;
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

DYNAFAKE_IMPL Model::DescribeBackupOutcome Backups::DescribeBackup(const Model::DescribeBackupRequest& r, int64_t now) {
  const BackupRecord* b = Find(r.GetBackupArn());
  if (!b) return DynamoDBError(DynamoDBErrors::BACKUP_NOT_FOUND, msg::BackupNotFound(r.GetBackupArn()));
  Model::DescribeBackupResult out;
  out.SetBackupDescription(Description(*b, now, &r.GetBackupArn()));  // Find matched the ARN exactly
  return out;
}

DYNAFAKE_IMPL Model::ListBackupsOutcome Backups::ListBackups(const Model::ListBackupsRequest& r, int64_t now) {
  using namespace Model;
  const BackupTypeFilter filter = r.BackupTypeHasBeenSet() ? r.GetBackupType() : BackupTypeFilter::USER;
  auto typeMatches = [&](BackupType t) {
    switch (filter) {
      case BackupTypeFilter::ALL:
        return t == BackupType::USER || t == BackupType::SYSTEM;
      case BackupTypeFilter::USER:
        return t == BackupType::USER;
      case BackupTypeFilter::SYSTEM:
        return t == BackupType::SYSTEM;
      case BackupTypeFilter::AWS_BACKUP:
        return t == BackupType::AWS_BACKUP;
      default:
        return false;
    }
  };
  const std::string table = r.TableNameHasBeenSet() ? identity_->TableNameOf(r.GetTableName()) : std::string();
  // order: creation time, then ARN — stable, so paging is deterministic
  struct Row {
    int64_t created;
    std::string arn;
    const BackupRecord* b;
  };
  std::vector<Row> rows;
  for (const auto& kv : backups_) {
    const BackupRecord& b = kv.second;
    if (r.TableNameHasBeenSet() && b.TableName() != table) continue;
    if (!typeMatches(b.type)) continue;
    const int64_t created = b.createdMs;
    if (r.TimeRangeLowerBoundHasBeenSet() && created < r.GetTimeRangeLowerBound().Millis()) continue;
    if (r.TimeRangeUpperBoundHasBeenSet() && created >= r.GetTimeRangeUpperBound().Millis()) continue;
    rows.push_back(Row{created, Arn(b), &b});
  }
  auto before = [](int64_t ams, const std::string& aarn, int64_t bms, const std::string& barn) {
    return ams != bms ? ams < bms : aarn < barn;
  };
  std::sort(rows.begin(), rows.end(),
            [&](const Row& a, const Row& b) { return before(a.created, a.arn, b.created, b.arn); });
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
    if (const BackupRecord* known = Find(arn)) ms = known->createdMs;
    while (start < rows.size() && !before(ms, arn, rows[start].created, rows[start].arn)) ++start;
  }
  const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX;
  std::vector<BackupSummary> page;
  std::size_t bytes = 0;  // a page holds at most 1 MB
  std::size_t i = start;
  for (; i < rows.size() && page.size() < limit && bytes < static_cast<std::size_t>(limits::kMaxPageBytes); ++i) {
    page.push_back(Summary(*rows[i].b, now));
    bytes += 300 + rows[i].arn.size() + rows[i].b->name->size();
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
  if (b->status == BackupStatus::CREATING)
    return DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, msg::BackupIsBeingCreated(arn));
  for (const auto& kv : tables_->All())
    if (kv.second.restoring && kv.second.restoreSourceBackup == arn)
      return DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, msg::BackupUsedByRestore(kv.first));
  BackupDescription d = Description(*b, now);
  BackupDetails details = d.GetBackupDetails();
  details.SetBackupStatus(BackupStatus::DELETED);
  d.SetBackupDetails(std::move(details));
  Remove(arn, now);
  DeleteBackupResult out;
  out.SetBackupDescription(std::move(d));
  return out;
}

// ------------------------------------------------------------------ transitions and state

DYNAFAKE_IMPL void Backups::MarkAvailable(const std::string& arn) {
  auto it = Locate(arn);
  if (it == backups_.end() || it->second.status != Model::BackupStatus::CREATING) return;
  it->second.status = Model::BackupStatus::AVAILABLE;
}

DYNAFAKE_IMPL void Backups::Erase(Map::iterator it) {
  it->second.Items()->Unpin(it->second.cutMs);
  Release(it->second.name);
  backups_.erase(it);
}

DYNAFAKE_IMPL void Backups::Remove(const std::string& arn, int64_t now) {
  auto it = Locate(arn);
  if (it == backups_.end()) return;
  const std::shared_ptr<History> history = it->second.Items();
  Erase(it);
  items_->Released(history, now);
}

DYNAFAKE_IMPL void Backups::Clear() {
  backups_.clear();
  names_.clear();
  creatingUserBackups_.clear();
}

DYNAFAKE_IMPL Backups::State Backups::Save() const {
  std::vector<std::pair<std::string, const BackupRecord*>> byArn;  // a snapshot lists them in ARN order
  byArn.reserve(backups_.size());
  for (const auto& kv : backups_) byArn.emplace_back(Arn(kv.second), &kv.second);
  std::sort(byArn.begin(), byArn.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  State out;
  out.creating = creatingUserBackups_;
  out.backups.reserve(byArn.size());
  for (auto& entry : byArn) {
    const BackupRecord& b = *entry.second;
    BackupState s;
    // the details as a record held them before records were compact: no size
    s.details.SetBackupArn(std::move(entry.first));
    s.details.SetBackupName(*b.name);
    s.details.SetBackupType(b.type);
    s.details.SetBackupCreationDateTime(DateTime(b.createdMs));
    if (b.expiryMs != BackupRecord::kNoExpiry) s.details.SetBackupExpiryDateTime(DateTime(b.expiryMs));
    s.details.SetBackupStatus(b.status);
    s.source = b.table->source;
    s.features = b.table->features;
    s.attributeDefinitions = b.table->attributeDefinitions;
    s.key = b.table->key;
    s.tableName = b.table->tableName;
    s.cutMs = b.cutMs;
    s.cutSeq = b.cutSeq;
    s.availableAtMs = b.availableAtMs;
    s.history = b.table->history;
    out.backups.push_back(std::move(s));
  }
  return out;
}

DYNAFAKE_IMPL void Backups::Check(const State& s) {
  for (const BackupState& b : s.backups)
    if (!b.history) throw std::invalid_argument(msg::StateBackupWithoutHistory(b.details.GetBackupArn()));
}

DYNAFAKE_IMPL void Backups::Load(State state) {
  Clear();
  creatingUserBackups_ = std::move(state.creating);
  std::map<std::string, std::vector<std::shared_ptr<const BackupSource>>> sources;  // per table, to share
  for (BackupState& s : state.backups) {
    auto made = std::make_shared<BackupSource>();
    made->tableName = std::move(s.tableName);
    made->arnPrefix = identity_->TableArn(made->tableName) + "/backup/";
    made->source = std::move(s.source);
    made->features = std::move(s.features);
    made->attributeDefinitions = std::move(s.attributeDefinitions);
    made->key = std::move(s.key);
    made->history = std::move(s.history);
    std::shared_ptr<const BackupSource> source;
    auto& known = sources[made->tableName];
    for (const auto& k : known)
      if (SameSource(*k, *made)) source = k;
    if (!source) {
      source = made;
      known.push_back(source);
    }
    BackupRecord b;
    b.table = std::move(source);
    const Model::BackupDetails& d = s.details;
    b.name = Intern(d.GetBackupName());
    b.createdMs = d.GetBackupCreationDateTime().Millis();
    if (d.BackupExpiryDateTimeHasBeenSet()) b.expiryMs = d.GetBackupExpiryDateTime().Millis();
    b.type = d.GetBackupType();
    b.status = d.GetBackupStatus();
    b.cutMs = s.cutMs;
    b.cutSeq = s.cutSeq;
    b.availableAtMs = s.availableAtMs;
    // an ARN Identity would have made keeps only its random part
    const std::string& arn = d.GetBackupArn();
    bool usual = false;
    if (arn.size() >= 8) {
      uint32_t id = 0;
      bool hex = true;
      for (std::size_t i = arn.size() - 8; i < arn.size() && hex; ++i) {
        const char c = arn[i];
        hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        id = id * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      }
      if (hex) {
        b.id = id;
        usual = HasArn(b, arn);
      }
    }
    if (!usual) {
      b.id = 0;
      b.unusualArn = std::make_unique<std::string>(arn);
    }
    b.table->history->Pin(b.cutMs);
    backups_.emplace(HashArn(arn), std::move(b));
  }
}

}  // namespace detail
}  // namespace dynafake
