// dynafake — AdminClient: the admin API over HTTP, for a C++ test driving a dynafake-server it did not start.
// Part of dynafake/http.hpp (needs nlohmann_json and cpp-httplib, target dynafake::http).
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

#include <httplib.h>          // httplib::Server
#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/clock.hpp"    // Clock, ManualClock
#include "dynafake/faults.hpp"   // FaultRule
#include "dynafake/options.hpp"  // ServiceOptions

#include "dynafake/date_time.hpp"  // DateTime
#include "dynafake/http/admin_json.hpp"  // http_detail::Json, Dump
#include "dynafake/http/config.hpp"  // AdminError

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
  explicit AdminClient(const std::string& url) : client_(url) {
    client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);
    client_.set_connection_timeout(5);
    client_.set_read_timeout(30);
  }

  bool Healthy() {
    const auto r = client_.Get("/_dynafake/health");
    return r && r->status == 200;
  }
  TimePoint Now() { return TimeOf(Call("GET", "/_dynafake/clock", "")); }
  TimePoint Advance(std::chrono::milliseconds step) {
    return TimeOf(Call("POST", "/_dynafake/clock/advance",
                       http_detail::Dump(http_detail::Json{{"seconds", static_cast<double>(step.count()) / 1000.0}})));
  }
  TimePoint Set(TimePoint t) {
    return TimeOf(Call("POST", "/_dynafake/clock/set",
                       http_detail::Dump(http_detail::Json{{"time", DateTime(t).ToIso8601()}})));
  }
  /// Adds a fault rule given as the admin API's JSON; returns its id.
  std::string AddFault(const std::string& ruleJson) {
    return Call("POST", "/_dynafake/faults", ruleJson).at("id").get<std::string>();
  }
  /// The rules as JSON: {"faults":[...]}.
  std::string ListFaults() { return http_detail::Dump(Call("GET", "/_dynafake/faults", "")); }
  void DeleteFault(const std::string& id) { Call("DELETE", "/_dynafake/faults/" + id, ""); }
  void ClearFaults() { Call("DELETE", "/_dynafake/faults", ""); }
  void Reset() { Call("POST", "/_dynafake/reset", ""); }
  std::string GetState() { return http_detail::Dump(Call("GET", "/_dynafake/state", "")); }
  void PutState(const std::string& snapshot) { Call("PUT", "/_dynafake/state", snapshot); }

 private:
  static TimePoint TimeOf(const http_detail::Json& clock) {
    return DateTime::FromIso8601(clock.at("now").get<std::string>());
  }
  http_detail::Json Call(const std::string& method, const std::string& path, const std::string& body) {
    httplib::Result r = method == "GET"    ? client_.Get(path.c_str())
                        : method == "POST" ? client_.Post(path.c_str(), body, "application/json")
                        : method == "PUT"  ? client_.Put(path.c_str(), body, "application/json")
                                           : client_.Delete(path.c_str());
    if (!r) throw AdminError(0, "dynafake admin: " + method + " " + path + ": " + httplib::to_string(r.error()));
    const auto j = http_detail::Json::parse(r->body, nullptr, false);
    if (r->status < 200 || r->status > 299) {
      std::string message = r->body;
      if (j.is_object() && j.contains("error") && j["error"].is_string()) message = j["error"].get<std::string>();
      throw AdminError(r->status, message);
    }
    if (j.is_discarded()) throw AdminError(r->status, "dynafake admin: the answer is not JSON: " + r->body);
    return j;
  }
  httplib::Client client_;
};

}  // namespace dynafake
