// dynafake — state snapshots: a whole Service saved to JSON and loaded back,
// so a fixture file can start a test in a prepared world.
//
//   std::string json = dynafake::SaveState(service);
//   dynafake::LoadState(other, json);   // tables, items and their history,
//                                       // backups, PITR, pending transitions, clock
//
// Saving, loading and saving again gives the same bytes. Fault rules and
// rate-limit windows are not part of a snapshot.
#pragma once

#include <algorithm>    // std::sort
#include <cmath>        // std::abs
#include <cstdint>      // int64_t, uint64_t
#include <limits>       // std::numeric_limits
#include <map>          // std::map
#include <memory>       // std::shared_ptr
#include <stdexcept>    // std::invalid_argument
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_signed
#include <vector>       // std::vector

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/components/components.hpp"        // what a Service holds
#include "dynafake/detail/requests/item_checks.hpp"  // kMaxItemBytes
#include "dynafake/service.hpp"                      // Service
#include "dynafake/wire/generated/serializers.hpp"   // ToJson / FromJson for model types

namespace dynafake {

namespace detail {

/// The only code that reads and writes a Service's private state.
struct StateAccess {
  using Json = nlohmann::json;
  static constexpr const char* kFormat = "dynafake-state";
  static constexpr int kVersion = 1;
  /// The largest item count or byte total a snapshot may hold (2^53): far from int64's limit.
  static constexpr int64_t kMaxTotal = int64_t{1} << 53;

  static Json KeyDefJson(const KeyDef& k) {
    Json j = Json::object();
    j["hash"] = k.hash;
    j["hashType"] = Model::ScalarAttributeTypeMapper::GetNameForScalarAttributeType(k.hashType);
    if (!k.range.empty()) {
      j["range"] = k.range;
      j["rangeType"] = Model::ScalarAttributeTypeMapper::GetNameForScalarAttributeType(k.rangeType);
    }
    return j;
  }
  static KeyDef KeyDefFrom(const Json& j) {
    KeyDef k;
    k.hash = j.at("hash").get<std::string>();
    k.hashType = Model::ScalarAttributeTypeMapper::GetScalarAttributeTypeForName(j.at("hashType").get<std::string>());
    if (j.contains("range")) {
      k.range = j.at("range").get<std::string>();
      k.rangeType =
          Model::ScalarAttributeTypeMapper::GetScalarAttributeTypeForName(j.at("rangeType").get<std::string>());
    }
    return k;
  }

  // A table's capacity (Throughput): the buckets that have been drawn from, and
  // the throughput decreases of the day, so that a loaded state throttles as
  // the saved one would have.
  static Json BucketJson(const TokenBucket& b) { return {{"tokens", b.tokens}, {"atMs", b.atMs}}; }
  static TokenBucket BucketFrom(const Json& j) {
    TokenBucket b;
    const Json& tokens = j.at("tokens");
    if (!tokens.is_number() || !(std::abs(tokens.get<double>()) < 1e300))
      throw std::invalid_argument("LoadState: malformed snapshot: " + tokens.dump() + " is not a number of units");
    b.tokens = tokens.get<double>();
    b.atMs = Instant(j.at("atMs"));
    b.started = true;
    return b;
  }
  static Json CapacityJson(const CapacityBuckets& c) {
    Json j = Json::object();
    if (c.read.started) j["read"] = BucketJson(c.read);
    if (c.write.started) j["write"] = BucketJson(c.write);
    return j;
  }
  static CapacityBuckets CapacityFrom(const Json& j) {
    CapacityBuckets c;
    if (j.contains("read")) c.read = BucketFrom(j.at("read"));
    if (j.contains("write")) c.write = BucketFrom(j.at("write"));
    return c;
  }
  static Json ThroughputJson(const TableRecord& t) {
    Json j = Json::object();
    j["table"] = CapacityJson(t.buckets.table);
    Json global = Json::object();
    for (const auto& kv : t.buckets.global)  // an index not yet drawn from has full buckets: nothing to keep
      if (kv.second.read.started || kv.second.write.started) global[kv.first] = CapacityJson(kv.second);
    j["globalSecondaryIndexes"] = std::move(global);
    j["decreases"] = {{"day", t.decreaseDay}, {"today", t.decreasesToday}, {"lastMs", t.lastDecreaseMs}};
    return j;
  }
  static void ThroughputFrom(const Json& j, TableRecord& t) {
    t.buckets.table = CapacityFrom(j.at("table"));
    const Json& global = j.at("globalSecondaryIndexes");
    if (!global.is_object()) throw std::invalid_argument("LoadState: malformed snapshot: " + global.dump());
    for (const auto& kv : global.items()) t.buckets.global[kv.key()] = CapacityFrom(kv.value());
    const Json& d = j.at("decreases");
    t.decreaseDay = Between<int64_t>(d.at("day"), -(int64_t{1} << 40), int64_t{1} << 40);
    t.decreasesToday = Between<int>(d.at("today"), 0, 1000);
    t.lastDecreaseMs = Instant(d.at("lastMs"));
  }

