// The call sequence bench/compare runs against every client, here in C++:
// dynafake in process (Client) and through the JSON wire
// (BasicClient<WireTransport>). Create a table, put 100 items, 200
// CreateBackup, 200 DescribeBackup, ListBackups page by page (Limit 25),
// one RestoreTableFromBackup; each call timed alone (ListBackups: all pages).
//
//   bench_sequence_benchmark --sequence [--repeat N]   JSON: per transport and
//                                                      operation, the median ns
//                                                      of a call and the count
//   bench_sequence_benchmark [Google Benchmark flags]  the whole sequence as
//                                                      one benchmark per transport
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <dynafake/dynafake.hpp>
#include <dynafake/wire.hpp>

namespace {

namespace M = dynafake::Model;
using Clock = std::chrono::steady_clock;
using Samples = std::map<std::string, std::vector<double>>;  // operation -> ns per call

constexpr int kItems = 100;
constexpr int kBackups = 200;
constexpr int kPageSize = 25;

template <class Call>
auto Timed(Samples& samples, const char* op, Call&& call) {
  const auto t0 = Clock::now();
  auto out = call();
  const auto t1 = Clock::now();
  samples[op].push_back(static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()));
  if (!out.IsSuccess()) {
    std::cerr << op << " failed: " << out.GetError().GetMessage() << "\n";
    std::exit(1);
  }
  return out;
}

/// One run of the sequence on a fresh Service through `Client`.
template <class Client>
void Sequence(Samples& samples) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  Client client(service);
  Timed(samples, "CreateTable", [&] {
    return client.CreateTable(
        M::CreateTableRequest()
            .WithTableName("bench")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("pk").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  });
  for (int i = 0; i < kItems; ++i)
    Timed(samples, "PutItem", [&] {
      return client.PutItem(M::PutItemRequest().WithTableName("bench").WithItem(
          {{"pk", M::AttributeValue("item-" + std::to_string(i))}, {"n", M::AttributeValue().SetN(i)}}));
    });
  std::vector<std::string> arns;
  for (int i = 0; i < kBackups; ++i) {
    if (i > 0 && i % 50 == 0) clock.Advance(std::chrono::seconds(1));  // CreateBackup's 50/s, untimed
    auto out = Timed(samples, "CreateBackup", [&] {
      return client.CreateBackup(
          M::CreateBackupRequest().WithTableName("bench").WithBackupName("b-" + std::to_string(i)));
    });
    arns.push_back(out.GetResult().GetBackupDetails().GetBackupArn());
  }
  for (const auto& arn : arns)
    Timed(samples, "DescribeBackup",
          [&] { return client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)); });
  // All pages as one sample: a service that ignores Limit (moto) answers in one page.
  M::ListBackupsRequest page;
  page.WithLimit(kPageSize);
  Samples pages;
  for (;;) {
    auto out = Timed(pages, "page", [&] { return client.ListBackups(page); });
    if (out.GetResult().GetLastEvaluatedBackupArn().empty()) break;
    page.WithExclusiveStartBackupArn(out.GetResult().GetLastEvaluatedBackupArn());
  }
  double all = 0;
  for (double ns : pages["page"]) all += ns;
  samples["ListBackups, all pages"].push_back(all);
  Timed(samples, "RestoreTableFromBackup", [&] {
    return client.RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithTargetTableName("restored").WithBackupArn(arns.front()));
  });
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void Print(const char* name, const Samples& samples, bool first) {
  std::cout << (first ? "" : ",\n") << "  \"" << name << "\": {";
  bool firstOp = true;
  for (const auto& kv : samples) {
    std::cout << (firstOp ? "" : ", ") << "\"" << kv.first << "\": {\"median_ns\": " << Median(kv.second)
              << ", \"calls\": " << kv.second.size() << "}";
    firstOp = false;
  }
  std::cout << "}";
}

int RunSequence(int repeat) {
  Samples inProcess, wire;
  for (int r = 0; r < repeat; ++r) {
    Sequence<dynafake::Client>(inProcess);
    Sequence<dynafake::BasicClient<dynafake::WireTransport>>(wire);
  }
  std::cout << "{\n";
  Print("dynafake in process", inProcess, true);
  Print("dynafake through the wire", wire, false);
  std::cout << "\n}\n";
  return 0;
}

template <class Client>
void BM_Sequence(benchmark::State& state) {
  for (auto _ : state) {
    Samples samples;
    Sequence<Client>(samples);
    benchmark::DoNotOptimize(samples);
  }
}
BENCHMARK_TEMPLATE(BM_Sequence, dynafake::Client)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Sequence, dynafake::BasicClient<dynafake::WireTransport>)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  bool sequence = false;
  int repeat = 5;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--sequence") == 0)
      sequence = true;
    else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
  }
  if (sequence) return RunSequence(repeat);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
