// Fault rules: match an operation, a table, a backup or a predicate; fire on
// the nth call, n times or always; answer with any error; a failed call changes nothing.
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

using dynafake::FaultRule;

class FaultsTest : public ServiceTest {
 protected:
  void SetUp() override {
    CreateActiveTable("orders");
    CreateActiveTable("invoices");
  }
  DynamoDBErrors BackupError(const std::string& table) {
    auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName(table).WithBackupName("nightly"));
    return out.IsSuccess() ? DynamoDBErrors::UNKNOWN : out.GetError().GetErrorType();
  }
};

TEST_P(FaultsTest, RuleForOneTableLeavesOthersAlone) {
  service.Faults().Add(FaultRule::On("CreateBackup").ForTable("orders").Always().Fail(DynamoDBErrors::TABLE_IN_USE));
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::TABLE_IN_USE);
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::TABLE_IN_USE);
  EXPECT_EQ(BackupError("invoices"), DynamoDBErrors::UNKNOWN) << "no error: the call went through";
}

TEST_P(FaultsTest, RuleMatchesTheTableWhenGivenByArn) {
  service.Faults().Add(FaultRule::On("CreateBackup").ForTable("orders").Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  auto out = client->CreateBackup(
      M::CreateBackupRequest().WithTableName(service.TableArn("orders")).WithBackupName("nightly"));
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
}

TEST_P(FaultsTest, TimesLimitsHowOftenARuleFires) {
  const int id = service.Faults().Add(FaultRule::On("CreateBackup").Times(2).Fail(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::UNKNOWN);
  EXPECT_EQ(service.Faults().Fired(id), 2);
}

TEST_P(FaultsTest, InjectedErrorCarriesServiceNameStatusAndDefaultMessage) {
  service.Faults().Add(FaultRule::On("DescribeTable").Once().Fail(DynamoDBErrors::INTERNAL_FAILURE));
  auto out = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetExceptionName(), "InternalServerError");
  EXPECT_EQ(out.GetError().GetResponseCode(), 500);
  EXPECT_EQ(out.GetError().GetMessage(), "Internal server error");
}

TEST_P(FaultsTest, MessageAndStatusCanBeSet) {
  service.Faults().Add(FaultRule::On("CreateBackup").Fail(DynamoDBErrors::THROTTLING, "Slow down, please", 429));
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  EXPECT_EQ(out.GetError().GetExceptionName(), "ThrottlingException");
  EXPECT_EQ(out.GetError().GetMessage(), "Slow down, please");
  EXPECT_EQ(out.GetError().GetResponseCode(), 429);
}

TEST_P(FaultsTest, PredicateSeesTheTypedRequest) {
  service.Faults().Add(FaultRule::On("CreateBackup")
                           .When([](const dynafake::CallInfo& call) {
                             const auto* r = call.As<M::CreateBackupRequest>();
                             return r && r->GetBackupName().rfind("adhoc-", 0) == 0;
                           })
                           .Fail(DynamoDBErrors::BACKUP_IN_USE));
  EXPECT_FALSE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("adhoc-1")).IsSuccess());
  EXPECT_TRUE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly-1")).IsSuccess());
}

TEST_P(FaultsTest, RuleForABackupArn) {
  const std::string arn = Backup("orders");
  service.Faults().Add(FaultRule::On("DeleteBackup").ForBackup(arn).Fail(DynamoDBErrors::BACKUP_IN_USE));
  EXPECT_EQ(client->DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn)).GetError().GetErrorType(),
            DynamoDBErrors::BACKUP_IN_USE);
  EXPECT_TRUE(client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)).IsSuccess())
      << "a failed delete changes nothing";
}

TEST_P(FaultsTest, PassThroughShieldsCallsFromLaterRules) {
  service.Faults().Add(FaultRule::On("CreateBackup").ForTable("invoices").PassThrough());
  service.Faults().Add(FaultRule::AnyOperation().Fail(DynamoDBErrors::SERVICE_UNAVAILABLE));
  EXPECT_EQ(BackupError("invoices"), DynamoDBErrors::UNKNOWN);
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::SERVICE_UNAVAILABLE);
}

TEST_P(FaultsTest, RemovedRuleNoLongerFires) {
  const int id = service.Faults().Add(FaultRule::On("CreateBackup").Fail(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_TRUE(service.Faults().Remove(id));
  EXPECT_EQ(BackupError("orders"), DynamoDBErrors::UNKNOWN);
}

TEST_P(FaultsTest, ValidationComesBeforeFaults) {
  service.Faults().Add(FaultRule::On("CreateBackup").Fail(DynamoDBErrors::INTERNAL_FAILURE));
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("x"));
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
}

TEST_P(FaultsTest, InjectedFailureChangesNothing) {
  service.Faults().Add(FaultRule::On("PutItem").Once().Fail(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_FALSE(client->PutItem(Order("orders", "a")).IsSuccess());
  EXPECT_TRUE(client->Scan(M::ScanRequest().WithTableName("orders")).GetResult().GetItems().empty());
}

DYNAFAKE_INSTANTIATE(FaultsTest);

}  // namespace
}  // namespace dynafake_test
