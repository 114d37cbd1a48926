// The consistency window of an on-demand backup: requested at T, it holds every
// write committed up to T-60s and none after T+60s. ServiceOptions::backupCut
// picks the instant inside [T-60s, T+60s]; with the clock the choice is visible.
//
// Every test writes one item at each of T-90s, T-30s, T+30s and T+90s, asks for
// a backup at T, restores it and scans the copy.
#include "fixtures.hpp"

#include <set>

namespace dynafake_test {
namespace {

using dynafake::BackupCutPolicy;

dynafake::ServiceOptions WithCut(BackupCutPolicy policy, uint64_t seed = 20120810) {
  auto options = dynafake::ServiceOptions::Instant();
  options.backupCut = policy;
  options.seed = seed;
  return options;
}

/// Writes around a backup requested at T and returns what the backup holds.
/// `T` is ten minutes after the table was created.
std::set<std::string> ItemsInBackupTakenBetweenWrites(dynafake::ManualClock& clock, dynafake::ClientInterface& client,
                                                      M::BackupDetails* details = nullptr) {
  EXPECT_TRUE(client.CreateTable(OrdersTable()).IsSuccess());
  clock.Advance(10min - 90s);
  EXPECT_TRUE(client.PutItem(Order("orders", "written-T-90s")).IsSuccess());
  clock.Advance(60s);
  EXPECT_TRUE(client.PutItem(Order("orders", "written-T-30s")).IsSuccess());
  clock.Advance(30s);  // T
  auto backup = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("window"));
  EXPECT_TRUE(backup.IsSuccess()) << backup.GetError();
  if (!backup.IsSuccess()) return {};
  if (details) *details = backup.GetResult().GetBackupDetails();
  clock.Advance(30s);
  EXPECT_TRUE(client.PutItem(Order("orders", "written-T+30s")).IsSuccess());
  clock.Advance(60s);
  EXPECT_TRUE(client.PutItem(Order("orders", "written-T+90s")).IsSuccess());

  auto restore =
      client.RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                        .WithTargetTableName("orders-restored")
                                        .WithBackupArn(backup.GetResult().GetBackupDetails().GetBackupArn()));
  EXPECT_TRUE(restore.IsSuccess()) << restore.GetError();
  auto scan = client.Scan(M::ScanRequest().WithTableName("orders-restored"));
  EXPECT_TRUE(scan.IsSuccess()) << scan.GetError();
  std::set<std::string> ids;
  if (scan.IsSuccess())
    for (const auto& item : scan.GetResult().GetItems()) ids.insert(item.at("id").GetS());
  return ids;
}

class RequestTimeCutTest : public ServiceTest {
 protected:
  RequestTimeCutTest() : ServiceTest(WithCut(BackupCutPolicy::RequestTime)) {}
};
class EarliestCutTest : public ServiceTest {
 protected:
  EarliestCutTest() : ServiceTest(WithCut(BackupCutPolicy::Earliest)) {}
};
class LatestCutTest : public ServiceTest {
 protected:
  LatestCutTest() : ServiceTest(WithCut(BackupCutPolicy::Latest)) {}
};
class SeededRandomCutTest : public ServiceTest {
 protected:
  SeededRandomCutTest() : ServiceTest(WithCut(BackupCutPolicy::SeededRandom)) {}
};

TEST_P(RequestTimeCutTest, IsTheDefaultPolicy) {
  EXPECT_EQ(dynafake::ServiceOptions().backupCut, BackupCutPolicy::RequestTime);
}

TEST_P(RequestTimeCutTest, BackupHoldsExactlyTheWritesBeforeTheRequest) {
  EXPECT_EQ(ItemsInBackupTakenBetweenWrites(clock, *client), (std::set<std::string>{"written-T-90s", "written-T-30s"}));
}

