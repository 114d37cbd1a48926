// RestoreTableFromBackup: the new table starts CREATING with a RestoreSummary,
// becomes ACTIVE after durations.restore, holds exactly the backup's items, and
// carries the key schema, attribute definitions, indexes, billing, capacity and
// encryption of the source but not its tags, stream or point-in-time recovery.
// Overrides: restore_overrides_test.cpp.
#include "restore_fixture.hpp"

#include <map>
#include <set>

namespace dynafake_test {
namespace {

using namespace restore;
using dynafake::DateTime;

// ---- the restore's lifecycle

class RestoreLifecycleTest : public ServiceTest {
 protected:
  RestoreLifecycleTest() : ServiceTest(dynafake::ServiceOptions()) {}  // restores take 5 minutes
};

TEST_P(RestoreLifecycleTest, TargetStartsCreatingWithARestoreSummary) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  const DateTime backupTime(clock.Now());
  clock.Advance(30s);  // backup AVAILABLE
  clock.Advance(1h);

  auto out = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("orders-restored").WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetTableDescription();
  EXPECT_EQ(d.GetTableName(), "orders-restored");
  EXPECT_EQ(d.GetTableStatus(), M::TableStatus::CREATING);
  ASSERT_TRUE(d.RestoreSummaryHasBeenSet());
  EXPECT_EQ(d.GetRestoreSummary().GetSourceBackupArn(), arn);
  EXPECT_EQ(d.GetRestoreSummary().GetSourceTableArn(), service.TableArn("orders"));
  EXPECT_EQ(d.GetRestoreSummary().GetRestoreDateTime(), backupTime) << "a backup restores to its creation time";
  EXPECT_TRUE(d.GetRestoreSummary().GetRestoreInProgress());
}

TEST_P(RestoreLifecycleTest, TargetBecomesActiveAfterTheRestoreDuration) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  clock.Advance(30s);
  ASSERT_TRUE(client
                  ->RestoreTableFromBackup(
                      M::RestoreTableFromBackupRequest().WithTargetTableName("orders-restored").WithBackupArn(arn))
                  .IsSuccess());
  auto status = [&] {
    return client->DescribeTable(M::DescribeTableRequest().WithTableName("orders-restored")).GetResult().GetTable();
  };
  clock.Advance(5min - 1ms);
  EXPECT_EQ(status().GetTableStatus(), M::TableStatus::CREATING);
  EXPECT_TRUE(status().GetRestoreSummary().GetRestoreInProgress());
  clock.Advance(1ms);
  EXPECT_EQ(status().GetTableStatus(), M::TableStatus::ACTIVE);
  EXPECT_FALSE(status().GetRestoreSummary().GetRestoreInProgress());
}

TEST_P(RestoreLifecycleTest, RestoreDurationIsConfigurable) {
  auto options = dynafake::ServiceOptions::Instant();
  options.durations.restore = std::chrono::seconds(42);
  dynafake::ManualClock c;
  dynafake::Service s(c, options);
  auto cl = GetParam().make(s);
  ASSERT_TRUE(cl->CreateTable(OrdersTable()).IsSuccess());
  const std::string arn = cl->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"))
                              .GetResult()
                              .GetBackupDetails()
                              .GetBackupArn();
  ASSERT_TRUE(
      cl->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn))
          .IsSuccess());
  c.Advance(41s);
  EXPECT_EQ(cl->DescribeTable(M::DescribeTableRequest().WithTableName("copy")).GetResult().GetTable().GetTableStatus(),
            M::TableStatus::CREATING);
  c.Advance(1s);
  EXPECT_EQ(cl->DescribeTable(M::DescribeTableRequest().WithTableName("copy")).GetResult().GetTable().GetTableStatus(),
            M::TableStatus::ACTIVE);
}

