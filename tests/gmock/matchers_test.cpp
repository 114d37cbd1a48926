// The matchers, actions and printers of dynafake/gmock.hpp on their own.
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dynafake/detail/messages.hpp>
#include <dynafake/gmock.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBError;
using dynafake::DynamoDBErrors;
using dynafake::HasBackupArn;
using dynafake::HasBackupName;
using dynafake::HasResourceArn;
using dynafake::HasSourceTableName;
using dynafake::HasTableName;
using dynafake::HasTargetTableName;
using dynafake::IsError;
using dynafake::IsSuccess;
using dynafake::ReturnError;
using dynafake::ReturnResult;
using ::testing::_;
using ::testing::DescribeMatcher;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

template <class T, class Matcher>
std::string Explain(const Matcher& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

const std::string kArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225610000-ffd3fd0c";

TEST(FieldMatchers, AcceptAValueOrAMatcher) {
  const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly-orders");
  EXPECT_THAT(request, HasTableName("orders"));
  EXPECT_THAT(request, HasTableName(std::string("orders")));
  EXPECT_THAT(request, HasTableName(StartsWith("ord")));
  EXPECT_THAT(request, Not(HasTableName("customers")));
  EXPECT_THAT(request, HasBackupName(StartsWith("nightly-")));
  EXPECT_THAT(request, Not(HasBackupName(EndsWith("-weekly"))));
}

TEST(FieldMatchers, WorkOnEveryTypeWithThatMember) {
  EXPECT_THAT(M::DescribeBackupRequest().WithBackupArn(kArn), HasBackupArn(kArn));
  EXPECT_THAT(M::DeleteBackupRequest().WithBackupArn(kArn), HasBackupArn(HasSubstr("table/orders/backup/")));
  EXPECT_THAT(M::RestoreTableFromBackupRequest().WithBackupArn(kArn).WithTargetTableName("orders-restored"),
              ::testing::AllOf(HasBackupArn(kArn), HasTargetTableName("orders-restored")));
  EXPECT_THAT(M::RestoreTableToPointInTimeRequest().WithSourceTableName("orders").WithTargetTableName("copy"),
              ::testing::AllOf(HasSourceTableName("orders"), HasTargetTableName("copy")));
  EXPECT_THAT(M::ListBackupsRequest().WithTableName("orders"), HasTableName("orders"));
  EXPECT_THAT(M::DescribeContinuousBackupsRequest().WithTableName("orders"), HasTableName("orders"));
  EXPECT_THAT(M::TagResourceRequest().WithResourceArn("arn:aws:dynamodb:us-east-1:123456789012:table/orders"),
              HasResourceArn(EndsWith(":table/orders")));
  // Results and their parts too.
  EXPECT_THAT(M::BackupSummary().WithTableName("orders").WithBackupName("b").WithBackupArn(kArn),
              ::testing::AllOf(HasTableName("orders"), HasBackupName("b"), HasBackupArn(kArn)));
  EXPECT_THAT(M::BackupDetails().WithBackupName("nightly"), HasBackupName("nightly"));
}

TEST(FieldMatchers, DescribeThemselvesInTheDomainsWords) {
  EXPECT_EQ(DescribeMatcher<const M::CreateBackupRequest&>(HasTableName("orders")),
            "has TableName that is equal to \"orders\"");
  EXPECT_EQ(DescribeMatcher<const M::CreateBackupRequest&>(HasBackupName(StartsWith("nightly-"))),
            "has BackupName that starts with \"nightly-\"");
  EXPECT_EQ(DescribeMatcher<const M::CreateBackupRequest&>(HasTableName("orders"), /*negation=*/true),
            "has TableName that isn't equal to \"orders\"");
}

TEST(FieldMatchers, ExplainWithTheActualValue) {
  const auto request = M::RestoreTableFromBackupRequest().WithTargetTableName("copy");
  EXPECT_EQ(Explain(HasTargetTableName("orders"), request), "whose TargetTableName is \"copy\"");
}

TEST(OutcomeMatchers, IsSuccessAndIsError) {
  const M::CreateBackupOutcome ok{M::CreateBackupResult()};
  const M::CreateBackupOutcome inUse{DynamoDBError(DynamoDBErrors::TABLE_IN_USE, "Table is being created: orders")};
  EXPECT_THAT(ok, IsSuccess());
  EXPECT_THAT(inUse, Not(IsSuccess()));
  EXPECT_THAT(inUse, IsError(DynamoDBErrors::TABLE_IN_USE));
  EXPECT_THAT(inUse, IsError(DynamoDBErrors::TABLE_IN_USE, HasSubstr("orders")));
  EXPECT_THAT(inUse, IsError(DynamoDBErrors::TABLE_IN_USE, "Table is being created: orders"));
  EXPECT_THAT(inUse, Not(IsError(DynamoDBErrors::TABLE_IN_USE, HasSubstr("customers"))));
  EXPECT_THAT(inUse, Not(IsError(DynamoDBErrors::LIMIT_EXCEEDED)));
  EXPECT_THAT(ok, Not(IsError(DynamoDBErrors::TABLE_IN_USE)));
  // On a bare error, too.
  EXPECT_THAT(inUse.GetError(), IsError(DynamoDBErrors::TABLE_IN_USE));
  // Any operation's outcome.
  EXPECT_THAT(M::ListTablesOutcome(M::ListTablesResult()), IsSuccess());
}

TEST(OutcomeMatchers, DescribeAndExplain) {
  const M::DeleteBackupOutcome notFound{DynamoDBError(DynamoDBErrors::BACKUP_NOT_FOUND, "Backup not found: x")};
  EXPECT_EQ(DescribeMatcher<const M::DeleteBackupOutcome&>(IsSuccess()), "is a successful outcome");
  EXPECT_EQ(DescribeMatcher<const M::DeleteBackupOutcome&>(IsError(DynamoDBErrors::BACKUP_IN_USE)),
            "is an error BackupInUseException");
  EXPECT_EQ(DescribeMatcher<const M::DeleteBackupOutcome&>(IsError(DynamoDBErrors::BACKUP_IN_USE, HasSubstr("x"))),
            "is an error BackupInUseException whose message has substring \"x\"");
  EXPECT_EQ(Explain(IsSuccess(), notFound), "which is a BackupNotFoundException");
  EXPECT_EQ(Explain(IsError(DynamoDBErrors::BACKUP_IN_USE), notFound), "which is a BackupNotFoundException");
  EXPECT_EQ(Explain(IsError(DynamoDBErrors::BACKUP_NOT_FOUND, "Backup not found"), notFound),
            "whose message \"Backup not found: x\" doesn't match");
  EXPECT_EQ(Explain(IsError(DynamoDBErrors::BACKUP_NOT_FOUND), M::DeleteBackupOutcome(M::DeleteBackupResult())),
            "which succeeded");
}

class Actions : public ::testing::Test {
 protected:
  dynafake::ManualClock clock;
  dynafake::Service service{clock};
  ::testing::NiceMock<dynafake::MockClient> client{service};
};

TEST_F(Actions, ReturnErrorFillsNameStatusRetryAndAServiceStyleMessage) {
  EXPECT_CALL(client, CreateBackup(_)).WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED));
  auto outcome = client.CreateBackup(M::CreateBackupRequest());
  ASSERT_THAT(outcome, IsError(DynamoDBErrors::LIMIT_EXCEEDED));
  const DynamoDBError& error = outcome.GetError();
  EXPECT_EQ(error.GetExceptionName(), "LimitExceededException");
  EXPECT_EQ(error.GetResponseCode(), 400);
  EXPECT_TRUE(error.ShouldRetry());
  EXPECT_EQ(error.GetMessage(), dynafake::detail::DefaultMessage(DynamoDBErrors::LIMIT_EXCEEDED));
  EXPECT_EQ(error.GetWireType(), "com.amazonaws.dynamodb.v20120810#LimitExceededException");
}

