// The JSON codec on its own: every model structure round-trips, the wire forms
// of scalars are the protocol's, and a member of the wrong JSON type is the
// service's SerializationException.
#include <gtest/gtest.h>

#include <sstream>  // std::ostringstream
#include <string>   // std::string

#include "dynafake/generated/print.hpp"             // operator<< for failure messages
#include "dynafake/wire/generated/serializers.hpp"  // ToJson, FromJson
#include "generated/model_samples.hpp"              // ForEachSample

namespace dynafake {
namespace {

using wire::DecodeError;
using wire::Json;

struct RoundTrip {
  int visited = 0;
  template <class T>
  void operator()(const char* name, const T& sample) {
    ++visited;
    SCOPED_TRACE(name);
    const Json json = wire::ToJson(sample);
    T back;
    wire::FromJson(json, back, "");
    EXPECT_TRUE(back == sample) << name;
    // operator== ignores the HasBeenSet flags; the JSON shows them.
    EXPECT_EQ(wire::ToJson(back), json) << name;
    // Through text as well, as the wire carries it.
    T parsed;
    wire::FromJson(Json::parse(json.dump()), parsed, "");
    EXPECT_TRUE(parsed == sample) << name;
    // A default value is an empty object, and reads back as one.
    EXPECT_EQ(wire::ToJson(T()), Json::object()) << name;
  }
};

TEST(WireSerializers, EveryStructureRoundTrips) {
  RoundTrip r;
  wire_test::ForEachSample(r);
  EXPECT_GT(r.visited, 90);
}

struct EveryMemberWritten {
  template <class T>
  void operator()(const char* name, const T& sample) {
    // A filled sample writes every member: none is silently dropped.
    const Json json = wire::ToJson(sample);
    std::ostringstream printed;
    printed << sample;
    for (auto it = json.begin(); it != json.end(); ++it)
      EXPECT_NE(printed.str().find(it.key()), std::string::npos) << name << "." << it.key();
  }
};

TEST(WireSerializers, MembersUseWireNames) {
  wire_test::ForEachSample(EveryMemberWritten{});
  Model::CreateBackupRequest r;
  r.SetTableName("Music");
  r.SetBackupName("nightly");
  EXPECT_EQ(wire::ToJson(r), Json::parse(R"({"TableName":"Music","BackupName":"nightly"})"));
}

TEST(WireSerializers, AbsentMembersAreOmitted) {
  Model::ListBackupsRequest r;
  EXPECT_EQ(wire::ToJson(r).dump(), "{}");
  r.SetLimit(0);  // set, even to the default value, is written
  EXPECT_EQ(wire::ToJson(r).dump(), R"({"Limit":0})");
}

TEST(WireSerializers, TimestampsAreEpochSecondsWithMilliseconds) {
  Model::ListBackupsRequest r;
  r.SetTimeRangeLowerBound(DateTime(static_cast<int64_t>(1678793340962LL)));
  r.SetTimeRangeUpperBound(DateTime(static_cast<int64_t>(1678793341000LL)));
  const Json j = wire::ToJson(r);
  EXPECT_TRUE(j["TimeRangeLowerBound"].is_number());
  EXPECT_EQ(j.dump(), R"({"TimeRangeLowerBound":1678793340.962,"TimeRangeUpperBound":1678793341.0})");
  // botocore sends whole seconds as integers and fractions as floats; both read.
  auto back = wire::FromJson<Model::ListBackupsRequest>(
      Json::parse(R"({"TimeRangeLowerBound":1678793340.962,"TimeRangeUpperBound":1678793341})"));
  EXPECT_EQ(back.GetTimeRangeLowerBound().Millis(), 1678793340962LL);
  EXPECT_EQ(back.GetTimeRangeUpperBound().Millis(), 1678793341000LL);
  // Before the epoch.
  back = wire::FromJson<Model::ListBackupsRequest>(Json::parse(R"({"TimeRangeLowerBound":-1.5})"));
  EXPECT_EQ(back.GetTimeRangeLowerBound().Millis(), -1500);
}

TEST(WireSerializers, TimestampStringsAreRefused) {
  try {
    wire::FromJson<Model::ListBackupsRequest>(Json::parse(R"({"TimeRangeLowerBound":"2023-03-14T11:29:00Z"})"));
    FAIL() << "accepted a string timestamp";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::SERIALIZATION);
    EXPECT_STREQ(e.what(), "STRING_VALUE cannot be converted to Date");  // hectorvent/floci DynamoDbRequestShapesTest
    EXPECT_EQ(e.GetPath(), "TimeRangeLowerBound");
  }
  EXPECT_THROW(wire::FromJson<Model::ListBackupsRequest>(Json::parse(R"({"TimeRangeLowerBound":1e300})")), DecodeError);
}

TEST(WireSerializers, AttributeValueForms) {
  Model::AttributeValue v;
  EXPECT_EQ(wire::ToJson(v), Json::object());
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().SetS("x")).dump(), R"({"S":"x"})");
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().SetN("12.50")).dump(), R"({"N":"12.50"})");
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().SetB(ByteBuffer(std::string("hello")))).dump(), R"({"B":"aGVsbG8="})");
  EXPECT_EQ(
      wire::ToJson(Model::AttributeValue().SetBS({ByteBuffer(std::string("a")), ByteBuffer(std::string("ab"))})).dump(),
      R"({"BS":["YQ==","YWI="]})");
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().SetNull(true)).dump(), R"({"NULL":true})");
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().SetBool(false)).dump(), R"({"BOOL":false})");
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().AddLItem(Model::AttributeValue().SetN("1"))).dump(),
            R"({"L":[{"N":"1"}]})");
  EXPECT_EQ(wire::ToJson(Model::AttributeValue().AddMEntry("k", Model::AttributeValue().SetSS({"a"}))).dump(),
            R"({"M":{"k":{"SS":["a"]}}})");

  // Numbers stay strings, digit for digit.
  auto n = wire::FromJson<Model::AttributeValue>(Json::parse(R"({"N":"123456789012345678901234567890.000"})"));
  EXPECT_EQ(n.GetN(), "123456789012345678901234567890.000");
  // Unknown keys are ignored; null is absent.
  auto s = wire::FromJson<Model::AttributeValue>(Json::parse(R"({"S":"x","Q":1,"N":null})"));
  EXPECT_EQ(s.GetType(), Model::ValueType::STRING);
  // No type at all stays unset (the Service calls it empty).
  EXPECT_FALSE(wire::FromJson<Model::AttributeValue>(Json::object()).HasBeenSet());
  // Base64 with and without padding.
  EXPECT_EQ(wire::FromJson<Model::AttributeValue>(Json::parse(R"({"B":"aGk="})")).GetB(),
            ByteBuffer(std::string("hi")));
  EXPECT_EQ(wire::FromJson<Model::AttributeValue>(Json::parse(R"({"B":"aGk"})")).GetB(), ByteBuffer(std::string("hi")));
  EXPECT_EQ(wire::FromJson<Model::AttributeValue>(Json::parse(R"({"B":""})")).GetB(), ByteBuffer());
}

