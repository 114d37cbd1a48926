// The server's limits over real sockets: header count and size, JSON depth,
// slow, silent and half-open clients. Each is refused or timed out on its own
// connection while every other client is answered at once.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dynafake/http.hpp"
#include "raw_socket.hpp"

namespace {

using dynafake::HttpServer;
using dynafake_test::RawExchange;
using dynafake_test::RawSocket;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Clock = std::chrono::steady_clock;

std::string ListTables(const std::string& connection = "close") {
  return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
         "Content-Type: application/x-amz-json-1.0\r\nConnection: " +
         connection + "\r\nContent-Length: 2\r\n\r\n{}";
}

std::string Post(const std::string& path, const std::string& target, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
         (target.empty() ? "" : "X-Amz-Target: " + target + "\r\n") + "Content-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

/// One keep-alive client making a call; returns how long it took (and fails the test when it was not a 200).
std::chrono::milliseconds TimedCall(dynafake::http::Client& client) {
  const auto start = Clock::now();
  const auto r =
      client.Send("POST", "/", "{}", {{"X-Amz-Target", "DynamoDB_20120810.ListTables"}}, "application/x-amz-json-1.0");
  EXPECT_EQ(r.status, 200) << r.body;
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

TEST(HttpLimits, TooManyOrTooLargeHeadersGet431AndOthersAreServed) {
  dynafake::ServerConfig config;
  config.http.maxHeaderCount = 20;
  config.http.maxHeaderBytes = 2048;
  HttpServer server(config);
  server.Start();
  std::string many = "GET /_dynafake/health HTTP/1.1\r\n";
  for (int i = 0; i < 21; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  const std::string countAnswer = RawExchange(server.Port(), many + "\r\n");
  EXPECT_THAT(countAnswer, StartsWith("HTTP/1.1 431 "));
  EXPECT_THAT(countAnswer, HasSubstr("more than 20 request headers"));
  const std::string sizeAnswer =
      RawExchange(server.Port(), "GET /_dynafake/health HTTP/1.1\r\nX-Big: " + std::string(4000, 'v') + "\r\n\r\n");
  EXPECT_THAT(sizeAnswer, StartsWith("HTTP/1.1 431 "));
  EXPECT_THAT(sizeAnswer, HasSubstr("2048"));
  EXPECT_THAT(RawExchange(server.Port(), ListTables()), StartsWith("HTTP/1.1 200 "));
}

TEST(HttpLimits, DeeplyNestedJsonIsRefusedOnEveryPath) {
  HttpServer server;
  server.Start();
  const std::string deep = "{\"TableName\":" + Nested(500) + "}";
  const std::string dynamo = RawExchange(server.Port(), Post("/", "DynamoDB_20120810.DescribeTable", deep));
  EXPECT_THAT(dynamo, StartsWith("HTTP/1.1 400 "));
  EXPECT_THAT(dynamo, HasSubstr("SerializationException"));
  for (const std::string& path : {std::string("/_dynafake/faults"), std::string("/_dynafake/clock/advance")}) {
    const std::string admin = RawExchange(server.Port(), Post(path, "", "{\"x\":" + Nested(500) + "}"));
    EXPECT_THAT(admin, StartsWith("HTTP/1.1 400 ")) << path;
    EXPECT_THAT(admin, HasSubstr("nests deeper than")) << path;
  }
  const std::string state =
      RawExchange(server.Port(),
                  "PUT /_dynafake/state HTTP/1.1\r\nConnection: close\r\nContent-Length: 1000\r\n\r\n" + Nested(500));
  EXPECT_THAT(state, StartsWith("HTTP/1.1 400 "));
  EXPECT_EQ(server.GetService().Stats().tables, 0u);
}

TEST(HttpLimits, SilentSlowAndHalfOpenClientsBlockNoOne) {
  dynafake::ServerConfig config;
  config.http.requestTimeoutMs = 300;
  config.http.keepAliveTimeoutSeconds = 1;
  HttpServer server(config);
  server.Start();
  // 64 clients that connect and say nothing, 8 that stop in the middle of
  // their headers, 8 that announce a body and send a part of it.
  std::vector<std::unique_ptr<RawSocket>> silent, partialHead, partialBody;
  for (int i = 0; i < 64; ++i) silent.push_back(std::make_unique<RawSocket>(server.Port()));
  for (int i = 0; i < 8; ++i) {
    partialHead.push_back(std::make_unique<RawSocket>(server.Port()));
    ASSERT_TRUE(partialHead.back()->Send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Tar"));
    partialBody.push_back(std::make_unique<RawSocket>(server.Port()));
    ASSERT_TRUE(partialBody.back()->Send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"Tab"));
  }
  // Meanwhile a well-behaved client is answered at once, every time.
  dynafake::http::Client client("127.0.0.1", server.Port());
  for (int i = 0; i < 50; ++i) EXPECT_LT(TimedCall(client), std::chrono::milliseconds(dynafake_test::kStallMs));
  // The stalled requests get 408 and are closed; the silent ones are closed when idle.
  for (auto& s : partialHead) EXPECT_THAT(s->ReadAll(), StartsWith("HTTP/1.1 408 "));
  for (auto& s : partialBody) EXPECT_THAT(s->ReadAll(), StartsWith("HTTP/1.1 408 "));
  for (auto& s : silent) EXPECT_TRUE(s->ClosedByServer());
  EXPECT_LT(TimedCall(client),
            std::chrono::milliseconds(dynafake_test::kStallMs));  // reconnects after its own idle close
}

TEST(HttpLimits, ExpectContinueGetsAnInterimAnswer) {
  HttpServer server;
  server.Start();
  RawSocket s(server.Port());
  ASSERT_TRUE(
      s.Send("POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nExpect: 100-continue\r\n"
             "Connection: close\r\nContent-Length: 2\r\n\r\n"));
  // The client waits for the interim answer before it sends the body.
  EXPECT_EQ(s.ReadSome(), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(s.Send("{}"));
  const std::string answer = s.ReadAll();
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(answer, HasSubstr("TableNames"));
}

TEST(HttpLimits, PipelinedRequestsAreAnsweredInOrder) {
  HttpServer server;
  server.Start();
  const std::string answer =
      RawExchange(server.Port(), ListTables("keep-alive") + "GET /_dynafake/health HTTP/1.1\r\n\r\n" +
                                     "GET /_dynafake/clock HTTP/1.1\r\nConnection: close\r\n\r\n");
  const auto first = answer.find("TableNames");
  const auto second = answer.find("\"status\":\"ok\"");
  const auto third = answer.find("\"epoch\"");
  ASSERT_NE(first, std::string::npos) << answer;
  ASSERT_NE(second, std::string::npos) << answer;
  ASSERT_NE(third, std::string::npos) << answer;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

TEST(HttpLimits, MalformedRequestsGetTheirStatusAndTheServerGoesOn) {
  HttpServer server;
  server.Start();
  EXPECT_THAT(RawExchange(server.Port(), "NOT HTTP AT ALL\r\n\r\n"), StartsWith("HTTP/1.1 400 "));
  EXPECT_THAT(RawExchange(server.Port(), "GET / HTTP/2.0\r\n\r\n"), StartsWith("HTTP/1.1 505 "));
  EXPECT_THAT(RawExchange(server.Port(), "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
              StartsWith("HTTP/1.1 501 "));
  EXPECT_THAT(RawExchange(server.Port(), "GET /" + std::string(10000, 'a') + " HTTP/1.1\r\n\r\n"),
              StartsWith("HTTP/1.1 414 "));
  EXPECT_THAT(RawExchange(server.Port(), ListTables()), StartsWith("HTTP/1.1 200 "));
}

}  // namespace
