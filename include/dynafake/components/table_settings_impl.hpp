// dynafake — Tables' definitions for what changes a table's settings:
// UpdateTable (billing mode and throughput, streams, encryption, table class,
// deletion protection, global secondary indexes created and deleted) and the
// settings as a backup or a description reports them (see tables.hpp).
#pragma once

#include <map>      // std::map
#include <set>      // std::set
#include <string>   // std::string
#include <utility>  // std::move

#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/quotas.hpp"    // Quotas
#include "dynafake/components/tables.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::
#include "dynafake/limits.hpp"           // the documented limits

namespace dynafake {
namespace detail {

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
    return v.Add(msg::NoGlobalTables(msg::kUpdateTableGlobalMembers));
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
    if (actions == 0) return v.Add(msg::IndexUpdateWithoutAction());
    if (actions > 1) return v.Add(msg::IndexUpdateWithActions());
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
  if (mode != was) {  // a billing switch keeps the warm throughput reached so far (Tables::Settle)
    if (!d.WarmThroughputHasBeenSet()) d.SetWarmThroughput(WarmThroughputOf(*t));
    for (auto& g : gsis)
      if (!g.WarmThroughputHasBeenSet()) g.SetWarmThroughput(WarmThroughputOf(*t, g));
  }
  const bool onDemand = mode == BillingMode::PAY_PER_REQUEST;
  const bool wasOnDemand = was == BillingMode::PAY_PER_REQUEST;
  if (onDemand && r.ProvisionedThroughputHasBeenSet()) return invalid(msg::NoThroughputWhenOnDemand());
  if (!onDemand && wasOnDemand && !r.ProvisionedThroughputHasBeenSet()) return invalid(msg::TableThroughputRequired());
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
  if (decrease && decreasesToday >= limits::kFreeThroughputDecreases) {
    const int64_t nextMs = decreasesToday >= limits::kMaxThroughputDecreasesPerDay
                               ? (today + 1) * 86400000
                               : t->lastDecreaseMs + limits::Ms(limits::kThroughputDecreaseInterval);
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
      if (find(c.GetIndexName())) return invalid(msg::IndexExists(c.GetIndexName()));
      std::string err = CheckKeySchema(c.GetKeySchema(), defs, "globalSecondaryIndexUpdates.member.create.keySchema");
      if (!err.empty()) return invalid(err);
      if (!onDemand && !c.ProvisionedThroughputHasBeenSet())
        return invalid(msg::IndexThroughputRequired(c.GetIndexName()));
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
  if (r.WarmThroughputHasBeenSet()) {
    // Raised at once and kept: the service takes minutes (WarmThroughput.Status UPDATING, the table
    // ACTIVE; ack-api-quirks' dynamodb probe DDB-TABLE-179), which dynafake does not model.
    const TableWarmThroughputDescription current = WarmThroughputOf(*t);
    const WarmThroughput& w = r.GetWarmThroughput();
    const long long read =
        w.ReadUnitsPerSecondHasBeenSet() ? w.GetReadUnitsPerSecond() : current.GetReadUnitsPerSecond();
    const long long write =
        w.WriteUnitsPerSecondHasBeenSet() ? w.GetWriteUnitsPerSecond() : current.GetWriteUnitsPerSecond();
    if (read < current.GetReadUnitsPerSecond()) return invalid(msg::WarmThroughputDecrease("ReadUnitsPerSecond"));
    if (write < current.GetWriteUnitsPerSecond()) return invalid(msg::WarmThroughputDecrease("WriteUnitsPerSecond"));
    d.SetWarmThroughput(TableWarmThroughputDescription().WithReadUnitsPerSecond(read).WithWriteUnitsPerSecond(write));
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

}  // namespace detail
}  // namespace dynafake
