// dynafake — the admin API's journal: the calls a Service answered (GET/DELETE /_dynafake/journal).
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <cstdint>    // uint64_t
#include <exception>  // std::exception
#include <string>     // std::string

#include "dynafake/date_time.hpp"        // DateTime
#include "dynafake/http/accounts.hpp"    // Accounts
#include "dynafake/http/admin_json.hpp"  // Json, AdminRoute
#include "dynafake/http/config.hpp"      // AdminError
#include "dynafake/http/router.hpp"      // Router
#include "dynafake/journal.hpp"          // Call, CallJournal
#include "dynafake/model/errors.hpp"     // detail::FindError

namespace dynafake {
namespace http {
namespace detail {

/// One call as the admin API shows it:
/// {"sequence":3,"time":"2026-01-01T00:00:10.000Z","epoch":1767225610.0,"operation":"CreateBackup",
///  "table":"orders","backup":null,"outcome":"error",
///  "error":{"__type":"com.amazonaws.dynamodb.v20120810#TableInUseException","message":"..."},
///  "cause":"state","faultRule":null,"capacity":null}
inline Json CallJson(const Call& c) {
  const DateTime t = c.Time();
  Json j{{"sequence", c.sequence},
         {"time", t.ToIso8601()},
         {"epoch", t.SecondsWithMSPrecision()},
         {"operation", c.operation},
         {"table", nullptr},
         {"backup", nullptr},
         {"outcome", c.success ? "success" : "error"},
         {"error", nullptr},
         {"cause", ToString(c.cause)},
         {"faultRule", nullptr},
         {"capacity", nullptr}};
  if (!c.table.empty()) j["table"] = c.table;
  if (!c.backup.empty()) j["backup"] = c.backup;
  if (!c.success) {
    const dynafake::detail::ErrorInfo* info = dynafake::detail::FindError(c.error);
    j["error"] =
        Json{{"__type", std::string(info ? info->wire_namespace : "com.amazonaws.dynamodb.v20120810") + "#" + c.error},
             {"message", c.message}};
  }
  if (c.cause == CallCause::FaultRule) j["faultRule"] = std::to_string(c.faultRule);
  if (c.capacityReported) j["capacity"] = c.capacityUnits;
  return j;
}

/// The `since` query parameter: a sequence number (absent: 0, every call).
inline uint64_t SinceParam(const Request& request) {
  const auto params = request.QueryParams();
  const auto it = params.find("since");
  if (it == params.end() || it->second.empty()) return 0;
  const std::string& text = it->second;
  if (text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19)
    throw AdminError(400, "'since' must be a call's sequence number (0 or more), got '" + text + "'");
  return std::stoull(text);
}

}  // namespace detail

/// GET /journal[?since=SEQ] (oldest first) and DELETE /journal, each for ?account=....
inline void AddJournalRoutes(Router& router, const std::string& base, Accounts& accounts) {
  using detail::AdminCall;
  using detail::Json;
  router.Add(
      "GET", base + "/journal", detail::AdminRoute([&accounts](const AdminCall& call) {
        Service& service = accounts.ForAdmin(call.account);
        const CallJournal journal = service.Journal().Since(detail::SinceParam(call.request));
        Json calls = Json::array();
        for (const Call& c : journal) calls.push_back(detail::CallJson(c));
        return Json{{"calls", calls}, {"recorded", journal.Recorded()}, {"journalSize", service.Options().journalSize}};
      }));
  router.Add("DELETE", base + "/journal", detail::AdminRoute([&accounts](const AdminCall& call) {
               Service& service = accounts.ForAdmin(call.account);
               const std::size_t n = service.Journal().size();
               service.ClearJournal();
               return Json{{"deleted", n}};
             }));
}

}  // namespace http
}  // namespace dynafake
