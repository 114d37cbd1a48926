// dynafake — what Query and Scan share once the table is known: the index
// they read and its rules (no consistent reads on a global index; Select and
// projections within what a global index projects; filters within what any
// index projects; no path into a key attribute), the ExclusiveStartKey's
// shape, and what a page returns (Items, Count, ScannedCount,
// LastEvaluatedKey, ConsumedCapacity). Messages as the service gives them
// (DynamoDB Local QueryFunction, PaginatingFunction and ReadDataPlaneFunction;
// architect/dynalite actions/query.js and scan.js).
#pragma once

#include <algorithm>  // std::find, std::sort
#include <optional>   // std::optional
#include <string>     // std::string
#include <vector>     // std::vector

#include "dynafake/detail/data_plane/capacity.hpp"     // Consumed, ReadUnits, Report
#include "dynafake/detail/data_plane/data_table.hpp"   // DataTable, Invalid
#include "dynafake/detail/data_plane/page_reader.hpp"  // Page
#include "dynafake/detail/messages.hpp"                // msg::
#include "dynafake/detail/requests/key_checks.hpp"     // CheckKeyArgument, keys::
#include "dynafake/detail/requests/plan_support.hpp"   // NestedKeyAccess, Paths, TopLevelNames
#include "dynafake/detail/requests/read_plans.hpp"     // ReadPlan

namespace dynafake {
namespace detail {
namespace reads {

inline std::string JavaList(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return "[" + out + "]";
}

/// The index a request names (nullptr: the table), or the service's message.
template <class Request>
std::string FindIndex(const DataTable& t, const Request& r, const IndexDef*& index) {
  index = nullptr;
  if (!r.IndexNameHasBeenSet()) return {};
  index = t.schema.Find(r.GetIndexName());
  if (!index) return msg::TableHasNoSuchIndex(r.GetIndexName());
  if (index->global && r.ConsistentReadHasBeenSet() && r.GetConsistentRead())
    return msg::NoConsistentReadsOnGlobalIndexes();
  return {};
}

/// The rules a read on `index` must follow given its projection.
inline std::string CheckIndexRules(const DataTable& t, const IndexDef* index, const ReadPlan& plan) {
  std::vector<const expression::DocPath*> paths;
  if (plan.projection)
    for (const auto& p : plan.projection->paths) paths.push_back(&p);
  if (plan.filter) plans::Paths(plan.filter->root, paths);
  std::string e = plans::NestedKeyAccess(t.schema, paths);
  if (!e.empty() || !index) return e;
  const auto projected = ProjectedAttributes(t.schema, *index);
  if (!projected) return {};
  auto missing = [&](const std::vector<std::string>& wanted) {
    std::vector<std::string> out;
    for (const auto& w : wanted)
      if (std::find(projected->begin(), projected->end(), w) == projected->end() &&
          std::find(out.begin(), out.end(), w) == out.end())
        out.push_back(w);
    return out;
  };
  if (index->global && plan.select == Model::Select::ALL_ATTRIBUTES)
    return msg::SelectAllOnPartialGlobalIndex(index->name);
  if (plan.filter) {
    const auto names = plans::TopLevelNames(plan.filter->root);
    auto absent = missing(std::vector<std::string>(names.begin(), names.end()));
    if (!absent.empty()) return msg::IndexDoesNotProjectFilter(index->name, JavaList(absent));
  }
  if (index->global && plan.projection) {
    std::vector<std::string> top;
    for (const auto& p : plan.projection->paths) top.push_back(p.elements[0].name);
    auto absent = missing(top);
    if (!absent.empty()) return msg::GlobalIndexDoesNotProject(index->name, JavaList(absent));
  }
  return {};
}

/// An ExclusiveStartKey has the table's key attributes and, on an index, the
/// index's, each of its declared type.
inline std::string CheckStartKey(const DataTable& t, const IndexDef* index, const Item& start) {
  std::vector<const KeyAttribute*> keys{&t.schema.hash};
  if (t.schema.range.Set()) keys.push_back(&t.schema.range);
  if (index) {
    for (const KeyAttribute* k : {&index->hash, &index->range})
      if (k->Set() && std::find_if(keys.begin(), keys.end(),
                                   [&](const KeyAttribute* x) { return x->name == k->name; }) == keys.end())
        keys.push_back(k);
  }
  if (start.size() != keys.size()) return msg::StartKeyInvalid();
  for (const KeyAttribute* k : keys) {
    auto it = start.find(k->name);
    if (it == start.end()) return msg::StartKeyInvalid();
    if (!keys::OfType(it->second, k->type)) return msg::KeyDoesNotMatchSchema();
  }
  Item tableKey;
  for (std::size_t i = 0; i < (t.schema.range.Set() ? 2u : 1u); ++i) tableKey.emplace(*start.find(keys[i]->name));
  std::string e = CheckKeyArgument(t.schema.hash, t.schema.range, tableKey);
  return e.empty() ? e : msg::StartKeyInvalid(e);
}

/// What a page of a Query or Scan returns. `entries` read from `index` are
/// already projected; `full` finds an entry's whole item (for reads of a local
/// index that ask for attributes it does not project).
template <class Result>
std::optional<DynamoDBError> FillPage(Result& out, const Page& page, const DataTable& t, const IndexDef* index,
                                      const ReadPlan& plan, bool consistent, Model::ReturnConsumedCapacity mode,
                                      const std::function<const Item*(const Item&)>& full, bool pageKeys) {
  out.SetCount(static_cast<int>(page.kept.size()));
  out.SetScannedCount(static_cast<int>(page.scanned));
  Consumed c;
  const double units = ReadUnits(page.bytes, consistent);
  if (index)
    c.Charge(*index, units);
  else
    c.table = units;
  if (plan.select != Model::Select::COUNT) {
    // A local index fetches attributes it does not project from the table, and charges the table for it.
    bool fetch = false;
    if (index && !index->global) {
      if (auto projected = ProjectedAttributes(t.schema, *index)) {
        fetch = plan.select == Model::Select::ALL_ATTRIBUTES;
        if (plan.select == Model::Select::SPECIFIC_ATTRIBUTES && plan.projection)
          for (const auto& p : plan.projection->paths)
            if (std::find(projected->begin(), projected->end(), p.elements[0].name) == projected->end()) fetch = true;
      }
    }
    std::vector<Item> items;
    int64_t fetched = 0;
    for (const Item* entry : page.kept) {
      const Item* source = entry;
      if (fetch) {
        if (const Item* whole = full(*entry)) {
          source = whole;
          fetched += ItemBytes(*whole);
        }
      }
      items.push_back(plan.projection ? plan.projection->Apply(*source) : *source);
    }
    if (fetch && !page.kept.empty()) c.table += ReadUnits(fetched, consistent);
    out.SetItems(items);
  }
  if (auto throttled = t.Charge(c, false)) return throttled;  // the page is read, then charged whole
  if (page.last && pageKeys) out.SetLastEvaluatedKey(PageKey(t.schema, index, *page.last));
  if (auto report = Report(mode, t.name, c)) out.SetConsumedCapacity(*report);
  return std::nullopt;
}

}  // namespace reads
}  // namespace detail
}  // namespace dynafake
