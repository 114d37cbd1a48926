// RestoreTableFromBackup's overrides: indexes kept, dropped or re-provisioned,
// billing and capacity, encryption — and the ValidationException for an
// override that does not fit the backup.
#include "restore_fixture.hpp"

namespace dynafake_test {
namespace {

using namespace restore;

class RestoreOverridesTest : public RestoreFromBackupTest {};

TEST_P(RestoreOverridesTest, EmptyGlobalIndexOverrideDropsEveryGlobalIndex) {
  auto out =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                         .WithTargetTableName("customers-restored")
                                         .WithBackupArn(CustomersBackup())
                                         .WithGlobalSecondaryIndexOverride(std::vector<M::GlobalSecondaryIndex>{}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_TRUE(Describe("customers-restored").GetGlobalSecondaryIndexes().empty());
}

TEST_P(RestoreOverridesTest, GlobalIndexOverrideKeepsOnlyTheIndexesNamed) {
  const auto table = CustomersTable();
  auto out = client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                                .WithTargetTableName("customers-restored")
                                                .WithBackupArn(CustomersBackup())
                                                .WithGlobalSecondaryIndexOverride(std::vector<M::GlobalSecondaryIndex>{
                                                    table.GetGlobalSecondaryIndexes()[1]}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = Describe("customers-restored");
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexName(), "by-region");
}

TEST_P(RestoreOverridesTest, GlobalIndexOverrideReProvisionsAnIndex) {
  auto index = CustomersTable().GetGlobalSecondaryIndexes()[0];
  index.SetProvisionedThroughput(Capacity(20, 30));
  auto out = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest()
          .WithTargetTableName("customers-restored")
          .WithBackupArn(CustomersBackup())
          .WithGlobalSecondaryIndexOverride(std::vector<M::GlobalSecondaryIndex>{index}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const M::TableDescription restored = Describe("customers-restored");  // Gsi points into it
  const auto* email = Gsi(restored, "by-email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->GetProvisionedThroughput().GetReadCapacityUnits(), 20);
  EXPECT_EQ(email->GetProvisionedThroughput().GetWriteCapacityUnits(), 30);
}

TEST_P(RestoreOverridesTest, EmptyLocalIndexOverrideDropsTheLocalIndexes) {
  auto out =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                         .WithTargetTableName("customers-restored")
                                         .WithBackupArn(CustomersBackup())
                                         .WithLocalSecondaryIndexOverride(std::vector<M::LocalSecondaryIndex>{}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = Describe("customers-restored");
  EXPECT_TRUE(d.GetLocalSecondaryIndexes().empty());
  EXPECT_EQ(d.GetGlobalSecondaryIndexes().size(), 2u) << "global indexes are not touched";
}

TEST_P(RestoreOverridesTest, GlobalIndexOverrideNamingAMissingIndexIsValidationException) {
  const std::string arn = CustomersBackup();
  auto out = client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                                .WithTargetTableName("customers-restored")
                                                .WithBackupArn(arn)
                                                .WithGlobalSecondaryIndexOverride(std::vector<M::GlobalSecondaryIndex>{
                                                    M::GlobalSecondaryIndex()
                                                        .WithIndexName("by-phone")
                                                        .WithKeySchema({KeyElement("email", M::KeyType::HASH)})
                                                        .WithProjection(All())
                                                        .WithProvisionedThroughput(Capacity(1, 1))}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_NE(out.GetError().GetMessage().find("by-phone"), std::string::npos) << out.GetError().GetMessage();
  EXPECT_FALSE(client->DescribeTable(M::DescribeTableRequest().WithTableName("customers-restored")).IsSuccess());
}

TEST_P(RestoreOverridesTest, LocalIndexOverrideNamingAMissingIndexIsValidationException) {
  const std::string arn = CustomersBackup();
  auto out = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest()
          .WithTargetTableName("customers-restored")
          .WithBackupArn(arn)
          .WithLocalSecondaryIndexOverride(std::vector<M::LocalSecondaryIndex>{
              M::LocalSecondaryIndex()
                  .WithIndexName("by-updated")
                  .WithKeySchema({KeyElement("pk", M::KeyType::HASH), KeyElement("created", M::KeyType::RANGE)})
                  .WithProjection(All())}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_NE(out.GetError().GetMessage().find("by-updated"), std::string::npos) << out.GetError().GetMessage();
}

TEST_P(RestoreOverridesTest, BillingModeOverrideToOnDemandZeroesCapacity) {
  auto out = client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                                .WithTargetTableName("customers-restored")
                                                .WithBackupArn(CustomersBackup())
                                                .WithBillingModeOverride(M::BillingMode::PAY_PER_REQUEST));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = Describe("customers-restored");
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 0);
  EXPECT_EQ(Gsi(d, "by-email")->GetProvisionedThroughput().GetReadCapacityUnits(), 0);
}

TEST_P(RestoreOverridesTest, ProvisionedThroughputOverrideSetsTheTablesCapacity) {
  auto out = client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                                .WithTargetTableName("customers-restored")
                                                .WithBackupArn(CustomersBackup())
                                                .WithProvisionedThroughputOverride(Capacity(50, 60)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = Describe("customers-restored");
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 50);
  EXPECT_EQ(d.GetProvisionedThroughput().GetWriteCapacityUnits(), 60);
}

TEST_P(RestoreOverridesTest, OnDemandSourceRestoredAsProvisionedNeedsCapacity) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  auto without = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn).WithBillingModeOverride(
          M::BillingMode::PROVISIONED));
  ASSERT_FALSE(without.IsSuccess());
  EXPECT_EQ(without.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  auto with = client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                                 .WithTargetTableName("copy")
                                                 .WithBackupArn(arn)
                                                 .WithBillingModeOverride(M::BillingMode::PROVISIONED)
                                                 .WithProvisionedThroughputOverride(Capacity(3, 4)));
  ASSERT_TRUE(with.IsSuccess()) << with.GetError();
  EXPECT_EQ(Describe("copy").GetProvisionedThroughput().GetWriteCapacityUnits(), 4);
}

TEST_P(RestoreOverridesTest, EncryptionOverrideDisablesCustomerKey) {
  auto out =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                         .WithTargetTableName("customers-restored")
                                         .WithBackupArn(CustomersBackup())
                                         .WithSSESpecificationOverride(M::SSESpecification().WithEnabled(false)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_FALSE(Describe("customers-restored").SSEDescriptionHasBeenSet()) << "back to the AWS owned key";
}

TEST_P(RestoreOverridesTest, EncryptionOverrideChoosesAnotherKey) {
  auto out =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                         .WithTargetTableName("customers-restored")
                                         .WithBackupArn(CustomersBackup())
                                         .WithSSESpecificationOverride(M::SSESpecification()
                                                                           .WithEnabled(true)
                                                                           .WithSSEType(M::SSEType::KMS)
                                                                           .WithKMSMasterKeyId("alias/restored")));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Describe("customers-restored").GetSSEDescription().GetKMSMasterKeyArn(),
            "arn:aws:kms:us-east-1:123456789012:alias/restored");
}

DYNAFAKE_INSTANTIATE(RestoreOverridesTest);

}  // namespace
}  // namespace dynafake_test