TEST(WireSerializers, AttributeValueWithTwoTypesIsAValidationError) {
  try {
    wire::FromJson<Model::AttributeValue>(Json::parse(R"({"S":"x","N":"1"})"));
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::VALIDATION);
    EXPECT_EQ(e.GetMessage(),
              "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
              "datatypes");
    EXPECT_EQ(e.ToError().GetWireType(), "com.amazon.coral.validate#ValidationException");
  }
}

struct BadCase {
  const char* json;
  const char* message;
  const char* path;
};

class WireSerializersWrongType : public ::testing::TestWithParam<BadCase> {};

TEST_P(WireSerializersWrongType, IsASerializationException) {
  const BadCase& c = GetParam();
  try {
    Model::PutItemRequest r;
    wire::FromJson(Json::parse(c.json), r, "");
    FAIL() << "accepted " << c.json;
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::SERIALIZATION) << c.json;
    EXPECT_EQ(e.GetMessage(), c.message) << c.json;
    EXPECT_EQ(e.GetPath(), c.path) << c.json;
    EXPECT_EQ(e.ToError().GetWireType(), "com.amazon.coral.service#SerializationException");
  }
}

// The texts and their sources are in include/dynafake/wire/decode_error.hpp;
// serialization_texts_test.cpp runs the whole table through the Wire.
INSTANTIATE_TEST_SUITE_P(
    Members, WireSerializersWrongType,
    ::testing::Values(
        BadCase{R"([])", "Start of list found where not expected", ""}, BadCase{R"("x")", "Expected null", ""},
        BadCase{R"({"TableName":{}})", "Start of structure or map found where not expected", "TableName"},
        BadCase{R"({"TableName":[]})", "Unrecognized collection type class java.lang.String", "TableName"},
        BadCase{R"({"TableName":5})", "NUMBER_VALUE cannot be converted to String", "TableName"},
        BadCase{R"({"TableName":true})", "TRUE_VALUE cannot be converted to String", "TableName"},
        BadCase{R"({"TableName":-2147483648})", "NUMBER_VALUE cannot be converted to String", "TableName"},
        BadCase{R"({"TableName":2147483648})", "NUMBER_VALUE cannot be converted to String", "TableName"},
        BadCase{R"({"TableName":34.56})", "DECIMAL_VALUE cannot be converted to String", "TableName"},
        BadCase{R"({"Item":[]})",
                "Unrecognized collection type java.util.Map<java.lang.String, "
                "com.amazonaws.dynamodb.v20120810.AttributeValue>",
                "Item"},
        BadCase{R"({"Item":"x"})", "Unexpected field type", "Item"},
        BadCase{R"({"Item":{"a":"x"}})", "Unexpected value type in payload", "Item.a"},
        BadCase{R"({"Item":{"a":{"N":5}}})", "NUMBER_VALUE cannot be converted to String", "Item.a.N"},
        BadCase{R"({"Item":{"a":{"B":"23456"}}})",
                "Base64 encoded length is expected a multiple of 4 bytes but found: 5", "Item.a.B"},
        BadCase{R"({"Item":{"a":{"B":"=+/="}}})", "Invalid last non-pad Base64 character dectected", "Item.a.B"},
        BadCase{R"({"Item":{"a":{"B":"+/+="}}})", "Invalid last non-pad Base64 character dectected", "Item.a.B"},
        BadCase{R"({"Item":{"a":{"B":"ab*="}}})", "Invalid Base64 character: '*'", "Item.a.B"},
        BadCase{R"({"Item":{"a":{"B":true}}})", "only base-64-encoded strings are convertible to bytes", "Item.a.B"},
        BadCase{R"({"Item":{"a":{"B":"a"}}})", "Base64 encoded length is expected a multiple of 4 bytes but found: 1",
                "Item.a.B"},
        BadCase{R"({"Item":{"a":{"SS":"x"}}})", "Unexpected field type", "Item.a.SS"},
        BadCase{R"({"Item":{"a":{"SS":{}}}})", "Start of structure or map found where not expected", "Item.a.SS"},
        BadCase{R"({"Item":{"a":{"SS":[1]}}})", "NUMBER_VALUE cannot be converted to String", "Item.a.SS[0]"},
        BadCase{R"({"Item":{"a":{"BOOL":"23"}}})", "Unexpected token received from parser", "Item.a.BOOL"},
        BadCase{R"({"Item":{"a":{"M":{"b":{"L":[{"NULL":23}]}}}}})", "NUMBER_VALUE cannot be converted to Boolean",
                "Item.a.M.b.L[0].NULL"},
        BadCase{R"({"Expected":{"a":{"Exists":"yes"}}})", "Unexpected token received from parser", "Expected.a.Exists"},
        BadCase{R"({"ReturnValues":1})", "NUMBER_VALUE cannot be converted to String", "ReturnValues"},
        BadCase{R"({"ExpressionAttributeNames":{"#a":false}})", "FALSE_VALUE cannot be converted to String",
                "ExpressionAttributeNames.#a"}));

