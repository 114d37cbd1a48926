// dynafake::HttpServer: the wire on a loopback socket and the admin API,
// driven through a real HTTP client (httplib::Client) on port 0.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dynafake/http.hpp"
#include "raw_socket.hpp"

namespace {

using dynafake::HttpServer;
using Json = nlohmann::json;
using ::testing::HasSubstr;

constexpr const char* kTarget = "DynamoDB_20120810.";
constexpr const char* kAuth =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
    "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

std::string AuthFor(const std::string& key) {
  return "AWS4-HMAC-SHA256 Credential=" + key +
         "/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";
}

struct Answer {
  int status = 0;
  Json body;
  httplib::Headers headers;
};

/// A tiny DynamoDB + admin client over one keep-alive connection.
class TestClient {
 public:
  explicit TestClient(int port) : client_("127.0.0.1", port) {
    client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);
    client_.set_connection_timeout(5);
    client_.set_read_timeout(10);
  }
  Answer Call(const std::string& op, const Json& body, const std::string& auth = kAuth) {
    httplib::Headers h{{"X-Amz-Target", kTarget + op}};
    if (!auth.empty()) h.emplace("Authorization", auth);
    return Wrap(client_.Post("/", h, body.dump(), "application/x-amz-json-1.0"));
  }
  Answer Raw(const std::string& target, const std::string& body) {
    return Wrap(client_.Post("/", httplib::Headers{{"X-Amz-Target", target}}, body, "application/x-amz-json-1.0"));
  }
  Answer Get(const std::string& path) { return Wrap(client_.Get(path.c_str())); }
  Answer Post(const std::string& path, const std::string& body) {
    return Wrap(client_.Post(path.c_str(), body, "application/json"));
  }
  Answer Put(const std::string& path, const std::string& body) {
    return Wrap(client_.Put(path.c_str(), body, "application/json"));
  }
  Answer Delete(const std::string& path) { return Wrap(client_.Delete(path.c_str())); }
  httplib::Client& Http() { return client_; }

 private:
  static Answer Wrap(const httplib::Result& r) {
    Answer a;
    if (!r) {
      ADD_FAILURE() << "HTTP request failed: " << httplib::to_string(r.error());
      return a;
    }
    a.status = r->status;
    a.headers = r->headers;
    a.body = Json::parse(r->body, nullptr, false);
    if (a.body.is_discarded()) a.body = r->body;
    return a;
  }
  httplib::Client client_;
};

Json TableRequest(const std::string& name) {
  return Json{{"TableName", name},
              {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
              {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
              {"BillingMode", "PAY_PER_REQUEST"}};
}

dynafake::ServerConfig Instant() {
  dynafake::ServerConfig c;
  c.service = dynafake::ServiceOptions::Instant();
  return c;
}

TEST(HttpServer, StartsOnPortZeroServesAndStops) {
  HttpServer server(Instant());
  server.Start();
  ASSERT_GT(server.Port(), 0);
  EXPECT_EQ(server.Url(), "http://127.0.0.1:" + std::to_string(server.Port()));
  {
    TestClient c(server.Port());
    EXPECT_EQ(c.Get("/_dynafake/health").body, (Json{{"status", "ok"}}));
    auto root = c.Http().Get("/");
    ASSERT_TRUE(root);
    EXPECT_EQ(root->status, 200);
    EXPECT_THAT(root->body, HasSubstr("healthy"));
  }  // the client closes its keep-alive connection: Stop() need not wait for it
  const auto before = std::chrono::steady_clock::now();
  server.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(2));
  server.Stop();  // idempotent
  EXPECT_FALSE(server.Running());
  httplib::Client after("127.0.0.1", server.Port());
  after.set_connection_timeout(1);
  EXPECT_FALSE(after.Get("/_dynafake/health"));
}

TEST(HttpServer, StartingTwiceThrows) {
  HttpServer server;
  server.Start();
  EXPECT_THROW(server.Start(), std::logic_error);
}

TEST(HttpServer, BindingAPortInUseThrows) {
  HttpServer first;
  first.Start();
  dynafake::ServerConfig config;
  config.http.port = first.Port();
  HttpServer second(config);
  EXPECT_THROW(second.Start(), std::runtime_error);
}

TEST(HttpServer, AnswersDynamoDBCallsThroughTheWireWithItsHeaders) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  const Answer created = c.Call("CreateTable", TableRequest("orders"));
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.body["TableDescription"]["TableStatus"], "ACTIVE");
  const Answer backup = c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}});
  ASSERT_EQ(backup.status, 200) << backup.body;
  EXPECT_THAT(backup.body["BackupDetails"]["BackupArn"].get<std::string>(),
              HasSubstr("arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/"));
  // The headers DynamoDB sends, and botocore checks (x-amz-crc32).
  EXPECT_EQ(backup.headers.find("Content-Type")->second, "application/x-amz-json-1.0");
  ASSERT_NE(backup.headers.find("x-amz-crc32"), backup.headers.end());
  ASSERT_NE(backup.headers.find("x-amzn-RequestId"), backup.headers.end());
  // Every call above reached the same Service.
  EXPECT_EQ(server.GetService().Stats().backups, 1u);
}

