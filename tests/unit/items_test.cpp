// Items: PutItem, GetItem, DeleteItem, Scan and BatchWriteItem on a simple
// table — seeding a table and reading back what a backup or restore holds.
// Keys are checked against the key schema with the service's messages.
// Expressions, Query, UpdateItem and indexes have their own suites.
#include "fixtures.hpp"

#include <map>
#include <set>

namespace dynafake_test {
namespace {

class ItemsTest : public ServiceTest {};
class ItemsRealisticTest : public RealisticServiceTest {};

using Item = std::map<std::string, M::AttributeValue>;

M::AttributeValue N(const std::string& n) { return M::AttributeValue().SetN(n); }
M::AttributeValue S(const std::string& s) { return M::AttributeValue(s); }

Item Key(const std::string& id) { return {{"id", S(id)}}; }

/// A table "prices" with a number hash key "price".
M::CreateTableRequest PricesTable() {
  return M::CreateTableRequest()
      .WithTableName("prices")
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("price").WithKeyType(M::KeyType::HASH)})
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("price").WithAttributeType(M::ScalarAttributeType::N)})
      .WithBillingMode(M::BillingMode::PAY_PER_REQUEST);
}

M::WriteRequest PutOf(const std::string& id) {
  return M::WriteRequest().WithPutRequest(M::PutRequest().WithItem(Item{{"id", S(id)}, {"quantity", N("1")}}));
}
M::WriteRequest DeleteOf(const std::string& id) {
  return M::WriteRequest().WithDeleteRequest(M::DeleteRequest().WithKey(Key(id)));
}

class ItemsWithDataTest : public ItemsTest {
 protected:
  void SetUp() override {
    CreateActiveTable();
    for (int i = 0; i < kItems; ++i)
      ASSERT_TRUE(client->PutItem(Order("orders", "order-" + std::to_string(i), i)).IsSuccess());
  }
  std::set<std::string> AllIds() const {
    std::set<std::string> ids;
    for (int i = 0; i < kItems; ++i) ids.insert("order-" + std::to_string(i));
    return ids;
  }
  static constexpr int kItems = 23;
};

// ---------------------------------------------------------------- PutItem / GetItem

TEST_P(ItemsTest, PutItemThenGetItemReturnsTheItem) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 3)).IsSuccess());
  auto out = client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Key("a")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetItem(), (Item{{"id", S("a")}, {"quantity", N("3")}}));
}

TEST_P(ItemsTest, GetItemOfAMissingKeyReturnsNoItem) {
  CreateActiveTable();
  auto out = client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Key("nobody")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(out.GetResult().GetItem().empty());
}

TEST_P(ItemsTest, PutItemReplacesTheWholeItem) {
  CreateActiveTable();
  ASSERT_TRUE(
      client->PutItem(M::PutItemRequest().WithTableName("orders").WithItem(Item{{"id", S("a")}, {"note", S("first")}}))
          .IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 2)).IsSuccess());
  auto out = client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Key("a")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetItem(), (Item{{"id", S("a")}, {"quantity", N("2")}}));
}

