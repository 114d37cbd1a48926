// PutItem and DeleteItem with conditions (ConditionExpression, or the legacy
// Expected with ConditionalOperator), ReturnValuesOnConditionCheckFailure,
// and the service's checks of what is written: key and index key types, key
// sizes, the 400 KB item limit, sets, numbers stored canonical.
#include "data_plane_fixtures.hpp"

namespace dynafake_test {
namespace conditional_writes_suite {

using data::B;
using data::Bool;
using data::Column;
using data::DataPlaneTest;
using data::Item;
using data::L;
using data::Map;
using data::MusicTable;
using data::N;
using data::NS;
using data::S;
using data::ScoresTable;
using data::Show;
using data::SS;

class ConditionalWritesTest : public DataPlaneTest {
 protected:
  void SetUp() override { SeedMusic(); }
  static M::PutItemRequest P(const Item& item) { return M::PutItemRequest().WithTableName("music").WithItem(item); }
  static Item Song(const std::string& song) { return {{"artist", S("abba")}, {"song", S(song)}}; }
  std::string Error(const M::PutItemRequest& r) {
    auto out = client->PutItem(r);
    return out.IsSuccess() ? "(succeeded)" : out.GetError().GetMessage();
  }
  std::string Stored(const std::string& song) {
    auto out = client->GetItem(M::GetItemRequest().WithTableName("music").WithKey(Song(song)));
    return out.IsSuccess() ? Show(out.GetResult().GetItem()) : out.GetError().GetMessage();
  }
};

TEST_P(ConditionalWritesTest, PutIfAbsent) {
  auto first = client->PutItem(P(Song("new")).WithConditionExpression("attribute_not_exists(song)"));
  EXPECT_TRUE(first.IsSuccess()) << first.GetError();
  auto second = client->PutItem(P(Song("new")).WithConditionExpression("attribute_not_exists(song)"));
  ASSERT_FALSE(second.IsSuccess());
  EXPECT_EQ(second.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  EXPECT_EQ(second.GetError().GetExceptionName(), "ConditionalCheckFailedException");
  EXPECT_EQ(second.GetError().GetMessage(), "The conditional request failed");
  EXPECT_FALSE(second.GetError().ItemHasBeenSet()) << "only with ReturnValuesOnConditionCheckFailure ALL_OLD";
}

TEST_P(ConditionalWritesTest, AFailedConditionCanReturnTheItemAndChangesNothing) {
  Item replacement = Song("waterloo");
  replacement["plays"] = N("1");
  auto out =
      client->PutItem(P(replacement)
                          .WithConditionExpression("plays > :p AND genre IN (:a, :b)")
                          .WithExpressionAttributeValues({{":p", N("100")}, {":a", S("rock")}, {":b", S("pop")}})
                          .WithReturnValuesOnConditionCheckFailure(M::ReturnValuesOnConditionCheckFailure::ALL_OLD));
  ASSERT_FALSE(out.IsSuccess());
  ASSERT_TRUE(out.GetError().ItemHasBeenSet());
  EXPECT_EQ(out.GetError().GetItem().at("plays").GetN(), "80");
  EXPECT_NE(Stored("waterloo").find("plays: N 80"), std::string::npos);
}

TEST_P(ConditionalWritesTest, DeleteWithConditionAndReturnValues) {
  auto refused = client->DeleteItem(M::DeleteItemRequest()
                                        .WithTableName("music")
                                        .WithKey(Song("waterloo"))
                                        .WithConditionExpression("size(title) > :n")
                                        .WithExpressionAttributeValues({{":n", N("8")}}));
  EXPECT_EQ(refused.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  EXPECT_FALSE(refused.GetError().ItemHasBeenSet());
  auto withItem =
      client->DeleteItem(M::DeleteItemRequest()
                             .WithTableName("music")
                             .WithKey(Song("waterloo"))
                             .WithConditionExpression("size(title) > :n")
                             .WithExpressionAttributeValues({{":n", N("8")}})
                             .WithReturnValuesOnConditionCheckFailure(M::ReturnValuesOnConditionCheckFailure::ALL_OLD));
  ASSERT_EQ(withItem.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  ASSERT_TRUE(withItem.GetError().ItemHasBeenSet());
  EXPECT_EQ(withItem.GetError().GetItem().at("title").GetS(), "waterloo");
  auto done = client->DeleteItem(M::DeleteItemRequest()
                                     .WithTableName("music")
                                     .WithKey(Song("waterloo"))
                                     .WithConditionExpression("size(title) = :n")
                                     .WithExpressionAttributeValues({{":n", N("8")}})
                                     .WithReturnValues(M::ReturnValue::ALL_OLD));
  ASSERT_TRUE(done.IsSuccess()) << done.GetError();
  EXPECT_EQ(done.GetResult().GetAttributes().at("title").GetS(), "waterloo");
  EXPECT_EQ(Stored("waterloo"), "{}");
  auto allNew = client->DeleteItem(
      M::DeleteItemRequest().WithTableName("music").WithKey(Song("x")).WithReturnValues(M::ReturnValue::ALL_NEW));
  EXPECT_EQ(allNew.GetError().GetMessage(), "Return values set to invalid value");
}

TEST_P(ConditionalWritesTest, LegacyExpected) {
  auto exists = M::ExpectedAttributeValue().WithExists(false);
  auto out = client->PutItem(P(Song("waterloo")).WithExpected({{"song", exists}}));
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  auto either = client->PutItem(P(Song("waterloo"))
                                    .WithExpected({{"song", exists},
                                                   {"plays", M::ExpectedAttributeValue()
                                                                 .WithComparisonOperator(M::ComparisonOperator::LT)
                                                                 .WithAttributeValueList({N("100")})}})
                                    .WithConditionalOperator(M::ConditionalOperator::OR));
  EXPECT_TRUE(either.IsSuccess()) << either.GetError();
  EXPECT_EQ(Error(P(Song("x")).WithExpected({{"song", exists}}).WithConditionExpression("attribute_exists(song)")),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
            "{Expected} Expression parameters: {ConditionExpression}");
  EXPECT_EQ(
      Error(P(Song("x")).WithExpected({{"song", M::ExpectedAttributeValue()}})),
      "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: song");
}

TEST_P(ConditionalWritesTest, WhatIsWrittenIsCheckedAsTheServiceChecksIt) {
  auto with = [](Item item, const std::string& name, const M::AttributeValue& v) {
    item[name] = v;
    return item;
  };
  EXPECT_EQ(Error(P(with(Song("x"), "genre", N("5")))),
            "One or more parameter values were invalid: Type mismatch for Index Key genre Expected: S Actual: N "
            "IndexName: byGenre");
  EXPECT_EQ(Error(P(with(Song("x"), "year", S("1975")))),
            "One or more parameter values were invalid: Type mismatch for Index Key year Expected: N Actual: S "
            "IndexName: byYear");
  EXPECT_EQ(
      Error(P(with(Song("x"), "genre", S("")))),
      "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The "
      "AttributeValue for a key attribute cannot contain an empty string value. IndexName: byGenre, IndexKey: genre");
  EXPECT_EQ(Error(P({{"artist", S("abba")}})),
            "One or more parameter values were invalid: Missing the key song in the item");
  EXPECT_EQ(
      Error(P({{"artist", S(std::string(2049, 'a'))}, {"song", S("x")}})),
      "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
  EXPECT_EQ(Error(P({{"artist", S("a")}, {"song", S(std::string(1025, 's'))}})),
            "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit "
            "of 1024 bytes");
  EXPECT_EQ(Error(P(with(Song("x"), "big", S(std::string(400 * 1024, 'x'))))),
            "Item size has exceeded the maximum allowed size");
  // aws-sdk-cpp does not serialise an empty set (it sends {"tags": {}}), so through
  // the SDK the service sees an AttributeValue with no type and says so.
  EXPECT_EQ(Error(P(with(Song("x"), "tags", SS({})))),
            GetParam().name == "AwsSdk"
                ? "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                : "One or more parameter values were invalid: An string set  may not be empty");
  EXPECT_EQ(Error(P(with(Song("x"), "tags", SS({"a", "a"})))),
            "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
  EXPECT_EQ(Error(P(with(Song("x"), "n", N("1e126")))),
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
  EXPECT_EQ(Error(P(Song("x")).WithReturnValues(M::ReturnValue::ALL_NEW)), "Return values set to invalid value");
  EXPECT_EQ(Error(P(Song("x")).WithConditionExpression("attribute_exists(artist.part)")),
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: artist");
  ASSERT_TRUE(client->PutItem(P(with(Song("x"), "n", N("-0015.789e6")))).IsSuccess());
  EXPECT_NE(Stored("x").find("n: N -15789000"), std::string::npos) << "numbers are stored in canonical form";
}

TEST_P(ConditionalWritesTest, WriteCapacity) {
  Item item = Song("new");
  item["genre"] = S("pop");
  item["plays"] = N("1");
  auto out = client->PutItem(P(item).WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetConsumedCapacity().GetCapacityUnits(), 2.0);
  EXPECT_EQ(out.GetResult().GetConsumedCapacity().GetGlobalSecondaryIndexes().at("byGenre").GetCapacityUnits(), 1.0);
  auto again = client->PutItem(P(item).WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  EXPECT_EQ(again.GetResult().GetConsumedCapacity().GetCapacityUnits(), 1.0)
      << "an identical overwrite charges no index";
  auto del = client->DeleteItem(M::DeleteItemRequest()
                                    .WithTableName("music")
                                    .WithKey(Song("absent"))
                                    .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  EXPECT_EQ(del.GetResult().GetConsumedCapacity().GetCapacityUnits(), 1.0);
  auto get = client->GetItem(M::GetItemRequest()
                                 .WithTableName("music")
                                 .WithKey(Song("absent"))
                                 .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  EXPECT_EQ(get.GetResult().GetConsumedCapacity().GetCapacityUnits(), 0.5);
}

TEST_P(ConditionalWritesTest, DataPlaneResourceNotFoundAfterTheRequestsOwnErrors) {
  auto missing = client->PutItem(P(Song("x")).WithTableName("missing"));
  EXPECT_EQ(missing.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(missing.GetError().GetMessage(), "Requested resource not found");
  auto invalid = client->PutItem(P(Song("x")).WithTableName("missing").WithConditionExpression("a = "));
  EXPECT_EQ(invalid.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
}

// Every data-plane operation checks the request alone before it looks the
// table up: a request that cannot be right is a ValidationException whether
// or not the table exists; a right one on a missing table is the data plane's
// bare "Requested resource not found".
TEST_P(ConditionalWritesTest, EveryDataPlaneOperationValidatesBeforeItLooksTheTableUp) {
  const Item key = Song("x");
  const Item badKey = {{"artist", S("abba")}, {"song", N("not a number")}};
  struct Case {
    const char* operation;
    std::function<dynafake::DynamoDBError(bool valid)> call;
  };
  auto error = [](const auto& outcome) { return outcome.IsSuccess() ? dynafake::DynamoDBError() : outcome.GetError(); };
  const std::vector<Case> cases = {
      {"PutItem", [&](bool valid) { return error(client->PutItem(P(valid ? key : badKey).WithTableName("missing"))); }},
      {"GetItem",
       [&](bool valid) {
         return error(client->GetItem(M::GetItemRequest().WithTableName("missing").WithKey(valid ? key : badKey)));
       }},
      {"DeleteItem",
       [&](bool valid) {
         return error(
             client->DeleteItem(M::DeleteItemRequest().WithTableName("missing").WithKey(valid ? key : badKey)));
       }},
      {"UpdateItem",
       [&](bool valid) {
         return error(client->UpdateItem(M::UpdateItemRequest()
                                             .WithTableName("missing")
                                             .WithKey(key)
                                             .WithUpdateExpression(valid ? "SET a = :v" : "SET a = ")
                                             .WithExpressionAttributeValues({{":v", S("v")}})));
       }},
      {"Query",
       [&](bool valid) {
         return error(client->Query(M::QueryRequest()
                                        .WithTableName("missing")
                                        .WithKeyConditionExpression(valid ? "artist = :a" : "artist = ")
                                        .WithExpressionAttributeValues({{":a", S("abba")}})));
       }},
      {"Scan",
       [&](bool valid) {
         auto r = M::ScanRequest().WithTableName("missing");
         if (!valid) r.SetFilterExpression("plays >");
         return error(client->Scan(r));
       }},
      {"BatchGetItem",
       [&](bool valid) {
         return error(client->BatchGetItem(M::BatchGetItemRequest().WithRequestItems(
             {{"missing", M::KeysAndAttributes().WithKeys({valid ? key : badKey})}})));
       }},
      {"BatchWriteItem",
       [&](bool valid) {
         return error(client->BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems(
             {{"missing", {M::WriteRequest().WithPutRequest(M::PutRequest().WithItem(valid ? key : badKey))}}})));
       }},
  };
  for (const Case& c : cases) {
    const auto invalid = c.call(false);
    EXPECT_EQ(invalid.GetErrorType(), DynamoDBErrors::VALIDATION) << c.operation << ": " << invalid;
    const auto missing = c.call(true);
    EXPECT_EQ(missing.GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND) << c.operation << ": " << missing;
    EXPECT_EQ(missing.GetMessage(), "Requested resource not found") << c.operation;
  }
}

// BatchWriteItem reports capacity per table, with the index arms under INDEXES.
TEST_P(ConditionalWritesTest, BatchWriteCapacity) {
  Item item = Song("new");
  item["genre"] = S("pop");
  item["plays"] = N("1");
  auto out = client->BatchWriteItem(
      M::BatchWriteItemRequest()
          .WithRequestItems({{"music",
                              {M::WriteRequest().WithPutRequest(M::PutRequest().WithItem(item)),
                               M::WriteRequest().WithDeleteRequest(M::DeleteRequest().WithKey(Song("absent")))}}})
          .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  ASSERT_EQ(out.GetResult().GetConsumedCapacity().size(), 1u);
  const auto& c = out.GetResult().GetConsumedCapacity()[0];
  EXPECT_EQ(c.GetTableName(), "music");
  EXPECT_EQ(c.GetCapacityUnits(), 3.0) << "a put with one index entry (2) and a delete of nothing (1)";
  EXPECT_EQ(c.GetTable().GetCapacityUnits(), 2.0);
  EXPECT_EQ(c.GetGlobalSecondaryIndexes().at("byGenre").GetCapacityUnits(), 1.0);
  auto total = client->BatchWriteItem(
      M::BatchWriteItemRequest()
          .WithRequestItems({{"music", {M::WriteRequest().WithDeleteRequest(M::DeleteRequest().WithKey(Song("new")))}}})
          .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  ASSERT_TRUE(total.IsSuccess()) << total.GetError();
  EXPECT_EQ(total.GetResult().GetConsumedCapacity()[0].GetCapacityUnits(), 2.0) << "the item and its index entry";
  EXPECT_FALSE(total.GetResult().GetConsumedCapacity()[0].TableHasBeenSet());
}

DYNAFAKE_INSTANTIATE(ConditionalWritesTest);

}  // namespace conditional_writes_suite
}  // namespace dynafake_test
