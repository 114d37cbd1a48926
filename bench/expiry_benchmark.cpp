// Expiring 100 000 SYSTEM backups in one 35-day Advance.
//
// Setup (not timed): a Service with one table of `items` items and 100 000
// SYSTEM backups of it, seeded through Service::SeedBackup as DeleteTable would
// leave them. Timed: one ManualClock::Advance of 35 days and the one call that
// observes it (ListBackups), which applies every expiry and releases the history.
//
//   cmake -S . -B build -DDYNAFAKE_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build --target bench_expiry_benchmark && build/bench/bench_expiry_benchmark
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>

#include <dynafake/dynafake.hpp>

namespace {

namespace M = dynafake::Model;

/// Instant, and capacity not enforced: the set-up writes up to a million items
/// at one instant of the clock, past any table's burst.
dynafake::ServiceOptions Options() {
  auto o = dynafake::ServiceOptions::Instant();
  o.throughput.enforce = false;
  return o;
}

struct World {
  dynafake::ManualClock clock;
  dynafake::Service service{clock, Options()};
  dynafake::Client client{service};

  World(int items, int backups, bool deleteTable) {
    client.CreateTable(
        M::CreateTableRequest()
            .WithTableName("orders")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
    for (int i = 0; i < items; ++i)
      client.PutItem(M::PutItemRequest().WithTableName("orders").WithItem(
          {{"id", M::AttributeValue("item-" + std::to_string(i))}}));
    for (int b = 0; b < backups; ++b) {
      if (b % 1000 == 0) clock.Advance(std::chrono::seconds(1));  // spread over ~100 s, as a busy account would
      service.SeedBackup("orders", "orders$DeletedTableBackup", M::BackupType::SYSTEM);
    }
    // SYSTEM backups are usually of tables that are gone
    if (deleteTable) client.DeleteTable(M::DeleteTableRequest().WithTableName("orders"));
  }
};

void BM_Expire100kSystemBackupsInOneAdvance(benchmark::State& state) {
  const int backups = 100000;
  const int items = static_cast<int>(state.range(0));
  const bool deleteTable = state.range(1) != 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto world = std::make_unique<World>(items, backups, deleteTable);
    if (world->service.Stats().backups != static_cast<std::size_t>(backups)) {
      state.SkipWithError("setup did not create every backup");
      break;
    }
    state.ResumeTiming();

    world->clock.Advance(std::chrono::hours(24 * 35) + std::chrono::minutes(5));
    auto listed = world->client.ListBackups(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL));
    benchmark::DoNotOptimize(listed);

    state.PauseTiming();
    if (!listed.IsSuccess() || !listed.GetResult().GetBackupSummaries().empty() || world->service.Stats().backups != 0)
      state.SkipWithError("backups survived their expiry");
    world.reset();  // tearing down is not part of the measurement
    state.ResumeTiming();
  }
  state.counters["backups"] = backups;
  state.counters["expired_per_second"] = benchmark::Counter(backups, benchmark::Counter::kIsIterationInvariantRate);
}
// {items in the table, 1 = table deleted before the expiry}
BENCHMARK(BM_Expire100kSystemBackupsInOneAdvance)
    ->Args({10, 0})
    ->Args({10, 1})
    ->Args({1000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
