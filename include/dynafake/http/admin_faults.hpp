// dynafake — the admin API's fault rules: from JSON, listed back, deleted (/_dynafake/faults...).
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <cstddef>    // std::size_t
#include <exception>  // std::exception
#include <string>     // std::string
#include <utility>    // std::move

#include "dynafake/faults.hpp"                // FaultRule, FaultSet
#include "dynafake/generated/operations.hpp"  // DYNAFAKE_FOR_EACH_OPERATION
#include "dynafake/http/accounts.hpp"         // Accounts
#include "dynafake/http/admin_json.hpp"       // Json, AdminRoute, fields
#include "dynafake/http/config.hpp"           // AdminError
#include "dynafake/http/router.hpp"           // Router
#include "dynafake/model/errors.hpp"          // detail::FindError, detail::kErrorTable

namespace dynafake {
namespace http {
namespace detail {

inline bool KnownOperation(const std::string& op) {
#define DYNAFAKE_HTTP_KNOWN(Op) \
  if (op == #Op) return true;
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_HTTP_KNOWN)
#undef DYNAFAKE_HTTP_KNOWN
  return false;
}

inline std::string KnownOperations() {
  std::string out;
#define DYNAFAKE_HTTP_LIST(Op) out += (out.empty() ? "" : ", ") + std::string(#Op);
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_HTTP_LIST)
#undef DYNAFAKE_HTTP_LIST
  return out;
}

/// A FaultRule from the admin API's JSON:
/// {"operation","table","backup"|"backupArn","error","message","status","nth","times","pass"}.
inline FaultRule RuleFromJson(const Json& j) {
  OnlyFields(j, {"operation", "table", "backup", "backupArn", "error", "message", "status", "nth", "times", "pass",
                 "account"});
  const std::string op = StringField(j, "operation");
  if (!op.empty() && op != "*" && !KnownOperation(op))
    throw AdminError(400, "unknown operation '" + op + "' (expected one of: " + KnownOperations() + ", or \"*\")");
  FaultRule rule = FaultRule::On(op);
  if (std::string table = StringField(j, "table"); !table.empty()) rule.ForTable(std::move(table));
  std::string backup = StringField(j, "backup");
  if (backup.empty()) backup = StringField(j, "backupArn");
  if (!backup.empty()) rule.ForBackup(std::move(backup));
  if (const auto nth = IntField(j, "nth")) {
    if (*nth < 1 || *nth > 1000000000) throw AdminError(400, "'nth' must be 1 or more (the first call that fails)");
    rule.OnCall(static_cast<int>(*nth));
  }
  if (const auto times = IntField(j, "times")) {
    if (*times != -1 && (*times < 1 || *times > 1000000000))
      throw AdminError(400, "'times' must be 1 or more, or -1 for always");
    if (*times == -1)
      rule.Always();
    else
      rule.Times(static_cast<int>(*times));
  }  // neither: FaultRule's own defaults (see faults.hpp): "nth" alone is that call only, no "nth" every call
  bool pass = false;
  if (const auto it = j.find("pass"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) throw AdminError(400, "'pass' must be true or false");
    pass = it->get<bool>();
  }
  if (pass) {
    if (j.contains("error") || j.contains("message") || j.contains("status"))
      throw AdminError(400, "'pass' lets calls through; it cannot be combined with 'error', 'message' or 'status'");
    return rule.PassThrough();
  }
  const std::string name = StringField(j, "error", "InternalServerError");
  const dynafake::detail::ErrorInfo* info = dynafake::detail::FindError(name);
  if (!info) info = dynafake::detail::FindError(name + "Exception");
  if (!info || info->type == DynamoDBErrors::UNKNOWN) {
    std::string known;
    for (const auto& e : dynafake::detail::kErrorTable)
      known += (known.empty() ? "" : ", ") + std::string(e.exception_name);
    throw AdminError(400, "unknown error '" + name + "' (expected one of: " + known + ")");
  }
  DynamoDBError error(info->type, StringField(j, "message"));
  if (const auto status = IntField(j, "status")) {
    if (*status < 400 || *status > 599) throw AdminError(400, "'status' must be an HTTP error status (400-599)");
    error.SetResponseCode(static_cast<int>(*status));
  }
  return rule.Fail(std::move(error));
}

/// A rule as the admin API lists it: the rule's own JSON (the fields RuleFromJson takes), plus id, seen and fired.
inline Json FaultJson(const FaultSet::Entry& e) {
  Json j = Json::parse(e.rule.ToJson());
  j["id"] = std::to_string(e.id);
  j["seen"] = e.seen;
  j["fired"] = e.fired;
  return j;
}

}  // namespace detail

/// GET/POST/DELETE /faults and DELETE /faults/{id}, each for ?account=... (or "account" in the rule).
inline void AddFaultRoutes(Router& router, const std::string& base, Accounts& accounts) {
  using detail::AdminCall;
  using detail::Json;
  router.Add("GET", base + "/faults", detail::AdminRoute([&accounts](const AdminCall& call) {
               Json list = Json::array();
               for (const auto& e : accounts.ForAdmin(call.account).Faults().List())
                 list.push_back(detail::FaultJson(e));
               return Json{{"faults", list}};
             }));
  router.Add("POST", base + "/faults", detail::AdminRoute([&accounts](const AdminCall& call) {
               const Json j = detail::ParseObject(call.request.body);
               const std::string account = j.contains("account") ? detail::StringField(j, "account") : call.account;
               FaultRule rule = detail::RuleFromJson(j);
               return Json{{"id", std::to_string(accounts.ForAdmin(account).Faults().Add(std::move(rule)))}};
             }));
  router.Add("DELETE", base + "/faults", detail::AdminRoute([&accounts](const AdminCall& call) {
               FaultSet& faults = accounts.ForAdmin(call.account).Faults();
               const std::size_t n = faults.List().size();
               faults.Clear();
               return Json{{"deleted", n}};
             }));
  router.Add("DELETE", base + "/faults/*", detail::AdminRoute([&accounts](const AdminCall& call) {
               const std::string& id = call.rest;
               int n = 0;
               try {
                 std::size_t used = 0;
                 n = std::stoi(id, &used);
                 if (used != id.size()) n = 0;
               } catch (const std::exception&) {
                 n = 0;
               }
               if (n <= 0 || !accounts.ForAdmin(call.account).Faults().Remove(n))
                 throw AdminError(404, "no fault rule with id '" + id + "'");
               return Json{{"deleted", id}};
             }));
}

}  // namespace http
}  // namespace dynafake