  template <class T>
  static Json List(const std::vector<T>& v) {
    Json a = Json::array();
    for (const auto& e : v) a.push_back(wire::ToJson(e));
    return a;
  }
  template <class T>
  static std::vector<T> ListFrom(const Json& j, const std::string& path) {
    std::vector<T> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
      T e;
      wire::FromJson(j.at(i), e, path);
      out.push_back(std::move(e));
    }
    return out;
  }
  template <class T>
  static T One(const Json& j, const std::string& path) {
    T e;
    wire::FromJson(j, e, path);
    return e;
  }

  static Json ItemJson(const Item& item) {
    Json j = Json::object();
    for (const auto& kv : item) j[kv.first] = wire::ToJson(kv.second);
    return j;
  }
  static Item ItemFrom(const Json& j) {
    Item item;
    for (auto it = j.begin(); it != j.end(); ++it)
      item.emplace(it.key(), One<Model::AttributeValue>(it.value(), it.key()));
    return item;
  }

  static Json HistoryJson(const History& h) {
    Json keys = Json::object();
    for (const auto& kv : h.Keys()) {
      Json versions = Json::array();
      for (const auto& v : kv.second) {
        Json e = {{"at", v.atMs}, {"seq", v.seq}, {"size", v.sizeBytes}};
        if (v.deleted) {
          e["deleted"] = true;
          if (v.expired) e["expired"] = true;  // deleted by Time to Live
        } else
          e["item"] = ItemJson(v.item);
        versions.push_back(std::move(e));
      }
      keys[kv.first] = std::move(versions);
    }
    Json totals = Json::array();
    for (const auto& t : h.TotalsLog()) totals.push_back(Json::array({t.atMs, t.seq, t.items, t.bytes}));
    return Json{{"lastSeq", h.LastSeq()}, {"keys", std::move(keys)}, {"totals", std::move(totals)}};
  }
  static std::shared_ptr<History> HistoryFrom(const Json& j) {
    std::map<std::string, std::vector<Version>> keys;
    for (auto it = j.at("keys").begin(); it != j.at("keys").end(); ++it) {
      auto& versions = keys[it.key()];
      for (const auto& e : it.value()) {
        Version v;
        v.atMs = Instant(e.at("at"));
        v.seq = Whole<uint64_t>(e.at("seq"));
        v.sizeBytes = Between<int64_t>(e.at("size"), 0, kMaxItemBytes);
        v.deleted = e.value("deleted", false);
        v.expired = v.deleted && e.value("expired", false);
        if (!v.deleted) v.item = ItemFrom(e.at("item"));
        versions.push_back(std::move(v));
      }
    }
    std::vector<Totals> totals;
    for (const auto& t : j.at("totals"))
      totals.push_back(Totals{Instant(t.at(0)), Whole<uint64_t>(t.at(1)), Between<int64_t>(t.at(2), 0, kMaxTotal),
                              Between<int64_t>(t.at(3), 0, kMaxTotal)});
    auto h = std::make_shared<History>();
    h->Restore(std::move(keys), std::move(totals), Whole<uint64_t>(j.at("lastSeq")));
    return h;
  }

  static const char* EventName(EventKind k) {
    switch (k) {
      case EventKind::TableSettled:
        return "TableSettled";
      case EventKind::TableGone:
        return "TableGone";
      case EventKind::BackupAvailable:
        return "BackupAvailable";
      case EventKind::BackupExpired:
        return "BackupExpired";
    }
    return "";
  }
  static EventKind EventFrom(const std::string& name) {
    if (name == "TableSettled") return EventKind::TableSettled;
    if (name == "TableGone") return EventKind::TableGone;
    if (name == "BackupAvailable") return EventKind::BackupAvailable;
    if (name == "BackupExpired") return EventKind::BackupExpired;
    throw std::invalid_argument("unknown pending transition '" + name + "'");
  }

