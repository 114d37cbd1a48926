// One Service called from many threads: every call is answered and the state
// stays consistent (run under ThreadSanitizer with `bash scripts/test.sh --tsan`).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include <dynafake/dynafake.hpp>

#include "fixtures.hpp"

namespace dynafake_test {
namespace {

TEST(ThreadSafety, ConcurrentWritersAndBackupsSeeConsistentState) {
  dynafake::ManualClock clock;
  auto options = dynafake::ServiceOptions::Instant();
  options.limits.callsPerSecond.clear();
  dynafake::Service service(clock, options);
  dynafake::Client client(service);
  ASSERT_TRUE(client.CreateTable(OrdersTable()).IsSuccess());

  constexpr int kThreads = 4, kWrites = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        if (!client.PutItem(Order("orders", "t" + std::to_string(t) + "-" + std::to_string(i))).IsSuccess()) ++failures;
        if (i % 50 == 0 && !client
                                .CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName(
                                    "bak-" + std::to_string(t)))
                                .IsSuccess())
          ++failures;
        if (i % 20 == 0) clock.Advance(std::chrono::milliseconds(1));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto table = client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")).GetResult().GetTable();
  EXPECT_EQ(table.GetItemCount(), kThreads * kWrites);
  EXPECT_EQ(client.ListBackups(M::ListBackupsRequest()).GetResult().GetBackupSummaries().size(),
            static_cast<size_t>(kThreads * 4));
}

TEST(ThreadSafety, FaultRulesCountEachCallOnceAcrossThreads) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Client client(service);
  client.CreateTable(OrdersTable());
  const int id =
      service.Faults().Add(dynafake::FaultRule::On("GetItem").Times(10).Fail(dynafake::DynamoDBErrors::THROTTLING));
  std::atomic<int> throttled{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i)
        if (!client.GetItem(M::GetItemRequest().WithTableName("orders").WithKey({{"id", M::AttributeValue("x")}}))
                 .IsSuccess())
          ++throttled;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(throttled.load(), 10);
  EXPECT_EQ(service.Faults().Fired(id), 10);
}

}  // namespace
}  // namespace dynafake_test
