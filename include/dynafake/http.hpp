// dynafake — the fake on loopback: DynamoDB JSON 1.0 over HTTP, plus an admin API.
//
//   dynafake::HttpServer server;               // owns a ManualClock-like clock and a Service
//   server.Start();                            // port 0: the system picks a free port
//   std::string url = server.Url();            // "http://127.0.0.1:41237"
//   // point boto3 / the AWS CLI / aws-sdk-cpp (endpointOverride, scheme HTTP) at `url`
//   server.AdvanceClock(std::chrono::hours(24 * 35));
//   server.Stop();
//
// Or over a Service the test already owns (its clock stays the test's):
//
//   dynafake::ManualClock clock;
//   dynafake::Service service(clock);
//   dynafake::HttpServer server(service);
//
// What it serves:
//   POST /   with X-Amz-Target: DynamoDB_20120810.<Operation>, answered by
//            dynafake::Wire (the same bytes the service would send). Any SigV4
//            Authorization header is accepted without checking the signature;
//            with HttpOptions::accounts the access key id picks the account,
//            each account being its own Service. DescribeEndpoints answers
//            with the server's own host:port.
//   GET  /   "healthy: dynafake" (DynamoDB answers health checks the same way)
//   /_dynafake/...  the admin API (JSON in and out, errors 4xx {"error": "..."}):
//     GET    /_dynafake/health             {"status":"ok"}
//     GET    /_dynafake/clock              {"now":"2026-01-01T00:00:00.000Z","epoch":1767225600.0}
//     POST   /_dynafake/clock/advance      {"seconds": 3024000}          -> the new clock
//     POST   /_dynafake/clock/set          {"time":"2026-02-05T00:00:00Z"} -> the new clock (backwards: 400)
//     POST   /_dynafake/faults             {"operation":"CreateBackup","table":"orders",
//                                           "error":"InternalServerError","message":"...",
//                                           "status":500,"nth":3,"times":1} -> {"id":"1"}
//     GET    /_dynafake/faults             {"faults":[{...,"id":"1","seen":0,"fired":0}]}
//     DELETE /_dynafake/faults/{id}        {"deleted":"1"} (unknown id: 404)
//     DELETE /_dynafake/faults             {"deleted":<count>}
//     POST   /_dynafake/reset              empty world, clock back to its start time
//     GET    /_dynafake/state              the snapshot JSON (dynafake::SaveState)
//     PUT    /_dynafake/state              loads a snapshot (dynafake::LoadState); the clock
//                                           moves to the snapshot's time (never backwards)
//     POST   /_dynafake/state/save         writes the snapshot to HttpOptions::statePath
//     GET    /_dynafake/journal[?since=N]  {"calls":[{"sequence","time","operation","table","backup",
//                                           "outcome","error","cause",...}]} oldest first (Service::Journal)
//     DELETE /_dynafake/journal            {"deleted":<count>}
//     GET    /_dynafake/overview           clock, tables, backups, exports, fault rules in one JSON
//     GET    /_dynafake/tables/{name}/items?limit=25&start=<key>  a page of a table's items
//     GET    /_dynafake/objects/{bucket}?prefix=P  {"bucket","keys":[...]}: the object store's keys
//     GET    /_dynafake/objects/{bucket}/{key}     an object's bytes (an export's files); PUT stores one
//     GET    /_dynafake/ui/                the dashboard: one page reading the calls above
//   Admin calls about one account take `?account=123456789012` (default: the
//   Service's own account).
//
// A few poll() loops serve every connection (dynafake/http/socket_server.hpp;
// HttpOptions::threads, default one per core up to 4): an idle keep-alive
// connection costs no worker, so hundreds of SDK connections are served side
// by side. Limits (HttpOptions): a body over maxRequestBytes
// (16 MB) gets 413, headers over maxHeaderBytes/maxHeaderCount get 431, a
// request not complete within requestTimeoutMs gets 408, an idle connection
// is closed after keepAliveTimeoutSeconds; JSON nested deeper than
// wire::kMaxJsonDepth is refused. None of them holds up other clients.
// Thread-safe: the Service locks itself and the clock is atomic.
//
// Needs nlohmann_json and POSIX sockets (CMake target dynafake::http); no
// HTTP library, no TLS or compression library.
#pragma once

#include <chrono>       // std::chrono
#include <cstddef>      // std::size_t
#include <map>          // std::map
#include <memory>       // std::unique_ptr
#include <mutex>        // std::mutex
#include <stdexcept>    // std::runtime_error, std::invalid_argument, std::logic_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <thread>       // std::thread
#include <utility>      // std::pair, std::move
#include <vector>       // std::vector

