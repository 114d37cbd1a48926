// Point-in-time recovery: DescribeContinuousBackups and UpdateContinuousBackups.
// ContinuousBackupsStatus is ENABLED for every table; the switch is
// PointInTimeRecoveryStatus. The restorable window is
// [max(enable time, now - RecoveryPeriodInDays), now - pitrLatestLag].
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

using dynafake::DateTime;

class PitrTest : public ServiceTest {
 protected:
  M::UpdateContinuousBackupsOutcome SetPitr(bool enabled, const std::string& table = "orders") {
    return client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName(table).WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(enabled)));
  }
  M::UpdateContinuousBackupsOutcome EnableWithPeriod(int days) {
    return client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true).WithRecoveryPeriodInDays(days)));
  }
  M::PointInTimeRecoveryDescription Pitr(const std::string& table = "orders") {
    auto out = client->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName(table));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetContinuousBackupsDescription().GetPointInTimeRecoveryDescription()
                           : M::PointInTimeRecoveryDescription();
  }
  DateTime Now() const { return DateTime(clock.Now()); }
  static DateTime Minus(DateTime t, std::chrono::milliseconds d) { return DateTime(t.Millis() - d.count()); }
};

TEST_P(PitrTest, NewTableHasContinuousBackupsEnabledAndPitrDisabled) {
  CreateActiveTable();
  auto out = client->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("orders"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& d = out.GetResult().GetContinuousBackupsDescription();
  EXPECT_EQ(d.GetContinuousBackupsStatus(), M::ContinuousBackupsStatus::ENABLED);
  EXPECT_EQ(d.GetPointInTimeRecoveryDescription().GetPointInTimeRecoveryStatus(),
            M::PointInTimeRecoveryStatus::DISABLED);
  EXPECT_FALSE(d.GetPointInTimeRecoveryDescription().EarliestRestorableDateTimeHasBeenSet());
  EXPECT_FALSE(d.GetPointInTimeRecoveryDescription().LatestRestorableDateTimeHasBeenSet());
}

TEST_P(PitrTest, EnablingAnswersWithTheNewWindowAndThirtyFiveDaysByDefault) {
  CreateActiveTable();
  clock.Advance(1h);
  auto out = SetPitr(true);
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& p = out.GetResult().GetContinuousBackupsDescription().GetPointInTimeRecoveryDescription();
  EXPECT_EQ(p.GetPointInTimeRecoveryStatus(), M::PointInTimeRecoveryStatus::ENABLED);
  EXPECT_EQ(p.GetRecoveryPeriodInDays(), 35);
  EXPECT_EQ(p.GetEarliestRestorableDateTime(), Now());
  EXPECT_EQ(p.GetLatestRestorableDateTime(), Now()) << "nothing is restorable before the window opens";
}

TEST_P(PitrTest, EarliestRestorableTimeIsTheEnableTimeWhileTheWindowFills) {
  CreateActiveTable();
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  const DateTime enabledAt = Now();
  clock.Advance(std::chrono::hours(24 * 10));
  EXPECT_EQ(Pitr().GetEarliestRestorableDateTime(), enabledAt);
}

TEST_P(PitrTest, LatestRestorableTimeLagsFiveMinutesBehindNow) {
  CreateActiveTable();
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  clock.Advance(1h);
  EXPECT_EQ(Pitr().GetLatestRestorableDateTime(), Minus(Now(), 5min));
}

TEST_P(PitrTest, EarliestRestorableTimeFollowsNowOnceTheWindowIsFull) {
  CreateActiveTable();
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  clock.Advance(std::chrono::hours(24 * 40));
  EXPECT_EQ(Pitr().GetEarliestRestorableDateTime(), Minus(Now(), std::chrono::hours(24 * 35)));
}

TEST_P(PitrTest, RecoveryPeriodShortensTheWindow) {
  CreateActiveTable();
  ASSERT_TRUE(EnableWithPeriod(7).IsSuccess());
  clock.Advance(std::chrono::hours(24 * 10));
  const auto p = Pitr();
  EXPECT_EQ(p.GetRecoveryPeriodInDays(), 7);
  EXPECT_EQ(p.GetEarliestRestorableDateTime(), Minus(Now(), std::chrono::hours(24 * 7)));
}

TEST_P(PitrTest, ChangingOnlyTheRecoveryPeriodKeepsTheWindowsStart) {
  CreateActiveTable();
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  const DateTime enabledAt = Now();
  clock.Advance(std::chrono::hours(24 * 3));
  ASSERT_TRUE(EnableWithPeriod(10).IsSuccess());
  const auto p = Pitr();
  EXPECT_EQ(p.GetRecoveryPeriodInDays(), 10);
  EXPECT_EQ(p.GetEarliestRestorableDateTime(), enabledAt);
}

TEST_P(PitrTest, RecoveryPeriodOutsideOneToThirtyFiveDaysIsValidationException) {
  CreateActiveTable();
  for (int days : {0, 36}) {
    auto out = EnableWithPeriod(days);
    ASSERT_FALSE(out.IsSuccess()) << days;
    EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION) << days;
  }
  EXPECT_EQ(Pitr().GetPointInTimeRecoveryStatus(), M::PointInTimeRecoveryStatus::DISABLED);
}

TEST_P(PitrTest, RecoveryPeriodWhileDisablingIsValidationException) {
  CreateActiveTable();
  auto out = client->UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(false).WithRecoveryPeriodInDays(7)));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
}

