// dynafake — Tables' definitions: the table operations but UpdateTable
// (table_update_impl.hpp), how a table is described, its transitions.
#pragma once

#include <algorithm>  // std::remove_if
#include <set>        // std::set

#include "dynafake/components/backups.hpp"             // Backups
#include "dynafake/components/continuous_backups.hpp"  // ContinuousBackups
#include "dynafake/components/identity.hpp"            // Identity
#include "dynafake/components/items.hpp"               // Items
#include "dynafake/components/quotas.hpp"              // Quotas
#include "dynafake/components/tables.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

// ------------------------------------------------------------------ operations

DYNAFAKE_IMPL Model::CreateTableOutcome Tables::CreateTable(const Model::CreateTableRequest& r, int64_t now) {
  using namespace Model;
  const std::string name = r.GetTableName();
  if (tables_.count(name)) return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::TableAlreadyExists(name));
  if (auto e = quotas_->CheckTableCount(tables_.size())) return *e;
  if (auto e = quotas_->CheckTablesInTransition(InTransition())) return *e;
  if (!r.GetGlobalSecondaryIndexes().empty() || !r.GetLocalSecondaryIndexes().empty()) {
    int creatingWithIndexes = 0;
    for (const auto& kv : tables_)
      if (kv.second.status == TableStatus::CREATING &&
          (!kv.second.gsis.empty() || kv.second.desc.LocalSecondaryIndexesHasBeenSet()))
        ++creatingWithIndexes;
    if (auto e = quotas_->CheckTablesWithIndexesCreating(creatingWithIndexes)) return *e;
  }
  TableRecord t = NewRecord(name, r.GetKeySchema(), r.GetAttributeDefinitions(), now);
  TableDescription& d = t.desc;
  const std::string arn = d.GetTableArn();
  const bool onDemand = r.GetBillingMode() == BillingMode::PAY_PER_REQUEST;
  const ProvisionedThroughput zero = ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(0);
  d.SetProvisionedThroughput(ThroughputDescription(onDemand ? zero : r.GetProvisionedThroughput()));
  if (r.BillingModeHasBeenSet()) {
    BillingModeSummary summary;
    summary.SetBillingMode(r.GetBillingMode());
    if (onDemand) summary.SetLastUpdateToPayPerRequestDateTime(DateTime(now));
    d.SetBillingModeSummary(summary);
  }
  if (r.OnDemandThroughputHasBeenSet()) d.SetOnDemandThroughput(r.GetOnDemandThroughput());
  for (const auto& l : r.GetLocalSecondaryIndexes())
    d.AddLocalSecondaryIndexes(LocalSecondaryIndexDescription()
                                   .WithIndexName(l.GetIndexName())
                                   .WithKeySchema(l.GetKeySchema())
                                   .WithProjection(l.GetProjection())
                                   .WithIndexArn(arn + "/index/" + l.GetIndexName()));
  const int64_t until = now + options_->durations.tableCreate.count();
  const IndexStatus initial = until > now ? IndexStatus::CREATING : IndexStatus::ACTIVE;
  for (const auto& g : r.GetGlobalSecondaryIndexes()) {
    GlobalSecondaryIndexDescription gd;
    gd.WithIndexName(g.GetIndexName())
        .WithKeySchema(g.GetKeySchema())
        .WithProjection(g.GetProjection())
        .WithIndexStatus(initial)
        .WithIndexArn(arn + "/index/" + g.GetIndexName())
        .WithProvisionedThroughput(ThroughputDescription(onDemand ? zero : g.GetProvisionedThroughput()));
    if (g.OnDemandThroughputHasBeenSet()) gd.SetOnDemandThroughput(g.GetOnDemandThroughput());
    t.gsis.push_back(gd);
  }
  if (r.StreamSpecificationHasBeenSet() && r.GetStreamSpecification().GetStreamEnabled()) {
    d.SetStreamSpecification(r.GetStreamSpecification());
    const std::string label = DateTime(now).ToIso8601().substr(0, 23);
    d.SetLatestStreamLabel(label);
    d.SetLatestStreamArn(arn + "/stream/" + label);
  }
  if (r.SSESpecificationHasBeenSet() && r.GetSSESpecification().GetEnabled())
    d.SetSSEDescription(identity_->KmsEncryption(r.GetSSESpecification()));
  if (r.TableClassHasBeenSet()) d.SetTableClassSummary(TableClassSummary().WithTableClass(r.GetTableClass()));
  d.SetDeletionProtectionEnabled(r.DeletionProtectionEnabledHasBeenSet() && r.GetDeletionProtectionEnabled());
  t.tags = r.GetTags();
  if (until <= now) t.status = TableStatus::ACTIVE;
  return CreateTableResult().WithTableDescription(Description(Add(std::move(t), until)));
}

