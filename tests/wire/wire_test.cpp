// dynafake::Wire: targets, headers, error bodies, and hostile input that must
// neither crash nor change state.
#include <gtest/gtest.h>

#include <chrono>  // std::chrono
#include <set>     // std::set
#include <string>  // std::string
#include <thread>  // std::thread
#include <vector>  // std::vector

#include "dynafake/wire.hpp"

namespace dynafake {
namespace {

using wire::Json;

constexpr const char* kCreateTable =
    R"({"TableName":"Music","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],)"
    R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"})";

std::string Target(const char* op) { return std::string("DynamoDB_20120810.") + op; }

class WireTest : public ::testing::Test {
 protected:
  WireTest() : service(clock, ServiceOptions::Instant()), wire(service) {}

  Response Call(const char* op, std::string_view body) { return wire.Handle(Target(op), body); }

  void SetUpWorld() {
    ASSERT_EQ(Call("CreateTable", kCreateTable).status, 200);
    ASSERT_EQ(Call("PutItem", R"({"TableName":"Music","Item":{"pk":{"S":"a"},"n":{"N":"1"}}})").status, 200);
    ASSERT_EQ(Call("CreateBackup", R"({"TableName":"Music","BackupName":"first"})").status, 200);
  }

  /// Everything a request could have changed, as text.
  std::string Fingerprint() {
    std::string out;
    const ServiceStats s = service.Stats();
    out += std::to_string(s.tables) + "/" + std::to_string(s.backups) + "/" + std::to_string(s.histories) + "/" +
           std::to_string(s.historyVersions) + "/" + std::to_string(s.pendingEvents) + "\n";
    const auto tables = service.ListTables(Model::ListTablesRequest());
    out += wire::ToJson(tables.GetResult()).dump() + "\n";
    for (const auto& name : tables.GetResult().GetTableNames()) {
      out += wire::ToJson(service.DescribeTable(Model::DescribeTableRequest().WithTableName(name)).GetResult()).dump();
      out += wire::ToJson(service.Scan(Model::ScanRequest().WithTableName(name)).GetResult()).dump() + "\n";
    }
    out += wire::ToJson(service.ListBackups(Model::ListBackupsRequest()).GetResult()).dump();
    return out;
  }

  static void ExpectError(const Response& r, const std::string& type, int status = 400) {
    EXPECT_EQ(r.status, status) << r.body;
    const Json body = Json::parse(r.body);  // always JSON, even for garbage input
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body.value("__type", ""), type) << r.body;
    // a SerializationException writes `Message`, every other error `message` (as the service does)
    EXPECT_TRUE(body.contains(type.find("SerializationException") != std::string::npos ? "Message" : "message"))
        << r.body;
    ExpectHeaders(r);
  }

  static void ExpectHeaders(const Response& r) {
    EXPECT_EQ(r.headers.at("Content-Type"), "application/x-amz-json-1.0");
    EXPECT_EQ(r.headers.at("x-amzn-RequestId").size(), 52u);
    EXPECT_EQ(r.headers.at("x-amz-crc32"), std::to_string(wire::detail::Crc32(r.body)));
  }

  ManualClock clock;
  Service service;
  Wire wire;
};

constexpr const char* kSerialization = "com.amazon.coral.service#SerializationException";
constexpr const char* kValidation = "com.amazon.coral.validate#ValidationException";

TEST(WireCrc32, MatchesZlib) {
  EXPECT_EQ(wire::detail::Crc32(""), 0u);
  EXPECT_EQ(wire::detail::Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(wire::detail::Crc32("{}"), 2745614147u);  // zlib.crc32(b"{}")
}

TEST_F(WireTest, SuccessHasTheProtocolHeaders) {
  const Response r = Call("CreateTable", kCreateTable);
  EXPECT_EQ(r.status, 200);
  ExpectHeaders(r);
  const Json body = Json::parse(r.body);
  EXPECT_EQ(body["TableDescription"]["TableName"], "Music");
  EXPECT_TRUE(body["TableDescription"]["CreationDateTime"].is_number());
}

TEST_F(WireTest, RequestIdsAreDeterministicAndDistinct) {
  ManualClock otherClock;
  Service other(otherClock, ServiceOptions::Instant());
  Wire otherWire(other);
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const Response a = Call("ListTables", "{}");
    const Response b = otherWire.Handle(Target("ListTables"), "{}");
    EXPECT_EQ(a.headers.at("x-amzn-RequestId"), b.headers.at("x-amzn-RequestId"));
    EXPECT_TRUE(seen.insert(a.headers.at("x-amzn-RequestId")).second);
  }
  EXPECT_EQ(wire.RequestCount(), 50u);
}