TEST_F(Actions, ReturnErrorWorksOnEveryMethodAndTakesAMessage) {
  const auto tableInUse = ReturnError(DynamoDBErrors::TABLE_IN_USE, "Table is being deleted: orders");
  EXPECT_CALL(client, DeleteTable(_)).WillOnce(tableInUse);
  EXPECT_CALL(client, RestoreTableFromBackup(_)).WillOnce(tableInUse);
  EXPECT_CALL(client, Scan(_)).WillRepeatedly(ReturnError(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_THAT(client.DeleteTable(M::DeleteTableRequest()),
              IsError(DynamoDBErrors::TABLE_IN_USE, "Table is being deleted: orders"));
  EXPECT_THAT(client.RestoreTableFromBackup(M::RestoreTableFromBackupRequest()), IsError(DynamoDBErrors::TABLE_IN_USE));
  auto scanned = client.Scan(M::ScanRequest());
  ASSERT_THAT(scanned, IsError(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_EQ(scanned.GetError().GetResponseCode(), 500);
}

TEST_F(Actions, ReturnErrorTakesAWholeError) {
  auto throttled = DynamoDBError(DynamoDBErrors::THROTTLING, "slow down").SetResponseCode(429);
  EXPECT_CALL(client, ListBackups(_)).WillOnce(ReturnError(throttled));
  auto outcome = client.ListBackups(M::ListBackupsRequest());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError(), throttled);
}

TEST_F(Actions, ReturnErrorComposesWithOtherActions) {
  int calls = 0;
  EXPECT_CALL(client, DescribeBackup(_))
      .WillOnce(::testing::DoAll(::testing::Invoke([&](const M::DescribeBackupRequest&) { ++calls; }),
                                 ReturnError(DynamoDBErrors::BACKUP_NOT_FOUND)));
  EXPECT_THAT(
      client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(kArn)),
      IsError(DynamoDBErrors::BACKUP_NOT_FOUND, dynafake::detail::DefaultMessage(DynamoDBErrors::BACKUP_NOT_FOUND)));
  EXPECT_EQ(calls, 1);
}

TEST_F(Actions, ReturnResultAnswersWithAFixedResult) {
  const auto result = M::ListBackupsResult().WithBackupSummaries(
      {M::BackupSummary().WithTableName("orders").WithBackupArn(kArn).WithBackupStatus(M::BackupStatus::AVAILABLE)});
  EXPECT_CALL(client, ListBackups(_)).WillOnce(ReturnResult(result)).WillOnce(::testing::DoDefault());
  auto outcome = client.ListBackups(M::ListBackupsRequest());
  ASSERT_THAT(outcome, IsSuccess());
  EXPECT_EQ(outcome.GetResult(), result);
  // DoDefault: the fake again, where no backups exist.
  EXPECT_TRUE(client.ListBackups(M::ListBackupsRequest()).GetResult().GetBackupSummaries().empty());
}

TEST(Printers, RequestsPrintTheirMembers) {
  const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  EXPECT_EQ(::testing::PrintToString(request), "CreateBackupRequest{TableName: \"orders\", BackupName: \"nightly\"}");
  EXPECT_EQ(
      ::testing::PrintToString(M::RestoreTableFromBackupRequest().WithTargetTableName("copy").WithBackupArn(kArn)),
      "RestoreTableFromBackupRequest{TargetTableName: \"copy\", BackupArn: \"" + kArn + "\"}");
}

TEST(Printers, OutcomesPrintTheirResultOrError) {
  EXPECT_EQ(::testing::PrintToString(M::DeleteBackupOutcome(DynamoDBError(DynamoDBErrors::BACKUP_IN_USE, "busy"))),
            "Outcome{error: BackupInUseException (HTTP 400): busy}");
  EXPECT_THAT(::testing::PrintToString(M::ListTablesOutcome(M::ListTablesResult().WithTableNames({"orders"}))),
              StartsWith("Outcome{success: ListTablesResult{TableNames: [\"orders\"]"));
}

TEST(Printers, ErrorsAndErrorTypesPrintByName) {
  EXPECT_EQ(::testing::PrintToString(DynamoDBErrors::LIMIT_EXCEEDED), "LimitExceededException");
  EXPECT_EQ(::testing::PrintToString(DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: x")),
            "TableNotFoundException (HTTP 400): Table not found: x");
  EXPECT_EQ(::testing::PrintToString(M::BackupStatus::AVAILABLE), "AVAILABLE");
}

}  // namespace
