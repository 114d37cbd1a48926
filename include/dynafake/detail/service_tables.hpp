// dynafake — Service: table operations (CreateTable, DescribeTable, UpdateTable,
// DeleteTable, ListTables, TagResource, ListTagsOfResource). Included by service.hpp.
#pragma once

#include <algorithm>  // std::remove_if
#include <set>     // std::set
#include <string>  // std::string
#include <vector>  // std::vector

namespace dynafake {

namespace detail {
inline Model::ProvisionedThroughputDescription ThroughputDescription(const Model::ProvisionedThroughput& p) {
  Model::ProvisionedThroughputDescription d;
  d.SetReadCapacityUnits(p.GetReadCapacityUnits());
  d.SetWriteCapacityUnits(p.GetWriteCapacityUnits());
  d.SetNumberOfDecreasesToday(0);
  return d;
}
inline Model::ProvisionedThroughput ZeroThroughput() {
  return Model::ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(0);
}
inline bool Defined(const std::vector<Model::AttributeDefinition>& defs, const std::string& name) {
  for (const auto& d : defs)
    if (d.GetAttributeName() == name) return true;
  return false;
}
/// Checks one index or table key schema: one HASH first, at most one RANGE, every attribute defined.
inline std::string CheckKeySchema(const std::vector<Model::KeySchemaElement>& schema,
                                  const std::vector<Model::AttributeDefinition>& defs, const std::string& what) {
  if (schema.empty() || schema.size() > 2)
    return "1 validation error detected: Value '" + std::to_string(schema.size()) + " elements' at '" + what +
           "' failed to satisfy constraint: Member must have length less than or equal to 2";
  if (schema[0].GetKeyType() != Model::KeyType::HASH)
    return "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
  if (schema.size() == 2 && schema[1].GetKeyType() != Model::KeyType::RANGE)
    return "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";
  if (schema.size() == 2 && schema[0].GetAttributeName() == schema[1].GetAttributeName())
    return "Both the Hash Key and the Range Key element in the KeySchema have the same name";
  for (const auto& e : schema)
    if (!Defined(defs, e.GetAttributeName()))
      return "One or more parameter values were invalid: Some index key attributes are not defined in "
             "AttributeDefinitions. Keys: [" + e.GetAttributeName() + "], AttributeDefinitions: [" +
             [&] {
               std::string s;
               for (const auto& d : defs) s += (s.empty() ? "" : ", ") + d.GetAttributeName();
               return s;
             }() + "]";
  return {};
}
}  // namespace detail

inline void Service::ExtraValidation(const Model::CreateTableRequest& r, detail::Validator& v) const {
  using namespace Model;
  const std::string name = r.GetTableName();
  if (!detail::MatchesNamePattern(name) || name.size() < 3 || name.size() > 255) {
    v.Add("1 validation error detected: Value '" + name +
          "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
          "[a-zA-Z0-9_.-]+ and have length between 3 and 255");
    return;
  }
  if (!r.KeySchemaHasBeenSet()) return v.Missing("keySchema");
  if (!r.AttributeDefinitionsHasBeenSet()) return v.Missing("attributeDefinitions");
  const auto& defs = r.GetAttributeDefinitions();
  std::string err = detail::CheckKeySchema(r.GetKeySchema(), defs, "keySchema");
  if (!err.empty()) return v.Add(err);
  std::set<std::string> used, names;
  for (const auto& e : r.GetKeySchema()) used.insert(e.GetAttributeName());
  for (const auto& l : r.GetLocalSecondaryIndexes()) {
    if (!names.insert(l.GetIndexName()).second) return v.Add("One or more parameter values were invalid: Duplicate index name: " + l.GetIndexName());
    if ((err = detail::CheckKeySchema(l.GetKeySchema(), defs, "localSecondaryIndexes.member.keySchema")).size()) return v.Add(err);
    if (l.GetKeySchema().size() != 2 || l.GetKeySchema()[0].GetAttributeName() != r.GetKeySchema()[0].GetAttributeName())
      return v.Add("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: " + l.GetIndexName());
    if (r.GetKeySchema().size() != 2)
      return v.Add("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
    for (const auto& e : l.GetKeySchema()) used.insert(e.GetAttributeName());
  }
  const bool onDemand = r.GetBillingMode() == BillingMode::PAY_PER_REQUEST;
  for (const auto& g : r.GetGlobalSecondaryIndexes()) {
    if (!names.insert(g.GetIndexName()).second) return v.Add("One or more parameter values were invalid: Duplicate index name: " + g.GetIndexName());
    if ((err = detail::CheckKeySchema(g.GetKeySchema(), defs, "globalSecondaryIndexes.member.keySchema")).size()) return v.Add(err);
    if (!onDemand && !g.ProvisionedThroughputHasBeenSet())
      return v.Add("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: " + g.GetIndexName());
    if (onDemand && g.ProvisionedThroughputHasBeenSet())
      return v.Add("One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: " + g.GetIndexName() + " when BillingMode is PAY_PER_REQUEST");
    for (const auto& e : g.GetKeySchema()) used.insert(e.GetAttributeName());
  }
  if (used.size() != defs.size())
    return v.Add("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
  if (onDemand && r.ProvisionedThroughputHasBeenSet())
    return v.Add("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
  if (!onDemand && !r.ProvisionedThroughputHasBeenSet())
    return v.Add("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
  if (r.ProvisionedThroughputHasBeenSet() &&
      (r.GetProvisionedThroughput().GetReadCapacityUnits() < 1 || r.GetProvisionedThroughput().GetWriteCapacityUnits() < 1))
    return v.Add("One or more parameter values were invalid: Provisioned throughput values must be at least 1");
  if (r.StreamSpecificationHasBeenSet() && r.GetStreamSpecification().GetStreamEnabled() &&
      !r.GetStreamSpecification().StreamViewTypeHasBeenSet())
    return v.Add("One or more parameter values were invalid: StreamViewType must be specified when StreamEnabled is true");
  if (r.GlobalTableSourceArnHasBeenSet() || r.GlobalTableSettingsReplicationModeHasBeenSet())
    return v.Add("dynafake does not model global tables: GlobalTableSourceArn and GlobalTableSettingsReplicationMode are not supported");
}

inline Service::Table Service::NewTable(const std::string& name, const std::vector<Model::KeySchemaElement>& keySchema,
                                        const std::vector<Model::AttributeDefinition>& attributeDefinitions, int64_t now) {
  Table t;
  t.createdMs = now;
  t.desc.SetTableName(name);
  t.desc.SetTableArn(TableArn(name));
  t.desc.SetTableId(NewTableId());
  t.desc.SetKeySchema(keySchema);
  t.desc.SetAttributeDefinitions(attributeDefinitions);
  t.desc.SetCreationDateTime(DateTime(now));
  t.key = detail::MakeKeyDef(keySchema, attributeDefinitions);
  return t;
}

inline Model::SSEDescription Service::KmsEncryption(const Model::SSESpecification& spec) const {
  const std::string key = spec.KMSMasterKeyIdHasBeenSet() ? spec.GetKMSMasterKeyId() : "alias/aws/dynamodb";
  const std::string arn = key.rfind("arn:", 0) == 0
                              ? key
                              : "arn:" + options_.partition + ":kms:" + options_.region + ":" + options_.accountId + ":" +
                                    (key.rfind("alias/", 0) == 0 ? key : "key/" + key);
  return Model::SSEDescription().WithStatus(Model::SSEStatus::ENABLED).WithSSEType(Model::SSEType::KMS).WithKMSMasterKeyArn(arn);
}

inline Model::TableDescription Service::DescribeState(const Table& t) const {
  Model::TableDescription d = t.desc;
  d.SetTableStatus(t.status);
  const detail::Totals totals = t.history->TotalsAt(INT64_MAX);
  d.SetItemCount(totals.items);
  d.SetTableSizeBytes(totals.bytes);
  if (!t.gsis.empty()) d.SetGlobalSecondaryIndexes(t.gsis);
  if (d.LocalSecondaryIndexesHasBeenSet()) {
    auto lsis = d.GetLocalSecondaryIndexes();
    for (auto& l : lsis) l.WithItemCount(totals.items).WithIndexSizeBytes(totals.bytes);
    d.SetLocalSecondaryIndexes(lsis);
  }
  return d;
}

inline Model::CreateTableOutcome Service::CreateTable(const Model::CreateTableRequest& r) {
  return Run(r, [&](int64_t now) -> Model::CreateTableOutcome {
    using namespace Model;
    const std::string name = r.GetTableName();
    if (tables_.count(name)) return Err(DynamoDBErrors::RESOURCE_IN_USE, "Table already exists: " + name);
    if (options_.limits.tables > 0 && static_cast<int>(tables_.size()) >= options_.limits.tables)
      return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: the account already has " +
                                                     std::to_string(tables_.size()) + " tables");
    if (options_.limits.tablesInTransition > 0 && TablesInTransition() >= options_.limits.tablesInTransition)
      return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " +
                                                     std::to_string(options_.limits.tablesInTransition) +
                                                     " tables can be created, updated or deleted simultaneously");
    if (!r.GetGlobalSecondaryIndexes().empty() || !r.GetLocalSecondaryIndexes().empty()) {
      int creatingWithIndexes = 0;
      for (const auto& kv : tables_)
        if (kv.second.status == TableStatus::CREATING && (!kv.second.gsis.empty() || kv.second.desc.LocalSecondaryIndexesHasBeenSet()))
          ++creatingWithIndexes;
      if (options_.limits.tablesWithIndexesCreating > 0 && creatingWithIndexes >= options_.limits.tablesWithIndexesCreating)
        return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " +
                                                       std::to_string(options_.limits.tablesWithIndexesCreating) +
                                                       " tables with secondary indexes can be created simultaneously");
    }
    Table t = NewTable(name, r.GetKeySchema(), r.GetAttributeDefinitions(), now);
    TableDescription& d = t.desc;
    const std::string arn = d.GetTableArn();
    const bool onDemand = r.GetBillingMode() == BillingMode::PAY_PER_REQUEST;
    d.SetProvisionedThroughput(detail::ThroughputDescription(onDemand ? detail::ZeroThroughput() : r.GetProvisionedThroughput()));
    if (r.BillingModeHasBeenSet()) {
      BillingModeSummary summary;
      summary.SetBillingMode(r.GetBillingMode());
      if (onDemand) summary.SetLastUpdateToPayPerRequestDateTime(DateTime(now));
      d.SetBillingModeSummary(summary);
    }
    if (r.OnDemandThroughputHasBeenSet()) d.SetOnDemandThroughput(r.GetOnDemandThroughput());
    for (const auto& l : r.GetLocalSecondaryIndexes())
      d.AddLocalSecondaryIndexes(LocalSecondaryIndexDescription().WithIndexName(l.GetIndexName()).WithKeySchema(l.GetKeySchema())
                                     .WithProjection(l.GetProjection()).WithIndexArn(arn + "/index/" + l.GetIndexName()));
    const IndexStatus initial = Ms(options_.durations.tableCreate) > 0 ? IndexStatus::CREATING : IndexStatus::ACTIVE;
    for (const auto& g : r.GetGlobalSecondaryIndexes()) {
      GlobalSecondaryIndexDescription gd;
      gd.WithIndexName(g.GetIndexName()).WithKeySchema(g.GetKeySchema()).WithProjection(g.GetProjection())
          .WithIndexStatus(initial).WithIndexArn(arn + "/index/" + g.GetIndexName())
          .WithProvisionedThroughput(detail::ThroughputDescription(onDemand ? detail::ZeroThroughput() : g.GetProvisionedThroughput()));
      if (g.OnDemandThroughputHasBeenSet()) gd.SetOnDemandThroughput(g.GetOnDemandThroughput());
      t.gsis.push_back(gd);
    }
    if (r.StreamSpecificationHasBeenSet() && r.GetStreamSpecification().GetStreamEnabled()) {
      d.SetStreamSpecification(r.GetStreamSpecification());
      const std::string label = DateTime(now).ToIso8601().substr(0, 23);
      d.SetLatestStreamLabel(label);
      d.SetLatestStreamArn(arn + "/stream/" + label);
    }
    if (r.SSESpecificationHasBeenSet() && r.GetSSESpecification().GetEnabled()) d.SetSSEDescription(KmsEncryption(r.GetSSESpecification()));
    if (r.TableClassHasBeenSet()) d.SetTableClassSummary(TableClassSummary().WithTableClass(r.GetTableClass()));
    d.SetDeletionProtectionEnabled(r.DeletionProtectionEnabledHasBeenSet() && r.GetDeletionProtectionEnabled());
    t.tags = r.GetTags();
    const int64_t until = now + Ms(options_.durations.tableCreate);
    t.status = until > now ? TableStatus::CREATING : TableStatus::ACTIVE;
    t.statusUntilMs = until;
    Table& stored = tables_.emplace(name, std::move(t)).first->second;
    if (stored.status == TableStatus::CREATING) Schedule(until, detail::EventKind::TableSettled, name, stored.generation);
    return CreateTableResult().WithTableDescription(DescribeState(stored));
  });
}

inline Model::DescribeTableOutcome Service::DescribeTable(const Model::DescribeTableRequest& r) {
  return Run(r, [&](int64_t) -> Model::DescribeTableOutcome {
    const Table* t = FindTable(r.GetTableName());
    if (!t)
      return Err(DynamoDBErrors::RESOURCE_NOT_FOUND,
                 "Requested resource not found: Table: " + ShownName(r.GetTableName()) + " not found");
    return Model::DescribeTableResult().WithTable(DescribeState(*t));
  });
}

inline Model::UpdateTableOutcome Service::UpdateTable(const Model::UpdateTableRequest& r) {
  return Run(r, [&](int64_t now) -> Model::UpdateTableOutcome {
    using namespace Model;
    if (r.ReplicaUpdatesHasBeenSet() || r.GlobalTableWitnessUpdatesHasBeenSet() || r.MultiRegionConsistencyHasBeenSet() ||
        r.GlobalTableSettingsReplicationModeHasBeenSet())
      return Err(DynamoDBErrors::VALIDATION, "dynafake does not model global tables: ReplicaUpdates, "
                                             "GlobalTableWitnessUpdates, MultiRegionConsistency and "
                                             "GlobalTableSettingsReplicationMode are not supported");
    Table* t = FindTable(r.GetTableName());
    const std::string name = ShownName(r.GetTableName());
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + name + " not found");
    if (t->status != TableStatus::ACTIVE)
      return Err(DynamoDBErrors::RESOURCE_IN_USE, "Attempt to change a resource which is still in use: Table is being " +
                                                      std::string(t->status == TableStatus::CREATING ? "created" : t->status == TableStatus::UPDATING ? "updated" : "deleted") +
                                                      ": " + name);
    const bool anything = r.BillingModeHasBeenSet() || r.ProvisionedThroughputHasBeenSet() ||
                          r.GlobalSecondaryIndexUpdatesHasBeenSet() || r.StreamSpecificationHasBeenSet() ||
                          r.SSESpecificationHasBeenSet() || r.TableClassHasBeenSet() ||
                          r.DeletionProtectionEnabledHasBeenSet() || r.OnDemandThroughputHasBeenSet() ||
                          r.WarmThroughputHasBeenSet();
    if (!anything)
      return Err(DynamoDBErrors::VALIDATION, "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                                             "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    if (options_.limits.tablesInTransition > 0 && TablesInTransition() >= options_.limits.tablesInTransition)
      return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " +
                                                     std::to_string(options_.limits.tablesInTransition) +
                                                     " tables can be created, updated or deleted simultaneously");
    // Work on copies; commit only when every check passed.
    TableDescription d = t->desc;
    std::vector<GlobalSecondaryIndexDescription> gsis = t->gsis;
    std::vector<AttributeDefinition> defs = d.GetAttributeDefinitions();
    for (const auto& a : r.GetAttributeDefinitions())
      if (!detail::Defined(defs, a.GetAttributeName())) defs.push_back(a);
    const BillingMode mode = r.BillingModeHasBeenSet() ? r.GetBillingMode()
                             : d.BillingModeSummaryHasBeenSet() ? d.GetBillingModeSummary().GetBillingMode()
                                                                : BillingMode::PROVISIONED;
    const bool onDemand = mode == BillingMode::PAY_PER_REQUEST;
    if (onDemand && r.ProvisionedThroughputHasBeenSet())
      return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    const bool wasOnDemand = d.BillingModeSummaryHasBeenSet() && d.GetBillingModeSummary().GetBillingMode() == BillingMode::PAY_PER_REQUEST;
    if (!onDemand && wasOnDemand && !r.ProvisionedThroughputHasBeenSet())
      return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    if (r.ProvisionedThroughputHasBeenSet()) {
      const auto& p = r.GetProvisionedThroughput();
      if (p.GetReadCapacityUnits() < 1 || p.GetWriteCapacityUnits() < 1)
        return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: Provisioned throughput values must be at least 1");
      if (p.GetReadCapacityUnits() == d.GetProvisionedThroughput().GetReadCapacityUnits() &&
          p.GetWriteCapacityUnits() == d.GetProvisionedThroughput().GetWriteCapacityUnits() && !r.BillingModeHasBeenSet() &&
          !r.GlobalSecondaryIndexUpdatesHasBeenSet())
        return Err(DynamoDBErrors::VALIDATION, "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: " +
                                                   std::to_string(p.GetReadCapacityUnits()) + ". Requested ReadCapacityUnits: " + std::to_string(p.GetReadCapacityUnits()) +
                                                   ". Current WriteCapacityUnits provisioned for the table: " + std::to_string(p.GetWriteCapacityUnits()) +
                                                   ". Requested WriteCapacityUnits: " + std::to_string(p.GetWriteCapacityUnits()) + ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
    }
    for (const auto& u : r.GetGlobalSecondaryIndexUpdates()) {
      const int actions = (u.CreateHasBeenSet() ? 1 : 0) + (u.UpdateHasBeenSet() ? 1 : 0) + (u.DeleteHasBeenSet() ? 1 : 0);
      if (actions != 1)
        return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Create, Update or Delete must be specified");
      auto find = [&](const std::string& index) {
        for (std::size_t i = 0; i < gsis.size(); ++i)
          if (gsis[i].GetIndexName() == index) return static_cast<int>(i);
        return -1;
      };
      if (u.CreateHasBeenSet()) {
        const auto& c = u.GetCreate();
        if (find(c.GetIndexName()) >= 0)
          return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: Index with name " + c.GetIndexName() + " already exists");
        std::string err = detail::CheckKeySchema(c.GetKeySchema(), defs, "globalSecondaryIndexUpdates.member.create.keySchema");
        if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
        if (!onDemand && !c.ProvisionedThroughputHasBeenSet())
          return Err(DynamoDBErrors::VALIDATION, "One or more parameter values were invalid: ProvisionedThroughput must be specified for index: " + c.GetIndexName());
        GlobalSecondaryIndexDescription gd;
        gd.WithIndexName(c.GetIndexName()).WithKeySchema(c.GetKeySchema()).WithProjection(c.GetProjection())
            .WithIndexStatus(IndexStatus::CREATING).WithBackfilling(true).WithIndexArn(d.GetTableArn() + "/index/" + c.GetIndexName())
            .WithProvisionedThroughput(detail::ThroughputDescription(onDemand ? detail::ZeroThroughput() : c.GetProvisionedThroughput()));
        gsis.push_back(gd);
      } else if (u.DeleteHasBeenSet()) {
        const int i = find(u.GetDelete().GetIndexName());
        if (i < 0) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: Index: " + u.GetDelete().GetIndexName() + " not found");
        gsis[static_cast<std::size_t>(i)].SetIndexStatus(IndexStatus::DELETING);
      } else {
        const int i = find(u.GetUpdate().GetIndexName());
        if (i < 0) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: Index: " + u.GetUpdate().GetIndexName() + " not found");
        auto& g = gsis[static_cast<std::size_t>(i)];
        if (u.GetUpdate().ProvisionedThroughputHasBeenSet()) g.SetProvisionedThroughput(detail::ThroughputDescription(u.GetUpdate().GetProvisionedThroughput()));
        g.SetIndexStatus(IndexStatus::UPDATING);
      }
    }
    // every check passed: commit
    d.SetAttributeDefinitions(defs);
    if (r.BillingModeHasBeenSet()) {
      BillingModeSummary summary = d.GetBillingModeSummary();
      summary.SetBillingMode(mode);
      if (onDemand && !wasOnDemand) summary.SetLastUpdateToPayPerRequestDateTime(DateTime(now));
      d.SetBillingModeSummary(summary);
    }
    if (onDemand) {
      d.SetProvisionedThroughput(detail::ThroughputDescription(detail::ZeroThroughput()));
      for (auto& g : gsis) g.SetProvisionedThroughput(detail::ThroughputDescription(detail::ZeroThroughput()));
    } else if (r.ProvisionedThroughputHasBeenSet()) {
      auto pd = detail::ThroughputDescription(r.GetProvisionedThroughput());
      pd.SetLastIncreaseDateTime(DateTime(now));
      d.SetProvisionedThroughput(pd);
    }
    if (r.StreamSpecificationHasBeenSet()) {
      d.SetStreamSpecification(r.GetStreamSpecification());
      if (r.GetStreamSpecification().GetStreamEnabled()) {
        const std::string label = DateTime(now).ToIso8601().substr(0, 23);
        d.SetLatestStreamLabel(label);
        d.SetLatestStreamArn(d.GetTableArn() + "/stream/" + label);
      }
    }
    if (r.SSESpecificationHasBeenSet()) {
      if (r.GetSSESpecification().GetEnabled())
        d.SetSSEDescription(KmsEncryption(r.GetSSESpecification()));
      else
        d.SetSSEDescription(SSEDescription().WithStatus(SSEStatus::DISABLED));
    }
    if (r.TableClassHasBeenSet()) d.SetTableClassSummary(TableClassSummary().WithTableClass(r.GetTableClass()).WithLastUpdateDateTime(DateTime(now)));
    if (r.DeletionProtectionEnabledHasBeenSet()) d.SetDeletionProtectionEnabled(r.GetDeletionProtectionEnabled());
    if (r.OnDemandThroughputHasBeenSet()) d.SetOnDemandThroughput(r.GetOnDemandThroughput());
    t->desc = d;
    t->gsis = gsis;
    const int64_t until = now + Ms(options_.durations.tableUpdate);
    ++t->generation;
    t->status = TableStatus::UPDATING;
    t->statusUntilMs = until;
    Schedule(until, detail::EventKind::TableSettled, name, t->generation);
    TableDescription out = DescribeState(*t);
    ApplyDue(now);  // a zero duration settles at once; the answer still says UPDATING, as the service's does
    return UpdateTableResult().WithTableDescription(out);
  });
}

inline Model::DeleteTableOutcome Service::DeleteTable(const Model::DeleteTableRequest& r) {
  return Run(r, [&](int64_t now) -> Model::DeleteTableOutcome {
    using namespace Model;
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + name + " not found");
    if (t->status == TableStatus::DELETING) return DeleteTableResult().WithTableDescription(DescribeState(*t));
    if (t->status != TableStatus::ACTIVE)
      return Err(DynamoDBErrors::RESOURCE_IN_USE, "Attempt to change a resource which is still in use: Table is being " +
                                                      std::string(t->status == TableStatus::CREATING ? "created" : "updated") + ": " + name);
    if (t->desc.GetDeletionProtectionEnabled())
      return Err(DynamoDBErrors::VALIDATION, "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
    if (const std::string* creating = CreatingUserBackup(*t))
      return Err(DynamoDBErrors::RESOURCE_IN_USE, "Attempt to change a resource which is still in use: A backup of table " + name + " is being created: " + *creating);
    if (options_.limits.tablesInTransition > 0 && TablesInTransition() >= options_.limits.tablesInTransition)
      return Err(DynamoDBErrors::LIMIT_EXCEEDED, "Subscriber limit exceeded: Only " +
                                                     std::to_string(options_.limits.tablesInTransition) +
                                                     " tables can be created, updated or deleted simultaneously");
    if (t->pitrEnabled) {
      // the deleted-table safety net: a SYSTEM backup of the table as it was just before the delete
      Backup b = MakeBackup(*t, name + "$DeletedTableBackup", BackupType::SYSTEM, now, now);
      StoreBackup(std::move(b), now);
    }
    ++t->generation;
    t->status = TableStatus::DELETING;
    const int64_t until = now + Ms(options_.durations.tableDelete);
    t->statusUntilMs = until;
    TableDescription out = DescribeState(*t);
    Schedule(until, detail::EventKind::TableGone, name, t->generation);
    ApplyDue(now);
    return DeleteTableResult().WithTableDescription(out);
  });
}

inline Model::ListTablesOutcome Service::ListTables(const Model::ListTablesRequest& r) {
  return Run(r, [&](int64_t) -> Model::ListTablesOutcome {
    const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : 100;
    Model::ListTablesResult out;
    auto it = r.ExclusiveStartTableNameHasBeenSet() ? tables_.upper_bound(r.GetExclusiveStartTableName()) : tables_.begin();
    std::vector<std::string> names;
    for (; it != tables_.end() && names.size() < limit; ++it) names.push_back(it->first);
    out.SetTableNames(names);
    if (it != tables_.end() && !names.empty()) out.SetLastEvaluatedTableName(names.back());
    return out;
  });
}

inline Model::TagResourceOutcome Service::TagResource(const Model::TagResourceRequest& r) {
  return Run(r, [&](int64_t) -> Model::TagResourceOutcome {
    Table* t = r.GetResourceArn().rfind("arn:", 0) == 0 ? FindTable(r.GetResourceArn()) : nullptr;
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: " + r.GetResourceArn() + " not found");
    if (t->status != Model::TableStatus::ACTIVE && t->status != Model::TableStatus::UPDATING)
      return Err(DynamoDBErrors::RESOURCE_IN_USE, "Attempt to change a resource which is still in use: Table is not active: " + t->desc.GetTableName());
    std::set<std::string> keys;  // a tag whose key is already there replaces it: count distinct keys
    for (const auto& tag : t->tags) keys.insert(tag.GetKey());
    for (const auto& tag : r.GetTags()) keys.insert(tag.GetKey());
    if (keys.size() > 50)
      return Err(DynamoDBErrors::LIMIT_EXCEEDED, "The number of tags on a resource cannot exceed 50");
    for (const auto& tag : r.GetTags()) {
      bool replaced = false;
      for (auto& existing : t->tags)
        if (existing.GetKey() == tag.GetKey()) existing.SetValue(tag.GetValue()), replaced = true;
      if (!replaced) t->tags.push_back(tag);
    }
    return Model::TagResourceResult();
  });
}

inline Model::UntagResourceOutcome Service::UntagResource(const Model::UntagResourceRequest& r) {
  return Run(r, [&](int64_t) -> Model::UntagResourceOutcome {
    Table* t = r.GetResourceArn().rfind("arn:", 0) == 0 ? FindTable(r.GetResourceArn()) : nullptr;
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: " + r.GetResourceArn() + " not found");
    if (t->status != Model::TableStatus::ACTIVE && t->status != Model::TableStatus::UPDATING)
      return Err(DynamoDBErrors::RESOURCE_IN_USE, "Attempt to change a resource which is still in use: Table is not active: " + t->desc.GetTableName());
    const std::set<std::string> gone(r.GetTagKeys().begin(), r.GetTagKeys().end());  // keys not there are ignored
    t->tags.erase(std::remove_if(t->tags.begin(), t->tags.end(), [&](const Model::Tag& tag) { return gone.count(tag.GetKey()) > 0; }),
                  t->tags.end());
    return Model::UntagResourceResult();
  });
}

// Time to Live is a setting here: enabling it expires nothing. Messages as the
// service gives them (architect/dynalite test/updateTimeToLive.js).
inline Model::DescribeTimeToLiveOutcome Service::DescribeTimeToLive(const Model::DescribeTimeToLiveRequest& r) {
  return Run(r, [&](int64_t) -> Model::DescribeTimeToLiveOutcome {
    Table* t = FindTable(r.GetTableName());
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + ShownName(r.GetTableName()) + " not found");
    Model::TimeToLiveDescription d;
    d.SetTimeToLiveStatus(t->ttlEnabled ? Model::TimeToLiveStatus::ENABLED : Model::TimeToLiveStatus::DISABLED);
    if (t->ttlEnabled) d.SetAttributeName(t->ttlAttribute);
    return Model::DescribeTimeToLiveResult().WithTimeToLiveDescription(d);
  });
}

inline Model::UpdateTimeToLiveOutcome Service::UpdateTimeToLive(const Model::UpdateTimeToLiveRequest& r) {
  return Run(r, [&](int64_t) -> Model::UpdateTimeToLiveOutcome {
    const Model::TimeToLiveSpecification& spec = r.GetTimeToLiveSpecification();
    Table* t = FindTable(r.GetTableName());
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: Table: " + ShownName(r.GetTableName()) + " not found");
    if (spec.GetEnabled() && t->ttlEnabled) return Err(DynamoDBErrors::VALIDATION, "TimeToLive is already enabled");
    if (!spec.GetEnabled() && !t->ttlEnabled) return Err(DynamoDBErrors::VALIDATION, "TimeToLive is already disabled");
    t->ttlEnabled = spec.GetEnabled();
    t->ttlAttribute = spec.GetEnabled() ? spec.GetAttributeName() : std::string();
    Model::TimeToLiveSpecification answer;
    answer.SetEnabled(spec.GetEnabled());
    if (spec.GetEnabled()) answer.SetAttributeName(spec.GetAttributeName());  // disabling answers {Enabled: false}
    return Model::UpdateTimeToLiveResult().WithTimeToLiveSpecification(answer);
  });
}

inline Model::ListTagsOfResourceOutcome Service::ListTagsOfResource(const Model::ListTagsOfResourceRequest& r) {
  return Run(r, [&](int64_t) -> Model::ListTagsOfResourceOutcome {
    Table* t = r.GetResourceArn().rfind("arn:", 0) == 0 ? FindTable(r.GetResourceArn()) : nullptr;
    if (!t) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: " + r.GetResourceArn() + " not found");
    Model::ListTagsOfResourceResult out;
    out.SetTags(t->tags);
    return out;
  });
}

}  // namespace dynafake
