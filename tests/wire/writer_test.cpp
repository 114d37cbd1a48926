// The direct writer (WriteJson) must give byte for byte the text of a compact
// dump of ToJson: the wire answers with it, and callers compare bodies.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "dynafake/wire.hpp"            // ErrorText, JsonText, Dump
#include "generated/model_samples.hpp"  // ForEachSample

namespace dynafake {
namespace {

using wire::Json;

std::string Dumped(const Json& j) { return wire::detail::Dump(j); }

struct SameTextAsTheTree {
  int visited = 0;
  template <class T>
  void operator()(const char* name, const T& sample) {
    ++visited;
    EXPECT_EQ(wire::detail::JsonText(sample), Dumped(wire::ToJson(sample))) << name;
    EXPECT_EQ(wire::detail::JsonText(T()), Dumped(wire::ToJson(T()))) << name << " (empty)";
  }
};

TEST(WireWriter, EveryStructureWritesWhatTheTreeDumps) {
  SameTextAsTheTree check;
  wire_test::ForEachSample(check);
  EXPECT_GT(check.visited, 90);
}

TEST(WireWriter, StringsNeedingEscapesMatchTheTree) {
  const std::string cases[] = {"",
                               "plain",
                               "quote \" and backslash \\",
                               std::string("nul \0 inside", 12),
                               "tab\tnewline\nreturn\r\x01\x1f\x7f",
                               "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
                               "invalid \xff\xfe utf-8 \xc3",
                               "/slash/ stays"};
  for (const auto& s : cases) {
    std::string written;
    wire::detail::WriteString(written, s);
    EXPECT_EQ(written, Dumped(Json(s))) << s;
    // and as a map key, and inside an AttributeValue
    Model::AttributeValue v;
    v.AddMEntry(s, Model::AttributeValue().SetS(s));
    std::string text;
    wire::WriteJson(text, v);
    EXPECT_EQ(text, Dumped(wire::ToJson(v))) << s;
  }
}

TEST(WireWriter, TimestampsAndNumbersMatchTheTree) {
  for (int64_t ms : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{999}, int64_t{1000}, int64_t{1700000000123},
                     int64_t{1700000000000}, int64_t{-1700000000120}, int64_t{253402300799999}}) {
    Model::BackupDetails d;
    d.SetBackupCreationDateTime(DateTime(ms));
    d.SetBackupSizeBytes(ms);
    EXPECT_EQ(wire::detail::JsonText(d), Dumped(wire::ToJson(d))) << ms;
  }
  for (double v : {0.0, -0.0, 0.1, 1e300, -2.5, 1.0 / 3.0, 1e-7}) {
    std::string written;
    wire::detail::WriteDouble(written, v);
    EXPECT_EQ(written, Json(v).dump()) << v;
  }
}

TEST(WireWriter, EveryAttributeValueTypeMatchesTheTree) {
  Model::AttributeValue deep;
  deep.AddMEntry(
      "l", Model::AttributeValue().AddLItem(Model::AttributeValue().SetNull(true)).AddLItem(Model::AttributeValue()));
  const Model::AttributeValue values[] = {
      Model::AttributeValue(),
      Model::AttributeValue().SetS("s"),
      Model::AttributeValue().SetN("-1.5e3"),
      Model::AttributeValue().SetB(ByteBuffer(std::string("\x00\xff", 2))),
      Model::AttributeValue().SetSS({"b", "a"}),
      Model::AttributeValue().SetNS({"1", "2"}),
      Model::AttributeValue().SetBS({ByteBuffer(std::string("x")), ByteBuffer(std::string())}),
      Model::AttributeValue().SetBool(true),
      Model::AttributeValue().SetBool(false),
      Model::AttributeValue().SetNull(true),
      Model::AttributeValue().AddLItem(Model::AttributeValue().SetS("x")),
      deep,
  };
  for (const auto& v : values) {
    std::string text;
    wire::WriteJson(text, v);
    EXPECT_EQ(text, Dumped(wire::ToJson(v)));
  }
}

TEST(WireWriter, ErrorBodiesMatchTheTree) {
  const DynamoDBError errors[] = {
      DynamoDBError(DynamoDBErrors::VALIDATION, "1 validation error detected: Value 'x\"y' at 'tableName'"),
      DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: caf\xc3\xa9"),
      DynamoDBError(DynamoDBErrors::SERIALIZATION, "bad \xff byte"),
      DynamoDBError(DynamoDBErrors::INTERNAL_FAILURE, ""),
  };
  for (const auto& e : errors) EXPECT_EQ(wire::detail::ErrorText(e), Dumped(wire::detail::ErrorBody(e)));
}

TEST(WireWriter, ACancelledTransactionWritesItsReasonsAsTheServiceDoes) {
  DynamoDBError e(DynamoDBErrors::TRANSACTION_CANCELED,
                  "Transaction cancelled, please refer cancellation reasons for specific reasons "
                  "[ConditionalCheckFailed, None]");
  e.SetCancellationReasons({Model::CancellationReason()
                                .WithCode("ConditionalCheckFailed")
                                .WithMessage("The conditional request failed")
                                .WithItem({{"id", Model::AttributeValue("alice")}}),
                            Model::CancellationReason().WithCode("None")});
  const std::string text = wire::detail::ErrorText(e);
  EXPECT_EQ(text, Dumped(wire::detail::ErrorBody(e)));
  EXPECT_EQ(text,
            "{\"CancellationReasons\":[{\"Code\":\"ConditionalCheckFailed\",\"Item\":{\"id\":{\"S\":\"alice\"}},"
            "\"Message\":\"The conditional request failed\"},{\"Code\":\"None\"}],\"Message\":\"Transaction "
            "cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]\","
            "\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\"}");
  const DynamoDBError parsed = wire::detail::ParseErrorResponse(400, text);
  EXPECT_EQ(parsed, e);
  ASSERT_TRUE(parsed.CancellationReasonsHaveBeenSet());
  EXPECT_EQ(parsed.GetCancellationReasons(), e.GetCancellationReasons());
}

}  // namespace
}  // namespace dynafake
