// MockClient's default actions are the real fake: with no expectation, or an
// expectation without an action, every call gets the Service's own answer.
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dynafake/gmock.hpp>

#include "nightly_backup.hpp"

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::HasTableName;
using dynafake::IsError;
using dynafake::IsSuccess;
using dynafake::ReturnError;
using ::testing::_;
using ::testing::NiceMock;
using ::testing::StartsWith;
using ::testing::StrictMock;

M::CreateTableRequest OrdersTable(const std::string& name = "orders") {
  return M::CreateTableRequest()
      .WithTableName(name)
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
      .WithBillingMode(M::BillingMode::PAY_PER_REQUEST);
}

TEST(Delegation, TableInUseWhileTheTableIsCreating) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  NiceMock<dynafake::MockClient> client(service);

  ASSERT_THAT(client.CreateTable(OrdersTable()), IsSuccess());
  EXPECT_THAT(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("first")),
              IsError(DynamoDBErrors::TABLE_IN_USE, ::testing::HasSubstr("orders")));

  clock.Advance(service.Options().durations.tableCreate);
  EXPECT_THAT(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("first")),
              IsSuccess());
}

// The same calls on two identical Services, one through a Client and one
// through a MockClient, give equal results: same ARNs, same states, same times.
TEST(Delegation, GivesWhatAClientOnAnIdenticalServiceGives) {
  dynafake::ManualClock clockA, clockB;
  dynafake::Service serviceA(clockA), serviceB(clockB);
  dynafake::Client client(serviceA);
  StrictMock<dynafake::MockClient> mock(serviceB);
  EXPECT_CALL(mock, CreateTable(_));
  EXPECT_CALL(mock, PutItem(_));
  EXPECT_CALL(mock, CreateBackup(_));
  EXPECT_CALL(mock, DescribeBackup(_)).Times(2);
  EXPECT_CALL(mock, ListBackups(_));

  auto tableA = client.CreateTable(OrdersTable());
  auto tableB = mock.CreateTable(OrdersTable());
  ASSERT_THAT(tableA, IsSuccess());
  ASSERT_THAT(tableB, IsSuccess());
  EXPECT_EQ(tableA.GetResult(), tableB.GetResult());
  clockA.Advance(std::chrono::seconds(10));
  clockB.Advance(std::chrono::seconds(10));

  const auto put = M::PutItemRequest().WithTableName("orders").WithItem({{"id", M::AttributeValue("a")}});
  ASSERT_THAT(client.PutItem(put), IsSuccess());
  ASSERT_THAT(mock.PutItem(put), IsSuccess());

  const auto backup = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  auto backupA = client.CreateBackup(backup);
  auto backupB = mock.CreateBackup(backup);
  ASSERT_THAT(backupA, IsSuccess());
  ASSERT_THAT(backupB, IsSuccess());
  const std::string arn = backupA.GetResult().GetBackupDetails().GetBackupArn();
  EXPECT_EQ(backupB.GetResult().GetBackupDetails().GetBackupArn(), arn);
  EXPECT_EQ(backupA.GetResult(), backupB.GetResult());

  const auto describe = M::DescribeBackupRequest().WithBackupArn(arn);
  EXPECT_EQ(mock.DescribeBackup(describe).GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(),
            M::BackupStatus::CREATING);
  clockA.Advance(std::chrono::seconds(30));
  clockB.Advance(std::chrono::seconds(30));
  auto describedB = mock.DescribeBackup(describe);
  EXPECT_EQ(describedB.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(),
            M::BackupStatus::AVAILABLE);
  EXPECT_EQ(client.DescribeBackup(describe).GetResult(), describedB.GetResult());
  EXPECT_EQ(client.ListBackups(M::ListBackupsRequest()).GetResult(),
            mock.ListBackups(M::ListBackupsRequest()).GetResult());
}

