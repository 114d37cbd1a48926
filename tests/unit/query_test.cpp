// Query: a partition of the table or of a secondary index, in sort key order
// (either way), narrowed by the sort key condition, paged by Limit and
// ExclusiveStartKey, filtered and projected; Select and Count; the legacy
// KeyConditions and QueryFilter; ConsumedCapacity; and every misuse answered
// with the service's message, the request's own errors before the table's.
#include "data_plane_fixtures.hpp"

namespace dynafake_test {
namespace query_suite {

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

class QueryTest : public DataPlaneTest {
 protected:
  void SetUp() override { SeedMusic(); }

  static M::QueryRequest Q(const std::string& keyCondition, std::map<std::string, M::AttributeValue> values) {
    return M::QueryRequest()
        .WithTableName("music")
        .WithKeyConditionExpression(keyCondition)
        .WithExpressionAttributeValues(std::move(values));
  }
  static M::QueryRequest Abba() { return Q("artist = :a", {{":a", S("abba")}}); }

  std::vector<Item> Items(const M::QueryRequest& r) {
    auto out = client->Query(r);
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetItems() : std::vector<Item>{};
  }
  std::string Error(const M::QueryRequest& r) {
    auto out = client->Query(r);
    if (out.IsSuccess()) return "(succeeded)";
    EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION) << out.GetError();
    return out.GetError().GetMessage();
  }
};

TEST_P(QueryTest, APartitionInSortKeyOrderEitherWay) {
  EXPECT_EQ(Column(Items(Abba()), "song"), "chiquitita, dancing queen, fernando, mamma mia, waterloo");
  EXPECT_EQ(Column(Items(Abba().WithScanIndexForward(false)), "song"),
            "waterloo, mamma mia, fernando, dancing queen, chiquitita");
  EXPECT_EQ(Column(Items(Q("artist = :a", {{":a", S("queen")}})), "song"), "bohemian rhapsody, innuendo, mamma mia");
  EXPECT_EQ(Items(Q("artist = :a", {{":a", S("nobody")}})).size(), 0u);
}

TEST_P(QueryTest, SortKeyConditions) {
  auto songs = [&](const std::string& condition, std::map<std::string, M::AttributeValue> values) {
    values[":a"] = S("abba");
    return Column(Items(Q("artist = :a AND " + condition, values)), "song");
  };
  EXPECT_EQ(songs("begins_with(song, :p)", {{":p", S("m")}}), "mamma mia");
  EXPECT_EQ(songs("song BETWEEN :x AND :y", {{":x", S("d")}, {":y", S("g")}}), "dancing queen, fernando");
  EXPECT_EQ(songs("song < :x", {{":x", S("d")}}), "chiquitita");
  EXPECT_EQ(songs(":x <= song", {{":x", S("m")}}), "mamma mia, waterloo");
  EXPECT_EQ(songs("song = :x", {{":x", S("fernando")}}), "fernando");
  EXPECT_EQ(Column(Items(Q("(song > :x) AND (artist = :a)", {{":a", S("abba")}, {":x", S("m")}})), "song"),
            "mamma mia, waterloo");
}

TEST_P(QueryTest, NumericSortKeysInNumericOrder) {
  Create(ScoresTable());
  for (const char* score : {"10", "9", "100", "-5", "2.50"}) Put("scores", {{"player", S("p")}, {"score", N(score)}});
  auto all = Items(M::QueryRequest()
                       .WithTableName("scores")
                       .WithKeyConditionExpression("player = :p")
                       .WithExpressionAttributeValues({{":p", S("p")}}));
  EXPECT_EQ(Column(all, "score"), "-5, 2.5, 9, 10, 100") << "numbers are stored canonical and ordered as numbers";
  auto high = Items(M::QueryRequest()
                        .WithTableName("scores")
                        .WithKeyConditionExpression("player = :p AND score > :n")
                        .WithExpressionAttributeValues({{":p", S("p")}, {":n", N("9.0")}}));
  EXPECT_EQ(Column(high, "score"), "10, 100");
}

TEST_P(QueryTest, PagesWithLimitAndExclusiveStartKey) {
  std::vector<std::string> pages;
  M::QueryRequest r = Abba().WithLimit(2);
  for (int guard = 0; guard < 10; ++guard) {
    auto out = client->Query(r);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    pages.push_back(Column(out.GetResult().GetItems(), "song"));
    if (out.GetResult().GetLastEvaluatedKey().empty()) break;
    EXPECT_EQ(out.GetResult().GetLastEvaluatedKey().size(), 2u) << "the table's key";
    r.SetExclusiveStartKey(out.GetResult().GetLastEvaluatedKey());
  }
  EXPECT_EQ(pages, (std::vector<std::string>{"chiquitita, dancing queen", "fernando, mamma mia", "waterloo"}));
}

// A page ends after the item that takes it past 1 MB, with a LastEvaluatedKey
// (API Reference, Query: "up to 1 MB of data"); the next page goes on from it.
TEST_P(QueryTest, OneMegabyteEndsAPage) {
  for (int i = 0; i < 5; ++i)
    Put("music", {{"artist", S("big")}, {"song", S("s" + std::to_string(i))}, {"v", S(std::string(300 * 1024, 'x'))}});
  auto first = client->Query(Q("artist = :a", {{":a", S("big")}}).WithProjectionExpression("song"));
  ASSERT_TRUE(first.IsSuccess()) << first.GetError();
  EXPECT_EQ(Column(first.GetResult().GetItems(), "song"), "s0, s1, s2, s3") << "sized before the projection";
  EXPECT_EQ(first.GetResult().GetScannedCount(), 4);
  ASSERT_FALSE(first.GetResult().GetLastEvaluatedKey().empty());
  EXPECT_EQ(first.GetResult().GetLastEvaluatedKey().at("song").GetS(), "s3");
  auto second = client->Query(Q("artist = :a", {{":a", S("big")}})
                                  .WithProjectionExpression("song")
                                  .WithExclusiveStartKey(first.GetResult().GetLastEvaluatedKey()));
  ASSERT_TRUE(second.IsSuccess()) << second.GetError();
  EXPECT_EQ(Column(second.GetResult().GetItems(), "song"), "s4");
  EXPECT_TRUE(second.GetResult().GetLastEvaluatedKey().empty());
}

TEST_P(QueryTest, ALimitReachedOnTheLastItemStillReturnsALastEvaluatedKey) {
  auto first = client->Query(Abba().WithLimit(5));
  ASSERT_TRUE(first.IsSuccess()) << first.GetError();
  EXPECT_EQ(first.GetResult().GetCount(), 5);
  ASSERT_FALSE(first.GetResult().GetLastEvaluatedKey().empty());
  EXPECT_EQ(Show(first.GetResult().GetLastEvaluatedKey()), "{artist: S abba, song: S waterloo}");
  auto next = client->Query(Abba().WithLimit(5).WithExclusiveStartKey(first.GetResult().GetLastEvaluatedKey()));
  ASSERT_TRUE(next.IsSuccess()) << next.GetError();
  EXPECT_EQ(next.GetResult().GetCount(), 0);
  EXPECT_TRUE(next.GetResult().GetLastEvaluatedKey().empty());
}

TEST_P(QueryTest, FilterCountsWhatItKeepsAndScannedCountWhatItRead) {
  auto out = client->Query(Q("artist = :a", {{":a", S("abba")}, {":p", N("500")}}).WithFilterExpression("plays > :p"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Column(out.GetResult().GetItems(), "song"), "dancing queen, mamma mia");
  EXPECT_EQ(out.GetResult().GetCount(), 2);
  EXPECT_EQ(out.GetResult().GetScannedCount(), 5);
  // Limit bounds what is read, before the filter.
  auto limited = client->Query(
      Q("artist = :a", {{":a", S("abba")}, {":p", N("500")}}).WithFilterExpression("plays > :p").WithLimit(2));
  ASSERT_TRUE(limited.IsSuccess());
  EXPECT_EQ(Column(limited.GetResult().GetItems(), "song"), "dancing queen");
  EXPECT_EQ(limited.GetResult().GetScannedCount(), 2);
}

TEST_P(QueryTest, SelectCountAndProjection) {
  auto count = client->Query(Abba().WithSelect(M::Select::COUNT));
  ASSERT_TRUE(count.IsSuccess()) << count.GetError();
  EXPECT_EQ(count.GetResult().GetCount(), 5);
  EXPECT_FALSE(count.GetResult().ItemsHasBeenSet());
  auto projected =
      Items(Abba().WithProjectionExpression("title, #y").WithExpressionAttributeNames({{"#y", "year"}}).WithLimit(1));
  EXPECT_EQ(Show(projected), "{title: S chiquitita, year: N 1979}");
}

TEST_P(QueryTest, AGlobalIndexIsSparseOrderedByItsSortKeyAndProjected) {
  auto pop = Items(Q("genre = :g", {{":g", S("pop")}}).WithIndexName("byGenre"));
  EXPECT_EQ(Column(pop, "song"), "waterloo, chiquitita, mamma mia, dancing queen");
  ASSERT_FALSE(pop.empty());
  EXPECT_EQ(Show(pop[0]), "{artist: S abba, genre: S pop, plays: N 80, song: S waterloo, title: S waterloo}");
  auto between =
      Items(Q("genre = :g AND plays BETWEEN :lo AND :hi", {{":g", S("pop")}, {":lo", N("100")}, {":hi", N("800")}})
                .WithIndexName("byGenre"));
  EXPECT_EQ(Column(between, "song"), "chiquitita, mamma mia");
}

TEST_P(QueryTest, AGlobalIndexPagesWithItsKeysInTheLastEvaluatedKey) {
  M::QueryRequest r = Q("genre = :g", {{":g", S("pop")}}).WithIndexName("byGenre").WithLimit(1);
  std::vector<std::string> seen;
  for (int guard = 0; guard < 10; ++guard) {
    auto out = client->Query(r);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    if (guard == 0) {
      EXPECT_EQ(Show(out.GetResult().GetLastEvaluatedKey()),
                "{artist: S abba, genre: S pop, plays: N 80, song: S waterloo}");
    }
    for (const auto& i : out.GetResult().GetItems()) seen.push_back(i.at("song").GetS());
    if (out.GetResult().GetLastEvaluatedKey().empty()) break;
    r.SetExclusiveStartKey(out.GetResult().GetLastEvaluatedKey());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"waterloo", "chiquitita", "mamma mia", "dancing queen"}));
}

