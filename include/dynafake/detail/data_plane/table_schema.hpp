// dynafake — what the data plane needs to know of a table: its key attributes
// with their types, and each secondary index's key, kind and projection. An
// index holds an entry for every item that has all the index's key attributes
// (a sparse index skips the others); the entry is the item projected to the
// index (ALL: the whole item; KEYS_ONLY: the table's and the index's keys;
// INCLUDE: those and the listed attributes). Entries are ordered by the
// index's sort key, then by the table's key, so pages of an index Query can
// restart after any entry.
#pragma once

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/requests/key_checks.hpp"  // KeyAttribute, IndexKeyAttributes
#include "dynafake/detail/storage/history.hpp"      // Item
#include "dynafake/expression/value_ops.hpp"        // CompareOrdered
#include "dynafake/generated/enums.hpp"             // ProjectionType, ScalarAttributeType
#include "dynafake/generated/types.hpp"             // KeySchemaElement, AttributeDefinition, Projection

namespace dynafake {
namespace detail {

struct IndexDef {
  std::string name;
  bool global = false;
  KeyAttribute hash, range;
  Model::ProjectionType projection = Model::ProjectionType::ALL;
  std::vector<std::string> nonKeyAttributes;  ///< INCLUDE only
};

struct TableSchema {
  KeyAttribute hash, range;
  /// Local indexes then global ones, each in declaration order (the order the
  /// service checks index keys in reverse).
  std::vector<IndexDef> indexes;

  const IndexDef* Find(const std::string& name) const {
    for (const auto& i : indexes)
      if (i.name == name) return &i;
    return nullptr;
  }
  bool IsKey(const std::string& attribute) const {
    return attribute == hash.name || (range.Set() && attribute == range.name);
  }
  /// Whether `attribute` is a key attribute of any index (the table's own key excluded).
  const IndexDef* IndexWithKey(const std::string& attribute) const {
    for (auto it = indexes.rbegin(); it != indexes.rend(); ++it)
      if (it->hash.name == attribute || (it->range.Set() && it->range.name == attribute)) return &*it;
    return nullptr;
  }
  std::vector<IndexKeyAttributes> IndexKeys() const {
    std::vector<IndexKeyAttributes> out;
    for (const auto& i : indexes) out.push_back(IndexKeyAttributes{i.name, i.hash, i.range});
    return out;
  }

  /// Builds a schema from a key schema, the attribute definitions and the
  /// indexes' key schemas and projections.
  static KeyAttribute Attribute(const std::string& name, const std::vector<Model::AttributeDefinition>& defs) {
    KeyAttribute k;
    k.name = name;
    for (const auto& d : defs)
      if (d.GetAttributeName() == name) k.type = d.GetAttributeType();
    return k;
  }
  static void Keys(const std::vector<Model::KeySchemaElement>& schema,
                   const std::vector<Model::AttributeDefinition>& defs, KeyAttribute& hash, KeyAttribute& range) {
    for (const auto& e : schema) {
      if (e.GetKeyType() == Model::KeyType::HASH) hash = Attribute(e.GetAttributeName(), defs);
      if (e.GetKeyType() == Model::KeyType::RANGE) range = Attribute(e.GetAttributeName(), defs);
    }
  }
  template <class Index>
  void AddIndex(const Index& index, bool global, const std::vector<Model::AttributeDefinition>& defs) {
    IndexDef d;
    d.name = index.GetIndexName();
    d.global = global;
    Keys(index.GetKeySchema(), defs, d.hash, d.range);
    d.projection = index.GetProjection().GetProjectionType();
    d.nonKeyAttributes = index.GetProjection().GetNonKeyAttributes();
    indexes.push_back(std::move(d));
  }
};

/// The entry `index` holds for `item`, or nullopt when the item lacks one of
/// the index's key attributes.
inline std::optional<Item> IndexEntry(const TableSchema& table, const IndexDef& index, const Item& item) {
  if (!item.count(index.hash.name) || (index.range.Set() && !item.count(index.range.name))) return std::nullopt;
  if (index.projection == Model::ProjectionType::ALL || index.projection == Model::ProjectionType::NOT_SET) return item;
  Item out;
  auto copy = [&](const std::string& name) {
    auto it = item.find(name);
    if (it != item.end()) out.emplace(*it);
  };
  copy(table.hash.name);
  if (table.range.Set()) copy(table.range.name);
  copy(index.hash.name);
  if (index.range.Set()) copy(index.range.name);
  if (index.projection == Model::ProjectionType::INCLUDE)
    for (const auto& n : index.nonKeyAttributes) copy(n);
  return out;
}

/// The attributes an index projects (nullopt: every attribute).
inline std::optional<std::vector<std::string>> ProjectedAttributes(const TableSchema& table, const IndexDef& index) {
  if (index.projection == Model::ProjectionType::ALL || index.projection == Model::ProjectionType::NOT_SET)
    return std::nullopt;
  std::vector<std::string> out{table.hash.name};
  if (table.range.Set()) out.push_back(table.range.name);
  out.push_back(index.hash.name);
  if (index.range.Set()) out.push_back(index.range.name);
  if (index.projection == Model::ProjectionType::INCLUDE)
    out.insert(out.end(), index.nonKeyAttributes.begin(), index.nonKeyAttributes.end());
  return out;
}

/// Order of two items (or entries) within one partition of the table
/// (`index` null) or of an index: by sort key, then (for an index) by the
/// table's key. Both must carry the attributes compared.
inline int CompareInPartition(const TableSchema& table, const IndexDef* index, const Item& a, const Item& b) {
  auto compare = [&](const KeyAttribute& k) {
    return k.Set() ? expression::CompareOrdered(a.at(k.name), b.at(k.name)) : 0;
  };
  if (!index) return compare(table.range);
  int c = compare(index->range);
  if (c == 0) c = compare(table.hash);
  if (c == 0) c = compare(table.range);
  return c;
}

/// The key of an item as LastEvaluatedKey reports it: the table's key
/// attributes, and for an index also the index's.
inline Item PageKey(const TableSchema& table, const IndexDef* index, const Item& item) {
  Item key;
  auto copy = [&](const KeyAttribute& k) {
    if (!k.Set()) return;
    auto it = item.find(k.name);
    if (it != item.end()) key.emplace(*it);
  };
  copy(table.hash);
  copy(table.range);
  if (index) {
    copy(index->hash);
    copy(index->range);
  }
  return key;
}

}  // namespace detail
}  // namespace dynafake