DYNAFAKE_IMPL Model::DescribeTableOutcome Tables::DescribeTable(const Model::DescribeTableRequest& r, int64_t) {
  const TableRecord* t = Find(r.GetTableName());
  if (!t)
    return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND,
                         msg::TableResourceNotFound(identity_->ShownName(r.GetTableName())));
  return Model::DescribeTableResult().WithTable(Description(*t));
}

DYNAFAKE_IMPL Model::DeleteTableOutcome Tables::DeleteTable(const Model::DeleteTableRequest& r, int64_t now) {
  using namespace Model;
  const std::string name = identity_->ShownName(r.GetTableName());
  TableRecord* t = Find(r.GetTableName());
  if (!t) return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::TableResourceNotFound(name));
  if (t->status == TableStatus::DELETING) return DeleteTableResult().WithTableDescription(Description(*t));
  if (auto e = NotActive(*t, name)) return *e;
  if (t->desc.GetDeletionProtectionEnabled())
    return DynamoDBError(DynamoDBErrors::VALIDATION, msg::DeletionProtected());
  if (const std::string* creating = backups_->CreatingUserBackup(t->desc.GetTableName()))
    return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::BackupOfTableBeingCreated(name, *creating));
  if (auto e = quotas_->CheckTablesInTransition(InTransition())) return *e;
  // the deleted-table safety net: a SYSTEM backup of the table as it was just before the delete
  if (continuous_->Enabled(name)) backups_->Take(*t, name + "$DeletedTableBackup", BackupType::SYSTEM, now, now);
  StartTransition(*t, TableStatus::DELETING, now + options_->durations.tableDelete.count(), EventKind::TableGone);
  return DeleteTableResult().WithTableDescription(Description(*t));
}

DYNAFAKE_IMPL Model::ListTablesOutcome Tables::ListTables(const Model::ListTablesRequest& r, int64_t) {
  const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : 100;
  auto it =
      r.ExclusiveStartTableNameHasBeenSet() ? tables_.upper_bound(r.GetExclusiveStartTableName()) : tables_.begin();
  std::vector<std::string> names;
  for (; it != tables_.end() && names.size() < limit; ++it) names.push_back(it->first);
  Model::ListTablesResult out;
  out.SetTableNames(names);
  if (it != tables_.end() && !names.empty()) out.SetLastEvaluatedTableName(names.back());
  return out;
}

// ------------------------------------------------------------------ checks of the request alone

DYNAFAKE_IMPL bool Tables::NameWithinLimits(const std::string& nameOrArn) {
  if (nameOrArn.rfind("arn:", 0) == 0) return true;  // an ARN: the table it names is looked up
  return nameOrArn.size() >= 3 && nameOrArn.size() <= 255;
}

DYNAFAKE_IMPL void Tables::TableNameInPattern(const std::string& nameOrArn, Validator& v) {
  if (nameOrArn.rfind("arn:", 0) != 0)
    v.Pattern("tableName", nameOrArn, MatchesNamePattern(nameOrArn), msg::kTableNamePattern);
}

/// DescribeTable, DeleteTable, UpdateTable: no name, then a name outside 3..255,
/// before the model's constraints (whose TableName, 1..1024 characters, may be an ARN).
inline void PrecheckTableName(bool given, const std::string& nameOrArn, Validator& v) {
  if (!given) return v.Add(msg::TableNameRequired());
  if (!Tables::NameWithinLimits(nameOrArn)) v.Add(msg::TableNameLength());
}

DYNAFAKE_IMPL void Tables::Precheck(const Model::DescribeTableRequest& r, Validator& v) {
  PrecheckTableName(r.TableNameHasBeenSet(), r.GetTableName(), v);
}
DYNAFAKE_IMPL void Tables::Precheck(const Model::DeleteTableRequest& r, Validator& v) {
  PrecheckTableName(r.TableNameHasBeenSet(), r.GetTableName(), v);
}
DYNAFAKE_IMPL void Tables::Precheck(const Model::UpdateTableRequest& r, Validator& v) {
  PrecheckTableName(r.TableNameHasBeenSet(), r.GetTableName(), v);
}
/// CreateTable: a given name outside 3..255 (architect/dynalite test/createTable.js
/// 'should return ValidationException for short TableName'); a missing one is the model's.
DYNAFAKE_IMPL void Tables::Precheck(const Model::CreateTableRequest& r, Validator& v) {
  const std::size_t n = r.GetTableName().size();
  if (r.TableNameHasBeenSet() && (n < 3 || n > 255)) v.Add(msg::TableNameLength());
}