TEST(HttpServer, ServiceErrorsKeepTheirStatusAndType) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  const Answer missing = c.Call("CreateBackup", {{"TableName", "nope"}, {"BackupName", "nightly"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body["__type"], "com.amazonaws.dynamodb.v20120810#TableNotFoundException");
  const Answer garbage = c.Raw("DynamoDB_20120810.ListTables", "{not json");
  EXPECT_EQ(garbage.status, 400);
  EXPECT_THAT(garbage.body["__type"].get<std::string>(), HasSubstr("SerializationException"));
  const Answer unknown = c.Raw("DynamoDB_20120810.Frobnicate", "{}");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(unknown.body["__type"].get<std::string>(), HasSubstr("UnknownOperationException"));
  const Answer noTarget = c.Raw("", "{}");
  EXPECT_EQ(noTarget.status, 400);
}

TEST(HttpServer, KeepsTheConnectionAlive) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  std::atomic<int> sockets{0};
  c.Http().set_socket_options([&sockets](int) { ++sockets; });
  for (int i = 0; i < 20; ++i) ASSERT_EQ(c.Call("ListTables", Json::object()).status, 200);
  EXPECT_EQ(sockets.load(), 1);
}

TEST(HttpServer, RequestsOverTheSizeLimitGet413WithAJsonError) {
  dynafake::ServerConfig config = Instant();
  config.http.maxRequestBytes = 1024;
  HttpServer server(config);
  server.Start();
  TestClient c(server.Port());
  const Answer big = c.Raw("DynamoDB_20120810.ListTables", std::string(4096, ' '));
  EXPECT_EQ(big.status, 413);
  ASSERT_TRUE(big.body.is_object()) << big.body;
  EXPECT_THAT(big.body["message"].get<std::string>(), HasSubstr("1024"));
  TestClient again(server.Port());
  EXPECT_EQ(again.Raw("DynamoDB_20120810.ListTables", "{}").status, 200);
}

TEST(HttpServer, DefaultSizeLimitIs16MB) { EXPECT_EQ(dynafake::HttpOptions().maxRequestBytes, 16u * 1024 * 1024); }

TEST(HttpServer, DescribeEndpointsAnswersWithItsOwnAddress) {
  HttpServer server;
  server.Start();
  TestClient c(server.Port());
  const Answer a = c.Call("DescribeEndpoints", Json::object());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["Endpoints"][0]["Address"], "127.0.0.1:" + std::to_string(server.Port()));
}

TEST(HttpServer, ServesAServiceTheTestOwns) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  HttpServer server(service);
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("music")).status, 200);
  EXPECT_EQ(service.Stats().tables, 1u);
  EXPECT_EQ(&server.GetService(), &service);
  // The admin clock moves the test's ManualClock.
  const Answer advanced = c.Post("/_dynafake/clock/advance", R"({"seconds": 60})");
  ASSERT_EQ(advanced.status, 200) << advanced.body;
  EXPECT_EQ(dynafake::DateTime(clock.Now()).ToIso8601(), "2026-01-01T00:01:00.000Z");
  // A reset empties the Service; a ManualClock never goes back.
  ASSERT_EQ(c.Post("/_dynafake/reset", "").status, 200);
  EXPECT_EQ(service.Stats().tables, 0u);
  EXPECT_EQ(dynafake::DateTime(clock.Now()).ToIso8601(), "2026-01-01T00:01:00.000Z");
}

