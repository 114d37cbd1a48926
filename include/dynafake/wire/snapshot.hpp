// dynafake — state snapshots: a whole Service saved to JSON and loaded back,
// so a fixture file can start a test in a prepared world.
//
//   std::string json = dynafake::SaveState(service);
//   dynafake::LoadState(other, json);   // tables, items and their history,
//                                       // backups, PITR, pending transitions, clock
//
// Saving, loading and saving again gives the same bytes. Fault rules and
// rate-limit windows are not part of a snapshot.
//
// Each component saves and loads its own state (Service::SaveState and
// LoadState, dynafake/components/saved_state.hpp); this header writes that
// state as one JSON object, each component's part mapped by its own header in
// dynafake/wire/snapshot/ (tables, continuous_backups, backups, timeline,
// exports, imports, identity; the item histories they share, histories).
#pragma once

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/components/saved_state.hpp"            // SavedState
#include "dynafake/date_time.hpp"                         // DateTime
#include "dynafake/service.hpp"                           // Service
#include "dynafake/wire/decode_error.hpp"                 // DecodeError
#include "dynafake/wire/snapshot/backups.hpp"             // BackupJson, CreatingJson
#include "dynafake/wire/snapshot/common.hpp"              // Json, Whole, Instant
#include "dynafake/wire/snapshot/continuous_backups.hpp"  // PitrJson
#include "dynafake/wire/snapshot/exports.hpp"             // ExportJson
#include "dynafake/wire/snapshot/histories.hpp"           // HistoryNumbers, LoadedHistories
#include "dynafake/wire/snapshot/identity.hpp"            // AccountJson, RandomJson
#include "dynafake/wire/snapshot/imports.hpp"             // ImportJson
#include "dynafake/wire/snapshot/tables.hpp"              // TableJson
#include "dynafake/wire/snapshot/timeline.hpp"            // EventsJson

namespace dynafake {

namespace wire {
namespace snapshot {

constexpr const char* kFormat = "dynafake-state";
constexpr int kVersion = 1;

/// A SavedState as the snapshot's JSON text. Item histories are numbered in
/// order of first use: the tables' (by name), the backups' (by ARN), the exports'.
inline std::string Write(const core::SavedState& s, const ServiceOptions& options) {
  HistoryNumbers histories;
  static const core::PitrSettings kPitrDisabled;
  Json tables = Json::array();
  for (const auto& kv : s.tables.tables) {
    Json j = TableJson(kv.second, histories);
    auto pitr = s.continuous.tables.find(kv.first);
    j["pitr"] = PitrJson(pitr == s.continuous.tables.end() ? kPitrDisabled : pitr->second);
    j["creatingUserBackups"] = CreatingJson(s.backups, kv.first);
    tables.push_back(std::move(j));
  }
  Json backups = Json::array();
  for (const core::BackupState& b : s.backups.backups) backups.push_back(BackupJson(b, histories));
  Json exports = Json::array();
  for (const core::ExportRecord& e : s.exports.exports) exports.push_back(ExportJson(e, histories));
  Json imports = Json::array();
  for (const core::ImportRecord& e : s.imports.imports) imports.push_back(ImportJson(e));
  Json root;
  root["format"] = kFormat;
  root["version"] = kVersion;
  root["clock"] = {{"ms", s.savedAtMs}, {"iso", DateTime(s.savedAtMs).ToIso8601()}};
  root["account"] = AccountJson(options);
  root["random"] = RandomJson(s.identity);
  root["eventSeq"] = s.timeline.sequence;
  root["histories"] = histories.Take();
  root["tables"] = std::move(tables);
  root["backups"] = std::move(backups);
  root["pendingTransitions"] = EventsJson(s.timeline);
  if (!exports.empty()) root["exports"] = std::move(exports);
  if (!imports.empty()) root["imports"] = std::move(imports);
  return root.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

/// A snapshot's JSON text as a SavedState, or std::invalid_argument saying
/// what is malformed (the components' own invariants are Service::LoadState's to check).
inline core::SavedState Read(std::string_view text) {
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
    core::SavedState s;
    const LoadedHistories histories(root.at("histories"));
    for (const auto& j : root.at("tables")) {
      core::TableRecord t = TableFrom(j, histories);
      const std::string name = t.desc.GetTableName();
      s.continuous.tables[name] = PitrFrom(j.at("pitr"));
      s.backups.creating[name] = CreatingFrom(j.at("creatingUserBackups"));
      s.tables.tables.emplace(name, std::move(t));
    }
    for (const auto& j : root.at("backups")) s.backups.backups.push_back(BackupFrom(j, histories));
    s.timeline = TimelineFrom(root.at("pendingTransitions"), root.at("eventSeq"));
    // exports and imports (snapshots without them have none)
    if (root.contains("exports"))
      for (const auto& j : root.at("exports")) s.exports.exports.push_back(ExportFrom(j, histories));
    if (root.contains("imports"))
      for (const auto& j : root.at("imports")) s.imports.imports.push_back(ImportFrom(j));
    s.savedAtMs = Instant(root.at("clock").at("ms"));
    s.identity = IdentityFrom(root.at("random"));
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("LoadState: malformed snapshot: ") + e.what());
  } catch (const DecodeError& e) {
    throw std::invalid_argument(std::string("LoadState: malformed snapshot: ") + e.what());
  }
}

}  // namespace snapshot
}  // namespace wire

/// The whole state of `service` as JSON: tables, items with their history,
/// backups, PITR settings, pending transitions and the clock's time.
/// Due transitions are applied first (observing a Service applies them, as
/// every call does; hence a non-const Service). Fault rules are not saved.
inline std::string SaveState(Service& service) { return wire::snapshot::Write(service.SaveState(), service.Options()); }

/// Replaces the state of `service` with a snapshot from SaveState. An
/// adjustable clock (a ManualClock) is moved forward to the snapshot's time (a
/// snapshot older than the clock is refused). Throws std::invalid_argument, changing nothing, when
/// `json` is not a valid snapshot. Fault rules are left as they are.
inline void LoadState(Service& service, std::string_view json) { service.LoadState(wire::snapshot::Read(json)); }

}  // namespace dynafake