TEST_P(RequestTimeCutTest, WriteInTheSameMillisecondAfterTheRequestIsNotInTheBackup) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "before")).IsSuccess());
  const std::string arn = Backup("orders");
  ASSERT_TRUE(client->PutItem(Order("orders", "after")).IsSuccess());  // the clock has not moved

  ASSERT_TRUE(
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn))
          .IsSuccess());
  auto scan = client->Scan(M::ScanRequest().WithTableName("copy"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  ASSERT_EQ(scan.GetResult().GetCount(), 1);
  EXPECT_EQ(scan.GetResult().GetItems()[0].at("id").GetS(), "before");
}

TEST_P(EarliestCutTest, BackupHoldsOnlyWhatIsGuaranteed) {
  EXPECT_EQ(ItemsInBackupTakenBetweenWrites(clock, *client), (std::set<std::string>{"written-T-90s"}));
}

TEST_P(EarliestCutTest, BackupStillReportsTheRequestTime) {
  M::BackupDetails details;
  ItemsInBackupTakenBetweenWrites(clock, *client, &details);
  EXPECT_EQ(details.GetBackupCreationDateTime(),
            dynafake::DateTime(dynafake::ManualClock::DefaultStart() + std::chrono::minutes(10)));
}

// Regression: the table's history used to be compacted up to "now", so an
// Earliest cut (60 s back) after a burst of writes found older versions gone.
TEST_P(EarliestCutTest, CutSixtySecondsBackSeesOverwrittenItemsAfterManyWrites) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  clock.Advance(60s);
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "a", 2)).IsSuccess());
  clock.Advance(30s);
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "other-" + std::to_string(i))).IsSuccess());
  const std::string arn = Backup("orders");  // cut at now - 60 s: only "a" with quantity 1

  ASSERT_TRUE(
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn))
          .IsSuccess());
  auto scan = client->Scan(M::ScanRequest().WithTableName("copy"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  ASSERT_EQ(scan.GetResult().GetCount(), 1);
  EXPECT_EQ(scan.GetResult().GetItems()[0].at("quantity").GetN(), "1");
}

TEST_P(LatestCutTest, BackupHoldsEverythingThatMayBeInIt) {
  EXPECT_EQ(ItemsInBackupTakenBetweenWrites(clock, *client),
            (std::set<std::string>{"written-T-90s", "written-T-30s", "written-T+30s"}));
}

TEST_P(LatestCutTest, BackupStaysCreatingUntilItsCutHasPassed) {
  CreateActiveTable();
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("latest"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetBackupDetails().GetBackupStatus(), M::BackupStatus::CREATING);
  const std::string arn = out.GetResult().GetBackupDetails().GetBackupArn();

  clock.Advance(59s);
  auto restore =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn));
  ASSERT_FALSE(restore.IsSuccess());
  EXPECT_EQ(restore.GetError().GetErrorType(), DynamoDBErrors::BACKUP_IN_USE);

  clock.Advance(1s);
  auto described = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(described.IsSuccess()) << described.GetError();
  EXPECT_EQ(described.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(),
            M::BackupStatus::AVAILABLE);
}

TEST_P(SeededRandomCutTest, BackupAlwaysHoldsTheGuaranteedWritesAndNeverTheExcludedOnes) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    dynafake::ManualClock c;
    dynafake::Service s(c, WithCut(BackupCutPolicy::SeededRandom, seed));
    auto cl = GetParam().make(s);
    const auto ids = ItemsInBackupTakenBetweenWrites(c, *cl);
    EXPECT_EQ(ids.count("written-T-90s"), 1u) << "seed " << seed;
    EXPECT_EQ(ids.count("written-T+90s"), 0u) << "seed " << seed;
  }
}

TEST_P(SeededRandomCutTest, SameSeedGivesTheSameBackup) {
  auto run = [&](uint64_t seed) {
    dynafake::ManualClock c;
    dynafake::Service s(c, WithCut(BackupCutPolicy::SeededRandom, seed));
    auto cl = GetParam().make(s);
    return ItemsInBackupTakenBetweenWrites(c, *cl);
  };
  for (uint64_t seed = 1; seed <= 10; ++seed) EXPECT_EQ(run(seed), run(seed)) << "seed " << seed;
}

TEST_P(SeededRandomCutTest, DifferentSeedsExploreTheWindow) {
  std::set<std::set<std::string>> outcomes;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    dynafake::ManualClock c;
    dynafake::Service s(c, WithCut(BackupCutPolicy::SeededRandom, seed));
    auto cl = GetParam().make(s);
    outcomes.insert(ItemsInBackupTakenBetweenWrites(c, *cl));
  }
  // cuts in [T-60s, T-30s), [T-30s, T+30s) and [T+30s, T+60s] give three different backups
  EXPECT_EQ(outcomes.size(), 3u);
}

DYNAFAKE_INSTANTIATE(RequestTimeCutTest);
DYNAFAKE_INSTANTIATE(EarliestCutTest);
DYNAFAKE_INSTANTIATE(LatestCutTest);
DYNAFAKE_INSTANTIATE(SeededRandomCutTest);

}  // namespace
}  // namespace dynafake_test
