// Tables: CreateTable, DescribeTable, DeleteTable, ListTables and tags — what
// each returns, how the table's status moves on the clock, and the error each
// state conflict produces. UpdateTable: table_updates_test.cpp.
#include "fixtures.hpp"

#include <regex>

namespace dynafake_test {
namespace {

class TablesTest : public ServiceTest {};
class TablesRealisticTest : public RealisticServiceTest {};

/// Realistic durations, with at most one table in transition at a time.
class TablesOneTransitionTest : public ServiceTest {
 protected:
  static dynafake::ServiceOptions Options() {
    dynafake::ServiceOptions o;
    o.limits.tablesInTransition = 1;
    return o;
  }
  TablesOneTransitionTest() : ServiceTest(Options()) {}
};

M::TableDescription Describe(const dynafake::ClientInterface& client, const std::string& name = "orders") {
  auto out = client.DescribeTable(M::DescribeTableRequest().WithTableName(name));
  EXPECT_TRUE(out.IsSuccess()) << out.GetError();
  return out.IsSuccess() ? out.GetResult().GetTable() : M::TableDescription();
}

// ---------------------------------------------------------------- CreateTable

TEST_P(TablesTest, CreateTableDescribesTheNewTable) {
  auto out = client->CreateTable(OrdersTable());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetTableDescription();
  EXPECT_EQ(d.GetTableName(), "orders");
  EXPECT_EQ(d.GetTableArn(), "arn:aws:dynamodb:us-east-1:123456789012:table/orders");
  EXPECT_TRUE(
      std::regex_match(d.GetTableId(), std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")))
      << d.GetTableId();
  EXPECT_EQ(d.GetKeySchema(), OrdersTable().GetKeySchema());
  EXPECT_EQ(d.GetAttributeDefinitions(), OrdersTable().GetAttributeDefinitions());
  EXPECT_EQ(d.GetCreationDateTime(), dynafake::DateTime(clock.Now()));
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 0);
  EXPECT_EQ(d.GetProvisionedThroughput().GetWriteCapacityUnits(), 0);
  EXPECT_EQ(d.GetItemCount(), 0);
  EXPECT_EQ(d.GetTableSizeBytes(), 0);
}

TEST_P(TablesTest, CreateTableWithInstantOptionsIsActiveAtOnce) {
  auto out = client->CreateTable(OrdersTable());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::ACTIVE);
}

TEST_P(TablesRealisticTest, CreatedTableIsCreatingUntilTheConfiguredDurationHasPassed) {
  auto out = client->CreateTable(OrdersTable());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::CREATING);
  clock.Advance(service.Options().durations.tableCreate - 1ms);
  EXPECT_EQ(Describe(*client).GetTableStatus(), M::TableStatus::CREATING);
  clock.Advance(1ms);
  EXPECT_EQ(Describe(*client).GetTableStatus(), M::TableStatus::ACTIVE);
}

TEST_P(TablesTest, ProvisionedTableReportsItsThroughput) {
  auto out = client->CreateTable(
      OrdersTable()
          .WithBillingMode(M::BillingMode::PROVISIONED)
          .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(7).WithWriteCapacityUnits(3)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& p = out.GetResult().GetTableDescription().GetProvisionedThroughput();
  EXPECT_EQ(p.GetReadCapacityUnits(), 7);
  EXPECT_EQ(p.GetWriteCapacityUnits(), 3);
  EXPECT_EQ(p.GetNumberOfDecreasesToday(), 0);
}

TEST_P(TablesTest, CreateTableWithAnExistingNameIsResourceInUse) {
  CreateActiveTable();
  auto out = client->CreateTable(OrdersTable());
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  EXPECT_EQ(out.GetError().GetExceptionName(), "ResourceInUseException");
  EXPECT_EQ(out.GetError().GetMessage(), "Table already exists: orders");
}

TEST_P(TablesRealisticTest, CreateTableWithTheNameOfATableBeingDeletedIsResourceInUse) {
  CreateActiveTable();
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  auto out = client->CreateTable(OrdersTable());
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  clock.Advance(service.Options().durations.tableDelete);
  EXPECT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
}

TEST_P(TablesTest, KeySchemaStartingWithARangeKeyIsRefused) {
  auto out = client->CreateTable(
      OrdersTable().WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::RANGE)}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(), "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
}

TEST_P(TablesTest, KeyAttributeMissingFromAttributeDefinitionsIsRefused) {
  auto out = client->CreateTable(
      OrdersTable().WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH)}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values were invalid: Some index key attributes are not defined in "
            "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [id]");
}