TEST_F(WireTest, ServiceErrorsCarryTheirWireType) {
  Response r =
      Call("DescribeBackup", R"({"BackupArn":"arn:aws:dynamodb:us-east-1:123456789012:table/x/backup/01-abc"})");
  ExpectError(r, "com.amazonaws.dynamodb.v20120810#BackupNotFoundException");
  r = Call("CreateBackup", R"({"TableName":"Nope","BackupName":"bk1"})");
  ExpectError(r, "com.amazonaws.dynamodb.v20120810#TableNotFoundException");
  EXPECT_FALSE(Json::parse(r.body)["message"].get<std::string>().empty());
  r = Call("CreateBackup", R"({"TableName":"Music","BackupName":"x"})");
  ExpectError(r, kValidation);
  EXPECT_EQ(Json::parse(r.body)["message"],
            "1 validation error detected: Value 'x' at 'backupName' failed to satisfy constraint: Member must have "
            "length greater than or equal to 3");
}

TEST_F(WireTest, InternalServerErrorIs500) {
  service.Faults().Add(FaultRule::On("ListTables").Once());
  ExpectError(Call("ListTables", "{}"), "com.amazonaws.dynamodb.v20120810#InternalServerError", 500);
  EXPECT_EQ(Call("ListTables", "{}").status, 200);
}

TEST_F(WireTest, UnknownTargets) {
  for (const char* target : {"", "DynamoDB_20120810.", "DynamoDB_20120810.ExecuteStatement",
                             "DynamoDB_20120810.createBackup", "DynamoDB_20111205.CreateBackup", "CreateBackup",
                             "DynamoDB_20120810.CreateBackup ", "DynamoDB_20120810.\xff\xfe"}) {
    SCOPED_TRACE(target);
    ExpectError(wire.Handle(target, "{}"), "com.amazon.coral.service#UnknownOperationException");
  }
}

TEST_F(WireTest, EmptyBodyIsAnEmptyObject) {
  EXPECT_EQ(Call("ListTables", "").status, 200);
  EXPECT_EQ(Call("ListBackups", " \r\n").status, 200);
  // Required members are then missing: the Service says so.
  ExpectError(Call("DescribeTable", ""), kValidation);
}

TEST_F(WireTest, DescribeEndpointsIsAnsweredByTheWire) {
  Response r = Call("DescribeEndpoints", "{}");
  EXPECT_EQ(r.status, 200);
  ExpectHeaders(r);
  EXPECT_EQ(r.body, R"({"Endpoints":[{"Address":"localhost","CachePeriodInMinutes":1440}]})");
  wire.SetEndpointAddress("127.0.0.1:8000");
  r = Call("DescribeEndpoints", "");
  EXPECT_EQ(Json::parse(r.body)["Endpoints"][0]["Address"], "127.0.0.1:8000");
  ExpectError(Call("DescribeEndpoints", "[]"), kSerialization);
}

TEST_F(WireTest, MemberOfTheWrongTypeIsASerializationException) {
  const Response r = Call("ListBackups", R"({"Limit":"10"})");
  ExpectError(r, kSerialization);
  EXPECT_EQ(Json::parse(r.body)["Message"], "STRING_VALUE cannot be converted to Integer");
  EXPECT_FALSE(Json::parse(r.body).contains("message")) << r.body;
  ExpectError(Call("ListBackups", R"({"TableName":{"a":1}})"), kSerialization);
  EXPECT_EQ(Json::parse(Call("ListBackups", R"({"TableName":{"a":1}})").body)["Message"],
            "Start of structure or map found where not expected");
}

TEST_F(WireTest, UnknownMembersAreIgnored) {
  EXPECT_EQ(Call("ListTables", R"({"Whatever":[1,{"x":null}],"Limit":5})").status, 200);
}