DYNAFAKE_IMPL void Tables::Validate(const Model::DescribeTableRequest& r, Validator& v) {
  TableNameInPattern(r.GetTableName(), v);
}

DYNAFAKE_IMPL void Tables::Validate(const Model::DeleteTableRequest& r, Validator& v) {
  TableNameInPattern(r.GetTableName(), v);
}

/// dynalite's first test of a ResourceArn, /^.+:.+:.+:.+:.+:.+\/.+$/: six
/// non-empty parts joined by ':', a '/' inside the last. Anything else is no
/// ARN at all, and the service refuses it as a resource the caller may not use.
inline bool LooksLikeAnArn(const std::string& s) {
  std::size_t at = 0;  // the earliest choice of the five colons leaves the most room for the rest
  for (int colon = 0; colon < 5; ++colon) {
    const std::size_t c = s.find(':', at + 1);
    if (c == std::string::npos) return false;
    at = c + 1;  // the next part starts here and must not be empty
    if (at >= s.size()) return false;
  }
  const std::size_t slash = s.find('/', at + 1);
  return slash != std::string::npos && slash + 1 < s.size();
}
/// dynalite's second, /^arn:aws:dynamodb:.+:\d+:table\/[^/]{2}[^/]+$/ (the
/// Service's partition for "aws"): a table's ARN, whose name has 3 characters or
/// more. Its account, or "" when it is not one.
inline std::string TableArnAccount(const std::string& s, const std::string& partition) {
  const std::string prefix = "arn:" + partition + ":dynamodb:";
  if (s.rfind(prefix, 0) != 0) return {};
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos || s.find('/', slash + 1) != std::string::npos) return {};
  if (s.size() - slash - 1 < 3) return {};
  const std::string tableWord = ":table";
  if (slash < prefix.size() + tableWord.size() || s.compare(slash - tableWord.size(), tableWord.size(), tableWord) != 0)
    return {};
  const std::string middle = s.substr(prefix.size(), slash - tableWord.size() - prefix.size());  // region:account
  const std::size_t colon = middle.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == middle.size()) return {};
  const std::string account = middle.substr(colon + 1);
  for (char c : account)
    if (c < '0' || c > '9') return {};
  return account;
}
/// Before the model's constraints: a ResourceArn there, and one the caller may be
/// authorized for (architect/dynalite test/tagResource.js: {} is "Invalid TableArn",
/// {"ResourceArn": ""} an AccessDeniedException, though Tags is missing in both).
DYNAFAKE_IMPL void Tables::PrecheckResourceArn(bool given, const std::string& arn, const char* operation,
                                               const Identity& identity, Validator& v) {
  if (!given) return v.Add(msg::NoResourceArn());
  const std::string principal = "arn:" + identity.Partition() + ":iam::" + identity.AccountId() + ":root";
  if (!LooksLikeAnArn(arn)) v.Deny(msg::NotAuthorized(principal, operation, arn));
}

/// After them (a missing Tags is reported first: test/tagResource.js 'should return
/// ValidationException for null Tags'): a table's ARN, of this account.
DYNAFAKE_IMPL void Tables::ValidateResourceArn(const std::string& arn, const char* operation, const Identity& identity,
                                               Validator& v) {
  const std::string principal = "arn:" + identity.Partition() + ":iam::" + identity.AccountId() + ":root";
  const std::string account = TableArnAccount(arn, identity.Partition());
  if (account.empty()) return v.Add(msg::InvalidTableArn(arn));
  if (account != identity.AccountId()) v.Deny(msg::NotAuthorizedElsewhere(principal, operation, arn));
}

DYNAFAKE_IMPL void Tables::Validate(const Model::TagResourceRequest& r, const Identity& identity, Validator& v) {
  ValidateResourceArn(r.GetResourceArn(), "TagResource", identity, v);
  if (v.Ok() && r.GetTags().empty()) v.Add(msg::NoTagsGiven());
}

DYNAFAKE_IMPL void Tables::Validate(const Model::UntagResourceRequest& r, const Identity& identity, Validator& v) {
  ValidateResourceArn(r.GetResourceArn(), "UntagResource", identity, v);
  if (v.Ok() && r.GetTagKeys().empty()) v.Add(msg::NoTagKeysGiven());
}