TEST(WireSerializers, IntegersAreStrict) {
  const auto limit = [](const char* json) {
    return wire::FromJson<Model::ListBackupsRequest>(Json::parse(json)).GetLimit();
  };
  EXPECT_EQ(limit(R"({"Limit":10})"), 10);
  EXPECT_EQ(limit(R"({"Limit":-3})"), -3);   // range is the Service's business
  EXPECT_EQ(limit(R"({"Limit":1e1})"), 10);  // an integral number in any spelling
  for (const char* bad : {R"({"Limit":"10"})", R"({"Limit":1.5})", R"({"Limit":2147483648})",
                          R"({"Limit":-2147483649})", R"({"Limit":99999999999999999999999})", R"({"Limit":1e300})"}) {
    try {
      limit(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const DecodeError& e) {
      EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::SERIALIZATION);
      // a string: the service's text; a number the member cannot hold: dynafake's earlier text (no source)
      EXPECT_TRUE(e.GetMessage() == "STRING_VALUE cannot be converted to Integer" ||
                  e.GetMessage().find("can not be converted to an Integer") != std::string::npos)
          << e.GetMessage();
    }
  }
  // Longs take the whole 64-bit range.
  auto t = wire::FromJson<Model::BackupDetails>(Json::parse(R"({"BackupSizeBytes":9223372036854775807})"));
  EXPECT_EQ(t.GetBackupSizeBytes(), 9223372036854775807LL);
  EXPECT_THROW(wire::FromJson<Model::BackupDetails>(Json::parse(R"({"BackupSizeBytes":9223372036854775808})")),
               DecodeError);
}

