// A test that fails on purpose: CTest (journal_printed_on_failure) runs it and
// passes when GoogleTest's output carries the journal JournalPrinter prints
// for the failed test's Sandbox, and none for the test that passes.
#include <chrono>

#include <gtest/gtest.h>

#include <dynafake/testing.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::testing::HashKeyTable;
using dynafake::testing::IsError;
using dynafake::testing::IsSuccess;
using dynafake::testing::Sandbox;
using namespace std::chrono_literals;

TEST(JournalOnFailure, Passes) {
  Sandbox fake;
  EXPECT_THAT(fake.client.ListTables(M::ListTablesRequest()), IsSuccess());
}

TEST(JournalOnFailure, FailsOnPurpose) {
  Sandbox fake;
  ASSERT_THAT(fake.client.CreateTable(HashKeyTable("orders")), IsSuccess());
  fake.clock.Advance(3s);
  const auto nightly = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  EXPECT_THAT(fake.client.CreateBackup(nightly), IsSuccess());  // fails: the table is still CREATING
}

TEST(JournalOnFailure, AServiceOfItsOwn) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  dynafake::testing::PrintJournalOnFailure journal(service);
  clock.Advance(1min);
  EXPECT_THAT(service.DescribeTable(M::DescribeTableRequest().WithTableName("gone")),
              IsError(DynamoDBErrors::TABLE_NOT_FOUND));  // fails: DescribeTable answers ResourceNotFound
}

}  // namespace
