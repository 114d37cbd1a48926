// Syntax errors, redundant parentheses, empty and oversized expressions: the
// exact messages, token and "near" text included. Cases marked [real] are
// answers of the real service quoted in public threads.
#include <gtest/gtest.h>

#include <string>

#include "expression_support.hpp"

namespace syntax_test {

using namespace exprtest;

struct Case {
  const char* label;
  Spec spec;
  const char* message;  // "" when the expressions are valid
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.label; }

class SyntaxTest : public ::testing::TestWithParam<Case> {};

TEST_P(SyntaxTest, ServiceMessage) { EXPECT_EQ(Check(GetParam().spec), GetParam().message); }

const Values kV = {{":v", S("x")}, {":w", S("y")}};

INSTANTIATE_TEST_SUITE_P(
    Expressions, SyntaxTest,
    ::testing::Values(
        // [real] aws/aws-cdk#7591: a ":" with nothing after it is a token of its own.
        Case{"AddWithBareColon", With(Upd("ADD hits : incr"), Values{{":incr", N("1")}}),
             "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\""},
        // [real] nubo-db/dynamodb-conformance updateItem.test.ts (the syntax error wins over the unused :v).
        Case{"UpdateWithoutSection", With(Upd("INVALID SYNTAX HERE"), Values{{":v", S("val")}}),
             "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\""},
        // [real] getndazn/dazn-lambda-powertools#242: a lone "#" between commas.
        Case{"LoneHash", With(Upd("SET a = :v, #, b = :w"), kV),
             "Invalid UpdateExpression: Syntax error; token: \"#\", near: \", #,\""},
        Case{"SetWithoutValue", Upd("SET a = "),
             "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"= \""},
        Case{"SetWithoutEquals", With(Upd("set a :v"), kV),
             "Invalid UpdateExpression: Syntax error; token: \":v\", near: \"a :v\""},
        Case{"SectionKeywordAsValue", Upd("set a=set"),
             "Invalid UpdateExpression: Syntax error; token: \"set\", near: \"=set\""},
        Case{"RemoveWithValue", Upd("remove a = b"),
             "Invalid UpdateExpression: Syntax error; token: \"=\", near: \"a = b\""},
        Case{"AddPathInsteadOfValue", Upd("add a b"),
             "Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\""},
        Case{"Division", Upd("set a = b / c"), "Invalid UpdateExpression: Syntax error; token: \"/\", near: \"b / c\""},
        Case{"QuotedString", Upd("set a[1] = \"eight\""),
             "Invalid UpdateExpression: Syntax error; token: \"\"\", near: \"= \"eight\""},
        Case{"NumberLiteral", Upd("set a[1] = 1"),
             "Invalid UpdateExpression: Syntax error; token: \"1\", near: \"= 1\""},
        Case{"TwoAdditions", Upd("set a = b + c + d"),
             "Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\""},
        Case{"PathAfterParens", Upd("set a = (b.c).d + e"),
             "Invalid UpdateExpression: Syntax error; token: \".\", near: \").d\""},
        Case{"ParenthesisedSumThenPlus", Upd("set a = (b + c) + d"),
             "Invalid UpdateExpression: Syntax error; token: \"+\", near: \") + d\""},
        Case{"ParenthesisedAction", Upd("set (a = (b + c))"),
             "Invalid UpdateExpression: Syntax error; token: \"(\", near: \"set (a\""},
        Case{"FunctionAsTarget", With(Upd("SET if_not_exist(a, b) = a"), Names{}),
             "ExpressionAttributeNames must not be empty"},
        Case{"FunctionAsTargetSyntax", Upd("SET if_not_exist(a, b) = a"),
             "Invalid UpdateExpression: Syntax error; token: \"(\", near: \"if_not_exist(a\""},
        Case{"ValueAsTarget", Upd("set :a = b"),
             "Invalid UpdateExpression: Syntax error; token: \":a\", near: \"set :a =\""},
        Case{"SumInParensIsAValue", Upd("set a = (b + c)"), ""},
        Case{"ParenthesisedOperands", Upd("set a = ((b.c.d)+(e))"), ""},
        Case{"FunctionPlusValue", With(Upd("SET a = if_not_exists(a, :v) + :v"), Values{{":v", N("1")}}), ""},
        // Conditions.
        Case{"DoubleEquals", With(Cond("s == :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\""},
        Case{"DanglingComparison", Cond("s = "),
             "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \""},
        Case{"TrailingToken", With(Cond("a = :v b"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Syntax error; token: \"b\", near: \":v b\""},
        Case{"PathAlone", Cond("a"), "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\""},
        Case{"IdentifierStartsWithUnderscore", With(Cond("_a = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\""},
        Case{"NegativeIndex", With(Cond("a[-1] = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Syntax error; token: \"-\", near: \"[-1\""},
        Case{"OperandThenAnd", With(Cond("(a AND b = :v)"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"a AND b\""},
        Case{"EmptyFunctionCall", Cond("attribute_exists()"),
             "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\""},
        Case{"WhitespaceOnly", Cond("   "),
             "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"   \""},
        // [real] a key condition cut short inside begins_with.
        Case{"KeyConditionCutShort",
             With(KeyCond("pk = :pk AND begins_with(sk, :type"), Values{{":pk", S("a")}, {":type", S("t")}}),
             "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \":type\""},
        Case{"ProjectionTrailingComma", Proj("a,"),
             "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\""},
        Case{"ProjectionMissingComma", Proj("a b"),
             "Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\""},
        Case{"ProjectionFunction", Proj("size(a)"),
             "Invalid ProjectionExpression: Syntax error; token: \"(\", near: \"size(a\""},
        // Redundant parentheses ([real] nubo-db/dynamodb-conformance putItem and scan tests).
        Case{"RedundantAroundFunction", Cond("((attribute_not_exists(pk)))"),
             "Invalid ConditionExpression: The expression has redundant parentheses;"},
        Case{"RedundantAroundComparison", With(Filter("((#a = :v))"), Names{{"#a", "data"}}, Values{{":v", S("x")}}),
             "Invalid FilterExpression: The expression has redundant parentheses;"},
        Case{"RedundantAroundOperand", With(Cond("((a)) = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: The expression has redundant parentheses;"},
        Case{"RedundantBeforeLaterSyntaxError", With(Cond("((a = :v)) AND b c"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: The expression has redundant parentheses;"},
        Case{"RedundantInUpdate", Upd("SET a = ((b + c))"),
             "Invalid UpdateExpression: The expression has redundant parentheses;"},
        Case{"RedundantOperandInUpdate", Upd("SET a = ((b))"),
             "Invalid UpdateExpression: The expression has redundant parentheses;"},
        Case{"NestedButNotRedundant",
             With(Cond("(attribute_not_exists(pk) AND (attribute_not_exists(#s)))"), Names{{"#s", "status"}}), ""},
        Case{"ParensPerCondition",
             With(Cond("(attribute_exists(pk)) AND (#s = :w)"), Names{{"#s", "status"}}, Values{{":w", S("x")}}), ""},
        Case{"ParenthesisedOperand", With(Cond("(a) = :v"), Values{{":v", S("x")}}), ""},
        Case{"ParenthesisedSizeOperand", With(Cond("(size(a)) > :n"), Values{{":n", N("1")}}), ""},
        // Empty and oversized ([real] nubo-db/dynamodb-conformance: updateItem, query).
        Case{"EmptyUpdate", Upd(""), "Invalid UpdateExpression: The expression can not be empty;"},
        Case{"EmptyCondition", Cond(""), "Invalid ConditionExpression: The expression can not be empty;"},
        Case{"EmptyKeyCondition", With(KeyCond(""), Values{{":v", S("val")}}),
             "Invalid KeyConditionExpression: The expression can not be empty;"},
        Case{"EmptyProjection", Proj(""), "Invalid ProjectionExpression: The expression can not be empty;"}));

TEST(SyntaxTest, ExpressionsLongerThan4096CharactersAreRefused) {
  std::string cond = "a = :v";
  while (cond.size() < 4097) cond += " ";
  cond.resize(4097);
  EXPECT_EQ(
      Check(With(Cond(cond.c_str()), Values{{":v", S("x")}})),
      "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
  std::string update = "SET a = :v";
  update.resize(4097, ' ');
  EXPECT_EQ(Check(With(Upd(update.c_str()), Values{{":v", S("x")}})),
            "Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;");
  cond.resize(4096);
  EXPECT_EQ(Check(With(Cond(cond.c_str()), Values{{":v", S("x")}})), "") << "4096 characters are allowed";
}

TEST(SyntaxTest, KeywordsAreCaseInsensitive) {
  const Values v = {{":a", N("1")}, {":b", N("2")}};
  EXPECT_EQ(Check(With(Cond("a between :a and :b or not b in (:a, :b)"), v)), "");
  EXPECT_EQ(Check(With(Upd("set a = :a remove b add c :a"), Values{{":a", N("1")}})), "");
}

}  // namespace syntax_test
