// Every error RestoreTableFromBackup and RestoreTableToPointInTime model, each
// reached from state (no fault rule), and the rule that a failed call changes
// nothing. Durations are the realistic defaults unless a test says otherwise:
// CreateTable 10 s, CreateBackup 30 s, DeleteTable 5 s, restores 5 min.
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

using dynafake::DateTime;

class RestoreErrorsTest : public RealisticServiceTest {
 protected:
  /// "orders" ACTIVE, with PITR on and an AVAILABLE backup; returns the backup's ARN.
  std::string OrdersWithPitrAndBackup() {
    CreateActiveTable();
    EXPECT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
    EXPECT_TRUE(
        client
            ->UpdateContinuousBackups(
                M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                    M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
            .IsSuccess());
    const std::string arn = Backup("orders");
    clock.Advance(service.Options().durations.backupCreate);
    clock.Advance(1h);
    return arn;
  }
  M::RestoreTableFromBackupOutcome FromBackup(const std::string& arn, const std::string& target) {
    return client->RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithTargetTableName(target).WithBackupArn(arn));
  }
  M::RestoreTableToPointInTimeOutcome ToLatest(const std::string& source, const std::string& target) {
    return client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                 .WithSourceTableName(source)
                                                 .WithTargetTableName(target)
                                                 .WithUseLatestRestorableTime(true));
  }
  M::RestoreTableToPointInTimeOutcome ToTime(DateTime when, const std::string& target = "orders-restored") {
    return client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                 .WithSourceTableName("orders")
                                                 .WithTargetTableName(target)
                                                 .WithRestoreDateTime(when));
  }
  DateTime Now() const { return DateTime(clock.Now()); }
};

template <class Outcome>
void ExpectError(const Outcome& out, DynamoDBErrors type, const std::string& exceptionName) {
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), type) << out.GetError();
  EXPECT_EQ(out.GetError().GetExceptionName(), exceptionName);
  EXPECT_EQ(out.GetError().GetResponseCode(), 400);
}

// ---- TableAlreadyExistsException / TableInUseException: the target name

TEST_P(RestoreErrorsTest, ExistingTargetIsTableAlreadyExists) {
  const std::string arn = OrdersWithPitrAndBackup();
  ExpectError(FromBackup(arn, "orders"), DynamoDBErrors::TABLE_ALREADY_EXISTS, "TableAlreadyExistsException");
  ExpectError(ToLatest("orders", "orders"), DynamoDBErrors::TABLE_ALREADY_EXISTS, "TableAlreadyExistsException");
}

TEST_P(RestoreErrorsTest, TargetBeingCreatedIsTableInUse) {
  const std::string arn = OrdersWithPitrAndBackup();
  ASSERT_TRUE(client->CreateTable(OrdersTable("invoices")).IsSuccess());  // CREATING for 10 s
  ExpectError(FromBackup(arn, "invoices"), DynamoDBErrors::TABLE_IN_USE, "TableInUseException");
  ExpectError(ToLatest("orders", "invoices"), DynamoDBErrors::TABLE_IN_USE, "TableInUseException");
}

TEST_P(RestoreErrorsTest, TargetBeingRestoredIsTableInUse) {
  const std::string arn = OrdersWithPitrAndBackup();
  ASSERT_TRUE(FromBackup(arn, "orders-restored").IsSuccess());  // CREATING for 5 min
  ExpectError(FromBackup(arn, "orders-restored"), DynamoDBErrors::TABLE_IN_USE, "TableInUseException");
}

TEST_P(RestoreErrorsTest, TargetBeingDeletedIsTableInUse) {
  const std::string arn = OrdersWithPitrAndBackup();
  CreateActiveTable("old-orders");
  ASSERT_TRUE(
      client->DeleteTable(M::DeleteTableRequest().WithTableName("old-orders")).IsSuccess());  // DELETING for 5 s
  ExpectError(FromBackup(arn, "old-orders"), DynamoDBErrors::TABLE_IN_USE, "TableInUseException");
  clock.Advance(5s);
  EXPECT_TRUE(FromBackup(arn, "old-orders").IsSuccess()) << "the name is free once the table is gone";
}

// ---- BackupNotFoundException / BackupInUseException: the backup