TEST(HttpServer, RefusesAccountsOverAGivenService) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  dynafake::HttpOptions options;
  options.accounts["AKID"] = "111111111111";
  EXPECT_THROW(HttpServer(service, options), std::invalid_argument);
}

// ---------------------------------------------------------------- admin: clock

TEST(HttpAdmin, ClockGetAdvanceAndSet) {
  HttpServer server;
  server.Start();
  TestClient c(server.Port());
  EXPECT_EQ(c.Get("/_dynafake/clock").body, (Json{{"now", "2026-01-01T00:00:00.000Z"}, {"epoch", 1767225600.0}}));
  const Answer advanced = c.Post("/_dynafake/clock/advance", R"({"seconds": 3024000})");
  EXPECT_EQ(advanced.status, 200);
  EXPECT_EQ(advanced.body["now"], "2026-02-05T00:00:00.000Z");
  EXPECT_EQ(advanced.body["epoch"], 1767225600.0 + 3024000);
  const Answer fraction = c.Post("/_dynafake/clock/advance", R"({"seconds": 0.25})");
  EXPECT_EQ(fraction.body["now"], "2026-02-05T00:00:00.250Z");
  const Answer set = c.Post("/_dynafake/clock/set", R"({"time": "2026-03-01T12:00:00Z"})");
  EXPECT_EQ(set.status, 200);
  EXPECT_EQ(set.body["now"], "2026-03-01T12:00:00.000Z");
  EXPECT_EQ(dynafake::DateTime(server.Now()).ToIso8601(), "2026-03-01T12:00:00.000Z");
}

TEST(HttpAdmin, ClockRefusesToMoveBackwardsOrBadInput) {
  HttpServer server;
  server.Start();
  TestClient c(server.Port());
  const Answer back = c.Post("/_dynafake/clock/set", R"({"time": "2025-01-01T00:00:00Z"})");
  EXPECT_EQ(back.status, 400);
  EXPECT_THAT(back.body["error"].get<std::string>(), HasSubstr("backwards"));
  EXPECT_EQ(c.Post("/_dynafake/clock/advance", R"({"seconds": -1})").status, 400);
  const Answer notTime = c.Post("/_dynafake/clock/set", R"({"time": "yesterday"})");
  EXPECT_EQ(notTime.status, 400);
  EXPECT_THAT(notTime.body["error"].get<std::string>(), HasSubstr("'time'"));
  const Answer noSeconds = c.Post("/_dynafake/clock/advance", R"({"secs": 5})");
  EXPECT_EQ(noSeconds.status, 400);
  EXPECT_THAT(noSeconds.body["error"].get<std::string>(), HasSubstr("secs"));
  EXPECT_EQ(c.Post("/_dynafake/clock/advance", "[1,2]").status, 400);
  EXPECT_EQ(c.Post("/_dynafake/clock/advance", "{oops").status, 400);
  EXPECT_EQ(c.Get("/_dynafake/clock").body["now"], "2026-01-01T00:00:00.000Z");
}

TEST(HttpAdmin, SystemClockCannotBeMoved) {
  dynafake::ServerConfig config;
  config.clock = dynafake::ClockMode::System;
  HttpServer server(config);
  server.Start();
  TestClient c(server.Port());
  const Answer now = c.Get("/_dynafake/clock");
  EXPECT_EQ(now.status, 200);
  EXPECT_GT(now.body["epoch"].get<double>(), 1.7e9);
  const Answer moved = c.Post("/_dynafake/clock/advance", R"({"seconds": 5})");
  EXPECT_EQ(moved.status, 400);
  EXPECT_THAT(moved.body["error"].get<std::string>(), HasSubstr("system clock"));
}

