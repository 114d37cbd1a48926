// Exports: creating one costs the same whatever the table holds (O(1): it
// records the history and the cut); writing its files when it falls due is
// one pass over the items (the target: 1 M items in <= 2 s, Release).
//
// Setup (not timed): a Service with PITR on and `items` items of ~40 bytes.
// BM_CreateExport times ExportTableToPointInTime alone (2000 of them, still
// IN_PROGRESS: ListExports-free, the ClientToken scan is skipped without one).
// BM_FullExportFallsDue times the Advance and the one call that observes
// it, which renders manifest, gzip data file and checksums into the
// in-memory ObjectStore.
//
//   cmake -S . -B build-rel -DDYNAFAKE_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target bench_export_benchmark && build-rel/bench/bench_export_benchmark
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>

#include <dynafake/dynafake.hpp>

namespace {

namespace M = dynafake::Model;

dynafake::ServiceOptions Options() {
  auto o = dynafake::ServiceOptions::Instant();
  o.durations.exportTable = std::chrono::minutes(5);
  o.limits.concurrentExports = 0;  // creation is what is measured, not the quota
  o.throughput.enforce = false;    // the set-up writes up to a million items at one instant
  return o;
}

struct World {
  dynafake::ManualClock clock;
  dynafake::Service service{clock, Options()};
  dynafake::Client client{service};

  explicit World(int items) {
    client.CreateTable(
        M::CreateTableRequest()
            .WithTableName("orders")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
    client.UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
    for (int i = 0; i < items; ++i)
      client.PutItem(M::PutItemRequest().WithTableName("orders").WithItem(
          {{"id", M::AttributeValue("order-" + std::to_string(i))},
           {"quantity", M::AttributeValue().SetN(std::to_string(i % 100))},
           {"status", M::AttributeValue("shipped")}}));
    clock.Advance(std::chrono::hours(1));
  }
  M::ExportTableToPointInTimeRequest Request() const {
    return M::ExportTableToPointInTimeRequest().WithTableArn(service.TableArn("orders")).WithS3Bucket("bench");
  }
};

void BM_CreateExport(benchmark::State& state) {
  World w(static_cast<int>(state.range(0)));
  const auto request = w.Request();
  int made = 0;  // the exports stay IN_PROGRESS: the clock never reaches them
  for (auto _ : state) {
    auto out = w.client.ExportTableToPointInTime(request);
    benchmark::DoNotOptimize(out);
    ++made;
  }
  state.SetLabel(std::to_string(state.range(0)) + " items in the table, " + std::to_string(made) + " exports");
}
// A Release build measures the figures (1 M items); a Debug build (the
// tests' smoke run, under sanitizers) stays small enough to finish in seconds.
#ifdef NDEBUG
BENCHMARK(BM_CreateExport)->Arg(1)->Arg(10000)->Arg(1000000)->Unit(benchmark::kMicrosecond)->Iterations(2000);
#else
BENCHMARK(BM_CreateExport)->Arg(1)->Arg(1000)->Unit(benchmark::kMicrosecond)->Iterations(200);
#endif

void BM_FullExportFallsDue(benchmark::State& state) {
  const int items = static_cast<int>(state.range(0));
  World w(items);
  for (auto _ : state) {
    state.PauseTiming();
    auto out = w.client.ExportTableToPointInTime(w.Request());
    state.ResumeTiming();
    w.clock.Advance(std::chrono::minutes(5));
    auto done = w.client.DescribeExport(
        M::DescribeExportRequest().WithExportArn(out.GetResult().GetExportDescription().GetExportArn()));
    if (done.GetResult().GetExportDescription().GetItemCount() != items) state.SkipWithError("wrong item count");
  }
  state.SetItemsProcessed(state.iterations() * items);
}
#ifdef NDEBUG
BENCHMARK(BM_FullExportFallsDue)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);
#else
BENCHMARK(BM_FullExportFallsDue)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
#endif

}  // namespace
