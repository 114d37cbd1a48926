// The cost of single calls: CreateBackup on tables of growing size and with a
// growing number of backups already held (neither may make it grow: a backup
// references the table's history instead of copying items), the heap a
// backup keeps (bytes_per_backup, on both axes: table size and backups
// already held), a PutItem, a GetItem (charged), a DescribeBackup, and the same CreateBackup
// through the JSON wire. `allocs` is the heap allocations per call (a
// counting operator new in this program).
//
//   cmake -S . -B build -DDYNAFAKE_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build --target bench_calls_benchmark && build/bench/bench_calls_benchmark
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>  // mallinfo2: heap bytes in use, for bytes_per_backup
#endif

#include <dynafake/dynafake.hpp>
#include <dynafake/wire.hpp>

// Every allocation of this program is counted (benchmarks run on one thread).
// GCC takes the replaced pair below, inlined, for a mismatched malloc/delete.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
namespace {
uint64_t g_allocations = 0;
}  // namespace
void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

namespace M = dynafake::Model;

/// Heap allocations per iteration of the loop `state` just ran.
struct AllocationCounter {
  explicit AllocationCounter(benchmark::State& s) : state(s), start(g_allocations) {}
  ~AllocationCounter() {
    if (state.iterations() > 0)
      state.counters["allocs"] = static_cast<double>(g_allocations - start) / static_cast<double>(state.iterations());
  }
  benchmark::State& state;
  uint64_t start;
};

dynafake::ServiceOptions Unthrottled() {
  auto options = dynafake::ServiceOptions::Instant();
  options.limits.callsPerSecond.clear();  // measure the model, not the rate limiter
  // nor the capacity: the set-up writes up to a million items at one instant of the clock
  options.throughput.enforce = false;
  // The journal is on (its default size) unless DYNAFAKE_BENCH_JOURNAL_SIZE says otherwise (0: off), so
  // one binary measures what it costs.
  if (const char* size = std::getenv("DYNAFAKE_BENCH_JOURNAL_SIZE"))
    options.journalSize = static_cast<std::size_t>(std::strtoull(size, nullptr, 10));
  return options;
}

void CreateOrders(dynafake::ClientInterface& client, int items) {
  client.CreateTable(M::CreateTableRequest()
                         .WithTableName("orders")
                         .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                         .WithAttributeDefinitions({M::AttributeDefinition().WithAttributeName("id").WithAttributeType(
                             M::ScalarAttributeType::S)})
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
  AllocationCounter allocs(state);
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
  AllocationCounter allocs(state);
  for (auto _ : state) {
    auto out = client.CreateBackup(request);
    if (!out.IsSuccess()) state.SkipWithError(out.GetError().GetMessage().c_str());
    benchmark::DoNotOptimize(out);
  }
  state.counters["existing"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_CreateBackupWithExisting)->Arg(1)->Arg(1000)->Arg(100000)->Iterations(20000);

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
// The heap one backup keeps: the growth of malloc's bytes in use over 10 000
// CreateBackup calls, divided by 10 000, on a table of `items` items already
// holding `existing` backups. Neither may change it.
void BackupMemory(benchmark::State& state, int items, int existing) {
  constexpr int kBackups = 10000;
  double perBackup = 0;
  for (auto _ : state) {
    state.PauseTiming();
    dynafake::ManualClock clock;
    dynafake::Service service(clock, Unthrottled());
    dynafake::Client client(service);
    CreateOrders(client, items);
    const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
    client.CreateBackup(request);  // the first one may allocate lazily built state
    for (int i = 0; i < existing; ++i) client.CreateBackup(request);
    state.ResumeTiming();
    const auto before = mallinfo2().uordblks;
    for (int i = 0; i < kBackups; ++i) benchmark::DoNotOptimize(client.CreateBackup(request));
    const auto after = mallinfo2().uordblks;
    perBackup = (static_cast<double>(after) - static_cast<double>(before)) / kBackups;
  }
  state.counters["bytes_per_backup"] = perBackup;
  state.counters["items"] = items;
  state.counters["existing"] = existing;
}
void BM_BackupMemory(benchmark::State& state) { BackupMemory(state, static_cast<int>(state.range(0)), 0); }
#ifdef NDEBUG
BENCHMARK(BM_BackupMemory)->Arg(1)->Arg(1000)->Arg(100000)->Arg(1000000)->Iterations(1)->Unit(benchmark::kMillisecond);
#else
BENCHMARK(BM_BackupMemory)->Arg(1)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);
#endif
void BM_BackupMemoryWithExisting(benchmark::State& state) {
  BackupMemory(state, 100, static_cast<int>(state.range(0)));
}
#ifdef NDEBUG
BENCHMARK(BM_BackupMemoryWithExisting)->Arg(1)->Arg(1000)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond);
#else
BENCHMARK(BM_BackupMemoryWithExisting)->Arg(1)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);
#endif
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

// GetItem of one item among 1000 (eventually consistent), on a table the
// throughput enforcement (where there is one) never throttles: the cost of
// the read and of its charge.
void BM_GetItem(benchmark::State& state) {
  dynafake::ManualClock clock;
  auto options = Unthrottled();
  options.throughput.enforce = true;  // the charge is part of what is measured
  dynafake::Service service(clock, options);
  dynafake::Client client(service);
  client.CreateTable(M::CreateTableRequest()
                         .WithTableName("orders")
                         .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                         .WithAttributeDefinitions({M::AttributeDefinition().WithAttributeName("id").WithAttributeType(
                             M::ScalarAttributeType::S)})
                         .WithProvisionedThroughput(
                             M::ProvisionedThroughput().WithReadCapacityUnits(40000).WithWriteCapacityUnits(40000)));
  for (int i = 0; i < 1000; ++i)
    client.PutItem(M::PutItemRequest().WithTableName("orders").WithItem(
        {{"id", M::AttributeValue("order-" + std::to_string(i))}, {"total", M::AttributeValue().SetN(i)}}));
  const auto request = M::GetItemRequest().WithTableName("orders").WithKey({{"id", M::AttributeValue("order-42")}});
  AllocationCounter allocs(state);
  for (auto _ : state) {
    auto out = client.GetItem(request);
    if (!out.IsSuccess()) state.SkipWithError(out.GetError().GetMessage().c_str());
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_GetItem);

void BM_DescribeBackup(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::Client client(service);
  CreateOrders(client, 1000);
  const std::string arn =
      client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"))
          .GetResult()
          .GetBackupDetails()
          .GetBackupArn();
  const auto request = M::DescribeBackupRequest().WithBackupArn(arn);
  AllocationCounter allocs(state);
  for (auto _ : state) {
    auto out = client.DescribeBackup(request);
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
  AllocationCounter allocs(state);
  for (auto _ : state) {
    auto out = client.CreateBackup(request);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_CreateBackupThroughTheWire);

void BM_DescribeBackupThroughTheWire(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, Unthrottled());
  dynafake::BasicClient<dynafake::WireTransport> client(service);
  CreateOrders(client, 1000);
  const std::string arn =
      client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"))
          .GetResult()
          .GetBackupDetails()
          .GetBackupArn();
  const auto request = M::DescribeBackupRequest().WithBackupArn(arn);
  AllocationCounter allocs(state);
  for (auto _ : state) {
    auto out = client.DescribeBackup(request);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_DescribeBackupThroughTheWire);

}  // namespace
