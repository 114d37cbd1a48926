// The call journal (Service::Journal): what it records of each call, the
// cause of each outcome, its bound, its off switch, its filters and how it
// prints; Service::Inspect, which reads without being a call; and
// JournalPrinter, which prints a failed test's journal.
#include <chrono>
#include <cstdint>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dynafake/testing.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::CallCause;
using dynafake::DynamoDBErrors;
using dynafake::FaultRule;
using dynafake::ServiceOptions;
using dynafake::testing::HashKeyTable;
using dynafake::testing::IsError;
using dynafake::testing::IsSuccess;
using dynafake::testing::Sandbox;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

M::CreateBackupRequest Nightly(const std::string& table = "orders") {
  return M::CreateBackupRequest().WithTableName(table).WithBackupName("nightly");
}

ServiceOptions JournalOf(std::size_t size) {
  auto options = ServiceOptions::Instant();
  options.journalSize = size;
  return options;
}

TEST(Journal, RecordsEveryCallInOrderOnTheServicesClock) {
  Sandbox fake;  // tables CREATING for 10 s
  ASSERT_THAT(fake.client.CreateTable(HashKeyTable("orders")), IsSuccess());
  fake.clock.Advance(10s);
  const auto backup = fake.client.CreateBackup(Nightly());
  ASSERT_THAT(backup, IsSuccess());
  const std::string arn = backup.GetResult().GetBackupDetails().GetBackupArn();
  fake.clock.Advance(1min);
  ASSERT_THAT(fake.client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)), IsSuccess());

  const auto journal = fake.service.Journal();
  ASSERT_EQ(journal.size(), 3u);
  EXPECT_EQ(journal.Recorded(), 3u);
  EXPECT_EQ(journal[0].sequence, 1u);
  EXPECT_STREQ(journal[0].operation, "CreateTable");
  EXPECT_EQ(journal[0].table, "orders");
  EXPECT_EQ(journal[0].Time().ToIso8601(), "2026-01-01T00:00:00.000Z");
  EXPECT_STREQ(journal[1].operation, "CreateBackup");
  EXPECT_EQ(journal[1].Time().ToIso8601(), "2026-01-01T00:00:10.000Z");
  EXPECT_STREQ(journal[2].operation, "DescribeBackup");
  EXPECT_EQ(journal[2].sequence, 3u);
  EXPECT_EQ(journal[2].table, "");
  EXPECT_EQ(journal[2].backup, arn);
  EXPECT_EQ(journal[2].Time().ToIso8601(), "2026-01-01T00:01:10.000Z");
  for (const auto& call : journal) {
    EXPECT_TRUE(call.success) << call;
    EXPECT_EQ(call.cause, CallCause::Served) << call;
    EXPECT_EQ(call.error, "") << call;
  }
}

TEST(Journal, CauseValidation) {
  Sandbox fake(ServiceOptions::Instant());
  EXPECT_THAT(fake.client.CreateTable(HashKeyTable("x")), IsError(DynamoDBErrors::VALIDATION));  // name too short
  const auto call = fake.service.Journal().back();
  EXPECT_FALSE(call.success);
  EXPECT_EQ(call.cause, CallCause::Validation);
  EXPECT_EQ(call.error, "ValidationException");
  EXPECT_THAT(call.message, HasSubstr("TableName must be at least 3 characters long"));
  EXPECT_EQ(call.table, "x");
}

TEST(Journal, CauseFaultRuleNamesTheRule) {
  Sandbox fake(ServiceOptions::Instant());
  fake.CreateActiveTable("orders");
  fake.service.Faults().Add(FaultRule::On<M::ListTablesRequest>().Fail(DynamoDBErrors::THROTTLING));  // never matches
  const int rule = fake.service.Faults().Add(
      FaultRule::On<M::CreateBackupRequest>().OnCall(2).Fail(DynamoDBErrors::INTERNAL_FAILURE, "injected"));
  EXPECT_THAT(fake.client.CreateBackup(Nightly()), IsSuccess());
  EXPECT_THAT(fake.client.CreateBackup(Nightly()), IsError(DynamoDBErrors::INTERNAL_FAILURE));

  const auto journal = fake.service.Journal().Of("CreateBackup");
  ASSERT_EQ(journal.size(), 2u);
  EXPECT_EQ(journal[0].cause, CallCause::Served);
  EXPECT_EQ(journal[0].faultRule, 0);
  EXPECT_EQ(journal[1].cause, CallCause::FaultRule);
  EXPECT_EQ(journal[1].faultRule, rule);
  EXPECT_EQ(rule, 2);
  EXPECT_EQ(journal[1].error, "InternalServerError");
  EXPECT_EQ(journal[1].message, "injected");
}

