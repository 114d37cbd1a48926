// The deleted-table safety net: DeleteTable of a table with point-in-time
// recovery on leaves a SYSTEM backup named "<table>$DeletedTableBackup" that
// expires 35 days after it was made. ListBackups' type filters and time bounds.
#include "fixtures.hpp"

#include <set>

namespace dynafake_test {
namespace {

using dynafake::DateTime;
constexpr std::chrono::hours k35Days{24 * 35};

class SystemBackupTest : public ServiceTest {
 protected:
  void EnablePitr(const std::string& table = "orders") {
    auto out = client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName(table).WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  void DeleteTable(const std::string& table = "orders") {
    auto out = client->DeleteTable(M::DeleteTableRequest().WithTableName(table));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  std::vector<M::BackupSummary> List(M::ListBackupsRequest r = M::ListBackupsRequest()) {
    auto out = client->ListBackups(r);
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetBackupSummaries() : std::vector<M::BackupSummary>{};
  }
  std::vector<M::BackupSummary> ListSystem() {
    return List(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::SYSTEM));
  }
  static std::set<std::string> Names(const std::vector<M::BackupSummary>& rows) {
    std::set<std::string> names;
    for (const auto& r : rows) names.insert(r.GetBackupName());
    return names;
  }
  /// "orders" with two items and PITR on, deleted; returns its SYSTEM backup's ARN.
  std::string DeletedOrdersBackup() {
    CreateActiveTable();
    EXPECT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
    EXPECT_TRUE(client->PutItem(Order("orders", "b", 2)).IsSuccess());
    EnablePitr();
    clock.Advance(1h);
    DeleteTable();
    const auto rows = ListSystem();
    EXPECT_EQ(rows.size(), 1u);
    return rows.empty() ? std::string() : rows[0].GetBackupArn();
  }
};

// ---- the SYSTEM backup DeleteTable leaves

TEST_P(SystemBackupTest, DeletingATableWithPitrLeavesASystemBackup) {
  CreateActiveTable();
  EnablePitr();
  clock.Advance(1h);
  const DateTime deletedAt(clock.Now());
  DeleteTable();

  const auto rows = ListSystem();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].GetBackupName(), "orders$DeletedTableBackup");
  EXPECT_EQ(rows[0].GetBackupType(), M::BackupType::SYSTEM);
  EXPECT_EQ(rows[0].GetTableName(), "orders");
  EXPECT_EQ(rows[0].GetBackupCreationDateTime(), deletedAt);
  EXPECT_EQ(rows[0].GetBackupExpiryDateTime(), DateTime(deletedAt.Millis() + 35LL * 24 * 3600 * 1000));
}

TEST_P(SystemBackupTest, DescribeBackupShowsTheTableAsItWasBeforeTheDelete) {
  const std::string arn = DeletedOrdersBackup();
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetBackupDescription();
  EXPECT_EQ(d.GetBackupDetails().GetBackupType(), M::BackupType::SYSTEM);
  EXPECT_EQ(d.GetBackupDetails().GetBackupStatus(), M::BackupStatus::AVAILABLE);
  EXPECT_TRUE(d.GetBackupDetails().BackupExpiryDateTimeHasBeenSet());
  EXPECT_EQ(d.GetSourceTableDetails().GetTableName(), "orders");
  EXPECT_EQ(d.GetSourceTableDetails().GetItemCount(), 2);
}

TEST_P(SystemBackupTest, DeletingATableWithoutPitrLeavesNoBackup) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  DeleteTable();
  EXPECT_TRUE(List(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL)).empty());
  EXPECT_EQ(service.Stats().backups, 0u);
}

TEST_P(SystemBackupTest, DeletingATableWhosePitrWasTurnedOffLeavesNoBackup) {
  CreateActiveTable();
  EnablePitr();
  ASSERT_TRUE(client
                  ->UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(false)))
                  .IsSuccess());
  DeleteTable();
  EXPECT_TRUE(ListSystem().empty());
}

TEST_P(SystemBackupTest, SystemBackupIsHiddenFromTheDefaultListing) {
  DeletedOrdersBackup();
  EXPECT_TRUE(List().empty()) << "BackupType omitted means USER";
}

