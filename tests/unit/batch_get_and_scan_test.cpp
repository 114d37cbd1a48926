// BatchGetItem (keys over several tables, projections, missing keys, the
// limits and messages, capacity per table) and Scan (filters, the legacy
// ScanFilter, index scans, Select, segments, paging, capacity).
#include "data_plane_fixtures.hpp"

#include <set>

namespace dynafake_test {
namespace batch_get_and_scan_suite {

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

class BatchGetAndScanTest : public DataPlaneTest {
 protected:
  void SetUp() override {
    SeedMusic();
    Create(OrdersTable());
    Put("orders", {{"id", S("o1")}, {"total", N("12.5")}});
  }
  static Item Song(const std::string& artist, const std::string& song) {
    return {{"artist", S(artist)}, {"song", S(song)}};
  }
  static M::KeysAndAttributes Keys(std::vector<Item> keys) { return M::KeysAndAttributes().WithKeys(std::move(keys)); }
  std::string Error(const M::BatchGetItemRequest& r) {
    auto out = client->BatchGetItem(r);
    return out.IsSuccess() ? "(succeeded)" : out.GetError().GetMessage();
  }
  std::string ScanError(const M::ScanRequest& r) {
    auto out = client->Scan(r);
    return out.IsSuccess() ? "(succeeded)" : out.GetError().GetMessage();
  }
};

TEST_P(BatchGetAndScanTest, BatchGetItemReadsKeysOfSeveralTables) {
  auto out = client->BatchGetItem(
      M::BatchGetItemRequest()
          .WithRequestItems({{"music", Keys({Song("queen", "innuendo"), Song("abba", "sos"), Song("abba", "waterloo")})
                                           .WithProjectionExpression("song, #y")
                                           .WithExpressionAttributeNames({{"#y", "year"}})},
                             {"orders", Keys({{{"id", S("o1")}}}).WithConsistentRead(true)}})
          .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Show(out.GetResult().GetResponses().at("music")),
            "{song: S innuendo, year: N 1991}\n{song: S waterloo, year: N 1974}");
  EXPECT_EQ(Show(out.GetResult().GetResponses().at("orders")), "{id: S o1, total: N 12.5}");
  EXPECT_TRUE(out.GetResult().GetUnprocessedKeys().empty());
  std::map<std::string, double> units;
  for (const auto& c : out.GetResult().GetConsumedCapacity()) units[c.GetTableName()] = c.GetCapacityUnits();
  EXPECT_EQ(units, (std::map<std::string, double>{{"music", 1.5}, {"orders", 1.0}})) << "each key read as a GetItem";
}

TEST_P(BatchGetAndScanTest, BatchGetItemMisuses) {
  EXPECT_EQ(Error(M::BatchGetItemRequest().WithRequestItems({{"music", Keys({Song("abba", "x"), Song("abba", "x")})}})),
            "Provided list of item keys contains duplicates");
  std::vector<Item> many;
  for (int i = 0; i < 101; ++i) many.push_back(Song("abba", std::to_string(i)));
  auto tooMany = client->BatchGetItem(M::BatchGetItemRequest().WithRequestItems({{"music", Keys(many)}}));
  EXPECT_EQ(tooMany.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(Error(M::BatchGetItemRequest().WithRequestItems({{"music", Keys({{{"artist", S("abba")}}})}})),
            "The provided key element does not match the schema");
  EXPECT_EQ(Error(M::BatchGetItemRequest().WithRequestItems(
                {{"music", Keys({Song("abba", "x")}).WithAttributesToGet({"a"}).WithProjectionExpression("b")}})),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
            "{AttributesToGet} Expression parameters: {ProjectionExpression}");
  auto missing =
      client->BatchGetItem(M::BatchGetItemRequest().WithRequestItems({{"missing", Keys({{{"id", S("a")}}})}}));
  EXPECT_EQ(missing.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(missing.GetError().GetMessage(), "Requested resource not found");
}

TEST_P(BatchGetAndScanTest, ScanFiltersWithExpressionsOrTheLegacyScanFilter) {
  auto out = client->Scan(M::ScanRequest()
                              .WithTableName("music")
                              .WithFilterExpression("plays BETWEEN :lo AND :hi")
                              .WithExpressionAttributeValues({{":lo", N("70")}, {":hi", N("300")}}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  std::set<std::string> songs;
  for (const auto& i : out.GetResult().GetItems()) songs.insert(i.at("artist").GetS() + "/" + i.at("song").GetS());
  EXPECT_EQ(songs, (std::set<std::string>{"abba/chiquitita", "abba/waterloo", "queen/innuendo"}));
  EXPECT_EQ(out.GetResult().GetScannedCount(), 8);
  auto legacy = client->Scan(M::ScanRequest().WithTableName("music").WithScanFilter(
      {{"genre", M::Condition().WithComparisonOperator(M::ComparisonOperator::NULL_)}}));
  ASSERT_TRUE(legacy.IsSuccess()) << legacy.GetError();
  EXPECT_EQ(Column(legacy.GetResult().GetItems(), "song"), "fernando");
}

TEST_P(BatchGetAndScanTest, ScanOfAnIndexReadsItsEntries) {
  auto out = client->Scan(M::ScanRequest().WithTableName("music").WithIndexName("byGenre"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetCount(), 7) << "fernando has no genre";
  for (const auto& i : out.GetResult().GetItems()) EXPECT_EQ(i.count("lyrics"), 0u) << "not projected";
  auto paged = client->Scan(M::ScanRequest().WithTableName("music").WithIndexName("byGenre").WithLimit(1));
  ASSERT_TRUE(paged.IsSuccess()) << paged.GetError();
  EXPECT_EQ(paged.GetResult().GetLastEvaluatedKey().size(), 4u) << "table and index keys";
  auto next =
      client->Scan(M::ScanRequest().WithTableName("music").WithIndexName("byGenre").WithLimit(10).WithExclusiveStartKey(
          paged.GetResult().GetLastEvaluatedKey()));
  ASSERT_TRUE(next.IsSuccess()) << next.GetError();
  EXPECT_EQ(next.GetResult().GetCount(), 6);
}

TEST_P(BatchGetAndScanTest, SegmentsCoverTheTableOnceAndKeepPartitionsTogether) {
  std::multiset<std::string> seen;
  std::map<std::string, std::set<int>> segmentsOfArtist;
  for (int s = 0; s < 3; ++s) {
    auto out = client->Scan(M::ScanRequest().WithTableName("music").WithSegment(s).WithTotalSegments(3));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    for (const auto& i : out.GetResult().GetItems()) {
      seen.insert(i.at("artist").GetS() + "/" + i.at("song").GetS());
      segmentsOfArtist[i.at("artist").GetS()].insert(s);
    }
  }
  EXPECT_EQ(seen.size(), 8u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 8u);
  for (const auto& kv : segmentsOfArtist) EXPECT_EQ(kv.second.size(), 1u) << kv.first;
}

TEST_P(BatchGetAndScanTest, ScanSelectProjectionCapacityAndMisuses) {
  auto count = client->Scan(M::ScanRequest()
                                .WithTableName("music")
                                .WithSelect(M::Select::COUNT)
                                .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  ASSERT_TRUE(count.IsSuccess());
  EXPECT_EQ(count.GetResult().GetCount(), 8);
  EXPECT_FALSE(count.GetResult().ItemsHasBeenSet());
  EXPECT_EQ(count.GetResult().GetConsumedCapacity().GetCapacityUnits(), 0.5);
  auto nested = client->Scan(M::ScanRequest()
                                 .WithTableName("orders")
                                 .WithProjectionExpression("#t, absent.deeper")
                                 .WithExpressionAttributeNames({{"#t", "total"}}));
  ASSERT_TRUE(nested.IsSuccess());
  EXPECT_EQ(Show(nested.GetResult().GetItems()), "{total: N 12.5}");
  EXPECT_EQ(ScanError(M::ScanRequest().WithTableName("music").WithSelect(M::Select::ALL_PROJECTED_ATTRIBUTES)),
            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
  EXPECT_EQ(
      ScanError(M::ScanRequest().WithTableName("music").WithFilterExpression("a = :a")),
      "Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :a");
  EXPECT_EQ(ScanError(M::ScanRequest().WithTableName("music").WithExpressionAttributeValues({{":a", S("x")}})),
            "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
  EXPECT_EQ(ScanError(M::ScanRequest().WithTableName("music").WithExpressionAttributeNames({{"#a", "x"}})),
            "ExpressionAttributeNames can only be specified when using expressions");
  EXPECT_EQ(
      ScanError(M::ScanRequest().WithTableName("music").WithSegment(1)),
      "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
  EXPECT_EQ(ScanError(M::ScanRequest().WithTableName("missing")), "Requested resource not found");
}

DYNAFAKE_INSTANTIATE(BatchGetAndScanTest);

}  // namespace batch_get_and_scan_suite
}  // namespace dynafake_test
