// The service's SerializationException texts, through the Wire: every JSON
// token kind in place of every kind of member (String, Integer, Long, Boolean,
// Blob, Timestamp, structure, list, map), at every depth (a request's member,
// a structure's member, a list's element, a map's value, inside an
// AttributeValue's M and L). The texts and their sources are in
// include/dynafake/wire/decode_error.hpp; the table below is
// architect/dynalite's test/helpers.js assertType (run against the service),
// with the cells it has no row for marked where they are inferred or kept.
#include <gtest/gtest.h>

#include <string>  // std::string
#include <vector>  // std::vector

#include "dynafake/wire.hpp"

namespace dynafake {
namespace serialization_texts {  // its own names: the suite's files may share one unity build
namespace {

using wire::Json;

constexpr const char* kSerialization = "com.amazon.coral.service#SerializationException";
constexpr const char* kValidation = "com.amazon.coral.validate#ValidationException";

/// The tokens assertType sends: a string, both booleans, integers of every
/// magnitude, a fraction, a list and an object.
struct Token {
  const char* name;
  const char* json;
};
const std::vector<Token>& Tokens() {
  static const std::vector<Token> tokens = {{"string", R"("23")"},
                                            {"true", "true"},
                                            {"false", "false"},
                                            {"short", "23"},
                                            {"int_min", "-2147483648"},
                                            {"beyond_int", "2147483648"},
                                            {"decimal", "34.56"},
                                            {"list", "[]"},
                                            {"object", "{}"}};
  return tokens;
}

/// What the service answers for each token in place of one kind of member;
/// nullptr where the token is that kind's own (no error).
struct Texts {
  const char* kind;
  const char* string;
  const char* boolTrue;
  const char* boolFalse;
  const char* integer;  // 23, -2147483648, 2147483648
  const char* decimal;
  const char* list;
  const char* object;
  const char* For(const Token& t) const {
    const std::string n = t.name;
    if (n == "string") return string;
    if (n == "true") return boolTrue;
    if (n == "false") return boolFalse;
    if (n == "decimal") return decimal;
    if (n == "list") return list;
    if (n == "object") return object;
    return integer;
  }
};

constexpr const char* kObject = "Start of structure or map found where not expected";
constexpr const char* kField = "Unexpected field type";
constexpr const char* kValue = "Unexpected value type in payload";
constexpr const char* kParameterized =
    "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class "
    "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of "
    "loader 'bootstrap')";
constexpr const char* kBytes = "only base-64-encoded strings are convertible to bytes";

const Texts kString{"String",
                    nullptr,
                    "TRUE_VALUE cannot be converted to String",
                    "FALSE_VALUE cannot be converted to String",
                    "NUMBER_VALUE cannot be converted to String",
                    "DECIMAL_VALUE cannot be converted to String",
                    "Unrecognized collection type class java.lang.String",
                    kObject};
const Texts kBoolean{"Boolean",
                     "Unexpected token received from parser",
                     nullptr,
                     nullptr,
                     "NUMBER_VALUE cannot be converted to Boolean",
                     "DECIMAL_VALUE cannot be converted to Boolean",
                     "Unrecognized collection type class java.lang.Boolean",
                     kObject};
// Integer and Long: assertType has no numeric row (the numbers are the member's
// own kind); dynafake's range texts are tested in serializers_test.cpp.
const Texts kInteger{"Integer",
                     "STRING_VALUE cannot be converted to Integer",
                     "TRUE_VALUE cannot be converted to Integer",
                     "FALSE_VALUE cannot be converted to Integer",
                     nullptr,
                     "class java.lang.Double can not be converted to an Integer",  // [kept]
                     "Unrecognized collection type class java.lang.Integer",
                     kObject};
const Texts kLong{"Long",
                  "STRING_VALUE cannot be converted to Long",
                  "TRUE_VALUE cannot be converted to Long",
                  "FALSE_VALUE cannot be converted to Long",
                  nullptr,
                  "class java.lang.Double can not be converted to an Long",  // [kept]
                  "Unrecognized collection type class java.lang.Long",
                  kObject};
const Texts kBlob{"Blob",
                  "Base64 encoded length is expected a multiple of 4 bytes but found: 2",  // "23"
                  kBytes,
                  kBytes,
                  kBytes,
                  kBytes,
                  "Unrecognized collection type class java.nio.ByteBuffer",
                  kObject};
// Timestamp: [floci] for a string; [infer] the other tokens, from Integer's.
const Texts kTimestamp{"Timestamp",
                       "STRING_VALUE cannot be converted to Date",
                       "TRUE_VALUE cannot be converted to Date",
                       "FALSE_VALUE cannot be converted to Date",
                       nullptr,
                       nullptr,
                       "Unrecognized collection type class java.util.Date",
                       kObject};

Texts FieldStruct(const char* list) {
  return Texts{"FieldStruct", kField, kField, kField, kField, kField, list, nullptr};
}
Texts ValueStruct(const char* list) {
  return Texts{"ValueStruct", kValue, kValue, kValue, kValue, kValue, list, nullptr};
}
const Texts kFieldList{"List", kField, kField, kField, kField, kField, nullptr, kObject};
const Texts kValueList{"ParameterizedList", kParameterized, kParameterized, kParameterized,
                       kParameterized,      kParameterized, nullptr,        kObject};
Texts FieldMap(const char* list) { return Texts{"Map", kField, kField, kField, kField, kField, list, nullptr}; }
Texts ValueMap(const char* list) {
  return Texts{"ParameterizedMap", kParameterized, kParameterized, kParameterized,
               kParameterized,     kParameterized, list,           nullptr};
}

constexpr const char* kAttributeValueClass =
    "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue";
constexpr const char* kAttributeMap =
    "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>";

/// One place a token is put: the operation, the body with `@` where the
/// token goes, and what that place wants.
struct Place {
  const char* depth;
  const char* op;
  const char* body;
  Texts texts;
};

std::vector<Place> Places() {
  return {
      // String
      {"member", "PutItem", R"({"TableName":@})", kString},
      {"structure", "CreateTable", R"({"StreamSpecification":{"StreamViewType":@}})", kString},
      {"list", "GetItem", R"({"AttributesToGet":[@]})", kString},
      {"list.structure", "CreateTable", R"({"KeySchema":[{"AttributeName":@}]})", kString},
      {"map", "GetItem", R"({"ExpressionAttributeNames":{"#a":@}})", kString},
      {"AttributeValue", "PutItem", R"({"Item":{"a":{"S":@}}})", kString},
      {"AttributeValue.SS", "PutItem", R"({"Item":{"a":{"SS":[@]}}})", kString},
      {"AttributeValue.M", "PutItem", R"({"Item":{"a":{"M":{"b":{"N":@}}}}})", kString},
      {"AttributeValue.L", "PutItem", R"({"Item":{"a":{"L":[{"S":@}]}}})", kString},
      // Integer
      {"member", "Scan", R"({"Limit":@})", kInteger},
      {"member", "Scan", R"({"TotalSegments":@})", kInteger},
      // Long
      {"structure", "CreateTable", R"({"ProvisionedThroughput":{"ReadCapacityUnits":@}})", kLong},
      {"list.structure", "CreateTable",
       R"({"GlobalSecondaryIndexes":[{"ProvisionedThroughput":{"WriteCapacityUnits":@}}]})", kLong},
      // Boolean
      {"member", "GetItem", R"({"ConsistentRead":@})", kBoolean},
      {"structure", "CreateTable", R"({"StreamSpecification":{"StreamEnabled":@}})", kBoolean},
      {"map.structure", "PutItem", R"({"Expected":{"a":{"Exists":@}}})", kBoolean},
      {"map.structure", "BatchGetItem", R"({"RequestItems":{"t":{"ConsistentRead":@}}})", kBoolean},
      {"AttributeValue", "PutItem", R"({"Item":{"a":{"BOOL":@}}})", kBoolean},
      {"AttributeValue.M", "PutItem", R"({"Item":{"a":{"M":{"b":{"NULL":@}}}}})", kBoolean},
      {"AttributeValue.L", "PutItem", R"({"Item":{"a":{"L":[{"BOOL":@}]}}})", kBoolean},
      // Blob
      {"AttributeValue", "PutItem", R"({"Item":{"a":{"B":@}}})", kBlob},
      {"AttributeValue.BS", "PutItem", R"({"Item":{"a":{"BS":[@]}}})", kBlob},
      {"AttributeValue.M", "PutItem", R"({"Item":{"a":{"M":{"b":{"BS":[@]}}}}})", kBlob},
      {"AttributeValue.L", "PutItem", R"({"Item":{"a":{"L":[{"B":@}]}}})", kBlob},
      // Timestamp
      {"member", "ListBackups", R"({"TimeRangeLowerBound":@})", kTimestamp},
      {"member", "RestoreTableToPointInTime", R"({"RestoreDateTime":@})", kTimestamp},
      // a structure as a member
      {"member", "CreateTable", R"({"ProvisionedThroughput":@})",
       FieldStruct("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput")},
      {"list.structure", "CreateTable", R"({"LocalSecondaryIndexes":[{"Projection":@}]})",
       FieldStruct("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.Projection")},
      {"list.structure", "BatchWriteItem", R"({"RequestItems":{"t":[{"DeleteRequest":@}]}})",
       FieldStruct("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.DeleteRequest")},
      {"map.structure", "PutItem", R"({"Expected":{"a":{"Value":@}}})", FieldStruct(kAttributeValueClass)},
      // a structure as a list's element or a map's value
      {"list", "CreateTable", R"({"KeySchema":[@]})",
       ValueStruct("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement")},
      {"map", "BatchGetItem", R"({"RequestItems":{"t":@}})",
       ValueStruct("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeysAndAttributes")},
      {"map", "PutItem", R"({"Item":{"a":@}})", ValueStruct(kAttributeValueClass)},
      {"AttributeValue.M", "PutItem", R"({"Item":{"a":{"M":{"b":@}}}})", ValueStruct(kAttributeValueClass)},
      {"AttributeValue.L", "PutItem", R"({"Item":{"a":{"L":[@]}}})", ValueStruct(kAttributeValueClass)},
      {"list.map", "BatchGetItem", R"({"RequestItems":{"t":{"Keys":[{"a":@}]}}})", ValueStruct(kAttributeValueClass)},
      // a list as a member
      {"member", "CreateTable", R"({"KeySchema":@})", kFieldList},
      {"list.structure", "CreateTable", R"({"LocalSecondaryIndexes":[{"KeySchema":@}]})", kFieldList},
      {"map.structure", "BatchGetItem", R"({"RequestItems":{"t":{"Keys":@}}})", kFieldList},
      {"AttributeValue", "PutItem", R"({"Item":{"a":{"SS":@}}})", kFieldList},
      {"AttributeValue", "PutItem", R"({"Item":{"a":{"L":@}}})", kFieldList},
      {"AttributeValue.M", "PutItem", R"({"Item":{"a":{"M":{"b":{"NS":@}}}}})", kFieldList},
      {"AttributeValue.L", "PutItem", R"({"Item":{"a":{"L":[{"BS":@}]}}})", kFieldList},
      // a list as a map's value
      {"map", "BatchWriteItem", R"({"RequestItems":{"t":@}})", kValueList},
      // a map as a member
      {"member", "PutItem", R"({"Item":@})", FieldMap(kAttributeMap)},
      {"member", "GetItem", R"({"ExpressionAttributeNames":@})",
       FieldMap("Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>")},
      {"member", "BatchWriteItem", R"({"RequestItems":@})",
       FieldMap("Unrecognized collection type java.util.Map<java.lang.String, "
                "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>")},
      {"list.structure", "BatchWriteItem", R"({"RequestItems":{"t":[{"PutRequest":{"Item":@}}]}})",
       FieldMap(kAttributeMap)},
      {"AttributeValue", "PutItem", R"({"Item":{"a":{"M":@}}})", FieldMap(kAttributeMap)},
      {"AttributeValue.L", "PutItem", R"({"Item":{"a":{"L":[{"M":@}]}}})", FieldMap(kAttributeMap)},
      // a map as a list's element
      {"list", "BatchGetItem", R"({"RequestItems":{"t":{"Keys":[@]}}})", ValueMap(kAttributeMap)},
  };
}

std::string Fill(const char* body, const char* token) {
  std::string out = body;
  out.replace(out.find('@'), 1, token);
  return out;
}

TEST(SerializationTexts, EveryTokenInPlaceOfEveryKindOfMemberAtEveryDepth) {
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  Wire wire(service);
  int refused = 0;
  for (const Place& place : Places()) {
    for (const Token& token : Tokens()) {
      const char* expected = place.texts.For(token);
      if (expected == nullptr) continue;  // the member's own kind
      const std::string body = Fill(place.body, token.json);
      SCOPED_TRACE(std::string(place.op) + " " + body + " (" + place.texts.kind + " at " + place.depth + ", " +
                   token.name + ")");
      const Response r = wire.Handle(std::string("DynamoDB_20120810.") + place.op, body);
      EXPECT_EQ(r.status, 400);
      const Json answer = Json::parse(r.body);
      EXPECT_EQ(answer.value("__type", ""), kSerialization);
      EXPECT_EQ(answer.value("Message", ""), expected);
      EXPECT_FALSE(answer.contains("message"));  // a SerializationException's text is under `Message`
      ++refused;
    }
  }
  EXPECT_GT(refused, 300);
  EXPECT_EQ(service.Stats().tables, 0u);  // nothing reached the Service
}

TEST(SerializationTexts, BlobStringsThatAreNotBase64) {
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  Wire wire(service);
  const struct {
    const char* blob;
    const char* message;
  } cases[] = {
      {"23456", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"},  // [dynalite]
      {"=+/=", "Invalid last non-pad Base64 character dectected"},                        // [dynalite]
      {"+/+=", "Invalid last non-pad Base64 character dectected"},                        // [dynalite]
      {"ab*=", "Invalid Base64 character: '*'"},                                          // [infer]
  };
  for (const auto& c : cases) {
    for (const char* shape : {R"({"Item":{"a":{"B":"@"}}})", R"({"Item":{"a":{"L":[{"BS":["@"]}]}}})"}) {
      const std::string body = Fill(shape, c.blob);
      const Response r = wire.Handle("DynamoDB_20120810.PutItem", body);
      const Json answer = Json::parse(r.body);
      EXPECT_EQ(answer.value("__type", ""), kSerialization) << body;
      EXPECT_EQ(answer.value("Message", ""), c.message) << body;
    }
  }
}

TEST(SerializationTexts, AWrongTypeAnywhereComesBeforeAValidationError) {
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  Wire wire(service);
  // Item (two types: a ValidationException) decodes before ReturnValues (a number: a SerializationException).
  const char* twoTypes = R"({"TableName":"t","Item":{"a":{"S":"x","N":"1"}})";
  Json answer = Json::parse(wire.Handle("DynamoDB_20120810.PutItem", std::string(twoTypes) + "}").body);
  EXPECT_EQ(answer.value("__type", ""), kValidation);
  EXPECT_EQ(answer.value("message", ""),
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
            "datatypes");
  answer = Json::parse(wire.Handle("DynamoDB_20120810.PutItem", std::string(twoTypes) + R"(,"ReturnValues":5})").body);
  EXPECT_EQ(answer.value("__type", ""), kSerialization);
  EXPECT_EQ(answer.value("Message", ""), "NUMBER_VALUE cannot be converted to String");
  // The same when the fast path gives up on the body (a \u escape) and the full parser reads it.
  answer = Json::parse(wire.Handle("DynamoDB_20120810.PutItem",
                                   R"({"TableName":"\u0074","Item":{"a":{"S":"x","N":"1"}},"ReturnValues":5})")
                           .body);
  EXPECT_EQ(answer.value("Message", ""), "NUMBER_VALUE cannot be converted to String");
}

TEST(SerializationTexts, TheFirstWrongValueInTheBodysOrderIsTheOneReported) {
  // hectorvent/floci DynamoDbRequestShapesTest firstBadMemberInBodyOrderWins: the service reads the body as a
  // stream; dynafake's tree is read in the model's member order and sorts map keys, so the body's order is found
  // again.
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  Wire wire(service);
  const auto message = [&](const char* op, const char* body) {
    return Json::parse(wire.Handle(std::string("DynamoDB_20120810.") + op, body).body).value("Message", "");
  };
  EXPECT_EQ(message("Scan", R"({"TableName":"t","Limit":"5","IndexName":5})"),
            "STRING_VALUE cannot be converted to Integer");
  EXPECT_EQ(message("Scan", R"({"TableName":"t","IndexName":5,"Limit":"5"})"),
            "NUMBER_VALUE cannot be converted to String");
  // map keys in the body's order, not sorted; at depth, inside AttributeValues
  EXPECT_EQ(message("PutItem", R"({"TableName":"t","Item":{"z":{"S":true},"a":{"N":1.5}}})"),
            "TRUE_VALUE cannot be converted to String");
  EXPECT_EQ(message("PutItem", R"({"TableName":"t","Item":{"a":{"N":1.5},"z":{"S":true}}})"),
            "DECIMAL_VALUE cannot be converted to String");
  EXPECT_EQ(message("PutItem", R"({"Item":{"a":{"L":[{"M":{"y":{"BOOL":"x"},"b":{"B":5}}}]}},"TableName":[]})"),
            "Unexpected token received from parser");
  // a two-type AttributeValue before the wrong type changes nothing
  EXPECT_EQ(message("PutItem", R"({"Item":{"a":{"S":"x","N":"1"}},"ReturnValues":5,"TableName":true})"),
            "NUMBER_VALUE cannot be converted to String");
}

TEST(SerializationTexts, ABodyThatIsNotAnObjectKeepsItsEarlierTexts) {
  // [kept] no source gives the service's text for a JSON body that is not an object.
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  Wire wire(service);
  for (const auto& c : {std::pair<const char*, const char*>{"[]", "Start of list found where not expected"},
                        {R"("x")", "Expected null"},
                        {"5", "Expected null"},
                        {"true", "Expected null"}}) {
    const Json answer = Json::parse(wire.Handle("DynamoDB_20120810.ListTables", c.first).body);
    EXPECT_EQ(answer.value("__type", ""), kSerialization) << c.first;
    EXPECT_EQ(answer.value("Message", ""), c.second) << c.first;
  }
}

}  // namespace
}  // namespace serialization_texts
}  // namespace dynafake
