// CreateBackup: the result, the ARN format, and every error of the service
// model produced from state (and InternalServerError from a fault rule).
#include "fixtures.hpp"

#include <regex>

namespace dynafake_test {
namespace {

class CreateBackupTest : public ServiceTest {};
class CreateBackupRealisticTest : public RealisticServiceTest {};

TEST_P(CreateBackupTest, ReturnsUserBackupDetailsStampedWithTheRequestTime) {
  CreateActiveTable();
  clock.Advance(90s);
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetBackupDetails();
  EXPECT_EQ(d.GetBackupName(), "nightly");
  EXPECT_EQ(d.GetBackupType(), M::BackupType::USER);
  EXPECT_EQ(d.GetBackupStatus(), M::BackupStatus::AVAILABLE);  // Instant(): no CREATING phase
  EXPECT_EQ(d.GetBackupCreationDateTime(), dynafake::DateTime(clock.Now()));
  EXPECT_FALSE(d.BackupExpiryDateTimeHasBeenSet()) << "only SYSTEM backups expire";
}

TEST_P(CreateBackupTest, ArnFollowsTheServiceFormat) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  // arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/backup/<14-digit ms>-<8 hex>
  EXPECT_TRUE(std::regex_match(
      arn, std::regex(R"(arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/\d{14}-[0-9a-f]{8})")))
      << arn;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now().time_since_epoch()).count();
  EXPECT_EQ(arn.substr(arn.rfind('/') + 1, 14), std::string(14 - std::to_string(ms).size(), '0') + std::to_string(ms));
}

TEST_P(CreateBackupTest, SameSeedGivesSameArns) {
  auto run = [](uint64_t seed) {
    dynafake::ManualClock c;
    auto options = dynafake::ServiceOptions::Instant();
    options.seed = seed;
    dynafake::Service s(c, options);
    dynafake::Client cl(s);
    cl.CreateTable(OrdersTable());
    std::vector<std::string> arns;
    for (int i = 0; i < 3; ++i)
      arns.push_back(cl.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak"))
                         .GetResult()
                         .GetBackupDetails()
                         .GetBackupArn());
    return arns;
  };
  EXPECT_EQ(run(7), run(7));
  EXPECT_NE(run(7), run(8));
}

TEST_P(CreateBackupTest, AcceptsTheTableArnInPlaceOfItsName) {
  CreateActiveTable();
  auto out =
      client->CreateBackup(M::CreateBackupRequest().WithTableName(service.TableArn("orders")).WithBackupName("by-arn"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
}

TEST_P(CreateBackupTest, UnknownTableIsTableNotFound) {
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("missing").WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetExceptionName(), "TableNotFoundException");
  EXPECT_EQ(out.GetError().GetResponseCode(), 400);
  EXPECT_EQ(out.GetError().GetMessage(), "Table not found: missing");
}

TEST_P(CreateBackupTest, ArnOfAnotherAccountIsTableNotFound) {
  CreateActiveTable();
  auto out = client->CreateBackup(M::CreateBackupRequest()
                                      .WithTableName("arn:aws:dynamodb:us-east-1:999999999999:table/orders")
                                      .WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
}

TEST_P(CreateBackupRealisticTest, TableStillCreatingIsTableInUse) {
  ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(), "Table is being created: orders");
  clock.Advance(service.Options().durations.tableCreate);
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly")).IsSuccess());
}

TEST_P(CreateBackupRealisticTest, TableBeingDeletedIsTableInUse) {
  CreateActiveTable();
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(), "Table is being deleted: orders");
}

TEST_P(CreateBackupRealisticTest, TableBeingRestoredIntoIsTableInUse) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  clock.Advance(service.Options().durations.backupCreate);
  ASSERT_TRUE(client
                  ->RestoreTableFromBackup(
                      M::RestoreTableFromBackupRequest().WithBackupArn(arn).WithTargetTableName("orders-copy"))
                  .IsSuccess());
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders-copy").WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(), "Table is being restored: orders-copy");
}

TEST_P(CreateBackupRealisticTest, UpdatingTableCanBeBackedUp) {
  CreateActiveTable();
  ASSERT_TRUE(client
                  ->UpdateTable(M::UpdateTableRequest()
                                    .WithTableName("orders")
                                    .WithBillingMode(M::BillingMode::PROVISIONED)
                                    .WithProvisionedThroughput(
                                        M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5)))
                  .IsSuccess());
  auto described = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  ASSERT_EQ(described.GetResult().GetTable().GetTableStatus(), M::TableStatus::UPDATING);
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly")).IsSuccess());
}

TEST_P(CreateBackupRealisticTest, BackupStaysCreatingForTheConfiguredDurationThenIsAvailable) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  auto describe = [&] {
    return client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn))
        .GetResult()
        .GetBackupDescription()
        .GetBackupDetails()
        .GetBackupStatus();
  };
  EXPECT_EQ(describe(), M::BackupStatus::CREATING);
  clock.Advance(service.Options().durations.backupCreate - 1ms);
  EXPECT_EQ(describe(), M::BackupStatus::CREATING);
  clock.Advance(1ms);
  EXPECT_EQ(describe(), M::BackupStatus::AVAILABLE);
}

