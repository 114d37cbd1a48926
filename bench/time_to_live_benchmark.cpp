// Time to Live: expiring a million items in one 7-day Advance, and what a
// call costs when deletions are pending but none is due.
//
// Setup (not timed): a Service with one table whose TTL is ENABLED and
// `items` items, each with a TTL attribute a day from now (every one is
// pending in the expiry queue). BM_ExpireInOneSevenDayAdvance times one
// ManualClock::Advance of 7 days and the one call that observes it, which
// deletes every item (the target: 1 M in <= 1 s, Release). BM_GetItemWith
// PendingExpiries times a GetItem with `pending` deletions queued and none
// due: the same cost whatever `pending` is (O(1): one comparison).
//
//   cmake -S . -B build-rel -DDYNAFAKE_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target bench_time_to_live_benchmark && build-rel/bench/bench_time_to_live_benchmark
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

  explicit World(int items) {
    client.CreateTable(
        M::CreateTableRequest()
            .WithTableName("sessions")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
    client.UpdateTimeToLive(
        M::UpdateTimeToLiveRequest()
            .WithTableName("sessions")
            .WithTimeToLiveSpecification(M::TimeToLiveSpecification().WithEnabled(true).WithAttributeName("expires")));
    const std::string tomorrow = std::to_string(dynafake::DateTime(clock.Now()).Seconds() + 86400);
    for (int i = 0; i < items; ++i)
      client.PutItem(M::PutItemRequest()
                         .WithTableName("sessions")
                         .WithItem({{"id", M::AttributeValue("session-" + std::to_string(i))},
                                    {"expires", M::AttributeValue().SetN(tomorrow)}}));
  }
  int Count() { return client.Scan(M::ScanRequest().WithTableName("sessions")).GetResult().GetCount(); }
};

void BM_ExpireInOneSevenDayAdvance(benchmark::State& state) {
  const int items = static_cast<int>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    auto world = std::make_unique<World>(items);
    state.ResumeTiming();

    world->clock.Advance(std::chrono::hours(24 * 7));
    auto got = world->client.GetItem(
        M::GetItemRequest().WithTableName("sessions").WithKey({{"id", M::AttributeValue("session-0")}}));
    benchmark::DoNotOptimize(got);

    state.PauseTiming();
    if (!got.IsSuccess() || !got.GetResult().GetItem().empty() || world->Count() != 0)
      state.SkipWithError("items survived their expiry");
    world.reset();  // tearing down is not part of the measurement
    state.ResumeTiming();
  }
  state.counters["items"] = items;
  state.counters["expired_per_second"] = benchmark::Counter(items, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_GetItemWithPendingExpiries(benchmark::State& state) {
  World world(static_cast<int>(state.range(0)));
  const M::GetItemRequest get =
      M::GetItemRequest().WithTableName("sessions").WithKey({{"id", M::AttributeValue("session-0")}});
  for (auto _ : state) {
    auto got = world.client.GetItem(get);
    benchmark::DoNotOptimize(got);
  }
  state.counters["pending"] = static_cast<double>(state.range(0));
}

// A Release build measures the figure (1 M items); a Debug build (the
// tests' smoke run) stays small enough to finish in seconds.
#ifdef NDEBUG
BENCHMARK(BM_ExpireInOneSevenDayAdvance)->Arg(10000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_GetItemWithPendingExpiries)->Arg(1)->Arg(1000)->Arg(1000000);
#else
BENCHMARK(BM_ExpireInOneSevenDayAdvance)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_GetItemWithPendingExpiries)->Arg(1)->Arg(1000);
#endif

}  // namespace