TEST_P(SystemBackupTest, RestoringTheSystemBackupBringsTheTableBack) {
  const std::string arn = DeletedOrdersBackup();
  auto out = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("orders").WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  auto scan = client->Scan(M::ScanRequest().WithTableName("orders"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  EXPECT_EQ(scan.GetResult().GetCount(), 2);
}

// ---- expiry after 35 days

TEST_P(SystemBackupTest, SystemBackupLivesThirtyFiveDays) {
  const std::string arn = DeletedOrdersBackup();
  clock.Advance(k35Days - 1ms);
  EXPECT_TRUE(client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)).IsSuccess());
  EXPECT_EQ(ListSystem().size(), 1u);
}

TEST_P(SystemBackupTest, ExpiredSystemBackupIsBackupNotFound) {
  const std::string arn = DeletedOrdersBackup();
  clock.Advance(k35Days);
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::BACKUP_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetExceptionName(), "BackupNotFoundException");
}

TEST_P(SystemBackupTest, ExpiredSystemBackupIsNoLongerListed) {
  DeletedOrdersBackup();
  clock.Advance(k35Days + 1h);
  EXPECT_TRUE(ListSystem().empty());
  EXPECT_TRUE(List(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL)).empty());
}

TEST_P(SystemBackupTest, ExpiredSystemBackupCannotBeRestored) {
  const std::string arn = DeletedOrdersBackup();
  clock.Advance(k35Days);
  auto out = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("orders").WithBackupArn(arn));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::BACKUP_NOT_FOUND);
}

TEST_P(SystemBackupTest, ExpiryIsAppliedInManySmallSteps) {
  const std::string arn = DeletedOrdersBackup();
  for (int day = 0; day < 35; ++day) clock.Advance(std::chrono::hours(24));
  EXPECT_FALSE(client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)).IsSuccess());
}

TEST_P(SystemBackupTest, UserBackupsDoNotExpire) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  clock.Advance(k35Days * 3);
  EXPECT_TRUE(client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)).IsSuccess());
}

TEST_P(SystemBackupTest, SystemBackupMayBeDeletedByHand) {
  const std::string arn = DeletedOrdersBackup();
  auto out = client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(), M::BackupStatus::DELETED);
  clock.Advance(k35Days);  // the pending expiry of a deleted backup is harmless
  EXPECT_TRUE(ListSystem().empty());
}

TEST_P(SystemBackupTest, EachDeletionOfARecreatedTableLeavesItsOwnBackup) {
  for (int round = 0; round < 3; ++round) {
    CreateActiveTable();
    EnablePitr();
    clock.Advance(1h);
    DeleteTable();
  }
  const auto rows = ListSystem();
  EXPECT_EQ(rows.size(), 3u);
  EXPECT_EQ(Names(rows), (std::set<std::string>{"orders$DeletedTableBackup"}));
}

TEST_P(SystemBackupTest, ListingByTheDeletedTablesNameStillFindsItsSystemBackup) {
  DeletedOrdersBackup();
  const auto rows = List(M::ListBackupsRequest().WithTableName("orders").WithBackupType(M::BackupTypeFilter::SYSTEM));
  EXPECT_EQ(rows.size(), 1u);
}

// ---- ListBackups: type filters

class ListBackupsFilterTest : public SystemBackupTest {
 protected:
  /// One backup of each type: USER "nightly", SYSTEM "gone$DeletedTableBackup",
  /// AWS_BACKUP "vault-copy" (seeded, as AWS Backup would make it).
  void OneOfEachType() {
    CreateActiveTable("orders");
    Backup("orders", "nightly");
    auto seeded = service.SeedBackup("orders", "vault-copy", M::BackupType::AWS_BACKUP);
    ASSERT_TRUE(seeded.IsSuccess()) << seeded.GetError();
    CreateActiveTable("gone");
    EnablePitr("gone");
    DeleteTable("gone");
  }
  std::set<std::string> NamesFor(M::BackupTypeFilter filter) {
    return Names(List(M::ListBackupsRequest().WithBackupType(filter)));
  }
};

TEST_P(ListBackupsFilterTest, OmittedTypeListsUserBackupsOnly) {
  OneOfEachType();
  EXPECT_EQ(Names(List()), (std::set<std::string>{"nightly"}));
}

