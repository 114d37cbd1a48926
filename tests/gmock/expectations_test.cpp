// Verifying an application's calls with MockClient: which calls, how many,
// with which arguments; overriding one call; what a failed expectation says.
#include <chrono>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <dynafake/gmock.hpp>

#include "failure_capture.hpp"
#include "nightly_backup.hpp"

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::HasBackupName;
using dynafake::HasTableName;
using dynafake::ReturnError;
using ::testing::_;
using ::testing::AllOf;
using ::testing::AnyNumber;
using ::testing::DoDefault;
using ::testing::HasSubstr;
using ::testing::InSequence;
using ::testing::StartsWith;
using ::testing::StrictMock;

class NightlyBackupTest : public ::testing::Test {
 protected:
  NightlyBackupTest() { testutil::CreateActiveTables(service, clock, tables); }

  // The job's sleep moves the test's clock: no real waiting.
  std::function<void(std::chrono::milliseconds)> Sleep() {
    return [this](std::chrono::milliseconds d) {
      slept += d;
      clock.Advance(d);
    };
  }

  dynafake::ManualClock clock;
  dynafake::Service service{clock};
  std::vector<std::string> tables{"orders", "customers", "invoices"};
  std::chrono::milliseconds slept{0};
};

TEST_F(NightlyBackupTest, CallsCreateBackupOncePerTableWithTheExpectedNames) {
  StrictMock<dynafake::MockClient> client(service);
  {
    InSequence inOrder;
    for (const auto& table : tables)
      EXPECT_CALL(client, CreateBackup(AllOf(HasTableName(table), HasBackupName("nightly-" + table + "-2026-01-01"))));
  }

  auto report = app::BackUpTables<dynafake::MockApi<>>(client, tables, "2026-01-01", Sleep());

  // The calls reached the fake: three real backups exist.
  EXPECT_EQ(report.calls, 3);
  ASSERT_EQ(report.backupArns.size(), 3u);
  EXPECT_TRUE(report.failedTables.empty());
  auto listed = dynafake::Client(service).ListBackups(M::ListBackupsRequest());
  ASSERT_TRUE(listed.IsSuccess());
  EXPECT_EQ(listed.GetResult().GetBackupSummaries().size(), 3u);
}

TEST_F(NightlyBackupTest, ExpectationsWithoutMatchersCountEveryCall) {
  // EXPECT_CALL(mock, Method) with no argument list matches any request, as
  // with MOCK_METHOD; ON_CALL(mock, Method) likewise.
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup).Times(3);
  ON_CALL(client, ListBackups).WillByDefault(ReturnError(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_CALL(client, ListBackups).Times(1);

  auto report = app::BackUpTables<dynafake::MockApi<>>(client, tables, "2026-01-01", Sleep());
  EXPECT_EQ(report.backupArns.size(), 3u);  // the calls reached the fake
  EXPECT_FALSE(client.ListBackups(M::ListBackupsRequest()).IsSuccess());
}

TEST_F(NightlyBackupTest, RetriesTheCallThatHitTheLimit) {
  StrictMock<dynafake::MockClient> client(service);
  {
    InSequence inOrder;
    EXPECT_CALL(client, CreateBackup(HasTableName("orders")));
    EXPECT_CALL(client, CreateBackup(HasTableName("customers")))
        .WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED))
        .WillOnce(DoDefault());  // the retry reaches the fake
    EXPECT_CALL(client, CreateBackup(HasTableName("invoices")));
  }

  auto report = app::BackUpTables<dynafake::MockApi<>>(client, tables, "2026-01-01", Sleep());

  EXPECT_EQ(report.calls, 4);
  EXPECT_EQ(report.backupArns.size(), 3u);
  EXPECT_TRUE(report.failedTables.empty());
  EXPECT_EQ(slept, std::chrono::milliseconds(100));
}

TEST_F(NightlyBackupTest, GivesUpAfterMaxAttemptsAndCarriesOn) {
  testing::NiceMock<dynafake::MockClient> client(service);
  // Once a method has an expectation, calls matching none are unexpected,
  // even in a NiceMock: allow the other tables' calls explicitly.
  EXPECT_CALL(client, CreateBackup(_)).Times(AnyNumber());
  EXPECT_CALL(client, CreateBackup(HasTableName("customers")))
      .Times(3)
      .WillRepeatedly(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED));

  auto report = app::BackUpTables<dynafake::MockApi<>>(client, tables, "2026-01-01", Sleep());

  EXPECT_EQ(report.failedTables, std::vector<std::string>{"customers"});
  EXPECT_EQ(report.backupArns.size(), 2u);
  EXPECT_EQ(slept, std::chrono::milliseconds(100 + 200));
}

TEST_F(NightlyBackupTest, DoesNotRetryOtherErrors) {
  testing::NiceMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup(_)).Times(AnyNumber());
  EXPECT_CALL(client, CreateBackup(HasTableName("orders"))).WillOnce(ReturnError(DynamoDBErrors::TABLE_NOT_FOUND));

  auto report = app::BackUpTables<dynafake::MockApi<>>(client, tables, "2026-01-01", Sleep());

  EXPECT_EQ(report.failedTables, std::vector<std::string>{"orders"});
  EXPECT_EQ(report.calls, 3);
}

