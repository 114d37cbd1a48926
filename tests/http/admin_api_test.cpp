// dynafake-server's admin API (/_dynafake/...): the clock, fault rules, reset
// and state snapshots, driven through a real HTTP client and AdminClient.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dynafake/http.hpp"
#include "raw_socket.hpp"
#include "test_client.hpp"

namespace {

using dynafake::HttpServer;
using dynafake_test::Answer;
using dynafake_test::AuthFor;
using dynafake_test::Instant;
using dynafake_test::Json;
using dynafake_test::kAuth;
using dynafake_test::kTarget;
using dynafake_test::TableRequest;
using dynafake_test::TestClient;
using ::testing::HasSubstr;

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

// Found by fuzz_http_request: instants a clock cannot hold overflowed a conversion.
TEST(HttpAdmin, ClockRefusesInstantsItCannotHold) {
  HttpServer server;
  server.Start();
  TestClient c(server.Port());
  const Answer far = c.Post("/_dynafake/clock/set", R"({"time": "4000-01-01T00:00:00Z"})");
  EXPECT_EQ(far.status, 400);
  EXPECT_THAT(far.body["error"].get<std::string>(), HasSubstr("2262-04-11"));
  EXPECT_EQ(c.Post("/_dynafake/clock/set", R"({"epoch": 65515305600})").status, 400);
  EXPECT_EQ(c.Post("/_dynafake/clock/set", R"({"time": "1011-01-01T00:00:00Z"})").status, 400);
  EXPECT_EQ(c.Post("/_dynafake/clock/advance", R"({"seconds": 1e10})").status, 400);
  const Answer pastTheEnd = c.Post("/_dynafake/clock/advance", R"({"seconds": 8e9})");
  EXPECT_EQ(pastTheEnd.status, 400);
  EXPECT_THAT(pastTheEnd.body["error"].get<std::string>(), HasSubstr("last instant"));
  EXPECT_EQ(c.Get("/_dynafake/clock").body["now"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(c.Post("/_dynafake/clock/set", R"({"time": "2262-01-01T00:00:00Z"})").status, 200);
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
