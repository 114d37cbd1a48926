// Time to Live as a table setting: DescribeTimeToLive and UpdateTimeToLive
// with the service's messages (expiry on the clock: time_to_live_expiry_test.cpp);
// a backup records the table's TTL status; a
// restored table starts with TTL disabled (the Developer Guide lists TTL
// among the settings to set up again on a restored table); and a restored
// table answers the same Query, on the table and on its indexes, as its
// source did at the backup's cut.
#include "data_plane_fixtures.hpp"

namespace dynafake_test {
namespace time_to_live_suite {

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

class TimeToLiveTest : public DataPlaneTest {
 protected:
  void SetUp() override { SeedMusic(); }
  M::UpdateTimeToLiveOutcome Update(bool enabled, const std::string& attribute = "expires") {
    return client->UpdateTimeToLive(M::UpdateTimeToLiveRequest().WithTableName("music").WithTimeToLiveSpecification(
        M::TimeToLiveSpecification().WithEnabled(enabled).WithAttributeName(attribute)));
  }
  M::TimeToLiveDescription Describe(const std::string& table = "music") {
    auto out = client->DescribeTimeToLive(M::DescribeTimeToLiveRequest().WithTableName(table));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.GetResult().GetTimeToLiveDescription();
  }
};

TEST_P(TimeToLiveTest, DisabledUntilEnabled) {
  EXPECT_EQ(Describe().GetTimeToLiveStatus(), M::TimeToLiveStatus::DISABLED);
  EXPECT_FALSE(Describe().AttributeNameHasBeenSet());
  auto out = Update(true);
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(out.GetResult().GetTimeToLiveSpecification().GetEnabled());
  EXPECT_EQ(out.GetResult().GetTimeToLiveSpecification().GetAttributeName(), "expires");
  // ServiceOptions::Instant(): the change is done at once
  EXPECT_EQ(Describe().GetTimeToLiveStatus(), M::TimeToLiveStatus::ENABLED);
  EXPECT_EQ(Describe().GetAttributeName(), "expires");
  clock.Advance(std::chrono::hours(1));
  ASSERT_TRUE(Update(false).IsSuccess());
  EXPECT_EQ(Describe().GetTimeToLiveStatus(), M::TimeToLiveStatus::DISABLED);
}

TEST_P(TimeToLiveTest, Misuses) {
  ASSERT_TRUE(Update(true).IsSuccess());
  EXPECT_EQ(Update(true).GetError().GetMessage(), "TimeToLive is already enabled");
  EXPECT_EQ(Update(true, "other").GetError().GetMessage(), "TimeToLive is active on a different AttributeName");
  auto soon = Update(false);
  EXPECT_EQ(soon.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(soon.GetError().GetMessage(), "Time to live has been modified multiple times within a fixed interval");
  clock.Advance(std::chrono::hours(1));
  ASSERT_TRUE(Update(false).IsSuccess());
  EXPECT_EQ(Update(false).GetError().GetMessage(), "TimeToLive is already disabled");
  EXPECT_EQ(Update(true, "").GetError().GetMessage(),
            "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
  auto missing = client->DescribeTimeToLive(M::DescribeTimeToLiveRequest().WithTableName("missing"));
  EXPECT_EQ(missing.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  auto update =
      client->UpdateTimeToLive(M::UpdateTimeToLiveRequest().WithTableName("missing").WithTimeToLiveSpecification(
          M::TimeToLiveSpecification().WithEnabled(true).WithAttributeName("x")));
  EXPECT_EQ(update.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
}

TEST_P(TimeToLiveTest, ABackupRecordsTheStatusAndARestoreStartsDisabled) {
  ASSERT_TRUE(Update(true).IsSuccess());
  const std::string arn = Backup("music");
  auto described = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(described.IsSuccess()) << described.GetError();
  const auto& features = described.GetResult().GetBackupDescription().GetSourceTableFeatureDetails();
  EXPECT_EQ(features.GetTimeToLiveDescription().GetTimeToLiveStatus(), M::TimeToLiveStatus::ENABLED);
  EXPECT_EQ(features.GetTimeToLiveDescription().GetAttributeName(), "expires");
  clock.Advance(service.Options().durations.backupCreate);
  auto restored =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn));
  ASSERT_TRUE(restored.IsSuccess()) << restored.GetError();
  clock.Advance(service.Options().durations.restore);
  EXPECT_EQ(Describe("copy").GetTimeToLiveStatus(), M::TimeToLiveStatus::DISABLED);
}

TEST_P(TimeToLiveTest, ARestoredTableAnswersTheSameQueriesAsItsSourceAtTheCut) {
  const std::string arn = Backup("music");
  Put("music", {{"artist", S("abba")}, {"song", S("after the cut")}, {"genre", S("pop")}, {"plays", N("1")}});
  clock.Advance(service.Options().durations.backupCreate);
  ASSERT_TRUE(
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn))
          .IsSuccess());
  clock.Advance(service.Options().durations.restore);
  auto query = [&](const std::string& table, const std::string& index, const std::string& condition,
                   const std::string& value) {
    M::QueryRequest r =
        M::QueryRequest().WithTableName(table).WithKeyConditionExpression(condition).WithExpressionAttributeValues(
            {{":v", S(value)}});
    if (!index.empty()) r.SetIndexName(index);
    auto out = client->Query(r);
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return Show(out.GetResult().GetItems());
  };
  EXPECT_EQ(query("copy", "", "artist = :v", "abba"),
            "{artist: S abba, genre: S pop, lyrics: S la la, plays: N 300, song: S chiquitita, title: S chiquitita, "
            "year: N 1979}\n"
            "{artist: S abba, genre: S pop, lyrics: S la la, plays: N 900, song: S dancing queen, title: S dancing "
            "queen, year: N 1976}\n"
            "{artist: S abba, lyrics: S la la, song: S fernando, title: S fernando, year: N 1976}\n"
            "{artist: S abba, genre: S pop, lyrics: S la la, plays: N 700, song: S mamma mia, title: S mamma mia, "
            "year: N 1975}\n"
            "{artist: S abba, genre: S pop, lyrics: S la la, plays: N 80, song: S waterloo, title: S waterloo, year: N "
            "1974}");
  EXPECT_NE(query("music", "", "artist = :v", "abba"), query("copy", "", "artist = :v", "abba"))
      << "the source moved on";
  EXPECT_EQ(Column(client
                       ->Query(M::QueryRequest()
                                   .WithTableName("copy")
                                   .WithIndexName("byGenre")
                                   .WithKeyConditionExpression("genre = :v")
                                   .WithExpressionAttributeValues({{":v", S("pop")}}))
                       .GetResult()
                       .GetItems(),
                   "song"),
            "waterloo, chiquitita, mamma mia, dancing queen");
  EXPECT_EQ(
      query("copy", "byYear", "artist = :v", "queen"),
      "{artist: S queen, song: S bohemian rhapsody, year: N 1975}\n{artist: S queen, song: S mamma mia, year: N 1975}\n"
      "{artist: S queen, song: S innuendo, year: N 1991}");
}

DYNAFAKE_INSTANTIATE(TimeToLiveTest);

}  // namespace time_to_live_suite
}  // namespace dynafake_test
