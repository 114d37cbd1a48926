// dynafake — capacity units as the service charges them (Developer Guide,
// "DynamoDB read and write operations"; the index arithmetic measured against
// the real service by nubo-db/dynamodb-conformance
// tests/tier1/putItem/indexConsumedCapacity.test.ts):
//  - a read of B bytes costs ceil(B / 4 KB) units, at least one, halved when
//    eventually consistent; a Query or Scan sizes every item it reads, before
//    the filter and the projection, as one read;
//  - a write costs ceil(B / 1 KB) units, at least one, B being the larger of
//    the item before and after;
//  - each secondary index whose entry for the item changes costs a write of the
//    new entry; moving an entry to another key costs a delete and a put;
//    removing it a delete; an index whose entry did not change costs nothing
//    and is not reported.
// ReturnConsumedCapacity TOTAL reports the sum; INDEXES adds the table's part
// and one entry per index charged.
#pragma once

#include <algorithm>  // std::max
#include <cstdint>    // int64_t
#include <map>        // std::map
#include <optional>   // std::optional
#include <string>     // std::string

#include "dynafake/detail/data_plane/table_schema.hpp"  // TableSchema, IndexEntry
#include "dynafake/detail/requests/item_checks.hpp"     // ItemBytes
#include "dynafake/expression/value_ops.hpp"            // Equal
#include "dynafake/generated/enums.hpp"                 // ReturnConsumedCapacity
#include "dynafake/generated/types.hpp"                 // ConsumedCapacity, Capacity

namespace dynafake {
namespace detail {

inline double ReadUnits(int64_t bytes, bool consistent) {
  const int64_t units = std::max<int64_t>(1, (bytes + 4095) / 4096);
  return consistent ? static_cast<double>(units) : static_cast<double>(units) / 2.0;
}

inline double WriteUnits(int64_t bytes) { return static_cast<double>(std::max<int64_t>(1, (bytes + 1023) / 1024)); }

/// Units charged to a table and to each of its indexes by one request.
struct Consumed {
  double table = 0;
  std::map<std::string, double> global, local;

  double Total() const {
    double sum = table;
    for (const auto& kv : global) sum += kv.second;
    for (const auto& kv : local) sum += kv.second;
    return sum;
  }
  void Charge(const IndexDef& index, double units) { (index.global ? global : local)[index.name] += units; }
  void Add(const Consumed& other) {
    table += other.table;
    for (const auto& kv : other.global) global[kv.first] += kv.second;
    for (const auto& kv : other.local) local[kv.first] += kv.second;
  }
};

template <class ItemMap>
bool SameItem(const ItemMap& a, const ItemMap& b) {
  if (a.size() != b.size()) return false;
  for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
    if (x->first != y->first || !expression::Equal(x->second, y->second)) return false;
  return true;
}

/// What writing `after` over `before` costs (either null: no item).
inline Consumed WriteCost(const TableSchema& schema, const Item* before, const Item* after) {
  Consumed c;
  c.table = WriteUnits(std::max(before ? ItemBytes(*before) : 0, after ? ItemBytes(*after) : 0));
  for (const auto& index : schema.indexes) {
    std::optional<Item> was = before ? IndexEntry(schema, index, *before) : std::nullopt;
    std::optional<Item> now = after ? IndexEntry(schema, index, *after) : std::nullopt;
    if (!was && !now) continue;
    if (was && now && SameItem(*was, *now)) continue;
    double units = 0;
    if (was && now && SameItem(PageKey(schema, &index, *was), PageKey(schema, &index, *now))) {
      units = WriteUnits(ItemBytes(*now));
    } else {
      if (was) units += WriteUnits(ItemBytes(*was));
      if (now) units += WriteUnits(ItemBytes(*now));
    }
    c.Charge(index, units);
  }
  return c;
}

/// The ConsumedCapacity a response carries, or nullopt when not asked for.
inline std::optional<Model::ConsumedCapacity> Report(Model::ReturnConsumedCapacity mode, const std::string& tableName,
                                                     const Consumed& c) {
  if (mode != Model::ReturnConsumedCapacity::TOTAL && mode != Model::ReturnConsumedCapacity::INDEXES)
    return std::nullopt;
  Model::ConsumedCapacity out;
  out.SetTableName(tableName);
  out.SetCapacityUnits(c.Total());
  if (mode == Model::ReturnConsumedCapacity::INDEXES) {
    out.SetTable(Model::Capacity().WithCapacityUnits(c.table));
    auto arms = [](const std::map<std::string, double>& units) {
      std::map<std::string, Model::Capacity> m;
      for (const auto& kv : units) m[kv.first] = Model::Capacity().WithCapacityUnits(kv.second);
      return m;
    };
    if (!c.global.empty()) out.SetGlobalSecondaryIndexes(arms(c.global));
    if (!c.local.empty()) out.SetLocalSecondaryIndexes(arms(c.local));
  }
  return out;
}

}  // namespace detail
}  // namespace dynafake
