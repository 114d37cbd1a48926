// dynafake — a table in a snapshot (Tables::State's TableRecord): its
// description, tags, indexes, key, status, Time to Live setting, items (a
// history's number) and capacity. See dynafake/wire/snapshot.hpp.
#pragma once

#include <cmath>    // std::abs
#include <cstdint>  // int64_t, uint64_t
#include <string>   // std::string

#include "dynafake/components/tables.hpp"            // TableRecord
#include "dynafake/detail/storage/token_bucket.hpp"  // TokenBucket, CapacityBuckets
#include "dynafake/wire/snapshot/common.hpp"         // Json, Whole, Between, Instant, List
#include "dynafake/wire/snapshot/histories.hpp"      // HistoryNumbers, LoadedHistories

namespace dynafake {
namespace wire {
namespace snapshot {

// A table's capacity (Throughput): the buckets that have been drawn from, and
// the throughput decreases of the day, so that a loaded state throttles as
// the saved one would have.
inline Json BucketJson(const core::TokenBucket& b) { return {{"tokens", b.tokens}, {"atMs", b.atMs}}; }
inline core::TokenBucket BucketFrom(const Json& j) {
  core::TokenBucket b;
  const Json& tokens = j.at("tokens");
  if (!tokens.is_number() || !(std::abs(tokens.get<double>()) < 1e300))
    throw std::invalid_argument("LoadState: malformed snapshot: " + tokens.dump() + " is not a number of units");
  b.tokens = tokens.get<double>();
  b.atMs = Instant(j.at("atMs"));
  b.started = true;
  return b;
}
inline Json CapacityJson(const core::CapacityBuckets& c) {
  Json j = Json::object();
  if (c.read.started) j["read"] = BucketJson(c.read);
  if (c.write.started) j["write"] = BucketJson(c.write);
  return j;
}
inline core::CapacityBuckets CapacityFrom(const Json& j) {
  core::CapacityBuckets c;
  if (j.contains("read")) c.read = BucketFrom(j.at("read"));
  if (j.contains("write")) c.write = BucketFrom(j.at("write"));
  return c;
}
inline Json ThroughputJson(const core::TableRecord& t) {
  Json j = Json::object();
  j["table"] = CapacityJson(t.buckets.table);
  Json global = Json::object();
  for (const auto& kv : t.buckets.global)  // an index not yet drawn from has full buckets: nothing to keep
    if (kv.second.read.started || kv.second.write.started) global[kv.first] = CapacityJson(kv.second);
  j["globalSecondaryIndexes"] = std::move(global);
  j["decreases"] = {{"day", t.decreaseDay}, {"today", t.decreasesToday}, {"lastMs", t.lastDecreaseMs}};
  return j;
}
inline void ThroughputFrom(const Json& j, core::TableRecord& t) {
  t.buckets.table = CapacityFrom(j.at("table"));
  const Json& global = j.at("globalSecondaryIndexes");
  if (!global.is_object()) throw std::invalid_argument("LoadState: malformed snapshot: " + global.dump());
  for (const auto& kv : global.items()) t.buckets.global[kv.key()] = CapacityFrom(kv.value());
  const Json& d = j.at("decreases");
  t.decreaseDay = Between<int64_t>(d.at("day"), -(int64_t{1} << 40), int64_t{1} << 40);
  t.decreasesToday = Between<int>(d.at("today"), 0, 1000);
  t.lastDecreaseMs = Instant(d.at("lastMs"));
}

/// A table's own members of its snapshot object (the point-in-time recovery
/// settings and the USER backups still being created, which the same object
/// holds, are ContinuousBackups' and Backups').
inline Json TableJson(const core::TableRecord& t, HistoryNumbers& histories) {
  Json j;
  j["description"] = ToJson(t.desc);
  j["tags"] = List(t.tags);
  j["globalSecondaryIndexes"] = List(t.gsis);
  j["key"] = KeyDefJson(t.key);
  j["status"] = Model::TableStatusMapper::GetNameForTableStatus(t.status);
  j["createdMs"] = t.createdMs;
  j["statusUntilMs"] = t.statusUntilMs;
  j["generation"] = t.generation;
  j["timeToLive"] = {{"enabled", t.ttlEnabled}, {"attributeName", t.ttlAttribute}, {"settledMs", t.ttlSettledMs}};
  if (t.ttlChanged) j["timeToLive"]["changedMs"] = t.ttlChangedMs;
  j["restoring"] = t.restoring;
  j["restoreSourceBackup"] = t.restoreSourceBackup;
  j["history"] = histories.Of(t.items.history);
  j["writesSinceCompaction"] = t.items.writesSinceCompaction;
  j["throughput"] = ThroughputJson(t);
  return j;
}

inline core::TableRecord TableFrom(const Json& j, const LoadedHistories& histories) {
  core::TableRecord t;
  t.desc = One<Model::TableDescription>(j.at("description"), "description");
  t.tags = ListFrom<Model::Tag>(j.at("tags"), "tags");
  t.gsis = ListFrom<Model::GlobalSecondaryIndexDescription>(j.at("globalSecondaryIndexes"), "globalSecondaryIndexes");
  t.key = KeyDefFrom(j.at("key"));
  t.status = Model::TableStatusMapper::GetTableStatusForName(j.at("status").get<std::string>());
  t.createdMs = Instant(j.at("createdMs"));
  t.statusUntilMs = Instant(j.at("statusUntilMs"));
  t.generation = Whole<uint64_t>(j.at("generation"));
  if (j.contains("timeToLive")) {  // snapshots written before TTL was modelled have none: disabled
    t.ttlEnabled = j.at("timeToLive").at("enabled").get<bool>();
    t.ttlAttribute = j.at("timeToLive").at("attributeName").get<std::string>();
    // snapshots written before TTL changes took time have neither: settled, never changed
    if (j.at("timeToLive").contains("settledMs")) t.ttlSettledMs = Instant(j.at("timeToLive").at("settledMs"));
    if (j.at("timeToLive").contains("changedMs")) {
      t.ttlChanged = true;
      t.ttlChangedMs = Instant(j.at("timeToLive").at("changedMs"));
    }
  }
  t.restoring = j.at("restoring").get<bool>();
  t.restoreSourceBackup = j.at("restoreSourceBackup").get<std::string>();
  t.items.history = histories.At(j.at("history"));
  t.items.writesSinceCompaction = Whole<uint64_t>(j.at("writesSinceCompaction"));
  // snapshots written before throughput was enforced have none: full buckets, no decreases
  if (j.contains("throughput")) ThroughputFrom(j.at("throughput"), t);
  return t;
}

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
