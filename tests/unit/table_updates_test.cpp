// UpdateTable: billing and capacity changes, global secondary indexes created
// and deleted, UPDATING on the clock, and the error each conflict produces.
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

class TableUpdatesTest : public ServiceTest {};
class TableUpdatesRealisticTest : public RealisticServiceTest {};

M::TableDescription TableNow(const dynafake::ClientInterface& client, const std::string& name = "orders") {
  auto out = client.DescribeTable(M::DescribeTableRequest().WithTableName(name));
  EXPECT_TRUE(out.IsSuccess()) << out.GetError();
  return out.IsSuccess() ? out.GetResult().GetTable() : M::TableDescription();
}

M::UpdateTableRequest SwitchToProvisioned(const std::string& name = "orders") {
  return M::UpdateTableRequest()
      .WithTableName(name)
      .WithBillingMode(M::BillingMode::PROVISIONED)
      .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5));
}

M::UpdateTableRequest AddStatusIndex(const std::string& name = "orders") {
  return M::UpdateTableRequest()
      .WithTableName(name)
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("status").WithAttributeType(M::ScalarAttributeType::S)})
      .WithGlobalSecondaryIndexUpdates({M::GlobalSecondaryIndexUpdate().WithCreate(
          M::CreateGlobalSecondaryIndexAction()
              .WithIndexName("by-status")
              .WithKeySchema({M::KeySchemaElement().WithAttributeName("status").WithKeyType(M::KeyType::HASH)})
              .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL)))});
}

// ---------------------------------------------------------------- UpdateTable

TEST_P(TableUpdatesRealisticTest, UpdateTableIsUpdatingThenActive) {
  CreateActiveTable();
  auto out = client->UpdateTable(SwitchToProvisioned());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::UPDATING);
  clock.Advance(service.Options().durations.tableUpdate - 1ms);
  EXPECT_EQ(TableNow(*client).GetTableStatus(), M::TableStatus::UPDATING);
  clock.Advance(1ms);
  const auto d = TableNow(*client);
  EXPECT_EQ(d.GetTableStatus(), M::TableStatus::ACTIVE);
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PROVISIONED);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 5);
}

TEST_P(TableUpdatesTest, UpdateTableAnswersUpdatingEvenWhenTheUpdateIsInstant) {
  CreateActiveTable();
  auto out = client->UpdateTable(SwitchToProvisioned());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::UPDATING);
  EXPECT_EQ(TableNow(*client).GetTableStatus(), M::TableStatus::ACTIVE);
}

TEST_P(TableUpdatesRealisticTest, SecondUpdateWhileUpdatingIsResourceInUse) {
  CreateActiveTable();
  ASSERT_TRUE(client->UpdateTable(SwitchToProvisioned()).IsSuccess());
  auto out = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithProvisionedThroughput(
      M::ProvisionedThroughput().WithReadCapacityUnits(9).WithWriteCapacityUnits(9)));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(),
            "Attempt to change a resource which is still in use: Table is being updated: orders");
}

TEST_P(TableUpdatesRealisticTest, UpdateTableWhileCreatingIsResourceInUse) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  auto out = client->UpdateTable(SwitchToProvisioned());
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(),
            "Attempt to change a resource which is still in use: Table is being created: orders");
}

TEST_P(TableUpdatesTest, UpdateTableWithNothingToUpdateIsRefused) {
  CreateActiveTable();
  auto out = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or "
            "SSESpecification or ReplicaUpdates is required");
}

