// The cost of single calls: CreateBackup on tables of growing size (it must not
// grow: a backup references the table's history instead of copying items),
// a PutItem, a DescribeBackup, and the same CreateBackup through the JSON wire.
//
//   cmake -S . -B build -DDYNAFAKE_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build --target bench_calls_benchmark && build/bench/bench_calls_benchmark
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include <dynafake/dynafake.hpp>
#include <dynafake/wire.hpp>

namespace {

namespace M = dynafake::Model;

dynafake::ServiceOptions Unthrottled() {
  auto options = dynafake::ServiceOptions::Instant();
  options.limits.callsPerSecond.clear();  // measure the model, not the rate limiter
  return options;
}

void CreateOrders(dynafake::ClientInterface& client, int items) {
  client.CreateTable(M::CreateTableRequest()
                         .WithTableName("orders")
                         .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                         .WithAttributeDefinitions({M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
                         .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  std::vector<M::WriteRequest> batch;
  for (int i = 0; i < items; ++i) {
    batch.push_back(M::WriteRequest().WithPutRequest(M::PutRequest().WithItem(
        {{"id", M::AttributeValue("order-" + std::to_string(i))}, {"total", M::AttributeValue().SetN(i)}})));
    if (batch.size() == 25 || i + 1 == items) {
      client.BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems({{"orders", batch}}));
      batch.clear();
    }
  }
}

void BM_CreateBackup(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::Client client(service);
  CreateOrders(client, static_cast<int>(state.range(0)));
  const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  for (auto _ : state) {
    auto out = client.CreateBackup(request);
    if (!out.IsSuccess()) state.SkipWithError(out.GetError().GetMessage().c_str());
    benchmark::DoNotOptimize(out);
  }
  state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_CreateBackup)->Arg(10)->Arg(10000)->Arg(100000);

void BM_PutItem(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::Client client(service);
  CreateOrders(client, 0);
  int i = 0;
  for (auto _ : state) {
    auto out = client.PutItem(M::PutItemRequest().WithTableName("orders").WithItem(
        {{"id", M::AttributeValue("order-" + std::to_string(i++ % 1000))}, {"total", M::AttributeValue().SetN(i)}}));
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_PutItem);

void BM_DescribeBackup(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::Client client(service);
  CreateOrders(client, 1000);
  const std::string arn = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"))
                              .GetResult().GetBackupDetails().GetBackupArn();
  for (auto _ : state) {
    auto out = client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_DescribeBackup);

void BM_CreateBackupThroughTheWire(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::BasicClient<dynafake::WireTransport> client(service);
  CreateOrders(client, 1000);
  const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  for (auto _ : state) {
    auto out = client.CreateBackup(request);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_CreateBackupThroughTheWire);

}  // namespace
