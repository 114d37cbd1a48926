// dynafake — the admin API's JSON: parsing fields, fault rules from JSON, error bodies.
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <atomic>       // std::atomic
#include <chrono>       // std::chrono
#include <cmath>        // std::isfinite, std::llround
#include <cstddef>      // std::size_t
#include <cstdint>      // int64_t
#include <cstdio>       // std::rename, std::remove
#include <fstream>      // std::ifstream, std::ofstream
#include <functional>   // std::function
#include <map>          // std::map
#include <memory>       // std::unique_ptr
#include <mutex>        // std::mutex
#include <optional>     // std::optional
#include <sstream>      // std::ostringstream
#include <stdexcept>    // std::runtime_error, std::invalid_argument
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <thread>       // std::thread
#include <type_traits>  // std::void_t, std::false_type
#include <utility>      // std::move, std::declval
#include <vector>       // std::vector

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/clock.hpp"    // Clock, ManualClock
#include "dynafake/faults.hpp"   // FaultRule
#include "dynafake/options.hpp"  // ServiceOptions

#include "dynafake/http/config.hpp"  // AdminError
#include "dynafake/model/outcomes.hpp"  // DYNAFAKE_FOR_EACH_OPERATION

namespace dynafake {

namespace http_detail {

using Json = nlohmann::json;


inline std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

/// The access key id of a SigV4 Authorization header
/// ("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, ..."), or "".
inline std::string AccessKeyId(std::string_view authorization) {
  const auto at = authorization.find("Credential=");
  if (at == std::string_view::npos) return {};
  const auto begin = at + 11;
  const auto end = authorization.find_first_of("/, ", begin);
  return std::string(authorization.substr(begin, end == std::string_view::npos ? end : end - begin));
}

/// "host:port", with IPv6 literals in brackets.
inline std::string HostPort(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos && (host.empty() || host.front() != '[');
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

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

inline Json ParseObject(const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return Json::object();
  Json j = Json::parse(body, nullptr, false);
  if (j.is_discarded()) throw AdminError(400, "the request body is not JSON");
  if (!j.is_object()) throw AdminError(400, "the request body must be a JSON object");
  return j;
}

inline void OnlyFields(const Json& j, std::initializer_list<const char*> allowed) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || it.key() == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw AdminError(400, "unknown field '" + it.key() + "' (expected: " + list + ")");
    }
  }
}

inline std::string StringField(const Json& j, const char* name, std::string fallback = {}) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw AdminError(400, std::string("'") + name + "' must be a string");
  return it->get<std::string>();
}

inline std::optional<int64_t> IntField(const Json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw AdminError(400, std::string("'") + name + "' must be an integer");
  return it->get<int64_t>();
}

/// A FaultRule from the admin API's JSON; `describe` gets the JSON to list it by.
inline FaultRule RuleFromJson(const Json& j, Json& describe) {
  OnlyFields(j, {"operation", "table", "backup", "backupArn", "error", "message", "status", "nth", "times", "pass",
                 "account"});
  const std::string op = StringField(j, "operation");
  if (!op.empty() && op != "*" && !KnownOperation(op))
    throw AdminError(400, "unknown operation '" + op + "' (expected one of: " + KnownOperations() + ", or \"*\")");
  FaultRule rule = FaultRule::On(op);
  describe = Json::object();
  describe["operation"] = op.empty() ? "*" : op;
  if (std::string table = StringField(j, "table"); !table.empty()) {
    describe["table"] = table;
    rule.ForTable(std::move(table));
  }
  std::string backup = StringField(j, "backup");
  if (backup.empty()) backup = StringField(j, "backupArn");
  if (!backup.empty()) {
    describe["backup"] = backup;
    rule.ForBackup(std::move(backup));
  }
  if (const auto nth = IntField(j, "nth")) {
    if (*nth < 1 || *nth > 1000000000) throw AdminError(400, "'nth' must be 1 or more (the first call that fails)");
    rule.OnCall(static_cast<int>(*nth));
    describe["nth"] = *nth;
  }
  if (const auto times = IntField(j, "times")) {
    if (*times != -1 && (*times < 1 || *times > 1000000000))
      throw AdminError(400, "'times' must be 1 or more, or -1 for always");
    rule.Times(static_cast<int>(*times));
    describe["times"] = *times;
  } else {
    rule.Always();
    describe["times"] = -1;
  }
  bool pass = false;
  if (const auto it = j.find("pass"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) throw AdminError(400, "'pass' must be true or false");
    pass = it->get<bool>();
  }
  if (pass) {
    if (j.contains("error") || j.contains("message") || j.contains("status"))
      throw AdminError(400, "'pass' lets calls through; it cannot be combined with 'error', 'message' or 'status'");
    rule.PassThrough();
    describe["pass"] = true;
    return rule;
  }
  std::string name = StringField(j, "error", "InternalServerError");
  const detail::ErrorInfo* info = detail::FindError(name);
  if (!info) info = detail::FindError(name + "Exception");
  if (!info || info->type == DynamoDBErrors::UNKNOWN) {
    std::string known;
    for (const auto& e : detail::kErrorTable) known += (known.empty() ? "" : ", ") + std::string(e.exception_name);
    throw AdminError(400, "unknown error '" + name + "' (expected one of: " + known + ")");
  }
  DynamoDBError error(info->type, StringField(j, "message"));
  if (const auto status = IntField(j, "status")) {
    if (*status < 400 || *status > 599) throw AdminError(400, "'status' must be an HTTP error status (400-599)");
    error.SetResponseCode(static_cast<int>(*status));
  }
  describe["error"] = error.GetExceptionName();
  describe["status"] = error.GetResponseCode();
  if (!error.GetMessage().empty()) describe["message"] = error.GetMessage();
  rule.Fail(std::move(error));
  return rule;
}

inline Json ErrorJson(const std::string& message) { return Json{{"error", message}}; }

}  // namespace http_detail

}  // namespace dynafake