TEST_P(TablesTest, AttributeDefinitionNotUsedByAnyKeyIsRefused) {
  auto out = client->CreateTable(OrdersTable().WithAttributeDefinitions(
      {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S),
       M::AttributeDefinition().WithAttributeName("extra").WithAttributeType(M::ScalarAttributeType::N)}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
            "number of attributes defined in AttributeDefinitions");
}

TEST_P(TablesTest, MissingKeySchemaIsRefused) {
  auto out = client->CreateTable(M::CreateTableRequest()
                                     .WithTableName("orders")
                                     .WithAttributeDefinitions(OrdersTable().GetAttributeDefinitions())
                                     .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(
      out.GetError().GetMessage(),
      "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
}

TEST_P(TablesTest, ProvisionedTableWithoutThroughputIsRefused) {
  auto out = client->CreateTable(OrdersTable().WithBillingMode(M::BillingMode::PROVISIONED));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
            "specified when BillingMode is PROVISIONED");
}

TEST_P(TablesTest, OnDemandTableWithThroughputIsRefused) {
  auto out = client->CreateTable(OrdersTable().WithProvisionedThroughput(
      M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5)));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
            "specified when BillingMode is PAY_PER_REQUEST");
}

TEST_P(TablesTest, ZeroProvisionedThroughputIsRefused) {
  auto out = client->CreateTable(
      OrdersTable()
          .WithBillingMode(M::BillingMode::PROVISIONED)
          .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(5)));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy "
            "constraint: Member must have value greater than or equal to 1");
}

// An index Projection needs a ProjectionType, and NonKeyAttributes only with
// INCLUDE (architect/dynalite validations/createTable.js).
TEST_P(TablesTest, IndexProjectionWithoutProjectionTypeIsRefused) {
  auto withIndex = [](const M::Projection& projection) {
    return OrdersTable("indexed")
        .WithAttributeDefinitions(
            {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S),
             M::AttributeDefinition().WithAttributeName("c").WithAttributeType(M::ScalarAttributeType::S)})
        .WithGlobalSecondaryIndexes(
            {M::GlobalSecondaryIndex()
                 .WithIndexName("index3")
                 .WithKeySchema({M::KeySchemaElement().WithAttributeName("c").WithKeyType(M::KeyType::HASH)})
                 .WithProjection(projection)});
  };
  auto untyped = client->CreateTable(withIndex(M::Projection()));
  EXPECT_EQ(untyped.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(untyped.GetError().GetMessage(), "One or more parameter values were invalid: Unknown ProjectionType: null");
  auto extra = client->CreateTable(
      withIndex(M::Projection().WithProjectionType(M::ProjectionType::KEYS_ONLY).WithNonKeyAttributes({"x"})));
  EXPECT_EQ(
      extra.GetError().GetMessage(),
      "One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified");
  EXPECT_TRUE(client->CreateTable(withIndex(M::Projection().WithProjectionType(M::ProjectionType::ALL))).IsSuccess());
}

// The service's answer to a CreateTable named outside the pattern, as quoted in
// serverless/serverless#5120 ("Value 'drucaas-dev,' at 'tableName' ...").
TEST_P(TablesTest, TableNameOutsideThePatternIsRefused) {
  auto out = client->CreateTable(OrdersTable("my table"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "1 validation error detected: Value 'my table' at 'tableName' failed to satisfy constraint: Member must "
            "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
}

TEST_P(TablesOneTransitionTest, CreateTableBeyondTheTablesInTransitionLimitIsLimitExceeded) {
  ASSERT_TRUE(client->CreateTable(OrdersTable("first")).IsSuccess());
  auto out = client->CreateTable(OrdersTable("second"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
  EXPECT_EQ(out.GetError().GetExceptionName(), "LimitExceededException");
  EXPECT_EQ(out.GetError().GetMessage(),
            "Subscriber limit exceeded: Only 1 tables can be created, updated or deleted simultaneously");
  clock.Advance(service.Options().durations.tableCreate);
  EXPECT_TRUE(client->CreateTable(OrdersTable("second")).IsSuccess()) << "the first table is ACTIVE now";
}

// ---------------------------------------------------------------- DescribeTable

TEST_P(TablesTest, DescribeTableOfAnUnknownTableIsResourceNotFound) {
  auto out = client->DescribeTable(M::DescribeTableRequest().WithTableName("missing"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetExceptionName(), "ResourceNotFoundException");
  EXPECT_EQ(out.GetError().GetResponseCode(), 400);
  EXPECT_EQ(out.GetError().GetMessage(), "Requested resource not found: Table: missing not found");
}

TEST_P(TablesTest, DescribeTableAcceptsTheTableArn) {
  CreateActiveTable();
  auto out = client->DescribeTable(M::DescribeTableRequest().WithTableName(service.TableArn("orders")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTable().GetTableName(), "orders");
}

TEST_P(TablesTest, DescribeTableCountsItemsWritten) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "b")).IsSuccess());
  const auto d = Describe(*client);
  EXPECT_EQ(d.GetItemCount(), 2);
  EXPECT_GT(d.GetTableSizeBytes(), 0);
}

// ---------------------------------------------------------------- DeleteTable

TEST_P(TablesRealisticTest, DeletedTableIsDeletingThenGone) {
  CreateActiveTable();
  auto out = client->DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::DELETING);
  clock.Advance(service.Options().durations.tableDelete - 1ms);
  EXPECT_EQ(Describe(*client).GetTableStatus(), M::TableStatus::DELETING);
  clock.Advance(1ms);
  auto gone = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  ASSERT_FALSE(gone.IsSuccess());
  EXPECT_EQ(gone.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
}

TEST_P(TablesRealisticTest, DeleteTableWhileCreatingIsResourceInUse) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  auto out = client->DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(),
            "Attempt to change a resource which is still in use: Table is being created: orders");
}

