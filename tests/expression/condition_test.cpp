// Evaluating conditions against an item: DynamoDB's comparison rules (types
// must match, numbers by value, sets unordered, strings and binaries by
// bytes), missing attributes, every function, BETWEEN, IN, and the precedence
// of NOT, AND and OR.
#include <gtest/gtest.h>

#include <string>

#include "expression_support.hpp"

namespace condition_test {

using namespace exprtest;

Item Sample() {
  return Item{{"pk", S("a")},
              {"s", S("hello")},
              {"accent", S("\xC3\xA9")},  // "é": bytes C3 A9 sort after "z"
              {"emoji", S("h\xC3\xA9llo\xF0\x9F\x98\x80")},
              {"n", N("10")},
              {"neg", N("-1")},
              {"t", Bool(true)},
              {"nul", Null()},
              {"l", L({S("x"), N("2"), M({{"k", S("v")}})})},
              {"m", M({{"a", S("1")}, {"b", M({{"c", N("3")}})}})},
              {"ss", SS({"a", "b"})},
              {"ns", NS({"1", "2.5"})},
              {"bs", BS({"x", "y"})},
              {"bin", B("abc")},
              {"high", B("\xff")}};
}

struct Case {
  const char* label;
  const char* condition;
  Values values;
  bool expected;
  Names names = {};
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.label << ": " << c.condition; }

class ConditionTest : public ::testing::TestWithParam<Case> {};

TEST_P(ConditionTest, Holds) {
  const Case& c = GetParam();
  Spec spec = Cond(c.condition);
  if (!c.values.empty()) spec = With(spec, c.values);
  if (!c.names.empty()) spec = With(spec, c.names);
  dynafake::expression::Parsed parsed;
  ASSERT_EQ(Check(spec, parsed), "");
  ASSERT_TRUE(parsed.condition.has_value());
  EXPECT_EQ(parsed.condition->Holds(Sample()), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Comparisons, ConditionTest,
    ::testing::Values(Case{"StringEquals", "s = :v", {{":v", S("hello")}}, true},
                      Case{"NumbersByValue", "n = :v", {{":v", N("10.0")}}, true},
                      Case{"Range", "n < :v AND n >= :w", {{":v", N("11")}, {":w", N("10")}}, true},
                      Case{"NegativeOrder", "neg < :v", {{":v", N("0.5")}}, true},
                      Case{"OtherTypeNeverEqual", "s = :v", {{":v", N("1")}}, false},
                      Case{"OtherTypeAlwaysUnequal", "s <> :v", {{":v", N("1")}}, true},
                      Case{"OtherTypeNeverOrdered", "s < :v", {{":v", N("1")}}, false},
                      Case{"OtherTypeNeverOrderedEither", "s >= :v", {{":v", N("1")}}, false},
                      Case{"StringsByUtf8Bytes", "accent > :z", {{":z", S("z")}}, true},
                      Case{"BinariesUnsigned", "high > :b", {{":b", B("\x01")}}, true},
                      Case{"BooleanEquals", "t = :v", {{":v", Bool(true)}}, true},
                      Case{"BooleanUnequal", "t <> :v", {{":v", Bool(false)}}, true},
                      Case{"NullEquals", "nul = :v", {{":v", Null()}}, true},
                      Case{"MissingNeverEqual", "nothere = :v", {{":v", S("x")}}, false},
                      Case{"MissingAlwaysUnequal", "nothere <> :v", {{":v", S("x")}}, true},
                      Case{"MissingNeverOrdered", "nothere < :v", {{":v", S("x")}}, false},
                      Case{"NotOfMissing", "NOT nothere = :v", {{":v", S("x")}}, true},
                      Case{"StringSetsUnordered", "ss = :v", {{":v", SS({"b", "a"})}}, true},
                      Case{"NumberSetsByValue", "ns = :v", {{":v", NS({"2.50", "1"})}}, true},
                      Case{"SetsDiffer", "ss = :v", {{":v", SS({"a"})}}, false},
                      Case{"ListsInOrder", "l = :v", {{":v", L({S("x"), N("2.0"), M({{"k", S("v")}})})}}, true},
                      Case{"ListsOrderMatters", "l = :v", {{":v", L({N("2"), S("x"), M({{"k", S("v")}})})}}, false},
                      Case{"Maps", "m = :v", {{":v", M({{"b", M({{"c", N("3")}})}, {"a", S("1")}})}}, true},
                      Case{"NestedPaths",
                           "m.b.c = :v AND l[1] = :w AND l[2].k = :x",
                           {{":v", N("3")}, {":w", N("2")}, {":x", S("v")}},
                           true},
                      Case{"NamesInPaths", "#p.#q = :v", {{":v", S("1")}}, true, {{"#p", "m"}, {"#q", "a"}}},
                      Case{"IndexPastTheEnd", "l[3] = :v", {{":v", S("x")}}, false},
                      Case{"IndexIntoAMap", "m[0] = :v", {{":v", S("1")}}, false},
                      Case{"KeyIntoAList", "l.k = :v", {{":v", S("v")}}, false},
                      Case{"StringsBetween", "s BETWEEN :a AND :b", {{":a", S("a")}, {":b", S("z")}}, true},
                      Case{"NumbersBetween", "n BETWEEN :a AND :b", {{":a", N("5")}, {":b", N("10")}}, true},
                      Case{"OutsideBetween", "n BETWEEN :a AND :b", {{":a", N("11")}, {":b", N("20")}}, false},
                      Case{"BetweenOtherType", "s BETWEEN :a AND :b", {{":a", N("1")}, {":b", N("2")}}, false},
                      Case{"InList", "s IN (:a, :b)", {{":a", S("x")}, {":b", S("hello")}}, true},
                      Case{"InOtherType", "n IN (:a)", {{":a", S("10")}}, false},
                      Case{"MissingInList", "nothere IN (:a)", {{":a", S("10")}}, false},
                      Case{"ValuesCompared", ":a < :b", {{":a", N("1")}, {":b", N("2")}}, true}));

INSTANTIATE_TEST_SUITE_P(
    Functions, ConditionTest,
    ::testing::Values(Case{"Exists", "attribute_exists(m.b.c) AND attribute_not_exists(zz)", {}, true},
                      Case{"ExistsPastTheEnd", "attribute_exists(l[5])", {}, false},
                      Case{"NullExists", "attribute_exists(nul)", {}, true},
                      Case{"TypeString", "attribute_type(s, :t)", {{":t", S("S")}}, true},
                      Case{"TypeList", "attribute_type(l, :t)", {{":t", S("L")}}, true},
                      Case{"TypeNull", "attribute_type(nul, :t)", {{":t", S("NULL")}}, true},
                      Case{"TypeOther", "attribute_type(s, :t)", {{":t", S("N")}}, false},
                      Case{"TypeOfMissing", "attribute_type(zz, :t)", {{":t", S("S")}}, false},
                      Case{"BeginsWith", "begins_with(s, :p)", {{":p", S("he")}}, true},
                      Case{"BeginsWithWhole", "begins_with(s, :p)", {{":p", S("hello")}}, true},
                      Case{"BeginsWithLonger", "begins_with(s, :p)", {{":p", S("hello!")}}, false},
                      Case{"BeginsWithBinary", "begins_with(bin, :p)", {{":p", B("ab")}}, true},
                      Case{"BeginsWithOnNumber", "begins_with(n, :p)", {{":p", S("1")}}, false},
                      Case{"ContainsSubstring", "contains(s, :p)", {{":p", S("ell")}}, true},
                      Case{"ContainsStringSetMember", "contains(ss, :p)", {{":p", S("a")}}, true},
                      Case{"ContainsNumberSetMember", "contains(ns, :p)", {{":p", N("2.50")}}, true},
                      Case{"ContainsBinarySetMember", "contains(bs, :p)", {{":p", B("y")}}, true},
                      Case{"ContainsListElement", "contains(l, :p)", {{":p", N("2")}}, true},
                      Case{"ContainsListMap", "contains(l, :p)", {{":p", M({{"k", S("v")}})}}, true},
                      Case{"ContainsOnNumber", "contains(n, :p)", {{":p", N("1")}}, false},
                      Case{"ContainsOtherType", "contains(s, :p)", {{":p", N("1")}}, false},
                      Case{"ContainsWrongSetType", "contains(ss, :p)", {{":p", N("1")}}, false},
                      Case{"SizeOfString", "size(s) = :v", {{":v", N("5")}}, true},
                      Case{"SizeCountsUtf16Units", "size(emoji) = :v", {{":v", N("7")}}, true},
                      Case{"SizeOfBinary", "size(bin) = :v", {{":v", N("3")}}, true},
                      Case{"SizeOfList", "size(l) = :v", {{":v", N("3")}}, true},
                      Case{"SizeOfSet", "size(ss) = :v", {{":v", N("2")}}, true},
                      Case{"SizeOfMap", "size(m) = :v", {{":v", N("2")}}, true},
                      Case{"SizeOfNumberIsMissing", "size(n) < :v", {{":v", N("100")}}, false},
                      Case{"SizeOfMissing", "size(zz) <> :v", {{":v", N("0")}}, true},
                      Case{"SizeOnTheRight", ":v < size(l)", {{":v", N("2")}}, true}));

INSTANTIATE_TEST_SUITE_P(
    Logic, ConditionTest,
    ::testing::Values(Case{"Grouping",
                           "(n = :a OR s = :b) AND NOT t = :f",
                           {{":a", N("1")}, {":b", S("hello")}, {":f", Bool(false)}},
                           true},
                      Case{"GroupingFalse",
                           "(n = :a OR s = :b) AND NOT t = :f",
                           {{":a", N("1")}, {":b", S("nope")}, {":f", Bool(false)}},
                           false},
                      Case{"AndBeforeOr",
                           "n = :ten OR n = :one AND s = :nope",
                           {{":ten", N("10")}, {":one", N("1")}, {":nope", S("x")}},
                           true},
                      Case{"OrGroupedFirst",
                           "(n = :ten OR n = :one) AND s = :nope",
                           {{":ten", N("10")}, {":one", N("1")}, {":nope", S("x")}},
                           false},
                      Case{"NotBeforeAnd", "NOT n = :one AND s = :nope", {{":one", N("1")}, {":nope", S("x")}}, false},
                      Case{"NotOfGroup", "NOT (n = :one AND s = :nope)", {{":one", N("1")}, {":nope", S("x")}}, true},
                      Case{"DoubleNot", "NOT NOT n = :ten", {{":ten", N("10")}}, true},
                      Case{"LowercaseKeywords",
                           "n = :a and s = :b or t = :f",
                           {{":a", N("10")}, {":b", S("hello")}, {":f", Bool(false)}},
                           true}));

TEST(ConditionTest, EmptyItemHasNoAttributes) {
  dynafake::expression::Parsed parsed;
  ASSERT_EQ(Check(With(Cond("attribute_not_exists(pk) AND NOT pk = :v"), Values{{":v", S("x")}}), parsed), "");
  EXPECT_TRUE(parsed.condition->Holds(Item{}));
}

}  // namespace condition_test