TEST_F(WireTest, UnknownEnumValueIsTheServicesValidationError) {
  const Response r = Call("ListBackups", R"({"BackupType":"NIGHTLY"})");
  ExpectError(r, kValidation);
  EXPECT_NE(Json::parse(r.body)["message"].get<std::string>().find("NIGHTLY"), std::string::npos) << r.body;
}

TEST_F(WireTest, AttributeValueWithTwoTypesIsAValidationError) {
  SetUpWorld();
  const std::string before = Fingerprint();
  ExpectError(Call("PutItem", R"({"TableName":"Music","Item":{"pk":{"S":"b","N":"1"}}})"), kValidation);
  EXPECT_EQ(Fingerprint(), before);
}

// ---------------------------------------------------------------- hostile input
struct Hostile {
  const char* name;
  std::string body;
  const char* type;
};

std::vector<Hostile> HostileBodies() {
  std::vector<Hostile> v;
  v.push_back({"truncated", R"({"TableName":"Music")", kSerialization});
  v.push_back({"not json", "TableName=Music", kSerialization});
  v.push_back({"trailing garbage", R"({"TableName":"Music"} x)", kSerialization});
  v.push_back({"array body", R"([{"TableName":"Music"}])", kSerialization});
  v.push_back({"string body", R"("Music")", kSerialization});
  v.push_back({"number body", "42", kSerialization});
  v.push_back({"null body", "null", kSerialization});
  v.push_back({"bool body", "true", kSerialization});
  v.push_back(
      {"bad utf-8 in a string", "{\"TableName\":\"Mu\xff\xfesic\",\"Item\":{\"pk\":{\"S\":\"z\"}}}", kSerialization});
  v.push_back({"bad utf-8 outside strings", "\xef\xbb\xbf\xff{}", kSerialization});
  v.push_back({"overlong utf-8", "{\"TableName\":\"\xc0\xaf\"}", kSerialization});
  v.push_back({"lone surrogate", R"({"TableName":"\ud800"})", kSerialization});
  v.push_back({"nul byte", std::string("{\"TableName\":\"Music\"}\0", 22), kSerialization});
  v.push_back({"huge exponent", R"({"TableName":"Music","Item":{"pk":{"S":"z"}},"Unknown":1e999})", kSerialization});
  v.push_back({"huge integer in a member",
               R"({"TableName":"Music","Item":{"pk":{"S":"z"}},"ReturnValues":123456789012345678901234567890})",
               kSerialization});
  v.push_back({"deep arrays", std::string(100000, '[') + std::string(100000, ']'), kSerialization});
  v.push_back({"deep unknown member",
               "{\"TableName\":\"Music\",\"X\":" + std::string(5000, '[') + std::string(5000, ']') + "}",
               kSerialization});
  std::string deepItem = R"({"S":"leaf"})";
  for (int i = 0; i < 200; ++i) deepItem = R"({"L":[)" + deepItem + "]}";
  v.push_back({"deep attribute value", R"({"TableName":"Music","Item":{"pk":{"S":"z"},"d":)" + deepItem + "}}",
               kSerialization});
  v.push_back(
      {"two types", R"({"TableName":"Music","Item":{"pk":{"S":"z"},"d":{"BOOL":true,"NULL":true}}})", kValidation});
  v.push_back({"10 MB table name", R"({"TableName":")" + std::string(10 << 20, 'a') + R"(","Item":{"pk":{"S":"z"}}})",
               kValidation});
  v.push_back({"10 MB item",
               R"({"TableName":"Music","Item":{"pk":{"S":"z"},"big":{"S":")" + std::string(10 << 20, 'x') + "\"}}}",
               kValidation});
  v.push_back({"10 MB of open brackets", std::string(10 << 20, '{'), kSerialization});
  v.push_back({"10 MB of whitespace then garbage", std::string(10 << 20, ' ') + "}", kSerialization});
  std::string manyKeys = "{\"TableName\":\"Music\",\"Item\":{\"pk\":{\"S\":\"z\"}}";
  while (manyKeys.size() < (10u << 20)) manyKeys += ",\"k" + std::to_string(manyKeys.size()) + "\":[1,2,3,\"x\"]";
  v.push_back({"10 MB of unknown members, truncated", manyKeys, kSerialization});
  return v;
}