  static std::string Save(Service& s) {
    std::lock_guard<std::mutex> lock(s.mu_);
    const int64_t now = s.NowMs();
    Components& c = *s.components_;
    c.ApplyDue(now);
    // histories are shared between a table and its backups: number them in order of first use
    std::map<const History*, std::size_t> ids;
    Json histories = Json::array();
    auto idOf = [&](const std::shared_ptr<History>& h) {
      auto it = ids.find(h.get());
      if (it != ids.end()) return it->second;
      const std::size_t id = ids.size();
      ids.emplace(h.get(), id);
      histories.push_back(HistoryJson(*h));
      return id;
    };
    Json tables = Json::array();
    for (const auto& kv : c.tables.All()) {
      const TableRecord& t = kv.second;
      const PitrSettings& pitr = c.continuous.Of(kv.first);
      auto creating = c.backups.CreatingIndex().find(kv.first);
      Json j;
      j["description"] = wire::ToJson(t.desc);
      j["tags"] = List(t.tags);
      j["globalSecondaryIndexes"] = List(t.gsis);
      j["key"] = KeyDefJson(t.key);
      j["status"] = Model::TableStatusMapper::GetNameForTableStatus(t.status);
      j["createdMs"] = t.createdMs;
      j["statusUntilMs"] = t.statusUntilMs;
      j["generation"] = t.generation;
      j["pitr"] = {
          {"enabled", pitr.enabled}, {"sinceMs", pitr.sinceMs}, {"recoveryPeriodInDays", pitr.recoveryPeriodDays}};
      j["timeToLive"] = {{"enabled", t.ttlEnabled}, {"attributeName", t.ttlAttribute}, {"settledMs", t.ttlSettledMs}};
      if (t.ttlChanged) j["timeToLive"]["changedMs"] = t.ttlChangedMs;
      j["restoring"] = t.restoring;
      j["restoreSourceBackup"] = t.restoreSourceBackup;
      j["history"] = idOf(t.items.history);
      j["writesSinceCompaction"] = t.items.writesSinceCompaction;
      j["throughput"] = ThroughputJson(t);
      j["creatingUserBackups"] =
          creating == c.backups.CreatingIndex().end() ? std::vector<std::string>() : creating->second;
      tables.push_back(std::move(j));
    }
    Json backups = Json::array();
    for (const BackupState& b : c.backups.States()) {  // in ARN order
      Json j;
      j["details"] = wire::ToJson(b.details);
      j["source"] = wire::ToJson(b.source);
      j["features"] = wire::ToJson(b.features);
      j["attributeDefinitions"] = List(b.attributeDefinitions);
      j["key"] = KeyDefJson(b.key);
      j["tableName"] = b.tableName;
      j["cutMs"] = b.cutMs;
      j["cutSeq"] = b.cutSeq;
      j["availableAtMs"] = b.availableAtMs;
      j["history"] = idOf(b.history);
      backups.push_back(std::move(j));
    }
    // exports and imports: their records (the files are the ObjectStore's, which the test owns, and not saved)
    Json exports = Json::array();
    for (const ExportRecord* e : c.exports.InOrder()) {
      Json j{{"arn", e->arn},
             {"id", e->id},
             {"tableArn", e->tableArn},
             {"tableId", e->tableId},
             {"request", wire::ToJson(e->request)},
             {"exportMs", e->exportMs},
             {"cutSeq", e->cutSeq},
             {"fromMs", e->fromMs},
             {"startMs", e->startMs},
             {"endMs", e->endMs},
             {"dataFileName", e->dataFileName},
             {"rendered", e->rendered},
             {"itemCount", e->itemCount},
             {"billedBytes", e->billedBytes},
             {"failureCode", e->failureCode},
             {"failureMessage", e->failureMessage}};
      if (!e->rendered && e->history) j["history"] = idOf(e->history);
      exports.push_back(std::move(j));
    }
    Json imports = Json::array();
    for (const ImportRecord* e : c.imports.InOrder())
      imports.push_back({{"arn", e->arn},
                         {"tableArn", e->tableArn},
                         {"tableId", e->tableId},
                         {"tableName", e->tableName},
                         {"request", wire::ToJson(e->request)},
                         {"startMs", e->startMs},
                         {"endMs", e->endMs},
                         {"processedBytes", e->processedBytes},
                         {"processedItems", e->processedItems},
                         {"importedItems", e->importedItems},
                         {"errors", e->errors},
                         {"failureCode", e->failureCode},
                         {"failureMessage", e->failureMessage}});
    Json events = Json::array();
    for (const Event& e : c.timeline.All())
      events.push_back(
          {{"at", e.atMs}, {"seq", e.seq}, {"kind", EventName(e.kind)}, {"key", e.key}, {"generation", e.generation}});
    const ServiceOptions& o = s.options_;
    Json root;
    root["format"] = kFormat;
    root["version"] = kVersion;
    root["clock"] = {{"ms", now}, {"iso", DateTime(now).ToIso8601()}};
    root["account"] = {{"accountId", o.accountId}, {"region", o.region}, {"partition", o.partition}};
    root["random"] = c.identity.RandomState();
    root["eventSeq"] = c.timeline.Sequence();
    root["histories"] = std::move(histories);
    root["tables"] = std::move(tables);
    root["backups"] = std::move(backups);
    root["pendingTransitions"] = std::move(events);
    if (!exports.empty()) root["exports"] = std::move(exports);
    if (!imports.empty()) root["imports"] = std::move(imports);
    return root.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
  }

