// dynafake — a backup in a snapshot (Backups::State's BackupState), and the
// USER backups of a table still being created (its object's
// "creatingUserBackups"). See dynafake/wire/snapshot.hpp.
#pragma once

#include <string>  // std::string
#include <vector>  // std::vector

#include "dynafake/components/backups.hpp"       // BackupState
#include "dynafake/wire/snapshot/common.hpp"     // Json, Whole, Instant, List, One, KeyDefJson
#include "dynafake/wire/snapshot/histories.hpp"  // HistoryNumbers, LoadedHistories

namespace dynafake {
namespace wire {
namespace snapshot {

inline Json BackupJson(const core::BackupState& b, HistoryNumbers& histories) {
  Json j;
  j["details"] = ToJson(b.details);
  j["source"] = ToJson(b.source);
  j["features"] = ToJson(b.features);
  j["attributeDefinitions"] = List(b.attributeDefinitions);
  j["key"] = KeyDefJson(b.key);
  j["tableName"] = b.tableName;
  j["cutMs"] = b.cutMs;
  j["cutSeq"] = b.cutSeq;
  j["availableAtMs"] = b.availableAtMs;
  j["history"] = histories.Of(b.history);
  return j;
}
inline core::BackupState BackupFrom(const Json& j, const LoadedHistories& histories) {
  core::BackupState b;
  b.details = One<Model::BackupDetails>(j.at("details"), "details");
  b.source = One<Model::SourceTableDetails>(j.at("source"), "source");
  b.features = One<Model::SourceTableFeatureDetails>(j.at("features"), "features");
  b.attributeDefinitions = ListFrom<Model::AttributeDefinition>(j.at("attributeDefinitions"), "attributeDefinitions");
  b.key = KeyDefFrom(j.at("key"));
  b.tableName = j.at("tableName").get<std::string>();
  b.cutMs = Instant(j.at("cutMs"));
  b.cutSeq = Whole<uint64_t>(j.at("cutSeq"));
  b.availableAtMs = Instant(j.at("availableAtMs"));
  b.history = histories.At(j.at("history"));
  return b;
}

/// A table's "creatingUserBackups": the ARNs of Backups::State::creating for `table`, or none.
inline Json CreatingJson(const core::Backups::State& s, const std::string& table) {
  auto it = s.creating.find(table);
  return it == s.creating.end() ? std::vector<std::string>() : it->second;
}
inline std::vector<std::string> CreatingFrom(const Json& j) { return j.get<std::vector<std::string>>(); }

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
