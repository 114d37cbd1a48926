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
//   Admin calls about one account take `?account=123456789012` (default: the
//   Service's own account).
//
// Requests over HttpOptions::maxRequestBytes (16 MB by default) get 413 and
// a JSON error. Connections are kept alive. Thread-safe: the Service locks
// itself and the clock is atomic.
//
// Needs nlohmann_json and cpp-httplib (CMake target dynafake::http).
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
#include "dynafake/service.hpp"  // Service
#include "dynafake/wire.hpp"     // Wire, Response
#include "dynafake/wire/state.hpp"  // SaveState, LoadState
#include "dynafake/http/admin_client.hpp"  // AdminClient
#include "dynafake/http/admin_json.hpp"    // the admin API's JSON
#include "dynafake/http/config.hpp"        // HttpOptions, ServerConfig, ServerClock, AdminError

namespace dynafake {

/// DynamoDB JSON 1.0 on a loopback socket, plus the admin API. Embeddable:
/// construct, Start() (port 0 picks a free port), read Port()/Url(), Stop()
/// (also done by the destructor).
class HttpServer {
 public:
  /// Owns its clock and its Service (one per account when HttpOptions::accounts is set).
  explicit HttpServer(ServerConfig config = {})
      : options_(std::move(config.http)), serviceOptions_(config.service),
        ownedClock_(std::make_unique<ServerClock>(config.clock, config.startTime)) {
    AddAccount(serviceOptions_.accountId);
    for (const auto& kv : options_.accounts) AddAccount(kv.second);
  }

  /// Serves an existing Service; the test keeps owning it and its clock. The
  /// admin clock calls work when that clock is a ManualClock; a reset
  /// empties the Service but leaves the clock where it is (a ManualClock
  /// never moves backwards). HttpOptions::accounts must be empty.
  explicit HttpServer(Service& service, HttpOptions options = {})
      : options_(std::move(options)), serviceOptions_(service.Options()) {
    if (!options_.accounts.empty())
      throw std::invalid_argument("HttpServer over a given Service serves one account; HttpOptions::accounts must be empty");
    accounts_.emplace(serviceOptions_.accountId, Account{nullptr, &service, std::make_unique<Wire>(service)});
  }

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer() { Stop(); }

