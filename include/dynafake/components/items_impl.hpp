// dynafake — Items' definitions (see items.hpp).
#pragma once

#include <algorithm>  // std::max
#include <map>        // std::map
#include <optional>   // std::optional
#include <set>        // std::set
#include <vector>     // std::vector

#include "dynafake/components/continuous_backups.hpp"  // ContinuousBackups
#include "dynafake/components/items.hpp"
#include "dynafake/components/throughput.hpp"              // Throughput
#include "dynafake/detail/data_plane/item_operations.hpp"  // RunGetItem, RunPutItem, RunDeleteItem, RunUpdateItem
#include "dynafake/detail/data_plane/keys.hpp"             // EncodeKey, ItemSize
#include "dynafake/detail/data_plane/query_scan.hpp"       // RunQuery, RunScan
#include "dynafake/detail/linkage.hpp"                     // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"                    // msg::
#include "dynafake/detail/requests/batch_get.hpp"          // PlanBatchGetItem, RunBatchGetItem
#include "dynafake/detail/requests/read_plans.hpp"         // PlanGetItem, PlanQuery, PlanScan
#include "dynafake/detail/requests/write_plans.hpp"        // PlanPutItem, PlanDeleteItem, PlanUpdateItem

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL TableRecord* Items::Writable(const std::string& nameOrArn, std::optional<DynamoDBError>& error) {
  TableRecord* t = tables_->Find(nameOrArn);
  if (t && t->status != Model::TableStatus::CREATING && t->status != Model::TableStatus::DELETING) return t;
  error = DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::DataPlaneResourceNotFound());
  return nullptr;
}

DYNAFAKE_IMPL DataTable Items::DataOf(TableRecord& t, int64_t now) {
  DataTable d;
  d.name = t.desc.GetTableName();
  const auto& defs = t.desc.GetAttributeDefinitions();
  TableSchema::Keys(t.desc.GetKeySchema(), defs, d.schema.hash, d.schema.range);
  for (const auto& l : t.desc.GetLocalSecondaryIndexes()) d.schema.AddIndex(l, false, defs);
  for (const auto& g : t.gsis)
    if (g.GetIndexStatus() != Model::IndexStatus::DELETING) d.schema.AddIndex(g, true, defs);
  d.history = t.items.history.get();
  d.writeAt = [this, rec = &t](const Item& item, bool deleted, int64_t at) { Write(*rec, item, deleted, at); };
  d.callMs = now;
  if (throughput_->Enforcing())  // two pointers: kept inside the std::function, no allocation
    d.charge = [tp = throughput_, rec = &t](const Consumed& units, bool write, int64_t at) {
      return tp->Charge(*rec, units, write, at);
    };
  return d;
}

// A plan function's message, if any, as the call's ValidationException.
template <class Request, class Plan, class PlanFn>
void CheckAlone(const Request& r, Validator& v, Plan& plan, PlanFn fn) {
  std::string e = fn(r, plan);
  if (!e.empty()) v.Add(std::move(e));
}

DYNAFAKE_IMPL void Items::Validate(const Model::PutItemRequest& r, Validator& v, WritePlan& p) {
  CheckAlone(r, v, p, PlanPutItem);
}
DYNAFAKE_IMPL void Items::Validate(const Model::GetItemRequest& r, Validator& v, ReadPlan& p) {
  CheckAlone(r, v, p, PlanGetItem);
}
DYNAFAKE_IMPL void Items::Validate(const Model::DeleteItemRequest& r, Validator& v, WritePlan& p) {
  CheckAlone(r, v, p, PlanDeleteItem);
}
DYNAFAKE_IMPL void Items::Validate(const Model::UpdateItemRequest& r, Validator& v, WritePlan& p) {
  CheckAlone(r, v, p, PlanUpdateItem);
}
DYNAFAKE_IMPL void Items::Validate(const Model::QueryRequest& r, Validator& v, ReadPlan& p) {
  CheckAlone(r, v, p, PlanQuery);
}
DYNAFAKE_IMPL void Items::Validate(const Model::ScanRequest& r, Validator& v, ReadPlan& p) {
  CheckAlone(r, v, p, PlanScan);
}
DYNAFAKE_IMPL void Items::Validate(const Model::BatchGetItemRequest& r, Validator& v, BatchGetPlan& p) {
  CheckAlone(r, v, p, PlanBatchGetItem);
}
DYNAFAKE_IMPL void Items::Validate(const Model::BatchWriteItemRequest& r, Validator& v, BatchWritePlan& p) {
  CheckAlone(r, v, p, PlanBatchWriteItem);
}

