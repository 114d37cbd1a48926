// What a TableDescription carries besides the settings a request gave: the
// members the service fills in by itself (WarmThroughput on the table and its
// global indexes, index ARNs, counts and sizes, NumberOfDecreasesToday,
// DeletionProtectionEnabled), with the service's defaults, and which answers
// carry them (CreateTable's lacks WarmThroughput and
// LastUpdateToPayPerRequestDateTime). bench/compare --shapes checks the same
// members against moto_server; the sources are beside the code
// (components/table_lifecycle_impl.hpp).
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

class TableDescriptionTest : public ServiceTest {};

M::ProvisionedThroughput Capacity(long long read, long long write) {
  return M::ProvisionedThroughput().WithReadCapacityUnits(read).WithWriteCapacityUnits(write);
}

/// "catalog": hash "id", range "at", a global index "by_kind" and a local index "by_price".
M::CreateTableRequest CatalogTable(M::BillingMode mode) {
  M::CreateTableRequest r;
  r.WithTableName("catalog")
      .WithBillingMode(mode)
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S),
           M::AttributeDefinition().WithAttributeName("at").WithAttributeType(M::ScalarAttributeType::S),
           M::AttributeDefinition().WithAttributeName("kind").WithAttributeType(M::ScalarAttributeType::S),
           M::AttributeDefinition().WithAttributeName("price").WithAttributeType(M::ScalarAttributeType::N)})
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH),
                      M::KeySchemaElement().WithAttributeName("at").WithKeyType(M::KeyType::RANGE)});
  M::GlobalSecondaryIndex byKind;
  byKind.WithIndexName("by_kind")
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("kind").WithKeyType(M::KeyType::HASH)})
      .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL));
  if (mode == M::BillingMode::PROVISIONED) {
    r.SetProvisionedThroughput(Capacity(5, 3));
    byKind.SetProvisionedThroughput(Capacity(4, 2));
  }
  r.AddGlobalSecondaryIndexes(byKind);
  r.AddLocalSecondaryIndexes(
      M::LocalSecondaryIndex()
          .WithIndexName("by_price")
          .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH),
                          M::KeySchemaElement().WithAttributeName("price").WithKeyType(M::KeyType::RANGE)})
          .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::KEYS_ONLY)));
  return r;
}

M::TableDescription Describe(dynafake::ClientInterface& client, const std::string& name) {
  auto out = client.DescribeTable(M::DescribeTableRequest().WithTableName(name));
  EXPECT_TRUE(out.IsSuccess()) << out.GetError();
  return out.IsSuccess() ? out.GetResult().GetTable() : M::TableDescription();
}

TEST_P(TableDescriptionTest, AnOnDemandTableIsWarmFor12000ReadsAnd4000WritesPerSecond) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  const M::TableDescription d = Describe(*client, "orders");
  ASSERT_TRUE(d.WarmThroughputHasBeenSet());
  EXPECT_EQ(d.GetWarmThroughput().GetReadUnitsPerSecond(), 12000);
  EXPECT_EQ(d.GetWarmThroughput().GetWriteUnitsPerSecond(), 4000);
  EXPECT_EQ(d.GetWarmThroughput().GetStatus(), M::TableStatus::ACTIVE);
}

TEST_P(TableDescriptionTest, AProvisionedTableAndItsIndexAreWarmForTheirCapacity) {
  ASSERT_TRUE(client->CreateTable(CatalogTable(M::BillingMode::PROVISIONED)).IsSuccess());
  const M::TableDescription d = Describe(*client, "catalog");
  EXPECT_EQ(d.GetWarmThroughput().GetReadUnitsPerSecond(), 5);
  EXPECT_EQ(d.GetWarmThroughput().GetWriteUnitsPerSecond(), 3);
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 1u);
  const auto& g = d.GetGlobalSecondaryIndexes()[0];
  ASSERT_TRUE(g.WarmThroughputHasBeenSet());
  EXPECT_EQ(g.GetWarmThroughput().GetReadUnitsPerSecond(), 4);
  EXPECT_EQ(g.GetWarmThroughput().GetWriteUnitsPerSecond(), 2);
  EXPECT_EQ(g.GetWarmThroughput().GetStatus(), M::IndexStatus::ACTIVE);
}