TEST_P(ItemsTest, PutItemWithoutTheKeyIsRefused) {
  CreateActiveTable();
  auto out = client->PutItem(M::PutItemRequest().WithTableName("orders").WithItem(Item{{"quantity", N("1")}}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(), "One or more parameter values were invalid: Missing the key id in the item");
}

TEST_P(ItemsTest, PutItemWithAKeyOfTheWrongTypeIsRefused) {
  CreateActiveTable();
  auto out = client->PutItem(M::PutItemRequest().WithTableName("orders").WithItem(Item{{"id", N("7")}}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
}

TEST_P(ItemsTest, PutItemWithAnEmptyStringKeyIsRefused) {
  CreateActiveTable();
  auto out = client->PutItem(M::PutItemRequest().WithTableName("orders").WithItem(Item{{"id", S("")}}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
            "empty string value. Key: id");
}

TEST_P(ItemsTest, GetItemWithAKeyThatDoesNotMatchTheSchemaIsRefused) {
  CreateActiveTable();
  auto out =
      client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Item{{"id", S("a")}, {"extra", S("x")}}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(), "The provided key element does not match the schema");
}

TEST_P(ItemsTest, PutItemIntoAnUnknownTableIsResourceNotFound) {
  auto out = client->PutItem(Order("missing", "a"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetMessage(), "Requested resource not found") << "the data plane names no table";
}

TEST_P(ItemsRealisticTest, PutItemIntoATableStillCreatingIsResourceNotFound) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  auto out = client->PutItem(Order("orders", "a"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  clock.Advance(service.Options().durations.tableCreate);
  EXPECT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
}

TEST_P(ItemsTest, PutItemWithReturnValuesAllOldReturnsTheReplacedItem) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  auto out = client->PutItem(Order("orders", "a", 2).WithReturnValues(M::ReturnValue::ALL_OLD));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetAttributes(), (Item{{"id", S("a")}, {"quantity", N("1")}}));
}

TEST_P(ItemsTest, PutItemWithReturnValuesAllOldOfANewItemReturnsNothing) {
  CreateActiveTable();
  auto out = client->PutItem(Order("orders", "a").WithReturnValues(M::ReturnValue::ALL_OLD));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(out.GetResult().GetAttributes().empty());
}

TEST_P(ItemsTest, NumbersAreCanonicalSoEqualValuesAreOneKey) {
  ASSERT_TRUE(client->CreateTable(PricesTable()).IsSuccess());
  ASSERT_TRUE(
      client
          ->PutItem(M::PutItemRequest().WithTableName("prices").WithItem(Item{{"price", N("1.50")}, {"v", S("first")}}))
          .IsSuccess());
  auto got = client->GetItem(M::GetItemRequest().WithTableName("prices").WithKey(Item{{"price", N("1.5")}}));
  ASSERT_TRUE(got.IsSuccess()) << got.GetError();
  EXPECT_EQ(got.GetResult().GetItem().at("v"), S("first"));
  ASSERT_TRUE(client
                  ->PutItem(M::PutItemRequest().WithTableName("prices").WithItem(
                      Item{{"price", N("15e-1")}, {"v", S("second")}}))
                  .IsSuccess());
  auto scan = client->Scan(M::ScanRequest().WithTableName("prices"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  ASSERT_EQ(scan.GetResult().GetCount(), 1);
  EXPECT_EQ(scan.GetResult().GetItems()[0].at("v"), S("second"));
}

TEST_P(ItemsTest, ANumberThatIsNotANumberIsRefused) {
  ASSERT_TRUE(client->CreateTable(PricesTable()).IsSuccess());
  auto out = client->PutItem(M::PutItemRequest().WithTableName("prices").WithItem(Item{{"price", N("one")}}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(), "The parameter cannot be converted to a numeric value: one");
}

TEST_P(ItemsTest, ConditionExpressionDecidesWhetherThePutHappens) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a").WithConditionExpression("attribute_not_exists(id)")).IsSuccess());
  auto out = client->PutItem(Order("orders", "a", 9).WithConditionExpression("attribute_not_exists(id)"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  auto got = client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Key("a")));
  EXPECT_EQ(got.GetResult().GetItem().at("quantity"), N("1")) << "the refused put wrote nothing";
}

TEST_P(ItemsTest, DeleteItemConditionExpressionDecidesWhetherTheDeleteHappens) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  auto out = client->DeleteItem(M::DeleteItemRequest()
                                    .WithTableName("orders")
                                    .WithKey(Key("a"))
                                    .WithConditionExpression("quantity > :q")
                                    .WithExpressionAttributeValues(Item{{":q", N("1")}}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  EXPECT_FALSE(
      client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Key("a"))).GetResult().GetItem().empty());
}

TEST_P(ItemsTest, GetItemProjectionExpressionReturnsOnlyTheNamedAttributes) {
  CreateActiveTable();
  ASSERT_TRUE(client
                  ->PutItem(M::PutItemRequest().WithTableName("orders").WithItem(
                      Item{{"id", S("a")}, {"quantity", N("2")}, {"status", S("open")}}))
                  .IsSuccess());
  auto out = client->GetItem(M::GetItemRequest()
                                 .WithTableName("orders")
                                 .WithKey(Key("a"))
                                 .WithProjectionExpression("quantity, #s")
                                 .WithExpressionAttributeNames(std::map<std::string, std::string>{{"#s", "status"}}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetItem(), (Item{{"quantity", N("2")}, {"status", S("open")}}));
}

// ---------------------------------------------------------------- DeleteItem

TEST_P(ItemsTest, DeleteItemRemovesTheItem) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  ASSERT_TRUE(client->DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey(Key("a"))).IsSuccess());
  auto out = client->GetItem(M::GetItemRequest().WithTableName("orders").WithKey(Key("a")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(out.GetResult().GetItem().empty());
}

TEST_P(ItemsTest, DeleteItemWithReturnValuesAllOldReturnsTheDeletedItem) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 4)).IsSuccess());
  auto out = client->DeleteItem(
      M::DeleteItemRequest().WithTableName("orders").WithKey(Key("a")).WithReturnValues(M::ReturnValue::ALL_OLD));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetAttributes(), (Item{{"id", S("a")}, {"quantity", N("4")}}));
}

