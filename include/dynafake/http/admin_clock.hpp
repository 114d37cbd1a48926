// dynafake — the admin API's clock: reading it, moving it forward, setting it (GET/POST /_dynafake/clock...).
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <chrono>     // std::chrono::milliseconds
#include <cmath>      // std::isfinite, std::llround
#include <exception>  // std::exception
#include <optional>   // std::optional
#include <string>     // std::string

#include "dynafake/clock.hpp"            // Clock, AdjustableClock
#include "dynafake/date_time.hpp"        // DateTime
#include "dynafake/http/admin_json.hpp"  // Json, AdminRoute, fields
#include "dynafake/http/config.hpp"      // ServerClock, AdminError
#include "dynafake/http/router.hpp"      // Router

namespace dynafake {
namespace http {

/// The clock a server's admin API moves: the server's own ServerClock, or
/// the clock of a Service the test owns; either moves when it is adjustable
/// (Clock::Adjustable(): a manual ServerClock, a ManualClock).
class ClockControl {
 public:
  /// `owned` may be null; then `serviceClock` is the Service's own clock.
  ClockControl(ServerClock* owned, Clock& serviceClock) : owned_(owned), clock_(owned ? *owned : serviceClock) {}

  TimePoint Now() const { return clock_.Now(); }
  /// True when a snapshot's time may move the clock: the server owns it and it is manual.
  bool OwnsManualClock() const { return owned_ && owned_->Mode() == ClockMode::Manual; }

  /// Moves the clock forward. Throws AdminError (400) on a negative step or a clock that cannot move.
  void Advance(std::chrono::milliseconds step) {
    if (step.count() < 0) throw AdminError(400, "time cannot move backwards ('seconds' is negative)");
    Adjust([&](AdjustableClock& c) { c.Advance(step); });
  }
  /// Moves the clock to `t`. Throws AdminError (400) when `t` is in the past.
  void Set(TimePoint t) {
    Adjust([&](AdjustableClock& c) { c.Set(t); });
  }
  /// Back to the start instant, for a reset (only a clock the server owns).
  void Rewind() {
    if (owned_) owned_->Rewind();
  }

  detail::Json ToJson() const {
    const DateTime now(Now());
    return detail::Json{{"now", now.ToIso8601()}, {"epoch", now.SecondsWithMSPrecision()}};
  }

  /// GET /clock, POST /clock/advance {"seconds": n}, POST /clock/set {"time": iso} or {"epoch": s}.
  void AddRoutes(Router& router, const std::string& base) {
    using detail::AdminCall;
    using detail::Json;
    router.Add("GET", base + "/clock", detail::AdminRoute([this](const AdminCall&) { return ToJson(); }));
    router.Add("POST", base + "/clock/advance", detail::AdminRoute([this](const AdminCall& call) {
                 const Json j = detail::ParseObject(call.request.body);
                 detail::OnlyFields(j, {"seconds"});
                 const auto it = j.find("seconds");
                 if (it == j.end() || !it->is_number())
                   throw AdminError(400, "'seconds' (a number of seconds to move forward) is required");
                 const double seconds = it->get<double>();
                 // 9e9 s (285 years) keeps the step in a nanosecond duration; the clock refuses a step past its last
                 // instant (found by fuzz_http_request: 1e11 s overflowed the conversion).
                 if (!std::isfinite(seconds) || seconds > 9e9) throw AdminError(400, "'seconds' is out of range");
                 if (seconds < 0) throw AdminError(400, "time cannot move backwards ('seconds' is negative)");
                 Advance(std::chrono::milliseconds(std::llround(seconds * 1000.0)));
                 return ToJson();
               }));
    router.Add("POST", base + "/clock/set", detail::AdminRoute([this](const AdminCall& call) {
                 const Json j = detail::ParseObject(call.request.body);
                 detail::OnlyFields(j, {"time", "epoch"});
                 std::optional<DateTime> t;
                 if (j.contains("time")) {
                   const std::string text = detail::StringField(j, "time");
                   t = DateTime::TryParseIso8601(text);
                   if (!t)
                     throw AdminError(400,
                                      "'time' is not an ISO-8601 instant: '" + text + "' (e.g. 2026-02-05T00:00:00Z)");
                 } else if (j.contains("epoch")) {
                   if (!j["epoch"].is_number()) throw AdminError(400, "'epoch' must be a number of seconds since 1970");
                   const double epoch = j["epoch"].get<double>();
                   if (!std::isfinite(epoch) || epoch < 0 || epoch > 1e11)
                     throw AdminError(400, "'epoch' is out of range");
                   t = DateTime(epoch);
                 } else {
                   throw AdminError(400, "'time' (ISO-8601, e.g. 2026-02-05T00:00:00Z) is required");
                 }
                 // Found by fuzz_http_request: an instant after 2262-04-11 overflowed the conversion to the clock's
                 // nanoseconds.
                 if (!t->FitsTimePoint())
                   throw AdminError(400, "'time' is outside the instants a clock can hold (" +
                                             DateTime(kFirstTimePointMillis).ToIso8601() + " to " +
                                             DateTime(kLastTimePointMillis).ToIso8601() + ")");
                 Set(*t);
                 return ToJson();
               }));
  }

 private:
  template <class F>
  void Adjust(F move) {
    AdjustableClock* adjustable = clock_.Adjustable();
    if (!adjustable)
      throw AdminError(400, owned_ ? "the server runs on the system clock (--clock system); it cannot be moved"
                                   : "the Service's clock is not an AdjustableClock; it cannot be moved");
    try {
      move(*adjustable);
    } catch (const std::exception& e) {
      throw AdminError(400, e.what());
    }
  }

  ServerClock* owned_;
  Clock& clock_;
};

}  // namespace http
}  // namespace dynafake