TEST_P(PitrTest, DisablingDiscardsTheWindow) {
  CreateActiveTable();
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  clock.Advance(1h);
  auto out = SetPitr(false);
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& p = out.GetResult().GetContinuousBackupsDescription().GetPointInTimeRecoveryDescription();
  EXPECT_EQ(p.GetPointInTimeRecoveryStatus(), M::PointInTimeRecoveryStatus::DISABLED);
  EXPECT_FALSE(p.EarliestRestorableDateTimeHasBeenSet());
  EXPECT_EQ(out.GetResult().GetContinuousBackupsDescription().GetContinuousBackupsStatus(),
            M::ContinuousBackupsStatus::ENABLED);
}

TEST_P(PitrTest, ReEnablingStartsTheWindowOver) {
  CreateActiveTable();
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  clock.Advance(std::chrono::hours(24 * 2));
  ASSERT_TRUE(SetPitr(false).IsSuccess());
  clock.Advance(1h);
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  const DateTime reEnabledAt = Now();
  clock.Advance(1h);
  EXPECT_EQ(Pitr().GetEarliestRestorableDateTime(), reEnabledAt);
}

TEST_P(PitrTest, ReEnablingWithoutAPeriodGoesBackToThirtyFiveDays) {
  CreateActiveTable();
  ASSERT_TRUE(EnableWithPeriod(3).IsSuccess());
  ASSERT_TRUE(SetPitr(false).IsSuccess());
  ASSERT_TRUE(SetPitr(true).IsSuccess());
  EXPECT_EQ(Pitr().GetRecoveryPeriodInDays(), 35);
}

TEST_P(PitrTest, AcceptsTheTableArn) {
  CreateActiveTable();
  auto out = client->UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest()
          .WithTableName(service.TableArn("orders"))
          .WithPointInTimeRecoverySpecification(
              M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Pitr(service.TableArn("orders")).GetPointInTimeRecoveryStatus(), M::PointInTimeRecoveryStatus::ENABLED);
}

TEST_P(PitrTest, UnknownTableIsTableNotFound) {
  auto described = client->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("missing"));
  ASSERT_FALSE(described.IsSuccess());
  EXPECT_EQ(described.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
  EXPECT_EQ(described.GetError().GetExceptionName(), "TableNotFoundException");
  auto updated = SetPitr(true, "missing");
  ASSERT_FALSE(updated.IsSuccess());
  EXPECT_EQ(updated.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
}

TEST_P(PitrTest, PitrStateIsPerTable) {
  CreateActiveTable("orders");
  CreateActiveTable("invoices");
  ASSERT_TRUE(SetPitr(true, "orders").IsSuccess());
  EXPECT_EQ(Pitr("orders").GetPointInTimeRecoveryStatus(), M::PointInTimeRecoveryStatus::ENABLED);
  EXPECT_EQ(Pitr("invoices").GetPointInTimeRecoveryStatus(), M::PointInTimeRecoveryStatus::DISABLED);
}

TEST_P(PitrTest, LatestRestorableLagIsConfigurable) {
  auto options = dynafake::ServiceOptions::Instant();
  options.durations.pitrLatestLag = std::chrono::seconds(1);
  dynafake::ManualClock c;
  dynafake::Service s(c, options);
  auto cl = GetParam().make(s);
  ASSERT_TRUE(cl->CreateTable(OrdersTable()).IsSuccess());
  ASSERT_TRUE(cl->UpdateContinuousBackups(
                    M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                        M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  c.Advance(1h);
  auto out = cl->DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("orders"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult()
                .GetContinuousBackupsDescription()
                .GetPointInTimeRecoveryDescription()
                .GetLatestRestorableDateTime(),
            DateTime(DateTime(c.Now()).Millis() - 1000));
}

// ---- ContinuousBackupsUnavailableException: continuous backups are not ready yet

class PitrWhileCreatingTest : public PitrTest {};

TEST_P(PitrWhileCreatingTest, TableStillCreatingIsContinuousBackupsUnavailable) {
  dynafake::ManualClock c;
  dynafake::Service s(c, dynafake::ServiceOptions());  // CreateTable takes 10 s
  auto cl = GetParam().make(s);
  ASSERT_TRUE(cl->CreateTable(OrdersTable()).IsSuccess());
  auto enable = [&] {
    return cl->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
  };
  auto out = enable();
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE);
  EXPECT_EQ(out.GetError().GetExceptionName(), "ContinuousBackupsUnavailableException");
  c.Advance(10s);
  EXPECT_TRUE(enable().IsSuccess()) << "a retry once the table is ACTIVE succeeds";
}

TEST_P(PitrWhileCreatingTest, WarmUpAfterCreateIsContinuousBackupsUnavailable) {
  auto options = dynafake::ServiceOptions::Instant();
  options.durations.continuousBackupsWarmUp = std::chrono::minutes(2);
  dynafake::ManualClock c;
  dynafake::Service s(c, options);
  auto cl = GetParam().make(s);
  ASSERT_TRUE(cl->CreateTable(OrdersTable()).IsSuccess());
  auto enable = [&] {
    return cl->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
  };
  c.Advance(119s);
  auto out = enable();
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE);
  c.Advance(1s);
  EXPECT_TRUE(enable().IsSuccess());
}

DYNAFAKE_INSTANTIATE(PitrTest);
DYNAFAKE_INSTANTIATE(PitrWhileCreatingTest);

}  // namespace
}  // namespace dynafake_test
