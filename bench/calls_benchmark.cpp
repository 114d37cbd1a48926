// The cost of single calls: CreateBackup on tables of growing size and with a
// growing number of backups already held (neither may make it grow: a backup
// references the table's history instead of copying items), the heap a
// backup keeps (bytes_per_backup), a PutItem, a DescribeBackup, and the same
// CreateBackup through the JSON wire.
//
//   cmake -S . -B build -DDYNAFAKE_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build --target bench_calls_benchmark && build/bench/bench_calls_benchmark
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>  // mallinfo2: heap bytes in use, for bytes_per_backup
#endif

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
#ifdef NDEBUG
BENCHMARK(BM_CreateBackup)->Arg(1)->Arg(1000)->Arg(100000)->Arg(1000000);
#else  // an unoptimised smoke run need not fill a million items
BENCHMARK(BM_CreateBackup)->Arg(1)->Arg(1000);
#endif

// CreateBackup with `existing` backups already held: a fixed number of timed
// calls, so that the smallest case really has few backups.
void BM_CreateBackupWithExisting(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::Client client(service);
  CreateOrders(client, 100);
  const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  for (int64_t i = 0; i < state.range(0); ++i) client.CreateBackup(request);
  for (auto _ : state) {
    auto out = client.CreateBackup(request);
    if (!out.IsSuccess()) state.SkipWithError(out.GetError().GetMessage().c_str());
    benchmark::DoNotOptimize(out);
  }
  state.counters["existing"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_CreateBackupWithExisting)->Arg(1)->Arg(1000)->Arg(100000)->Iterations(20000);

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
// The heap one backup keeps, on a table of `items` items: the growth of
// malloc's bytes in use over 10 000 CreateBackup calls, divided by 10 000.
void BM_BackupMemory(benchmark::State& state) {
  constexpr int kBackups = 10000;
  double perBackup = 0;
  for (auto _ : state) {
    state.PauseTiming();
    dynafake::ManualClock clock;
    dynafake::Service service(clock, Unthrottled());
    dynafake::Client client(service);
    CreateOrders(client, static_cast<int>(state.range(0)));
    const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
    client.CreateBackup(request);  // the first one may allocate lazily built state
    state.ResumeTiming();
    const auto before = mallinfo2().uordblks;
    for (int i = 0; i < kBackups; ++i) benchmark::DoNotOptimize(client.CreateBackup(request));
    const auto after = mallinfo2().uordblks;
    perBackup = (static_cast<double>(after) - static_cast<double>(before)) / kBackups;
  }
  state.counters["bytes_per_backup"] = perBackup;
  state.counters["items"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_BackupMemory)->Arg(1)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);
#endif

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