TEST(HttpAdmin, TransitionsFollowTheAdminClock) {
  HttpServer server;  // default durations: a table is CREATING for 10 s
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  const Answer busy = c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}});
  EXPECT_EQ(busy.status, 400);
  EXPECT_THAT(busy.body["__type"].get<std::string>(), HasSubstr("TableInUseException"));
  c.Post("/_dynafake/clock/advance", R"({"seconds": 10})");
  EXPECT_EQ(c.Call("DescribeTable", {{"TableName", "orders"}}).body["Table"]["TableStatus"], "ACTIVE");
  EXPECT_EQ(c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}}).status, 200);
}

// ---------------------------------------------------------------- admin: faults

TEST(HttpAdmin, FaultRuleFromJsonFiresAsScripted) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  const Answer added = c.Post("/_dynafake/faults", R"({"operation":"CreateBackup","table":"orders",
      "error":"InternalServerError","message":"disk on fire","status":503,"nth":2,"times":1})");
  ASSERT_EQ(added.status, 200) << added.body;
  const std::string id = added.body["id"];
  EXPECT_FALSE(id.empty());

  EXPECT_EQ(c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "first"}}).status, 200);
  const Answer fired = c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "second"}});
  EXPECT_EQ(fired.status, 503);
  EXPECT_EQ(fired.body["__type"], "com.amazonaws.dynamodb.v20120810#InternalServerError");
  EXPECT_EQ(fired.body["message"], "disk on fire");
  EXPECT_EQ(c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "third"}}).status, 200);

  const Answer listed = c.Get("/_dynafake/faults");
  ASSERT_EQ(listed.body["faults"].size(), 1u);
  const Json rule = listed.body["faults"][0];
  EXPECT_EQ(rule["id"], id);
  EXPECT_EQ(rule["operation"], "CreateBackup");
  EXPECT_EQ(rule["table"], "orders");
  EXPECT_EQ(rule["error"], "InternalServerError");
  EXPECT_EQ(rule["status"], 503);
  EXPECT_EQ(rule["nth"], 2);
  EXPECT_EQ(rule["times"], 1);
  EXPECT_EQ(rule["fired"], 1);

  EXPECT_EQ(c.Delete("/_dynafake/faults/" + id).status, 200);
  EXPECT_EQ(c.Delete("/_dynafake/faults/" + id).status, 404);
  EXPECT_TRUE(c.Get("/_dynafake/faults").body["faults"].empty());
}

TEST(HttpAdmin, FaultDefaultsAndDeleteAll) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Post("/_dynafake/faults", R"({"operation":"ListTables"})").status, 200);
  ASSERT_EQ(c.Post("/_dynafake/faults", R"({"operation":"DescribeTable","error":"ResourceNotFoundException"})").status,
            200);
  const Answer failed = c.Call("ListTables", Json::object());
  EXPECT_EQ(failed.status, 500);  // InternalServerError with the service's status, every time
  EXPECT_EQ(c.Call("ListTables", Json::object()).status, 500);
  const Answer notFound = c.Call("DescribeTable", {{"TableName", "t12"}});
  EXPECT_EQ(notFound.status, 400);
  EXPECT_THAT(notFound.body["__type"].get<std::string>(), HasSubstr("ResourceNotFoundException"));
  const Answer cleared = c.Delete("/_dynafake/faults");
  EXPECT_EQ(cleared.body["deleted"], 2);
  EXPECT_EQ(c.Call("ListTables", Json::object()).status, 200);
}

TEST(HttpAdmin, NthAndTimesMeanWhatOnCallAndTimesMean) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  const auto statuses = [&](int calls) {
    std::vector<int> out;
    for (int i = 0; i < calls; ++i) out.push_back(c.Call("ListTables", Json::object()).status);
    return out;
  };
  ASSERT_EQ(c.Post("/_dynafake/faults", R"({"operation":"ListTables","nth":2})").status, 200);
  EXPECT_EQ(statuses(3), (std::vector<int>{200, 500, 200}));  // "nth" alone: that call only, as OnCall(2)
  c.Delete("/_dynafake/faults");
  ASSERT_EQ(c.Post("/_dynafake/faults", R"({"operation":"ListTables","nth":2,"times":-1})").status, 200);
  EXPECT_EQ(statuses(3), (std::vector<int>{200, 500, 500}));  // -1: every call from there, as FromCall(2)
  EXPECT_EQ(c.Get("/_dynafake/faults").body["faults"][0]["times"], -1);
}

