// Every constraint of every operation, broken one at a time, through the wire.
//
// The cases come from the service model (tools/dynamodb-2012-08-10-backup-subset.json):
// for each operation, a valid request botocore built (tests/data/wire/botocore_requests.jsonl)
// is changed so that exactly one member breaks exactly one constraint —
// required, length, pattern, enum, range, element count, map key — nested
// members included (constraint_cases.hpp). Each must answer HTTP 400
// ValidationException with the service's message, and leave the world
// (SaveState before and after) byte-identical.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <dynafake/wire.hpp>

#include "constraint_cases.hpp"
#include "recorded_world.hpp"

namespace dynafake_test {
namespace {

using World = RecordedWorld;

/// The answer when the service checks the broken member before the model's
/// constraints (Tables::Precheck): a table name's presence and length in
/// DescribeTable, DeleteTable, UpdateTable (and its length in CreateTable), a
/// tag operation's ResourceArn. False for every other case.
bool CheckedFirst(const std::string& op, const ConstraintCase& c, std::string& type, std::string& message) {
  const auto is = [&](const std::string& what) { return c.what == op + " " + what; };
  const bool names = op == "DescribeTable" || op == "DeleteTable" || op == "UpdateTable";
  type = "ValidationException";
  if (names && is("tableName: missing")) {
    message = "The parameter 'TableName' is required but was not present in the request";
    return true;
  }
  if ((names || op == "CreateTable") && (is("tableName: length below min") || is("tableName: length above max"))) {
    message = "TableName must be at least 3 characters long and at most 255 characters long";
    return true;
  }
  if (op == "TagResource" || op == "UntagResource" || op == "ListTagsOfResource") {
    if (is("resourceArn: missing")) {
      message = "Invalid TableArn";
      return true;
    }
    if (is("resourceArn: length below min") || is("resourceArn: length above max")) {
      const std::string arn = c.body.at("ResourceArn").get<std::string>();
      type = "AccessDeniedException";
      message = "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:" + op +
                " on resource: " + (arn.empty() ? std::string("*") : arn);
      return true;
    }
  }
  return false;
}

class ValidationMatrix : public testing::TestWithParam<std::string> {};

TEST_P(ValidationMatrix, EveryConstraintBrokenAloneIsAValidationExceptionThatChangesNothing) {
  const std::string op = GetParam();
  const Json valid = ValidRequest(op);
  ASSERT_TRUE(valid.is_object()) << "no valid recorded request of " << op << " in botocore_requests.jsonl";
  {
    World fresh;  // the unbroken request is structurally valid (it may still fail on state)
    const auto r = fresh.wire.Handle("DynamoDB_20120810." + op, valid.dump());
    EXPECT_EQ(r.body.find("validation error"), std::string::npos) << r.body;
  }

  World world;
  const std::string before = dynafake::SaveState(world.service);
  const ConstraintCases cases(ServiceModel(), op, valid);
  ASSERT_FALSE(cases.Cases().empty());
  for (const auto& c : cases.Cases()) {
    SCOPED_TRACE(c.what);
    const dynafake::Response r = world.wire.Handle("DynamoDB_20120810." + op, c.body.dump());
    EXPECT_EQ(r.status, 400);
    const Json answer = Json::parse(r.body, nullptr, false);
    ASSERT_TRUE(answer.is_object()) << r.body;
    std::string ignoredType, ignoredMessage;
    if (!CheckedFirst(op, c, ignoredType, ignoredMessage)) {
      EXPECT_EQ(answer.value("__type", ""), "com.amazon.coral.validate#ValidationException");
    }
    const std::string message = answer.value("message", "");
    std::string firstType, firstMessage;
    if (CheckedFirst(op, c, firstType, firstMessage)) {
      EXPECT_EQ(
          answer.value("__type", ""),
          std::string(firstType == "ValidationException" ? "com.amazon.coral.validate#" : "com.amazon.coral.service#") +
              firstType);
      EXPECT_EQ(message, firstMessage);
      ASSERT_EQ(dynafake::SaveState(world.service), before) << "a refused request changed the state";
      continue;
    }
    EXPECT_TRUE(ConstraintCases::Matches(message, c.errors))
        << "   got: " << message.substr(0, 600) << "\nwanted: " << ConstraintCases::Message(c.errors).substr(0, 600);
    ASSERT_EQ(dynafake::SaveState(world.service), before) << "a refused request changed the state";
  }
  std::cout << "[matrix] " << op << ": " << cases.Cases().size() << " broken constraints\n";
}

INSTANTIATE_TEST_SUITE_P(Model, ValidationMatrix, testing::ValuesIn(ModelOperations()),
                         [](const testing::TestParamInfo<std::string>& operation) { return operation.param; });

}  // namespace
}  // namespace dynafake_test
