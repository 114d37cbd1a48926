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
    EXPECT_EQ(answer.value("__type", ""), "com.amazon.coral.validate#ValidationException");
    const std::string message = answer.value("message", "");
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