TEST(Journal, CauseRateLimit) {
  Sandbox fake(ServiceOptions::Instant());
  fake.CreateActiveTable("orders");
  for (int i = 0; i < 50; ++i) ASSERT_THAT(fake.client.CreateBackup(Nightly()), IsSuccess());
  EXPECT_THAT(fake.client.CreateBackup(Nightly()), IsError(DynamoDBErrors::LIMIT_EXCEEDED));
  const auto call = fake.service.Journal().back();
  EXPECT_EQ(call.cause, CallCause::RateLimit);
  EXPECT_EQ(call.error, "LimitExceededException");
  EXPECT_EQ(fake.service.Journal().WithCause(CallCause::RateLimit).size(), 1u);
}

TEST(Journal, CauseState) {
  Sandbox fake;  // the table is CREATING for 10 s
  ASSERT_THAT(fake.client.CreateTable(HashKeyTable("orders")), IsSuccess());
  EXPECT_THAT(fake.client.CreateBackup(Nightly()), IsError(DynamoDBErrors::TABLE_IN_USE));
  const auto call = fake.service.Journal().back();
  EXPECT_EQ(call.cause, CallCause::State);
  EXPECT_EQ(call.error, "TableInUseException");
  EXPECT_EQ(call.message, "Table is being created: orders");
}

TEST(Journal, KeepsTheLastJournalSizeCalls) {
  Sandbox fake(JournalOf(3));
  for (int i = 0; i < 5; ++i) fake.client.ListTables(M::ListTablesRequest());
  const auto journal = fake.service.Journal();
  ASSERT_EQ(journal.size(), 3u);
  EXPECT_EQ(journal[0].sequence, 3u);
  EXPECT_EQ(journal[1].sequence, 4u);
  EXPECT_EQ(journal[2].sequence, 5u);
  EXPECT_EQ(journal.Recorded(), 5u);
  fake.client.ListTables(M::ListTablesRequest());
  EXPECT_EQ(fake.service.Journal().front().sequence, 4u);
  EXPECT_EQ(fake.service.Journal().back().sequence, 6u);
}

TEST(Journal, SizeZeroSwitchesItOff) {
  Sandbox fake(JournalOf(0));
  fake.CreateActiveTable("orders");
  EXPECT_THAT(fake.client.CreateBackup(Nightly()), IsSuccess());
  EXPECT_TRUE(fake.service.Journal().empty());
  EXPECT_EQ(fake.service.Journal().Recorded(), 0u);
}

TEST(Journal, SinceGivesTheCallsAfterASequenceNumber) {
  Sandbox fake(ServiceOptions::Instant());
  fake.CreateActiveTable("orders");  // CreateTable and DescribeTable
  const uint64_t mark = fake.service.Journal().Recorded();
  EXPECT_EQ(mark, 2u);
  fake.client.CreateBackup(Nightly());
  fake.client.ListBackups(M::ListBackupsRequest());
  const auto after = fake.service.Journal().Since(mark);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_STREQ(after[0].operation, "CreateBackup");
  EXPECT_STREQ(after[1].operation, "ListBackups");
  EXPECT_TRUE(fake.service.Journal().Since(4).empty());
}

TEST(Journal, FiltersCompose) {
  Sandbox fake(ServiceOptions::Instant());
  fake.CreateActiveTable("orders");
  fake.CreateActiveTable("events");
  fake.client.CreateBackup(Nightly("orders"));
  fake.client.CreateBackup(Nightly("missing"));
  const auto journal = fake.service.Journal();
  EXPECT_EQ(journal.ForTable("orders").size(), 3u);  // CreateTable, DescribeTable, CreateBackup
  EXPECT_EQ(journal.Of("CreateBackup").Failed().size(), 1u);
  EXPECT_EQ(journal.Of("CreateBackup").Failed()[0].error, "TableNotFoundException");
  EXPECT_EQ(journal.Succeeded().size(), 5u);
  EXPECT_EQ(journal.Where([](const dynafake::Call& c) { return c.table.size() == 6; }).size(), 5u);
}