  /// A snapshot's whole number as T, or std::invalid_argument: a fraction or a value out of T's range is refused
  /// (found by fuzz_load_state: 3.4e96 read as an index was undefined behaviour, not an error).
  template <class T>
  static T Whole(const Json& j) {
    if (j.is_number_unsigned()) {
      const uint64_t v = j.get<uint64_t>();
      if (v <= static_cast<uint64_t>(std::numeric_limits<T>::max())) return static_cast<T>(v);
    } else if (j.is_number_integer()) {
      const int64_t v = j.get<int64_t>();
      if (std::is_signed<T>::value ? (v >= static_cast<int64_t>(std::numeric_limits<T>::min()) &&
                                      v <= static_cast<int64_t>(std::numeric_limits<T>::max()))
                                   : v >= 0)
        return static_cast<T>(v);
    }
    throw std::invalid_argument("LoadState: malformed snapshot: " + j.dump() + " is not a whole number in range");
  }
  /// A snapshot's whole number within [lo, hi]: counts and sizes the service adds to or multiplies stay far from
  /// int64's limits, so a hand-edited snapshot cannot make later arithmetic overflow.
  template <class T>
  static T Between(const Json& j, T lo, T hi) {
    const T v = Whole<T>(j);
    if (v < lo || v > hi)
      throw std::invalid_argument("LoadState: malformed snapshot: " + j.dump() + " is not between " +
                                  std::to_string(lo) + " and " + std::to_string(hi));
    return v;
  }
  /// A snapshot's instant (milliseconds since 1970): a whole number a clock can hold (found by fuzz_load_state:
  /// a clock time near the int64 limit overflowed the conversion to nanoseconds; instants that far out would
  /// overflow the service's own arithmetic, e.g. a backup's expiry, as well).
  static int64_t Instant(const Json& j) {
    const auto ms = Whole<int64_t>(j);
    if (!DateTime(ms).FitsTimePoint())
      throw std::invalid_argument(
          "LoadState: malformed snapshot: " + j.dump() + " ms is outside the instants a clock can hold (" +
          DateTime(kFirstTimePointMillis).ToIso8601() + " to " + DateTime(kLastTimePointMillis).ToIso8601() + ")");
    return ms;
  }

