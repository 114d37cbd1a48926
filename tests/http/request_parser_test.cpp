// http::RequestParser: requests in any split, pipelined, chunked, and every limit with its status.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dynafake/http/request_parser.hpp"

namespace {

using dynafake::http::Limits;
using dynafake::http::Request;
using dynafake::http::RequestParser;
using Status = RequestParser::Status;
using ::testing::HasSubstr;

constexpr const char* kPost =
    "POST /?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
    "Content-Length: 2\r\n\r\n{}";

struct Parsed {
  Status status;
  std::vector<Request> requests;
  int error = 0;
  std::string message;
};

/// Feeds `bytes` in pieces of `step` bytes, collecting every completed request.
Parsed Feed(const std::string& bytes, std::size_t step, Limits limits = {}) {
  RequestParser parser(limits);
  std::string buffer;
  Parsed out{Status::NeedMore, {}, 0, {}};
  for (std::size_t at = 0; at < bytes.size(); at += step) {
    buffer.append(bytes, at, step);
    while (true) {
      out.status = parser.Parse(buffer);
      if (out.status == Status::Complete) {
        out.requests.push_back(parser.TakeRequest());
        continue;
      }
      if (out.status == Status::Error) {
        out.error = parser.ErrorStatus();
        out.message = parser.ErrorMessage();
        return out;
      }
      break;
    }
  }
  return out;
}

TEST(RequestParser, ParsesARequestWhateverTheSplit) {
  for (std::size_t step : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1000}}) {
    const Parsed p = Feed(kPost, step);
    ASSERT_EQ(p.requests.size(), 1u) << "step " << step;
    const Request& r = p.requests[0];
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.path, "/");
    EXPECT_EQ(r.query, "x=1");
    EXPECT_EQ(r.body, "{}");
    EXPECT_TRUE(r.keepAlive);
    EXPECT_EQ(r.HeaderValue("x-amz-target"), "DynamoDB_20120810.ListTables");
  }
}

TEST(RequestParser, PipelinedRequestsComeOutInOrder) {
  const std::string two = std::string(kPost) + "GET /_dynafake/health HTTP/1.1\r\nConnection: close\r\n\r\n";
  const Parsed p = Feed(two, 5);
  ASSERT_EQ(p.requests.size(), 2u);
  EXPECT_EQ(p.requests[0].method, "POST");
  EXPECT_EQ(p.requests[1].path, "/_dynafake/health");
  EXPECT_FALSE(p.requests[1].keepAlive);
}

TEST(RequestParser, ChunkedBodiesAreJoined) {
  const std::string chunked =
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\n{\"a\r\n5\r\n\":1}\n\r\n0\r\nX-Trailer: "
      "y\r\n\r\n";
  for (std::size_t step : {std::size_t{1}, std::size_t{3}, std::size_t{100}}) {
    const Parsed p = Feed(chunked, step);
    ASSERT_EQ(p.requests.size(), 1u) << "step " << step << ": " << p.message;
    EXPECT_EQ(p.requests[0].body, "{\"a\":1}\n");
  }
}

TEST(RequestParser, Http10ClosesUnlessAskedToKeepAlive) {
  EXPECT_FALSE(Feed("GET / HTTP/1.0\r\n\r\n", 100).requests.at(0).keepAlive);
  EXPECT_TRUE(Feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", 100).requests.at(0).keepAlive);
}

TEST(RequestParser, AbsoluteTargetsAndQueriesAreSplit) {
  const Request r = Feed("GET http://h:1/_dynafake/state?account=1%32 HTTP/1.1\r\n\r\n", 100).requests.at(0);
  EXPECT_EQ(r.path, "/_dynafake/state");
  EXPECT_EQ(r.QueryParams().at("account"), "12");
}

TEST(RequestParser, ExpectContinueIsAnnouncedUntilTheBodyArrives) {
  RequestParser parser;
  std::string buffer = "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
  EXPECT_EQ(parser.Parse(buffer), Status::NeedMore);
  EXPECT_TRUE(parser.WantsContinue());
  buffer += "abcd";
  EXPECT_EQ(parser.Parse(buffer), Status::Complete);
  EXPECT_EQ(parser.TakeRequest().body, "abcd");
  EXPECT_FALSE(parser.WantsContinue());
}

struct Refusal {
  const char* name;
  std::string bytes;
  int status;
};

TEST(RequestParser, EveryLimitAndMalformationHasItsStatus) {
  Limits small;
  small.maxRequestLineBytes = 64;
  small.maxHeaderBytes = 256;
  small.maxHeaderCount = 4;
  small.maxBodyBytes = 16;
  std::string manyHeaders = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 5; ++i) manyHeaders += "H" + std::to_string(i) + ": v\r\n";
  const std::vector<Refusal> cases = {
      {"request line too long", "GET /" + std::string(100, 'a') + " HTTP/1.1\r\n\r\n", 414},
      {"request line too long, unfinished", "GET /" + std::string(100, 'a'), 414},
      {"headers too large", "GET / HTTP/1.1\r\nX: " + std::string(300, 'v') + "\r\n\r\n", 431},
      {"headers too large, unfinished", "GET / HTTP/1.1\r\nX: " + std::string(300, 'v'), 431},
      {"too many headers", manyHeaders + "\r\n", 431},
      {"body too large", "POST / HTTP/1.1\r\nContent-Length: 17\r\n\r\n", 413},
      {"huge Content-Length", "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413},
      {"chunked body too large", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n11\r\n", 413},
      {"bad Content-Length", "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 400},
      {"two Content-Lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"length and chunked", "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
      {"gzip transfer coding", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
      {"HTTP/2.0", "GET / HTTP/2.0\r\n\r\n", 505},
      {"not HTTP", "GET / SPDY/1.1\r\n\r\n", 400},
      {"no target", "GET  HTTP/1.1\r\n\r\n", 400},
      {"header without colon", "GET / HTTP/1.1\r\nNoColon\r\n\r\n", 400},
      {"space before colon", "GET / HTTP/1.1\r\nName : v\r\n\r\n", 400},
      {"folded header", "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n", 400},
      {"control character", std::string("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n"), 400},
      {"bad chunk size", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
      {"chunk without CRLF", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab", 400},
      {"unknown Expect", "POST / HTTP/1.1\r\nExpect: teapot\r\n\r\n", 417},
  };
  for (const auto& c : cases) {
    const Parsed p = Feed(c.bytes, 3, small);
    EXPECT_EQ(p.status, Status::Error) << c.name;
    EXPECT_EQ(p.error, c.status) << c.name << ": " << p.message;
    EXPECT_FALSE(p.message.empty()) << c.name;
  }
}

TEST(RequestParser, LimitMessagesNameTheLimit) {
  Limits small;
  small.maxBodyBytes = 1024;
  const Parsed p = Feed("POST / HTTP/1.1\r\nContent-Length: 4096\r\n\r\n", 100, small);
  EXPECT_EQ(p.error, 413);
  EXPECT_THAT(p.message, HasSubstr("4096"));
  EXPECT_THAT(p.message, HasSubstr("1024"));
}

TEST(RequestParser, AfterAnErrorItStaysFailed) {
  RequestParser parser;
  std::string buffer = "BAD\r\n\r\n";
  EXPECT_EQ(parser.Parse(buffer), Status::Error);
  buffer = kPost;
  EXPECT_EQ(parser.Parse(buffer), Status::Error);
}

}  // namespace