TEST_P(TableDescriptionTest, AnOnDemandIndexIsWarmLikeAnOnDemandTable) {
  ASSERT_TRUE(client->CreateTable(CatalogTable(M::BillingMode::PAY_PER_REQUEST)).IsSuccess());
  const M::TableDescription d = Describe(*client, "catalog");
  const auto& g = d.GetGlobalSecondaryIndexes().at(0);
  EXPECT_EQ(g.GetWarmThroughput().GetReadUnitsPerSecond(), 12000);
  EXPECT_EQ(g.GetWarmThroughput().GetWriteUnitsPerSecond(), 4000);
}

TEST_P(TableDescriptionTest, CreateTablesAnswerHasNoWarmThroughputNorTimeOfTheSwitchToOnDemand) {
  auto out = client->CreateTable(CatalogTable(M::BillingMode::PAY_PER_REQUEST));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetTableDescription();
  EXPECT_FALSE(d.WarmThroughputHasBeenSet());
  EXPECT_FALSE(d.GetGlobalSecondaryIndexes().at(0).WarmThroughputHasBeenSet());
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_FALSE(d.GetBillingModeSummary().LastUpdateToPayPerRequestDateTimeHasBeenSet());
  // DescribeTable shows both
  const M::TableDescription described = Describe(*client, "catalog");
  EXPECT_TRUE(described.WarmThroughputHasBeenSet());
  EXPECT_EQ(described.GetBillingModeSummary().GetLastUpdateToPayPerRequestDateTime(), dynafake::DateTime(clock.Now()));
}

TEST_P(TableDescriptionTest, RaisingProvisionedCapacityRaisesTheWarmThroughputAndLoweringItDoesNot) {
  ASSERT_TRUE(client->CreateTable(CatalogTable(M::BillingMode::PROVISIONED)).IsSuccess());
  ASSERT_TRUE(
      client->UpdateTable(M::UpdateTableRequest().WithTableName("catalog").WithProvisionedThroughput(Capacity(9, 7)))
          .IsSuccess());
  EXPECT_EQ(Describe(*client, "catalog").GetWarmThroughput().GetReadUnitsPerSecond(), 9);
  ASSERT_TRUE(
      client->UpdateTable(M::UpdateTableRequest().WithTableName("catalog").WithProvisionedThroughput(Capacity(1, 1)))
          .IsSuccess());
  const M::TableDescription d = Describe(*client, "catalog");
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 1);
  EXPECT_EQ(d.GetWarmThroughput().GetReadUnitsPerSecond(), 9);
  EXPECT_EQ(d.GetWarmThroughput().GetWriteUnitsPerSecond(), 7);
}

TEST_P(TableDescriptionTest, ATableOnceOnDemandKeepsItsWarmThroughputWhenProvisioned) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  ASSERT_TRUE(client
                  ->UpdateTable(M::UpdateTableRequest()
                                    .WithTableName("orders")
                                    .WithBillingMode(M::BillingMode::PROVISIONED)
                                    .WithProvisionedThroughput(Capacity(5, 5)))
                  .IsSuccess());
  const M::TableDescription d = Describe(*client, "orders");
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 5);
  EXPECT_EQ(d.GetWarmThroughput().GetReadUnitsPerSecond(), 12000);
  EXPECT_EQ(d.GetWarmThroughput().GetWriteUnitsPerSecond(), 4000);
}

TEST_P(TableDescriptionTest, AProvisionedTableSwitchedToOnDemandIsWarmForTheOnDemandStart) {
  ASSERT_TRUE(client->CreateTable(CatalogTable(M::BillingMode::PROVISIONED)).IsSuccess());
  ASSERT_TRUE(client
                  ->UpdateTable(
                      M::UpdateTableRequest().WithTableName("catalog").WithBillingMode(M::BillingMode::PAY_PER_REQUEST))
                  .IsSuccess());
  const M::TableDescription d = Describe(*client, "catalog");
  EXPECT_EQ(d.GetWarmThroughput().GetReadUnitsPerSecond(), 12000);
  EXPECT_EQ(d.GetWarmThroughput().GetWriteUnitsPerSecond(), 4000);
  EXPECT_EQ(d.GetGlobalSecondaryIndexes().at(0).GetWarmThroughput().GetReadUnitsPerSecond(), 12000);
}

