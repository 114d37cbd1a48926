// dynafake — Throughput's definitions (see throughput.hpp).
#pragma once

#include <algorithm>  // std::min, std::max
#include <vector>     // std::vector

#include "dynafake/components/throughput.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

namespace throughput {
/// How fast one bucket fills and how much it holds.
struct Rate {
  double perSecond = 0;
  double capacity = 0;
};

/// A provisioned table's or index's: its capacity units a second, `burst` seconds of them.
inline Rate Provisioned(long long units, double burst) {
  const double rate = static_cast<double>(units);
  return {rate, rate * burst};
}

/// An on-demand table's or index's: its partition's limit or the table quota,
/// `burst` seconds of it; a maximum set with OnDemandThroughput that is lower
/// caps it at that many units a second, with no burst above it ("requests
/// that would exceed the limit receive quick throttle responses", Developer
/// Guide, "On-demand maximum throughput exceeded"). -1 (or unset) is no maximum.
inline Rate OnDemand(double partition, double quota, bool maxSet, long long max, double burst) {
  const double limit = std::min(partition, quota);
  if (maxSet && max > 0 && static_cast<double>(max) < limit)
    return {static_cast<double>(max), static_cast<double>(max)};
  return {limit, limit * burst};
}

/// One bucket a charge touches, and what it is charged.
struct Draw {
  TokenBucket* bucket;
  Rate rate;
  double units;
  bool index;
};
}  // namespace throughput

DYNAFAKE_IMPL std::optional<DynamoDBError> Throughput::Charge(TableRecord& t, const Consumed& units, bool write,
                                                              int64_t now) {
  const ThroughputPolicy& policy = options_->throughput;
  if (!Enforcing()) return std::nullopt;
  const double burst = std::max(1.0, policy.burstSeconds);
  const bool onDemand = Tables::BillingModeOf(t) == Model::BillingMode::PAY_PER_REQUEST;
  auto rateOf = [&](const Model::ProvisionedThroughputDescription& provisioned, bool hasMax,
                    const Model::OnDemandThroughput& max) {
    if (!onDemand)
      return throughput::Provisioned(write ? provisioned.GetWriteCapacityUnits() : provisioned.GetReadCapacityUnits(),
                                     burst);
    return write ? throughput::OnDemand(policy.partitionWriteUnits, policy.onDemandTableWriteUnits,
                                        hasMax && max.MaxWriteRequestUnitsHasBeenSet(), max.GetMaxWriteRequestUnits(),
                                        burst)
                 : throughput::OnDemand(policy.partitionReadUnits, policy.onDemandTableReadUnits,
                                        hasMax && max.MaxReadRequestUnitsHasBeenSet(), max.GetMaxReadRequestUnits(),
                                        burst);
  };

  // the table's bucket: the table's units and its local indexes'
  double tableUnits = units.table;
  for (const auto& kv : units.local) tableUnits += kv.second;
  throughput::Draw draws[1] = {
      {&t.buckets.table.For(write),
       rateOf(t.desc.GetProvisionedThroughput(), t.desc.OnDemandThroughputHasBeenSet(), t.desc.GetOnDemandThroughput()),
       tableUnits, false}};
  std::vector<throughput::Draw> indexes;
  for (const auto& kv : units.global) {
    for (const auto& g : t.gsis) {
      if (g.GetIndexName() != kv.first) continue;
      indexes.push_back(
          {&t.buckets.global[kv.first].For(write),
           rateOf(g.GetProvisionedThroughput(), g.OnDemandThroughputHasBeenSet(), g.GetOnDemandThroughput()), kv.second,
           true});
      break;
    }
  }
  // every bucket is brought up to date and asked before any is drawn from: a
  // refused charge consumes nothing and leaves the buckets as they were (a
  // failed call changes nothing, not even the buckets' bookkeeping)
  const TokenBucket tableWas = *draws[0].bucket;
  std::vector<TokenBucket> indexesWere;
  for (const auto& d : indexes) indexesWere.push_back(*d.bucket);
  std::optional<DynamoDBError> refused;
  auto ask = [&](throughput::Draw& d) {
    d.bucket->Refill(d.rate.perSecond, d.rate.capacity, now);
    if (refused || d.bucket->Admits(d.units, d.rate.capacity)) return;
    if (onDemand)
      refused = DynamoDBError(DynamoDBErrors::THROTTLING,
                              d.index ? msg::OnDemandIndexThrottled() : msg::OnDemandTableThrottled());
    else
      refused = DynamoDBError(DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED,
                              d.index ? msg::IndexThroughputExceeded() : msg::TableThroughputExceeded());
  };
  ask(draws[0]);
  for (auto& d : indexes) ask(d);
  if (refused) {
    *draws[0].bucket = tableWas;
    for (std::size_t i = 0; i < indexes.size(); ++i) *indexes[i].bucket = indexesWere[i];
    return refused;
  }
  draws[0].bucket->Take(draws[0].units);
  for (auto& d : indexes) d.bucket->Take(d.units);
  return std::nullopt;
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Throughput::Charge(const std::string& table, const Consumed& units,
                                                              bool write, int64_t now) {
  TableRecord* t = tables_->Find(table);
  if (!t) return std::nullopt;
  return Charge(*t, units, write, now);
}

}  // namespace detail
}  // namespace dynafake