TEST_P(ListBackupsFilterTest, UserTypeListsUserBackups) {
  OneOfEachType();
  EXPECT_EQ(NamesFor(M::BackupTypeFilter::USER), (std::set<std::string>{"nightly"}));
}

TEST_P(ListBackupsFilterTest, SystemTypeListsSystemBackups) {
  OneOfEachType();
  EXPECT_EQ(NamesFor(M::BackupTypeFilter::SYSTEM), (std::set<std::string>{"gone$DeletedTableBackup"}));
}

TEST_P(ListBackupsFilterTest, AwsBackupTypeListsSeededAwsBackups) {
  OneOfEachType();
  const auto rows = List(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::AWS_BACKUP));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].GetBackupName(), "vault-copy");
  EXPECT_EQ(rows[0].GetBackupType(), M::BackupType::AWS_BACKUP);
}

TEST_P(ListBackupsFilterTest, AllTypeListsUserAndSystemBackups) {
  OneOfEachType();
  // the model: "ALL - All types of on-demand backups (USER and SYSTEM)"
  EXPECT_EQ(NamesFor(M::BackupTypeFilter::ALL), (std::set<std::string>{"nightly", "gone$DeletedTableBackup"}));
}

TEST_P(ListBackupsFilterTest, SeededSystemBackupExpiresLikeARealOne) {
  CreateActiveTable();
  auto seeded = service.SeedBackup("orders", "orders$DeletedTableBackup", M::BackupType::SYSTEM);
  ASSERT_TRUE(seeded.IsSuccess()) << seeded.GetError();
  EXPECT_EQ(seeded.GetResult().GetBackupDetails().GetBackupExpiryDateTime(),
            DateTime(DateTime(clock.Now()).Millis() + 35LL * 24 * 3600 * 1000));
  clock.Advance(k35Days);
  EXPECT_TRUE(ListSystem().empty());
}

TEST_P(ListBackupsFilterTest, SeedingAnUnknownTableIsTableNotFound) {
  auto seeded = service.SeedBackup("missing", "vault-copy", M::BackupType::AWS_BACKUP);
  ASSERT_FALSE(seeded.IsSuccess());
  EXPECT_EQ(seeded.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
}

// ---- ListBackups: time bounds on the creation (request) time

TEST_P(ListBackupsFilterTest, LowerBoundIsInclusiveAndUpperBoundExclusive) {
  CreateActiveTable();
  const DateTime t0(clock.Now());
  Backup("orders", "at-t0");
  clock.Advance(1h);
  const DateTime t1(clock.Now());
  Backup("orders", "at-t1");
  clock.Advance(1h);
  const DateTime t2(clock.Now());
  Backup("orders", "at-t2");

  EXPECT_EQ(Names(List(M::ListBackupsRequest().WithTimeRangeLowerBound(t1).WithTimeRangeUpperBound(t2))),
            (std::set<std::string>{"at-t1"}));
  EXPECT_EQ(Names(List(M::ListBackupsRequest().WithTimeRangeLowerBound(t1))),
            (std::set<std::string>{"at-t1", "at-t2"}));
  EXPECT_EQ(Names(List(M::ListBackupsRequest().WithTimeRangeUpperBound(t1))), (std::set<std::string>{"at-t0"}));
  EXPECT_TRUE(List(M::ListBackupsRequest().WithTimeRangeLowerBound(t0).WithTimeRangeUpperBound(t0)).empty());
}

TEST_P(ListBackupsFilterTest, TimeBoundsCombineWithTheTypeFilter) {
  CreateActiveTable("orders");
  Backup("orders", "user-early");
  clock.Advance(1h);
  const DateTime from(clock.Now());
  Backup("orders", "user-late");
  CreateActiveTable("gone");
  EnablePitr("gone");
  DeleteTable("gone");
  EXPECT_EQ(Names(List(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL).WithTimeRangeLowerBound(from))),
            (std::set<std::string>{"user-late", "gone$DeletedTableBackup"}));
}

DYNAFAKE_INSTANTIATE(SystemBackupTest);
DYNAFAKE_INSTANTIATE(ListBackupsFilterTest);

}  // namespace
}  // namespace dynafake_test
