// The legacy parameters: Expected, QueryFilter/ScanFilter, KeyConditions and
// AttributesToGet turned into expression trees, with the service's messages
// for malformed ones and the legacy meaning of each comparison operator.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <dynafake/expression/legacy.hpp>

#include "expression_support.hpp"

namespace legacy_test {

using namespace exprtest;
namespace ex = dynafake::expression;
namespace Mdl = dynafake::Model;
using C = Mdl::ComparisonOperator;

Mdl::ExpectedAttributeValue Expect() { return Mdl::ExpectedAttributeValue(); }

struct ExpectedCase {
  const char* label;
  Mdl::ExpectedAttributeValue expected;
  const char* message;
};

std::ostream& operator<<(std::ostream& os, const ExpectedCase& c) { return os << c.label; }

class ExpectedTest : public ::testing::TestWithParam<ExpectedCase> {};

TEST_P(ExpectedTest, ServiceMessage) {
  ex::Condition out;
  EXPECT_EQ(ex::LegacyExpected({{"a", GetParam().expected}}, false, Mdl::ConditionalOperator::NOT_SET, out),
            GetParam().message);
}

// Messages as the service answers them (architect/dynalite test/putItem.js,
// nubo-db/dynamodb-conformance putItem.test.ts) and DynamoDB Local's
// InputConverter.validateExpectedAttribute.
INSTANTIATE_TEST_SUITE_P(
    Expected, ExpectedTest,
    ::testing::Values(
        ExpectedCase{
            "NoValueNoExists", Expect(),
            "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a"},
        ExpectedCase{
            "ExistsTrueWithoutValue", Expect().WithExists(true),
            "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a"},
        ExpectedCase{
            "ExistsFalseWithValue", Expect().WithExists(false).WithValue(S("a")),
            "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a"},
        ExpectedCase{"ExistsWithOperator", Expect().WithExists(true).WithComparisonOperator(C::LT),
                     "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together "
                     "for Attribute: a"},
        ExpectedCase{"ValueAndList",
                     Expect()
                         .WithValue(S("a"))
                         .WithAttributeValueList(std::vector<AttributeValue>{S("a")})
                         .WithComparisonOperator(C::LT),
                     "One or more parameter values were invalid: Value and AttributeValueList cannot be used together "
                     "for Attribute: a"},
        ExpectedCase{"ListWithoutOperator", Expect().WithAttributeValueList(std::vector<AttributeValue>{S("a")}),
                     "One or more parameter values were invalid: AttributeValueList can only be used with a "
                     "ComparisonOperator for Attribute: a"},
        ExpectedCase{"OperatorWithoutValue", Expect().WithComparisonOperator(C::EQ),
                     "One or more parameter values were invalid: Value or AttributeValueList must be used with "
                     "ComparisonOperator: EQ for Attribute: a"},
        ExpectedCase{
            "EqWithoutArguments",
            Expect().WithComparisonOperator(C::EQ).WithAttributeValueList(std::vector<AttributeValue>{}),
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator"},
        ExpectedCase{
            "NullWithArgument",
            Expect().WithComparisonOperator(C::NULL_).WithAttributeValueList(std::vector<AttributeValue>{S("a")}),
            "One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator"},
        ExpectedCase{
            "NullWithValue", Expect().WithComparisonOperator(C::NULL_).WithValue(S("a")),
            "One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator"},
        ExpectedCase{
            "InWithoutArguments",
            Expect().WithComparisonOperator(C::IN_).WithAttributeValueList(std::vector<AttributeValue>{}),
            "One or more parameter values were invalid: Invalid number of argument(s) for the IN ComparisonOperator"},
        ExpectedCase{"BetweenThreeArguments",
                     Expect()
                         .WithComparisonOperator(C::BETWEEN)
                         .WithAttributeValueList(std::vector<AttributeValue>{N("1"), N("10"), N("12")}),
                     "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN "
                     "ComparisonOperator"},
        ExpectedCase{"BetweenOneValue", Expect().WithComparisonOperator(C::BETWEEN).WithValue(S("a")),
                     "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN "
                     "ComparisonOperator"},
        ExpectedCase{
            "BetweenReversed",
            Expect()
                .WithComparisonOperator(C::BETWEEN)
                .WithAttributeValueList(std::vector<AttributeValue>{N("10"), N("9")}),
            "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"},
        ExpectedCase{
            "MixedTypes",
            Expect().WithComparisonOperator(C::IN_).WithAttributeValueList(std::vector<AttributeValue>{N("1"), S("1")}),
            "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same "
            "type"},
        ExpectedCase{"BeginsWithNumber", Expect().WithComparisonOperator(C::BEGINS_WITH).WithValue(N("1")),
                     "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N "
                     "AttributeValue type"},
        ExpectedCase{
            "LessThanSet", Expect().WithComparisonOperator(C::LT).WithValue(SS({"a"})),
            "One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type"},
        ExpectedCase{"ContainsList", Expect().WithComparisonOperator(C::CONTAINS).WithValue(L({})),
                     "One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for L "
                     "AttributeValue type"},
        ExpectedCase{"EqualsASet", Expect().WithComparisonOperator(C::EQ).WithValue(SS({"a"})), ""},
        ExpectedCase{"ValueMeansEquals", Expect().WithValue(S("a")), ""},
        ExpectedCase{"ExistsFalse", Expect().WithExists(false), ""}));

struct EvalCase {
  const char* label;
  std::map<std::string, Mdl::Condition> filter;
  bool orOperator;
  bool expected;
};

std::ostream& operator<<(std::ostream& os, const EvalCase& c) { return os << c.label; }

Mdl::Condition Cond(C op, std::vector<AttributeValue> values = {}) {
  return Mdl::Condition().WithComparisonOperator(op).WithAttributeValueList(std::move(values));
}

class FilterTest : public ::testing::TestWithParam<EvalCase> {};

TEST_P(FilterTest, Holds) {
  const Item item = {{"s", S("hello")}, {"n", N("10")}, {"ss", SS({"a", "b"})}, {"l", L({S("x"), N("2")})}};
  ex::Condition cond;
  ASSERT_EQ(
      ex::LegacyFilter(GetParam().filter, GetParam().orOperator,
                       GetParam().orOperator ? Mdl::ConditionalOperator::OR : Mdl::ConditionalOperator::NOT_SET, cond),
      "");
  EXPECT_EQ(cond.Holds(item), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Filters, FilterTest,
    ::testing::Values(
        EvalCase{"Eq", {{"s", Cond(C::EQ, {S("hello")})}}, false, true},
        EvalCase{"EqNumbersByValue", {{"n", Cond(C::EQ, {N("10.00")})}}, false, true},
        EvalCase{"NeOfMissing", {{"zz", Cond(C::NE, {S("x")})}}, false, true},
        EvalCase{"NotNull", {{"s", Cond(C::NOT_NULL)}}, false, true},
        EvalCase{"Null", {{"zz", Cond(C::NULL_)}}, false, true},
        EvalCase{"ContainsSubstring", {{"s", Cond(C::CONTAINS, {S("ell")})}}, false, true},
        EvalCase{"ContainsSetMember", {{"ss", Cond(C::CONTAINS, {S("b")})}}, false, true},
        EvalCase{"ContainsListElement", {{"l", Cond(C::CONTAINS, {N("2")})}}, false, true},
        EvalCase{"NotContains", {{"ss", Cond(C::NOT_CONTAINS, {S("z")})}}, false, true},
        EvalCase{"NotContainsOfMissingIsFalse", {{"zz", Cond(C::NOT_CONTAINS, {S("z")})}}, false, false},
        EvalCase{"In", {{"n", Cond(C::IN_, {N("1"), N("10")})}}, false, true},
        EvalCase{"Between", {{"n", Cond(C::BETWEEN, {N("9"), N("11")})}}, false, true},
        EvalCase{"BeginsWith", {{"s", Cond(C::BEGINS_WITH, {S("he")})}}, false, true},
        EvalCase{"GreaterOtherType", {{"s", Cond(C::GT, {N("1")})}}, false, false},
        EvalCase{"AllMustHold", {{"s", Cond(C::EQ, {S("hello")})}, {"n", Cond(C::LT, {N("5")})}}, false, false},
        EvalCase{"OneIsEnoughWithOr", {{"s", Cond(C::EQ, {S("hello")})}, {"n", Cond(C::LT, {N("5")})}}, true, true}));

TEST(LegacyTest, ConditionalOperatorNeedsTwoConditions) {
  ex::Condition cond;
  EXPECT_EQ(ex::LegacyFilter({}, true, Mdl::ConditionalOperator::AND, cond),
            "ConditionalOperator cannot be used without Filter or Expected");
  EXPECT_EQ(ex::LegacyFilter({{"a", Cond(C::NULL_)}}, true, Mdl::ConditionalOperator::OR, cond),
            "ConditionalOperator can only be used when Filter or Expected has two or more elements");
}

TEST(LegacyTest, ExpectedHoldsOnTheItem) {
  const Item item = {{"a", S("x")}};
  ex::Condition cond;
  ASSERT_EQ(ex::LegacyExpected({{"a", Expect().WithValue(S("x"))}, {"b", Expect().WithExists(false)}}, false,
                               Mdl::ConditionalOperator::NOT_SET, cond),
            "");
  EXPECT_TRUE(cond.Holds(item));
  EXPECT_FALSE(cond.Holds(Item{{"a", S("x")}, {"b", N("1")}}));
  EXPECT_FALSE(cond.Holds(Item{})) << "a must exist with the value";
}

TEST(LegacyTest, KeyConditionsBecomePredicates) {
  std::vector<ex::KeyPredicate> out;
  ASSERT_EQ(ex::LegacyKeyConditions({{"pk", Cond(C::EQ, {S("p")})}, {"sk", Cond(C::BETWEEN, {N("1"), N("2")})}}, out),
            "");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].name, "pk");
  EXPECT_EQ(out[1].op, ex::KeyOp::Between);
  EXPECT_EQ(ex::LegacyKeyConditions({{"pk", Cond(C::NOT_NULL)}}, out),
            "Attempted conditional constraint is not an indexable operation");
  // a key condition's argument count in Query's words (architect/dynalite test/query.js, recorded against the service)
  EXPECT_EQ(ex::LegacyKeyConditions({{"pk", Cond(C::EQ)}}, out),
            "The attempted filter operation is not supported for the provided filter argument count");
}

TEST(LegacyTest, AttributesToGetIsATopLevelProjection) {
  ex::Projection p;
  ASSERT_EQ(ex::LegacyAttributesToGet({"a", "m"}, p), "");
  const Item item = {{"a", S("1")}, {"b", S("2")}, {"m", M({{"x", S("y")}})}};
  EXPECT_EQ(Show(p.Apply(item)), "{a: S 1, m: M {x: S y}}");
  ex::Projection dup;
  EXPECT_EQ(ex::LegacyAttributesToGet({"a", "a"}, dup),
            "One or more parameter values were invalid: Duplicate value in attribute name: a");
}

}  // namespace legacy_test
