// Parallel Scan: Segment/TotalSegments split the table as contiguous ranges
// of a hash of the partition key, so a segment of 2 is exactly two
// neighbouring segments of 4, and a partition key always lands in the same
// segment. The hash is dynalite's (docs/behaviour.md says what that means
// and what it does not).
#include "fixtures.hpp"

#include <set>

namespace dynafake_test {
namespace {

class ScanSegmentsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "o-" + std::to_string(i))).IsSuccess());
  }

  /// The ids a whole segment holds, read page by page.
  std::set<std::string> Segment(int segment, int total) {
    std::set<std::string> ids;
    M::ScanRequest request = M::ScanRequest().WithTableName("orders").WithSegment(segment).WithTotalSegments(total);
    request.SetLimit(7);
    for (int page = 0; page < 100; ++page) {
      auto out = client->Scan(request);
      EXPECT_TRUE(out.IsSuccess()) << out.GetError();
      if (!out.IsSuccess()) break;
      for (const auto& item : out.GetResult().GetItems()) ids.insert(item.at("id").GetS());
      if (!out.GetResult().LastEvaluatedKeyHasBeenSet()) break;
      request.SetExclusiveStartKey(out.GetResult().GetLastEvaluatedKey());
    }
    return ids;
  }
};

std::set<std::string> Union(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out = a;
  out.insert(b.begin(), b.end());
  return out;
}

TEST_P(ScanSegmentsTest, EachSegmentIsTwoNeighbouringSegmentsOfTwiceAsMany) {
  const std::set<std::string> firstHalf = Segment(0, 2), secondHalf = Segment(1, 2);
  EXPECT_EQ(firstHalf.size() + secondHalf.size(), 40u);
  EXPECT_EQ(firstHalf, Union(Segment(0, 4), Segment(1, 4)));
  EXPECT_EQ(secondHalf, Union(Segment(2, 4), Segment(3, 4)));
}

TEST_P(ScanSegmentsTest, OneSegmentOfOneIsTheWholeTable) { EXPECT_EQ(Segment(0, 1).size(), 40u); }

TEST_P(ScanSegmentsTest, AKeyLandsInTheSegmentOfItsHash) {
  // MD5("Outliers" + key bytes), first 24 bits, times TotalSegments over 2^24 (architect/dynalite
  // db/index.js hashPrefix, actions/scan.js), computed for these keys with a Python port of those functions: "o-1"
  // 8d1637, "o-2" 593219, "o-3" 782c02.
  const std::set<std::string> third = Segment(2, 4), second = Segment(1, 4);
  EXPECT_EQ(third.count("o-1"), 1u);
  EXPECT_EQ(second.count("o-2"), 1u);
  EXPECT_EQ(second.count("o-3"), 1u);
}

TEST_P(ScanSegmentsTest, NumberKeysAreHashedAsTheServiceEncodesNumbers) {
  M::CreateTableRequest table = OrdersTable("counters");
  table.SetAttributeDefinitions(
      {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::N)});
  ASSERT_TRUE(client->CreateTable(table).IsSuccess());
  for (const char* n : {"1", "-1", "12.5"})
    ASSERT_TRUE(
        client->PutItem(M::PutItemRequest().WithTableName("counters").WithItem({{"id", M::AttributeValue().SetN(n)}}))
            .IsSuccess());
  auto segment = [&](int s) {
    auto out = client->Scan(M::ScanRequest().WithTableName("counters").WithSegment(s).WithTotalSegments(4));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    std::set<std::string> ids;
    if (out.IsSuccess())
      for (const auto& item : out.GetResult().GetItems()) ids.insert(item.at("id").GetN());
    return ids;
  };
  // 1 is the bytes c1 02 (hash c3a031), -1 is 3e 64 66 (0267df), 12.5 is c1 0d 33 (472398)
  EXPECT_EQ(segment(0), std::set<std::string>{"-1"});
  EXPECT_EQ(segment(1), std::set<std::string>{"12.5"});
  EXPECT_EQ(segment(3), std::set<std::string>{"1"});
}

TEST_P(ScanSegmentsTest, AStartKeyOfAnotherSegmentIsRefused) {
  auto out =
      client->Scan(M::ScanRequest().WithTableName("orders").WithSegment(0).WithTotalSegments(4).WithExclusiveStartKey(
          {{"id", M::AttributeValue("o-1")}}));  // in segment 2
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(out.GetError().GetMessage(),
            "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with "
            "correct Segment. TotalSegments: 4 Segment: 0");
}

DYNAFAKE_INSTANTIATE(ScanSegmentsTest);

}  // namespace
}  // namespace dynafake_test
