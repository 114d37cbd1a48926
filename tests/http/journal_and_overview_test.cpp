// The admin API's journal (GET/DELETE /_dynafake/journal), overview
// (GET /_dynafake/overview), a table's items page by page
// (GET /_dynafake/tables/{name}/items) and the dashboard page (GET /_dynafake/ui/).
#include <cctype>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dynafake/http.hpp"
#include "test_client.hpp"

namespace {

using dynafake::HttpServer;
using dynafake_test::Answer;
using dynafake_test::Instant;
using dynafake_test::Json;
using dynafake_test::TableRequest;
using dynafake_test::TestClient;
using ::testing::HasSubstr;

TEST(HttpJournal, ListsEveryCallOldestFirstWithItsCause) {
  HttpServer server;  // tables CREATING for 10 s
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  EXPECT_EQ(c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}}).status, 400);  // CREATING
  EXPECT_EQ(c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", ""}}).status, 400);         // validation
  const Answer rule = c.Post("/_dynafake/faults", R"({"operation":"DescribeTable","error":"InternalServerError"})");
  ASSERT_EQ(rule.status, 200);
  EXPECT_EQ(c.Call("DescribeTable", {{"TableName", "orders"}}).status, 500);
  c.Post("/_dynafake/clock/advance", R"({"seconds": 10})");
  ASSERT_EQ(c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}}).status, 200);

  const Answer j = c.Get("/_dynafake/journal");
  ASSERT_EQ(j.status, 200) << j.body;
  const Json& calls = j.body["calls"];
  ASSERT_EQ(calls.size(), 5u) << j.body;
  EXPECT_EQ(calls[0], (Json{{"sequence", 1},
                            {"time", "2026-01-01T00:00:00.000Z"},
                            {"epoch", 1767225600.0},
                            {"operation", "CreateTable"},
                            {"table", "orders"},
                            {"backup", nullptr},
                            {"outcome", "success"},
                            {"error", nullptr},
                            {"cause", "served"},
                            {"faultRule", nullptr},
                            {"capacity", nullptr}}));
  EXPECT_EQ(calls[1]["outcome"], "error");
  EXPECT_EQ(calls[1]["cause"], "state");
  EXPECT_EQ(calls[1]["error"], (Json{{"__type", "com.amazonaws.dynamodb.v20120810#TableInUseException"},
                                     {"message", "Table is being created: orders"}}));
  EXPECT_EQ(calls[2]["cause"], "validation");
  EXPECT_EQ(calls[2]["error"]["__type"], "com.amazon.coral.validate#ValidationException");
  EXPECT_EQ(calls[3]["cause"], "fault rule");
  EXPECT_EQ(calls[3]["faultRule"], rule.body["id"]);
  EXPECT_EQ(calls[4]["time"], "2026-01-01T00:00:10.000Z");
  EXPECT_EQ(calls[4]["cause"], "served");
  EXPECT_EQ(j.body["recorded"], 5);
  EXPECT_EQ(j.body["journalSize"], 1000);
}

TEST(HttpJournal, SinceGivesTheLaterCallsAndDeleteEmptiesIt) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  for (int i = 0; i < 3; ++i) c.Call("ListTables", Json::object());
  const Answer later = c.Get("/_dynafake/journal?since=2");
  ASSERT_EQ(later.body["calls"].size(), 1u);
  EXPECT_EQ(later.body["calls"][0]["sequence"], 3);
  EXPECT_TRUE(c.Get("/_dynafake/journal?since=3").body["calls"].empty());
  const Answer bad = c.Get("/_dynafake/journal?since=yesterday");
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body["error"].get<std::string>(), HasSubstr("since"));

  const Answer deleted = c.Delete("/_dynafake/journal");
  EXPECT_EQ(deleted.body, (Json{{"deleted", 3}}));
  EXPECT_TRUE(c.Get("/_dynafake/journal").body["calls"].empty());
  c.Call("ListTables", Json::object());
  EXPECT_EQ(c.Get("/_dynafake/journal").body["calls"][0]["sequence"], 4);  // numbers go on
}

TEST(HttpJournal, AdminClientReadsAndClearsIt) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  c.Call("ListTables", Json::object());
  c.Call("ListTables", Json::object());
  dynafake::AdminClient admin(server.Url());
  const Json all = Json::parse(admin.Journal());
  EXPECT_EQ(all["calls"].size(), 2u);
  EXPECT_EQ(Json::parse(admin.Journal(1))["calls"][0]["sequence"], 2);
  admin.ClearJournal();
  EXPECT_TRUE(Json::parse(admin.Journal())["calls"].empty());
}

TEST(HttpJournal, AdminReadsAreNotCalls) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  c.Post("/_dynafake/faults", R"({"operation":"*","error":"InternalServerError"})");  // every call fails
  const Answer overview = c.Get("/_dynafake/overview");
  ASSERT_EQ(overview.status, 200) << overview.body;
  EXPECT_EQ(overview.body["tables"].size(), 1u);
  EXPECT_EQ(c.Get("/_dynafake/tables/orders/items").status, 200);
  EXPECT_EQ(c.Get("/_dynafake/journal").body["calls"].size(), 1u);  // CreateTable alone
  EXPECT_EQ(c.Get("/_dynafake/faults").body["faults"][0]["seen"], 0);
}

