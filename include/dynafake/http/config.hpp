// dynafake — how an HttpServer listens and keeps time: ClockMode, ServerClock, HttpOptions, ServerConfig, AdminError.
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the core.
#pragma once

#include <atomic>      // std::atomic
#include <chrono>      // std::chrono
#include <cstddef>     // std::size_t
#include <functional>  // std::function
#include <map>         // std::map
#include <stdexcept>   // std::runtime_error, std::invalid_argument, std::logic_error
#include <string>      // std::string

#include "dynafake/clock.hpp"      // AdjustableClock, ManualClock, TimePoint
#include "dynafake/date_time.hpp"  // DateTime
#include "dynafake/options.hpp"    // ServiceOptions

namespace dynafake {

/// Where a server's clock comes from when the server owns it.
enum class ClockMode {
  Manual,  ///< moves only through the admin API (or HttpServer::AdvanceClock/SetClock)
  System   ///< real time; the admin API can read it but not move it
};

/// The clock an owning HttpServer gives its Services: manual (starts at a
/// given instant, adjustable forward only, except that Rewind() returns it to
/// its start for a reset) or the system clock (not adjustable: Adjustable()
/// is nullptr). Atomic, so thread-safe.
class ServerClock final : public AdjustableClock {
 public:
  explicit ServerClock(ClockMode mode = ClockMode::Manual, TimePoint start = ManualClock::DefaultStart())
      : mode_(mode), start_(start), now_(start.time_since_epoch().count()) {}

  TimePoint Now() const override {
    if (mode_ == ClockMode::System) return std::chrono::system_clock::now();
    return TimePoint(TimePoint::duration(now_.load()));
  }
  AdjustableClock* Adjustable() override { return mode_ == ClockMode::Manual ? this : nullptr; }
  ClockMode Mode() const { return mode_; }
  TimePoint Start() const { return start_; }

  /// Returns a manual clock to its start instant (for a reset of the whole world).
  void Rewind() {
    if (mode_ == ClockMode::Manual) now_.store(start_.time_since_epoch().count());
  }

 protected:
  void AdvanceBy(TimePoint::duration step) override {
    RequireManual();
    detail::MoveForward(now_, step);
  }
  void SetTo(TimePoint t) override {
    RequireManual();
    detail::MoveTo(now_, t);
  }

 private:
  void RequireManual() const {
    if (mode_ != ClockMode::Manual)
      throw std::logic_error("the server runs on the system clock (--clock system); it cannot be moved");
  }
  ClockMode mode_;
  TimePoint start_;
  std::atomic<TimePoint::rep> now_;
};

/// How the HTTP front listens and whom it serves.
struct HttpOptions {
  std::string host = "127.0.0.1";
  /// 0 lets the system pick a free port (read it with HttpServer::Port()).
  int port = 0;
  /// Larger request bodies get 413 and a JSON error.
  std::size_t maxRequestBytes = std::size_t{16} * 1024 * 1024;
  /// Serve /_dynafake/... (the admin API).
  bool admin = true;
  /// Access key id -> account id. Empty: every request goes to the one
  /// Service whatever its credentials. Not empty: each account is its own
  /// Service, and an unknown key is answered with UnrecognizedClientException.
  std::map<std::string, std::string> accounts;
  /// Where POST /_dynafake/state/save writes (and HttpServer::SaveStateFile).
  std::string statePath;
  /// The address DescribeEndpoints answers with; empty: "host:port".
  std::string advertisedAddress;
  /// Called after every request with one line (method, path, target, status).
  std::function<void(const std::string&)> requestLog;
  /// Keep-alive: requests per connection and idle seconds before closing. An
  /// idle connection costs no thread, so it may stay long: SDK connection
  /// pools reuse theirs without racing a close.
  std::size_t keepAliveMaxCount = 10000;
  int keepAliveTimeoutSeconds = 60;
  /// The request line and headers together: more bytes, or more header lines, get 431.
  std::size_t maxHeaderBytes = 64 * 1024;
  std::size_t maxHeaderCount = 100;
  /// A request begun but not complete within this time gets 408 and its
  /// connection is closed (slow or stalled clients); the same bound applies
  /// to a client that does not read its answer.
  int requestTimeoutMs = 10000;
  /// Serving threads, each a poll() loop over its own connections; 0: one
  /// per core, at most 4. Requests on different loops run concurrently
  /// (the Service locks itself).
  int threads = 0;
};

/// Everything an owning HttpServer builds: the Services' options, the clock, the HTTP front.
struct ServerConfig {
  ServiceOptions service;
  ClockMode clock = ClockMode::Manual;
  TimePoint startTime = ManualClock::DefaultStart();
  HttpOptions http;
};

/// An admin request that cannot be honoured: HTTP status and a message naming what was wrong.
class AdminError : public std::runtime_error {
 public:
  AdminError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int Status() const { return status_; }

 private:
  int status_;
};

}  // namespace dynafake
