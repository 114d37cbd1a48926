// dynafake — Backups' definitions, part two: the compact backup records
// (sources shared per table version, interned names, ARNs built on demand)
// and the descriptions rendered from them. Part one, the operations and the
// state, is backups_impl.hpp.
#pragma once

#include <algorithm>  // std::sort, std::remove_if, std::max
#include <stdexcept>  // std::logic_error

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
  // not a message: a dynafake bug, thrown in debug builds
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
  if (type == BackupType::SYSTEM) b.expiryMs = now + limits::Ms(limits::kSystemBackupRetention);
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

}  // namespace detail
}  // namespace dynafake