TEST_F(WireTest, HostileInputNeitherCrashesNorChangesState) {
  SetUpWorld();
  const std::string before = Fingerprint();
  for (const Hostile& h : HostileBodies()) {
    SCOPED_TRACE(h.name);
    const auto start = std::chrono::steady_clock::now();
    ExpectError(Call("PutItem", h.body), h.type);
    // Generous: a Debug build under a loaded CI machine; this catches hangs, not slowness.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
    EXPECT_EQ(Fingerprint(), before);
  }
}

TEST_F(WireTest, DeepButLegalNestingReachesTheService) {
  SetUpWorld();
  std::string deep = R"({"S":"leaf"})";
  for (int i = 0; i < 60; ++i) deep = R"({"L":[)" + deep + "]}";
  const Response r = Call("PutItem", R"({"TableName":"Music","Item":{"pk":{"S":"deep"},"d":)" + deep + "}}");
  // Whatever the Service decides about 60 levels, the answer is well formed.
  EXPECT_TRUE(r.status == 200 || r.status == 400) << r.body;
  ExpectHeaders(r);
  EXPECT_TRUE(Json::accept(r.body)) << r.body;
}

TEST_F(WireTest, TenMegabyteValidBodyIsAnswered) {
  SetUpWorld();
  std::string body = "{\"TableName\":\"Music\",\"Item\":{\"pk\":{\"S\":\"z\"}}";
  while (body.size() < (10u << 20)) body += ",\"k" + std::to_string(body.size()) + "\":[1,2,3,\"x\"]";
  body += "}";
  const Response r = Call("PutItem", body);
  EXPECT_EQ(r.status, 200) << r.body.substr(0, 200);
}

TEST_F(WireTest, ConcurrentCallsAreSafe) {
  SetUpWorld();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([this, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string item =
            R"({"TableName":"Music","Item":{"pk":{"S":"t)" + std::to_string(t) + "-" + std::to_string(i) + R"("}}})";
        EXPECT_EQ(Call("PutItem", item).status, 200);
        EXPECT_EQ(Call("Scan", R"({"TableName":"Music","Limit":3})").status, 200);
        EXPECT_EQ(Call("PutItem", "{").status, 400);
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wire.RequestCount(), 3u + 4u * 150u);
}

// ---------------------------------------------------------------- enum value sets as the service lists them

// The service lists some enums' values in its own order, not the model's
// (tools/model.py PRINTED_VALUE_SETS, with sources): one row per enum.
TEST_F(WireTest, AnUnknownEnumValueNamesTheSetInTheServicesOrder) {
  SetUpWorld();
  struct Row {
    const char* op;
    const char* body;
    const char* message;
  };
  const Row rows[] = {
      {"PutItem", R"({"TableName":"Music","Item":{"pk":{"S":"a"}},"ReturnValues":"hi"})",
       "1 validation error detected: Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy "
       "enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"},
      {"Query", R"({"TableName":"Music","KeyConditionExpression":"pk = :a","Select":"hi"})",
       "1 validation error detected: Value 'hi' at 'select' failed to satisfy constraint: Member must satisfy enum "
       "value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]"},
      {"Scan", R"({"TableName":"Music","ConditionalOperator":"hi"})",
       "1 validation error detected: Value 'hi' at 'conditionalOperator' failed to satisfy constraint: Member must "
       "satisfy enum value set: [OR, AND]"},
      {"PutItem", R"({"TableName":"Music","Item":{"pk":{"S":"a"}},"Expected":{"n":{"ComparisonOperator":"hi"}}})",
       "1 validation error detected: Value 'hi' at 'expected.n.member.comparisonOperator' failed to satisfy "
       "constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, "
       "LE, BEGINS_WITH, GE, CONTAINS]"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.body);
    const Response r = Call(row.op, row.body);
    ExpectError(r, "com.amazon.coral.validate#ValidationException");
    EXPECT_EQ(Json::parse(r.body).value("message", ""), row.message);
  }
}

}  // namespace
}  // namespace dynafake