// The service checks the request before it reads state: a request that cannot
// be right is a ValidationException whether or not the table exists.
TEST_P(TableUpdatesTest, UpdateTableReportsTheRequestsOwnErrorsBeforeAnUnknownTable) {
  auto nothing = client->UpdateTable(M::UpdateTableRequest().WithTableName("missing"));
  EXPECT_EQ(nothing.GetError().GetErrorType(), DynamoDBErrors::VALIDATION) << nothing.GetError();
  auto zero = client->UpdateTable(M::UpdateTableRequest().WithTableName("missing").WithProvisionedThroughput(
      M::ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(5)));
  EXPECT_EQ(zero.GetError().GetMessage(),
            "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy "
            "constraint: Member must have value greater than or equal to 1");
  auto both = client->UpdateTable(
      M::UpdateTableRequest()
          .WithTableName("missing")
          .WithBillingMode(M::BillingMode::PAY_PER_REQUEST)
          .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5)));
  EXPECT_EQ(both.GetError().GetErrorType(), DynamoDBErrors::VALIDATION) << both.GetError();
  auto empty = client->UpdateTable(M::UpdateTableRequest().WithTableName("missing").WithGlobalSecondaryIndexUpdates(
      {M::GlobalSecondaryIndexUpdate()}));
  // aws-sdk-cpp does not send an update with no action (the list goes out empty), and
  // an empty list is no update at all
  EXPECT_EQ(
      empty.GetError().GetMessage(),
      GetParam().name == "AwsSdk"
          ? "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates "
            "or SSESpecification or ReplicaUpdates is required"
          : "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, "
            "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
  auto two = client->UpdateTable(M::UpdateTableRequest().WithTableName("missing").WithGlobalSecondaryIndexUpdates(
      {M::GlobalSecondaryIndexUpdate()
           .WithDelete(M::DeleteGlobalSecondaryIndexAction().WithIndexName("a-index"))
           .WithUpdate(M::UpdateGlobalSecondaryIndexAction().WithIndexName("a-index").WithProvisionedThroughput(
               M::ProvisionedThroughput().WithReadCapacityUnits(1).WithWriteCapacityUnits(1)))}));
  EXPECT_EQ(two.GetError().GetMessage(),
            "One or more parameter values were invalid: Only one global secondary index action is allowed per "
            "GlobalSecondaryIndexUpdate object");
  auto untyped = AddStatusIndex("missing");
  auto updates = untyped.GetGlobalSecondaryIndexUpdates();
  auto create = updates[0].GetCreate();
  create.SetProjection(M::Projection());
  updates[0].SetCreate(create);
  untyped.SetGlobalSecondaryIndexUpdates(updates);
  EXPECT_EQ(client->UpdateTable(untyped).GetError().GetMessage(),
            "One or more parameter values were invalid: Unknown ProjectionType: null");
}

// While UPDATING the service still shows the old throughput, with the time of
// the change; the new values arrive when the update ends (architect/dynalite
// test/updateTable.js, run against the service).
TEST_P(TableUpdatesRealisticTest, UpdateTableShowsTheOldThroughputUntilTheUpdateEnds) {
  CreateActiveTable();
  ASSERT_TRUE(client->UpdateTable(SwitchToProvisioned()).IsSuccess());
  clock.Advance(service.Options().durations.tableUpdate);
  ASSERT_EQ(TableNow(*client).GetProvisionedThroughput().GetReadCapacityUnits(), 5);
  auto out = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithProvisionedThroughput(
      M::ProvisionedThroughput().WithReadCapacityUnits(10).WithWriteCapacityUnits(5)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& answered = out.GetResult().GetTableDescription();
  EXPECT_EQ(answered.GetTableStatus(), M::TableStatus::UPDATING);
  EXPECT_EQ(answered.GetProvisionedThroughput().GetReadCapacityUnits(), 5);
  EXPECT_EQ(answered.GetProvisionedThroughput().GetWriteCapacityUnits(), 5);
  EXPECT_TRUE(answered.GetProvisionedThroughput().LastIncreaseDateTimeHasBeenSet());
  EXPECT_EQ(TableNow(*client).GetProvisionedThroughput().GetReadCapacityUnits(), 5) << "still updating";
  clock.Advance(service.Options().durations.tableUpdate);
  auto d = TableNow(*client);
  EXPECT_EQ(d.GetTableStatus(), M::TableStatus::ACTIVE);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 10);
  EXPECT_EQ(d.GetProvisionedThroughput().GetNumberOfDecreasesToday(), 0);
  ASSERT_TRUE(client
                  ->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithProvisionedThroughput(
                      M::ProvisionedThroughput().WithReadCapacityUnits(2).WithWriteCapacityUnits(5)))
                  .IsSuccess());
  EXPECT_EQ(TableNow(*client).GetProvisionedThroughput().GetReadCapacityUnits(), 10) << "still updating";
  clock.Advance(service.Options().durations.tableUpdate);
  d = TableNow(*client);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 2);
  EXPECT_EQ(d.GetProvisionedThroughput().GetNumberOfDecreasesToday(), 1);
  EXPECT_TRUE(d.GetProvisionedThroughput().LastDecreaseDateTimeHasBeenSet());
}