TEST_P(RestoreErrorsTest, UnknownBackupIsBackupNotFound) {
  OrdersWithPitrAndBackup();
  ExpectError(FromBackup(service.TableArn("orders") + "/backup/01767225600000-00000000", "orders-restored"),
              DynamoDBErrors::BACKUP_NOT_FOUND, "BackupNotFoundException");
}

TEST_P(RestoreErrorsTest, DeletedBackupIsBackupNotFound) {
  const std::string arn = OrdersWithPitrAndBackup();
  ASSERT_TRUE(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).IsSuccess());
  ExpectError(FromBackup(arn, "orders-restored"), DynamoDBErrors::BACKUP_NOT_FOUND, "BackupNotFoundException");
}

TEST_P(RestoreErrorsTest, BackupStillCreatingIsBackupInUse) {
  CreateActiveTable();
  const std::string arn = Backup("orders");  // CREATING for 30 s
  ExpectError(FromBackup(arn, "orders-restored"), DynamoDBErrors::BACKUP_IN_USE, "BackupInUseException");
  clock.Advance(30s);
  EXPECT_TRUE(FromBackup(arn, "orders-restored").IsSuccess());
}

TEST_P(RestoreErrorsTest, DeletingABackupARestoreIsReadingIsBackupInUse) {
  const std::string arn = OrdersWithPitrAndBackup();
  ASSERT_TRUE(FromBackup(arn, "orders-restored").IsSuccess());
  auto out = client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn));
  ExpectError(out, DynamoDBErrors::BACKUP_IN_USE, "BackupInUseException");
  clock.Advance(5min);  // the restore is done
  EXPECT_TRUE(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).IsSuccess());
}

TEST_P(RestoreErrorsTest, OneBackupFeedsSeveralRestoresAtOnce) {
  const std::string arn = OrdersWithPitrAndBackup();
  EXPECT_TRUE(FromBackup(arn, "copy-1").IsSuccess());
  EXPECT_TRUE(FromBackup(arn, "copy-2").IsSuccess()) << "reading a backup does not lock it against other restores";
}

// ---- TableNotFoundException / PointInTimeRecoveryUnavailableException / InvalidRestoreTimeException

TEST_P(RestoreErrorsTest, UnknownSourceIsTableNotFound) {
  ExpectError(ToLatest("missing", "orders-restored"), DynamoDBErrors::TABLE_NOT_FOUND, "TableNotFoundException");
}

TEST_P(RestoreErrorsTest, SourceBeingDeletedIsTableNotFound) {
  OrdersWithPitrAndBackup();
  ASSERT_TRUE(client->DeleteTable(M::DeleteTableRequest().WithTableName("orders")).IsSuccess());
  ExpectError(ToLatest("orders", "orders-restored"), DynamoDBErrors::TABLE_NOT_FOUND, "TableNotFoundException");
}

TEST_P(RestoreErrorsTest, SourceWithoutPitrIsPointInTimeRecoveryUnavailable) {
  CreateActiveTable();
  clock.Advance(1h);
  ExpectError(ToLatest("orders", "orders-restored"), DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE,
              "PointInTimeRecoveryUnavailableException");
}

TEST_P(RestoreErrorsTest, SourceWithPitrDisabledAgainIsPointInTimeRecoveryUnavailable) {
  OrdersWithPitrAndBackup();
  ASSERT_TRUE(client
                  ->UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(false)))
                  .IsSuccess());
  ExpectError(ToLatest("orders", "orders-restored"), DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE,
              "PointInTimeRecoveryUnavailableException");
}

TEST_P(RestoreErrorsTest, TimeBeforeTheWindowIsInvalidRestoreTime) {
  OrdersWithPitrAndBackup();
  auto earliest = client->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("orders"))
                      .GetResult()
                      .GetContinuousBackupsDescription()
                      .GetPointInTimeRecoveryDescription()
                      .GetEarliestRestorableDateTime();
  ExpectError(ToTime(DateTime(earliest.Millis() - 1)), DynamoDBErrors::INVALID_RESTORE_TIME,
              "InvalidRestoreTimeException");
  EXPECT_TRUE(ToTime(earliest).IsSuccess());
}

