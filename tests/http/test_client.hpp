// Test helper: a small DynamoDB + admin client for dynafake::HttpServer over
// one keep-alive httplib connection, and the requests the HTTP tests share.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "dynafake/http.hpp"

namespace dynafake_test {

using Json = nlohmann::json;

inline constexpr const char* kTarget = "DynamoDB_20120810.";
inline constexpr const char* kAuth =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
    "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

inline std::string AuthFor(const std::string& key) {
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

inline Json TableRequest(const std::string& name) {
  return Json{{"TableName", name},
              {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
              {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
              {"BillingMode", "PAY_PER_REQUEST"}};
}

inline dynafake::ServerConfig Instant() {
  dynafake::ServerConfig c;
  c.service = dynafake::ServiceOptions::Instant();
  return c;
}

}  // namespace dynafake_test