TEST_P(QueryTest, ALocalIndexProjectsItsKeysAndFetchesTheRestWhenAsked) {
  M::QueryRequest r = Q("artist = :a AND #y >= :y", {{":a", S("abba")}, {":y", N("1976")}})
                          .WithExpressionAttributeNames({{"#y", "year"}})
                          .WithIndexName("byYear");
  auto keys = Items(r);
  EXPECT_EQ(Column(keys, "song"), "dancing queen, fernando, chiquitita") << "ties on the index key in table key order";
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(Show(keys[0]), "{artist: S abba, song: S dancing queen, year: N 1976}");
  auto all = Items(r.WithSelect(M::Select::ALL_ATTRIBUTES));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].count("lyrics"), 1u);
}

TEST_P(QueryTest, LegacyKeyConditionsQueryFilterAndAttributesToGet) {
  auto cond = [](M::ComparisonOperator op, std::vector<M::AttributeValue> values) {
    return M::Condition().WithComparisonOperator(op).WithAttributeValueList(std::move(values));
  };
  auto out = client->Query(M::QueryRequest()
                               .WithTableName("music")
                               .WithKeyConditions({{"artist", cond(M::ComparisonOperator::EQ, {S("abba")})},
                                                   {"song", cond(M::ComparisonOperator::GE, {S("d")})}})
                               .WithQueryFilter({{"year", cond(M::ComparisonOperator::LT, {N("1976")})}})
                               .WithAttributesToGet({"song", "year"}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Show(out.GetResult().GetItems()), "{song: S mamma mia, year: N 1975}\n{song: S waterloo, year: N 1974}");
  EXPECT_EQ(out.GetResult().GetScannedCount(), 4);
}

TEST_P(QueryTest, ATableWithoutSortKeyReturnsOneItemAndNoLastEvaluatedKey) {
  Create(OrdersTable());
  Put("orders", {{"id", S("a")}, {"n", N("1")}});
  auto out = client->Query(M::QueryRequest()
                               .WithTableName("orders")
                               .WithKeyConditionExpression("id = :i")
                               .WithExpressionAttributeValues({{":i", S("a")}})
                               .WithLimit(1));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetCount(), 1);
  EXPECT_TRUE(out.GetResult().GetLastEvaluatedKey().empty());
}

