// Example: the mock most aws-sdk-cpp users already have, with a fake behind it.
//
//   class MockDynamoDBClient : public Aws::DynamoDB::DynamoDBClient { MOCK_METHOD(...) };
//
// Its default actions call the real DynamoDBClient it derives from, which
// dynafake::aws::InProcessEndpoint points at an in-memory DynamoDB. So a test
// states with EXPECT_CALL which calls the application must make, while every
// call it does not script is answered by the fake: real ARNs, real states,
// real errors (fault rules included), through the SDK's own code.
//
// The code under test is production code: aws-sdk-cpp types only, no template.
// This program is its own test runner (0 when all tests pass).
#include <gmock/gmock.h>

#include <ostream>
#include <string>
#include <vector>

#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/CreateBackupRequest.h>
#include <aws/dynamodb/model/CreateTableRequest.h>
#include <aws/dynamodb/model/ListTablesRequest.h>

#include <dynafake/aws_sdk.hpp>
#include <dynafake/dynafake.hpp>

namespace Sdk = Aws::DynamoDB::Model;

// --- The code under test ------------------------------------------------------

/// Backs up every table whose name starts with `prefix`, following every page
/// of ListTables. Returns the tables it could not back up, with the reason.
std::vector<std::string> BackupAll(const Aws::DynamoDB::DynamoDBClient& client, const std::string& prefix,
                                   const std::string& stamp) {
  std::vector<std::string> failed;
  Sdk::ListTablesRequest list;
  list.SetLimit(2);
  for (;;) {
    auto page = client.ListTables(list);
    if (!page.IsSuccess()) return {"ListTables: " + page.GetError().GetExceptionName()};
    for (const auto& table : page.GetResult().GetTableNames()) {
      if (table.rfind(prefix, 0) != 0) continue;
      auto backup =
          client.CreateBackup(Sdk::CreateBackupRequest().WithTableName(table).WithBackupName(table + "-" + stamp));
      if (!backup.IsSuccess()) failed.push_back(table + ": " + backup.GetError().GetExceptionName());
    }
    if (page.GetResult().GetLastEvaluatedTableName().empty()) return failed;
    list.SetExclusiveStartTableName(page.GetResult().GetLastEvaluatedTableName());
  }
}

// --- The mock -----------------------------------------------------------------

class MockDynamoDBClient : public Aws::DynamoDB::DynamoDBClient {
 public:
  explicit MockDynamoDBClient(const Aws::Client::ClientConfiguration& config) : Aws::DynamoDB::DynamoDBClient(config) {
    // By default, do what the real client does (gMock's "delegating to the parent").
    ON_CALL(*this, ListTables).WillByDefault([this](const Sdk::ListTablesRequest& r) {
      return DynamoDBClient::ListTables(r);
    });
    ON_CALL(*this, CreateTable).WillByDefault([this](const Sdk::CreateTableRequest& r) {
      return DynamoDBClient::CreateTable(r);
    });
    ON_CALL(*this, CreateBackup).WillByDefault([this](const Sdk::CreateBackupRequest& r) {
      return DynamoDBClient::CreateBackup(r);
    });
  }
  MOCK_METHOD(Sdk::ListTablesOutcome, ListTables, (const Sdk::ListTablesRequest&), (const, override));
  MOCK_METHOD(Sdk::CreateTableOutcome, CreateTable, (const Sdk::CreateTableRequest&), (const, override));
  MOCK_METHOD(Sdk::CreateBackupOutcome, CreateBackup, (const Sdk::CreateBackupRequest&), (const, override));
};

MATCHER_P(BacksUp, table, "a CreateBackup of table " + std::string(table)) { return arg.GetTableName() == table; }

// How gMock prints the SDK's request in a failure message (found by ADL).
namespace Aws::DynamoDB::Model {
inline void PrintTo(const CreateBackupRequest& r, std::ostream* os) {
  *os << "CreateBackup{TableName: " << r.GetTableName() << ", BackupName: " << r.GetBackupName() << "}";
}
}  // namespace Aws::DynamoDB::Model