TEST_P(TableDescriptionTest, IndexesHaveArnsCountsAndSizes) {
  ASSERT_TRUE(client->CreateTable(CatalogTable(M::BillingMode::PAY_PER_REQUEST)).IsSuccess());
  ASSERT_TRUE(
      client
          ->PutItem(M::PutItemRequest().WithTableName("catalog").WithItem(
              {{"id", M::AttributeValue("a")}, {"at", M::AttributeValue("1")}, {"price", M::AttributeValue().SetN(3)}}))
          .IsSuccess());
  const M::TableDescription d = Describe(*client, "catalog");
  const auto& l = d.GetLocalSecondaryIndexes().at(0);
  EXPECT_EQ(l.GetIndexArn(), "arn:aws:dynamodb:us-east-1:123456789012:table/catalog/index/by_price");
  EXPECT_EQ(l.GetItemCount(), 1);
  EXPECT_GT(l.GetIndexSizeBytes(), 0);
  const auto& g = d.GetGlobalSecondaryIndexes().at(0);
  EXPECT_EQ(g.GetIndexArn(), "arn:aws:dynamodb:us-east-1:123456789012:table/catalog/index/by_kind");
  EXPECT_EQ(g.GetIndexStatus(), M::IndexStatus::ACTIVE);
  EXPECT_EQ(g.GetProvisionedThroughput().GetNumberOfDecreasesToday(), 0);
  EXPECT_EQ(g.GetProvisionedThroughput().GetReadCapacityUnits(), 0);
}

TEST_P(TableDescriptionTest, ATableWithoutIndexesHasNoIndexLists) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  const M::TableDescription d = Describe(*client, "orders");
  EXPECT_FALSE(d.GlobalSecondaryIndexesHasBeenSet());
  EXPECT_FALSE(d.LocalSecondaryIndexesHasBeenSet());
  EXPECT_TRUE(d.DeletionProtectionEnabledHasBeenSet());
  EXPECT_FALSE(d.GetDeletionProtectionEnabled());
  EXPECT_EQ(d.GetProvisionedThroughput().GetNumberOfDecreasesToday(), 0);
}

TEST_P(TableDescriptionTest, AWarmThroughputAskedForIsReportedAndAUnitLeftOutIsTheStart) {
  auto out = client->CreateTable(OrdersTable().WithWarmThroughput(M::WarmThroughput().WithReadUnitsPerSecond(15000)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetWarmThroughput().GetReadUnitsPerSecond(), 15000)
      << "asked for, so CreateTable's answer has it";
  const M::TableDescription d = Describe(*client, "orders");
  EXPECT_EQ(d.GetWarmThroughput().GetReadUnitsPerSecond(), 15000);
  EXPECT_EQ(d.GetWarmThroughput().GetWriteUnitsPerSecond(), 4000);
}

TEST_P(TableDescriptionTest, AWarmThroughputBelowTheStartIsRefused) {
  auto out = client->CreateTable(OrdersTable().WithWarmThroughput(
      M::WarmThroughput().WithReadUnitsPerSecond(12000).WithWriteUnitsPerSecond(3999)));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values were invalid: Requested WriteUnitsPerSecond for WarmThroughput for table is "
            "lower than initial throughput for OnDemand");
  EXPECT_FALSE(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).IsSuccess()) << "no table";
}

TEST_P(TableDescriptionTest, UpdateTableRaisesTheWarmThroughputButNeverLowersIt) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  ASSERT_TRUE(client
                  ->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithWarmThroughput(
                      M::WarmThroughput().WithReadUnitsPerSecond(13000).WithWriteUnitsPerSecond(5000)))
                  .IsSuccess());
  EXPECT_EQ(Describe(*client, "orders").GetWarmThroughput().GetWriteUnitsPerSecond(), 5000);
  auto lower = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithWarmThroughput(
      M::WarmThroughput().WithReadUnitsPerSecond(12000)));
  ASSERT_FALSE(lower.IsSuccess());
  EXPECT_EQ(lower.GetError().GetMessage(),
            "One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is "
            "lower than current WarmThroughput, decreasing WarmThroughput is not supported");
  EXPECT_EQ(Describe(*client, "orders").GetWarmThroughput().GetReadUnitsPerSecond(), 13000) << "unchanged";
}

DYNAFAKE_INSTANTIATE(TableDescriptionTest);

}  // namespace
}  // namespace dynafake_test
