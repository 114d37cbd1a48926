// dynafake — Service: the data plane (PutItem, GetItem, DeleteItem,
// UpdateItem, Query, Scan, BatchGetItem, BatchWriteItem). Each call checks
// the request alone first (read_plans.hpp, write_plans.hpp), then finds the
// table ("Requested resource not found" for one that is absent, CREATING or
// DELETING), then runs the operation on the table's DataTable. Included by
// service.hpp.
#pragma once

#include <map>     // std::map
#include <set>     // std::set
#include <string>  // std::string
#include <vector>  // std::vector

#include "dynafake/detail/batch_get.hpp"        // PlanBatchGetItem, RunBatchGetItem
#include "dynafake/detail/item_operations.hpp"  // RunGetItem, RunPutItem, RunDeleteItem, RunUpdateItem
#include "dynafake/detail/query_scan.hpp"       // RunQuery, RunScan
#include "dynafake/detail/read_plans.hpp"       // PlanGetItem, PlanQuery, PlanScan
#include "dynafake/detail/write_plans.hpp"      // PlanPutItem, PlanDeleteItem, PlanUpdateItem

namespace dynafake {

inline std::string Service::CheckWritable(const Table* t, const std::string&) const {
  // The data plane names no table (architect/dynalite db/index.js getTable).
  if (!t || t->status == Model::TableStatus::CREATING || t->status == Model::TableStatus::DELETING)
    return "Requested resource not found";
  return {};
}

inline detail::DataTable Service::DataOf(Table& t, int64_t now) {
  detail::DataTable d;
  d.name = t.desc.GetTableName();
  const auto& defs = t.desc.GetAttributeDefinitions();
  detail::TableSchema::Keys(t.desc.GetKeySchema(), defs, d.schema.hash, d.schema.range);
  for (const auto& l : t.desc.GetLocalSecondaryIndexes()) d.schema.AddIndex(l, false, defs);
  for (const auto& g : t.gsis)
    if (g.GetIndexStatus() != Model::IndexStatus::DELETING) d.schema.AddIndex(g, true, defs);
  d.history = t.history.get();
  d.write = [this, &t, now](const detail::Item& item, bool deleted) { WriteItem(t, item, deleted, now); };
  return d;
}

/// One data-plane call on one table: the request's own checks (`plan`), the
/// table, then `run` on it.
#define DYNAFAKE_DATA_PLANE_CALL(Op, PlanType, PlanFn, RunFn)                                   \
  inline Model::Op##Outcome Service::Op(const Model::Op##Request& r) {                           \
    return Run(r, [&](int64_t now) -> Model::Op##Outcome {                                       \
      detail::PlanType plan;                                                                     \
      std::string err = detail::PlanFn(r, plan);                                                 \
      if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);                             \
      Table* t = FindTable(r.GetTableName());                                                    \
      if (!(err = CheckWritable(t, r.GetTableName())).empty())                                   \
        return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);                                     \
      return detail::RunFn(DataOf(*t, now), r, plan, now);                                       \
    });                                                                                          \
  }

DYNAFAKE_DATA_PLANE_CALL(GetItem, ReadPlan, PlanGetItem, RunGetItem)
DYNAFAKE_DATA_PLANE_CALL(PutItem, WritePlan, PlanPutItem, RunPutItem)
DYNAFAKE_DATA_PLANE_CALL(DeleteItem, WritePlan, PlanDeleteItem, RunDeleteItem)
DYNAFAKE_DATA_PLANE_CALL(UpdateItem, WritePlan, PlanUpdateItem, RunUpdateItem)
DYNAFAKE_DATA_PLANE_CALL(Query, ReadPlan, PlanQuery, RunQuery)
DYNAFAKE_DATA_PLANE_CALL(Scan, ReadPlan, PlanScan, RunScan)
#undef DYNAFAKE_DATA_PLANE_CALL

inline Model::BatchGetItemOutcome Service::BatchGetItem(const Model::BatchGetItemRequest& r) {
  return Run(r, [&](int64_t now) -> Model::BatchGetItemOutcome {
    std::map<std::string, detail::ReadPlan> plans;
    std::string err = detail::PlanBatchGetItem(r, plans);
    if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
    std::map<std::string, detail::DataTable> tables;
    for (const auto& kv : r.GetRequestItems()) {
      Table* t = FindTable(kv.first);
      if (!(err = CheckWritable(t, kv.first)).empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
      tables.emplace(kv.first, DataOf(*t, now));
    }
    return detail::RunBatchGetItem(r, plans, tables, now);
  });
}

inline Model::BatchWriteItemOutcome Service::BatchWriteItem(const Model::BatchWriteItemRequest& r) {
  return Run(r, [&](int64_t now) -> Model::BatchWriteItemOutcome {
    std::size_t total = 0;
    for (const auto& kv : r.GetRequestItems()) total += kv.second.size();
    if (total > 25) return Err(DynamoDBErrors::VALIDATION, "Too many items requested for the BatchWriteItem call");
    // the request's own checks, then every table and key: a failed batch writes nothing
    std::map<std::string, std::vector<detail::Item>> canonical;
    for (const auto& kv : r.GetRequestItems()) {
      for (const auto& w : kv.second) {
        if (w.PutRequestHasBeenSet() == w.DeleteRequestHasBeenSet())
          return Err(DynamoDBErrors::VALIDATION, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        detail::Item item;
        std::string err = w.PutRequestHasBeenSet() ? detail::CanonicalItem(w.GetPutRequest().GetItem(), item)
                                                   : detail::plans::CanonicalKey(w.GetDeleteRequest().GetKey(), item);
        if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
        canonical[kv.first].push_back(std::move(item));
      }
    }
    std::map<std::string, detail::DataTable> tables;
    for (const auto& kv : r.GetRequestItems()) {
      Table* t = FindTable(kv.first);
      std::string err = CheckWritable(t, kv.first);
      if (!err.empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
      const detail::DataTable& d = tables.emplace(kv.first, DataOf(*t, now)).first->second;
      std::set<std::string> keys;
      for (std::size_t i = 0; i < kv.second.size(); ++i) {
        const detail::Item& item = canonical[kv.first][i];
        err = kv.second[i].PutRequestHasBeenSet()
                  ? detail::CheckItemKeys(d.schema.hash, d.schema.range, d.schema.IndexKeys(), item)
                  : detail::CheckKeyArgument(d.schema.hash, d.schema.range, item);
        if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
        if (!keys.insert(detail::EncodeKey(d.Key(), item)).second)
          return Err(DynamoDBErrors::VALIDATION, "Provided list of item keys contains duplicates");
      }
    }
    std::vector<Model::ConsumedCapacity> capacities;
    for (const auto& kv : r.GetRequestItems()) {
      const detail::DataTable& d = tables.at(kv.first);
      detail::Consumed c;
      for (std::size_t i = 0; i < kv.second.size(); ++i) {
        const detail::Item& item = canonical[kv.first][i];
        const bool put = kv.second[i].PutRequestHasBeenSet();
        const detail::Item* old = d.Find(item, now);
        c.Add(detail::WriteCost(d.schema, old, put ? &item : nullptr));
        if (put || old) d.write(item, !put);
      }
      if (auto report = detail::Report(r.GetReturnConsumedCapacity(), d.name, c)) capacities.push_back(*report);
    }
    Model::BatchWriteItemResult out;
    out.SetUnprocessedItems(std::map<std::string, std::vector<Model::WriteRequest>>{});
    if (!capacities.empty()) out.SetConsumedCapacity(capacities);
    return out;
  });
}

}  // namespace dynafake