// --- The tests ----------------------------------------------------------------

class BackupAllTest : public testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"orders-eu", "orders-us", "audit", "orders-ap"}) {
      auto created = mock.CreateTable(
          Sdk::CreateTableRequest()
              .WithTableName(name)
              .WithKeySchema({Sdk::KeySchemaElement().WithAttributeName("id").WithKeyType(Sdk::KeyType::HASH)})
              .WithAttributeDefinitions(
                  {Sdk::AttributeDefinition().WithAttributeName("id").WithAttributeType(Sdk::ScalarAttributeType::S)})
              .WithBillingMode(Sdk::BillingMode::PAY_PER_REQUEST));
      ASSERT_TRUE(created.IsSuccess()) << created.GetError().GetMessage();
    }
    clock.Advance(service.Options().durations.tableCreate);  // the tables are ACTIVE now
  }
  size_t BackupsIn(const std::string& table) {
    dynafake::Client direct(service);  // the fake itself, beside the SDK
    return direct.ListBackups(dynafake::Model::ListBackupsRequest().WithTableName(table))
        .GetResult()
        .GetBackupSummaries()
        .size();
  }

  dynafake::ManualClock clock;
  dynafake::Service service{clock};
  dynafake::aws::InProcessEndpoint endpoint{service};
  testing::NiceMock<MockDynamoDBClient> mock{endpoint.Config()};
};

TEST_F(BackupAllTest, BacksUpEachMatchingTableOnceAndNothingElse) {
  EXPECT_CALL(mock, ListTables).Times(2);  // four tables, two per page
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-eu")));
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-us")));
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-ap")));
  EXPECT_CALL(mock, CreateBackup(BacksUp("audit"))).Times(0);

  EXPECT_EQ(BackupAll(mock, "orders-", "2026-01-01"), std::vector<std::string>{});
  EXPECT_EQ(BackupsIn("orders-eu"), 1u) << "the backups exist in the fake";
  EXPECT_EQ(BackupsIn("audit"), 0u);
}

TEST_F(BackupAllTest, AServiceErrorForOneTableDoesNotStopTheOthers) {
  // The fake refuses one table, as DynamoDB would while a backup of it runs.
  service.Faults().Add(dynafake::FaultRule::On("CreateBackup")
                           .ForTable("orders-us")
                           .Always()
                           .Fail(dynafake::DynamoDBErrors::BACKUP_IN_USE));
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-us"))).Times(1);
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-eu"))).Times(1);
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-ap"))).Times(1);

  EXPECT_EQ(BackupAll(mock, "orders-", "2026-01-01"), std::vector<std::string>{"orders-us: BackupInUseException"});
  EXPECT_EQ(BackupsIn("orders-us"), 0u);
  EXPECT_EQ(BackupsIn("orders-ap"), 1u);
}

TEST_F(BackupAllTest, AScriptedAnswerReplacesTheFakeForOneCall) {
  EXPECT_CALL(mock, CreateBackup).Times(testing::AnyNumber());  // the others: the fake answers
  EXPECT_CALL(mock, CreateBackup(BacksUp("orders-eu")))
      .WillOnce(testing::Return(Sdk::CreateBackupOutcome(Aws::Client::AWSError<Aws::DynamoDB::DynamoDBErrors>(
          Aws::DynamoDB::DynamoDBErrors::LIMIT_EXCEEDED, "LimitExceededException", "Too many backups", false))));
  EXPECT_EQ(BackupAll(mock, "orders-", "2026-01-01"), std::vector<std::string>{"orders-eu: LimitExceededException"});
  EXPECT_EQ(BackupsIn("orders-eu"), 0u) << "the scripted call never reached the fake";
  EXPECT_EQ(BackupsIn("orders-us"), 1u);
}

int main(int argc, char** argv) {
  testing::InitGoogleMock(&argc, argv);
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  const int result = RUN_ALL_TESTS();
  Aws::ShutdownAPI(options);
  return result;
}