TEST_P(QueryTest, ConsumedCapacityOfTheItemsRead) {
  auto total = client->Query(Abba().WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  ASSERT_TRUE(total.IsSuccess());
  EXPECT_EQ(total.GetResult().GetConsumedCapacity().GetTableName(), "music");
  EXPECT_EQ(total.GetResult().GetConsumedCapacity().GetCapacityUnits(), 0.5);
  EXPECT_FALSE(total.GetResult().GetConsumedCapacity().TableHasBeenSet());
  auto strong =
      client->Query(Abba().WithConsistentRead(true).WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  ASSERT_TRUE(strong.IsSuccess());
  EXPECT_EQ(strong.GetResult().GetConsumedCapacity().GetCapacityUnits(), 1.0);
  EXPECT_EQ(strong.GetResult().GetConsumedCapacity().GetTable().GetCapacityUnits(), 1.0);
  auto gsi = client->Query(Q("genre = :g", {{":g", S("pop")}})
                               .WithIndexName("byGenre")
                               .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  ASSERT_TRUE(gsi.IsSuccess());
  EXPECT_EQ(gsi.GetResult().GetConsumedCapacity().GetCapacityUnits(), 0.5);
  EXPECT_EQ(gsi.GetResult().GetConsumedCapacity().GetGlobalSecondaryIndexes().at("byGenre").GetCapacityUnits(), 0.5);
  EXPECT_FALSE(Abba().ReturnConsumedCapacityHasBeenSet());
  EXPECT_FALSE(client->Query(Abba()).GetResult().ConsumedCapacityHasBeenSet());
}

struct Misuse {
  const char* name;
  std::function<M::QueryRequest()> request;
  const char* message;
};

M::QueryRequest Music(const std::string& keyCondition, std::map<std::string, M::AttributeValue> values) {
  return M::QueryRequest()
      .WithTableName("music")
      .WithKeyConditionExpression(keyCondition)
      .WithExpressionAttributeValues(std::move(values));
}

const Misuse kMisuses[] = {
    {"NoPartitionKey",
     [] {
       return Music("song = :s", {{":s", S("x")}});
     },
     "Query condition missed key schema element: artist"},
    {"NotAKeyAttribute",
     [] {
       return Music("lyrics = :s", {{":s", S("x")}});
     },
     "Query condition missed key schema element: artist"},
    {"SecondConditionNotOnTheSortKey",
     [] {
       return Music("artist = :a AND lyrics = :s", {{":a", S("a")}, {":s", S("x")}});
     },
     "Query condition missed key schema element: song"},
    {"Or",
     [] {
       return Music("artist = :a OR song = :s", {{":a", S("a")}, {":s", S("x")}});
     },
     "Invalid operator used in KeyConditionExpression: OR"},
    {"RangeOnThePartitionKey",
     [] {
       return Music("artist < :a", {{":a", S("a")}});
     },
     "Query key condition not supported"},
    {"WrongType",
     [] {
       return Music("artist = :a", {{":a", N("1")}});
     },
     "One or more parameter values were invalid: Condition parameter type does not match schema type"},
    {"EmptyKeyValue",
     [] {
       return Music("artist = :a", {{":a", S("")}});
     },
     "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
     "string "
     "value. Key: artist"},
    {"FilterOnTheSortKey",
     [] {
       return Music("artist = :a", {{":a", S("a")}, {":s", S("x")}}).WithFilterExpression("song = :s");
     },
     "Filter Expression can only contain non-primary key attributes: Primary key attribute: song"},
    {"NestedPathIntoAKey",
     [] {
       return Music("artist = :a", {{":a", S("a")}, {":s", S("x")}}).WithFilterExpression("artist.x = :s");
     },
     "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: artist"},
    {"NoKeyCondition", [] { return M::QueryRequest().WithTableName("music"); },
     "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."},
    {"UnusedValue",
     [] {
       return Music("artist = :a", {{":a", S("a")}, {":x", S("x")}});
     },
     "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}"},
    {"UndefinedValue",
     [] {
       return Music("artist = :b", {{":a", S("a")}});
     },
     "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute "
     "value: :b"},
    {"SyntaxError",
     [] {
       return Music("artist = ", {{":a", S("a")}});
     },
     "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \""},
    {"Mixed",
     [] {
       return Music("artist = :a", {{":a", S("a")}}).WithAttributesToGet({"song"});
     },
     "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
     "{AttributesToGet} Expression parameters: {KeyConditionExpression}"},
    {"AllProjectedWithoutIndex",
     [] {
       return Music("artist = :a", {{":a", S("a")}}).WithSelect(M::Select::ALL_PROJECTED_ATTRIBUTES);
     },
     "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"},
    {"CountWithProjection",
     [] {
       return Music("artist = :a", {{":a", S("a")}}).WithSelect(M::Select::COUNT).WithProjectionExpression("song");
     },
     "Cannot specify the ProjectionExpression when choosing to get only the Count"},
    {"UnknownIndex",
     [] {
       return Music("artist = :a", {{":a", S("a")}}).WithIndexName("nope");
     },
     "The table does not have the specified index: nope"},
    {"ConsistentReadOnAGlobalIndex",
     [] {
       return Music("genre = :g", {{":g", S("pop")}}).WithIndexName("byGenre").WithConsistentRead(true);
     },
     "Consistent reads are not supported on global secondary indexes"},
    {"AllAttributesOfAGlobalIndex",
     [] {
       return Music("genre = :g", {{":g", S("pop")}}).WithIndexName("byGenre").WithSelect(M::Select::ALL_ATTRIBUTES);
     },
     "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary "
     "index "
     "byGenre because its projection type is not ALL"},
    {"ProjectingWhatAGlobalIndexLacks",
     [] {
       return Music("genre = :g", {{":g", S("pop")}})
           .WithIndexName("byGenre")
           .WithProjectionExpression("lyrics, title");
     },
     "One or more parameter values were invalid: Global secondary index byGenre does not project [lyrics]"},
    {"StartKeyOutsideThePartition",
     [] {
       return Music("artist = :a", {{":a", S("abba")}})
           .WithExclusiveStartKey({{"artist", S("queen")}, {"song", S("x")}});
     },
     "The provided starting key is outside query boundaries based on provided conditions"},
    {"StartKeyOfTheWrongShape",
     [] {
       return Music("artist = :a", {{":a", S("abba")}}).WithExclusiveStartKey({{"artist", S("abba")}});
     },
     "The provided starting key is invalid"},
};

TEST_P(QueryTest, MisusesAnsweredWithTheServiceMessages) {
  for (const Misuse& m : kMisuses) EXPECT_EQ(Error(m.request()), m.message) << m.name;
}

TEST_P(QueryTest, TheRequestsOwnErrorsComeBeforeAMissingTable) {
  auto bad = client->Query(Music("artist = ", {{":a", S("a")}}).WithTableName("missing"));
  ASSERT_FALSE(bad.IsSuccess());
  EXPECT_EQ(bad.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  auto good = client->Query(Music("artist = :a", {{":a", S("a")}}).WithTableName("missing"));
  ASSERT_FALSE(good.IsSuccess());
  EXPECT_EQ(good.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(good.GetError().GetMessage(), "Requested resource not found");
}

DYNAFAKE_INSTANTIATE(QueryTest);

}  // namespace query_suite
}  // namespace dynafake_test