TEST_P(RestoreErrorsTest, TimeAfterLatestRestorableIsInvalidRestoreTime) {
  OrdersWithPitrAndBackup();
  ExpectError(ToTime(DateTime(Now().Millis() - 5 * 60 * 1000 + 1)), DynamoDBErrors::INVALID_RESTORE_TIME,
              "InvalidRestoreTimeException");
  ExpectError(ToTime(Now()), DynamoDBErrors::INVALID_RESTORE_TIME, "InvalidRestoreTimeException");
}

TEST_P(RestoreErrorsTest, TimeBeforePitrWasReEnabledIsInvalidRestoreTime) {
  OrdersWithPitrAndBackup();
  const DateTime beforeDisable(Now().Millis() - 30 * 60 * 1000);
  auto set = [&](bool on) {
    return client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(on)));
  };
  ASSERT_TRUE(set(false).IsSuccess());
  ASSERT_TRUE(set(true).IsSuccess());
  clock.Advance(1h);
  ExpectError(ToTime(beforeDisable), DynamoDBErrors::INVALID_RESTORE_TIME, "InvalidRestoreTimeException");
}

TEST_P(RestoreErrorsTest, TimeOlderThanTheRecoveryPeriodIsInvalidRestoreTime) {
  OrdersWithPitrAndBackup();
  const DateTime enabledAt = Now();
  clock.Advance(std::chrono::hours(24 * 36));
  ExpectError(ToTime(enabledAt), DynamoDBErrors::INVALID_RESTORE_TIME, "InvalidRestoreTimeException");
}

// ---- LimitExceededException

class RestoreLimitsTest : public ServiceTest {
 protected:
  static dynafake::ServiceOptions SmallLimits() {
    dynafake::ServiceOptions o;  // realistic durations: restores take 5 minutes
    o.limits.concurrentRestores = 2;
    o.limits.tablesInTransition = 4;
    return o;
  }
  RestoreLimitsTest() : ServiceTest(SmallLimits()) {}
  std::string AvailableBackup() {
    CreateActiveTable();
    const std::string arn = Backup("orders");
    clock.Advance(30s);
    return arn;
  }
  M::RestoreTableFromBackupOutcome FromBackup(const std::string& arn, const std::string& target) {
    return client->RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithTargetTableName(target).WithBackupArn(arn));
  }
};

TEST_P(RestoreLimitsTest, RestoresBeyondTheConcurrentLimitAreLimitExceeded) {
  const std::string arn = AvailableBackup();
  ASSERT_TRUE(FromBackup(arn, "copy-1").IsSuccess());
  ASSERT_TRUE(FromBackup(arn, "copy-2").IsSuccess());
  ExpectError(FromBackup(arn, "copy-3"), DynamoDBErrors::LIMIT_EXCEEDED, "LimitExceededException");
  clock.Advance(5min);  // both restores finished
  EXPECT_TRUE(FromBackup(arn, "copy-3").IsSuccess());
}

TEST_P(RestoreLimitsTest, PointInTimeRestoresCountTowardsTheSameLimit) {
  const std::string arn = AvailableBackup();
  ASSERT_TRUE(client
                  ->UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  clock.Advance(1h);
  ASSERT_TRUE(FromBackup(arn, "copy-1").IsSuccess());
  ASSERT_TRUE(client
                  ->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                  .WithSourceTableName("orders")
                                                  .WithTargetTableName("copy-2")
                                                  .WithUseLatestRestorableTime(true))
                  .IsSuccess());
  ExpectError(client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                    .WithSourceTableName("orders")
                                                    .WithTargetTableName("copy-3")
                                                    .WithUseLatestRestorableTime(true)),
              DynamoDBErrors::LIMIT_EXCEEDED, "LimitExceededException");
}

TEST_P(RestoreLimitsTest, TooManyTablesInTransitionIsLimitExceeded) {
  const std::string arn = AvailableBackup();
  ASSERT_TRUE(FromBackup(arn, "copy-1").IsSuccess());
  for (const char* name : {"creating-1", "creating-2", "creating-3"})
    ASSERT_TRUE(client->CreateTable(OrdersTable(name)).IsSuccess());  // CREATING for 10 s
  auto out = FromBackup(arn, "copy-2");                               // 1 restore < 2, but 4 tables in transition
  ExpectError(out, DynamoDBErrors::LIMIT_EXCEEDED, "LimitExceededException");
  EXPECT_NE(out.GetError().GetMessage().find("simultaneously"), std::string::npos) << out.GetError().GetMessage();
  clock.Advance(10s);
  EXPECT_TRUE(FromBackup(arn, "copy-2").IsSuccess());
}