TEST(WireSerializers, UnknownMembersAndNullsAreIgnored) {
  auto r = wire::FromJson<Model::CreateBackupRequest>(
      Json::parse(R"({"TableName":"Music","BackupName":null,"Unknown":{"deep":[1,2,{"x":null}]}})"));
  EXPECT_TRUE(r.TableNameHasBeenSet());
  EXPECT_FALSE(r.BackupNameHasBeenSet());
}

TEST(WireSerializers, UnknownEnumNamesAreKeptForTheService) {
  auto r = wire::FromJson<Model::ListBackupsRequest>(Json::parse(R"({"BackupType":"NIGHTLY"})"));
  EXPECT_TRUE(r.BackupTypeHasBeenSet());
  EXPECT_FALSE(Model::BackupTypeFilterMapper::IsKnown(r.GetBackupType()));
  EXPECT_EQ(wire::ToJson(r).dump(), R"({"BackupType":"NIGHTLY"})");
  r = wire::FromJson<Model::ListBackupsRequest>(Json::parse(R"({"BackupType":"ALL"})"));
  EXPECT_EQ(r.GetBackupType(), Model::BackupTypeFilter::ALL);
}

TEST(WireSerializers, NestingIsBounded) {
  Json j = Json::parse(R"({"S":"leaf"})");
  for (int i = 0; i < wire::kMaxJsonDepth + 5; ++i) j = Json{{"L", Json::array({j})}};
  EXPECT_THROW(wire::FromJson<Model::AttributeValue>(j), DecodeError);
}

TEST(WireSerializers, Base64RoundTripsEveryLength) {
  std::string bytes;
  for (int n = 0; n < 40; ++n) {
    const ByteBuffer b(bytes);
    const Json j = wire::ToJson(Model::AttributeValue().SetB(b));
    EXPECT_EQ(wire::FromJson<Model::AttributeValue>(j).GetB(), b) << n;
    bytes.push_back(static_cast<char>(n * 37 + 11));
  }
}

}  // namespace
}  // namespace dynafake
