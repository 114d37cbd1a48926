// Scenario: the deleted-table safety net — SYSTEM backup, restore, expiry after 35 days.
//
// A table with point-in-time recovery on is deleted by mistake. DynamoDB keeps
// a SYSTEM backup named "<table>$DeletedTableBackup" for 35 days. This program
// finds it, restores the table from it, checks the items, then jumps the clock
// 35 days and shows the backup gone.
#include <dynafake/dynafake.hpp>
#include <dynafake/testing/sandbox.hpp>  // Sandbox: core only, no GoogleTest needed

#include <chrono>
#include <iostream>
#include <string>

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;

int main() {
  dynafake::testing::Sandbox fake;  // realistic durations: restores take 5 minutes
  auto& clock = fake.clock;
  auto& client = fake.client;
  int failures = 0;
  auto check = [&](bool ok, const std::string& what) {
    std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
    if (!ok) ++failures;
  };

  // A table with three orders and point-in-time recovery on.
  fake.CreateActiveTable("orders");
  for (const char* id : {"o-1", "o-2", "o-3"})
    client.PutItem(M::PutItemRequest().WithTableName("orders").WithItem({{"id", M::AttributeValue(id)}}));
  client.UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));

  // The mistake.
  clock.Advance(std::chrono::hours(2));
  auto deleted = client.DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  check(deleted.IsSuccess(), "DeleteTable(orders)");
  clock.Advance(std::chrono::minutes(1));

  // The safety net: only BackupType SYSTEM (or ALL) lists it.
  auto users = client.ListBackups(M::ListBackupsRequest());
  check(users.GetResult().GetBackupSummaries().empty(), "the default listing (USER) shows nothing");
  auto system =
      client.ListBackups(M::ListBackupsRequest().WithTableName("orders").WithBackupType(M::BackupTypeFilter::SYSTEM));
  const auto& rows = system.GetResult().GetBackupSummaries();
  check(rows.size() == 1, "ListBackups(BackupType=SYSTEM) finds one backup");
  if (rows.size() != 1) return 1;
  const auto& backup = rows[0];
  std::cout << "  " << backup.GetBackupName() << "  created " << backup.GetBackupCreationDateTime().ToIso8601()
            << "  expires " << backup.GetBackupExpiryDateTime().ToIso8601() << "\n";
  check(backup.GetBackupName() == "orders$DeletedTableBackup", "named orders$DeletedTableBackup");
  check(backup.GetBackupExpiryDateTime().Millis() - backup.GetBackupCreationDateTime().Millis() ==
            35LL * 24 * 3600 * 1000,
        "expires 35 days after it was made");

  // Restore the table under its own name.
  auto restored = client.RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("orders").WithBackupArn(backup.GetBackupArn()));
  check(restored.IsSuccess() && restored.GetResult().GetTableDescription().GetTableStatus() == M::TableStatus::CREATING,
        "RestoreTableFromBackup starts: orders is CREATING");
  clock.Advance(fake.service.Options().durations.restore);
  auto table = client.DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  check(table.IsSuccess() && table.GetResult().GetTable().GetTableStatus() == M::TableStatus::ACTIVE,
        "after the restore duration orders is ACTIVE");
  auto scan = client.Scan(M::ScanRequest().WithTableName("orders"));
  check(scan.IsSuccess() && scan.GetResult().GetCount() == 3, "all three orders are back");
  auto pitr = client.DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("orders"));
  check(pitr.GetResult()
                .GetContinuousBackupsDescription()
                .GetPointInTimeRecoveryDescription()
                .GetPointInTimeRecoveryStatus() == M::PointInTimeRecoveryStatus::DISABLED,
        "the restored table has PITR off: re-enable it yourself");

  // 35 days later the SYSTEM backup is gone.
  clock.Advance(std::chrono::hours(24 * 35));
  auto described = client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(backup.GetBackupArn()));
  check(!described.IsSuccess() && described.GetError().GetErrorType() == DynamoDBErrors::BACKUP_NOT_FOUND,
        "after 35 days DescribeBackup answers BackupNotFoundException");
  auto after = client.ListBackups(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL));
  check(after.GetResult().GetBackupSummaries().empty(), "and ListBackups(ALL) no longer shows it");

  std::cout << (failures ? "FAILED\n" : "PASSED\n");
  return failures ? 1 : 0;
}
