// dynafake — the service's checks of key attributes: a Key argument must name
// exactly the table's key attributes with their declared types; an item must
// carry them; key values may not be empty and must fit 2048 bytes (partition
// key) and 1024 bytes (sort key); an item's secondary index key attributes,
// where present, must have the types the table declares for them. Message
// texts are the service's (dynalite's tests; nubo-db/dynamodb-conformance
// putItem, updateItem and transactWriteItems tests).
#pragma once

#include <string>  // std::string
#include <vector>  // std::vector

#include "dynafake/detail/messages.hpp"         // msg::
#include "dynafake/expression/value_types.hpp"  // TypeOf, TypeSymbol, types
#include "dynafake/generated/enums.hpp"         // ScalarAttributeType
#include "dynafake/limits.hpp"                  // the documented limits
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace detail {

/// One key attribute of a table or index: its name and declared type.
struct KeyAttribute {
  std::string name;
  Model::ScalarAttributeType type = Model::ScalarAttributeType::NOT_SET;
  bool Set() const { return !name.empty(); }
};

/// A secondary index's key attributes.
struct IndexKeyAttributes {
  std::string index;
  KeyAttribute hash, range;  ///< an LSI's hash is the table's
};

namespace keys {
inline const char* Letter(Model::ScalarAttributeType t) {
  switch (t) {
    case Model::ScalarAttributeType::S:
      return "S";
    case Model::ScalarAttributeType::N:
      return "N";
    case Model::ScalarAttributeType::B:
      return "B";
    default:
      return "";
  }
}
inline bool OfType(const Model::AttributeValue& v, Model::ScalarAttributeType t) {
  return expression::TypeSymbol(expression::TypeOf(v)) == std::string(Letter(t));
}
inline bool Empty(const Model::AttributeValue& v) {
  const auto t = expression::TypeOf(v);
  return (t == expression::types::S && v.GetS().empty()) || (t == expression::types::B && v.GetB().GetLength() == 0);
}
inline const char* EmptyKind(const Model::AttributeValue& v) {
  return expression::TypeOf(v) == expression::types::S ? "string" : "binary";
}
inline std::size_t Bytes(const Model::AttributeValue& v) {
  const auto t = expression::TypeOf(v);
  return t == expression::types::S ? v.GetS().size() : t == expression::types::B ? v.GetB().GetLength() : 0;
}
// Empty value, then size; "" when the value is a usable key part.
inline std::string Value(const KeyAttribute& k, const Model::AttributeValue& v, bool isHash) {
  if (Empty(v)) return msg::EmptyKeyValue(EmptyKind(v), k.name);
  if (isHash && Bytes(v) > limits::kMaxPartitionKeyBytes) return msg::PartitionKeyTooLarge();
  if (!isHash && Bytes(v) > limits::kMaxSortKeyBytes) return msg::SortKeyTooLarge();
  return {};
}
}  // namespace keys

/// A Key argument (GetItem, DeleteItem, UpdateItem, BatchGetItem): exactly
/// the table's key attributes, of their types.
template <class ItemMap>
std::string CheckKeyArgument(const KeyAttribute& hash, const KeyAttribute& range, const ItemMap& key) {
  const std::string mismatch = msg::KeyDoesNotMatchSchema();
  if (key.size() != (range.Set() ? 2u : 1u)) return mismatch;
  for (const KeyAttribute* k : {&hash, &range}) {
    if (!k->Set()) continue;
    auto it = key.find(k->name);
    if (it == key.end() || !keys::OfType(it->second, k->type)) return mismatch;
    std::string e = keys::Value(*k, it->second, k == &hash);
    if (!e.empty()) return e;
  }
  return {};
}

/// The index key attributes an item carries, each of its declared type and
/// not empty (indexes in the service's order of checking: last declared first).
template <class ItemMap>
std::string CheckIndexKeys(const std::vector<IndexKeyAttributes>& indexes, const ItemMap& item) {
  for (auto idx = indexes.rbegin(); idx != indexes.rend(); ++idx) {
    for (const KeyAttribute* k : {&idx->hash, &idx->range}) {
      if (!k->Set()) continue;
      auto it = item.find(k->name);
      if (it == item.end()) continue;
      if (!keys::OfType(it->second, k->type))
        return msg::IndexKeyTypeMismatch(k->name, keys::Letter(k->type),
                                         expression::TypeSymbol(expression::TypeOf(it->second)), idx->index);
      if (keys::Empty(it->second)) return msg::EmptyIndexKeyValue(keys::EmptyKind(it->second), idx->index, k->name);
    }
  }
  return {};
}

/// An item to write (PutItem, BatchWriteItem, the result of UpdateItem): the
/// table's key attributes present and valid, and every index key attribute the
/// item has of the type the table declares.
template <class ItemMap>
std::string CheckItemKeys(const KeyAttribute& hash, const KeyAttribute& range,
                          const std::vector<IndexKeyAttributes>& indexes, const ItemMap& item) {
  for (const KeyAttribute* k : {&hash, &range}) {
    if (!k->Set()) continue;
    auto it = item.find(k->name);
    if (it == item.end()) return msg::MissingKey(k->name);
    if (!keys::OfType(it->second, k->type))
      return msg::KeyTypeMismatch(k->name, keys::Letter(k->type),
                                  expression::TypeSymbol(expression::TypeOf(it->second)));
    std::string e = keys::Value(*k, it->second, k == &hash);
    if (!e.empty()) return e;
  }
  return CheckIndexKeys(indexes, item);
}

}  // namespace detail
}  // namespace dynafake
