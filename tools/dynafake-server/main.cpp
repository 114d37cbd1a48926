// dynafake-server: the dynafake model on a loopback port, for any SDK.
//
//   dynafake-server --port 8000
//   aws dynamodb list-backups --endpoint-url http://127.0.0.1:8000
//
// Prints one line "dynafake-server listening on http://HOST:PORT" to stdout
// when it serves (so a test that passed --port 0 learns the port), and runs
// until SIGINT or SIGTERM; then saves --state (if given) and exits 0.
#include <signal.h>  // sigwait, pthread_sigmask

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "dynafake/directory_object_store.hpp"
#include "dynafake/http.hpp"

namespace {

enum class Level { Error = 0, Warn = 1, Info = 2, Debug = 3 };

std::map<std::string, std::string> ReadAccounts(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read --accounts file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  const auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (!j.is_object())
    throw std::runtime_error("--accounts file " + path +
                             " must be a JSON object mapping access key ids to account ids, "
                             "e.g. {\"AKIDALICE\": \"111111111111\", \"AKIDBOB\": \"222222222222\"}");
  std::map<std::string, std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it->is_string())
      throw std::runtime_error("--accounts: the account of key '" + it.key() + "' must be a string");
    const std::string account = it->get<std::string>();
    if (account.size() != 12 || account.find_first_not_of("0123456789") != std::string::npos)
      throw std::runtime_error("--accounts: '" + account + "' (key '" + it.key() + "') is not a 12-digit account id");
    out[it.key()] = account;
  }
  return out;
}

/// `--progress`: the stages of the operations that take seconds on large
/// snapshots (loading and saving --state), each with its size and the time
/// it took, on stderr. Wall-clock time, for a person watching: nothing reads it.
class Progress {
 public:
  explicit Progress(bool on) : on_(on) {}
  void Start() { began_ = std::chrono::steady_clock::now(); }
  void Done(const std::string& what) {
    if (!on_) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began_).count();
    char took[32];
    std::snprintf(took, sizeof took, "%.2f s", seconds);
    std::cerr << "dynafake-server: progress: " << what << " in " << took << std::endl;
    Start();
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point began_ = std::chrono::steady_clock::now();
};

std::string Megabytes(std::size_t bytes) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return out;
}

