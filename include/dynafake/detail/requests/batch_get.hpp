// dynafake — BatchGetItem: up to 100 keys over any number of tables, each
// table's entry with its own projection and consistency. The request's checks
// come first, table by table (architect/dynalite validations/batchGetItem.js:
// parameters, key values, duplicate keys, the 100 key limit, AttributesToGet,
// expressions); then every table must exist and every key match its schema.
// Items come back in the order their keys were asked for; once the response
// would pass 16 MB (API Reference, BatchGetItem) the remaining keys are
// returned as UnprocessedKeys. Each key read costs what a GetItem of it
// costs, charged per table; a key its table's capacity has no room for is
// returned in UnprocessedKeys too, and when no key at all could be read the
// call fails with the throttling error ("If none of the items can be
// processed due to insufficient provisioned throughput on all of the tables
// in the request, then BatchGetItem returns a
// ProvisionedThroughputExceededException", API Reference, BatchGetItem).
#pragma once

#include <cstdint>   // int64_t
#include <map>       // std::map
#include <optional>  // std::optional
#include <set>       // std::set
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/data_plane/capacity.hpp"    // Consumed, ReadUnits, Report
#include "dynafake/detail/data_plane/data_table.hpp"  // DataTable, Invalid
#include "dynafake/detail/data_plane/keys.hpp"        // EncodePart
#include "dynafake/detail/messages.hpp"               // msg::
#include "dynafake/detail/requests/key_checks.hpp"    // CheckKeyArgument
#include "dynafake/detail/requests/plan_support.hpp"  // NestedKeyAccess
#include "dynafake/detail/requests/read_plans.hpp"    // ReadPlan, PlanBatchGetEntry
#include "dynafake/detail/requests/write_plans.hpp"   // plans::CanonicalKey
#include "dynafake/generated/operations.hpp"          // BatchGetItemOutcome
#include "dynafake/limits.hpp"                        // the documented limits

namespace dynafake {
namespace detail {

constexpr int64_t kBatchGetResponseBytes = limits::kMaxBatchGetResponseBytes;

/// One plan per table of a BatchGetItem, by table name.
using BatchGetPlan = std::map<std::string, ReadPlan>;

/// The request's own checks; one plan per table, in the request's order.
inline std::string PlanBatchGetItem(const Model::BatchGetItemRequest& r, BatchGetPlan& out) {
  std::size_t keys = 0;
  for (const auto& kv : r.GetRequestItems()) {
    const Model::KeysAndAttributes& entry = kv.second;
    ReadPlan& plan = out[kv.first];
    std::string e = PlanBatchGetEntry(entry, plan);
    if (!e.empty()) return e;
    std::set<std::string> seen;
    for (const auto& key : entry.GetKeys()) {
      Item canonical;
      plans::CanonicalKey(key, canonical);
      std::string text;
      for (const auto& part : canonical) text += part.first + '\x1e' + EncodePart(part.second) + '\x1f';
      if (!seen.insert(text).second) return msg::DuplicateBatchKeys();
      if (++keys > limits::kMaxBatchGetItems) return msg::TooManyBatchItems("BatchGetItem");
    }
  }
  return {};
}

/// Reads every key of `r` from `tables` (one per entry of RequestItems, found).
inline Model::BatchGetItemOutcome RunBatchGetItem(const Model::BatchGetItemRequest& r, const BatchGetPlan& plans,
                                                  const std::map<std::string, DataTable>& tables, int64_t now) {
  for (const auto& kv : r.GetRequestItems()) {
    const DataTable& t = tables.at(kv.first);
    for (const auto& key : kv.second.GetKeys()) {
      std::string e = CheckKeyArgument(t.schema.hash, t.schema.range, key);
      if (!e.empty()) return Model::BatchGetItemOutcome(Invalid(e));
    }
    const ReadPlan& plan = plans.at(kv.first);
    if (plan.projection) {
      std::vector<const expression::DocPath*> paths;
      for (const auto& p : plan.projection->paths) paths.push_back(&p);
      std::string e = plans::NestedKeyAccess(t.schema, paths);
      if (!e.empty()) return Model::BatchGetItemOutcome(Invalid(e));
    }
  }
  Model::BatchGetItemResult out;
  std::map<std::string, std::vector<Item>> responses;
  std::map<std::string, Model::KeysAndAttributes> unprocessed;
  std::vector<Model::ConsumedCapacity> capacities;
  int64_t bytes = 0;
  std::optional<DynamoDBError> throttled;  // the last refusal, if any
  bool read = false;                       // any key read
  for (const auto& kv : r.GetRequestItems()) {
    const DataTable& t = tables.at(kv.first);
    const ReadPlan& plan = plans.at(kv.first);
    const bool consistent = kv.second.ConsistentReadHasBeenSet() && kv.second.GetConsistentRead();
    std::vector<Item>& items = responses[kv.first];
    Consumed c;
    auto leave = [&](const Item& key) {
      auto it = unprocessed.find(kv.first);
      if (it == unprocessed.end()) {
        Model::KeysAndAttributes rest = kv.second;
        rest.SetKeys({});
        it = unprocessed.emplace(kv.first, std::move(rest)).first;
      }
      it->second.AddKeys(key);
    };
    for (const auto& key : kv.second.GetKeys()) {
      const Item* item = t.Find(key, now);
      const int64_t size = item ? ItemBytes(*item) : 0;
      if (item && bytes + size > kBatchGetResponseBytes) {
        leave(key);
        continue;
      }
      Consumed units;
      units.table = ReadUnits(size, consistent);
      if (auto refused = t.Charge(units, false)) {
        throttled = std::move(refused);
        leave(key);
        continue;
      }
      read = true;
      bytes += size;
      c.table += units.table;
      if (item) items.push_back(plan.projection ? plan.projection->Apply(*item) : *item);
    }
    if (auto report = Report(r.GetReturnConsumedCapacity(), t.name, c)) capacities.push_back(*report);
  }
  if (throttled && !read) return Model::BatchGetItemOutcome(*throttled);
  out.SetResponses(responses);
  out.SetUnprocessedKeys(unprocessed);
  if (!capacities.empty()) out.SetConsumedCapacity(capacities);
  return out;
}

}  // namespace detail
}  // namespace dynafake
