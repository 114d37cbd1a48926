// Time to Live on the test's clock: UpdateTimeToLive goes ENABLING -> ENABLED
// and DISABLING -> DISABLED in ServiceOptions::durations.timeToLiveChange (the
// documented "up to one hour"); an item whose TTL attribute, a Number of epoch
// seconds, is less than the current time is expired, stays readable, and is
// deleted ServiceOptions::timeToLive.deletionDelay later (default 48 h: "within
// two days"); other types and values more than five years old never expire;
// the deletion is in the PITR history, so a restore to before it holds the item.
#include <chrono>   // std::chrono::hours, std::chrono::seconds
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include <dynafake/detail/storage/expiry_queue.hpp>

#include "fixtures.hpp"

namespace dynafake_test {
namespace time_to_live_expiry_suite {

using std::chrono::hours;
using std::chrono::seconds;

/// Instant durations (TTL is ENABLED at once) with the default 48 h deletion delay.
class ExpiryTest : public ServiceTest {
 protected:
  explicit ExpiryTest(dynafake::ServiceOptions options = dynafake::ServiceOptions::Instant())
      : ServiceTest(std::move(options)) {}
  void SetUp() override {
    CreateActiveTable("sessions");
    EnableTtl();
  }
  void EnableTtl(bool enabled = true) {
    auto out = client->UpdateTimeToLive(
        M::UpdateTimeToLiveRequest()
            .WithTableName("sessions")
            .WithTimeToLiveSpecification(
                M::TimeToLiveSpecification().WithEnabled(enabled).WithAttributeName("expires")));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  int64_t NowSeconds() const { return dynafake::DateTime(clock.Now()).Seconds(); }
  /// A session that expires at `expires` (epoch seconds, as a Number).
  void PutSession(const std::string& id, const M::AttributeValue& expires) {
    auto out = client->PutItem(
        M::PutItemRequest().WithTableName("sessions").WithItem({{"id", M::AttributeValue(id)}, {"expires", expires}}));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  void PutSessionExpiringAt(const std::string& id, int64_t epochSeconds) {
    PutSession(id, M::AttributeValue().SetN(std::to_string(epochSeconds)));
  }
  bool Has(const std::string& id, const std::string& table = "sessions") {
    auto out = client->GetItem(M::GetItemRequest().WithTableName(table).WithKey({{"id", M::AttributeValue(id)}}));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() && !out.GetResult().GetItem().empty();
  }
  int Count(const std::string& table = "sessions") {
    auto out = client->Scan(M::ScanRequest().WithTableName(table));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetCount() : -1;
  }
  M::TimeToLiveStatus Status() {
    auto out = client->DescribeTimeToLive(M::DescribeTimeToLiveRequest().WithTableName("sessions"));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.GetResult().GetTimeToLiveDescription().GetTimeToLiveStatus();
  }
};

TEST_P(ExpiryTest, AnExpiredItemStaysReadableUntilTheDeletionDelayHasPassed) {
  PutSessionExpiringAt("old", NowSeconds() - 10);
  PutSessionExpiringAt("live", NowSeconds() + 3600);
  EXPECT_TRUE(Has("old")) << "expired, not yet deleted: reads still return it";
  clock.Advance(hours(48) - seconds(10));  // 48 h after its expiry time: expired only from the next millisecond
  EXPECT_TRUE(Has("old"));
  clock.Advance(std::chrono::milliseconds(1));
  EXPECT_FALSE(Has("old")) << "deleted 48 h after it expired";
  EXPECT_TRUE(Has("live"));
  clock.Advance(hours(1) + hours(48));
  EXPECT_FALSE(Has("live"));
  EXPECT_EQ(Count(), 0);
}

TEST_P(ExpiryTest, OnlyANumberNotOlderThanFiveYearsExpires) {
  PutSession("string", M::AttributeValue(std::to_string(NowSeconds() - 10)));
  PutSession("set", M::AttributeValue().SetNS({std::to_string(NowSeconds() - 10)}));
  PutSessionExpiringAt("ancient", NowSeconds() - 6 * 365 * 86400);
  PutSessionExpiringAt("milliseconds", (NowSeconds() + 60) * 1000);  // epoch ms: far in the future as seconds
  ASSERT_TRUE(
      client->PutItem(M::PutItemRequest().WithTableName("sessions").WithItem({{"id", M::AttributeValue("none")}}))
          .IsSuccess());
  PutSessionExpiringAt("due", NowSeconds() - 1);
  PutSession("fraction", M::AttributeValue().SetN(std::to_string(NowSeconds() - 1) + ".5"));
  PutSession("exponent", M::AttributeValue().SetN("1.767225e9"));  // 2025-12-31T23:50:00Z, ten minutes ago
  clock.Advance(hours(24 * 30));
  EXPECT_EQ(Count(), 5);
  EXPECT_FALSE(Has("due") || Has("fraction") || Has("exponent"));
  EXPECT_TRUE(Has("string") && Has("set") && Has("ancient") && Has("milliseconds") && Has("none"));
}

TEST_P(ExpiryTest, AWriteMovesTheExpiryAndARemovedAttributeCancelsIt) {
  PutSessionExpiringAt("renewed", NowSeconds() + 60);
  PutSessionExpiringAt("kept", NowSeconds() + 60);
  clock.Advance(seconds(30));
  PutSessionExpiringAt("renewed", NowSeconds() + 24 * 3600);  // the session was used: a day more
  auto removed = client->UpdateItem(M::UpdateItemRequest()
                                        .WithTableName("sessions")
                                        .WithKey({{"id", M::AttributeValue("kept")}})
                                        .WithUpdateExpression("REMOVE expires"));
  ASSERT_TRUE(removed.IsSuccess()) << removed.GetError();
  clock.Advance(hours(49));
  EXPECT_TRUE(Has("renewed")) << "its old expiry passed, its new one has not been followed by 48 h";
  EXPECT_TRUE(Has("kept"));
  clock.Advance(hours(24));
  EXPECT_FALSE(Has("renewed"));
  EXPECT_TRUE(Has("kept"));
}

TEST_P(ExpiryTest, DisablingStopsTheDeletionsThatWerePending) {
  PutSessionExpiringAt("old", NowSeconds() - 10);
  clock.Advance(hours(1));  // one change an hour
  EnableTtl(false);
  clock.Advance(hours(72));
  EXPECT_TRUE(Has("old"));
}

TEST_P(ExpiryTest, TheDeletionIsInThePointInTimeHistory) {
  auto pitr = client->UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest()
          .WithTableName("sessions")
          .WithPointInTimeRecoverySpecification(
              M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
  ASSERT_TRUE(pitr.IsSuccess()) << pitr.GetError();
  PutSessionExpiringAt("old", NowSeconds() - 1);
  const dynafake::DateTime beforeDeletion(clock.Now() + hours(47));
  clock.Advance(hours(49));
  ASSERT_FALSE(Has("old"));
  auto restored = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                        .WithSourceTableName("sessions")
                                                        .WithTargetTableName("sessions-before")
                                                        .WithRestoreDateTime(beforeDeletion));
  ASSERT_TRUE(restored.IsSuccess()) << restored.GetError();
  EXPECT_TRUE(Has("old", "sessions-before")) << "restored to before TTL deleted it";
  const std::string after = Backup("sessions");
  auto fromBackup = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("sessions-after").WithBackupArn(after));
  ASSERT_TRUE(fromBackup.IsSuccess()) << fromBackup.GetError();
  EXPECT_EQ(Count("sessions-after"), 0) << "a backup taken after the deletion does not hold it";
}

TEST_P(ExpiryTest, ATableDeletedAndCreatedAgainIsAnotherTable) {
  PutSessionExpiringAt("old", NowSeconds() - 10);
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("sessions")).IsSuccess());
  CreateActiveTable("sessions");
  PutSessionExpiringAt("old", NowSeconds() - 10);
  clock.Advance(hours(72));
  EXPECT_TRUE(Has("old")) << "the new table's TTL is off; the old table's pending deletion is stale";
}

/// A deletion delay of zero: an expired item goes on the next call.
class ExpiryWithoutDelayTest : public ExpiryTest {
 protected:
  static dynafake::ServiceOptions Options() {
    auto o = dynafake::ServiceOptions::Instant();
    o.timeToLive.deletionDelay = dynafake::Duration::zero();
    return o;
  }
  ExpiryWithoutDelayTest() : ExpiryTest(Options()) {}
};

TEST_P(ExpiryWithoutDelayTest, AnItemIsDeletedTheMillisecondAfterItExpires) {
  PutSessionExpiringAt("now", NowSeconds() + 1);
  clock.Advance(seconds(1));
  EXPECT_TRUE(Has("now")) << "expires when its time is less than the current time, not equal to it";
  clock.Advance(std::chrono::milliseconds(1));
  EXPECT_FALSE(Has("now"));
  PutSessionExpiringAt("stale", NowSeconds() - 100);
  EXPECT_FALSE(Has("stale")) << "written already expired: gone on the next call";
}

/// The default durations: UpdateTimeToLive takes an hour to settle.
class TimeToLiveChangeTest : public ExpiryTest {
 protected:
  static dynafake::ServiceOptions Options() {
    auto o = dynafake::ServiceOptions();
    o.timeToLive.deletionDelay = dynafake::Duration::zero();
    return o;
  }
  TimeToLiveChangeTest() : ExpiryTest(Options()) {}
  void SetUp() override { CreateActiveTable("sessions"); }
};

TEST_P(TimeToLiveChangeTest, EnablingAndDisablingTakeTheDocumentedHour) {
  PutSessionExpiringAt("written-before", NowSeconds() - 10);
  EnableTtl();
  EXPECT_EQ(Status(), M::TimeToLiveStatus::ENABLING);
  clock.Advance(hours(1) - seconds(1));
  EXPECT_EQ(Status(), M::TimeToLiveStatus::ENABLING);
  EXPECT_TRUE(Has("written-before")) << "nothing expires while ENABLING";
  clock.Advance(seconds(1));
  EXPECT_EQ(Status(), M::TimeToLiveStatus::ENABLED);
  EXPECT_FALSE(Has("written-before")) << "items written before TTL was enabled expire once it is ENABLED";
  EnableTtl(false);
  EXPECT_EQ(Status(), M::TimeToLiveStatus::DISABLING);
  clock.Advance(hours(1));
  EXPECT_EQ(Status(), M::TimeToLiveStatus::DISABLED);
}

// The queue hands entries out in (due, scheduling) order whether they arrive
// in order (its run) or not (its heap), and mixes the two correctly.
TEST(ExpiryQueue, HandsEntriesOutInTimeOrderHoweverTheyArrive) {
  dynafake::detail::ExpiryQueue q;
  const int64_t due[] = {10, 20, 20, 5, 30, 15, 30, 1, 40, 25};
  for (int64_t d : due) {
    dynafake::detail::ExpiryEntry e;
    e.dueMs = d;
    e.key = std::to_string(d);
    q.Push(std::move(e));
  }
  EXPECT_FALSE(q.HasDue(0));
  EXPECT_EQ(q.NextDueMs(), 1);
  std::vector<int64_t> order;
  std::vector<uint64_t> seqs;
  while (auto e = q.NextDue(100)) {
    order.push_back(e->dueMs);
    seqs.push_back(e->seq);
  }
  EXPECT_EQ(order, (std::vector<int64_t>{1, 5, 10, 15, 20, 20, 25, 30, 30, 40}));
  EXPECT_LT(seqs[4], seqs[5]) << "ties in the order they were scheduled";
  EXPECT_LT(seqs[7], seqs[8]);
  EXPECT_EQ(q.Pending(), 0u);
}

DYNAFAKE_INSTANTIATE(ExpiryTest);
DYNAFAKE_INSTANTIATE(ExpiryWithoutDelayTest);
DYNAFAKE_INSTANTIATE(TimeToLiveChangeTest);

}  // namespace time_to_live_expiry_suite
}  // namespace dynafake_test
