// dynafake::testing::Sandbox: a clock, a Service and a client in one line,
// and CreateActiveTable.
#include <chrono>
#include <stdexcept>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dynafake/testing.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::FaultRule;
using dynafake::testing::HashKeyTable;
using dynafake::testing::IsError;
using dynafake::testing::IsSuccess;
using dynafake::testing::Sandbox;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

TEST(Sandbox, HasTheServicesDefaultsAndAClockAtTheUsualStart) {
  Sandbox fake;
  EXPECT_EQ(dynafake::DateTime(fake.clock.Now()).ToIso8601(), "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(fake.service.Options().durations.tableCreate, dynafake::ServiceOptions().durations.tableCreate);
  EXPECT_THAT(fake.client.ListTables(M::ListTablesRequest()), IsSuccess());
}

TEST(Sandbox, CreateActiveTableWaitsOutCreatingOnTheClock) {
  Sandbox fake;  // tables are CREATING for 10 s
  const auto start = fake.clock.Now();
  const M::TableDescription table = fake.CreateActiveTable("orders");
  EXPECT_EQ(table.GetTableName(), "orders");
  EXPECT_EQ(table.GetTableStatus(), M::TableStatus::ACTIVE);
  EXPECT_EQ(fake.clock.Now() - start, fake.service.Options().durations.tableCreate);
  EXPECT_THAT(fake.client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("first")),
              IsSuccess());
}

TEST(Sandbox, WithInstantOptionsTheClockStandsStill) {
  Sandbox fake(dynafake::ServiceOptions::Instant());
  const auto start = fake.clock.Now();
  EXPECT_EQ(fake.CreateActiveTable(HashKeyTable("orders", "pk")).GetKeySchema()[0].GetAttributeName(), "pk");
  EXPECT_EQ(fake.clock.Now(), start);
}

TEST(Sandbox, ATableThatCannotBeCreatedStopsTheTestWithTheServicesError) {
  Sandbox fake(dynafake::ServiceOptions::Instant());
  fake.CreateActiveTable("orders");
  try {
    fake.CreateActiveTable("orders");
    FAIL() << "a second table \"orders\" should have thrown";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "dynafake::testing::Sandbox::CreateActiveTable(\"orders\"): CreateTable answered "
                 "ResourceInUseException (HTTP 400): Table already exists: orders");
  }
  auto rule = fake.service.Faults().AddScoped(FaultRule::On<M::CreateTableRequest>().Once());
  EXPECT_THROW(fake.CreateActiveTable("invoices"), std::runtime_error);
  EXPECT_EQ(rule.Fired(), 1);
  EXPECT_THROW(fake.CreateActiveTable(M::CreateTableRequest().WithTableName("x")), std::runtime_error)
      << "an invalid request (no key schema)";
}

// As a fixture base: the scenario's setup in the fixture, the test body short.
class Throttling : public ::testing::Test, protected Sandbox {
 protected:
  Throttling() : Sandbox(dynafake::ServiceOptions::Instant()) { CreateActiveTable("orders"); }
  const M::CreateBackupRequest backup = M::CreateBackupRequest().WithTableName("orders").WithBackupName("burst");
};

TEST_F(Throttling, TheFiftyFirstCreateBackupInASecondIsThrottled) {
  for (int i = 0; i < 50; ++i) ASSERT_THAT(client.CreateBackup(backup), IsSuccess());
  EXPECT_THAT(client.CreateBackup(backup), IsError(DynamoDBErrors::LIMIT_EXCEEDED, HasSubstr("50 per second")));
  clock.Advance(1s);
  EXPECT_THAT(client.CreateBackup(backup), IsSuccess());
}

}  // namespace