TEST_P(TablesRealisticTest, DeleteTableWhileDeletingSucceedsAgain) {
  CreateActiveTable();
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  clock.Advance(1s);
  auto again = client->DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  ASSERT_TRUE(again.IsSuccess()) << again.GetError();
  EXPECT_EQ(again.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::DELETING);
  clock.Advance(service.Options().durations.tableDelete - 1s);
  EXPECT_FALSE(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).IsSuccess())
      << "the repeated delete does not restart the clock";
}

TEST_P(TablesTest, DeleteTableOfAnUnknownTableIsResourceNotFound) {
  auto out = client->DeleteTable(M::DeleteTableRequest().WithTableName("missing"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetMessage(), "Requested resource not found: Table: missing not found");
}

TEST_P(TablesTest, DeletionProtectedTableCannotBeDeleted) {
  ASSERT_TRUE(client->CreateTable(OrdersTable().WithDeletionProtectionEnabled(true)).IsSuccess());
  auto out = client->DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_TRUE(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).IsSuccess());
}

// ---------------------------------------------------------------- ListTables

TEST_P(TablesTest, ListTablesReturnsNamesInOrder) {
  for (const char* name : {"charlie", "alpha", "bravo"})
    ASSERT_TRUE(client->CreateTable(OrdersTable(name)).IsSuccess());
  auto out = client->ListTables(M::ListTablesRequest());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableNames(), (std::vector<std::string>{"alpha", "bravo", "charlie"}));
  EXPECT_FALSE(out.GetResult().LastEvaluatedTableNameHasBeenSet());
}

TEST_P(TablesTest, ListTablesPagesWithLimitAndExclusiveStartTableName) {
  const std::vector<std::string> all{"t01", "t02", "t03", "t04", "t05"};
  for (const auto& name : all) ASSERT_TRUE(client->CreateTable(OrdersTable(name)).IsSuccess());
  std::vector<std::string> seen;
  M::ListTablesRequest request = M::ListTablesRequest().WithLimit(2);
  int pages = 0;
  for (;;) {
    auto out = client->ListTables(request);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    ++pages;
    const auto& names = out.GetResult().GetTableNames();
    EXPECT_LE(names.size(), 2u);
    seen.insert(seen.end(), names.begin(), names.end());
    if (!out.GetResult().LastEvaluatedTableNameHasBeenSet()) break;
    EXPECT_EQ(out.GetResult().GetLastEvaluatedTableName(), names.back());
    request.SetExclusiveStartTableName(out.GetResult().GetLastEvaluatedTableName());
  }
  EXPECT_EQ(seen, all);
  EXPECT_EQ(pages, 3);
}