TEST(Journal, RecordsTheCapacityTheAnswerReports) {
  Sandbox fake(ServiceOptions::Instant());
  fake.CreateActiveTable("orders");
  fake.client.PutItem(M::PutItemRequest()
                          .WithTableName("orders")
                          .WithItem({{"id", M::AttributeValue("o-1")}})
                          .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  fake.client.PutItem(M::PutItemRequest().WithTableName("orders").WithItem({{"id", M::AttributeValue("o-2")}}));
  const auto puts = fake.service.Journal().Of("PutItem");
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_TRUE(puts[0].capacityReported);
  EXPECT_EQ(puts[0].capacityUnits, 1.0);
  EXPECT_FALSE(puts[1].capacityReported);
  EXPECT_THAT(puts[0].Line("t"), HasSubstr("[1 capacity units]"));
}

TEST(Journal, ClearAndResetForgetTheCallsButNotTheCount) {
  Sandbox fake(ServiceOptions::Instant());
  fake.client.ListTables(M::ListTablesRequest());
  fake.client.ListTables(M::ListTablesRequest());
  fake.service.ClearJournal();
  EXPECT_TRUE(fake.service.Journal().empty());
  fake.client.ListTables(M::ListTablesRequest());
  EXPECT_EQ(fake.service.Journal().front().sequence, 3u);
  fake.service.Reset();
  EXPECT_TRUE(fake.service.Journal().empty());
  fake.client.ListTables(M::ListTablesRequest());
  EXPECT_EQ(fake.service.Journal().front().sequence, 4u);
}

TEST(Journal, InspectionsAreNotCalls) {
  auto options = ServiceOptions::Instant();
  options.limits.WithDocumentedRates();  // ListBackups: 5 calls a second
  Sandbox fake(options);
  fake.CreateActiveTable("orders");
  fake.service.Faults().Add(FaultRule::On<M::DescribeTableRequest>().Fail(DynamoDBErrors::INTERNAL_FAILURE));
  const uint64_t before = fake.service.Journal().Recorded();
  EXPECT_THAT(fake.service.Inspect(M::DescribeTableRequest().WithTableName("orders")), IsSuccess());
  for (int i = 0; i < 10; ++i) ASSERT_THAT(fake.service.Inspect(M::ListBackupsRequest()), IsSuccess());
  EXPECT_THAT(fake.service.Inspect(M::DescribeTableRequest().WithTableName("missing")),
              IsError(DynamoDBErrors::RESOURCE_NOT_FOUND));
  EXPECT_EQ(fake.service.Journal().Recorded(), before);
  EXPECT_EQ(fake.service.Faults().List()[0].seen, 0);
  for (int i = 0; i < 5; ++i) EXPECT_THAT(fake.client.ListBackups(M::ListBackupsRequest()), IsSuccess());
  EXPECT_THAT(fake.client.ListBackups(M::ListBackupsRequest()), IsError(DynamoDBErrors::LIMIT_EXCEEDED));
  EXPECT_THAT(fake.client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")),
              IsError(DynamoDBErrors::INTERNAL_FAILURE));
}

TEST(Journal, PrintsOneLineACallWithOffsetsFromTheStart) {
  Sandbox fake;
  const int64_t start = fake.StartMs();
  fake.client.CreateTable(HashKeyTable("orders"));
  fake.client.CreateBackup(Nightly());
  fake.clock.Advance(10s);
  fake.client.CreateBackup(Nightly());
  fake.clock.Advance(std::chrono::hours(24 * 35));
  fake.client.DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  EXPECT_EQ(fake.service.Journal().ToString(start),
            "#1 +0:00:00.000 CreateTable table \"orders\": ok\n"
            "#2 +0:00:00.000 CreateBackup table \"orders\": TableInUseException (state) \"Table is being created: "
            "orders\"\n"
            "#3 +0:00:10.000 CreateBackup table \"orders\": ok\n"
            "#4 +35d 00:00:10.000 DescribeTable table \"orders\": ok");
  std::ostringstream os;
  os << fake.service.Journal().Of("CreateTable");
  EXPECT_EQ(os.str(), "#1 2026-01-01T00:00:00.000Z CreateTable table \"orders\": ok");
  EXPECT_EQ(dynafake::CallJournal().ToString(0), "no calls");
  EXPECT_EQ(dynafake::FormatOffset(-61001), "-0:01:01.001");
}

TEST(Journal, PrinterNamesTheRuleAndTheTest) {
  Sandbox fake(ServiceOptions::Instant());
  fake.CreateActiveTable("orders");
  fake.service.Faults().Add(FaultRule::On<M::CreateBackupRequest>().Fail(DynamoDBErrors::INTERNAL_FAILURE));
  fake.client.CreateBackup(Nightly());
  const std::string text =
      dynafake::testing::JournalPrinter::Format(fake.service.Journal(), fake.StartMs(), "Suite.Test", true);
  EXPECT_EQ(text,
            "[ dynafake ] journal of Suite.Test (3 calls, times from its start):\n"
            "#1 +0:00:00.000 CreateTable table \"orders\": ok\n"
            "#2 +0:00:00.000 DescribeTable table \"orders\": ok\n"
            "#3 +0:00:00.000 CreateBackup table \"orders\": InternalServerError (fault rule #1) \"Internal server "
            "error\"\n");
  EXPECT_EQ(dynafake::testing::JournalPrinter::Format({}, 0, "Suite.Test", false),
            "[ dynafake ] journal of Suite.Test: off (ServiceOptions::journalSize is 0)\n");
}

TEST(Journal, NothingIsKeptForAPassingTest) {
  {
    Sandbox fake(ServiceOptions::Instant());
    fake.client.ListTables(M::ListTablesRequest());
  }
  EXPECT_TRUE(dynafake::testing::JournalPrinter::Pending().empty());
}

}  // namespace