TEST(HttpOverview, ShowsTablesBackupsExportsRulesAndTheClock) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  c.Call("PutItem", {{"TableName", "orders"}, {"Item", {{"id", {{"S", "o-1"}}}}}});
  c.Call("UpdateContinuousBackups",
         {{"TableName", "orders"}, {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  c.Call("UpdateTimeToLive",
         {{"TableName", "orders"}, {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "expires"}}}});
  const Answer backup = c.Call("CreateBackup", {{"TableName", "orders"}, {"BackupName", "nightly"}});
  ASSERT_EQ(backup.status, 200);
  c.Post("/_dynafake/faults", R"({"operation":"CreateBackup","table":"orders","nth":3})");

  const Answer o = c.Get("/_dynafake/overview");
  ASSERT_EQ(o.status, 200) << o.body;
  EXPECT_EQ(o.body["clock"]["now"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(o.body["account"], "123456789012");
  ASSERT_EQ(o.body["tables"].size(), 1u);
  const Json& t = o.body["tables"][0];
  EXPECT_EQ(t["name"], "orders");
  EXPECT_EQ(t["status"], "ACTIVE");
  EXPECT_EQ(t["keySchema"], (Json::array({Json{{"name", "id"}, {"role", "HASH"}, {"type", "S"}}})));
  EXPECT_EQ(t["itemCount"], 1);
  EXPECT_EQ(t["pitr"]["status"], "ENABLED");
  EXPECT_EQ(t["pitr"]["earliest"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(t["ttl"], (Json{{"status", "ENABLED"}, {"attribute", "expires"}}));
  ASSERT_EQ(o.body["backups"].size(), 1u);
  const Json& b = o.body["backups"][0];
  EXPECT_EQ(b["arn"], backup.body["BackupDetails"]["BackupArn"]);
  EXPECT_EQ(b["name"], "nightly");
  EXPECT_EQ(b["table"], "orders");
  EXPECT_EQ(b["type"], "USER");
  EXPECT_EQ(b["status"], "AVAILABLE");
  EXPECT_EQ(b["cut"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(b["expires"], nullptr);
  EXPECT_EQ(o.body["exports"], Json::array());
  EXPECT_EQ(o.body["exportsServed"], true);
  EXPECT_EQ(o.body["imports"], Json::array());
  ASSERT_EQ(o.body["faults"].size(), 1u);
  EXPECT_EQ(o.body["faults"][0]["nth"], 3);
  EXPECT_THAT(o.body["operations"].dump(), HasSubstr("\"CreateBackup\""));
  EXPECT_THAT(o.body["errors"].dump(), HasSubstr("\"InternalServerError\""));
  EXPECT_EQ(o.body["journal"]["recorded"], 5);
}

TEST(HttpOverview, SystemBackupsShowTheirExpiry) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  c.Call("UpdateContinuousBackups",
         {{"TableName", "orders"}, {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  ASSERT_EQ(c.Call("DeleteTable", {{"TableName", "orders"}}).status, 200);
  const Answer o = c.Get("/_dynafake/overview");
  ASSERT_EQ(o.body["backups"].size(), 1u);
  EXPECT_EQ(o.body["backups"][0]["type"], "SYSTEM");
  EXPECT_EQ(o.body["backups"][0]["expires"], "2026-02-05T00:00:00.000Z");
  EXPECT_TRUE(o.body["tables"].empty());
}

TEST(HttpItems, PagesThroughATable) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  ASSERT_EQ(c.Call("CreateTable", TableRequest("orders")).status, 200);
  for (const char* id : {"a", "b", "c"})
    c.Call("PutItem", {{"TableName", "orders"}, {"Item", {{"id", {{"S", id}}}, {"n", {{"N", "1"}}}}}});
  const Answer first = c.Get("/_dynafake/tables/orders/items?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.body["count"], 2);
  EXPECT_EQ(first.body["items"][0]["n"], (Json{{"N", "1"}}));
  ASSERT_TRUE(first.body["next"].is_object());
  const std::string start = first.body["next"].dump();
  std::string encoded;
  for (char ch : start) {
    const char* hex = "0123456789ABCDEF";
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += hex[static_cast<unsigned char>(ch) >> 4];
      encoded += hex[static_cast<unsigned char>(ch) & 15];
    }
  }
  const Answer second = c.Get("/_dynafake/tables/orders/items?limit=2&start=" + encoded);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.body["count"], 1);
  EXPECT_EQ(second.body["next"], nullptr);
  std::set<std::string> ids;
  for (const auto& page : {first.body, second.body})
    for (const auto& item : page["items"]) ids.insert(item["id"]["S"].get<std::string>());
  EXPECT_EQ(ids, (std::set<std::string>{"a", "b", "c"}));

  EXPECT_EQ(c.Get("/_dynafake/tables/missing/items").status, 404);
  EXPECT_EQ(c.Get("/_dynafake/tables/orders/items?limit=0").status, 400);
  EXPECT_EQ(c.Get("/_dynafake/tables/orders/items?start=%5B%5D").status, 400);
  EXPECT_EQ(c.Get("/_dynafake/tables/orders").status, 404);
}

TEST(HttpDashboard, ServesOnePageThatNeedsNothingFromElsewhere) {
  HttpServer server(Instant());
  server.Start();
  TestClient c(server.Port());
  for (const char* path : {"/_dynafake/ui/", "/_dynafake/ui"}) {
    const auto r = c.Http().Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_THAT(r->body, HasSubstr("<!DOCTYPE html>"));
    EXPECT_THAT(r->body, HasSubstr("/_dynafake"));
    for (const char* external : {"http://", "https://", "//cdn", "<link"})
      EXPECT_THAT(r->body, ::testing::Not(HasSubstr(external))) << external;
  }
}

}  // namespace
