// dynafake/testing.hpp's table builders: the requests they build, and the
// Service accepting them.
#include <stdexcept>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dynafake/testing.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::testing::HashKeyTable;
using dynafake::testing::HashRangeTable;
using dynafake::testing::Key;
using dynafake::testing::Sandbox;
using dynafake::testing::WithGlobalIndex;
using dynafake::testing::WithLocalIndex;
using ::testing::HasSubstr;

MATCHER_P2(IsKey, name, type, "") { return arg.GetAttributeName() == name && arg.GetKeyType() == type; }
MATCHER_P2(IsAttribute, name, type, "") { return arg.GetAttributeName() == name && arg.GetAttributeType() == type; }

TEST(Tables, HashKeyTableIsAStringIdOnDemand) {
  const M::CreateTableRequest table = HashKeyTable("orders");
  EXPECT_EQ(table.GetTableName(), "orders");
  EXPECT_THAT(table.GetKeySchema(), ::testing::ElementsAre(IsKey("id", M::KeyType::HASH)));
  EXPECT_THAT(table.GetAttributeDefinitions(), ::testing::ElementsAre(IsAttribute("id", M::ScalarAttributeType::S)));
  EXPECT_EQ(table.GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_FALSE(table.GlobalSecondaryIndexesHasBeenSet());
}

TEST(Tables, KeysCanBeNamedAndTyped) {
  const auto table = HashRangeTable("events", "device", {"at", M::ScalarAttributeType::N});
  EXPECT_THAT(table.GetKeySchema(),
              ::testing::ElementsAre(IsKey("device", M::KeyType::HASH), IsKey("at", M::KeyType::RANGE)));
  EXPECT_THAT(table.GetAttributeDefinitions(), ::testing::ElementsAre(IsAttribute("device", M::ScalarAttributeType::S),
                                                                      IsAttribute("at", M::ScalarAttributeType::N)));
  EXPECT_THAT(HashRangeTable("t").GetKeySchema(),
              ::testing::ElementsAre(IsKey("pk", M::KeyType::HASH), IsKey("sk", M::KeyType::RANGE)));
  EXPECT_THAT(HashKeyTable("t", Key("n", M::ScalarAttributeType::B)).GetAttributeDefinitions(),
              ::testing::ElementsAre(IsAttribute("n", M::ScalarAttributeType::B)));
}

TEST(Tables, IndexesAddTheirKeysOnce) {
  const auto table = WithLocalIndex(
      WithGlobalIndex(WithGlobalIndex(HashRangeTable("orders"), "by-customer", "customer", Key("placed")), "by-sk",
                      "sk"),
      "by-total", {"total", M::ScalarAttributeType::N});
  ASSERT_EQ(table.GetGlobalSecondaryIndexes().size(), 2u);
  const auto& gsi = table.GetGlobalSecondaryIndexes()[0];
  EXPECT_EQ(gsi.GetIndexName(), "by-customer");
  EXPECT_THAT(gsi.GetKeySchema(),
              ::testing::ElementsAre(IsKey("customer", M::KeyType::HASH), IsKey("placed", M::KeyType::RANGE)));
  EXPECT_EQ(gsi.GetProjection().GetProjectionType(), M::ProjectionType::ALL);
  EXPECT_THAT(table.GetGlobalSecondaryIndexes()[1].GetKeySchema(),
              ::testing::ElementsAre(IsKey("sk", M::KeyType::HASH)));
  ASSERT_EQ(table.GetLocalSecondaryIndexes().size(), 1u);
  EXPECT_THAT(table.GetLocalSecondaryIndexes()[0].GetKeySchema(),
              ::testing::ElementsAre(IsKey("pk", M::KeyType::HASH), IsKey("total", M::KeyType::RANGE)));
  EXPECT_THAT(table.GetAttributeDefinitions(),
              ::testing::ElementsAre(
                  IsAttribute("pk", M::ScalarAttributeType::S), IsAttribute("sk", M::ScalarAttributeType::S),
                  IsAttribute("customer", M::ScalarAttributeType::S), IsAttribute("placed", M::ScalarAttributeType::S),
                  IsAttribute("total", M::ScalarAttributeType::N)));
}

TEST(Tables, TheServiceAcceptsEveryBuilder) {
  Sandbox fake(dynafake::ServiceOptions::Instant());
  fake.CreateActiveTable(HashKeyTable("plain"));
  fake.CreateActiveTable(HashRangeTable("events", "device", {"at", M::ScalarAttributeType::N}));
  const auto indexed = fake.CreateActiveTable(
      WithLocalIndex(WithGlobalIndex(HashRangeTable("orders"), "by-customer", "customer"), "by-total", "total"));
  ASSERT_EQ(indexed.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(indexed.GetGlobalSecondaryIndexes()[0].GetIndexName(), "by-customer");
  EXPECT_EQ(indexed.GetGlobalSecondaryIndexes()[0].GetIndexStatus(), M::IndexStatus::ACTIVE);
  ASSERT_EQ(indexed.GetLocalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(indexed.GetLocalSecondaryIndexes()[0].GetIndexName(), "by-total");
}

TEST(Tables, MistakesInTheTestAreReportedAtOnce) {
  try {
    WithGlobalIndex(HashKeyTable("orders"), "by-id", {"id", M::ScalarAttributeType::N});
    FAIL() << "a second type for \"id\" should have thrown";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "dynafake::testing: attribute \"id\" of table \"orders\" is already defined as S");
  }
  EXPECT_THROW(WithLocalIndex(M::CreateTableRequest().WithTableName("bare"), "by-x", "x"), std::invalid_argument);
}

}  // namespace