// DeleteTable's answer leaves the global secondary indexes out (architect/dynalite
// test/deleteTable.js, run against the service).
TEST_P(TableUpdatesTest, DeleteTableAnswersWithoutTheGlobalSecondaryIndexes) {
  CreateActiveTable();
  ASSERT_TRUE(client->UpdateTable(AddStatusIndex()).IsSuccess());
  ASSERT_EQ(TableNow(*client).GetGlobalSecondaryIndexes().size(), 1u);
  auto out = client->DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::DELETING);
  EXPECT_FALSE(out.GetResult().GetTableDescription().GlobalSecondaryIndexesHasBeenSet());
}

TEST_P(TableUpdatesTest, UpdateTableOfAnUnknownTableIsResourceNotFound) {
  auto out = client->UpdateTable(SwitchToProvisioned("missing"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetMessage(), "Requested resource not found: Table: missing not found");
}

TEST_P(TableUpdatesRealisticTest, CreatedGlobalSecondaryIndexBackfillsThenIsActive) {
  CreateActiveTable();
  auto out = client->UpdateTable(AddStatusIndex());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  auto d = TableNow(*client);
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexName(), "by-status");
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexStatus(), M::IndexStatus::CREATING);
  EXPECT_TRUE(d.GetGlobalSecondaryIndexes()[0].GetBackfilling());
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexArn(), service.TableArn("orders") + "/index/by-status");
  clock.Advance(service.Options().durations.tableUpdate);
  d = TableNow(*client);
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexStatus(), M::IndexStatus::ACTIVE);
  EXPECT_FALSE(d.GetGlobalSecondaryIndexes()[0].GetBackfilling());
}

TEST_P(TableUpdatesRealisticTest, DeletedGlobalSecondaryIndexIsDeletingThenGone) {
  CreateActiveTable();
  ASSERT_TRUE(client->UpdateTable(AddStatusIndex()).IsSuccess());
  clock.Advance(service.Options().durations.tableUpdate);
  auto out = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithGlobalSecondaryIndexUpdates(
      {M::GlobalSecondaryIndexUpdate().WithDelete(M::DeleteGlobalSecondaryIndexAction().WithIndexName("by-status"))}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  auto d = TableNow(*client);
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexStatus(), M::IndexStatus::DELETING);
  clock.Advance(service.Options().durations.tableUpdate);
  EXPECT_TRUE(TableNow(*client).GetGlobalSecondaryIndexes().empty());
}

TEST_P(TableUpdatesTest, DeletingAnUnknownIndexIsResourceNotFound) {
  CreateActiveTable();
  auto out = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithGlobalSecondaryIndexUpdates(
      {M::GlobalSecondaryIndexUpdate().WithDelete(M::DeleteGlobalSecondaryIndexAction().WithIndexName("nope"))}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetMessage(), "Requested resource not found: Index: nope not found");
}

TEST_P(TableUpdatesTest, FailedUpdateTableLeavesTheTableAsItWas) {
  CreateActiveTable();
  const auto before = TableNow(*client);
  // a valid index creation, then a deletion of an index that does not exist: nothing is applied
  auto request = AddStatusIndex();
  request.AddGlobalSecondaryIndexUpdates(
      M::GlobalSecondaryIndexUpdate().WithDelete(M::DeleteGlobalSecondaryIndexAction().WithIndexName("nope")));
  ASSERT_FALSE(client->UpdateTable(request).IsSuccess());
  EXPECT_EQ(TableNow(*client), before);
}

DYNAFAKE_INSTANTIATE(TableUpdatesTest);
DYNAFAKE_INSTANTIATE(TableUpdatesRealisticTest);

}  // namespace
}  // namespace dynafake_test