template <class Outcome, class Request, class Plan, class RunFn>
Outcome Items::OnOneTable(const Request& r, const Plan& plan, int64_t now, RunFn run) {
  std::optional<DynamoDBError> missing;
  TableRecord* t = Writable(r.GetTableName(), missing);
  if (!t) return *missing;
  return run(DataOf(*t, now), r, plan, now);
}

DYNAFAKE_IMPL Model::GetItemOutcome Items::GetItem(const Model::GetItemRequest& r, const ReadPlan& p, int64_t now) {
  return OnOneTable<Model::GetItemOutcome>(r, p, now, RunGetItem);
}
DYNAFAKE_IMPL Model::PutItemOutcome Items::PutItem(const Model::PutItemRequest& r, const WritePlan& p, int64_t now) {
  return OnOneTable<Model::PutItemOutcome>(r, p, now, RunPutItem);
}
DYNAFAKE_IMPL Model::DeleteItemOutcome Items::DeleteItem(const Model::DeleteItemRequest& r, const WritePlan& p,
                                                         int64_t now) {
  return OnOneTable<Model::DeleteItemOutcome>(r, p, now, RunDeleteItem);
}
DYNAFAKE_IMPL Model::UpdateItemOutcome Items::UpdateItem(const Model::UpdateItemRequest& r, const WritePlan& p,
                                                         int64_t now) {
  return OnOneTable<Model::UpdateItemOutcome>(r, p, now, RunUpdateItem);
}
DYNAFAKE_IMPL Model::QueryOutcome Items::Query(const Model::QueryRequest& r, const ReadPlan& p, int64_t now) {
  return OnOneTable<Model::QueryOutcome>(r, p, now, RunQuery);
}
DYNAFAKE_IMPL Model::ScanOutcome Items::Scan(const Model::ScanRequest& r, const ReadPlan& p, int64_t now) {
  return OnOneTable<Model::ScanOutcome>(r, p, now, RunScan);
}

DYNAFAKE_IMPL Model::BatchGetItemOutcome Items::BatchGetItem(const Model::BatchGetItemRequest& r,
                                                             const BatchGetPlan& plans, int64_t now) {
  std::map<std::string, DataTable> tables;
  for (const auto& kv : r.GetRequestItems()) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = Writable(kv.first, missing);
    if (!t) return *missing;
    tables.emplace(kv.first, DataOf(*t, now));
  }
  return RunBatchGetItem(r, plans, tables, now);
}

DYNAFAKE_IMPL Model::BatchWriteItemOutcome Items::BatchWriteItem(const Model::BatchWriteItemRequest& r,
                                                                 const BatchWritePlan& plan, int64_t now) {
  auto invalid = [](std::string message) { return DynamoDBError(DynamoDBErrors::VALIDATION, std::move(message)); };
  // every table and key before any write: a failed batch writes nothing
  const auto& canonical = plan.canonical;
  std::map<std::string, DataTable> tables;
  for (const auto& kv : r.GetRequestItems()) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = Writable(kv.first, missing);
    if (!t) return *missing;
    const DataTable& d = tables.emplace(kv.first, DataOf(*t, now)).first->second;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < kv.second.size(); ++i) {
      const Item& item = canonical.at(kv.first)[i];
      std::string err = kv.second[i].PutRequestHasBeenSet()
                            ? CheckItemKeys(d.schema.hash, d.schema.range, d.schema.IndexKeys(), item)
                            : CheckKeyArgument(d.schema.hash, d.schema.range, item);
      if (!err.empty()) return invalid(err);
      if (!keys.insert(EncodeKey(d.Key(), item)).second) return invalid(msg::DuplicateBatchKeys());
    }
  }
  // each write is charged alone: one its table (or an index) has no room for
  // is returned unprocessed; none written at all is the throttling error ("If
  // none of the items can be processed due to insufficient provisioned
  // throughput on all of the tables in the request, then BatchWriteItem
  // returns a ProvisionedThroughputExceededException", API Reference, BatchWriteItem)
  std::vector<Model::ConsumedCapacity> capacities;
  std::map<std::string, std::vector<Model::WriteRequest>> unprocessed;
  std::optional<DynamoDBError> throttled;
  bool wrote = false;
  for (const auto& kv : r.GetRequestItems()) {
    const DataTable& d = tables.at(kv.first);
    Consumed c;
    for (std::size_t i = 0; i < kv.second.size(); ++i) {
      const Item& item = canonical.at(kv.first)[i];
      const bool put = kv.second[i].PutRequestHasBeenSet();
      const Item* old = d.Find(item, now);
      const Consumed cost = WriteCost(d.schema, old, put ? &item : nullptr);
      if (auto refused = d.Charge(cost, true)) {
        throttled = std::move(refused);
        unprocessed[kv.first].push_back(kv.second[i]);
        continue;
      }
      wrote = true;
      c.Add(cost);
      if (put || old) d.write(item, !put);
    }
    if (auto report = Report(r.GetReturnConsumedCapacity(), d.name, c)) capacities.push_back(*report);
  }
  if (throttled && !wrote) return *throttled;
  Model::BatchWriteItemResult out;
  out.SetUnprocessedItems(std::move(unprocessed));
  if (!capacities.empty()) out.SetConsumedCapacity(capacities);
  return out;
}