#include "dynafake/clock.hpp"                // Clock
#include "dynafake/http/accounts.hpp"        // Accounts
#include "dynafake/http/admin_client.hpp"    // AdminClient
#include "dynafake/http/admin_clock.hpp"     // ClockControl
#include "dynafake/http/admin_faults.hpp"    // AddFaultRoutes
#include "dynafake/http/admin_journal.hpp"   // AddJournalRoutes
#include "dynafake/http/admin_json.hpp"      // Json, AdminRoute
#include "dynafake/http/admin_objects.hpp"   // AddObjectRoutes
#include "dynafake/http/admin_overview.hpp"  // AddOverviewRoutes
#include "dynafake/http/admin_state.hpp"     // StateControl
#include "dynafake/http/config.hpp"          // HttpOptions
#include "dynafake/http/dashboard.hpp"       // AddDashboardRoute, ServerConfig, ServerClock, AdminError
#include "dynafake/http/message.hpp"         // http::Request, http::HttpResponse
#include "dynafake/http/router.hpp"          // http::Router
#include "dynafake/http/socket_server.hpp"   // http::SocketServer
#include "dynafake/options.hpp"              // ServiceOptions
#include "dynafake/service.hpp"              // Service
#include "dynafake/wire.hpp"                 // Wire

namespace dynafake {

namespace http {
namespace detail {

/// "host:port", with IPv6 literals in brackets.
inline std::string HostPort(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos && (host.empty() || host.front() != '[');
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

inline std::string PercentEncode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15u];
    }
  }
  return out;
}

}  // namespace detail
}  // namespace http

/// DynamoDB JSON 1.0 on a loopback socket, plus the admin API. Embeddable:
/// construct, Start() (port 0 picks a free port), read Port()/Url(), Stop()
/// (also done by the destructor).
class HttpServer {
 public:
  /// Owns its clock and its Service (one per account when HttpOptions::accounts is set).
  explicit HttpServer(ServerConfig config = {})
      : options_(std::move(config.http)),
        ownedClock_(std::make_unique<ServerClock>(config.clock, config.startTime)),
        accounts_(*ownedClock_, config.service, options_.accounts),
        clock_(ownedClock_.get(), *ownedClock_),
        state_(accounts_, clock_, options_.statePath) {
    BuildRoutes();
  }

  /// Serves an existing Service; the test keeps owning it and its clock. The
  /// admin clock calls work when that clock is adjustable (a ManualClock); a reset
  /// empties the Service but leaves the clock where it is (a ManualClock
  /// never moves backwards). HttpOptions::accounts must be empty.
  explicit HttpServer(Service& service, HttpOptions options = {})
      : options_(RequireNoAccounts(std::move(options))),
        accounts_(service),
        clock_(nullptr, service.GetClock()),
        state_(accounts_, clock_, options_.statePath) {
    BuildRoutes();
  }

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer() { Stop(); }