TEST_P(TablesTest, ListTablesStartsAfterTheExclusiveStartTableName) {
  for (const char* name : {"alpha", "bravo", "charlie"})
    ASSERT_TRUE(client->CreateTable(OrdersTable(name)).IsSuccess());
  auto out = client->ListTables(M::ListTablesRequest().WithExclusiveStartTableName("alpha"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableNames(), (std::vector<std::string>{"bravo", "charlie"}));
}

// ---------------------------------------------------------------- tags

TEST_P(TablesTest, TagsGivenAtCreationAreListed) {
  ASSERT_TRUE(
      client->CreateTable(OrdersTable().WithTags({M::Tag().WithKey("team").WithValue("payments")})).IsSuccess());
  auto out = client->ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(service.TableArn("orders")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  ASSERT_EQ(out.GetResult().GetTags().size(), 1u);
  EXPECT_EQ(out.GetResult().GetTags()[0].GetKey(), "team");
  EXPECT_EQ(out.GetResult().GetTags()[0].GetValue(), "payments");
}

TEST_P(TablesTest, TagResourceAddsNewKeysAndReplacesExistingValues) {
  ASSERT_TRUE(
      client->CreateTable(OrdersTable().WithTags({M::Tag().WithKey("team").WithValue("payments")})).IsSuccess());
  auto tagged = client->TagResource(
      M::TagResourceRequest()
          .WithResourceArn(service.TableArn("orders"))
          .WithTags({M::Tag().WithKey("team").WithValue("billing"), M::Tag().WithKey("env").WithValue("test")}));
  ASSERT_TRUE(tagged.IsSuccess()) << tagged.GetError();
  auto out = client->ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(service.TableArn("orders")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  std::map<std::string, std::string> tags;
  for (const auto& t : out.GetResult().GetTags()) tags[t.GetKey()] = t.GetValue();
  EXPECT_EQ(tags, (std::map<std::string, std::string>{{"team", "billing"}, {"env", "test"}}));
}

TEST_P(TablesTest, ReplacingATagOnATableWithFiftyTagsIsAllowed) {
  std::vector<M::Tag> fifty;
  for (int i = 0; i < 50; ++i) fifty.push_back(M::Tag().WithKey("k" + std::to_string(i)).WithValue("v"));
  ASSERT_TRUE(client->CreateTable(OrdersTable().WithTags(fifty)).IsSuccess());
  auto out = client->TagResource(M::TagResourceRequest()
                                     .WithResourceArn(service.TableArn("orders"))
                                     .WithTags({M::Tag().WithKey("k0").WithValue("changed")}));
  EXPECT_TRUE(out.IsSuccess()) << out.GetError();
}

TEST_P(TablesTest, AFiftyFirstTagIsLimitExceeded) {
  std::vector<M::Tag> fifty;
  for (int i = 0; i < 50; ++i) fifty.push_back(M::Tag().WithKey("k" + std::to_string(i)).WithValue("v"));
  ASSERT_TRUE(client->CreateTable(OrdersTable().WithTags(fifty)).IsSuccess());
  auto out = client->TagResource(M::TagResourceRequest()
                                     .WithResourceArn(service.TableArn("orders"))
                                     .WithTags({M::Tag().WithKey("k50").WithValue("v")}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
}

TEST_P(TablesTest, TaggingAnUnknownTableIsResourceNotFound) {
  auto out = client->TagResource(M::TagResourceRequest()
                                     .WithResourceArn(service.TableArn("missing"))
                                     .WithTags({M::Tag().WithKey("team").WithValue("payments")}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
}

TEST_P(TablesTest, UntagResourceRemovesTheKeysGivenAndIgnoresUnknownOnes) {
  ASSERT_TRUE(client
                  ->CreateTable(OrdersTable().WithTags(
                      {M::Tag().WithKey("team").WithValue("payments"), M::Tag().WithKey("env").WithValue("test")}))
                  .IsSuccess());
  clock.Advance(service.Options().durations.tableCreate);
  auto out = client->UntagResource(
      M::UntagResourceRequest().WithResourceArn(service.TableArn("orders")).WithTagKeys({"env", "absent"}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  auto listed = client->ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(service.TableArn("orders")));
  ASSERT_EQ(listed.GetResult().GetTags().size(), 1u);
  EXPECT_EQ(listed.GetResult().GetTags()[0].GetKey(), "team");
}

// UntagResource's not-found names no ARN, unlike TagResource's (architect/dynalite
// test/untagResource.js 'should return ResourceNotFoundException if ResourceArn does not exist').
TEST_P(TablesTest, UntaggingAnUnknownTableIsResourceNotFound) {
  auto out = client->UntagResource(
      M::UntagResourceRequest().WithResourceArn(service.TableArn("missing")).WithTagKeys({"team"}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetMessage(), "Requested resource not found");
}

TEST_P(TablesRealisticTest, UntaggingATableStillCreatingIsResourceInUse) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  auto out = client->UntagResource(
      M::UntagResourceRequest().WithResourceArn(service.TableArn("orders")).WithTagKeys({"team"}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(),
            "Attempt to change a resource which is still in use: Table is not active: orders");
}

DYNAFAKE_INSTANTIATE(TablesTest);
DYNAFAKE_INSTANTIATE(TablesRealisticTest);
DYNAFAKE_INSTANTIATE(TablesOneTransitionTest);

}  // namespace
}  // namespace dynafake_test
