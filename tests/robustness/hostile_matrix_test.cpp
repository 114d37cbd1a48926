// The hostile matrix (hostile_cases.hpp), run twice: in process through
// dynafake::Wire, and over HTTP against a dynafake-server process. For every
// operation: a valid request, then every member path replaced by each
// awkward value or removed. Every answer must be 200, or a 4xx whose body
// names an error the service has (`__type`) with its message; the process
// must live on; and a refused request must leave the state as it was
// (snapshot before and after). A request that succeeds and changes the state
// is undone (the snapshot loaded again) so every case meets the same world.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <dynafake/http.hpp>
#include <dynafake/wire.hpp>

#include "hostile_cases.hpp"
#include "recorded_world.hpp"

namespace dynafake_test {
namespace {

/// Every error the service can answer: the model's exception shapes and the
/// protocol's own (the service's JSON reader, unknown operations).
const std::set<std::string>& KnownErrors() {
  static const std::set<std::string> known = [] {
    std::set<std::string> out = {"SerializationException",      "ValidationException",
                                 "UnknownOperationException",   "InternalServerError",
                                 "ThrottlingException",         "AccessDeniedException",
                                 "UnrecognizedClientException", "IncompleteSignatureException"};
    const Json& shapes = ServiceModel().at("shapes");
    for (auto it = shapes.begin(); it != shapes.end(); ++it)
      if (it.value().value("exception", false)) out.insert(it.key());
    return out;
  }();
  return known;
}

/// What every answer must be; empty when it is.
std::string Broken(int status, const std::string& body) {
  if (status != 200 && (status < 400 || status > 499)) return "status " + std::to_string(status);
  const Json answer = Json::parse(body, nullptr, false);
  if (answer.is_discarded() || !answer.is_object()) return "a body that is not a JSON object";
  if (status == 200) return {};
  const std::string type = answer.value("__type", "");
  const std::string name = type.substr(type.find('#') + 1);
  if (type.find('#') == std::string::npos || KnownErrors().count(name) == 0) return "__type '" + type + "'";
  // SerializationException and TransactionCanceledException carry their text under "Message"
  // (TransactionCanceledException's body beside its CancellationReasons, as moto copies the
  // service's), every other error under "message"
  const char* field =
      name == "SerializationException" || name == "TransactionCanceledException" ? "Message" : "message";
  if (!answer.contains(field) || !answer[field].is_string() || answer[field].get<std::string>().empty())
    return std::string("no ") + field;
  if (name == "InternalServerError") return "an internal error (an exception escaped the model)";
  return {};
}

/// Where the cases are sent: the answer's status and body, and the state.
class Endpoint {
 public:
  virtual ~Endpoint() = default;
  virtual std::pair<int, std::string> Send(const std::string& op, const std::string& body) = 0;
  virtual std::string State() = 0;
  virtual void Load(const std::string& state) = 0;
};

class InProcess : public Endpoint {
 public:
  std::pair<int, std::string> Send(const std::string& op, const std::string& body) override {
    const dynafake::Response r = world_.wire.Handle("DynamoDB_20120810." + op, body);
    return {r.status, r.body};
  }
  std::string State() override { return dynafake::SaveState(world_.service); }
  void Load(const std::string& state) override { dynafake::LoadState(world_.service, state); }