TEST(HttpAdmin, RulesAddedInCppAreListedByTheirOwnDescription) {
  HttpServer server(Instant());
  server.Start();
  server.GetService().Faults().Add(dynafake::FaultRule::On<dynafake::Model::DeleteBackupRequest>()
                                       .When("the backup is pinned", [](const dynafake::CallInfo&) { return true; })
                                       .OnCall(3)
                                       .PassThrough());
  const Json rule = TestClient(server.Port()).Get("/_dynafake/faults").body["faults"][0];
  EXPECT_EQ(rule, Json::parse(R"({"id":"1","operation":"DeleteBackup","predicate":"the backup is pinned","nth":3,
                                  "times":1,"pass":true,"seen":0,"fired":0})"));
}

TEST(HttpAdmin, FaultRulesThatMakeNoSenseAreRefusedByName) {
  HttpServer server;
  server.Start();
  TestClient c(server.Port());
  const auto error = [&](const std::string& body) {
    const Answer a = c.Post("/_dynafake/faults", body);
    EXPECT_EQ(a.status, 400) << body;
    return a.body.value("error", std::string());
  };
  EXPECT_THAT(error(R"({"operation":"MakeCoffee"})"), HasSubstr("MakeCoffee"));
  EXPECT_THAT(error(R"({"operation":"CreateBackup","error":"OopsException"})"), HasSubstr("OopsException"));
  EXPECT_THAT(error(R"({"operation":"CreateBackup","nth":0})"), HasSubstr("nth"));
  EXPECT_THAT(error(R"({"operation":"CreateBackup","times":"once"})"), HasSubstr("times"));
  EXPECT_THAT(error(R"({"operation":"CreateBackup","status":200})"), HasSubstr("status"));
  EXPECT_THAT(error(R"({"operation":"CreateBackup","colour":"red"})"), HasSubstr("colour"));
  EXPECT_THAT(error(R"({"operation":5})"), HasSubstr("operation"));
  EXPECT_THAT(error("not json"), HasSubstr("JSON"));
  EXPECT_EQ(c.Delete("/_dynafake/faults/abc").status, 404);
  EXPECT_TRUE(c.Get("/_dynafake/faults").body["faults"].empty());
}

using dynafake_test::RawExchange;

TEST(HttpAdmin, PostWithoutContentLengthHasAnEmptyBody) {
  // What `curl -X POST http://.../_dynafake/reset` sends: no Content-Length at all.
  HttpServer server(Instant());
  server.Start();
  const std::string reset =
      RawExchange(server.Port(), "POST /_dynafake/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_THAT(reset, HasSubstr("HTTP/1.1 200"));
  EXPECT_THAT(reset, HasSubstr("\"reset\""));
  const std::string list = RawExchange(server.Port(),
                                       "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                       "X-Amz-Target: DynamoDB_20120810.ListTables\r\n\r\n");
  EXPECT_THAT(list, HasSubstr("HTTP/1.1 200"));
  EXPECT_THAT(list, HasSubstr("TableNames"));
}

TEST(HttpAdmin, UnknownEndpointsAndMethodsAreNamed) {
  HttpServer server;
  server.Start();
  TestClient c(server.Port());
  const Answer nowhere = c.Get("/_dynafake/teleport");
  EXPECT_EQ(nowhere.status, 404);
  EXPECT_THAT(nowhere.body["error"].get<std::string>(), HasSubstr("/_dynafake/teleport"));
  EXPECT_EQ(c.Post("/_dynafake/clock", "{}").status, 405);
  const Answer elsewhere = c.Get("/somewhere");
  EXPECT_EQ(elsewhere.status, 404);
  EXPECT_TRUE(elsewhere.body.is_object());
}

// ---------------------------------------------------------------- admin: reset and state

TEST(HttpAdmin, ResetEmptiesTheWorldAndRewindsTheClock) {
  dynafake::ServerConfig config = Instant();
  config.startTime = dynafake::DateTime::FromIso8601("2030-06-01T00:00:00Z");
  HttpServer server(config);
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  const std::string firstArn =
      c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}}).body["BackupDetails"]["BackupArn"];
  c.Post("/_dynafake/faults", R"({"operation":"ListTables"})");
  c.Post("/_dynafake/clock/advance", R"({"seconds": 86400})");

  const Answer reset = c.Post("/_dynafake/reset", "");
  ASSERT_EQ(reset.status, 200);
  EXPECT_EQ(reset.body["now"], "2030-06-01T00:00:00.000Z");
  const Answer tables = c.Call("ListTables", Json::object());
  ASSERT_EQ(tables.status, 200);  // the fault rule is gone too
  EXPECT_TRUE(tables.body["TableNames"].empty());
  // Same seed, same start: the same calls give the same ARNs again.
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  EXPECT_EQ(
      c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}}).body["BackupDetails"]["BackupArn"],
      firstArn);
}