  /// Binds and starts serving on a background thread. Port() is valid when it
  /// returns. Throws std::runtime_error when the address cannot be bound.
  void Start() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    if (!loops_.empty()) throw std::logic_error("HttpServer::Start: already started");
    http::Limits limits;
    limits.maxBodyBytes = options_.maxRequestBytes;
    limits.maxHeaderBytes = options_.maxHeaderBytes;
    limits.maxHeaderCount = options_.maxHeaderCount;
    http::Timeouts timeouts;
    timeouts.idle = std::chrono::seconds(options_.keepAliveTimeoutSeconds);
    timeouts.request = std::chrono::milliseconds(options_.requestTimeoutMs);
    timeouts.write = std::chrono::milliseconds(options_.requestTimeoutMs);
    const auto makeLoop = [&] {
      auto loop = std::make_unique<http::SocketServer>(
          limits, timeouts, [this](http::Request& r) { return Handle(r); },
          [this](int status, const std::string& message) { return ParseError(status, message); });
      loop->SetMaxRequestsPerConnection(options_.keepAliveMaxCount);
      return loop;
    };
    std::vector<std::unique_ptr<http::SocketServer>> loops;
    loops.push_back(makeLoop());
    try {
      port_ = loops[0]->Bind(options_.host, options_.port);
    } catch (const std::exception& e) {
      throw std::runtime_error("dynafake: cannot bind " + http::detail::HostPort(options_.host, options_.port) + ": " +
                               e.what() + " (in use, or not an address of this machine?)");
    }
    for (int i = 1; i < LoopCount(); ++i) {
      loops.push_back(makeLoop());
      loops.back()->ShareListener(*loops[0]);
    }
    accounts_.SetEndpointAddress(options_.advertisedAddress.empty() ? http::detail::HostPort(options_.host, port_)
                                                                    : options_.advertisedAddress);
    loops_ = std::move(loops);
    for (auto& loop : loops_) {
      http::SocketServer* raw = loop.get();
      threads_.emplace_back([raw] { raw->Run(); });
    }
  }

  /// Stops serving and joins the threads; open connections (idle keep-alive
  /// ones too) are closed at once. Idempotent.
  void Stop() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    for (auto& loop : loops_) loop->Stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    loops_.clear();
  }

  bool Running() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    return !loops_.empty();
  }
  /// Connections open right now (0 when not serving).
  std::size_t ConnectionCount() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    std::size_t n = 0;
    for (const auto& loop : loops_) n += loop->ConnectionCount();
    return n;
  }
  /// The bound port (after Start()).
  int Port() const { return port_; }
  const std::string& Host() const { return options_.host; }
  /// "http://127.0.0.1:PORT": what endpoint_url / --endpoint-url / endpointOverride take.
  std::string Url() const { return "http://" + http::detail::HostPort(options_.host, port_); }

  /// The Service of an account ("" = the default account). Throws std::out_of_range for an unknown account.
  Service& GetService(const std::string& accountId = "") { return *accounts_.Find(accountId).service; }
  Wire& GetWire(const std::string& accountId = "") { return *accounts_.Find(accountId).wire; }
  std::vector<std::string> AccountIds() const { return accounts_.Ids(); }

  // ---- the admin API, in C++

  TimePoint Now() const { return clock_.Now(); }
  /// Moves the clock forward. Throws AdminError (400) on a negative step or a clock that cannot move.
  void AdvanceClock(std::chrono::milliseconds step) { clock_.Advance(step); }
  /// Moves the clock to `t`. Throws AdminError (400) when `t` is in the past.
  void SetClock(TimePoint t) { clock_.Set(t); }
  /// Empties every account's Service (tables, backups, faults, ARN generator)
  /// and, when the server owns a manual clock, returns it to its start time.
  void ResetWorld() {
    accounts_.ResetAll();
    clock_.Rewind();
  }
  /// The snapshot (dynafake::SaveState) of one account's Service.
  std::string SaveStateJson(const std::string& accountId = "") { return state_.Save(accountId); }
  /// Loads a snapshot into one account's Service; a server that owns a manual
  /// clock moves it to the snapshot's time (never backwards). Throws AdminError(400).
  void LoadStateJson(std::string_view json, const std::string& accountId = "") { state_.Load(json, accountId); }
  /// The state file's content: the default account's snapshot, or with
  /// several accounts {"accounts": {"<id>": <snapshot>, ...}}.
  std::string SaveStateDocument() { return state_.SaveDocument(); }
  void LoadStateDocument(const std::string& text) { state_.LoadDocument(text); }
  /// Writes SaveStateDocument() to `path` (default HttpOptions::statePath)
  /// atomically (dynafake/http/state_file.hpp).
  void SaveStateFile(std::string path = {}) { state_.SaveFile(std::move(path)); }
  /// Loads `path` if it exists; returns whether it did. Throws AdminError
  /// naming the file and where it is broken; nothing is loaded then.
  bool LoadStateFile(const std::string& path) { return state_.LoadFile(path); }

  /// Answers one admin request without the network (what the routes call).
  /// `path` is below /_dynafake (e.g. "/clock/advance"); `query` holds its parameters.
  std::pair<int, std::string> Admin(const std::string& method, const std::string& path, const std::string& body,
                                    const std::map<std::string, std::string>& query = {}) {
    http::Request request;
    request.method = method;
    request.path = kAdminBase + path;
    for (const auto& kv : query)
      request.query += (request.query.empty() ? "" : "&") + http::detail::PercentEncode(kv.first) + "=" +
                       http::detail::PercentEncode(kv.second);
    request.target = request.path + (request.query.empty() ? "" : "?" + request.query);
    request.body = body;
    const http::HttpResponse r = Handle(request);
    return {r.status, r.body};
  }

  /// Answers one parsed HTTP request (what the socket loop calls; also usable without a socket).
  http::HttpResponse Handle(const http::Request& request) {
    const http::Router::Match m = router_.Find(request.method, request.path);
    http::HttpResponse response;
    if (m.handler) {
      response = (*m.handler)(request, m.rest);
    } else if (m.pathKnown) {
      response = ErrorAnswer(405, "use " + m.allowed + " for " + request.path);
    } else if (options_.admin && request.path.rfind(kAdminBase, 0) == 0) {
      response = ErrorAnswer(404, "no admin endpoint " + request.path +
                                      " (see GET /_dynafake/health, /clock, /faults, /state; POST /reset)");
    } else {
      response =
          ErrorAnswer(404, "no route for " + request.method + " " + request.path +
                               " (DynamoDB calls are POST / with X-Amz-Target; admin calls are under /_dynafake/)");
    }
    if (options_.requestLog) {
      std::string line = request.method + " " + request.path;
      if (const std::string* target = request.FindHeader("X-Amz-Target")) line += " " + *target;
      std::lock_guard<std::mutex> lock(logMu_);
      options_.requestLog(line + " -> " + std::to_string(response.status));
    }
    return response;
  }

 private:
  static constexpr const char* kAdminBase = "/_dynafake";

  static HttpOptions RequireNoAccounts(HttpOptions options) {
    if (!options.accounts.empty())
      throw std::invalid_argument(
          "HttpServer over a given Service serves one account; HttpOptions::accounts must be empty");
    return options;
  }

  static http::HttpResponse ErrorAnswer(int status, const std::string& message) {
    return http::HttpResponse(status, "application/json", http::detail::Dump(http::detail::ErrorJson(message)));
  }

  /// The answer to a request the parser refused (it is sent, then the connection closes).
  http::HttpResponse ParseError(int status, const std::string& message) {
    if (status == 413) {
      // What DynamoDB's front end calls it; "message" for SDKs, "error" like every admin error.
      const http::detail::Json body{{"__type", "com.amazon.coral.service#RequestEntityTooLargeException"},
                                    {"message", "Request " + message},
                                    {"error", "request too large: " + message}};
      return http::HttpResponse(413, "application/json", http::detail::Dump(body));
    }
    const http::detail::Json body{{"message", message},
                                  {"error", "bad request (HTTP " + std::to_string(status) + "): " + message}};
    return http::HttpResponse(status, "application/json", http::detail::Dump(body));
  }

  void BuildRoutes() {
    router_.Add("POST", "/", [this](const http::Request& r, const std::string&) { return ServeDynamo(r); });
    router_.Add("GET", "/", [](const http::Request&, const std::string&) {
      return http::HttpResponse(200, "text/plain", "healthy: dynafake");
    });
    if (!options_.admin) return;
    using http::detail::AdminCall;
    using http::detail::Json;
    const std::string base = kAdminBase;
    router_.Add("GET", base + "/health", http::detail::AdminRoute([](const AdminCall&) {
                  return Json{{"status", "ok"}};
                }));
    clock_.AddRoutes(router_, base);
    http::AddFaultRoutes(router_, base, accounts_);
    router_.Add("POST", base + "/reset", http::detail::AdminRoute([this](const AdminCall&) {
                  ResetWorld();
                  Json out = clock_.ToJson();
                  out["status"] = "reset";
                  return out;
                }));
    state_.AddRoutes(router_, base);
    http::AddJournalRoutes(router_, base, accounts_);
    http::AddOverviewRoutes(router_, base, accounts_, clock_);
    http::AddObjectRoutes(router_, base, accounts_);
    http::AddDashboardRoute(router_, base);
  }

  http::HttpResponse ServeDynamo(const http::Request& request) {
    http::Accounts::Refusal refusal;
    http::Accounts::Account* account = accounts_.ForRequest(request.HeaderValue("Authorization"), refusal);
    if (!account) {
      return http::HttpResponse(
          400, wire::kContentType,
          http::detail::Dump(http::detail::Json{{"__type", refusal.type}, {"message", refusal.message}}));
    }
    dynafake::Response r = account->wire->Handle(request.HeaderValue("X-Amz-Target"), request.body);
    http::HttpResponse out(r.status, wire::kContentType, std::move(r.body));
    for (auto& h : r.headers) {
      if (h.first == "Content-Type")
        out.contentType = h.second;
      else
        out.headers.emplace_back(h.first, std::move(h.second));
    }
    return out;
  }

  HttpOptions options_;
  std::unique_ptr<ServerClock> ownedClock_;  // before accounts_: the Services read it
  http::Accounts accounts_;
  http::ClockControl clock_;
  http::StateControl state_;
  http::Router router_;

  int LoopCount() const {
    if (options_.threads > 0) return options_.threads;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(cores < 4 ? cores : 4);
  }

  std::mutex logMu_;
  std::mutex lifecycle_;
  std::vector<std::unique_ptr<http::SocketServer>> loops_;
  std::vector<std::thread> threads_;
  int port_ = 0;
};

}  // namespace dynafake
