// dynafake — Items' definitions (see items.hpp).
#pragma once

#include <map>     // std::map
#include <set>     // std::set
#include <vector>  // std::vector

#include "dynafake/components/continuous_backups.hpp"  // ContinuousBackups
#include "dynafake/components/items.hpp"
#include "dynafake/detail/batch_get.hpp"        // PlanBatchGetItem, RunBatchGetItem
#include "dynafake/detail/item_operations.hpp"  // RunGetItem, RunPutItem, RunDeleteItem, RunUpdateItem
#include "dynafake/detail/keys.hpp"             // EncodeKey, ItemSize
#include "dynafake/detail/linkage.hpp"          // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"         // msg::
#include "dynafake/detail/query_scan.hpp"       // RunQuery, RunScan
#include "dynafake/detail/read_plans.hpp"       // PlanGetItem, PlanQuery, PlanScan
#include "dynafake/detail/write_plans.hpp"      // PlanPutItem, PlanDeleteItem, PlanUpdateItem

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
  d.write = [this, &t, now](const Item& item, bool deleted) { Write(t, item, deleted, now); };
  return d;
}

template <class Outcome, class Request, class Plan, class PlanFn, class RunFn>
Outcome Items::OnOneTable(const Request& r, int64_t now, PlanFn plan, RunFn run) {
  Plan p;
  std::string err = plan(r, p);
  if (!err.empty()) return DynamoDBError(DynamoDBErrors::VALIDATION, err);
  std::optional<DynamoDBError> missing;
  TableRecord* t = Writable(r.GetTableName(), missing);
  if (!t) return *missing;
  return run(DataOf(*t, now), r, p, now);
}

DYNAFAKE_IMPL Model::GetItemOutcome Items::GetItem(const Model::GetItemRequest& r, int64_t now) {
  return OnOneTable<Model::GetItemOutcome, Model::GetItemRequest, ReadPlan>(r, now, PlanGetItem, RunGetItem);
}
DYNAFAKE_IMPL Model::PutItemOutcome Items::PutItem(const Model::PutItemRequest& r, int64_t now) {
  return OnOneTable<Model::PutItemOutcome, Model::PutItemRequest, WritePlan>(r, now, PlanPutItem, RunPutItem);
}
DYNAFAKE_IMPL Model::DeleteItemOutcome Items::DeleteItem(const Model::DeleteItemRequest& r, int64_t now) {
  return OnOneTable<Model::DeleteItemOutcome, Model::DeleteItemRequest, WritePlan>(r, now, PlanDeleteItem,
                                                                                   RunDeleteItem);
}
DYNAFAKE_IMPL Model::UpdateItemOutcome Items::UpdateItem(const Model::UpdateItemRequest& r, int64_t now) {
  return OnOneTable<Model::UpdateItemOutcome, Model::UpdateItemRequest, WritePlan>(r, now, PlanUpdateItem,
                                                                                   RunUpdateItem);
}
DYNAFAKE_IMPL Model::QueryOutcome Items::Query(const Model::QueryRequest& r, int64_t now) {
  return OnOneTable<Model::QueryOutcome, Model::QueryRequest, ReadPlan>(r, now, PlanQuery, RunQuery);
}
DYNAFAKE_IMPL Model::ScanOutcome Items::Scan(const Model::ScanRequest& r, int64_t now) {
  return OnOneTable<Model::ScanOutcome, Model::ScanRequest, ReadPlan>(r, now, PlanScan, RunScan);
}

DYNAFAKE_IMPL Model::BatchGetItemOutcome Items::BatchGetItem(const Model::BatchGetItemRequest& r, int64_t now) {
  std::map<std::string, ReadPlan> plans;
  std::string err = PlanBatchGetItem(r, plans);
  if (!err.empty()) return DynamoDBError(DynamoDBErrors::VALIDATION, err);
  std::map<std::string, DataTable> tables;
  for (const auto& kv : r.GetRequestItems()) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = Writable(kv.first, missing);
    if (!t) return *missing;
    tables.emplace(kv.first, DataOf(*t, now));
  }
  return RunBatchGetItem(r, plans, tables, now);
}