class DefaultRestoreLimitTest : public RealisticServiceTest {};

TEST_P(DefaultRestoreLimitTest, FiftyRestoresMayRunAtOnceAndTheFiftyFirstIsLimitExceeded) {
  EXPECT_EQ(service.Options().limits.concurrentRestores, 50);
  CreateActiveTable();
  const std::string arn = Backup("orders");
  clock.Advance(30s);
  for (int i = 0; i < 50; ++i) {
    auto out = client->RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithTargetTableName("copy-" + std::to_string(i)).WithBackupArn(arn));
    ASSERT_TRUE(out.IsSuccess()) << i << ": " << out.GetError();
  }
  ExpectError(client->RestoreTableFromBackup(
                  M::RestoreTableFromBackupRequest().WithTargetTableName("copy-50").WithBackupArn(arn)),
              DynamoDBErrors::LIMIT_EXCEEDED, "LimitExceededException");
}

// ---- ValidationException: exactly one source and exactly one time

class RestoreValidationTest : public ServiceTest {};

TEST_P(RestoreValidationTest, BothSourceArnAndNameIsValidationException) {
  auto out = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                   .WithSourceTableName("orders")
                                                   .WithSourceTableArn(service.TableArn("orders"))
                                                   .WithTargetTableName("orders-restored")
                                                   .WithUseLatestRestorableTime(true));
  ExpectError(out, DynamoDBErrors::VALIDATION, "ValidationException");
}

TEST_P(RestoreValidationTest, NeitherSourceArnNorNameIsValidationException) {
  auto out = client->RestoreTableToPointInTime(
      M::RestoreTableToPointInTimeRequest().WithTargetTableName("orders-restored").WithUseLatestRestorableTime(true));
  ExpectError(out, DynamoDBErrors::VALIDATION, "ValidationException");
}

TEST_P(RestoreValidationTest, BothLatestAndRestoreDateTimeIsValidationException) {
  auto out = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                   .WithSourceTableName("orders")
                                                   .WithTargetTableName("orders-restored")
                                                   .WithUseLatestRestorableTime(true)
                                                   .WithRestoreDateTime(DateTime(clock.Now())));
  ExpectError(out, DynamoDBErrors::VALIDATION, "ValidationException");
}

TEST_P(RestoreValidationTest, NeitherLatestNorRestoreDateTimeIsValidationException) {
  auto out = client->RestoreTableToPointInTime(
      M::RestoreTableToPointInTimeRequest().WithSourceTableName("orders").WithTargetTableName("orders-restored"));
  ExpectError(out, DynamoDBErrors::VALIDATION, "ValidationException");
  auto latestFalse = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                           .WithSourceTableName("orders")
                                                           .WithTargetTableName("orders-restored")
                                                           .WithUseLatestRestorableTime(false));
  ExpectError(latestFalse, DynamoDBErrors::VALIDATION, "ValidationException");
}

TEST_P(RestoreValidationTest, ValidationComesBeforeTheTableLookup) {
  // the source does not exist, but the request is malformed: ValidationException, not TableNotFound
  auto out = client->RestoreTableToPointInTime(
      M::RestoreTableToPointInTimeRequest().WithSourceTableName("missing").WithTargetTableName("orders-restored"));
  ExpectError(out, DynamoDBErrors::VALIDATION, "ValidationException");
}

TEST_P(RestoreValidationTest, OverridesThatCannotGoTogetherAreRefusedBeforeTheBackupOrSourceIsLookedUp) {
  const auto onDemand = M::BillingMode::PAY_PER_REQUEST;
  const auto throughput = M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5);
  auto fromBackup =
      client->RestoreTableFromBackup(M::RestoreTableFromBackupRequest()
                                         .WithBackupArn(service.TableArn("missing") + "/backup/01767225600000-00000000")
                                         .WithTargetTableName("orders-restored")
                                         .WithBillingModeOverride(onDemand)
                                         .WithProvisionedThroughputOverride(throughput));
  ExpectError(fromBackup, DynamoDBErrors::VALIDATION, "ValidationException");
  EXPECT_EQ(fromBackup.GetError().GetMessage(),
            "One or more parameter values were invalid: ProvisionedThroughputOverride cannot be specified when "
            "BillingMode is PAY_PER_REQUEST");
  auto toPointInTime = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                             .WithSourceTableName("missing")
                                                             .WithTargetTableName("orders-restored")
                                                             .WithUseLatestRestorableTime(true)
                                                             .WithBillingModeOverride(onDemand)
                                                             .WithProvisionedThroughputOverride(throughput));
  ExpectError(toPointInTime, DynamoDBErrors::VALIDATION, "ValidationException");
}

