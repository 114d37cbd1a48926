// dynafake — Tables' definitions for a table's shape: the rules CreateTable's
// key schemas, attribute definitions and indexes must follow, and the
// secondary indexes a backup or a restore copies (see tables.hpp).
#pragma once

#include <set>  // std::set

#include "dynafake/components/tables.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::
#include "dynafake/limits.hpp"           // the documented limits

namespace dynafake {
namespace detail {

/// The table or index key schema's first violation, or "": one HASH first, at
/// most one RANGE, every attribute defined.
DYNAFAKE_IMPL std::string CheckKeySchema(const std::vector<Model::KeySchemaElement>& schema,
                                         const std::vector<Model::AttributeDefinition>& defs, const std::string& path) {
  if (schema.empty() || schema.size() > 2) return msg::KeySchemaSize(schema.size(), path);
  if (schema[0].GetKeyType() != Model::KeyType::HASH) return msg::FirstKeyNotHash();
  // one name twice before a second HASH (architect/dynalite test/createTable.js 'for 5', recorded against the
  // service; nubo-db/dynoxide src/validation.rs validate_key_schema orders them so too)
  if (schema.size() == 2 && schema[0].GetAttributeName() == schema[1].GetAttributeName())
    return msg::HashAndRangeSameName();
  if (schema.size() == 2 && schema[1].GetKeyType() != Model::KeyType::RANGE) return msg::SecondKeyNotRange();
  for (const auto& e : schema) {
    bool defined = false;
    for (const auto& d : defs) defined = defined || d.GetAttributeName() == e.GetAttributeName();
    if (defined) continue;
    std::string names;
    for (const auto& d : defs) names += (names.empty() ? "" : ", ") + d.GetAttributeName();
    return msg::KeyAttributeNotDefined(e.GetAttributeName(), names);
  }
  return {};
}

/// An index Projection's first violation, or "": a ProjectionType, and
/// NonKeyAttributes only with INCLUDE. Texts from architect/dynalite
/// validations/createTable.js, whose test suite runs against the service.
DYNAFAKE_IMPL std::string CheckProjection(const Model::Projection& p) {
  if (!p.ProjectionTypeHasBeenSet()) return msg::NoProjectionType();
  if (p.NonKeyAttributesHasBeenSet() && p.GetProjectionType() != Model::ProjectionType::INCLUDE)
    return msg::NonKeyAttributesNeedInclude(
        Model::ProjectionTypeMapper::GetNameForProjectionType(p.GetProjectionType()));
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
    return v.Add(msg::EmptyIndexList());
  const auto& defs = r.GetAttributeDefinitions();
  std::string err = CheckKeySchema(r.GetKeySchema(), defs, "keySchema");
  if (!err.empty()) return v.Add(err);
  std::set<std::string> used, names;
  for (const auto& e : r.GetKeySchema()) used.insert(e.GetAttributeName());
  for (const auto& l : r.GetLocalSecondaryIndexes()) {
    if (!names.insert(l.GetIndexName()).second) return v.Add(msg::DuplicateIndexName(l.GetIndexName()));
    if (!(err = CheckKeySchema(l.GetKeySchema(), defs, "localSecondaryIndexes.member.keySchema")).empty())
      return v.Add(err);
    if (l.GetKeySchema().size() != 2 ||
        l.GetKeySchema()[0].GetAttributeName() != r.GetKeySchema()[0].GetAttributeName())
      return v.Add(msg::LocalIndexHashKey(l.GetIndexName()));
    if (r.GetKeySchema().size() != 2) return v.Add(msg::LocalIndexNeedsRangeKey());
    if (std::string e = CheckProjection(l.GetProjection()); !e.empty()) return v.Add(e);
    for (const auto& e : l.GetKeySchema()) used.insert(e.GetAttributeName());
  }
  const bool onDemand = r.GetBillingMode() == Model::BillingMode::PAY_PER_REQUEST;
  for (const auto& g : r.GetGlobalSecondaryIndexes()) {
    if (!names.insert(g.GetIndexName()).second) return v.Add(msg::DuplicateIndexName(g.GetIndexName()));
    if (!(err = CheckKeySchema(g.GetKeySchema(), defs, "globalSecondaryIndexes.member.keySchema")).empty())
      return v.Add(err);
    if (!(err = CheckProjection(g.GetProjection())).empty()) return v.Add(err);
    if (!onDemand && !g.ProvisionedThroughputHasBeenSet()) return v.Add(msg::IndexThroughputRequired(g.GetIndexName()));
    if (onDemand && g.ProvisionedThroughputHasBeenSet())
      return v.Add(msg::NoIndexThroughputWhenOnDemand(g.GetIndexName()));
    for (const auto& e : g.GetKeySchema()) used.insert(e.GetAttributeName());
  }
  if (used.size() != defs.size()) return v.Add(msg::AttributeDefinitionsMismatch());
  if (onDemand && r.ProvisionedThroughputHasBeenSet()) return v.Add(msg::NoThroughputWhenOnDemand());
  if (!onDemand && !r.ProvisionedThroughputHasBeenSet()) return v.Add(msg::ThroughputRequiredWhenProvisioned());
  if (r.ProvisionedThroughputHasBeenSet() && (r.GetProvisionedThroughput().GetReadCapacityUnits() < 1 ||
                                              r.GetProvisionedThroughput().GetWriteCapacityUnits() < 1))
    return v.Add(msg::ThroughputAtLeastOne());
  if (r.StreamSpecificationHasBeenSet() && r.GetStreamSpecification().GetStreamEnabled() &&
      !r.GetStreamSpecification().StreamViewTypeHasBeenSet())
    return v.Add(msg::StreamViewTypeRequired());
  if (r.GlobalTableSourceArnHasBeenSet() || r.GlobalTableSettingsReplicationModeHasBeenSet())
    return v.Add(msg::NoGlobalTables(msg::kCreateTableGlobalMembers));
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

}  // namespace detail
}  // namespace dynafake
