// Applying update expressions: SET with + and -, if_not_exists, list_append,
// nested paths and list indexes; REMOVE; ADD and DELETE on numbers and sets;
// the runtime errors with their messages; UPDATED_OLD and UPDATED_NEW; and the
// old item left untouched.
#include <gtest/gtest.h>

#include <string>

#include "expression_support.hpp"

namespace update_test {

using namespace exprtest;

Item Base() {
  return Item{{"pk", S("k")},
              {"n", N("10")},
              {"s", S("hello")},
              {"l", L({S("a"), S("b"), S("c"), S("d")})},
              {"m", M({{"a", S("1")}, {"b", M({{"c", N("3")}})}})},
              {"ss", SS({"a", "b"})},
              {"ns", NS({"1", "2"})}};
}

const char* const kBase =
    "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, s: S hello, ss: SS [a, "
    "b]}";

struct Case {
  const char* label;
  const char* update;
  Values values;
  const char* expected;  // the new item, or the error message
  Names names = {};
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.label << ": " << c.update; }

class UpdateTest : public ::testing::TestWithParam<Case> {};

TEST_P(UpdateTest, NewItemOrError) {
  const Case& c = GetParam();
  Spec spec = Upd(c.update);
  if (!c.values.empty()) spec = With(spec, c.values);
  if (!c.names.empty()) spec = With(spec, c.names);
  dynafake::expression::Parsed parsed;
  ASSERT_EQ(Check(spec, parsed), "");
  const Item old = Base();
  Item updated;
  std::string error;
  if (parsed.update->Apply(old, updated, error))
    EXPECT_EQ(Show(updated), c.expected);
  else
    EXPECT_EQ(error, c.expected);
  EXPECT_EQ(Show(old), kBase) << "the old item is never changed";
}

INSTANTIATE_TEST_SUITE_P(
    Set, UpdateTest,
    ::testing::Values(Case{"Plus",
                           "SET n = n + :v",
                           {{":v", N("5")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 15, ns: NS [1, 2], pk: S k, "
                           "s: S hello, ss: SS [a, b]}"},
                      Case{"MinusIsExact",
                           "SET n = n - :v",
                           {{":v", N("0.1")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 9.9, ns: NS [1, 2], pk: S "
                           "k, s: S hello, ss: SS [a, b]}"},
                      Case{"SumOfValues",
                           "SET q = :a + :b",
                           {{":a", N("0.1")}, {":b", N("0.2")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, "
                           "q: N 0.3, s: S hello, ss: SS [a, b]}"},
                      Case{"CounterFromNothing",
                           "SET q = if_not_exists(q, :z) + :o",
                           {{":z", N("0")}, {":o", N("1")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, "
                           "q: N 1, s: S hello, ss: SS [a, b]}"},
                      Case{"IfNotExistsKeeps", "SET n = if_not_exists(n, :z)", {{":z", N("99")}}, kBase},
                      Case{"Append",
                           "SET l = list_append(l, :x)",
                           {{":x", L({S("z")})}},
                           "{l: L [S a, S b, S c, S d, S z], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: "
                           "S k, s: S hello, ss: SS [a, b]}"},
                      Case{"Prepend",
                           "SET l = list_append(:x, l)",
                           {{":x", L({S("z")})}},
                           "{l: L [S z, S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: "
                           "S k, s: S hello, ss: SS [a, b]}"},
                      Case{"Nested",
                           "SET m.b.c = m.b.c + :v",
                           {{":v", N("5")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 8}}, n: N 10, ns: NS [1, 2], pk: S k, "
                           "s: S hello, ss: SS [a, b]}"},
                      Case{"NewMapKey",
                           "SET m.z = :v",
                           {{":v", S("new")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}, z: S new}, n: N 10, ns: NS [1, "
                           "2], pk: S k, s: S hello, ss: SS [a, b]}"},
                      Case{"SwapReadsTheOldItem",
                           "SET s = n, n = s",
                           {},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: S hello, ns: NS [1, 2], pk: S "
                           "k, s: N 10, ss: SS [a, b]}"},
                      Case{"PastTheEndAppends",
                           "SET l[10] = :v",
                           {{":v", S("end")}},
                           "{l: L [S a, S b, S c, S d, S end], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], "
                           "pk: S k, s: S hello, ss: SS [a, b]}"},
                      Case{"ReplaceElement",
                           "SET l[0] = :v",
                           {{":v", S("A")}},
                           "{l: L [S A, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, "
                           "s: S hello, ss: SS [a, b]}"},
                      Case{"NamesInTargets",
                           "SET #m.#b = :v",
                           {{":v", N("1")}},
                           "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: N 1}, n: N 10, ns: NS [1, 2], pk: S k, s: S "
                           "hello, ss: SS [a, b]}",
                           {{"#m", "m"}, {"#b", "b"}}}));

INSTANTIATE_TEST_SUITE_P(
    RemoveAddDelete, UpdateTest,
    ::testing::Values(
        Case{"Remove",
             "REMOVE s",
             {},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, ss: SS [a, "
             "b]}"},
        Case{"RemoveNestedLeavesEmptyMap",
             "REMOVE m.b.c",
             {},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {}}, n: N 10, ns: NS [1, 2], pk: S k, s: S hello, ss: SS "
             "[a, b]}"},
        Case{"RemoveUsesOriginalPositions",
             "REMOVE l[0], l[2]",
             {},
             "{l: L [S b, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, s: S hello, ss: SS [a, "
             "b]}"},
        Case{"RemovePastTheEnd", "REMOVE l[9]", {}, kBase}, Case{"RemoveMissing", "REMOVE nothere", {}, kBase},
        Case{
            "RemoveAndSet",
            "REMOVE s SET n = :v",
            {{":v", N("1")}},
            "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 1, ns: NS [1, 2], pk: S k, ss: SS [a, b]}"},
        Case{"AddNumber",
             "ADD n :v",
             {{":v", N("5")}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 15, ns: NS [1, 2], pk: S k, s: S hello, "
             "ss: SS [a, b]}"},
        Case{"AddCreatesNumber",
             "ADD q :v",
             {{":v", N("-5")}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, q: N -5, s: S "
             "hello, ss: SS [a, b]}"},
        Case{"AddToSet",
             "ADD ss :v",
             {{":v", SS({"b", "c"})}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, s: S hello, "
             "ss: SS [a, b, c]}"},
        Case{"AddToNumberSetByValue",
             "ADD ns :v",
             {{":v", NS({"2.0", "3"})}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2, 3], pk: S k, s: S "
             "hello, ss: SS [a, b]}"},
        Case{"AddCreatesSet",
             "ADD m.z :v",
             {{":v", SS({"x"})}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}, z: SS [x]}, n: N 10, ns: NS [1, 2], pk: S k, s: "
             "S hello, ss: SS [a, b]}"},
        Case{"DeleteFromSet",
             "DELETE ss :v",
             {{":v", SS({"a", "z"})}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, s: S hello, "
             "ss: SS [b]}"},
        Case{"DeleteEmptiesSet",
             "DELETE ss :v",
             {{":v", SS({"a", "b"})}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [1, 2], pk: S k, s: S hello}"},
        Case{"DeleteNumbersByValue",
             "DELETE ns :v",
             {{":v", NS({"1.0"})}},
             "{l: L [S a, S b, S c, S d], m: M {a: S 1, b: M {c: N 3}}, n: N 10, ns: NS [2], pk: S k, s: S hello, ss: "
             "SS [a, b]}"},
        Case{"DeleteFromMissing", "DELETE nothere :v", {{":v", SS({"a"})}}, kBase}));

const char* const kBadPath = "The document path provided in the update expression is invalid for update";
const char* const kMissing = "The provided expression refers to an attribute that does not exist in the item";
const char* const kBadType = "An operand in the update expression has an incorrect data type";

INSTANTIATE_TEST_SUITE_P(
    Errors, UpdateTest,
    ::testing::Values(Case{"SetUnderMissing", "SET a.b = :v", {{":v", S("x")}}, kBadPath},
                      Case{"SetUnderString", "SET s.x = :v", {{":v", S("x")}}, kBadPath},
                      Case{"KeyIntoList", "SET l.x = :v", {{":v", S("x")}}, kBadPath},
                      Case{"IndexIntoMap", "SET m[0] = :v", {{":v", S("x")}}, kBadPath},
                      Case{"SetUnderMissingElement", "SET l[7].x = :v", {{":v", S("x")}}, kBadPath},
                      Case{"RemoveUnderMissing", "REMOVE nothere.x", {}, kBadPath},
                      Case{"RemoveIndexOfMap", "REMOVE m[1]", {}, kBadPath},
                      Case{"AddUnderMissing", "ADD nothere.x :v", {{":v", N("1")}}, kBadPath},
                      Case{"DeleteUnderString", "DELETE s.x :v", {{":v", SS({"a"})}}, kBadPath},
                      Case{"MissingSource", "SET q = zz", {}, kMissing},
                      Case{"MissingOperand", "SET q = zz + :o", {{":o", N("1")}}, kMissing},
                      Case{"MissingListOperand", "SET q = list_append(zz, :l)", {{":l", L({})}}, kMissing},
                      Case{"IfNotExistsNeedsItsDefault", "SET q = if_not_exists(n, zz)", {}, kMissing},
                      Case{"StringPlusNumber", "SET n = s + :v", {{":v", N("1")}}, kBadType},
                      Case{"AppendToNumber", "SET q = list_append(n, :l)", {{":l", L({})}}, kBadType},
                      Case{"AddNumberToString", "ADD s :v", {{":v", N("1")}}, kBadType},
                      Case{"AddNumbersToStringSet", "ADD ss :v", {{":v", NS({"1"})}}, kBadType},
                      Case{"DeleteNumbersFromStringSet", "DELETE ss :v", {{":v", NS({"1"})}}, kBadType},
                      // [real] nubo-db/dynamodb-conformance numberPrecision.test.ts
                      Case{"Overflow",
                           "SET n = :a + :b",
                           {{":a", N("9.9e125")}, {":b", N("9.9e125")}},
                           "Number overflow. Attempting to store a number with magnitude larger than supported range"},
                      Case{"TooPrecise",
                           "ADD n :v",
                           {{":v", N("1e-40")}},
                           "Attempting to store more than 38 significant digits in a Number"},
                      Case{"FirstPathInOrderFails", "SET q = zz, a.b = :v", {{":v", S("x")}}, kBadPath}));

TEST(UpdateTest, UpdatedOldAndNewAreTheUpdatedPaths) {
  struct Row {
    const char* update;
    Values values;
    const char* old;
    const char* now;
  };
  const Row rows[] = {
      {"SET m.a = :v", {{":v", S("new")}}, "{m: M {a: S 1}}", "{m: M {a: S new}}"},
      {"REMOVE s SET n = :v", {{":v", N("1")}}, "{n: N 10, s: S hello}", "{n: N 1}"},
      {"SET l[1] = :v", {{":v", S("B")}}, "{l: L [S b]}", "{l: L [S B]}"},
      {"ADD q :v", {{":v", N("1")}}, "{}", "{q: N 1}"},
      {"DELETE ss :v", {{":v", SS({"a", "b"})}}, "{ss: SS [a, b]}", "{}"},
  };
  for (const auto& row : rows) {
    dynafake::expression::Parsed parsed;
    ASSERT_EQ(Check(With(Upd(row.update), row.values), parsed), "") << row.update;
    const Item old = Base();
    Item now;
    std::string error;
    ASSERT_TRUE(parsed.update->Apply(old, now, error)) << error;
    EXPECT_EQ(Show(parsed.update->Updated(old)), row.old) << row.update;
    EXPECT_EQ(Show(parsed.update->Updated(now)), row.now) << row.update;
  }
}

TEST(UpdateTest, NestedValuesOfTheOldItemAreNotShared) {
  dynafake::expression::Parsed parsed;
  ASSERT_EQ(Check(With(Upd("SET m.b.c = :v"), Values{{":v", N("4")}}), parsed), "");
  const Item old = Base();
  Item now;
  std::string error;
  ASSERT_TRUE(parsed.update->Apply(old, now, error)) << error;
  EXPECT_EQ(Show(old.at("m")), "M {a: S 1, b: M {c: N 3}}");
  EXPECT_EQ(Show(now.at("m")), "M {a: S 1, b: M {c: N 4}}");
  EXPECT_NE(old.at("m").GetM().at("b").get(), now.at("m").GetM().at("b").get()) << "the updated branch is new";
  EXPECT_EQ(old.at("m").GetM().at("a").get(), now.at("m").GetM().at("a").get()) << "untouched siblings are shared";
}

}  // namespace update_test
