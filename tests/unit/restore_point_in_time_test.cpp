// RestoreTableToPointInTime: a new table with the source's items as of a chosen
// instant inside [EarliestRestorableDateTime, LatestRestorableDateTime].
#include "fixtures.hpp"

#include <map>

namespace dynafake_test {
namespace {

using dynafake::DateTime;

class RestorePointInTimeTest : public ServiceTest {
 protected:
  /// "orders" ACTIVE with PITR enabled at the current instant.
  void CreatePitrTable(const std::string& name = "orders") {
    CreateActiveTable(name);
    auto out = client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName(name).WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  M::RestoreTableToPointInTimeOutcome RestoreAt(DateTime when, const std::string& target = "orders-restored") {
    return client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                 .WithSourceTableName("orders")
                                                 .WithTargetTableName(target)
                                                 .WithRestoreDateTime(when));
  }
  std::map<std::string, std::string> Quantities(const std::string& table) {
    auto scan = client->Scan(M::ScanRequest().WithTableName(table));
    EXPECT_TRUE(scan.IsSuccess()) << scan.GetError();
    std::map<std::string, std::string> out;
    if (scan.IsSuccess())
      for (const auto& item : scan.GetResult().GetItems()) out[item.at("id").GetS()] = item.at("quantity").GetN();
    return out;
  }
  DateTime Now() const { return DateTime(clock.Now()); }
};

TEST_P(RestorePointInTimeTest, RestoredItemsAreThoseAtTheChosenTime) {
  CreatePitrTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "b", 1)).IsSuccess());
  clock.Advance(10min);
  const DateTime goodState = Now();
  clock.Advance(10min);
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 2)).IsSuccess());  // the bad deploy
  ASSERT_TRUE(
      client->DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey({{"id", M::AttributeValue("b")}}))
          .IsSuccess());
  ASSERT_TRUE(client->PutItem(Order("orders", "c", 1)).IsSuccess());
  clock.Advance(1h);

  auto out = RestoreAt(goodState);
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Quantities("orders-restored"), (std::map<std::string, std::string>{{"a", "1"}, {"b", "1"}}));
}

TEST_P(RestorePointInTimeTest, EachInstantGivesTheItemsOfThatInstant) {
  CreatePitrTable();
  std::vector<DateTime> after;
  for (int q = 1; q <= 3; ++q) {
    clock.Advance(1min);
    ASSERT_TRUE(client->PutItem(Order("orders", "a", q)).IsSuccess());
    after.push_back(Now());
  }
  clock.Advance(10min);
  for (int q = 1; q <= 3; ++q) {
    const std::string target = "restored-" + std::to_string(q);
    ASSERT_TRUE(RestoreAt(after[static_cast<std::size_t>(q - 1)], target).IsSuccess());
    EXPECT_EQ(Quantities(target).at("a"), std::to_string(q));
  }
}

TEST_P(RestorePointInTimeTest, UseLatestRestorableTimeRestoresFiveMinutesAgo) {
  CreatePitrTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "old")).IsSuccess());
  clock.Advance(1h);
  ASSERT_TRUE(client->PutItem(Order("orders", "too-recent")).IsSuccess());
  clock.Advance(4min);

  auto out = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                   .WithSourceTableName("orders")
                                                   .WithTargetTableName("orders-restored")
                                                   .WithUseLatestRestorableTime(true));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetRestoreSummary().GetRestoreDateTime(),
            DateTime(Now().Millis() - 5 * 60 * 1000));
  EXPECT_EQ(Quantities("orders-restored"), (std::map<std::string, std::string>{{"old", "1"}}));
}

TEST_P(RestorePointInTimeTest, TargetStartsCreatingWithARestoreSummaryWithoutBackup) {
  CreatePitrTable();
  clock.Advance(1h);
  const DateTime when(Now().Millis() - 30 * 60 * 1000);
  auto out = RestoreAt(when);
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& summary = out.GetResult().GetTableDescription().GetRestoreSummary();
  EXPECT_EQ(out.GetResult().GetTableDescription().GetTableStatus(), M::TableStatus::CREATING);
  EXPECT_EQ(summary.GetSourceTableArn(), service.TableArn("orders"));
  EXPECT_EQ(summary.GetRestoreDateTime(), when);
  EXPECT_TRUE(summary.GetRestoreInProgress());
  EXPECT_FALSE(summary.SourceBackupArnHasBeenSet());
}

TEST_P(RestorePointInTimeTest, WindowEdgesAreRestorable) {
  CreatePitrTable();
  const DateTime earliest = Now();
  clock.Advance(1h);
  const DateTime latest(Now().Millis() - 5 * 60 * 1000);
  EXPECT_TRUE(RestoreAt(earliest, "at-earliest").IsSuccess());
  EXPECT_TRUE(RestoreAt(latest, "at-latest").IsSuccess());
}

