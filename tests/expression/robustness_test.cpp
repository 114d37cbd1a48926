// Any text is answered, never crashed on: random token soups and deeply
// nested expressions either parse or get one of the service's messages, and
// the ones that parse evaluate and apply without failing.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "expression_support.hpp"

namespace robustness_test {

using namespace exprtest;

bool KnownPrefix(const std::string& message) {
  for (const char* prefix : {"Invalid UpdateExpression: ", "Invalid ConditionExpression: ",
                             "Invalid ProjectionExpression: ", "Value provided in ExpressionAttribute"})
    if (message.rfind(prefix, 0) == 0) return true;
  return false;
}

TEST(RobustnessTest, RandomTokenSoupsGetAnAnswer) {
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "#n",
                                           ":v",
                                           ":l",
                                           "(",
                                           ")",
                                           ",",
                                           ".",
                                           "[",
                                           "]",
                                           "0",
                                           "12",
                                           "=",
                                           "<>",
                                           "<",
                                           "<=",
                                           ">",
                                           ">=",
                                           "+",
                                           "-",
                                           " AND ",
                                           " OR ",
                                           " NOT ",
                                           " ",
                                           "IN",
                                           "BETWEEN ",
                                           "SET ",
                                           "REMOVE ",
                                           "ADD ",
                                           "DELETE ",
                                           "size(",
                                           "contains(",
                                           "if_not_exists(",
                                           "list_append(",
                                           "attribute_exists(",
                                           "begins_with(",
                                           "attribute_type(",
                                           "x",
                                           "é",
                                           "#",
                                           ":",
                                           "\"",
                                           "\t"};
  std::mt19937 rng(20240611u);  // fixed seed: the same soups on every run
  const AttributeValue one = N("1"), list = L({S("x")});
  const Item item = {{"a", N("5")}, {"b", L({S("x"), M({{"n", S("y")}})})}, {"n", SS({"p"})}};
  int parsed = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 14);
    for (int k = 0; k < length; ++k) text += pieces[rng() % pieces.size()];
    for (int kind = 0; kind < 3; ++kind) {
      Spec spec = kind == 0 ? Upd(text.c_str()) : kind == 1 ? Cond(text.c_str()) : Proj(text.c_str());
      // Only the substitutions the text names, so that valid soups parse.
      if (text.find("#n") != std::string::npos) spec = With(spec, Names{{"#n", "n"}});
      Values values;
      if (text.find(":v") != std::string::npos) values[":v"] = one;
      if (text.find(":l") != std::string::npos) values[":l"] = list;
      if (!values.empty()) spec = With(spec, values);
      dynafake::expression::Parsed out;
      const std::string message = Check(spec, out);
      if (!message.empty()) {
        EXPECT_TRUE(KnownPrefix(message)) << text << " -> " << message;
        continue;
      }
      ++parsed;
      Item updated;
      std::string error;
      if (out.update) out.update->Apply(item, updated, error);
      if (out.condition) out.condition->Holds(item);
      if (out.projection) out.projection->Apply(item);
    }
  }
  EXPECT_GT(parsed, 0) << "some soups are valid expressions";
}

TEST(RobustnessTest, DeepNestingIsAnsweredWithoutOverflow) {
  std::string nots;
  for (int i = 0; i < 299; ++i) nots += "NOT ";  // with the comparison: 300 operators
  EXPECT_EQ(Check(With(Cond((nots + "a = :v").c_str()), Values{{":v", S("x")}})), "");
  std::string nested = "a = :v";
  for (int i = 0; i < 300; ++i) nested = "a = :v AND (" + nested + ")";
  EXPECT_EQ(Check(With(Cond(nested.c_str()), Values{{":v", S("x")}})),
            "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
  // Far deeper than any valid expression: answered with a syntax error where
  // the nesting passes 400 levels.
  std::string opened(4000, '(');
  EXPECT_EQ(Check(Cond(opened.c_str())), "Invalid ConditionExpression: Syntax error; token: \"(\", near: \"(((\"");
  std::string calls;
  for (int i = 0; i < 800; ++i) calls += "size(";
  EXPECT_EQ(Check(Cond(calls.c_str())), "Invalid ConditionExpression: Syntax error; token: \"size\", near: \"(size(\"");
  std::string values = "SET a = ";
  for (int i = 0; i < 2000; ++i) values += "(";
  EXPECT_EQ(Check(Upd(values.c_str())), "Invalid UpdateExpression: Syntax error; token: \"(\", near: \"(((\"");
}

}  // namespace robustness_test
