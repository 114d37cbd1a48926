// DescribeBackup, ListBackups and DeleteBackup: results, paging, filters and errors.
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

class BackupsTest : public ServiceTest {};
class BackupsRealisticTest : public RealisticServiceTest {};

TEST_P(BackupsTest, DescribeBackupOfUnknownArnIsBackupNotFound) {
  const std::string arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225600000-00000000";
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::BACKUP_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetExceptionName(), "BackupNotFoundException");
  EXPECT_EQ(out.GetError().GetMessage(), "Backup not found: " + arn);
}

TEST_P(BackupsTest, UserBackupOutlivesItsTable) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetBackupDescription().GetSourceTableDetails().GetTableName(), "orders");
  EXPECT_EQ(
      client->ListBackups(M::ListBackupsRequest().WithTableName("orders")).GetResult().GetBackupSummaries().size(), 1u);
}

TEST_P(BackupsTest, DeleteBackupAnswersDeletedThenTheBackupIsGone) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  auto out = client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(), M::BackupStatus::DELETED);
  EXPECT_EQ(client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)).GetError().GetErrorType(),
            DynamoDBErrors::BACKUP_NOT_FOUND);
  EXPECT_EQ(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).GetError().GetErrorType(),
            DynamoDBErrors::BACKUP_NOT_FOUND);
  EXPECT_TRUE(client->ListBackups(M::ListBackupsRequest()).GetResult().GetBackupSummaries().empty());
}

TEST_P(BackupsRealisticTest, DeletingABackupStillCreatingIsBackupInUse) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  auto out = client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::BACKUP_IN_USE);
  clock.Advance(service.Options().durations.backupCreate);
  EXPECT_TRUE(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).IsSuccess());
}

TEST_P(BackupsTest, ListBackupsPagesWithLimitAndExclusiveStartBackupArn) {
  CreateActiveTable();
  std::vector<std::string> made;
  for (int i = 0; i < 7; ++i) {
    made.push_back(Backup("orders", "nightly-" + std::to_string(i)));
    clock.Advance(1h);
  }
  std::vector<std::string> seen;
  M::ListBackupsRequest request;
  request.SetLimit(3);
  int pages = 0;
  while (true) {
    auto out = client->ListBackups(request);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    ++pages;
    for (const auto& s : out.GetResult().GetBackupSummaries()) seen.push_back(s.GetBackupArn());
    if (out.GetResult().GetLastEvaluatedBackupArn().empty()) break;
    EXPECT_EQ(out.GetResult().GetLastEvaluatedBackupArn(), seen.back());
    request.SetExclusiveStartBackupArn(out.GetResult().GetLastEvaluatedBackupArn());
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, made) << "every backup once, oldest first";
}

TEST_P(BackupsTest, ListBackupsFiltersByTableNameOrArn) {
  CreateActiveTable("orders");
  CreateActiveTable("invoices");
  Backup("orders");
  Backup("invoices");
  Backup("invoices", "weekly");
  EXPECT_EQ(
      client->ListBackups(M::ListBackupsRequest().WithTableName("invoices")).GetResult().GetBackupSummaries().size(),
      2u);
  EXPECT_EQ(client->ListBackups(M::ListBackupsRequest().WithTableName(service.TableArn("orders")))
                .GetResult()
                .GetBackupSummaries()
                .size(),
            1u);
  EXPECT_TRUE(
      client->ListBackups(M::ListBackupsRequest().WithTableName("unknown")).GetResult().GetBackupSummaries().empty())
      << "an unknown table lists nothing, it is not an error";
}

TEST_P(BackupsTest, ListBackupsTimeRangeIsLowerInclusiveUpperExclusive) {
  CreateActiveTable();
  const dynafake::DateTime first(clock.Now());
  Backup("orders", "first");
  clock.Advance(1h);
  const dynafake::DateTime second(clock.Now());
  Backup("orders", "second");
  auto names = [&](M::ListBackupsRequest r) {
    std::vector<std::string> out;
    const auto listed = client->ListBackups(r);  // a range-for over a temporary outcome's member would dangle
    for (const auto& s : listed.GetResult().GetBackupSummaries()) out.push_back(s.GetBackupName());
    return out;
  };
  EXPECT_EQ(names(M::ListBackupsRequest().WithTimeRangeLowerBound(second)), std::vector<std::string>{"second"});
  EXPECT_EQ(names(M::ListBackupsRequest().WithTimeRangeUpperBound(second)), std::vector<std::string>{"first"});
  EXPECT_EQ(names(M::ListBackupsRequest().WithTimeRangeLowerBound(first).WithTimeRangeUpperBound(second)),
            std::vector<std::string>{"first"});
}

TEST_P(BackupsTest, ListBackupsSummaryCarriesTheTableAndBackupFacts) {
  CreateActiveTable();
  client->PutItem(Order("orders", "a"));
  const std::string arn = Backup("orders");
  auto s = client->ListBackups(M::ListBackupsRequest()).GetResult().GetBackupSummaries().at(0);
  EXPECT_EQ(s.GetBackupArn(), arn);
  EXPECT_EQ(s.GetTableName(), "orders");
  EXPECT_EQ(s.GetTableArn(), service.TableArn("orders"));
  EXPECT_EQ(s.GetTableId().size(), 36u);
  EXPECT_EQ(s.GetBackupType(), M::BackupType::USER);
  EXPECT_EQ(s.GetBackupStatus(), M::BackupStatus::AVAILABLE);
  EXPECT_GT(s.GetBackupSizeBytes(), 0);
}

DYNAFAKE_INSTANTIATE(BackupsTest);
DYNAFAKE_INSTANTIATE(BackupsRealisticTest);

}  // namespace
}  // namespace dynafake_test