TEST(HttpAdmin, StateSnapshotsRoundTripThroughTheAdminApi) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  c.Post("/_dynafake/clock/advance", R"({"seconds": 3600})");
  const Answer saved = c.Get("/_dynafake/state");
  ASSERT_EQ(saved.status, 200);
  // Loading a snapshot from the past is refused: time cannot move backwards.
  c.Post("/_dynafake/clock/advance", R"({"seconds": 60})");
  const Answer past = c.Put("/_dynafake/state", saved.body.dump());
  EXPECT_EQ(past.status, 400);
  EXPECT_THAT(past.body["error"].get<std::string>(), HasSubstr("backwards"));
  // After a reset the clock is back at its start; loading moves it to the snapshot's time.
  c.Post("/_dynafake/reset", "");
  const Answer loaded = c.Put("/_dynafake/state", saved.body.dump());
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_EQ(loaded.body["now"], "2026-01-01T01:00:00.000Z");
  EXPECT_EQ(c.Call("ListTables", Json::object()).body["TableNames"], Json::array({"orders"}));
  EXPECT_EQ(c.Get("/_dynafake/state").body, saved.body);  // round trip
  EXPECT_EQ(c.Put("/_dynafake/state", "{not json").status, 400);
  EXPECT_EQ(c.Put("/_dynafake/state", R"({"format":"something else"})").status, 400);
  EXPECT_EQ(c.Post("/_dynafake/state/save", "").status, 400);  // no state file configured
}

// ---------------------------------------------------------------- accounts

TEST(HttpServer, AccessKeysPickIsolatedAccounts) {
  dynafake::ServerConfig config = Instant();
  config.http.accounts = {{"AKIDALICE", "111111111111"}, {"AKIDBOB", "222222222222"}};
  HttpServer server(config);
  server.Start();
  TestClient c(server.Port());
  const Answer alice = c.Call("CreateTable", TableRequest("orders"), AuthFor("AKIDALICE"));
  ASSERT_EQ(alice.status, 200) << alice.body;
  EXPECT_THAT(alice.body["TableDescription"]["TableArn"].get<std::string>(), HasSubstr(":111111111111:"));
  EXPECT_EQ(c.Call("ListTables", Json::object(), AuthFor("AKIDBOB")).body["TableNames"], Json::array());
  EXPECT_EQ(c.Call("ListTables", Json::object(), AuthFor("AKIDALICE")).body["TableNames"], Json::array({"orders"}));

  const Answer stranger = c.Call("ListTables", Json::object(), AuthFor("AKIDMALLORY"));
  EXPECT_EQ(stranger.status, 400);
  EXPECT_THAT(stranger.body["__type"].get<std::string>(), HasSubstr("UnrecognizedClientException"));
  const Answer anonymous = c.Call("ListTables", Json::object(), "");
  EXPECT_EQ(anonymous.status, 400);
  EXPECT_THAT(anonymous.body["__type"].get<std::string>(), HasSubstr("MissingAuthenticationToken"));

  // Admin calls take ?account=.
  ASSERT_EQ(c.Post("/_dynafake/faults?account=222222222222", R"({"operation":"ListTables"})").status, 200);
  EXPECT_EQ(c.Call("ListTables", Json::object(), AuthFor("AKIDBOB")).status, 500);
  EXPECT_EQ(c.Call("ListTables", Json::object(), AuthFor("AKIDALICE")).status, 200);
  EXPECT_EQ(c.Get("/_dynafake/faults?account=999999999999").status, 400);
  EXPECT_EQ(server.GetService("111111111111").Stats().tables, 1u);
}