DYNAFAKE_IMPL Model::BatchWriteItemOutcome Items::BatchWriteItem(const Model::BatchWriteItemRequest& r, int64_t now) {
  auto invalid = [](std::string message) { return DynamoDBError(DynamoDBErrors::VALIDATION, std::move(message)); };
  std::size_t total = 0;
  for (const auto& kv : r.GetRequestItems()) total += kv.second.size();
  if (total > 25) return invalid("Too many items requested for the BatchWriteItem call");
  // the request's own checks, then every table and key: a failed batch writes nothing
  std::map<std::string, std::vector<Item>> canonical;
  for (const auto& kv : r.GetRequestItems()) {
    for (const auto& w : kv.second) {
      if (w.PutRequestHasBeenSet() == w.DeleteRequestHasBeenSet())
        return invalid(
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
            "datatypes");
      Item item;
      std::string err = w.PutRequestHasBeenSet() ? CanonicalItem(w.GetPutRequest().GetItem(), item)
                                                 : plans::CanonicalKey(w.GetDeleteRequest().GetKey(), item);
      if (!err.empty()) return invalid(err);
      canonical[kv.first].push_back(std::move(item));
    }
  }
  std::map<std::string, DataTable> tables;
  for (const auto& kv : r.GetRequestItems()) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = Writable(kv.first, missing);
    if (!t) return *missing;
    const DataTable& d = tables.emplace(kv.first, DataOf(*t, now)).first->second;
    std::set<std::string> keys;
    for (std::size_t i = 0; i < kv.second.size(); ++i) {
      const Item& item = canonical[kv.first][i];
      std::string err = kv.second[i].PutRequestHasBeenSet()
                            ? CheckItemKeys(d.schema.hash, d.schema.range, d.schema.IndexKeys(), item)
                            : CheckKeyArgument(d.schema.hash, d.schema.range, item);
      if (!err.empty()) return invalid(err);
      if (!keys.insert(EncodeKey(d.Key(), item)).second)
        return invalid("Provided list of item keys contains duplicates");
    }
  }
  std::vector<Model::ConsumedCapacity> capacities;
  for (const auto& kv : r.GetRequestItems()) {
    const DataTable& d = tables.at(kv.first);
    Consumed c;
    for (std::size_t i = 0; i < kv.second.size(); ++i) {
      const Item& item = canonical[kv.first][i];
      const bool put = kv.second[i].PutRequestHasBeenSet();
      const Item* old = d.Find(item, now);
      c.Add(WriteCost(d.schema, old, put ? &item : nullptr));
      if (put || old) d.write(item, !put);
    }
    if (auto report = Report(r.GetReturnConsumedCapacity(), d.name, c)) capacities.push_back(*report);
  }
  Model::BatchWriteItemResult out;
  out.SetUnprocessedItems(std::map<std::string, std::vector<Model::WriteRequest>>{});
  if (!capacities.empty()) out.SetConsumedCapacity(capacities);
  return out;
}

// ------------------------------------------------------------------ history upkeep

DYNAFAKE_IMPL void Items::Write(TableRecord& t, const Item& item, bool deleted, int64_t now) {
  const std::string key = EncodeKey(t.key, item);
  t.items.history->Write(key, now, deleted, deleted ? Item{} : item, deleted ? 0 : ItemSize(item));
  if (++t.items.writesSinceCompaction >= 256) CompactTable(t, now);
}

DYNAFAKE_IMPL void Items::CompactTable(TableRecord& t, int64_t now) {
  t.items.writesSinceCompaction = 0;
  // a backup requested now may cut up to 60 s back (BackupCutPolicy::Earliest, SeededRandom)
  t.items.history->Compact(continuous_->RetentionStartMs(t.desc.GetTableName(), now) - 60000);
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