TEST_P(RestoreValidationTest, TargetNameOutsideThePatternIsValidationException) {
  CreateActiveTable();
  const std::string arn = Backup("orders");
  auto out = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithTargetTableName("bad name!").WithBackupArn(arn));
  ExpectError(out, DynamoDBErrors::VALIDATION, "ValidationException");
}

// ---- a failed call changes nothing

TEST_P(RestoreErrorsTest, AFailedRestoreChangesNothing) {
  const std::string arn = OrdersWithPitrAndBackup();
  CreateActiveTable("taken");
  auto snapshot = [&] {
    const auto s = service.Stats();
    auto tables = client->ListTables(M::ListTablesRequest()).GetResult().GetTableNames();
    return std::make_tuple(tables, s.tables, s.backups, s.histories, s.historyVersions, s.pendingEvents);
  };
  const auto before = snapshot();

  EXPECT_FALSE(FromBackup(arn, "taken").IsSuccess());                  // TableAlreadyExists
  EXPECT_FALSE(FromBackup(arn + "0", "orders-restored").IsSuccess());  // BackupNotFound
  EXPECT_FALSE(ToLatest("missing", "orders-restored").IsSuccess());    // TableNotFound
  EXPECT_FALSE(ToTime(DateTime(Now().Millis() + 1)).IsSuccess());      // InvalidRestoreTime
  EXPECT_FALSE(
      client
          ->RestoreTableFromBackup(
              M::RestoreTableFromBackupRequest()  // ValidationException
                  .WithTargetTableName("orders-restored")
                  .WithBackupArn(arn)
                  .WithLocalSecondaryIndexOverride(std::vector<M::LocalSecondaryIndex>{
                      M::LocalSecondaryIndex()
                          .WithIndexName("nope")
                          .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                          .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL))}))
          .IsSuccess());
  const int rule = service.Faults().Add(
      dynafake::FaultRule::On("RestoreTableFromBackup").Once().Fail(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_FALSE(FromBackup(arn, "orders-restored").IsSuccess());  // a scripted fault
  EXPECT_EQ(service.Faults().Fired(rule), 1);

  EXPECT_EQ(snapshot(), before);
  EXPECT_FALSE(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders-restored")).IsSuccess());
  EXPECT_TRUE(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).IsSuccess())
      << "no failed restore holds the backup";
}

TEST_P(RestoreErrorsTest, AFailedRestoreDoesNotConsumeAnId) {
  auto world = [&](bool failFirst) {
    dynafake::ManualClock c;
    dynafake::Service s(c, dynafake::ServiceOptions::Instant());
    auto cl = GetParam().make(s);
    EXPECT_TRUE(cl->CreateTable(OrdersTable()).IsSuccess());
    const std::string arn = cl->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"))
                                .GetResult()
                                .GetBackupDetails()
                                .GetBackupArn();
    if (failFirst) {
      EXPECT_FALSE(cl->RestoreTableFromBackup(
                         M::RestoreTableFromBackupRequest().WithTargetTableName("orders").WithBackupArn(arn))
                       .IsSuccess());
    }
    return cl->RestoreTableFromBackup(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(arn))
        .GetResult()
        .GetTableDescription()
        .GetTableId();
  };
  EXPECT_EQ(world(true), world(false));
}

DYNAFAKE_INSTANTIATE(RestoreErrorsTest);
DYNAFAKE_INSTANTIATE(RestoreLimitsTest);
DYNAFAKE_INSTANTIATE(DefaultRestoreLimitTest);
DYNAFAKE_INSTANTIATE(RestoreValidationTest);

}  // namespace
}  // namespace dynafake_test