// Every one of the 20 methods reaches the matching Service operation: an
// empty request gets the same answer (mostly a ValidationException naming the
// operation's required members) from the mock as from a Client.
TEST(Delegation, EveryOperationDelegatesToItsOwnOperation) {
  dynafake::ManualClock clockA, clockB;
  dynafake::Service serviceA(clockA), serviceB(clockB);
  dynafake::Client client(serviceA);
  NiceMock<dynafake::MockClient> mock(serviceB);
  int compared = 0;
#define DYNAFAKE_COMPARE(Op)                                      \
  {                                                               \
    auto expected = client.Op(M::Op##Request());                  \
    auto actual = mock.Op(M::Op##Request());                      \
    ASSERT_EQ(expected.IsSuccess(), actual.IsSuccess()) << #Op;   \
    if (expected.IsSuccess()) {                                   \
      EXPECT_EQ(expected.GetResult(), actual.GetResult()) << #Op; \
    } else {                                                      \
      EXPECT_EQ(expected.GetError(), actual.GetError()) << #Op;   \
    }                                                             \
    ++compared;                                                   \
  }
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_COMPARE)
#undef DYNAFAKE_COMPARE
  EXPECT_EQ(compared, dynafake::kOperationCount);  // every operation of DYNAFAKE_FOR_EACH_OPERATION
}

TEST(Delegation, AnExpectationWithoutAnActionStillReachesTheFake) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testutil::CreateActiveTables(service, clock, {"orders"});
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup(HasTableName("orders"))).Times(2);

  EXPECT_THAT(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("one")), IsSuccess());
  // The fake refuses a second backup of a table while one is CREATING.
  EXPECT_THAT(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("two")),
              IsError(DynamoDBErrors::BACKUP_IN_USE));
}

TEST(Delegation, TheTestsOnCallOverridesTheDefaultAndDoDefaultGoesBack) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testutil::CreateActiveTables(service, clock, {"orders"});
  NiceMock<dynafake::MockClient> client(service);
  ON_CALL(client, DescribeTable(HasTableName("orders"))).WillByDefault(ReturnError(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_CALL(client, DescribeTable(_))
      .WillOnce(::testing::DoDefault())  // the test's ON_CALL
      .WillOnce(
          ::testing::Invoke([&](const M::DescribeTableRequest& r) { return client.GetRealClient().DescribeTable(r); }));

  EXPECT_THAT(client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")),
              IsError(DynamoDBErrors::INTERNAL_FAILURE));
  EXPECT_THAT(client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")), IsSuccess());
  // Other calls keep the fake's default.
  EXPECT_THAT(client.ListTables(M::ListTablesRequest()), IsSuccess());
}

TEST(Delegation, VerifyAndClearThenDelegateToFakeRestoresTheDefaults) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testutil::CreateActiveTables(service, clock, {"orders"});
  NiceMock<dynafake::MockClient> client(service);
  ::testing::Mock::VerifyAndClear(&client);                             // removes the default actions too
  EXPECT_FALSE(client.ListTables(M::ListTablesRequest()).IsSuccess());  // gMock's default: Outcome()

  client.DelegateToFake();
  auto listed = client.ListTables(M::ListTablesRequest());
  ASSERT_THAT(listed, IsSuccess());
  EXPECT_EQ(listed.GetResult().GetTableNames(), std::vector<std::string>{"orders"});
}

TEST(Delegation, TheServicesFaultRulesApplyThroughTheMock) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testutil::CreateActiveTables(service, clock, {"orders"});
  service.Faults().Add(dynafake::FaultRule::On("CreateBackup").OnCall(2).Once().Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  NiceMock<dynafake::MockClient> client(service);

  EXPECT_THAT(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("first")),
              IsSuccess());
  clock.Advance(std::chrono::minutes(1));
  EXPECT_THAT(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("second")),
              IsError(DynamoDBErrors::LIMIT_EXCEEDED));
}

TEST(Delegation, CanDelegateToAnyClient) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testutil::CreateActiveTables(service, clock, {"orders"});
  dynafake::Client real(service);
  // A mock over another mock: the outer one sees the test's calls, the inner
  // one what the outer one passes on.
  StrictMock<dynafake::MockClient> inner(real);
  StrictMock<dynafake::MockClient> outer(static_cast<const dynafake::ClientInterface&>(inner));
  EXPECT_CALL(outer, DescribeTable(HasTableName("orders")));
  EXPECT_CALL(inner, DescribeTable(HasTableName("orders")));

  auto described = outer.DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  ASSERT_THAT(described, IsSuccess());
  EXPECT_EQ(described.GetResult().GetTable().GetTableStatus(), M::TableStatus::ACTIVE);
  EXPECT_EQ(&outer.GetRealClient(), &inner);
}