TEST_P(ItemsTest, DeleteItemOfAMissingKeySucceedsAndReturnsNothing) {
  CreateActiveTable();
  auto out = client->DeleteItem(
      M::DeleteItemRequest().WithTableName("orders").WithKey(Key("nobody")).WithReturnValues(M::ReturnValue::ALL_OLD));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(out.GetResult().GetAttributes().empty());
}

// ---------------------------------------------------------------- Scan

TEST_P(ItemsWithDataTest, ScanReturnsEveryItem) {
  auto out = client->Scan(M::ScanRequest().WithTableName("orders"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetCount(), kItems);
  EXPECT_EQ(out.GetResult().GetScannedCount(), kItems);
  EXPECT_FALSE(out.GetResult().LastEvaluatedKeyHasBeenSet());
}

TEST_P(ItemsWithDataTest, ScanPagesWithLimitAndExclusiveStartKeyCoverEveryItemOnce) {
  std::multiset<std::string> seen;
  M::ScanRequest request = M::ScanRequest().WithTableName("orders").WithLimit(5);
  int pages = 0;
  for (;;) {
    auto out = client->Scan(request);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    ASSERT_LT(++pages, 100) << "paging does not end";
    EXPECT_LE(out.GetResult().GetItems().size(), 5u);
    for (const auto& item : out.GetResult().GetItems()) seen.insert(item.at("id").GetS());
    if (!out.GetResult().LastEvaluatedKeyHasBeenSet()) break;
    EXPECT_EQ(out.GetResult().GetLastEvaluatedKey(), Key(out.GetResult().GetItems().back().at("id").GetS()));
    request.SetExclusiveStartKey(out.GetResult().GetLastEvaluatedKey());
  }
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), AllIds());
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kItems)) << "no item twice";
  EXPECT_EQ(pages, 5);
}

TEST_P(ItemsWithDataTest, ScanWithSelectCountReturnsOnlyTheCount) {
  auto out = client->Scan(M::ScanRequest().WithTableName("orders").WithSelect(M::Select::COUNT));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetCount(), kItems);
  EXPECT_TRUE(out.GetResult().GetItems().empty());
}

TEST_P(ItemsWithDataTest, ParallelScanSegmentsCoverEveryItemOnce) {
  const int segments = 4;
  std::multiset<std::string> seen;
  for (int segment = 0; segment < segments; ++segment) {
    M::ScanRequest request =
        M::ScanRequest().WithTableName("orders").WithSegment(segment).WithTotalSegments(segments).WithLimit(3);
    for (int page = 0;; ++page) {
      ASSERT_LT(page, 100) << "paging does not end";
      auto out = client->Scan(request);
      ASSERT_TRUE(out.IsSuccess()) << out.GetError();
      for (const auto& item : out.GetResult().GetItems()) seen.insert(item.at("id").GetS());
      if (!out.GetResult().LastEvaluatedKeyHasBeenSet()) break;
      request.SetExclusiveStartKey(out.GetResult().GetLastEvaluatedKey());
    }
  }
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), AllIds());
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kItems)) << "no item in two segments";
}

TEST_P(ItemsWithDataTest, SegmentNotLessThanTotalSegmentsIsRefused) {
  auto out = client->Scan(M::ScanRequest().WithTableName("orders").WithSegment(4).WithTotalSegments(4));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less "
            "than TotalSegments: 4");
}