TEST_P(CreateBackupRealisticTest, SecondBackupWhileOneIsCreatingIsBackupInUse) {
  CreateActiveTable();
  Backup("orders");
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("again"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::BACKUP_IN_USE);
  EXPECT_EQ(out.GetError().GetExceptionName(), "BackupInUseException");
}

TEST_P(CreateBackupTest, NewTableInsideTheWarmUpWindowIsContinuousBackupsUnavailable) {
  dynafake::ManualClock c;
  auto options = dynafake::ServiceOptions::Instant();
  options.durations.continuousBackupsWarmUp = std::chrono::minutes(2);
  dynafake::Service s(c, options);
  auto cl = GetParam().make(s);
  ASSERT_TRUE(cl->CreateTable(OrdersTable()).IsSuccess());
  auto out = cl->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE);
  c.Advance(std::chrono::minutes(2));
  EXPECT_TRUE(cl->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly")).IsSuccess());
}

TEST_P(CreateBackupTest, FiftyFirstCallInOneSecondIsLimitExceeded) {
  CreateActiveTable();
  for (int i = 0; i < 50; ++i) ASSERT_FALSE(Backup("orders", "bak" + std::to_string(i)).empty()) << "call " << i + 1;
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak50"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
  EXPECT_EQ(out.GetError().GetExceptionName(), "LimitExceededException");
  clock.Advance(1s);  // the window slides: a second later there is room again
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak50")).IsSuccess());
}

TEST_P(CreateBackupTest, RateLimitIsConfigurable) {
  dynafake::ManualClock c;
  auto options = dynafake::ServiceOptions::Instant();
  options.limits.callsPerSecond["CreateBackup"] = 2;
  dynafake::Service s(c, options);
  auto cl = GetParam().make(s);
  cl->CreateTable(OrdersTable());
  auto call = [&] { return cl->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak")); };
  EXPECT_TRUE(call().IsSuccess());
  EXPECT_TRUE(call().IsSuccess());
  EXPECT_EQ(call().GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
}

TEST_P(CreateBackupTest, BackupsInProgressLimitIsLimitExceeded) {
  dynafake::ManualClock c;
  dynafake::ServiceOptions options;
  options.limits.backupsInProgress = 1;
  dynafake::Service s(c, options);
  auto cl = GetParam().make(s);
  cl->CreateTable(OrdersTable("alpha"));
  cl->CreateTable(OrdersTable("bravo"));
  c.Advance(options.durations.tableCreate);
  EXPECT_TRUE(cl->CreateBackup(M::CreateBackupRequest().WithTableName("alpha").WithBackupName("xyz")).IsSuccess());
  auto out = cl->CreateBackup(M::CreateBackupRequest().WithTableName("bravo").WithBackupName("xyz"));
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
}

TEST_P(CreateBackupTest, InjectedInternalServerErrorOnTheThirdCall) {
  CreateActiveTable();
  service.Faults().Add(dynafake::FaultRule::On("CreateBackup").OnCall(3).Once().Fail(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak1")).IsSuccess());
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak2")).IsSuccess());
  auto third = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak3"));
  ASSERT_FALSE(third.IsSuccess());
  EXPECT_EQ(third.GetError().GetErrorType(), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_EQ(third.GetError().GetExceptionName(), "InternalServerError");
  EXPECT_EQ(third.GetError().GetResponseCode(), 500);
  EXPECT_TRUE(third.GetError().ShouldRetry());
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("bak4")).IsSuccess());
  auto listed = client->ListBackups(M::ListBackupsRequest());
  EXPECT_EQ(listed.GetResult().GetBackupSummaries().size(), 3u) << "the failed call made no backup";
}

TEST_P(CreateBackupTest, BackupSizeAndSourceDetailsAreComputedFromTheTable) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "bb", 22)).IsSuccess());
  const std::string arn = Backup("orders");
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetBackupDescription();
  // item size: attribute names plus values ("id"+"a" = 3, "quantity"+N(1) = 8+2 -> 13; "id"+"bb" = 4, +10 -> 14)
  EXPECT_EQ(d.GetBackupDetails().GetBackupSizeBytes(), 27);
  EXPECT_EQ(d.GetSourceTableDetails().GetItemCount(), 2);
  EXPECT_EQ(d.GetSourceTableDetails().GetTableSizeBytes(), 27);
  EXPECT_EQ(d.GetSourceTableDetails().GetTableName(), "orders");
  EXPECT_EQ(d.GetSourceTableDetails().GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_EQ(d.GetSourceTableDetails().GetProvisionedThroughput().GetReadCapacityUnits(), 0) << "on-demand reports 0/0";
  EXPECT_EQ(d.GetSourceTableDetails().GetKeySchema().size(), 1u);
}

