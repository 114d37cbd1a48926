// dynafake — an export in a snapshot (Exports::State's ExportRecord): its
// record; an export not yet written names the history it will write from
// (the files are the ObjectStore's, which the test owns, and not saved). See
// dynafake/wire/snapshot.hpp.
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <string>   // std::string

#include "dynafake/components/exports.hpp"       // ExportRecord
#include "dynafake/wire/snapshot/common.hpp"     // Json, Whole, Between, Instant, One
#include "dynafake/wire/snapshot/histories.hpp"  // HistoryNumbers, LoadedHistories

namespace dynafake {
namespace wire {
namespace snapshot {

/// The largest count an export or an import record may hold (2^50).
constexpr int64_t kMaxRecordCount = int64_t(1) << 50;

inline Json ExportJson(const core::ExportRecord& e, HistoryNumbers& histories) {
  Json j{{"arn", e.arn},
         {"id", e.id},
         {"tableArn", e.tableArn},
         {"tableId", e.tableId},
         {"request", ToJson(e.request)},
         {"exportMs", e.exportMs},
         {"cutSeq", e.cutSeq},
         {"fromMs", e.fromMs},
         {"startMs", e.startMs},
         {"endMs", e.endMs},
         {"dataFileName", e.dataFileName},
         {"rendered", e.rendered},
         {"itemCount", e.itemCount},
         {"billedBytes", e.billedBytes},
         {"failureCode", e.failureCode},
         {"failureMessage", e.failureMessage}};
  if (!e.rendered && e.history) j["history"] = histories.Of(e.history);
  return j;
}
/// An export not yet written without a "history" is refused by Exports::Check.
inline core::ExportRecord ExportFrom(const Json& j, const LoadedHistories& histories) {
  core::ExportRecord e;
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
  e.itemCount = Between<int64_t>(j.at("itemCount"), 0, kMaxRecordCount);
  e.billedBytes = Between<int64_t>(j.at("billedBytes"), 0, kMaxRecordCount);
  e.failureCode = j.at("failureCode").get<std::string>();
  e.failureMessage = j.at("failureMessage").get<std::string>();
  if (!e.rendered && j.contains("history")) e.history = histories.At(j.at("history"));
  return e;
}

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
