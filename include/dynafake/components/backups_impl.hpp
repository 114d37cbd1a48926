// dynafake — Backups' definitions (see backups.hpp).
#pragma once

#include <algorithm>  // std::sort, std::remove_if, std::max
#include <stdexcept>  // std::logic_error

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
  for (; i < rows.size() && page.size() < limit && bytes < 1024 * 1024; ++i) {
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

// ------------------------------------------------------------------ records

DYNAFAKE_IMPL int64_t Backups::CutFor(int64_t now) {
  switch (options_->backupCut) {
    case BackupCutPolicy::RequestTime:
      return now;
    case BackupCutPolicy::Earliest:
      return now - 60000;
    case BackupCutPolicy::Latest:
      return now + 60000;
    case BackupCutPolicy::SeededRandom:
      return now - 60000 + static_cast<int64_t>(identity_->NextRandom() % 120001);
  }
  return now;
}

DYNAFAKE_IMPL std::shared_ptr<const BackupSource> Backups::MakeSource(const TableRecord& t) const {
  using namespace Model;
  auto made = std::make_shared<BackupSource>();
  BackupSource& b = *made;
  const TableDescription& d = t.desc;
  b.tableName = d.GetTableName();
  b.arnPrefix = identity_->TableArn(b.tableName) + "/backup/";
  b.history = t.items.history;
  b.key = t.key;
  b.attributeDefinitions = d.GetAttributeDefinitions();

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
  return made;
}

DYNAFAKE_IMPL bool Backups::SameSource(const BackupSource& a, const BackupSource& b) {
  return a.tableName == b.tableName && a.arnPrefix == b.arnPrefix && a.history == b.history &&
         a.key.hash == b.key.hash && a.key.range == b.key.range && a.key.hashType == b.key.hashType &&
         a.key.rangeType == b.key.rangeType && a.attributeDefinitions == b.attributeDefinitions &&
         a.source == b.source && a.features == b.features;
}

DYNAFAKE_IMPL std::shared_ptr<const BackupSource> Backups::SourceOf(const TableRecord& t) const {
  // The table keeps the source of its last backup until its settings change
  // (Tables drops it then); the table's item history never changes identity.
  if (!t.backupSource || t.backupSource->history != t.items.history) t.backupSource = MakeSource(t);
#ifndef NDEBUG  // a setting changed without dropping the cache would show here, in every debug test run
  else if (!SameSource(*t.backupSource, *MakeSource(t)))
    throw std::logic_error("dynafake: table '" + t.desc.GetTableName() + "' changed without dropping its BackupSource");
#endif
  return t.backupSource;
}

DYNAFAKE_IMPL const std::string* Backups::Intern(const std::string& name) {
  auto it = names_.find(name);
  if (it == names_.end()) it = names_.emplace(name, 0).first;
  ++it->second;
  return &it->first;
}

DYNAFAKE_IMPL void Backups::Release(const std::string* name) {
  if (!name) return;
  auto it = names_.find(*name);
  if (it != names_.end() && --it->second == 0) names_.erase(it);
}

DYNAFAKE_IMPL BackupRecord& Backups::Take(const TableRecord& t, const std::string& name, Model::BackupType type,
                                          int64_t now, int64_t cutMs) {
  using namespace Model;
  BackupRecord b;
  b.table = SourceOf(t);
  b.id = identity_->NewBackupId();
  b.createdMs = now;
  b.cutMs = cutMs;
  b.cutSeq = cutMs == now ? t.items.history->LastSeq() : History::kAll;
  b.type = type;
  if (type == BackupType::SYSTEM) b.expiryMs = now + 35LL * 86400000LL;
  b.availableAtMs = std::max(now + options_->durations.backupCreate.count(), cutMs);
  b.status = b.availableAtMs > now ? BackupStatus::CREATING : BackupStatus::AVAILABLE;
  b.name = Intern(name);
  scratch_.clear();
  AppendArn(scratch_, b);
  b.table->history->Pin(b.cutMs);
  BackupRecord& stored = backups_.emplace(HashArn(scratch_), std::move(b))->second;
  if (stored.status == BackupStatus::CREATING || stored.expiryMs != BackupRecord::kNoExpiry) {
    const std::string arn = scratch_;
    if (stored.status == BackupStatus::CREATING) {
      timeline_->Schedule(stored.availableAtMs, EventKind::BackupAvailable, arn, 0);
      if (type == BackupType::USER) creatingUserBackups_[stored.TableName()].push_back(arn);
    }
    if (stored.expiryMs != BackupRecord::kNoExpiry)
      timeline_->Schedule(stored.expiryMs, EventKind::BackupExpired, arn, 0);
  }
  return stored;
}

DYNAFAKE_IMPL void Backups::AppendArn(std::string& out, const BackupRecord& b) {
  if (b.unusualArn) {
    out.append(*b.unusualArn);
    return;
  }
  char stamp[32];
  char* end = stamp + sizeof stamp;
  const char* p = Identity::WriteBackupStamp(end, b.createdMs, b.id);
  out.append(b.table->arnPrefix).append(p, static_cast<std::size_t>(end - p));
}

DYNAFAKE_IMPL bool Backups::HasArn(const BackupRecord& b, std::string_view arn) {
  if (b.unusualArn) return arn == *b.unusualArn;
  char stamp[32];
  char* end = stamp + sizeof stamp;
  const char* p = Identity::WriteBackupStamp(end, b.createdMs, b.id);
  const std::string& prefix = b.table->arnPrefix;
  const std::size_t n = static_cast<std::size_t>(end - p);
  return arn.size() == prefix.size() + n && arn.compare(0, prefix.size(), prefix) == 0 &&
         arn.compare(prefix.size(), n, std::string_view(p, n)) == 0;
}

DYNAFAKE_IMPL std::string Backups::Arn(const BackupRecord& b) const {
  std::string arn;
  arn.reserve(b.unusualArn ? b.unusualArn->size() : b.table->arnPrefix.size() + 23);
  AppendArn(arn, b);
  return arn;
}

DYNAFAKE_IMPL Backups::Map::const_iterator Backups::Locate(std::string_view arn) const {
  auto range = backups_.equal_range(HashArn(arn));
  for (auto it = range.first; it != range.second; ++it)
    if (HasArn(it->second, arn)) return it;
  return backups_.end();
}

DYNAFAKE_IMPL Backups::Map::iterator Backups::Locate(std::string_view arn) {
  auto range = backups_.equal_range(HashArn(arn));
  for (auto it = range.first; it != range.second; ++it)
    if (HasArn(it->second, arn)) return it;
  return backups_.end();
}

DYNAFAKE_IMPL const BackupRecord* Backups::Find(const std::string& arn) const {
  auto it = Locate(arn);
  return it == backups_.end() ? nullptr : &it->second;
}

DYNAFAKE_IMPL const std::string* Backups::CreatingUserBackup(const std::string& table) {
  auto found = creatingUserBackups_.find(table);
  if (found == creatingUserBackups_.end()) return nullptr;
  auto& arns = found->second;
  arns.erase(std::remove_if(arns.begin(), arns.end(),
                            [&](const std::string& arn) {
                              const BackupRecord* b = Find(arn);
                              return !b || b->status != Model::BackupStatus::CREATING;
                            }),
             arns.end());
  return arns.empty() ? nullptr : &arns.front();
}

DYNAFAKE_IMPL Model::BackupDetails Backups::Details(const BackupRecord& b, int64_t now, const std::string* arn) const {
  using namespace Model;
  BackupDetails d;
  if (arn)  // not `arn ? *arn : Arn(b)`: that is a const prvalue, which would be copied once more
    d.SetBackupArn(*arn);
  else
    d.SetBackupArn(Arn(b));
  d.SetBackupName(*b.name);
  // the size is read from the history as of the cut, once the cut has passed
  const Totals totals = b.cutMs <= now ? b.Items()->TotalsAt(b.cutMs, b.cutSeq) : b.Items()->TotalsAt(now);
  d.SetBackupSizeBytes(totals.bytes);
  d.SetBackupStatus(b.status);
  d.SetBackupType(b.type);
  d.SetBackupCreationDateTime(DateTime(b.createdMs));
  if (b.expiryMs != BackupRecord::kNoExpiry) d.SetBackupExpiryDateTime(DateTime(b.expiryMs));
  return d;
}

DYNAFAKE_IMPL Model::BackupDescription Backups::Description(const BackupRecord& b, int64_t now,
                                                            const std::string* arn) const {
  Model::SourceTableDetails s = b.table->source;
  const Totals totals = b.cutMs <= now ? b.Items()->TotalsAt(b.cutMs, b.cutSeq) : b.Items()->TotalsAt(now);
  s.SetItemCount(totals.items);
  s.SetTableSizeBytes(totals.bytes);
  Model::BackupDescription d;
  d.SetBackupDetails(Details(b, now, arn));
  d.SetSourceTableDetails(std::move(s));
  d.SetSourceTableFeatureDetails(b.table->features);
  return d;
}

DYNAFAKE_IMPL Model::BackupSummary Backups::Summary(const BackupRecord& b, int64_t now) const {
  const Model::SourceTableDetails& source = b.table->source;
  const Totals totals = b.cutMs <= now ? b.Items()->TotalsAt(b.cutMs, b.cutSeq) : b.Items()->TotalsAt(now);
  Model::BackupSummary s;
  s.WithTableName(source.GetTableName())
      .WithTableId(source.GetTableId())
      .WithTableArn(source.GetTableArn())
      .WithBackupArn(Arn(b))
      .WithBackupName(*b.name)
      .WithBackupCreationDateTime(DateTime(b.createdMs))
      .WithBackupStatus(b.status)
      .WithBackupType(b.type)
      .WithBackupSizeBytes(totals.bytes);
  if (b.expiryMs != BackupRecord::kNoExpiry) s.SetBackupExpiryDateTime(DateTime(b.expiryMs));
  return s;
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

DYNAFAKE_IMPL std::vector<BackupState> Backups::States() const {
  std::vector<std::pair<std::string, const BackupRecord*>> byArn;  // a snapshot lists them in ARN order
  byArn.reserve(backups_.size());
  for (const auto& kv : backups_) byArn.emplace_back(Arn(kv.second), &kv.second);
  std::sort(byArn.begin(), byArn.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<BackupState> out;
  out.reserve(byArn.size());
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
    out.push_back(std::move(s));
  }
  return out;
}

DYNAFAKE_IMPL void Backups::Replace(std::vector<BackupState> backups,
                                    std::map<std::string, std::vector<std::string>> creating) {
  Clear();
  creatingUserBackups_ = std::move(creating);
  std::map<std::string, std::vector<std::shared_ptr<const BackupSource>>> sources;  // per table, to share
  for (BackupState& s : backups) {
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