TEST_P(ItemsWithDataTest, ScanProjectionExpressionReturnsOnlyTheNamedTopLevelAttributes) {
  auto out =
      client->Scan(M::ScanRequest().WithTableName("orders").WithProjectionExpression("#q").WithExpressionAttributeNames(
          std::map<std::string, std::string>{{"#q", "quantity"}}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  ASSERT_EQ(out.GetResult().GetItems().size(), static_cast<std::size_t>(kItems));
  for (const auto& item : out.GetResult().GetItems()) {
    EXPECT_EQ(item.size(), 1u);
    EXPECT_EQ(item.count("quantity"), 1u);
  }
}

TEST_P(ItemsWithDataTest, ScanFilterExpressionKeepsTheMatchingItems) {
  auto out = client->Scan(M::ScanRequest()
                              .WithTableName("orders")
                              .WithFilterExpression("quantity > :q")
                              .WithExpressionAttributeValues(Item{{":q", N("19")}}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetCount(), 3);  // 20, 21, 22
  EXPECT_EQ(out.GetResult().GetScannedCount(), kItems);
}

// ---------------------------------------------------------------- BatchWriteItem

TEST_P(ItemsTest, BatchWriteItemAppliesPutsAndDeletes) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "old")).IsSuccess());
  auto out = client->BatchWriteItem(M::BatchWriteItemRequest().AddRequestItems(
      "orders", std::vector<M::WriteRequest>{PutOf("a"), PutOf("b"), DeleteOf("old")}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(out.GetResult().GetUnprocessedItems().empty());
  auto scan = client->Scan(M::ScanRequest().WithTableName("orders"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  std::set<std::string> ids;
  for (const auto& item : scan.GetResult().GetItems()) ids.insert(item.at("id").GetS());
  EXPECT_EQ(ids, (std::set<std::string>{"a", "b"}));
}

TEST_P(ItemsTest, BatchWriteItemWithDuplicateKeysIsRefusedAndWritesNothing) {
  CreateActiveTable();
  auto out = client->BatchWriteItem(M::BatchWriteItemRequest().AddRequestItems(
      "orders", std::vector<M::WriteRequest>{PutOf("first"), PutOf("a"), DeleteOf("a")}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(), "Provided list of item keys contains duplicates");
  auto scan = client->Scan(M::ScanRequest().WithTableName("orders"));
  EXPECT_EQ(scan.GetResult().GetCount(), 0) << "not even the valid first put";
}

TEST_P(ItemsTest, BatchWriteItemOfMoreThanTwentyFiveRequestsToOneTableIsRefused) {
  CreateActiveTable();
  std::vector<M::WriteRequest> writes;
  for (int i = 0; i < 26; ++i) writes.push_back(PutOf("id-" + std::to_string(i)));
  auto out = client->BatchWriteItem(M::BatchWriteItemRequest().AddRequestItems("orders", writes));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_NE(out.GetError().GetMessage().find("less than or equal to 25"), std::string::npos)
      << out.GetError().GetMessage();
  EXPECT_EQ(client->Scan(M::ScanRequest().WithTableName("orders")).GetResult().GetCount(), 0);
}

TEST_P(ItemsTest, BatchWriteItemOfMoreThanTwentyFiveRequestsAcrossTablesIsRefused) {
  CreateActiveTable("left");
  CreateActiveTable("right");
  std::vector<M::WriteRequest> writes;
  for (int i = 0; i < 13; ++i) writes.push_back(PutOf("id-" + std::to_string(i)));
  auto out = client->BatchWriteItem(
      M::BatchWriteItemRequest().AddRequestItems("left", writes).AddRequestItems("right", writes));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(), "Too many items requested for the BatchWriteItem call");
}

TEST_P(ItemsTest, BatchWriteItemWithAnInvalidKeyWritesNothing) {
  CreateActiveTable();
  auto out = client->BatchWriteItem(M::BatchWriteItemRequest().AddRequestItems(
      "orders", std::vector<M::WriteRequest>{PutOf("a"), M::WriteRequest().WithPutRequest(
                                                             M::PutRequest().WithItem(Item{{"quantity", N("1")}}))}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetMessage(), "One or more parameter values were invalid: Missing the key id in the item");
  EXPECT_EQ(client->Scan(M::ScanRequest().WithTableName("orders")).GetResult().GetCount(), 0);
}

DYNAFAKE_INSTANTIATE(ItemsTest);
DYNAFAKE_INSTANTIATE(ItemsRealisticTest);
DYNAFAKE_INSTANTIATE(ItemsWithDataTest);

}  // namespace
}  // namespace dynafake_test