DYNAFAKE_IMPL void Tables::Validate(const Model::ListTagsOfResourceRequest& r, const Identity& identity, Validator& v) {
  ValidateResourceArn(r.GetResourceArn(), "ListTagsOfResource", identity, v);
}

DYNAFAKE_IMPL TableRecord* Tables::TaggedTable(const std::string& resourceArn, std::optional<DynamoDBError>& error) {
  TableRecord* t = resourceArn.rfind("arn:", 0) == 0 ? Find(resourceArn) : nullptr;
  if (!t) error = DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::ArnResourceNotFound(resourceArn));
  return t;
}

DYNAFAKE_IMPL Model::TagResourceOutcome Tables::TagResource(const Model::TagResourceRequest& r, int64_t) {
  std::optional<DynamoDBError> missing;
  TableRecord* t = TaggedTable(r.GetResourceArn(), missing);
  if (!t) return *missing;
  if (t->status != Model::TableStatus::ACTIVE && t->status != Model::TableStatus::UPDATING)
    return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::TableNotActive(t->desc.GetTableName()));
  std::set<std::string> keys;  // a tag whose key is already there replaces it: count distinct keys
  for (const auto& tag : t->tags) keys.insert(tag.GetKey());
  for (const auto& tag : r.GetTags()) keys.insert(tag.GetKey());
  if (keys.size() > 50) return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::TooManyTags());
  for (const auto& tag : r.GetTags()) {
    bool replaced = false;
    for (auto& existing : t->tags)
      if (existing.GetKey() == tag.GetKey()) existing.SetValue(tag.GetValue()), replaced = true;
    if (!replaced) t->tags.push_back(tag);
  }
  return Model::TagResourceResult();
}

DYNAFAKE_IMPL Model::UntagResourceOutcome Tables::UntagResource(const Model::UntagResourceRequest& r, int64_t) {
  std::optional<DynamoDBError> missing;
  TableRecord* t = TaggedTable(r.GetResourceArn(), missing);
  // UntagResource's not-found names no ARN (architect/dynalite test/untagResource.js)
  if (!t) return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::DataPlaneResourceNotFound());
  if (t->status != Model::TableStatus::ACTIVE && t->status != Model::TableStatus::UPDATING)
    return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::TableNotActive(t->desc.GetTableName()));
  const std::set<std::string> gone(r.GetTagKeys().begin(), r.GetTagKeys().end());  // keys not there are ignored
  t->tags.erase(std::remove_if(t->tags.begin(), t->tags.end(),
                               [&](const Model::Tag& tag) { return gone.count(tag.GetKey()) > 0; }),
                t->tags.end());
  return Model::UntagResourceResult();
}

DYNAFAKE_IMPL Model::ListTagsOfResourceOutcome Tables::ListTagsOfResource(const Model::ListTagsOfResourceRequest& r,
                                                                          int64_t) {
  std::optional<DynamoDBError> missing;
  const TableRecord* t = TaggedTable(r.GetResourceArn(), missing);
  if (!t) return *missing;
  Model::ListTagsOfResourceResult out;
  out.SetTags(t->tags);
  return out;
}

// ------------------------------------------------------------------ lookups and descriptions

DYNAFAKE_IMPL TableRecord* Tables::Find(const std::string& nameOrArn) {
  auto it = tables_.find(identity_->TableNameOf(nameOrArn));
  return it == tables_.end() ? nullptr : &it->second;
}

DYNAFAKE_IMPL const TableRecord* Tables::Find(const std::string& nameOrArn) const {
  auto it = tables_.find(identity_->TableNameOf(nameOrArn));
  return it == tables_.end() ? nullptr : &it->second;
}

DYNAFAKE_IMPL TableRecord* Tables::FindByHistory(const History* history) {
  for (auto& kv : tables_)
    if (kv.second.items.history.get() == history) return &kv.second;
  return nullptr;
}