 private:
  RecordedWorld world_;
};

/// A dynafake-server process on a free loopback port, given the recorded world.
class Server : public Endpoint {
 public:
  Server() {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      const char* argv[] = {DYNAFAKE_SERVER_BINARY, "--port", "0", "--instant", "--log-level", "error", nullptr};
      ::execv(argv[0], const_cast<char* const*>(argv));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c = 0;
    while (line.size() < 512 && ::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const std::size_t colon = line.rfind(':');
    if (line.find("listening on http://") == std::string::npos || colon == std::string::npos)
      throw std::runtime_error("dynafake-server did not start: '" + line + "'");
    client_ = std::make_unique<dynafake::http::Client>("127.0.0.1", std::stoi(line.substr(colon + 1)));
    // the same world the in-process endpoint has
    RecordedWorld world;
    Load(dynafake::SaveState(world.service));
  }
  ~Server() override {
    client_.reset();
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  /// Stops the server; whether it ended as a stopped server should (exit status 0 on SIGTERM).
  bool StopCleanly() {
    client_.reset();
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  std::pair<int, std::string> Send(const std::string& op, const std::string& body) override {
    const auto r =
        client_->Send("POST", "/", body, {{"X-Amz-Target", "DynamoDB_20120810." + op}}, "application/x-amz-json-1.0");
    return {r.status, r.body};
  }
  std::string State() override {
    const auto r = client_->Send("GET", "/_dynafake/state");
    if (r.status != 200) throw std::runtime_error("GET /_dynafake/state answered " + std::to_string(r.status));
    return r.body;
  }
  void Load(const std::string& state) override {
    const auto r = client_->Send("PUT", "/_dynafake/state", state);
    if (r.status != 200) throw std::runtime_error("PUT /_dynafake/state answered " + r.body);
  }

 private:
  pid_t pid_ = -1;
  std::unique_ptr<dynafake::http::Client> client_;
};

struct Counts {
  std::size_t cases = 0, accepted = 0, refused = 0, paths = 0;
};

/// Runs every case of `op` against `endpoint`; failures are reported by gtest.
/// `checkEvery`: how many refused cases may pass between two reads of the state
/// (1: after each). Whatever a case changed is put back before the next one is
/// sent, either way.
Counts RunMatrix(Endpoint& endpoint, const std::string& op, std::size_t checkEvery) {
  const Json valid = ValidRequest(op);
  EXPECT_TRUE(valid.is_object()) << "no valid recorded request of " << op << " in botocore_requests.jsonl";
  Counts n;
  if (!valid.is_object()) return n;
  const HostileCases cases(ServiceModel(), op, valid);
  n.paths = cases.Paths();
  const std::string before = endpoint.State();
  // the base request is valid: it may fail on state, never on its shape
  const auto base = endpoint.Send(op, valid.dump());
  EXPECT_EQ(Broken(base.first, base.second), "") << base.second;
  EXPECT_EQ(base.second.find("validation error"), std::string::npos) << base.second;
  EXPECT_EQ(base.second.find("SerializationException"), std::string::npos) << base.second;
  if (endpoint.State() != before) endpoint.Load(before);
  int failures = 0;
  std::vector<std::string> unchecked;  // the refused cases sent since the state was last read
  const auto& all = cases.Cases();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& c = all[i];
    const auto answer = endpoint.Send(op, c.body);
    ++n.cases;
    const bool accepted = answer.first == 200;
    (accepted ? n.accepted : n.refused)++;
    const std::string broken = Broken(answer.first, answer.second);
    if (!broken.empty()) {
      ADD_FAILURE() << op << " " << c.path << " = " << c.what << ": " << broken << "\n  answer " << answer.first << ": "
                    << answer.second.substr(0, 400);
      if (++failures >= 20) break;
    }
    if (!accepted) unchecked.push_back(c.path + " = " + c.what);
    // An accepted case may change the state: it is read (and put back) after each.
    if (!accepted && unchecked.size() < checkEvery && i + 1 < all.size()) continue;
    if (endpoint.State() == before) {
      unchecked.clear();
      continue;
    }
    if (!accepted) {
      std::string list;
      for (const auto& u : unchecked) list += "\n  " + u;
      ADD_FAILURE() << op << ": a refused request changed the state; it is one of these:" << list;
      if (++failures >= 20) break;
    }
    unchecked.clear();
    endpoint.Load(before);
  }
  return n;
}

std::string Name(const testing::TestParamInfo<std::string>& info) { return info.param; }

class HostileMatrix : public testing::TestWithParam<std::string> {};

TEST_P(HostileMatrix, InProcessEveryAnswerIsTheServicesAndNothingRefusedChangesTheState) {
  InProcess endpoint;
  const Counts n = RunMatrix(endpoint, GetParam(), 1);
  EXPECT_GT(n.cases, 0u);
  std::cout << "[hostile] in process " << GetParam() << ": " << n.cases << " requests over " << n.paths
            << " member paths, " << n.accepted << " accepted, " << n.refused << " refused\n";
}

TEST_P(HostileMatrix, OverHttpTheServerAnswersEveryRequestAndLivesOn) {
  // The state is read every 64 refused cases here: reading it over HTTP (the
  // whole saved state, each time) was most of this test's time. The server
  // runs the Wire the in-process matrix checks after every case; here a change
  // is still caught, and named to within 64 cases, unless an accepted case
  // in the same window put it back.
  Server server;
  const Counts n = RunMatrix(server, GetParam(), 64);
  EXPECT_GT(n.cases, 0u);
  EXPECT_TRUE(server.StopCleanly()) << "dynafake-server did not exit 0 on SIGTERM after the matrix";
  std::cout << "[hostile] over HTTP " << GetParam() << ": " << n.cases << " requests over " << n.paths
            << " member paths, " << n.accepted << " accepted, " << n.refused << " refused\n";
}

INSTANTIATE_TEST_SUITE_P(Model, HostileMatrix, testing::ValuesIn(ModelOperations()), Name);

#define DYNAFAKE_COUNT_OPERATION(Op) +1
constexpr std::size_t kOperationsServed = 0 DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_COUNT_OPERATION);
#undef DYNAFAKE_COUNT_OPERATION

TEST(HostileMatrixModel, EveryOperationServedHasAValidBaseRequest) {
  for (const auto& op : ModelOperations()) EXPECT_TRUE(ValidRequest(op).is_object()) << op;
  EXPECT_EQ(ModelOperations().size(), kOperationsServed);
}

}  // namespace
}  // namespace dynafake_test
