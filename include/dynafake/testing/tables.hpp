// dynafake — short builders for the tables tests create most: a hash key, a
// hash and range key, and secondary indexes on them. Each returns (or takes)
// a plain Model::CreateTableRequest, on-demand billing, so anything else can
// still be set with the SDK-shaped With...() calls.
//
//   client.CreateTable(HashKeyTable("orders"));                          // id (S)
//   client.CreateTable(HashRangeTable("events", "device", {"at", N}));  // device (S), at (N)
//   client.CreateTable(WithGlobalIndex(HashKeyTable("orders"), "by-customer", "customer"));
//
// Part of dynafake/testing.hpp (namespace dynafake::testing).
#pragma once

#include <optional>   // std::optional
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string
#include <utility>    // std::move

#include "dynafake/generated/requests.hpp"  // Model::CreateTableRequest and its parts

namespace dynafake {
namespace testing {

/// A key attribute: a name and a scalar type, S unless given
/// (`"id"`, `{"at", Model::ScalarAttributeType::N}`).
struct Key {
  Key(const char* attribute) : name(attribute) {}  // NOLINT: implicit, so a name is a Key
  Key(std::string attribute, Model::ScalarAttributeType attributeType = Model::ScalarAttributeType::S)  // NOLINT
      : name(std::move(attribute)), type(attributeType) {}

  std::string name;
  Model::ScalarAttributeType type = Model::ScalarAttributeType::S;
};

}  // namespace testing

namespace detail {
inline Model::KeySchemaElement KeyElement(const testing::Key& key, Model::KeyType keyType) {
  return Model::KeySchemaElement().WithAttributeName(key.name).WithKeyType(keyType);
}
/// Adds `key`'s attribute definition unless the table already defines it; a
/// definition of another type is a mistake in the test.
inline void DefineAttribute(Model::CreateTableRequest& table, const testing::Key& key) {
  for (const auto& d : table.GetAttributeDefinitions()) {
    if (d.GetAttributeName() != key.name) continue;
    if (d.GetAttributeType() != key.type)
      throw std::invalid_argument(
          "dynafake::testing: attribute \"" + key.name + "\" of table \"" + table.GetTableName() +
          "\" is already defined as " +
          Model::ScalarAttributeTypeMapper::GetNameForScalarAttributeType(d.GetAttributeType()));
    return;
  }
  table.AddAttributeDefinitions(Model::AttributeDefinition().WithAttributeName(key.name).WithAttributeType(key.type));
}
inline Model::Projection ProjectAll() { return Model::Projection().WithProjectionType(Model::ProjectionType::ALL); }
}  // namespace detail

namespace testing {

/// A table with a hash key only (default `id`, a string), on-demand billing.
inline Model::CreateTableRequest HashKeyTable(std::string name, Key hash = "id") {
  Model::CreateTableRequest table;
  table.WithTableName(std::move(name))
      .WithKeySchema({detail::KeyElement(hash, Model::KeyType::HASH)})
      .WithBillingMode(Model::BillingMode::PAY_PER_REQUEST);
  detail::DefineAttribute(table, hash);
  return table;
}

/// A table with a hash and a range key (default `pk` and `sk`, strings), on-demand billing.
inline Model::CreateTableRequest HashRangeTable(std::string name, Key hash = "pk", Key range = "sk") {
  Model::CreateTableRequest table = HashKeyTable(std::move(name), hash);
  table.SetKeySchema(
      {detail::KeyElement(hash, Model::KeyType::HASH), detail::KeyElement(range, Model::KeyType::RANGE)});
  detail::DefineAttribute(table, range);
  return table;
}

/// `table` with one more global secondary index (projection ALL) on `hash` and,
/// if given, `range`; their attribute definitions are added.
inline Model::CreateTableRequest WithGlobalIndex(Model::CreateTableRequest table, std::string index, Key hash,
                                                 std::optional<Key> range = std::nullopt) {
  auto gsi = Model::GlobalSecondaryIndex().WithIndexName(std::move(index)).WithProjection(detail::ProjectAll());
  gsi.AddKeySchema(detail::KeyElement(hash, Model::KeyType::HASH));
  detail::DefineAttribute(table, hash);
  if (range) {
    gsi.AddKeySchema(detail::KeyElement(*range, Model::KeyType::RANGE));
    detail::DefineAttribute(table, *range);
  }
  table.AddGlobalSecondaryIndexes(std::move(gsi));
  return table;
}

/// `table` with one more local secondary index (projection ALL): the table's
/// hash key with `range` as its range key.
inline Model::CreateTableRequest WithLocalIndex(Model::CreateTableRequest table, std::string index, Key range) {
  const Model::KeySchemaElement* hash = nullptr;
  for (const auto& k : table.GetKeySchema())
    if (k.GetKeyType() == Model::KeyType::HASH) hash = &k;
  if (!hash)
    throw std::invalid_argument("dynafake::testing::WithLocalIndex: table \"" + table.GetTableName() +
                                "\" has no hash key to share with index \"" + index + "\"");
  auto lsi = Model::LocalSecondaryIndex()
                 .WithIndexName(std::move(index))
                 .WithKeySchema({*hash, detail::KeyElement(range, Model::KeyType::RANGE)})
                 .WithProjection(detail::ProjectAll());
  detail::DefineAttribute(table, range);
  table.AddLocalSecondaryIndexes(std::move(lsi));
  return table;
}

}  // namespace testing
}  // namespace dynafake