  static void Load(Service& s, std::string_view text) {
    Json root = Json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) throw std::invalid_argument("LoadState: not a JSON object");
    // Members of the wrong JSON type are refused like wrong values (found by fuzz_load_state: "format": 1 threw
    // nlohmann's type_error instead of the documented std::invalid_argument).
    const auto format = root.find("format");
    if (format == root.end() || !format->is_string() || format->get_ref<const std::string&>() != kFormat)
      throw std::invalid_argument("LoadState: not a dynafake state snapshot (\"format\" is not \"dynafake-state\")");
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer() || version->get<int64_t>() != kVersion)
      throw std::invalid_argument("LoadState: unsupported snapshot version " +
                                  (version == root.end() ? std::string("(none)") : version->dump()));
    try {
      // build everything first: a snapshot that fails to load changes nothing
      std::vector<std::shared_ptr<History>> histories;
      for (const auto& h : root.at("histories")) histories.push_back(HistoryFrom(h));
      auto history = [&](const Json& id) {
        const auto i = Whole<std::size_t>(id);
        if (i >= histories.size())
          throw std::invalid_argument("LoadState: history " + std::to_string(i) + " does not exist");
        return histories[i];
      };
      std::map<std::string, TableRecord> tables;
      std::map<std::string, PitrSettings> pitr;
      std::map<std::string, std::vector<std::string>> creating;
      for (const auto& j : root.at("tables")) {
        TableRecord t;
        t.desc = One<Model::TableDescription>(j.at("description"), "description");
        t.tags = ListFrom<Model::Tag>(j.at("tags"), "tags");
        t.gsis =
            ListFrom<Model::GlobalSecondaryIndexDescription>(j.at("globalSecondaryIndexes"), "globalSecondaryIndexes");
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
        t.items.history = history(j.at("history"));
        t.items.writesSinceCompaction = Whole<uint64_t>(j.at("writesSinceCompaction"));
        // snapshots written before throughput was enforced have none: full buckets, no decreases
        if (j.contains("throughput")) ThroughputFrom(j.at("throughput"), t);
        const std::string name = t.desc.GetTableName();
        PitrSettings& p = pitr[name];
        p.enabled = j.at("pitr").at("enabled").get<bool>();
        p.sinceMs = Instant(j.at("pitr").at("sinceMs"));
        p.recoveryPeriodDays = Between<int>(j.at("pitr").at("recoveryPeriodInDays"), 1, 35);
        creating[name] = j.at("creatingUserBackups").get<std::vector<std::string>>();
        tables.emplace(name, std::move(t));
      }
      std::vector<BackupState> backups;
      for (const auto& j : root.at("backups")) {
        BackupState b;
        b.details = One<Model::BackupDetails>(j.at("details"), "details");
        b.source = One<Model::SourceTableDetails>(j.at("source"), "source");
        b.features = One<Model::SourceTableFeatureDetails>(j.at("features"), "features");
        b.attributeDefinitions =
            ListFrom<Model::AttributeDefinition>(j.at("attributeDefinitions"), "attributeDefinitions");
        b.key = KeyDefFrom(j.at("key"));
        b.tableName = j.at("tableName").get<std::string>();
        b.cutMs = Instant(j.at("cutMs"));
        b.cutSeq = Whole<uint64_t>(j.at("cutSeq"));
        b.availableAtMs = Instant(j.at("availableAtMs"));
        b.history = history(j.at("history"));
        backups.push_back(std::move(b));
      }
      std::vector<Event> events;
      for (const auto& e : root.at("pendingTransitions"))
        events.push_back(Event{Instant(e.at("at")), Whole<uint64_t>(e.at("seq")),
                               EventFrom(e.at("kind").get<std::string>()), e.at("key").get<std::string>(),
                               Whole<uint64_t>(e.at("generation"))});
      // exports and imports (snapshots without them have none)
      constexpr int64_t kCount = int64_t(1) << 50;
      std::vector<ExportRecord> exports;
      if (root.contains("exports"))
        for (const auto& j : root.at("exports")) {
          ExportRecord e;
          e.arn = j.at("arn").get<std::string>();
          e.id = j.at("id").get<std::string>();
          e.tableArn = j.at("tableArn").get<std::string>();
          e.tableId = j.at("tableId").get<std::string>();
          e.request = One<Model::ExportTableToPointInTimeRequest>(j.at("request"), "request");
          e.exportMs = Instant(j.at("exportMs"));
          e.cutSeq = Whole<uint64_t>(j.at("cutSeq"));
          e.fromMs = Instant(j.at("fromMs"));
          e.startMs = Instant(j.at("startMs"));
          e.endMs = Instant(j.at("endMs"));
          e.dataFileName = j.at("dataFileName").get<std::string>();
          e.rendered = j.at("rendered").get<bool>();
          e.itemCount = Between<int64_t>(j.at("itemCount"), 0, kCount);
          e.billedBytes = Between<int64_t>(j.at("billedBytes"), 0, kCount);
          e.failureCode = j.at("failureCode").get<std::string>();
          e.failureMessage = j.at("failureMessage").get<std::string>();
          if (!e.rendered) {
            if (!j.contains("history"))
              throw std::invalid_argument("LoadState: export " + e.arn + " is not written yet and names no history");
            e.history = history(j.at("history"));
          }
          for (const auto& other : exports)
            if (other.arn == e.arn) throw std::invalid_argument("LoadState: export " + e.arn + " appears twice");
          exports.push_back(std::move(e));
        }
      std::vector<ImportRecord> imports;
      if (root.contains("imports"))
        for (const auto& j : root.at("imports")) {
          ImportRecord e;
          e.arn = j.at("arn").get<std::string>();
          e.tableArn = j.at("tableArn").get<std::string>();
          e.tableId = j.at("tableId").get<std::string>();
          e.tableName = j.at("tableName").get<std::string>();
          e.request = One<Model::ImportTableRequest>(j.at("request"), "request");
          e.startMs = Instant(j.at("startMs"));
          e.endMs = Instant(j.at("endMs"));
          e.processedBytes = Between<int64_t>(j.at("processedBytes"), 0, kCount);
          e.processedItems = Between<int64_t>(j.at("processedItems"), 0, kCount);
          e.importedItems = Between<int64_t>(j.at("importedItems"), 0, kCount);
          e.errors = Between<int64_t>(j.at("errors"), 0, kCount);
          e.failureCode = j.at("failureCode").get<std::string>();
          e.failureMessage = j.at("failureMessage").get<std::string>();
          for (const auto& other : imports)
            if (other.arn == e.arn) throw std::invalid_argument("LoadState: import " + e.arn + " appears twice");
          imports.push_back(std::move(e));
        }
      const int64_t savedAt = Instant(root.at("clock").at("ms"));
      const uint64_t random = Whole<uint64_t>(root.at("random"));
      const uint64_t eventSeq = Whole<uint64_t>(root.at("eventSeq"));

      std::lock_guard<std::mutex> lock(s.mu_);
      if (AdjustableClock* clock = s.clock_->Adjustable()) {
        const TimePoint saved = DateTime(savedAt).UnderlyingTimestamp();
        if (saved < clock->Now())
          throw std::invalid_argument("LoadState: the snapshot was saved at " + DateTime(savedAt).ToIso8601() +
                                      " but the clock is already at " + DateTime(clock->Now()).ToIso8601() +
                                      "; an adjustable clock cannot move backwards");
        clock->Set(saved);
      }
      Components& c = *s.components_;
      c.tables.Replace(std::move(tables));
      c.continuous.Replace(std::move(pitr));
      c.backups.Replace(std::move(backups), std::move(creating));
      c.timeline.Restore(events, eventSeq);
      c.exports.Replace(std::move(exports));
      c.imports.Replace(std::move(imports));
      c.identity.SetRandomState(random);
      c.quotas.Clear();
      c.timeToLive.Reindex(s.NowMs());  // pending TTL deletions follow from the items; they are not saved
    } catch (const nlohmann::json::exception& e) {
      throw std::invalid_argument(std::string("LoadState: malformed snapshot: ") + e.what());
    } catch (const wire::DecodeError& e) {
      throw std::invalid_argument(std::string("LoadState: malformed snapshot: ") + e.what());
    }
  }
};

}  // namespace detail

/// The whole state of `service` as JSON: tables, items with their history,
/// backups, PITR settings, pending transitions and the clock's time.
/// Due transitions are applied first (observing a Service applies them, as
/// every call does; hence a non-const Service). Fault rules are not saved.
inline std::string SaveState(Service& service) { return detail::StateAccess::Save(service); }

/// Replaces the state of `service` with a snapshot from SaveState. An
/// adjustable clock (a ManualClock) is moved forward to the snapshot's time (a
/// snapshot older than the clock is refused). Throws std::invalid_argument, changing nothing, when
/// `json` is not a valid snapshot. Fault rules are left as they are.
inline void LoadState(Service& service, std::string_view json) { detail::StateAccess::Load(service, json); }

}  // namespace dynafake