TEST_P(RestoreLifecycleTest, TargetCannotBeReadWhileCreating) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  const std::string arn = Backup("orders");
  clock.Advance(30s);
  ASSERT_TRUE(
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn))
          .IsSuccess());
  auto scan = client->Scan(M::ScanRequest().WithTableName("copy"));
  ASSERT_FALSE(scan.IsSuccess());
  EXPECT_EQ(scan.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  clock.Advance(5min);
  EXPECT_EQ(client->Scan(M::ScanRequest().WithTableName("copy")).GetResult().GetCount(), 1);
}

// ---- the items

TEST_P(RestoreFromBackupTest, RestoredItemsAreExactlyThoseAtTheBackup) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "kept", 1)).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "changed-later", 2)).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "deleted-later", 3)).IsSuccess());
  clock.Advance(1s);
  const std::string arn = Backup("orders");
  clock.Advance(1s);
  ASSERT_TRUE(client->PutItem(Order("orders", "changed-later", 20)).IsSuccess());
  ASSERT_TRUE(client
                  ->DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey(
                      {{"id", M::AttributeValue("deleted-later")}}))
                  .IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "added-later", 4)).IsSuccess());

  ASSERT_TRUE(Restore(arn).IsSuccess());
  EXPECT_EQ(Quantities("orders-restored"),
            (std::map<std::string, std::string>{{"kept", "1"}, {"changed-later", "2"}, {"deleted-later", "3"}}));
  EXPECT_EQ(Quantities("orders").size(), 3u) << "the source keeps its own items";
}

TEST_P(RestoreFromBackupTest, RestoredTableReportsTheBackupsItemCount) {
  CreateActiveTable();
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "o" + std::to_string(i))).IsSuccess());
  const std::string arn = Backup("orders");
  ASSERT_TRUE(client->PutItem(Order("orders", "later")).IsSuccess());
  ASSERT_TRUE(Restore(arn).IsSuccess());
  EXPECT_EQ(Describe("orders-restored").GetItemCount(), 5);
}

TEST_P(RestoreFromBackupTest, RestoredTableIsIndependentOfItsSource) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  const std::string arn = Backup("orders");
  ASSERT_TRUE(Restore(arn).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders-restored", "a", 99)).IsSuccess());
  EXPECT_EQ(Quantities("orders").at("a"), "1");
  EXPECT_EQ(Quantities("orders-restored").at("a"), "99");
}

TEST_P(RestoreFromBackupTest, BackupOfADeletedSourceStillRestores) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  const std::string arn = Backup("orders");
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  ASSERT_TRUE(Restore(arn, "orders").IsSuccess()) << "the same name is free again once the table is gone";
  EXPECT_EQ(Quantities("orders").at("a"), "1");
}

// ---- what comes along and what does not

TEST_P(RestoreFromBackupTest, KeySchemaAndAttributeDefinitionsComeAlong) {
  const std::string arn = CustomersBackup();
  auto out = Restore(arn, "customers-restored");
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = Describe("customers-restored");
  EXPECT_EQ(d.GetKeySchema(), CustomersTable().GetKeySchema());
  EXPECT_EQ(d.GetAttributeDefinitions(), CustomersTable().GetAttributeDefinitions());
}

TEST_P(RestoreFromBackupTest, SecondaryIndexesComeAlong) {
  ASSERT_TRUE(Restore(CustomersBackup(), "customers-restored").IsSuccess());
  const auto d = Describe("customers-restored");
  ASSERT_EQ(d.GetLocalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(d.GetLocalSecondaryIndexes()[0].GetIndexName(), "by-created");
  EXPECT_EQ(d.GetLocalSecondaryIndexes()[0].GetKeySchema(),
            CustomersTable().GetLocalSecondaryIndexes()[0].GetKeySchema());
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 2u);
  const auto* email = Gsi(d, "by-email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->GetIndexStatus(), M::IndexStatus::ACTIVE);
  EXPECT_EQ(email->GetProvisionedThroughput().GetReadCapacityUnits(), 2);
  EXPECT_EQ(email->GetProvisionedThroughput().GetWriteCapacityUnits(), 3);
  EXPECT_NE(Gsi(d, "by-region"), nullptr);
}

TEST_P(RestoreFromBackupTest, BillingModeAndCapacityComeAlong) {
  ASSERT_TRUE(Restore(CustomersBackup(), "customers-restored").IsSuccess());
  const auto d = Describe("customers-restored");
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PROVISIONED);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 5);
  EXPECT_EQ(d.GetProvisionedThroughput().GetWriteCapacityUnits(), 7);
}

