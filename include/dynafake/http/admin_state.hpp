// dynafake — the admin API's state: snapshots in and out (/_dynafake/state), and the --state file.
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <chrono>       // std::chrono::milliseconds
#include <cstdint>      // int64_t
#include <exception>    // std::exception
#include <mutex>        // std::mutex
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include "dynafake/date_time.hpp"         // DateTime
#include "dynafake/http/accounts.hpp"     // Accounts
#include "dynafake/http/admin_clock.hpp"  // ClockControl
#include "dynafake/http/admin_json.hpp"   // Json, AdminRoute
#include "dynafake/http/config.hpp"       // AdminError
#include "dynafake/http/router.hpp"       // Router
#include "dynafake/http/state_file.hpp"   // WriteFileAtomically, ReadFileIfExists
#include "dynafake/wire/snapshot.hpp"     // SaveState, LoadState

namespace dynafake {
namespace http {

/// Snapshots of the accounts' Services, and the state file that holds them.
class StateControl {
 public:
  StateControl(Accounts& accounts, ClockControl& clock, std::string path)
      : accounts_(accounts), clock_(clock), path_(std::move(path)) {}

  const std::string& Path() const { return path_; }

  /// One account's snapshot (dynafake::SaveState).
  std::string Save(const std::string& accountId) { return SaveState(*accounts_.Find(accountId).service); }

  /// Loads a snapshot into one account. A server that owns a manual clock
  /// moves it to the snapshot's time (never backwards: reset first to go
  /// back). Throws AdminError(400) for a snapshot that does not load.
  void Load(std::string_view json, const std::string& accountId) {
    Service& service = *accounts_.Find(accountId).service;
    std::optional<TimePoint> savedAt;
    if (clock_.OwnsManualClock()) {
      const auto doc = detail::Json::parse(json.begin(), json.end(), nullptr, false);
      if (doc.is_object() && doc.contains("clock") && doc["clock"].is_object() && doc["clock"].contains("ms") &&
          doc["clock"]["ms"].is_number_integer() && DateTime(doc["clock"]["ms"].get<int64_t>()).FitsTimePoint()) {
        savedAt = DateTime(doc["clock"]["ms"].get<int64_t>()).UnderlyingTimestamp();
        if (*savedAt < clock_.Now())
          throw AdminError(400, "the snapshot was saved at " + DateTime(*savedAt).ToIso8601() +
                                    " but the clock is already at " + DateTime(clock_.Now()).ToIso8601() +
                                    "; time cannot move backwards (POST /_dynafake/reset first)");
      }
    }
    try {
      LoadState(service, json);
    } catch (const std::exception& e) {
      throw AdminError(400, std::string("cannot load the snapshot: ") + e.what());
    }
    if (savedAt) clock_.Set(*savedAt);
  }

  /// The state file's content: the default account's snapshot, or with
  /// several accounts {"accounts": {"<id>": <snapshot>, ...}}.
  std::string SaveDocument() {
    if (accounts_.Size() == 1) return Save("");
    detail::Json doc{{"accounts", detail::Json::object()}};
    for (const auto& id : accounts_.Ids()) doc["accounts"][id] = detail::Json::parse(Save(id));
    return detail::Dump(doc);
  }

  /// Loads a state file's content. A document that is not JSON is refused
  /// with where it breaks (line, column, byte), before anything is loaded.
  void LoadDocument(const std::string& text) {
    detail::Json doc;
    try {
      doc = detail::Json::parse(text);
    } catch (const detail::Json::parse_error& e) {
      std::string what = e.what();
      if (const auto close = what.find("] "); what.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
        what = what.substr(close + 2);
      throw AdminError(
          400, "not JSON: " + what + " (byte " + std::to_string(e.byte) + " of " + std::to_string(text.size()) + ")");
    }
    if (accounts_.Size() == 1) return Load(text, "");
    if (!doc.is_object() || !doc.contains("accounts") || !doc["accounts"].is_object())
      throw AdminError(400, "a state file for several accounts must be {\"accounts\": {\"<account id>\": <snapshot>}}");
    for (auto it = doc["accounts"].begin(); it != doc["accounts"].end(); ++it)
      if (!accounts_.Has(it.key())) throw AdminError(400, "the state file names unknown account '" + it.key() + "'");
    for (auto it = doc["accounts"].begin(); it != doc["accounts"].end(); ++it) Load(detail::Dump(*it), it.key());
  }

  /// Writes SaveDocument() to `path` (default: the configured one) atomically.
  void SaveFile(std::string path = {}) {
    if (path.empty()) path = path_;
    if (path.empty()) throw AdminError(400, "no state file configured (start the server with --state FILE)");
    // One save at a time, snapshot and write together: two saves racing could
    // otherwise rename the older snapshot over the newer one.
    std::lock_guard<std::mutex> lock(saving_);
    const std::string text = SaveDocument();
    try {
      WriteFileAtomically(path, text);
    } catch (const std::exception& e) {
      throw AdminError(500, e.what());
    }
  }

  /// Loads `path` if it exists; returns whether it did. Throws AdminError
  /// naming the file and where it is broken.
  bool LoadFile(const std::string& path) {
    std::optional<std::string> text;
    try {
      text = ReadFileIfExists(path);
    } catch (const std::exception& e) {
      throw AdminError(500, e.what());
    }
    if (!text) return false;
    try {
      LoadDocument(*text);
    } catch (const AdminError& e) {
      throw AdminError(e.Status(), "state file " + path + ": " + e.what());
    }
    return true;
  }

  /// GET /state, PUT /state (a snapshot), POST /state/save.
  void AddRoutes(Router& router, const std::string& base) {
    using detail::AdminCall;
    using detail::Json;
    router.Add("GET", base + "/state", detail::AdminRoute([this](const AdminCall& call) {
                 accounts_.ForAdmin(call.account);  // an unknown account is a 400
                 const Json j = Json::parse(Save(call.account), nullptr, false);
                 if (j.is_discarded()) throw AdminError(500, "the snapshot is not JSON");
                 return j;
               }));
    router.Add("PUT", base + "/state", detail::AdminRoute([this](const AdminCall& call) {
                 accounts_.ForAdmin(call.account);
                 detail::ParseJson(call.request.body);  // not JSON, or too deep: a 400 before anything loads
                 Load(call.request.body, call.account);
                 Json out = clock_.ToJson();
                 out["status"] = "loaded";
                 return out;
               }));
    router.Add("POST", base + "/state/save", detail::AdminRoute([this](const AdminCall&) {
                 SaveFile();
                 return Json{{"status", "saved"}, {"path", path_}};
               }));
  }

 private:
  Accounts& accounts_;
  ClockControl& clock_;
  std::string path_;
  std::mutex saving_;
};

}  // namespace http
}  // namespace dynafake