TEST_P(CreateBackupTest, FeatureDetailsListIndexesStreamAndEncryption) {
  auto request =
      M::CreateTableRequest()
          .WithTableName("events")
          .WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH),
                          M::KeySchemaElement().WithAttributeName("sk").WithKeyType(M::KeyType::RANGE)})
          .WithAttributeDefinitions(
              {M::AttributeDefinition().WithAttributeName("pk").WithAttributeType(M::ScalarAttributeType::S),
               M::AttributeDefinition().WithAttributeName("sk").WithAttributeType(M::ScalarAttributeType::N),
               M::AttributeDefinition().WithAttributeName("at").WithAttributeType(M::ScalarAttributeType::S)})
          .WithBillingMode(M::BillingMode::PROVISIONED)
          .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(3))
          .WithLocalSecondaryIndexes(
              {M::LocalSecondaryIndex()
                   .WithIndexName("by-at")
                   .WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH),
                                   M::KeySchemaElement().WithAttributeName("at").WithKeyType(M::KeyType::RANGE)})
                   .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL))})
          .WithGlobalSecondaryIndexes(
              {M::GlobalSecondaryIndex()
                   .WithIndexName("by-sk")
                   .WithKeySchema({M::KeySchemaElement().WithAttributeName("sk").WithKeyType(M::KeyType::HASH)})
                   .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::KEYS_ONLY))
                   .WithProvisionedThroughput(
                       M::ProvisionedThroughput().WithReadCapacityUnits(1).WithWriteCapacityUnits(1))})
          .WithStreamSpecification(
              M::StreamSpecification().WithStreamEnabled(true).WithStreamViewType(M::StreamViewType::NEW_IMAGE))
          .WithSSESpecification(M::SSESpecification().WithEnabled(true));
  ASSERT_TRUE(client->CreateTable(request).IsSuccess());
  const std::string arn = Backup("events");
  auto d = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)).GetResult().GetBackupDescription();
  const auto& f = d.GetSourceTableFeatureDetails();
  ASSERT_EQ(f.GetLocalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(f.GetLocalSecondaryIndexes()[0].GetIndexName(), "by-at");
  ASSERT_EQ(f.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(f.GetGlobalSecondaryIndexes()[0].GetProvisionedThroughput().GetReadCapacityUnits(), 1);
  EXPECT_TRUE(f.GetStreamDescription().GetStreamEnabled());
  EXPECT_EQ(f.GetStreamDescription().GetStreamViewType(), M::StreamViewType::NEW_IMAGE);
  EXPECT_EQ(f.GetSSEDescription().GetStatus(), M::SSEStatus::ENABLED);
  EXPECT_EQ(f.GetTimeToLiveDescription().GetTimeToLiveStatus(), M::TimeToLiveStatus::DISABLED);
  EXPECT_EQ(d.GetSourceTableDetails().GetProvisionedThroughput().GetWriteCapacityUnits(), 3);
  EXPECT_EQ(d.GetSourceTableDetails().GetBillingMode(), M::BillingMode::PROVISIONED);
}

TEST_P(CreateBackupTest, BackupHoldsTheTableAsOfTheRequestNotLaterWrites) {
  CreateActiveTable();
  client->PutItem(Order("orders", "before"));
  const std::string arn = Backup("orders");
  client->PutItem(Order("orders", "after"));
  client->DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey({{"id", M::AttributeValue("before")}}));
  ASSERT_TRUE(
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithBackupArn(arn).WithTargetTableName("copy"))
          .IsSuccess());
  auto scan = client->Scan(M::ScanRequest().WithTableName("copy"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  ASSERT_EQ(scan.GetResult().GetItems().size(), 1u);
  EXPECT_EQ(scan.GetResult().GetItems()[0].at("id").GetS(), "before");
}

TEST_P(CreateBackupTest, CostDoesNotCopyItems) {
  CreateActiveTable();
  auto batch = [&](int from) {
    std::vector<M::WriteRequest> writes;
    for (int i = from; i < from + 25; ++i)
      writes.push_back(M::WriteRequest().WithPutRequest(
          M::PutRequest().WithItem({{"id", M::AttributeValue("k" + std::to_string(i))}})));
    return client->BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems({{"orders", writes}}));
  };
  for (int i = 0; i < 400; i += 25) ASSERT_TRUE(batch(i).IsSuccess());
  const auto before = service.Stats().historyVersions;
  for (int i = 0; i < 10; ++i) Backup("orders", "bak" + std::to_string(i));
  EXPECT_EQ(service.Stats().historyVersions, before) << "backups share the table's history";
  EXPECT_EQ(service.Stats().histories, 1u);
}

DYNAFAKE_INSTANTIATE(CreateBackupTest);
DYNAFAKE_INSTANTIATE(CreateBackupRealisticTest);

}  // namespace
}  // namespace dynafake_test