TEST_P(RestorePointInTimeTest, SourceMayBeNamedByArn) {
  CreatePitrTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  clock.Advance(1h);
  auto out = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                   .WithSourceTableArn(service.TableArn("orders"))
                                                   .WithTargetTableName("orders-restored")
                                                   .WithUseLatestRestorableTime(true));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Quantities("orders-restored").size(), 1u);
}

TEST_P(RestorePointInTimeTest, TheSourceCanBeRestoredManyTimes) {
  CreatePitrTable();
  clock.Advance(1h);
  for (int i = 0; i < 3; ++i) {
    auto out = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                     .WithSourceTableName("orders")
                                                     .WithTargetTableName("copy-" + std::to_string(i))
                                                     .WithUseLatestRestorableTime(true));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
  }
}

TEST_P(RestorePointInTimeTest, CurrentIndexesBillingAndEncryptionComeAlongButNotPitr) {
  ASSERT_TRUE(
      client
          ->CreateTable(
              OrdersTable()
                  .WithAttributeDefinitions(
                      {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S),
                       M::AttributeDefinition()
                           .WithAttributeName("customer")
                           .WithAttributeType(M::ScalarAttributeType::S)})
                  .WithGlobalSecondaryIndexes(
                      {M::GlobalSecondaryIndex()
                           .WithIndexName("by-customer")
                           .WithKeySchema(
                               {M::KeySchemaElement().WithAttributeName("customer").WithKeyType(M::KeyType::HASH)})
                           .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::KEYS_ONLY))})
                  .WithSSESpecification(M::SSESpecification().WithEnabled(true))
                  .WithTags({M::Tag().WithKey("team").WithValue("orders")}))
          .IsSuccess());
  ASSERT_TRUE(client
                  ->UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  clock.Advance(1h);
  ASSERT_TRUE(client
                  ->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                  .WithSourceTableName("orders")
                                                  .WithTargetTableName("orders-restored")
                                                  .WithUseLatestRestorableTime(true))
                  .IsSuccess());
  const auto d =
      client->DescribeTable(M::DescribeTableRequest().WithTableName("orders-restored")).GetResult().GetTable();
  ASSERT_EQ(d.GetGlobalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(d.GetGlobalSecondaryIndexes()[0].GetIndexName(), "by-customer");
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PAY_PER_REQUEST);
  EXPECT_EQ(d.GetSSEDescription().GetStatus(), M::SSEStatus::ENABLED);
  EXPECT_TRUE(
      client->ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(service.TableArn("orders-restored")))
          .GetResult()
          .GetTags()
          .empty());
  EXPECT_EQ(client->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("orders-restored"))
                .GetResult()
                .GetContinuousBackupsDescription()
                .GetPointInTimeRecoveryDescription()
                .GetPointInTimeRecoveryStatus(),
            M::PointInTimeRecoveryStatus::DISABLED);
}

TEST_P(RestorePointInTimeTest, OverridesApplyAsForBackups) {
  CreatePitrTable();
  clock.Advance(1h);
  auto out = client->RestoreTableToPointInTime(
      M::RestoreTableToPointInTimeRequest()
          .WithSourceTableName("orders")
          .WithTargetTableName("orders-restored")
          .WithUseLatestRestorableTime(true)
          .WithBillingModeOverride(M::BillingMode::PROVISIONED)
          .WithProvisionedThroughputOverride(
              M::ProvisionedThroughput().WithReadCapacityUnits(8).WithWriteCapacityUnits(9)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = out.GetResult().GetTableDescription();
  EXPECT_EQ(d.GetBillingModeSummary().GetBillingMode(), M::BillingMode::PROVISIONED);
  EXPECT_EQ(d.GetProvisionedThroughput().GetReadCapacityUnits(), 8);
}

TEST_P(RestorePointInTimeTest, IndexOverrideNamingAMissingIndexIsValidationException) {
  CreatePitrTable();
  clock.Advance(1h);
  auto out = client->RestoreTableToPointInTime(
      M::RestoreTableToPointInTimeRequest()
          .WithSourceTableName("orders")
          .WithTargetTableName("orders-restored")
          .WithUseLatestRestorableTime(true)
          .WithGlobalSecondaryIndexOverride(std::vector<M::GlobalSecondaryIndex>{
              M::GlobalSecondaryIndex()
                  .WithIndexName("by-customer")
                  .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                  .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL))}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
}

TEST_P(RestorePointInTimeTest, OldVersionsStayRestorableAfterManyWrites) {
  CreatePitrTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a", 1)).IsSuccess());
  clock.Advance(1h);
  const DateTime before = Now();
  clock.Advance(1s);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "a", 2)).IsSuccess());
  clock.Advance(1h);
  ASSERT_TRUE(RestoreAt(before).IsSuccess());
  EXPECT_EQ(Quantities("orders-restored").at("a"), "1");
}

DYNAFAKE_INSTANTIATE(RestorePointInTimeTest);

}  // namespace
}  // namespace dynafake_test
