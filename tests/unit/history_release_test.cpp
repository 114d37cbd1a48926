// History that no table, backup or PITR window can reach any longer is
// released. Service::Stats() exposes what the Service holds, so a test can
// watch historyVersions go up while something still needs old versions, and
// back down once nothing does.
#include "fixtures.hpp"

#include <algorithm>

namespace dynafake_test {
namespace {

class HistoryReleaseTest : public ServiceTest {
 protected:
  void SetPitr(const std::string& table, bool on, int days = 35) {
    auto spec = M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(on);
    if (on) spec.SetRecoveryPeriodInDays(days);
    auto out = client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName(table).WithPointInTimeRecoverySpecification(spec));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  std::size_t Versions() { return service.Stats().historyVersions; }
};

TEST_P(HistoryReleaseTest, StatsCountTablesBackupsAndVersions) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "b")).IsSuccess());
  Backup("orders");
  const auto stats = service.Stats();
  EXPECT_EQ(stats.tables, 1u);
  EXPECT_EQ(stats.backups, 1u);
  EXPECT_EQ(stats.histories, 1u) << "a backup shares its table's history";
  EXPECT_EQ(stats.historyVersions, 2u);
}

TEST_P(HistoryReleaseTest, OverwritesOfALiveTableStayBounded) {
  CreateActiveTable();
  std::size_t most = 0;
  for (int i = 0; i < 5000; ++i) {
    ASSERT_TRUE(client->PutItem(Order("orders", "item-" + std::to_string(i % 10), i)).IsSuccess());
    clock.Advance(1s);
    most = std::max(most, Versions());
  }
  // what the consistency window (60 s) may still read, plus writes since the last compaction
  EXPECT_LT(most, 10u + 60u + 256u + 1u);
}

TEST_P(HistoryReleaseTest, DeletingAUserBackupReleasesTheVersionsItHeld) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 0)).IsSuccess());
  const std::string arn = Backup("orders");
  for (int i = 1; i <= 1000; ++i) {
    clock.Advance(1s);
    ASSERT_TRUE(client->PutItem(Order("orders", "a", i)).IsSuccess());
  }
  const std::size_t held = Versions();
  EXPECT_GT(held, 1000u) << "the backup still reads quantity 0";

  ASSERT_TRUE(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).IsSuccess());
  EXPECT_LT(Versions(), 100u);
}

TEST_P(HistoryReleaseTest, PitrWindowHoldsVersionsOnlyForItsRecoveryPeriod) {
  CreateActiveTable();
  SetPitr("orders", true, 1);
  std::size_t most = 0;
  for (int minute = 0; minute < 3 * 24 * 60; ++minute) {  // three days, one write a minute
    ASSERT_TRUE(client->PutItem(Order("orders", "a", minute)).IsSuccess());
    clock.Advance(1min);
    most = std::max(most, Versions());
  }
  // one day of writes (1440) plus the consistency window and writes since the last compaction
  EXPECT_LT(most, 1440u + 2u + 256u + 1u);
  EXPECT_GT(most, 1440u) << "a whole day of versions stays restorable";
}

TEST_P(HistoryReleaseTest, DisablingPitrReleasesTheWindow) {
  CreateActiveTable();
  SetPitr("orders", true);
  for (int i = 0; i < 500; ++i) {
    ASSERT_TRUE(client->PutItem(Order("orders", "a", i)).IsSuccess());
    clock.Advance(1min);
  }
  EXPECT_GE(Versions(), 500u);
  SetPitr("orders", false);
  EXPECT_LE(Versions(), 2u) << "only what a backup's 60 s consistency window may still read";
}

TEST_P(HistoryReleaseTest, DeletedTableHistoryGoesWhenItsSystemBackupExpires) {
  CreateActiveTable();
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "item-" + std::to_string(i))).IsSuccess());
  SetPitr("orders", true);
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  EXPECT_EQ(service.Stats().histories, 1u) << "the SYSTEM backup keeps the items";
  EXPECT_EQ(Versions(), 50u);

  clock.Advance(std::chrono::hours(24 * 35));
  const auto stats = service.Stats();
  EXPECT_EQ(stats.backups, 0u);
  EXPECT_EQ(stats.histories, 0u);
  EXPECT_EQ(stats.historyVersions, 0u);
}

TEST_P(HistoryReleaseTest, ExpiringSystemBackupsOfALiveTableReleaseTheVersionsTheyHeld) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 0)).IsSuccess());
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(service.SeedBackup("orders", "orders$DeletedTableBackup", M::BackupType::SYSTEM).IsSuccess());
  for (int i = 1; i <= 1000; ++i) {
    clock.Advance(1s);
    ASSERT_TRUE(client->PutItem(Order("orders", "a", i)).IsSuccess());
  }
  EXPECT_GT(Versions(), 1000u);
  clock.Advance(std::chrono::hours(24 * 35));  // all three expire in one step
  EXPECT_EQ(service.Stats().backups, 0u);
  EXPECT_LE(Versions(), 2u);
}

TEST_P(HistoryReleaseTest, LongRunOfWritesDeletesAndExpiriesStaysBoundedAndDrainsToZero) {
  // Every day for 100 days: a table gets 200 writes, has PITR on and is deleted,
  // leaving a SYSTEM backup. Backups older than 35 days expire, so the Service
  // never holds more than about 36 days of tables.
  std::size_t most = 0, atDay40 = 0;
  for (int day = 0; day < 100; ++day) {
    const std::string table = "day-" + std::to_string(day);
    CreateActiveTable(table);
    for (int i = 0; i < 200; ++i) {
      ASSERT_TRUE(client->PutItem(Order(table, "item-" + std::to_string(i % 50), i)).IsSuccess());
      clock.Advance(1s);
    }
    SetPitr(table, true);
    ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName(table)).IsSuccess());
    clock.Advance(std::chrono::hours(24));
    most = std::max(most, Versions());
    if (day == 40) atDay40 = Versions();
  }
  EXPECT_LE(service.Stats().backups, 35u);
  EXPECT_LE(most, 36u * 200u) << "at most 36 days of deleted tables are held";
  EXPECT_GT(atDay40, 0u);

  clock.Advance(std::chrono::hours(24 * 35));
  const auto stats = service.Stats();
  EXPECT_EQ(stats.backups, 0u);
  EXPECT_EQ(stats.histories, 0u);
  EXPECT_EQ(stats.historyVersions, 0u) << "the counter goes back down once every backup has expired";
}

DYNAFAKE_INSTANTIATE(HistoryReleaseTest);

}  // namespace
}  // namespace dynafake_test