TEST(Delegation, CallsThroughTheRealClientAreNotSeenByTheMock) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  StrictMock<dynafake::MockClient> client(service);
  // No expectation: calling the mock would fail, calling its real client does not.
  EXPECT_THAT(client.GetRealClient().CreateTable(OrdersTable()), IsSuccess());
}

TEST(Delegation, OneMockMayBeCalledFromManyThreads) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  std::vector<std::string> tables;
  for (int i = 0; i < 8; ++i) tables.push_back("table-" + std::to_string(i));
  testutil::CreateActiveTables(service, clock, tables);
  NiceMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup(HasTableName(StartsWith("table-")))).Times(8);

  std::vector<std::thread> threads;
  std::vector<int> ok(tables.size(), 0);
  for (std::size_t i = 0; i < tables.size(); ++i)
    threads.emplace_back([&, i] {
      ok[i] =
          client.CreateBackup(M::CreateBackupRequest().WithTableName(tables[i]).WithBackupName("parallel")).IsSuccess();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, std::vector<int>(tables.size(), 1));
  EXPECT_EQ(client.GetRealClient().ListBackups(M::ListBackupsRequest()).GetResult().GetBackupSummaries().size(), 8u);
}

// Production code templated on the client type (not on a traits struct).
template <class AnyClient>
std::vector<std::string> TableNames(const AnyClient& client) {
  auto outcome = client.ListTables(M::ListTablesRequest());
  return outcome.IsSuccess() ? outcome.GetResult().GetTableNames() : std::vector<std::string>{};
}

TEST(Delegation, WorksWithCodeTemplatedOnTheClientType) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testutil::CreateActiveTables(service, clock, {"beta", "alpha"});
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, ListTables(_));
  EXPECT_EQ(TableNames(client), (std::vector<std::string>{"alpha", "beta"}));
  EXPECT_EQ(TableNames(dynafake::Client(service)), (std::vector<std::string>{"alpha", "beta"}));
}

TEST(Delegation, MockApiNamesEveryModelTypeAndTheMockAsClient) {
  static_assert(std::is_same<dynafake::MockApi<>::Client, dynafake::MockClient>::value, "");
  static_assert(
      std::is_same<dynafake::MockApi<NiceMock<dynafake::MockClient>>::Client, NiceMock<dynafake::MockClient>>::value,
      "");
  static_assert(std::is_same<dynafake::MockApi<>::CreateBackupRequest, M::CreateBackupRequest>::value, "");
  static_assert(std::is_same<dynafake::MockApi<>::DynamoDBErrors, dynafake::DynamoDBErrors>::value, "");
  static_assert(std::is_base_of<dynafake::ClientInterface, StrictMock<dynafake::MockClient>>::value, "");
  SUCCEED();
}

// Transactions reach the fake; an expectation can cancel one with reasons of its choosing.
TEST(Delegation, TransactionsReachTheFakeAndCanBeCancelledOnDemand) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  NiceMock<dynafake::MockClient> client(service);
  ASSERT_THAT(client.CreateTable(OrdersTable()), IsSuccess());
  const auto put = M::TransactWriteItemsRequest().WithTransactItems(
      {M::TransactWriteItem().WithPut(M::Put().WithTableName("orders").WithItem({{"id", M::AttributeValue("o-1")}}))});

  dynafake::DynamoDBError conflict(DynamoDBErrors::TRANSACTION_CANCELED,
                                   "Transaction cancelled, please refer cancellation reasons for specific reasons "
                                   "[TransactionConflict]");
  conflict.SetCancellationReasons({M::CancellationReason().WithCode("TransactionConflict")});
  EXPECT_CALL(client, TransactWriteItems(_)).WillOnce(ReturnError(conflict)).WillOnce(::testing::DoDefault());

  auto first = client.TransactWriteItems(put);
  EXPECT_THAT(first, IsError(DynamoDBErrors::TRANSACTION_CANCELED, ::testing::HasSubstr("TransactionConflict")));
  EXPECT_EQ(first.GetError().GetCancellationReasons().at(0).GetCode(), "TransactionConflict");
  EXPECT_THAT(client.TransactWriteItems(put), IsSuccess());
  auto read = client.TransactGetItems(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("orders").WithKey({{"id", M::AttributeValue("o-1")}}))}));
  ASSERT_THAT(read, IsSuccess());
  EXPECT_EQ(read.GetResult().GetResponses().at(0).GetItem().at("id").GetS(), "o-1");
}

}  // namespace