// ------------------------------------------------------------------ history upkeep

DYNAFAKE_IMPL void Items::Write(TableRecord& t, const Item& item, bool deleted, int64_t now) {
  const std::string key = EncodeKey(t.key, item);
  t.items.history->Write(key, now, deleted, deleted ? Item{} : item, deleted ? 0 : ItemSize(item));
  if (!deleted) ScheduleExpiry(t, key, item, now);
  if (++t.items.writesSinceCompaction >= 256) CompactTable(t, now);
}

DYNAFAKE_IMPL void Items::ScheduleExpiry(const TableRecord& t, const std::string& key, const Item& item, int64_t now) {
  if (!t.ttlEnabled || now < t.ttlSettledMs) return;
  const std::optional<int64_t> expires = ExpiresAtMs(item, t.ttlAttribute);
  if (!expires) return;
  const TimeToLivePolicy& policy = options_->timeToLive;
  if (*expires < now - policy.ignoredWhenOlderThan.count()) return;
  ExpiryEntry e;
  // expired when the value is less than the current time: due the millisecond after it, plus the delay
  e.dueMs = std::max(*expires + 1 + policy.deletionDelay.count(), now);
  e.table = t.desc.GetTableName();
  e.tableSerial = t.serial;
  e.key = key;
  e.expiresMs = *expires;
  expiry_->Push(std::move(e));
}

DYNAFAKE_IMPL bool Items::Expire(TableRecord& t, const std::string& key, int64_t expiresMs, int64_t atMs, int64_t now) {
  const std::string& attribute = t.ttlAttribute;
  const bool expired = t.items.history->ExpireIf(key, atMs, HorizonMs(t, now), [&](const Version& v) {
    const std::optional<int64_t> expires = ExpiresAtMs(v.item, attribute);
    return expires && *expires == expiresMs;  // else written again since: its own entry decides
  });
  if (expired) ++t.items.writesSinceCompaction;
  return expired;
}

DYNAFAKE_IMPL void Items::CompactIfDue(TableRecord& t, int64_t now) {
  if (t.items.writesSinceCompaction >= 256) CompactTable(t, now);
}

DYNAFAKE_IMPL void Items::CompactTable(TableRecord& t, int64_t now) {
  t.items.writesSinceCompaction = 0;
  t.items.history->Compact(HorizonMs(t, now));
}

DYNAFAKE_IMPL int64_t Items::HorizonMs(const TableRecord& t, int64_t now) const {
  // a backup requested now may cut up to 60 s back (BackupCutPolicy::Earliest, SeededRandom)
  return continuous_->RetentionStartMs(t.desc.GetTableName(), now) - 60000;
}

DYNAFAKE_IMPL void Items::CompactHistory(const std::shared_ptr<History>& history, int64_t now) {
  if (!history) return;
  if (TableRecord* t = tables_->FindByHistory(history.get())) return CompactTable(*t, now);
  // only backups read it: nothing before their cuts can be asked for
  history->Compact(history->Pinned() ? history->EarliestPin() : now);
}

DYNAFAKE_IMPL void Items::Released(const std::shared_ptr<History>& history, int64_t now) {
  if (history.use_count() <= 1) return;  // it dies with this last reference
  if (deferring_)
    deferred_.insert(history);
  else
    CompactHistory(history, now);
}

DYNAFAKE_IMPL void Items::FlushCompaction(int64_t now) {
  deferring_ = false;
  const auto touched = std::move(deferred_);
  deferred_.clear();
  for (const auto& h : touched)
    if (h.use_count() > 1) CompactHistory(h, now);  // else `touched` held the last reference
}

}  // namespace detail
}  // namespace dynafake
