// dynafake::HttpServer: the DynamoDB wire on a loopback socket, keep-alive,
// limits, accounts and many clients, driven through a real HTTP client on port 0.
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
  // a member of the wrong JSON type: the service's text (architect/dynalite test/helpers.js), under `Message`
  const Answer wrongType = c.Call("ListBackups", {{"Limit", "ten"}});
  EXPECT_EQ(wrongType.status, 400);
  EXPECT_EQ(wrongType.body, (Json{{"__type", "com.amazon.coral.service#SerializationException"},
                                  {"Message", "STRING_VALUE cannot be converted to Integer"}}));
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

}  // namespace