TEST_P(RestoreFromBackupTest, OnDemandSourceRestoresOnDemand) {
  CreateActiveTable();
  ASSERT_TRUE(Restore(Backup("orders")).IsSuccess());
  const auto d = Describe("orders-restored");
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 0);
}

TEST_P(RestoreFromBackupTest, EncryptionComesAlong) {
  ASSERT_TRUE(Restore(CustomersBackup(), "customers-restored").IsSuccess());
  const auto d = Describe("customers-restored");
  ASSERT_TRUE(d.SSEDescriptionHasBeenSet());
  EXPECT_EQ(d.GetSSEDescription().GetStatus(), M::SSEStatus::ENABLED);
  EXPECT_EQ(d.GetSSEDescription().GetSSEType(), M::SSEType::KMS);
  EXPECT_EQ(d.GetSSEDescription().GetKMSMasterKeyArn(), "arn:aws:kms:us-east-1:123456789012:alias/customers");
}

TEST_P(RestoreFromBackupTest, TagsDoNotComeAlong) {
  ASSERT_TRUE(Restore(CustomersBackup(), "customers-restored").IsSuccess());
  auto tags = client->ListTagsOfResource(
      M::ListTagsOfResourceRequest().WithResourceArn(service.TableArn("customers-restored")));
  ASSERT_TRUE(tags.IsSuccess()) << tags.GetError();
  EXPECT_TRUE(tags.GetResult().GetTags().empty());
}

TEST_P(RestoreFromBackupTest, StreamDoesNotComeAlong) {
  ASSERT_TRUE(Restore(CustomersBackup(), "customers-restored").IsSuccess());
  const auto d = Describe("customers-restored");
  EXPECT_FALSE(d.StreamSpecificationHasBeenSet());
  EXPECT_FALSE(d.LatestStreamArnHasBeenSet());
}

TEST_P(RestoreFromBackupTest, PointInTimeRecoveryDoesNotComeAlong) {
  CreateActiveTable();
  ASSERT_TRUE(client
                  ->UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  ASSERT_TRUE(Restore(Backup("orders")).IsSuccess());
  auto out = client->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("orders-restored"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult()
                .GetContinuousBackupsDescription()
                .GetPointInTimeRecoveryDescription()
                .GetPointInTimeRecoveryStatus(),
            M::PointInTimeRecoveryStatus::DISABLED);
}

TEST_P(RestoreFromBackupTest, TimeToLiveIsNotRecordedAsEnabled) {
  // dynafake has no UpdateTimeToLive: a backup records TTL as DISABLED, and a
  // restored table never has TTL, whatever the source had.
  const std::string arn = CustomersBackup();
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult()
                .GetBackupDescription()
                .GetSourceTableFeatureDetails()
                .GetTimeToLiveDescription()
                .GetTimeToLiveStatus(),
            M::TimeToLiveStatus::DISABLED);
}

TEST_P(RestoreFromBackupTest, RestoredTableGetsItsOwnIdAndArn) {
  const std::string arn = CustomersBackup();
  ASSERT_TRUE(Restore(arn, "customers-restored").IsSuccess());
  const auto source = Describe("customers");
  const auto restored = Describe("customers-restored");
  EXPECT_NE(restored.GetTableId(), source.GetTableId());
  EXPECT_EQ(restored.GetTableArn(), service.TableArn("customers-restored"));
  EXPECT_EQ(restored.GetCreationDateTime(), DateTime(clock.Now()));
}

DYNAFAKE_INSTANTIATE(RestoreLifecycleTest);
DYNAFAKE_INSTANTIATE(RestoreFromBackupTest);

}  // namespace
}  // namespace dynafake_test
