// The outcome matchers through dynafake/testing.hpp: what a failed
// expectation prints (the outcome itself, and why it did not match).
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <dynafake/testing.hpp>

#include "../gmock/failure_capture.hpp"  // testutil::FailureCapture

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBError;
using dynafake::DynamoDBErrors;
using dynafake::testing::HasBackupName;
using dynafake::testing::HashKeyTable;
using dynafake::testing::IsError;
using dynafake::testing::IsSuccess;
using dynafake::testing::Sandbox;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class OutcomeMatchers : public ::testing::Test {
 protected:
  OutcomeMatchers() { fake.CreateActiveTable(HashKeyTable("orders")); }
  M::CreateBackupOutcome Backup(const std::string& table) {
    return fake.client.CreateBackup(M::CreateBackupRequest().WithTableName(table).WithBackupName("nightly"));
  }
  Sandbox fake{dynafake::ServiceOptions::Instant()};
};

TEST_F(OutcomeMatchers, MatchRealOutcomes) {
  EXPECT_THAT(Backup("orders"), IsSuccess());
  EXPECT_THAT(Backup("missing"), IsError(DynamoDBErrors::TABLE_NOT_FOUND));
  EXPECT_THAT(Backup("missing"), IsError(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: missing"));
  EXPECT_THAT(Backup("missing"), IsError(DynamoDBErrors::TABLE_NOT_FOUND, HasSubstr("missing")));
  EXPECT_THAT(Backup("missing"), ::testing::Not(IsSuccess()));
  EXPECT_THAT(Backup("orders").GetResult().GetBackupDetails(), HasBackupName("nightly"));
}

TEST_F(OutcomeMatchers, IsSuccessPrintsTheErrorItGot) {
  testutil::FailureCapture failures;
  EXPECT_THAT(Backup("missing"), IsSuccess());
  ASSERT_EQ(failures.Count(), 1);
  EXPECT_EQ(failures.Message(0),
            "Value of: Backup(\"missing\")\n"
            "Expected: is a successful outcome\n"
            "  Actual: Outcome{error: TableNotFoundException (HTTP 400): Table not found: missing} "
            "(of type dynafake::Model::Outcome<dynafake::Model::CreateBackupResult, dynafake::DynamoDBError>), "
            "which is a TableNotFoundException");
}

TEST_F(OutcomeMatchers, IsErrorPrintsTheOutcomeItGot) {
  testutil::FailureCapture failures;
  EXPECT_THAT(Backup("orders"), IsError(DynamoDBErrors::TABLE_IN_USE));
  EXPECT_THAT(Backup("missing"), IsError(DynamoDBErrors::TABLE_IN_USE));
  ASSERT_EQ(failures.Count(), 2);
  EXPECT_THAT(failures.Message(0), HasSubstr("Expected: is an error TableInUseException\n"));
  EXPECT_THAT(failures.Message(0),
              HasSubstr("Actual: Outcome{success: CreateBackupResult{BackupDetails: BackupDetails{BackupArn: "
                        "\"arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/"));
  EXPECT_THAT(failures.Message(0), HasSubstr(", which succeeded"));
  EXPECT_THAT(failures.Message(1),
              HasSubstr("Actual: Outcome{error: TableNotFoundException (HTTP 400): Table not found: missing}"));
  EXPECT_THAT(failures.Message(1), HasSubstr(", which is a TableNotFoundException"));
}

TEST_F(OutcomeMatchers, IsErrorWithAMessageMatcherPrintsTheMessage) {
  testutil::FailureCapture failures;
  EXPECT_THAT(Backup("missing"), IsError(DynamoDBErrors::TABLE_NOT_FOUND, StartsWith("Requested resource")));
  ASSERT_EQ(failures.Count(), 1);
  EXPECT_THAT(failures.Message(0), HasSubstr("Expected: is an error TableNotFoundException whose message starts "
                                             "with \"Requested resource\"\n"));
  EXPECT_THAT(failures.Message(0), HasSubstr("whose message \"Table not found: missing\" doesn't match"));
}

TEST_F(OutcomeMatchers, ABareErrorPrintsToo) {
  testutil::FailureCapture failures;
  EXPECT_THAT(DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, "busy"), IsError(DynamoDBErrors::BACKUP_NOT_FOUND));
  ASSERT_EQ(failures.Count(), 1);
  EXPECT_THAT(failures.Message(0), HasSubstr("Actual: BackupInUseException (HTTP 400): busy"));
  EXPECT_THAT(failures.Message(0), HasSubstr("which is a BackupInUseException"));
}

TEST_F(OutcomeMatchers, AFaultSetPrintsIntoAFailureMessage) {
  testutil::FailureCapture failures;
  auto rule = fake.service.Faults().AddScoped(
      dynafake::FaultRule::On<M::CreateBackupRequest>().OnCall(2).Fail(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_THAT(Backup("orders"), IsSuccess());
  EXPECT_THAT(Backup("orders"), IsSuccess()) << fake.service.Faults();
  ASSERT_EQ(failures.Count(), 1);
  EXPECT_THAT(failures.Message(0),
              HasSubstr("which is a InternalServerError\n"
                        "#1 CreateBackup, call 2 only: fails with InternalServerError (HTTP 500) [seen 2, fired 1]"));
}

}  // namespace