/// Loads --state like HttpServer::LoadStateFile, a stage at a time.
bool LoadStateWithProgress(dynafake::HttpServer& server, const std::string& path, Progress& progress) {
  progress.Start();
  std::optional<std::string> text;
  try {
    text = dynafake::http::ReadFileIfExists(path);
  } catch (const std::exception& e) {
    throw dynafake::AdminError(500, e.what());
  }
  if (!text) {
    progress.Done("no state file " + path + " yet: starting empty");
    return false;
  }
  progress.Done("read " + path + " (" + Megabytes(text->size()) + ")");
  try {
    server.LoadStateDocument(*text);
  } catch (const dynafake::AdminError& e) {
    throw dynafake::AdminError(e.Status(), "state file " + path + ": " + e.what());
  }
  progress.Done("loaded the state (" + Megabytes(text->size()) + ")");
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "dynafake-server: a fake Amazon DynamoDB (backup API) on a loopback port, with an admin API "
      "under /_dynafake/ for the clock, fault rules, state and reset"};
  std::string host = "127.0.0.1";
  int port = 8000;
  std::string clockMode = "manual";
  std::string startTime;
  std::string accountId;
  std::string region;
  uint64_t seed = 0;
  std::string statePath;
  std::string accountsPath;
  bool instant = false;
  bool noThroughput = false;
  bool progress = false;
  std::string logLevel = "info";
  std::size_t maxRequestBytes = std::size_t{16} * 1024 * 1024;

  app.add_option("--host", host, "Address to listen on")->capture_default_str();
  app.add_option("--port", port, "Port to listen on; 0 picks a free port")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--clock", clockMode, "manual: time moves only through the admin API; system: real time")
      ->capture_default_str()
      ->check(CLI::IsMember({"manual", "system"}));
  app.add_option("--start-time", startTime, "Where the manual clock starts (ISO-8601; default 2026-01-01T00:00:00Z)");
  app.add_option("--account-id", accountId, "Account id in ARNs (default 123456789012)");
  app.add_option("--region", region, "Region in ARNs (default us-east-1)");
  auto* seedOpt = app.add_option("--seed", seed, "Seed of the ARN and id generator (default 20120810)");
  app.add_option(
      "--state", statePath,
      "State file: loaded at start if present, saved atomically on shutdown and on POST /_dynafake/state/save");
  app.add_option("--accounts", accountsPath,
                 "JSON file mapping access key ids to account ids; each account gets its own world")
      ->check(CLI::ExistingFile);
  std::string objectsDir;
  app.add_option("--objects-dir", objectsDir,
                 "Keep the object store (what exports write, imports read) as files DIR/<bucket>/<key> instead of "
                 "in memory");
  app.add_flag("--instant", instant, "All durations zero: tables ACTIVE and backups AVAILABLE at once");
  app.add_flag("--no-throughput", noThroughput,
               "Serve any traffic: read and write capacity are not enforced (docs/throughput.md)");
  app.add_flag("--progress", progress,
               "Report on stderr each stage of loading and saving --state (seconds for large snapshots), with "
               "its size and how long it took");
  app.add_option("--log-level", logLevel, "error, warn, info or debug (debug logs every request to stderr)")
      ->capture_default_str()
      ->check(CLI::IsMember({"error", "warn", "info", "debug"}));
  app.add_option("--max-request-bytes", maxRequestBytes, "Larger requests get 413")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const Level level = logLevel == "error"  ? Level::Error
                      : logLevel == "warn" ? Level::Warn
                      : logLevel == "info" ? Level::Info
                                           : Level::Debug;
  const auto log = [level](Level at, const std::string& line) {
    if (at <= level) std::cerr << "dynafake-server: " << line << std::endl;
  };

  dynafake::ServerConfig config;
  try {
    if (instant) config.service.durations = dynafake::ServiceOptions::Instant().durations;
    if (noThroughput) config.service.throughput.enforce = false;
    if (!accountId.empty()) {
      if (accountId.size() != 12 || accountId.find_first_not_of("0123456789") != std::string::npos)
        throw std::runtime_error("--account-id must be 12 digits, not '" + accountId + "'");
      config.service.accountId = accountId;
    }
    if (!region.empty()) config.service.region = region;
    if (*seedOpt) config.service.seed = seed;
    config.clock = clockMode == "system" ? dynafake::ClockMode::System : dynafake::ClockMode::Manual;
    if (!startTime.empty()) {
      const auto t = dynafake::DateTime::TryParseIso8601(startTime);
      if (!t) throw std::runtime_error("--start-time is not an ISO-8601 instant: '" + startTime + "'");
      if (config.clock == dynafake::ClockMode::System) throw std::runtime_error("--start-time needs --clock manual");
      config.startTime = *t;
    }
    if (!accountsPath.empty()) config.http.accounts = ReadAccounts(accountsPath);
    config.http.host = host;
    config.http.port = port;
    config.http.statePath = statePath;
    config.http.maxRequestBytes = maxRequestBytes;
    if (level >= Level::Debug) config.http.requestLog = [log](const std::string& line) { log(Level::Debug, line); };
  } catch (const std::exception& e) {
    std::cerr << "dynafake-server: " << e.what() << std::endl;
    return 2;
  }

  // SIGINT/SIGTERM are taken by sigwait below, never by a handler: block them
  // before any thread starts so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  dynafake::HttpServer server(config);
  if (!objectsDir.empty()) {
    auto store = std::make_shared<dynafake::DirectoryObjectStore>(objectsDir);
    for (const auto& id : server.AccountIds()) server.GetService(id).SetObjectStore(store);
  }
  try {
    Progress stages(progress);
    if (!statePath.empty() && LoadStateWithProgress(server, statePath, stages))
      log(Level::Info, "loaded state from " + statePath);
  } catch (const std::exception& e) {
    // A broken state file is never overwritten: the server does not start on it.
    std::cerr << "dynafake-server: cannot start: " << e.what() << "; the file is left as it is" << std::endl;
    return 1;
  }
  try {
    server.Start();
  } catch (const std::exception& e) {
    std::cerr << "dynafake-server: " << e.what() << std::endl;
    return 1;
  }
  std::cout << "dynafake-server listening on " << server.Url() << std::endl;

  int received = 0;
  sigwait(&signals, &received);
  log(Level::Info, std::string("stopping (") + (received == SIGINT ? "SIGINT" : "SIGTERM") + ")");
  server.Stop();
  if (!statePath.empty()) {
    try {
      Progress stages(progress);
      if (progress) {
        const std::string text = server.SaveStateDocument();
        stages.Done("wrote the state out (" + Megabytes(text.size()) + ")");
        dynafake::http::WriteFileAtomically(statePath, text);
        stages.Done("saved " + statePath + " (" + Megabytes(text.size()) + ")");
      } else {
        server.SaveStateFile();
      }
      log(Level::Info, "saved state to " + statePath);
    } catch (const std::exception& e) {
      std::cerr << "dynafake-server: cannot save state: " << e.what() << std::endl;
      return 1;
    }
  }
  return 0;
}
