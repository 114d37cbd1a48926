// dynafake — AdminClient: the admin API over HTTP, for a C++ test driving a dynafake-server it did not start.
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <chrono>     // std::chrono::milliseconds
#include <cstdint>    // uint64_t
#include <cstdlib>    // std::atoi
#include <exception>  // std::exception
#include <string>     // std::string

#include "dynafake/date_time.hpp"        // DateTime
#include "dynafake/http/admin_json.hpp"  // detail::Json, detail::Dump
#include "dynafake/http/client.hpp"      // http::Client
#include "dynafake/http/config.hpp"      // AdminError

namespace dynafake {

/// The admin API over HTTP, for a C++ test driving a dynafake-server it did
/// not embed (e.g. one started for an aws-sdk-cpp test). Every call throws
/// AdminError with the server's message when the answer is not 2xx.
///
///     dynafake::AdminClient admin("http://127.0.0.1:8000");
///     admin.Advance(std::chrono::hours(24 * 35));
///     admin.AddFault(R"({"operation":"CreateBackup","error":"InternalServerError","times":1})");
class AdminClient {
 public:
  /// `url` is "http://host:port" (what dynafake-server prints).
  explicit AdminClient(const std::string& url) : client_(HostOf(url), PortOf(url)) {}

  bool Healthy() {
    try {
      return client_.Send("GET", "/_dynafake/health").status == 200;
    } catch (const std::exception&) {
      return false;
    }
  }
  TimePoint Now() { return TimeOf(Call("GET", "/_dynafake/clock", "")); }
  TimePoint Advance(std::chrono::milliseconds step) {
    return TimeOf(
        Call("POST", "/_dynafake/clock/advance", Dump(Json{{"seconds", static_cast<double>(step.count()) / 1000.0}})));
  }
  TimePoint Set(TimePoint t) {
    return TimeOf(Call("POST", "/_dynafake/clock/set", Dump(Json{{"time", DateTime(t).ToIso8601()}})));
  }
  /// Adds a fault rule given as the admin API's JSON; returns its id.
  std::string AddFault(const std::string& ruleJson) {
    return Call("POST", "/_dynafake/faults", ruleJson).at("id").get<std::string>();
  }
  /// The rules as JSON: {"faults":[...]}.
  std::string ListFaults() { return Dump(Call("GET", "/_dynafake/faults", "")); }
  void DeleteFault(const std::string& id) { Call("DELETE", "/_dynafake/faults/" + id, ""); }
  void ClearFaults() { Call("DELETE", "/_dynafake/faults", ""); }
  void Reset() { Call("POST", "/_dynafake/reset", ""); }
  /// The calls after sequence number `since`, oldest first, as JSON: {"calls":[...],"recorded":N,...}.
  std::string Journal(uint64_t since = 0) {
    return Dump(Call("GET", "/_dynafake/journal?since=" + std::to_string(since), ""));
  }
  void ClearJournal() { Call("DELETE", "/_dynafake/journal", ""); }
  std::string GetState() { return Dump(Call("GET", "/_dynafake/state", "")); }
  void PutState(const std::string& snapshot) { Call("PUT", "/_dynafake/state", snapshot); }

 private:
  using Json = http::detail::Json;
  static std::string Dump(const Json& j) { return http::detail::Dump(j); }

  static std::string HostPort(const std::string& url) {
    std::string rest = url.rfind("http://", 0) == 0 ? url.substr(7) : url;
    return rest.substr(0, rest.find('/'));
  }
  static std::string HostOf(const std::string& url) {
    const std::string hp = HostPort(url);
    if (!hp.empty() && hp.front() == '[') return hp.substr(1, hp.find(']') - 1);
    return hp.substr(0, hp.rfind(':'));
  }
  static int PortOf(const std::string& url) {
    const std::string hp = HostPort(url);
    const auto colon = hp.rfind(':');
    if (colon == std::string::npos || hp.find(']', colon) != std::string::npos) return 80;
    return std::atoi(hp.c_str() + colon + 1);
  }
  static TimePoint TimeOf(const Json& clock) { return DateTime::FromIso8601(clock.at("now").get<std::string>()); }

  Json Call(const std::string& method, const std::string& path, const std::string& body) {
    http::HttpResponse r;
    try {
      r = client_.Send(method, path, body);
    } catch (const std::exception& e) {
      throw AdminError(0, "dynafake admin: " + method + " " + path + ": " + e.what());
    }
    const auto j = Json::parse(r.body, nullptr, false);
    if (r.status < 200 || r.status > 299) {
      std::string message = r.body;
      if (j.is_object() && j.contains("error") && j["error"].is_string()) message = j["error"].get<std::string>();
      throw AdminError(r.status, message);
    }
    if (j.is_discarded()) throw AdminError(r.status, "dynafake admin: the answer is not JSON: " + r.body);
    return j;
  }

  http::Client client_;
};

}  // namespace dynafake
