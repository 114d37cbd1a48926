// dynafake — an import in a snapshot (Imports::State's ImportRecord). See
// dynafake/wire/snapshot.hpp.
#pragma once

#include <string>  // std::string

#include "dynafake/components/imports.hpp"     // ImportRecord
#include "dynafake/wire/snapshot/common.hpp"   // Json, Between, Instant, One
#include "dynafake/wire/snapshot/exports.hpp"  // kMaxRecordCount

namespace dynafake {
namespace wire {
namespace snapshot {

inline Json ImportJson(const core::ImportRecord& e) {
  return {{"arn", e.arn},
          {"tableArn", e.tableArn},
          {"tableId", e.tableId},
          {"tableName", e.tableName},
          {"request", ToJson(e.request)},
          {"startMs", e.startMs},
          {"endMs", e.endMs},
          {"processedBytes", e.processedBytes},
          {"processedItems", e.processedItems},
          {"importedItems", e.importedItems},
          {"errors", e.errors},
          {"failureCode", e.failureCode},
          {"failureMessage", e.failureMessage}};
}
inline core::ImportRecord ImportFrom(const Json& j) {
  core::ImportRecord e;
  e.arn = j.at("arn").get<std::string>();
  e.tableArn = j.at("tableArn").get<std::string>();
  e.tableId = j.at("tableId").get<std::string>();
  e.tableName = j.at("tableName").get<std::string>();
  e.request = One<Model::ImportTableRequest>(j.at("request"), "request");
  e.startMs = Instant(j.at("startMs"));
  e.endMs = Instant(j.at("endMs"));
  e.processedBytes = Between<int64_t>(j.at("processedBytes"), 0, kMaxRecordCount);
  e.processedItems = Between<int64_t>(j.at("processedItems"), 0, kMaxRecordCount);
  e.importedItems = Between<int64_t>(j.at("importedItems"), 0, kMaxRecordCount);
  e.errors = Between<int64_t>(j.at("errors"), 0, kMaxRecordCount);
  e.failureCode = j.at("failureCode").get<std::string>();
  e.failureMessage = j.at("failureMessage").get<std::string>();
  return e;
}

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
