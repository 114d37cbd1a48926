// dynafake — Tables' definitions for what changes a table's shape: the rules
// CreateTable's key schemas and indexes must follow, and UpdateTable.
#pragma once

#include <set>  // std::set

#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/quotas.hpp"    // Quotas
#include "dynafake/components/tables.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

/// The table or index key schema's first violation, or "": one HASH first, at
/// most one RANGE, every attribute defined.
DYNAFAKE_IMPL std::string CheckKeySchema(const std::vector<Model::KeySchemaElement>& schema,
                                         const std::vector<Model::AttributeDefinition>& defs, const std::string& path) {
  if (schema.empty() || schema.size() > 2) return msg::KeySchemaSize(schema.size(), path);
  if (schema[0].GetKeyType() != Model::KeyType::HASH)
    return "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
  // one name twice before a second HASH (architect/dynalite test/createTable.js 'for 5', recorded against the
  // service; nubo-db/dynoxide src/validation.rs validate_key_schema orders them so too)
  if (schema.size() == 2 && schema[0].GetAttributeName() == schema[1].GetAttributeName())
    return "Both the Hash Key and the Range Key element in the KeySchema have the same name";
  if (schema.size() == 2 && schema[1].GetKeyType() != Model::KeyType::RANGE)
    return "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";
  for (const auto& e : schema) {
    bool defined = false;
    for (const auto& d : defs) defined = defined || d.GetAttributeName() == e.GetAttributeName();
    if (defined) continue;
    std::string names;
    for (const auto& d : defs) names += (names.empty() ? "" : ", ") + d.GetAttributeName();
    return msg::Invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [" +
                        e.GetAttributeName() + "], AttributeDefinitions: [" + names + "]");
  }
  return {};
}

/// An index Projection's first violation, or "": a ProjectionType, and
/// NonKeyAttributes only with INCLUDE. Texts from architect/dynalite
/// validations/createTable.js, whose test suite runs against the service.
DYNAFAKE_IMPL std::string CheckProjection(const Model::Projection& p) {
  if (!p.ProjectionTypeHasBeenSet()) return msg::Invalid("Unknown ProjectionType: null");
  if (p.NonKeyAttributesHasBeenSet() && p.GetProjectionType() != Model::ProjectionType::INCLUDE)
    return msg::Invalid("ProjectionType is " +
                        Model::ProjectionTypeMapper::GetNameForProjectionType(p.GetProjectionType()) +
                        ", but NonKeyAttributes is specified");
  return {};
}