  /// Binds and starts serving on a background thread. Port() is valid when it
  /// returns. Throws std::runtime_error when the address cannot be bound.
  void Start() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    if (server_) throw std::logic_error("HttpServer::Start: already started");
    auto server = std::make_unique<httplib::Server>();
    Configure(*server);
    int port = options_.port;
    if (port == 0) {
      port = server->bind_to_any_port(options_.host);
      if (port <= 0) throw std::runtime_error("dynafake: cannot bind " + options_.host + " on a free port");
    } else if (!server->bind_to_port(options_.host, port)) {
      throw std::runtime_error("dynafake: cannot bind " + http_detail::HostPort(options_.host, port) +
                               " (in use, or not an address of this machine?)");
    }
    port_ = port;
    const std::string advertised =
        options_.advertisedAddress.empty() ? http_detail::HostPort(options_.host, port) : options_.advertisedAddress;
    for (auto& kv : accounts_) kv.second.wire->SetEndpointAddress(advertised);
    server_ = std::move(server);
    httplib::Server* raw = server_.get();
    thread_ = std::thread([raw] { raw->listen_after_bind(); });
    // httplib's stop() is a no-op until the accept loop runs; wait for it so
    // that a Stop() right after Start() cannot leave the thread serving.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!raw->is_running()) {
      if (std::chrono::steady_clock::now() > deadline) {
        raw->stop();
        thread_.detach();
        server_.release();  // the thread may still touch it
        throw std::runtime_error("dynafake: the HTTP server did not start within 10 s");
      }
      std::this_thread::yield();
    }
  }

  /// Stops accepting, finishes the requests in flight, joins the thread.
  /// Idle keep-alive connections are closed within
  /// HttpOptions::keepAliveTimeoutSeconds. Idempotent.
  void Stop() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  bool Running() {
    std::lock_guard<std::mutex> lock(lifecycle_);
    return server_ != nullptr;
  }
  /// The bound port (after Start()).
  int Port() const { return port_; }
  const std::string& Host() const { return options_.host; }
  /// "http://127.0.0.1:PORT": what endpoint_url / --endpoint-url / endpointOverride take.
  std::string Url() const { return "http://" + http_detail::HostPort(options_.host, port_); }

  /// The Service of an account ("" = the default account). Throws std::out_of_range for an unknown account.
  Service& GetService(const std::string& accountId = "") { return *Find(accountId).service; }
  Wire& GetWire(const std::string& accountId = "") { return *Find(accountId).wire; }
  std::vector<std::string> AccountIds() const {
    std::vector<std::string> ids;
    for (const auto& kv : accounts_) ids.push_back(kv.first);
    return ids;
  }

  // ---- the admin API, in C++

  TimePoint Now() const { return ClockOf().Now(); }
  /// Moves the clock forward. Throws AdminError (400) on a negative step or a clock that cannot move.
  void AdvanceClock(std::chrono::milliseconds step) {
    if (step.count() < 0) throw AdminError(400, "time cannot move backwards ('seconds' is negative)");
    try {
      if (ownedClock_) return ownedClock_->Advance(step);
      if (auto* manual = dynamic_cast<ManualClock*>(&ClockOf())) return manual->Advance(step);
    } catch (const std::exception& e) {
      throw AdminError(400, e.what());
    }
    throw AdminError(400, "the Service's clock is not a ManualClock; it cannot be moved");
  }
  /// Moves the clock to `t`. Throws AdminError (400) when `t` is in the past.
  void SetClock(TimePoint t) {
    try {
      if (ownedClock_) return ownedClock_->Set(t);
      if (auto* manual = dynamic_cast<ManualClock*>(&ClockOf())) return manual->Set(t);
    } catch (const std::exception& e) {
      throw AdminError(400, e.what());
    }
    throw AdminError(400, "the Service's clock is not a ManualClock; it cannot be moved");
  }
  /// Empties every account's Service (tables, backups, faults, ARN generator)
  /// and, when the server owns a manual clock, returns it to its start time.
  void ResetWorld() {
    for (auto& kv : accounts_) kv.second.service->Reset();
    if (ownedClock_) ownedClock_->Rewind();
  }
  /// The snapshot (dynafake::SaveState) of one account's Service.
  std::string SaveStateJson(const std::string& accountId = "") { return SaveState(GetService(accountId)); }
  /// Loads a snapshot into one account's Service. A server that owns a manual
  /// clock moves it to the snapshot's time (never backwards: load after a
  /// reset to go back). Throws AdminError(400) for a snapshot that does not load.
  void LoadStateJson(std::string_view json, const std::string& accountId = "") {
    Service& service = GetService(accountId);
    std::optional<TimePoint> savedAt;
    if (ownedClock_ && ownedClock_->Mode() == ClockMode::Manual) {
      const auto doc = http_detail::Json::parse(json.begin(), json.end(), nullptr, false);
      if (doc.is_object() && doc.contains("clock") && doc["clock"].is_object() && doc["clock"].contains("ms") &&
          doc["clock"]["ms"].is_number_integer()) {
        savedAt = TimePoint(std::chrono::milliseconds(doc["clock"]["ms"].get<int64_t>()));
        if (*savedAt < ownedClock_->Now())
          throw AdminError(400, "the snapshot was saved at " + DateTime(*savedAt).ToIso8601() +
                                    " but the clock is already at " + DateTime(ownedClock_->Now()).ToIso8601() +
                                    "; time cannot move backwards (POST /_dynafake/reset first)");
      }
    }
    try {
      LoadState(service, json);
    } catch (const AdminError&) {
      throw;
    } catch (const std::exception& e) {
      throw AdminError(400, std::string("cannot load the snapshot: ") + e.what());
    }
    if (savedAt) ownedClock_->Set(*savedAt);
  }
  /// The state file's content: the default account's snapshot, or with
  /// several accounts {"accounts": {"<id>": <snapshot>, ...}}.
  std::string SaveStateDocument() {
    if (accounts_.size() == 1) return SaveStateJson();
    http_detail::Json doc{{"accounts", http_detail::Json::object()}};
    for (auto& kv : accounts_) doc["accounts"][kv.first] = http_detail::Json::parse(SaveStateJson(kv.first));
    return http_detail::Dump(doc);
  }
  void LoadStateDocument(const std::string& text) {
    if (accounts_.size() == 1) return LoadStateJson(text);
    const auto doc = http_detail::Json::parse(text, nullptr, false);
    if (!doc.is_object() || !doc.contains("accounts") || !doc["accounts"].is_object())
      throw AdminError(400, "a state file for several accounts must be {\"accounts\": {\"<account id>\": <snapshot>}}");
    for (auto it = doc["accounts"].begin(); it != doc["accounts"].end(); ++it) {
      if (!accounts_.count(it.key())) throw AdminError(400, "the state file names unknown account '" + it.key() + "'");
      LoadStateJson(http_detail::Dump(*it), it.key());
    }
  }
  /// Writes SaveStateDocument() to `path` (default HttpOptions::statePath)
  /// atomically: a temporary file next to it, then rename.
  void SaveStateFile(std::string path = {}) {
    if (path.empty()) path = options_.statePath;
    if (path.empty()) throw AdminError(400, "no state file configured (start the server with --state FILE)");
    const std::string text = SaveStateDocument();
    const std::string tmp = path + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << text;
      out.flush();
      if (!out) throw AdminError(500, "cannot write " + tmp);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::remove(tmp.c_str());
      throw AdminError(500, "cannot rename " + tmp + " to " + path);
    }
  }
  /// Loads `path` if it exists; returns whether it did.
  bool LoadStateFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    LoadStateDocument(text.str());
    return true;
  }

  /// Answers one admin request without the network (what the routes call).
  /// `path` is below /_dynafake (e.g. "/clock/advance"); `query` holds its parameters.
  std::pair<int, std::string> Admin(const std::string& method, const std::string& path, const std::string& body,
                                    const std::map<std::string, std::string>& query = {}) {
    try {
      return {200, http_detail::Dump(AdminCall(method, path, body, query))};
    } catch (const AdminError& e) {
      return {e.Status(), http_detail::Dump(http_detail::ErrorJson(e.what()))};
    } catch (const std::out_of_range& e) {
      return {404, http_detail::Dump(http_detail::ErrorJson(e.what()))};
    } catch (const std::exception& e) {
      return {500, http_detail::Dump(http_detail::ErrorJson(std::string("internal error: ") + e.what()))};
    }
  }

 private:
  struct Account {
    std::unique_ptr<Service> owned;
    Service* service;
    std::unique_ptr<Wire> wire;
  };

  void AddAccount(const std::string& accountId) {
    if (accounts_.count(accountId)) return;
    ServiceOptions o = serviceOptions_;
    o.accountId = accountId;
    auto service = std::make_unique<Service>(*ownedClock_, std::move(o));
    Service* raw = service.get();
    accounts_.emplace(accountId, Account{std::move(service), raw, std::make_unique<Wire>(*raw)});
  }

  Account& Find(const std::string& accountId) {
    const auto it = accounts_.find(accountId.empty() ? serviceOptions_.accountId : accountId);
    if (it == accounts_.end()) throw std::out_of_range("no account '" + accountId + "' on this server");
    return it->second;
  }

  Clock& ClockOf() const {
    if (ownedClock_) return *ownedClock_;
    return accounts_.begin()->second.service->GetClock();
  }

  http_detail::Json ClockJson() const {
    const DateTime now(Now());
    return http_detail::Json{{"now", now.ToIso8601()}, {"epoch", now.SecondsWithMSPrecision()}};
  }

  http_detail::Json AdminCall(const std::string& method, const std::string& path, const std::string& body,
                              const std::map<std::string, std::string>& query) {
    using http_detail::Json;
    std::string account;
    if (const auto it = query.find("account"); it != query.end()) account = it->second;
    const auto service = [&]() -> Service& {
      const auto it = accounts_.find(account.empty() ? serviceOptions_.accountId : account);
      if (it == accounts_.end()) throw AdminError(400, "unknown account '" + account + "'");
      return *it->second.service;
    };
    const auto methodIs = [&](const char* m) {
      if (method != m) throw AdminError(405, "use " + std::string(m) + " for /_dynafake" + path);
    };

    if (path == "/health") {
      methodIs("GET");
      return Json{{"status", "ok"}};
    }
    if (path == "/clock") {
      methodIs("GET");
      return ClockJson();
    }
    if (path == "/clock/advance") {
      methodIs("POST");
      const Json j = http_detail::ParseObject(body);
      http_detail::OnlyFields(j, {"seconds"});
      const auto it = j.find("seconds");
      if (it == j.end() || !it->is_number())
        throw AdminError(400, "'seconds' (a number of seconds to move forward) is required");
      const double seconds = it->get<double>();
      if (!std::isfinite(seconds) || seconds > 1e11) throw AdminError(400, "'seconds' is out of range");
      if (seconds < 0) throw AdminError(400, "time cannot move backwards ('seconds' is negative)");
      AdvanceClock(std::chrono::milliseconds(std::llround(seconds * 1000.0)));
      return ClockJson();
    }
    if (path == "/clock/set") {
      methodIs("POST");
      const Json j = http_detail::ParseObject(body);
      http_detail::OnlyFields(j, {"time", "epoch"});
      std::optional<DateTime> t;
      if (j.contains("time")) {
        const std::string text = http_detail::StringField(j, "time");
        t = DateTime::TryParseIso8601(text);
        if (!t) throw AdminError(400, "'time' is not an ISO-8601 instant: '" + text + "' (e.g. 2026-02-05T00:00:00Z)");
      } else if (j.contains("epoch")) {
        if (!j["epoch"].is_number()) throw AdminError(400, "'epoch' must be a number of seconds since 1970");
        t = DateTime(j["epoch"].get<double>());
      } else {
        throw AdminError(400, "'time' (ISO-8601, e.g. 2026-02-05T00:00:00Z) is required");
      }
      SetClock(*t);
      return ClockJson();
    }
    if (path == "/faults") {
      if (method == "GET") {
        Json list = Json::array();
        std::lock_guard<std::mutex> lock(faultsMu_);
        for (const auto& e : service().Faults().List()) {
          Json item = faultJson_[FaultKey(account, e.id)];
          item["id"] = std::to_string(e.id);
          item["seen"] = e.seen;
          item["fired"] = e.fired;
          list.push_back(std::move(item));
        }
        return Json{{"faults", list}};
      }
      if (method == "POST") {
        Json j = http_detail::ParseObject(body);
        if (j.contains("account")) account = http_detail::StringField(j, "account");
        Json describe;
        FaultRule rule = http_detail::RuleFromJson(j, describe);
        Service& s = service();
        std::lock_guard<std::mutex> lock(faultsMu_);
        const int id = s.Faults().Add(std::move(rule));
        faultJson_[FaultKey(account, id)] = describe;
        return Json{{"id", std::to_string(id)}};
      }
      if (method == "DELETE") {
        Service& s = service();
        const auto n = s.Faults().List().size();
        s.Faults().Clear();
        return Json{{"deleted", n}};
      }
      throw AdminError(405, "use GET, POST or DELETE for /_dynafake/faults");
    }
    if (path.rfind("/faults/", 0) == 0) {
      methodIs("DELETE");
      const std::string id = path.substr(8);
      int n = 0;
      try {
        std::size_t used = 0;
        n = std::stoi(id, &used);
        if (used != id.size()) throw std::invalid_argument(id);
      } catch (const std::exception&) {
        throw AdminError(404, "no fault rule with id '" + id + "'");
      }
      if (!service().Faults().Remove(n)) throw AdminError(404, "no fault rule with id '" + id + "'");
      return Json{{"deleted", id}};
    }
    if (path == "/reset") {
      methodIs("POST");
      ResetWorld();
      Json out = ClockJson();
      out["status"] = "reset";
      return out;
    }
    if (path == "/state") {
      if (method == "GET") {
        const std::string snapshot = SaveState(service());
        Json j = Json::parse(snapshot, nullptr, false);
        if (j.is_discarded()) throw AdminError(500, "the snapshot is not JSON");
        return j;
      }
      if (method == "PUT") {
        service();  // an unknown account is a 400
        if (Json::parse(body, nullptr, false).is_discarded()) throw AdminError(400, "the snapshot is not JSON");
        LoadStateJson(body, account);
        Json out = ClockJson();
        out["status"] = "loaded";
        return out;
      }
      throw AdminError(405, "use GET or PUT for /_dynafake/state");
    }
    if (path == "/state/save") {
      methodIs("POST");
      SaveStateFile();
      return Json{{"status", "saved"}, {"path", options_.statePath}};
    }
    throw AdminError(404, "no admin endpoint /_dynafake" + path +
                              " (see GET /_dynafake/health, /clock, /faults, /state; POST /reset)");
  }

  static std::string FaultKey(const std::string& account, int id) { return account + "#" + std::to_string(id); }

  void Configure(httplib::Server& s) {
    using http_detail::Json;
    s.set_payload_max_length(options_.maxRequestBytes);
    s.set_keep_alive_max_count(options_.keepAliveMaxCount);
    s.set_keep_alive_timeout(options_.keepAliveTimeoutSeconds);
    s.set_tcp_nodelay(true);
    // httplib's default sets SO_REUSEPORT, which lets a second server bind a
    // port already served and steal half its connections. SO_REUSEADDR only:
    // a restart may reuse a port in TIME_WAIT, a live one is refused.
    s.set_socket_options([](auto sock) {
#ifdef _WIN32
      BOOL yes = TRUE;
      setsockopt(sock, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&yes), sizeof(yes));
#else
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
#endif
    });

    s.Post("/", [this](const httplib::Request& req, httplib::Response& res) { ServeDynamo(req, res); });
    std::function<void(const httplib::Request&, httplib::Response&)> admin;
    s.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("healthy: dynafake", "text/plain");
    });
    if (options_.admin) {
      admin = [this](const httplib::Request& req, httplib::Response& res) {
        std::map<std::string, std::string> query;
        for (const auto& kv : req.params) query[kv.first] = kv.second;
        std::string path = req.path.substr(std::string("/_dynafake").size());
        if (path.size() > 1 && path.back() == '/') path.pop_back();
        const auto answer = Admin(req.method, path, req.body, query);
        res.status = answer.first;
        res.set_content(answer.second, "application/json");
      };
      s.Get(R"(/_dynafake/.*)", admin);
      s.Post(R"(/_dynafake/.*)", admin);
      s.Put(R"(/_dynafake/.*)", admin);
      s.Delete(R"(/_dynafake/.*)", admin);
    }
    // A POST or PUT with neither Content-Length nor chunked encoding has no
    // body (RFC 9112 6.3), but httplib refuses it with 400. `curl -X POST
    // .../_dynafake/reset` sends exactly that: answer it with an empty body.
    s.set_pre_routing_handler([this, admin](const httplib::Request& req, httplib::Response& res) {
      if ((req.method != "POST" && req.method != "PUT") || req.has_header("Content-Length") ||
          req.has_header("Transfer-Encoding"))
        return httplib::Server::HandlerResponse::Unhandled;
      if (req.path == "/" && req.method == "POST") {
        ServeDynamo(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }
      if (admin && req.path.rfind("/_dynafake/", 0) == 0) {
        admin(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Errors httplib raises itself (413 over the size limit, 404, 400 on a bad
    // request line) get a JSON body; answers that already have one are left alone.
    s.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      if (res.status == 413) {
        const Json body{{"__type", "com.amazon.coral.service#RequestEntityTooLargeException"},
                        {"message", "Request body of " + req.get_header_value("Content-Length") +
                                        " bytes exceeds the limit of " + std::to_string(options_.maxRequestBytes) +
                                        " bytes"},
                        {"error", "request body too large (limit " + std::to_string(options_.maxRequestBytes) +
                                      " bytes)"}};
        res.set_content(http_detail::Dump(body), "application/json");
      } else if (res.status == 404 || res.status == 405) {
        res.set_content(http_detail::Dump(http_detail::ErrorJson(
                            "no route for " + req.method + " " + req.path +
                            " (DynamoDB calls are POST / with X-Amz-Target; admin calls are under /_dynafake/)")),
                        "application/json");
      } else {
        res.set_content(http_detail::Dump(http_detail::ErrorJson("bad request (HTTP " + std::to_string(res.status) +
                                                                 ") for " + req.method + " " + req.path)),
                        "application/json");
      }
      return httplib::Server::HandlerResponse::Handled;
    }));
    if (options_.requestLog) {
      s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        std::string line = req.method + " " + req.path;
        const std::string target = req.get_header_value("X-Amz-Target");
        if (!target.empty()) line += " " + target;
        line += " -> " + std::to_string(res.status);
        options_.requestLog(line);
      });
    }
  }

  void ServeDynamo(const httplib::Request& req, httplib::Response& res) {
    Account* account = nullptr;
    if (options_.accounts.empty()) {
      account = &Find("");
    } else {
      const std::string auth = req.get_header_value("Authorization");
      const std::string key = http_detail::AccessKeyId(auth);
      const auto it = options_.accounts.find(key);
      if (it == options_.accounts.end()) {
        const bool missing = key.empty();
        const std::string type = missing ? "MissingAuthenticationTokenException" : "UnrecognizedClientException";
        const std::string message =
            missing ? "Request is missing Authentication Token" : "The security token included in the request is invalid.";
        res.status = 400;
        res.set_content(http_detail::Dump(http_detail::Json{{"__type", "com.amazon.coral.service#" + type},
                                                            {"message", message}}),
                        wire::kContentType);
        return;
      }
      account = &Find(it->second);
    }
    const Response r = account->wire->Handle(req.get_header_value("X-Amz-Target"), req.body);
    res.status = r.status;
    std::string contentType = wire::kContentType;
    for (const auto& h : r.headers) {
      if (h.first == "Content-Type") contentType = h.second;
      else res.set_header(h.first.c_str(), h.second);
    }
    res.set_content(r.body, contentType.c_str());
  }

  HttpOptions options_;
  ServiceOptions serviceOptions_;
  std::unique_ptr<ServerClock> ownedClock_;  // before accounts_: the Services read it
  std::map<std::string, Account> accounts_;
  std::mutex faultsMu_;
  std::map<std::string, http_detail::Json> faultJson_;

  std::mutex lifecycle_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace dynafake