DYNAFAKE_IMPL Model::TableDescription Tables::Description(const TableRecord& t) const {
  Model::TableDescription d = t.desc;
  d.SetTableStatus(t.status);
  const Totals totals = t.items.history->TotalsAt(INT64_MAX);
  d.SetItemCount(totals.items);
  d.SetTableSizeBytes(totals.bytes);
  // A table being deleted is described without its global secondary indexes,
  // DeleteTable's answer included (architect/dynalite test/deleteTable.js, run
  // against the service: should.not.exist(TableDescription.GlobalSecondaryIndexes)).
  if (!t.gsis.empty() && t.status != Model::TableStatus::DELETING) d.SetGlobalSecondaryIndexes(t.gsis);
  if (d.LocalSecondaryIndexesHasBeenSet()) {
    auto lsis = d.GetLocalSecondaryIndexes();
    for (auto& l : lsis) l.WithItemCount(totals.items).WithIndexSizeBytes(totals.bytes);
    d.SetLocalSecondaryIndexes(lsis);
  }
  return d;
}

DYNAFAKE_IMPL TableRecord Tables::NewRecord(const std::string& name,
                                            const std::vector<Model::KeySchemaElement>& keySchema,
                                            const std::vector<Model::AttributeDefinition>& attributeDefinitions,
                                            int64_t now) {
  TableRecord t;
  t.createdMs = now;
  t.desc.SetTableName(name);
  t.desc.SetTableArn(identity_->TableArn(name));
  t.desc.SetTableId(identity_->NewTableId());
  t.desc.SetKeySchema(keySchema);
  t.desc.SetAttributeDefinitions(attributeDefinitions);
  t.desc.SetCreationDateTime(DateTime(now));
  t.key = MakeKeyDef(keySchema, attributeDefinitions);
  return t;
}

DYNAFAKE_IMPL TableRecord& Tables::Add(TableRecord t, int64_t untilMs) {
  t.statusUntilMs = untilMs;
  t.serial = ++serial_;
  const std::string name = t.desc.GetTableName();
  TableRecord& stored = tables_.emplace(name, std::move(t)).first->second;
  if (stored.status == Model::TableStatus::CREATING)
    timeline_->Schedule(untilMs, EventKind::TableSettled, name, stored.generation);
  return stored;
}

DYNAFAKE_IMPL std::vector<Model::GlobalSecondaryIndexInfo> Tables::GlobalIndexesToCopy(const TableRecord& t) {
  std::vector<Model::GlobalSecondaryIndexInfo> out;
  for (const auto& g : t.gsis) {
    if (g.GetIndexStatus() == Model::IndexStatus::CREATING || g.GetIndexStatus() == Model::IndexStatus::DELETING)
      continue;
    Model::GlobalSecondaryIndexInfo info;
    info.WithIndexName(g.GetIndexName())
        .WithKeySchema(g.GetKeySchema())
        .WithProjection(g.GetProjection())
        .WithProvisionedThroughput(Throughput(g.GetProvisionedThroughput()));
    if (g.OnDemandThroughputHasBeenSet()) info.SetOnDemandThroughput(g.GetOnDemandThroughput());
    out.push_back(info);
  }
  return out;
}

DYNAFAKE_IMPL std::vector<Model::LocalSecondaryIndexInfo> Tables::LocalIndexesToCopy(const TableRecord& t) {
  std::vector<Model::LocalSecondaryIndexInfo> out;
  for (const auto& l : t.desc.GetLocalSecondaryIndexes())
    out.push_back(Model::LocalSecondaryIndexInfo()
                      .WithIndexName(l.GetIndexName())
                      .WithKeySchema(l.GetKeySchema())
                      .WithProjection(l.GetProjection()));
  return out;
}

DYNAFAKE_IMPL Model::BillingMode Tables::BillingModeOf(const TableRecord& t) {
  return t.desc.BillingModeSummaryHasBeenSet() ? t.desc.GetBillingModeSummary().GetBillingMode()
                                               : Model::BillingMode::PROVISIONED;
}

DYNAFAKE_IMPL Model::TimeToLiveDescription Tables::TimeToLive(const TableRecord& t) {
  Model::TimeToLiveDescription d;
  d.SetTimeToLiveStatus(t.ttlEnabled ? Model::TimeToLiveStatus::ENABLED : Model::TimeToLiveStatus::DISABLED);
  if (t.ttlEnabled) d.SetAttributeName(t.ttlAttribute);
  return d;
}

DYNAFAKE_IMPL Model::ProvisionedThroughput Tables::Throughput(const Model::ProvisionedThroughputDescription& d) {
  return Model::ProvisionedThroughput()
      .WithReadCapacityUnits(d.GetReadCapacityUnits())
      .WithWriteCapacityUnits(d.GetWriteCapacityUnits());
}