DYNAFAKE_IMPL void Tables::Validate(const Model::CreateTableRequest& r, Validator& v) {
  if (!MatchesNamePattern(r.GetTableName()))  // (its length was checked first: Tables::Precheck)
    return v.Pattern("tableName", r.GetTableName(), false, msg::kTableNamePattern);
  if (!r.KeySchemaHasBeenSet()) return v.Missing("keySchema");
  if (!r.AttributeDefinitionsHasBeenSet()) return v.Missing("attributeDefinitions");
  if (r.ProvisionedThroughputHasBeenSet()) {  // the throughput's bounds first (architect/dynalite test/createTable.js)
    const auto& p = r.GetProvisionedThroughput();
    if (p.GetReadCapacityUnits() > msg::kMostCapacityUnits)
      return v.Add(msg::CapacityOutOfBounds(p.GetReadCapacityUnits(), "ReadCapacityUnits"));
    if (p.GetWriteCapacityUnits() > msg::kMostCapacityUnits)
      return v.Add(msg::CapacityOutOfBounds(p.GetWriteCapacityUnits(), "WriteCapacityUnits"));
  }
  // an empty list of indexes before the key schema is compared with the definitions
  // (architect/dynalite test/createTable.js 'for 11')
  if ((r.LocalSecondaryIndexesHasBeenSet() && r.GetLocalSecondaryIndexes().empty()) ||
      (r.GlobalSecondaryIndexesHasBeenSet() && r.GetGlobalSecondaryIndexes().empty()))
    return v.Add(msg::Invalid("List of indexes is empty"));
  const auto& defs = r.GetAttributeDefinitions();
  std::string err = CheckKeySchema(r.GetKeySchema(), defs, "keySchema");
  if (!err.empty()) return v.Add(err);
  std::set<std::string> used, names;
  for (const auto& e : r.GetKeySchema()) used.insert(e.GetAttributeName());
  for (const auto& l : r.GetLocalSecondaryIndexes()) {
    if (!names.insert(l.GetIndexName()).second) return v.Add(msg::Invalid("Duplicate index name: " + l.GetIndexName()));
    if (!(err = CheckKeySchema(l.GetKeySchema(), defs, "localSecondaryIndexes.member.keySchema")).empty())
      return v.Add(err);
    if (l.GetKeySchema().size() != 2 ||
        l.GetKeySchema()[0].GetAttributeName() != r.GetKeySchema()[0].GetAttributeName())
      return v.Add(msg::Invalid(
          "Index KeySchema does not have the same leading hash key as table KeySchema for index: " + l.GetIndexName()));
    if (r.GetKeySchema().size() != 2)
      return v.Add(msg::Invalid(
          "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"));
    if (std::string e = CheckProjection(l.GetProjection()); !e.empty()) return v.Add(e);
    for (const auto& e : l.GetKeySchema()) used.insert(e.GetAttributeName());
  }
  const bool onDemand = r.GetBillingMode() == Model::BillingMode::PAY_PER_REQUEST;
  for (const auto& g : r.GetGlobalSecondaryIndexes()) {
    if (!names.insert(g.GetIndexName()).second) return v.Add(msg::Invalid("Duplicate index name: " + g.GetIndexName()));
    if (!(err = CheckKeySchema(g.GetKeySchema(), defs, "globalSecondaryIndexes.member.keySchema")).empty())
      return v.Add(err);
    if (!(err = CheckProjection(g.GetProjection())).empty()) return v.Add(err);
    if (!onDemand && !g.ProvisionedThroughputHasBeenSet())
      return v.Add(msg::Invalid("ProvisionedThroughput must be specified for index: " + g.GetIndexName()));
    if (onDemand && g.ProvisionedThroughputHasBeenSet())
      return v.Add(msg::Invalid("ProvisionedThroughput should not be specified for index: " + g.GetIndexName() +
                                " when BillingMode is PAY_PER_REQUEST"));
    for (const auto& e : g.GetKeySchema()) used.insert(e.GetAttributeName());
  }
  if (used.size() != defs.size())
    return v.Add(
        msg::Invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in "
                     "AttributeDefinitions"));
  if (onDemand && r.ProvisionedThroughputHasBeenSet()) return v.Add(msg::NoThroughputWhenOnDemand());
  if (!onDemand && !r.ProvisionedThroughputHasBeenSet())
    return v.Add(msg::Invalid(
        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"));
  if (r.ProvisionedThroughputHasBeenSet() && (r.GetProvisionedThroughput().GetReadCapacityUnits() < 1 ||
                                              r.GetProvisionedThroughput().GetWriteCapacityUnits() < 1))
    return v.Add(msg::ThroughputAtLeastOne());
  if (r.StreamSpecificationHasBeenSet() && r.GetStreamSpecification().GetStreamEnabled() &&
      !r.GetStreamSpecification().StreamViewTypeHasBeenSet())
    return v.Add(msg::Invalid("StreamViewType must be specified when StreamEnabled is true"));
  if (r.GlobalTableSourceArnHasBeenSet() || r.GlobalTableSettingsReplicationModeHasBeenSet())
    return v.Add(msg::NoGlobalTables("GlobalTableSourceArn and GlobalTableSettingsReplicationMode"));
}

/// UpdateTable's checks of the request alone, made before the table is looked
/// up: a request that cannot be right gets its ValidationException whether or
/// not the table exists (the service validates before it reads state).
DYNAFAKE_IMPL void Tables::Validate(const Model::UpdateTableRequest& r, Validator& v) {
  using namespace Model;
  // (its name's presence and length were checked first: Tables::Precheck)
  TableNameInPattern(r.GetTableName(), v);
  if (!v.Ok()) return;
  if (r.ReplicaUpdatesHasBeenSet() || r.GlobalTableWitnessUpdatesHasBeenSet() || r.MultiRegionConsistencyHasBeenSet() ||
      r.GlobalTableSettingsReplicationModeHasBeenSet())
    return v.Add(msg::NoGlobalTables(
        "ReplicaUpdates, GlobalTableWitnessUpdates, MultiRegionConsistency and GlobalTableSettingsReplicationMode"));
  // an empty GlobalSecondaryIndexUpdates counts as none (architect/dynalite validations/updateTable.js)
  const bool anything =
      r.BillingModeHasBeenSet() || r.ProvisionedThroughputHasBeenSet() || !r.GetGlobalSecondaryIndexUpdates().empty() ||
      r.StreamSpecificationHasBeenSet() || r.SSESpecificationHasBeenSet() || r.TableClassHasBeenSet() ||
      r.DeletionProtectionEnabledHasBeenSet() || r.OnDemandThroughputHasBeenSet() || r.WarmThroughputHasBeenSet();
  if (r.ProvisionedThroughputHasBeenSet()) {  // before the table is looked up (architect/dynalite test/updateTable.js)
    const auto& p = r.GetProvisionedThroughput();
    if (p.GetReadCapacityUnits() > msg::kMostCapacityUnits)
      return v.Add(msg::CapacityOutOfBounds(p.GetReadCapacityUnits(), "ReadCapacityUnits"));
    if (p.GetWriteCapacityUnits() > msg::kMostCapacityUnits)
      return v.Add(msg::CapacityOutOfBounds(p.GetWriteCapacityUnits(), "WriteCapacityUnits"));
  }
  if (!anything) return v.Add(msg::NothingToUpdate());
  if (r.BillingModeHasBeenSet() && r.GetBillingMode() == BillingMode::PAY_PER_REQUEST &&
      r.ProvisionedThroughputHasBeenSet())
    return v.Add(msg::NoThroughputWhenOnDemand());
  // (throughput below 1 is the model's own constraint, reported before this runs)
  // texts: architect/dynalite validations/updateTable.js and test/updateTable.js (run against the service)
  for (const auto& u : r.GetGlobalSecondaryIndexUpdates()) {
    const int actions =
        (u.CreateHasBeenSet() ? 1 : 0) + (u.UpdateHasBeenSet() ? 1 : 0) + (u.DeleteHasBeenSet() ? 1 : 0);
    if (actions == 0)
      return v.Add(
          msg::Invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                       "GlobalSecondaryIndexUpdate.Delete must not be null"));
    if (actions > 1)
      return v.Add(
          msg::Invalid("Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object"));
  }
  std::set<std::string> updated;  // one update per index, before the table is looked up
  for (const auto& u : r.GetGlobalSecondaryIndexUpdates()) {
    const std::string& index = u.CreateHasBeenSet()   ? u.GetCreate().GetIndexName()
                               : u.UpdateHasBeenSet() ? u.GetUpdate().GetIndexName()
                                                      : u.GetDelete().GetIndexName();
    if (!updated.insert(index).second) return v.Add(msg::OneUpdatePerIndex(index));
  }
  for (const auto& u : r.GetGlobalSecondaryIndexUpdates())
    if (u.CreateHasBeenSet())
      if (std::string e = CheckProjection(u.GetCreate().GetProjection()); !e.empty()) return v.Add(e);
}