TEST_F(NightlyBackupTest, WorksThroughTheAbstractInterface) {
  StrictMock<dynafake::MockClient> mock(service);
  EXPECT_CALL(mock, CreateBackup(HasBackupName(StartsWith("nightly-")))).Times(3);
  const dynafake::ClientInterface& client = mock;

  auto report = app::BackUpTables(client, tables, "2026-01-01", Sleep());

  EXPECT_EQ(report.backupArns.size(), 3u);
}

TEST_F(NightlyBackupTest, WorksWithTheMockAsTheTraitsClient) {
  using StrictApi = dynafake::MockApi<StrictMock<dynafake::MockClient>>;
  StrictApi::Client client(service);
  EXPECT_CALL(client, CreateBackup(_)).Times(3);

  auto report = app::BackUpTables<StrictApi>(client, tables, "2026-01-01", Sleep());

  EXPECT_EQ(report.backupArns.size(), 3u);
}

// --- Failures: what a test author sees when the application misbehaves. ---

TEST_F(NightlyBackupTest, AnUnexpectedCallFailsUnderStrictMock) {
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_NONFATAL_FAILURE(client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")),
                          "Uninteresting mock function call");
}

TEST_F(NightlyBackupTest, AnUnexpectedCallStillGetsTheFakesAnswer) {
  StrictMock<dynafake::MockClient> client(service);
  M::DescribeTableOutcome outcome;
  EXPECT_NONFATAL_FAILURE(outcome = client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")),
                          "DescribeTable");
  ASSERT_TRUE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetResult().GetTable().GetTableName(), "orders");
}

TEST_F(NightlyBackupTest, AnUnexpectedCallPrintsTheRequest) {
  StrictMock<dynafake::MockClient> client(service);
  testutil::FailureCapture failures;
  client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("adhoc"));
  ASSERT_EQ(failures.Count(), 1);
  const std::string text = failures.Message(0);
  EXPECT_THAT(text, HasSubstr("Uninteresting mock function call"));
  EXPECT_THAT(text, HasSubstr("CreateBackupRequest{TableName: \"orders\", BackupName: \"adhoc\"}"));
  // The fake's answer is printed too.
  EXPECT_THAT(text, HasSubstr("Outcome{success: CreateBackupResult{BackupDetails: BackupDetails{"));
}

TEST_F(NightlyBackupTest, AWrongArgumentPrintsTheRequestAndWhyItDidNotMatch) {
  testutil::FailureCapture failures;
  {
    dynafake::MockClient client(service);
    EXPECT_CALL(client, CreateBackup(AllOf(HasTableName("orders"), HasBackupName(StartsWith("nightly-")))));
    client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("manual-1"));
  }  // the mock verifies its expectations here
  ASSERT_EQ(failures.Count(), 2) << failures.AllMessages();
  const std::string unexpected = failures.Message(0);
  EXPECT_THAT(unexpected, HasSubstr("Unexpected mock function call"));
  EXPECT_THAT(unexpected, HasSubstr("CreateBackupRequest{TableName: \"orders\", BackupName: \"manual-1\"}"));
  EXPECT_THAT(unexpected, HasSubstr("has TableName that is equal to \"orders\""));
  EXPECT_THAT(unexpected, HasSubstr("has BackupName that starts with \"nightly-\""));
  EXPECT_THAT(unexpected, HasSubstr("whose BackupName is \"manual-1\""));
  const std::string unsatisfied = failures.Message(1);
  EXPECT_THAT(unsatisfied, HasSubstr("Actual: never called - unsatisfied and active"));
}

TEST_F(NightlyBackupTest, TooManyCallsPrintTheExtraRequest) {
  testutil::FailureCapture failures;
  {
    dynafake::MockClient client(service);
    EXPECT_CALL(client, CreateBackup(HasTableName("orders"))).Times(1);
    app::BackUpTables<dynafake::MockApi<>>(client, {"orders", "orders"}, "2026-01-01", Sleep());
  }
  ASSERT_GE(failures.Count(), 1) << failures.AllMessages();
  const std::string text = failures.Message(0);
  EXPECT_THAT(text, HasSubstr("called more times than expected"));
  EXPECT_THAT(text, HasSubstr("BackupName: \"nightly-orders-2026-01-01\""));
}

TEST_F(NightlyBackupTest, AnOverriddenCallReportsAFailedMatchOnTheOutcome) {
  // Matchers work on outcomes too: check what the application got back.
  dynafake::MockClient client(service);
  EXPECT_CALL(client, CreateBackup(_)).WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED));
  auto outcome = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("b"));
  EXPECT_NONFATAL_FAILURE(EXPECT_THAT(outcome, dynafake::IsSuccess()),
                          "Actual: Outcome{error: LimitExceededException (HTTP 400): Subscriber limit exceeded");
}

}  // namespace