TEST(HttpServer, WithoutAccountsAnyCredentialsReachTheOneService) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders"), AuthFor("WHOEVER")).status, 200);
  EXPECT_EQ(c.Call("ListTables", Json::object(), "").body["TableNames"], Json::array({"orders"}));
  EXPECT_EQ(c.Call("ListTables", Json::object(), "garbage").body["TableNames"], Json::array({"orders"}));
}

TEST(HttpServer, AccessKeyIdIsReadFromTheCredentialScope) {
  EXPECT_EQ(dynafake::http::detail::AccessKeyId(kAuth), "AKIDEXAMPLE");
  EXPECT_EQ(dynafake::http::detail::AccessKeyId("Bearer x"), "");
  EXPECT_EQ(dynafake::http::detail::AccessKeyId("AWS4-HMAC-SHA256 Credential=K"), "K");
}

// ---------------------------------------------------------------- threads

TEST(HttpServer, ManyClientsAtOnce) {
  dynafake::ServerConfig config = Instant();
  config.service.limits.callsPerSecond.clear();  // 60 CreateBackups in one clock second
  HttpServer server(config);
  server.Start();
  constexpr int kThreads = 6;
  constexpr int kTablesEach = 10;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      TestClient c(server.Port());
      for (int i = 0; i < kTablesEach; ++i) {
        const std::string name = "t" + std::to_string(t) + "_" + std::to_string(i);
        if (c.Call("CreateTable", TableRequest(name)).status != 200) ++failures;
        if (c.Call("CreateBackup", {{"TableName", name}, {"BackupName", "b_" + name}}).status != 200) ++failures;
        if (c.Get("/_dynafake/clock").status != 200) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(server.GetService().Stats().tables, static_cast<std::size_t>(kThreads * kTablesEach));
  EXPECT_EQ(server.GetService().Stats().backups, static_cast<std::size_t>(kThreads * kTablesEach));
}

// ---------------------------------------------------------------- AdminClient

TEST(AdminClient, DrivesAServerOverHttp) {
  HttpServer server(Instant());
  server.Start();
  dynafake::AdminClient admin(server.Url());
  EXPECT_TRUE(admin.Healthy());
  EXPECT_EQ(dynafake::DateTime(admin.Advance(std::chrono::hours(24))).ToIso8601(), "2026-01-02T00:00:00.000Z");
  EXPECT_EQ(dynafake::DateTime(admin.Set(dynafake::DateTime::FromIso8601("2026-01-03T00:00:00Z"))).ToIso8601(),
            "2026-01-03T00:00:00.000Z");
  try {
    admin.Set(dynafake::DateTime::FromIso8601("2026-01-01T00:00:00Z"));
    ADD_FAILURE() << "moving backwards did not throw";
  } catch (const dynafake::AdminError& e) {
    EXPECT_EQ(e.Status(), 400);
    EXPECT_THAT(e.what(), HasSubstr("backwards"));
  }
  const std::string id = admin.AddFault(R"({"operation":"ListTables","times":1})");
  EXPECT_THAT(admin.ListFaults(), HasSubstr("\"ListTables\""));
  admin.DeleteFault(id);
  EXPECT_THAT(admin.ListFaults(), ::testing::Not(HasSubstr("ListTables")));
  admin.AddFault(R"({"operation":"ListTables"})");
  admin.ClearFaults();
  admin.Reset();
  EXPECT_EQ(dynafake::DateTime(admin.Now()).ToIso8601(), "2026-01-01T00:00:00.000Z");
}

}  // namespace