DYNAFAKE_IMPL Model::UpdateTableOutcome Tables::UpdateTable(const Model::UpdateTableRequest& r, int64_t now) {
  using namespace Model;
  auto invalid = [](std::string message) { return DynamoDBError(DynamoDBErrors::VALIDATION, std::move(message)); };
  // The request's own checks (Validate(UpdateTableRequest)) ran before: now the table.
  TableRecord* t = Find(r.GetTableName());
  const std::string name = identity_->ShownName(r.GetTableName());
  if (!t) return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::TableResourceNotFound(name));
  if (auto e = NotActive(*t, name)) return *e;
  if (auto e = quotas_->CheckTablesInTransition(InTransition())) return *e;
  // Work on copies; commit only when every check passed.
  TableDescription d = t->desc;
  std::vector<GlobalSecondaryIndexDescription> gsis = t->gsis;
  std::vector<AttributeDefinition> defs = d.GetAttributeDefinitions();
  for (const auto& a : r.GetAttributeDefinitions()) {
    bool known = false;
    for (const auto& have : defs) known = known || have.GetAttributeName() == a.GetAttributeName();
    if (!known) defs.push_back(a);
  }
  const BillingMode was = BillingModeOf(*t);
  const BillingMode mode = r.BillingModeHasBeenSet() ? r.GetBillingMode() : was;
  const bool onDemand = mode == BillingMode::PAY_PER_REQUEST;
  const bool wasOnDemand = was == BillingMode::PAY_PER_REQUEST;
  if (onDemand && r.ProvisionedThroughputHasBeenSet()) return invalid(msg::NoThroughputWhenOnDemand());
  if (!onDemand && wasOnDemand && !r.ProvisionedThroughputHasBeenSet())
    return invalid(msg::Invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED"));
  if (r.ProvisionedThroughputHasBeenSet()) {
    const auto& p = r.GetProvisionedThroughput();
    if (p.GetReadCapacityUnits() == d.GetProvisionedThroughput().GetReadCapacityUnits() &&
        p.GetWriteCapacityUnits() == d.GetProvisionedThroughput().GetWriteCapacityUnits() &&
        !r.BillingModeHasBeenSet() && !r.GlobalSecondaryIndexUpdatesHasBeenSet())
      return invalid(msg::ThroughputUnchanged(p.GetReadCapacityUnits(), p.GetWriteCapacityUnits()));
  }
  // Decreases: "up to four decreases at any time, and one more each hour in
  // which there was none in the previous hour, at most 27 in a UTC day"
  // (Developer Guide, "Service, account, and table quotas", "Decreasing
  // provisioned throughput"); counted when asked for.
  const int64_t today = (now >= 0 ? now : now - 86399999) / 86400000;
  const bool decrease =
      !onDemand && r.ProvisionedThroughputHasBeenSet() &&
      (r.GetProvisionedThroughput().GetReadCapacityUnits() < d.GetProvisionedThroughput().GetReadCapacityUnits() ||
       r.GetProvisionedThroughput().GetWriteCapacityUnits() < d.GetProvisionedThroughput().GetWriteCapacityUnits());
  const int decreasesToday = t->decreaseDay == today ? t->decreasesToday : 0;
  if (decrease && decreasesToday >= 4) {
    const int64_t nextMs = decreasesToday >= 27 ? (today + 1) * 86400000 : t->lastDecreaseMs + 3600000;
    if (now < nextMs)
      return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED,
                           msg::ThroughputDecreasesLimited(decreasesToday, t->lastDecreaseMs, nextMs));
  }
  const ProvisionedThroughput zero = ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(0);
  std::map<std::string, ProvisionedThroughput> pendingIndexes;
  for (const auto& u : r.GetGlobalSecondaryIndexUpdates()) {
    auto find = [&](const std::string& index) -> GlobalSecondaryIndexDescription* {
      for (auto& g : gsis)
        if (g.GetIndexName() == index) return &g;
      return nullptr;
    };
    if (u.CreateHasBeenSet()) {
      const auto& c = u.GetCreate();
      if (find(c.GetIndexName()))
        return invalid(msg::Invalid("Index with name " + c.GetIndexName() + " already exists"));
      std::string err = CheckKeySchema(c.GetKeySchema(), defs, "globalSecondaryIndexUpdates.member.create.keySchema");
      if (!err.empty()) return invalid(err);
      if (!onDemand && !c.ProvisionedThroughputHasBeenSet())
        return invalid(msg::Invalid("ProvisionedThroughput must be specified for index: " + c.GetIndexName()));
      gsis.push_back(
          GlobalSecondaryIndexDescription()
              .WithIndexName(c.GetIndexName())
              .WithKeySchema(c.GetKeySchema())
              .WithProjection(c.GetProjection())
              .WithIndexStatus(IndexStatus::CREATING)
              .WithBackfilling(true)
              .WithIndexArn(d.GetTableArn() + "/index/" + c.GetIndexName())
              .WithProvisionedThroughput(ThroughputDescription(onDemand ? zero : c.GetProvisionedThroughput())));
    } else {
      const std::string& index = u.DeleteHasBeenSet() ? u.GetDelete().GetIndexName() : u.GetUpdate().GetIndexName();
      GlobalSecondaryIndexDescription* g = find(index);
      if (!g) return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::IndexResourceNotFound(index));
      if (u.DeleteHasBeenSet()) {
        g->SetIndexStatus(IndexStatus::DELETING);
      } else {
        if (u.GetUpdate().ProvisionedThroughputHasBeenSet())
          pendingIndexes[index] = u.GetUpdate().GetProvisionedThroughput();  // shown when the table settles
        g->SetIndexStatus(IndexStatus::UPDATING);
      }
    }
  }
  // every check passed: commit
  if (decrease) {
    t->decreaseDay = today;
    t->decreasesToday = decreasesToday + 1;
    t->lastDecreaseMs = now;
  }
  d.SetAttributeDefinitions(defs);
  if (r.BillingModeHasBeenSet()) {
    BillingModeSummary summary = d.GetBillingModeSummary();
    summary.SetBillingMode(mode);
    if (onDemand && !wasOnDemand) summary.SetLastUpdateToPayPerRequestDateTime(DateTime(now));
    d.SetBillingModeSummary(summary);
  }
  if (onDemand) {
    d.SetProvisionedThroughput(ThroughputDescription(zero));
    for (auto& g : gsis) g.SetProvisionedThroughput(ThroughputDescription(zero));
  } else if (r.ProvisionedThroughputHasBeenSet()) {
    // The answer, and DescribeTable while UPDATING, keep the old values with the
    // time of the change asked for; the new ones arrive when the table settles
    // (architect/dynalite actions/updateTable.js, test/updateTable.js).
    ProvisionedThroughputDescription pd = d.GetProvisionedThroughput();
    const ProvisionedThroughput& p = r.GetProvisionedThroughput();
    if (p.GetReadCapacityUnits() > pd.GetReadCapacityUnits() || p.GetWriteCapacityUnits() > pd.GetWriteCapacityUnits())
      pd.SetLastIncreaseDateTime(DateTime(now));
    if (p.GetReadCapacityUnits() < pd.GetReadCapacityUnits() || p.GetWriteCapacityUnits() < pd.GetWriteCapacityUnits())
      pd.SetLastDecreaseDateTime(DateTime(now));
    d.SetProvisionedThroughput(pd);
    t->pendingThroughput = p;
  }
  if (!onDemand)
    for (auto& kv : pendingIndexes) t->pendingIndexThroughput[kv.first] = kv.second;
  if (r.StreamSpecificationHasBeenSet()) {
    d.SetStreamSpecification(r.GetStreamSpecification());
    if (r.GetStreamSpecification().GetStreamEnabled()) {
      const std::string label = DateTime(now).ToIso8601().substr(0, 23);
      d.SetLatestStreamLabel(label);
      d.SetLatestStreamArn(d.GetTableArn() + "/stream/" + label);
    }
  }
  if (r.SSESpecificationHasBeenSet())
    d.SetSSEDescription(r.GetSSESpecification().GetEnabled() ? identity_->KmsEncryption(r.GetSSESpecification())
                                                             : SSEDescription().WithStatus(SSEStatus::DISABLED));
  if (r.TableClassHasBeenSet())
    d.SetTableClassSummary(TableClassSummary().WithTableClass(r.GetTableClass()).WithLastUpdateDateTime(DateTime(now)));
  if (r.DeletionProtectionEnabledHasBeenSet()) d.SetDeletionProtectionEnabled(r.GetDeletionProtectionEnabled());
  if (r.OnDemandThroughputHasBeenSet()) d.SetOnDemandThroughput(r.GetOnDemandThroughput());
  t->desc = d;
  t->gsis = gsis;
  // a zero duration settles when the call ends; the answer still says UPDATING, as the service's does
  StartTransition(*t, TableStatus::UPDATING, now + options_->durations.tableUpdate.count(), EventKind::TableSettled);
  return UpdateTableResult().WithTableDescription(Description(*t));
}

}  // namespace detail
}  // namespace dynafake
