// Load through the server: 256 keep-alive connections held at once, every
// one sending requests. Bounded (256 x 20 requests on loopback) and asserts
// no latency target, only that nothing failed and nothing stalled (no
// request over 1 s): the old pool of 8 workers made the 9th connection wait
// 5 s. Latency figures come from bench/server_load.cpp, not from here.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "dynafake/http.hpp"
#include "raw_socket.hpp"

namespace {

using Clock = std::chrono::steady_clock;

/// Lets threads wait until `count` of them have arrived (std::barrier is C++20).
class Gate {
 public:
  explicit Gate(int count) : left_(count) {}
  void ArriveAndWait() {
    std::unique_lock<std::mutex> lock(mu_);
    if (--left_ == 0) cv_.notify_all();
    cv_.wait(lock, [this] { return left_ <= 0 && open_; });
  }
  void WaitAllArrived() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return left_ <= 0; });
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int left_;
  bool open_ = false;
};

TEST(HttpLoad, HoldsManyKeepAliveConnectionsEachSendingRequests) {
  constexpr int kConnections = 256;
  constexpr int kRequestsEach = 20;
  dynafake::ServerConfig config;
  config.service = dynafake::ServiceOptions::Instant();
  dynafake::HttpServer server(config);
  server.Start();
  {
    dynafake::http::Client setup("127.0.0.1", server.Port());
    ASSERT_EQ(setup
                  .Send("POST", "/",
                        R"({"TableName":"orders","BillingMode":"PAY_PER_REQUEST",
                             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
                             "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]})",
                        {{"X-Amz-Target", "DynamoDB_20120810.CreateTable"}}, "application/x-amz-json-1.0")
                  .status,
              200);
  }

  std::atomic<int> failures{0};
  std::atomic<long long> slowestMicros{0};
  Gate allConnected(kConnections);
  std::vector<std::thread> threads;
  for (int t = 0; t < kConnections; ++t) {
    threads.emplace_back([&, t] {
      dynafake::http::Client client("127.0.0.1", server.Port(), 2 * dynafake_test::kStallMs);
      const auto call = [&](int i) {
        const bool admin = (t + i) % 5 == 0;
        const auto start = Clock::now();
        try {
          const auto r = admin ? client.Send("GET", "/_dynafake/clock")
                               : client.Send("POST", "/", i % 2 ? R"({"TableName":"orders"})" : R"({"Limit":10})",
                                             {{"X-Amz-Target", i % 2 ? "DynamoDB_20120810.DescribeTable"
                                                                     : "DynamoDB_20120810.ListTables"}},
                                             "application/x-amz-json-1.0");
          if (r.status != 200) ++failures;
        } catch (const std::exception&) {
          ++failures;
        }
        const long long us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
        long long seen = slowestMicros.load();
        while (us > seen && !slowestMicros.compare_exchange_weak(seen, us)) {
        }
      };
      call(0);  // opens this thread's connection
      allConnected.ArriveAndWait();
      for (int i = 1; i < kRequestsEach; ++i) call(i);
    });
  }
  allConnected.WaitAllArrived();
  // Every connection is open at once, idle, and costs the server no worker.
  EXPECT_EQ(server.ConnectionCount(), static_cast<std::size_t>(kConnections));
  allConnected.Open();
  for (auto& th : threads) th.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_LT(slowestMicros.load(), 1000LL * dynafake_test::kStallMs)
      << "a request took over " << dynafake_test::kStallMs << " ms";
  EXPECT_EQ(server.GetWire().RequestCount(),
            1u + static_cast<uint64_t>(kConnections * kRequestsEach) - static_cast<uint64_t>([] {
              int admin = 0;
              for (int t = 0; t < kConnections; ++t)
                for (int i = 0; i < kRequestsEach; ++i) admin += (t + i) % 5 == 0;
              return admin;
            }()));
}

}  // namespace