DYNAFAKE_IMPL Model::ProvisionedThroughputDescription Tables::ThroughputDescription(
    const Model::ProvisionedThroughput& p) {
  Model::ProvisionedThroughputDescription d;
  d.SetReadCapacityUnits(p.GetReadCapacityUnits());
  d.SetWriteCapacityUnits(p.GetWriteCapacityUnits());
  d.SetNumberOfDecreasesToday(0);
  return d;
}

DYNAFAKE_IMPL int Tables::InTransition() const {
  int n = 0;
  for (const auto& kv : tables_)
    if (kv.second.status != Model::TableStatus::ACTIVE) ++n;
  return n;
}

DYNAFAKE_IMPL int Tables::RestoresInProgress() const {
  int n = 0;
  for (const auto& kv : tables_)
    if (kv.second.restoring) ++n;
  return n;
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Tables::NotActive(const TableRecord& t, const std::string& name) const {
  using Model::TableStatus;
  if (t.status == TableStatus::ACTIVE) return std::nullopt;
  const char* doing = t.status == TableStatus::CREATING   ? "created"
                      : t.status == TableStatus::UPDATING ? "updated"
                                                          : "deleted";
  return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::ResourceInUse(msg::TableIsBeing(doing, name)));
}

// ------------------------------------------------------------------ transitions

DYNAFAKE_IMPL void Tables::StartTransition(TableRecord& t, Model::TableStatus status, int64_t untilMs,
                                           EventKind settle) {
  ++t.generation;
  t.status = status;
  t.statusUntilMs = untilMs;
  t.SettingsChanged();  // an update's new settings, indexes CREATING or DELETING
  timeline_->Schedule(untilMs, settle, t.desc.GetTableName(), t.generation);
}

DYNAFAKE_IMPL void Tables::Settle(const std::string& name, uint64_t generation) {
  auto it = tables_.find(name);
  if (it == tables_.end() || it->second.generation != generation) return;
  TableRecord& t = it->second;
  t.status = Model::TableStatus::ACTIVE;
  ++t.generation;
  t.SettingsChanged();  // indexes become ACTIVE or go
  if (t.restoring) {
    t.restoring = false;
    t.restoreSourceBackup.clear();
    Model::RestoreSummary s = t.desc.GetRestoreSummary();
    s.SetRestoreInProgress(false);
    t.desc.SetRestoreSummary(s);
  }
  const DateTime settled(t.statusUntilMs);
  // The throughput an UpdateTable asked for takes effect now (architect/dynalite actions/updateTable.js).
  auto apply = [&settled](Model::ProvisionedThroughputDescription d, const Model::ProvisionedThroughput& p) {
    const bool up =
        p.GetReadCapacityUnits() > d.GetReadCapacityUnits() || p.GetWriteCapacityUnits() > d.GetWriteCapacityUnits();
    const bool down =
        p.GetReadCapacityUnits() < d.GetReadCapacityUnits() || p.GetWriteCapacityUnits() < d.GetWriteCapacityUnits();
    if (up) {
      d.SetLastIncreaseDateTime(settled);
    } else if (down) {
      d.SetLastDecreaseDateTime(settled);
      d.SetNumberOfDecreasesToday(d.GetNumberOfDecreasesToday() + 1);
    }
    d.SetReadCapacityUnits(p.GetReadCapacityUnits());
    d.SetWriteCapacityUnits(p.GetWriteCapacityUnits());
    return d;
  };
  if (t.pendingThroughput)
    t.desc.SetProvisionedThroughput(apply(t.desc.GetProvisionedThroughput(), *t.pendingThroughput));
  t.pendingThroughput.reset();
  std::vector<Model::GlobalSecondaryIndexDescription> keep;
  for (auto g : t.gsis) {
    if (g.GetIndexStatus() == Model::IndexStatus::DELETING) continue;
    g.SetIndexStatus(Model::IndexStatus::ACTIVE);
    g.SetBackfilling(false);
    auto pending = t.pendingIndexThroughput.find(g.GetIndexName());
    if (pending != t.pendingIndexThroughput.end())
      g.SetProvisionedThroughput(apply(g.GetProvisionedThroughput(), pending->second));
    keep.push_back(std::move(g));
  }
  t.pendingIndexThroughput.clear();
  t.gsis = std::move(keep);
}

DYNAFAKE_IMPL std::shared_ptr<History> Tables::Remove(const std::string& name, uint64_t generation) {
  auto it = tables_.find(name);
  if (it == tables_.end() || it->second.generation != generation) return nullptr;
  std::shared_ptr<History> history = it->second.items.history;
  tables_.erase(it);
  return history;
}

}  // namespace detail
}  // namespace dynafake
