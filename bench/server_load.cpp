// dynafake-server under load, and its two fixed costs, measured over loopback:
//
//   BM_KeepAliveLoad/N   N keep-alive connections (one thread each) x 100
//                        DescribeTable calls; counters p50/p90/p99/max are
//                        per-request latencies in microseconds
//   BM_RawKeepAliveCall  one DescribeTable on one kept-alive connection
//   BM_StartToFirstAnswer  spawn the dynafake-server binary (DYNAFAKE_SERVER),
//                        poll until GET / answers, kill it
//
// The server is an in-process HttpServer (same code as dynafake-server), or
// any server at DYNAFAKE_BENCH_URL=http://127.0.0.1:PORT (e.g. moto_server,
// for the same raw client against both; bench/server_compare.py does that).
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release -DDYNAFAKE_BUILD_BENCH=ON
//   cmake --build build-rel --target bench_server_load dynafake-server
//   DYNAFAKE_SERVER=build-rel/tools/dynafake-server/dynafake-server build-rel/bench/bench_server_load
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <dynafake/http.hpp>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kTable = R"({"TableName":"orders","BillingMode":"PAY_PER_REQUEST",)"
                               R"("AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],)"
                               R"("KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]})";

/// The server under test: DYNAFAKE_BENCH_URL, or an in-process HttpServer.
struct Target {
  std::string host = "127.0.0.1";
  int port = 0;
  std::unique_ptr<dynafake::HttpServer> own;

  Target() {
    if (const char* url = std::getenv("DYNAFAKE_BENCH_URL")) {
      const std::string u(url);
      port = std::atoi(u.c_str() + u.rfind(':') + 1);
    } else {
      dynafake::ServerConfig config;
      config.service = dynafake::ServiceOptions::Instant();
      own = std::make_unique<dynafake::HttpServer>(config);
      own->Start();
      port = own->Port();
    }
    dynafake::http::Client setup(host, port);
    Call(setup, "CreateTable", kTable);  // an existing table (external server) answers 400: fine
  }

  static int Call(dynafake::http::Client& c, const std::string& op, const std::string& body) {
    return c
        .Send("POST", "/", body,
              {{"X-Amz-Target", "DynamoDB_20120810." + op},
               {"Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
                "SignedHeaders=host, Signature=00"}},
              "application/x-amz-json-1.0")
        .status;
  }
};

Target& Server() {
  static Target target;
  return target;
}

double Percentile(std::vector<long long>& sorted, double p) {
  if (sorted.empty()) return 0;
  const std::size_t at = std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())));
  return static_cast<double>(sorted[at]);
}

void BM_KeepAliveLoad(benchmark::State& state) {
  const int connections = static_cast<int>(state.range(0));
  constexpr int kRequests = 100;
  Target& server = Server();
  std::vector<long long> all;
  int failures = 0;
  for (auto _ : state) {
    std::vector<std::vector<long long>> latencies(static_cast<std::size_t>(connections));
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < connections; ++t) {
      threads.emplace_back([&, t] {
        dynafake::http::Client client(server.host, server.port, 10000);
        auto& mine = latencies[static_cast<std::size_t>(t)];
        mine.reserve(kRequests);
        for (int i = 0; i < kRequests; ++i) {
          const auto start = Clock::now();
          try {
            if (Target::Call(client, "DescribeTable", R"({"TableName":"orders"})") != 200) ++failed;
          } catch (const std::exception&) {
            ++failed;
          }
          mine.push_back(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
        }
      });
    }
    for (auto& th : threads) th.join();
    for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    failures += failed.load();
  }
  std::sort(all.begin(), all.end());
  state.counters["p50_us"] = Percentile(all, 0.50);
  state.counters["p90_us"] = Percentile(all, 0.90);
  state.counters["p99_us"] = Percentile(all, 0.99);
  state.counters["max_us"] = all.empty() ? 0 : static_cast<double>(all.back());
  state.counters["failed"] = failures;
  state.counters["requests"] = static_cast<double>(all.size());
  if (failures) state.SkipWithError("some requests failed");
}
BENCHMARK(BM_KeepAliveLoad)->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_RawKeepAliveCall(benchmark::State& state) {
  Target& server = Server();
  dynafake::http::Client client(server.host, server.port);
  for (auto _ : state)
    if (Target::Call(client, "DescribeTable", R"({"TableName":"orders"})") != 200) state.SkipWithError("not a 200");
}
BENCHMARK(BM_RawKeepAliveCall)->Unit(benchmark::kMicrosecond)->UseRealTime();

/// Sends GET / to 127.0.0.1:port; true when an answer comes back.
bool Answers(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = false;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const char request[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    char buf[64];
    ok = ::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) > 0 && ::recv(fd, buf, sizeof buf, 0) > 0;
  }
  ::close(fd);
  return ok;
}

/// Spawn, wait for the "listening on http://127.0.0.1:PORT" line (as every
/// test harness does: no busy polling that would steal the CPU the server
/// starts on), then one GET /. Timed from before the spawn to the answer.
void BM_StartToFirstAnswer(benchmark::State& state) {
  const char* binary = std::getenv("DYNAFAKE_SERVER");
  if (!binary) {
    state.SkipWithError("set DYNAFAKE_SERVER to the dynafake-server binary");
    for (auto _ : state) {
    }
    return;
  }
  for (auto _ : state) {
    std::vector<std::string> args = {binary, "--port", "0", "--log-level", "error"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int out[2];
    if (::pipe(out) != 0) {
      state.SkipWithError("pipe");
      break;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const auto start = Clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, binary, &actions, nullptr, argv.data(), environ);
    ::close(out[1]);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
      ::close(out[0]);
      state.SkipWithError("cannot spawn DYNAFAKE_SERVER");
      break;
    }
    std::string line;
    char c;
    while (line.find('\n') == std::string::npos && ::read(out[0], &c, 1) == 1) line += c;
    const auto colon = line.rfind(':');
    const bool answered = colon != std::string::npos && Answers(std::atoi(line.c_str() + colon + 1));
    state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    ::close(out[0]);
    if (!answered) {
      state.SkipWithError("the server did not answer");
      break;
    }
  }
}
BENCHMARK(BM_StartToFirstAnswer)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
