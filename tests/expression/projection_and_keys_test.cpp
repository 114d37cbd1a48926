// Projections applied to items, key conditions turned into key predicates
// (with the service's messages for shapes a key condition cannot have), and
// the reserved word list.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <dynafake/expression/reserved_words.hpp>

#include "expression_support.hpp"

namespace projection_keys_test {

using namespace exprtest;
namespace ex = dynafake::expression;

Item Sample() {
  return Item{{"s", S("hello")},
              {"l", L({S("x"), N("2"), M({{"k", S("v")}, {"j", S("w")}})})},
              {"m", M({{"a", S("1")}, {"b", M({{"c", N("3")}, {"d", N("4")}})}})}};
}

struct ProjectionCase {
  const char* projection;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const ProjectionCase& c) { return os << c.projection; }

class ProjectionTest : public ::testing::TestWithParam<ProjectionCase> {};

TEST_P(ProjectionTest, SelectsNestedPaths) {
  ex::Parsed parsed;
  ASSERT_EQ(Check(With(Proj(GetParam().projection), Names{{"#x", "s"}}), parsed), "");
  EXPECT_EQ(Show(parsed.projection->Apply(Sample())), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Projections, ProjectionTest,
    ::testing::Values(ProjectionCase{"#x, m.b.c, l[2].k, nothere",
                                     "{l: L [M {k: S v}], m: M {b: M {c: N 3}}, s: S hello}"},
                      ProjectionCase{"#x, l[2], l[0]", "{l: L [S x, M {j: S w, k: S v}], s: S hello}"},
                      ProjectionCase{"#x, m", "{m: M {a: S 1, b: M {c: N 3, d: N 4}}, s: S hello}"},
                      ProjectionCase{"#x, m.a, m.b.d", "{m: M {a: S 1, b: M {d: N 4}}, s: S hello}"},
                      ProjectionCase{"#x, l[7], m.zz", "{s: S hello}"}, ProjectionCase{"#x.y, l.k, m[0]", "{}"}));

struct KeyCase {
  const char* label;
  const char* keyCondition;
  const char* expected;  // "name op count; ..." or the message
};

std::ostream& operator<<(std::ostream& os, const KeyCase& c) { return os << c.label; }

class KeyConditionTest : public ::testing::TestWithParam<KeyCase> {};

std::string Describe(const std::vector<ex::KeyPredicate>& predicates) {
  static const char* ops[] = {"=", "<", "<=", ">", ">=", "BETWEEN", "begins_with"};
  std::string out;
  for (const auto& p : predicates) {
    out += (out.empty() ? "" : "; ") + p.name + " " + ops[static_cast<int>(p.op)];
    for (const auto& v : p.values) out += " " + Show(v);
  }
  return out;
}

TEST_P(KeyConditionTest, PredicatesOrMessage) {
  const Values values = {{":pk", S("p")}, {":a", N("1")}, {":b", N("2")}, {":p", S("x")}};
  ex::Parsed parsed;
  dynafake::expression::Request r;
  std::string text = GetParam().keyCondition;
  r.keyCondition = &text;
  r.values = &values;
  Names names = {{"#pk", "pk"}, {"#sk", "sk"}};
  if (text.find('#') != std::string::npos) r.names = &names;
  std::string error = ex::Parse(r, parsed);
  if (error.find("unused") != std::string::npos) error.clear();  // the table shares one map of values
  if (error.empty() && !parsed.keyCondition) error = "not parsed";
  std::vector<ex::KeyPredicate> predicates;
  if (error.empty()) error = ex::KeyPredicates(parsed.keyCondition->root, predicates);
  EXPECT_EQ(error.empty() ? Describe(predicates) : error, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, KeyConditionTest,
    ::testing::Values(
        KeyCase{"HashOnly", "pk = :pk", "pk = S p"},
        KeyCase{"HashAndRange", "pk = :pk AND sk > :a", "pk = S p; sk > N 1"},
        KeyCase{"ValueFirstIsFlipped", ":a < sk AND pk = :pk", "sk > N 1; pk = S p"},
        KeyCase{"Between", "pk = :pk AND sk BETWEEN :a AND :b", "pk = S p; sk BETWEEN N 1 N 2"},
        KeyCase{"BeginsWith", "pk = :pk AND begins_with(sk, :p)", "pk = S p; sk begins_with S x"},
        KeyCase{"Parenthesised", "(#pk = :pk) AND (#sk = :a)",
                "pk = S p; sk = N 1"},  // [real] conformance keyConditionParens
        KeyCase{"Or", "pk = :pk OR sk = :a", "Invalid operator used in KeyConditionExpression: OR"},
        KeyCase{"Not", "NOT pk = :pk", "Invalid operator used in KeyConditionExpression: NOT"},
        KeyCase{"In", "pk IN (:pk)", "Invalid operator used in KeyConditionExpression: IN"},
        KeyCase{"NotEqual", "pk <> :pk", "Invalid operator used in KeyConditionExpression: <>"},
        KeyCase{"Exists", "attribute_exists(pk)", "Invalid operator used in KeyConditionExpression: attribute_exists"},
        KeyCase{"Contains", "pk = :pk AND contains(sk, :p)",
                "Invalid operator used in KeyConditionExpression: contains"},
        KeyCase{"Size", "pk = :pk AND size(sk) > :a", "KeyConditionExpressions cannot contain nested operations"},
        KeyCase{"BetweenValueFirst", "pk = :pk AND :a BETWEEN sk AND :b",
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its "
                "first operand"},
        KeyCase{"BeginsWithValueFirst", "pk = :pk AND begins_with(:p, sk)",
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its "
                "first operand"},
        KeyCase{"TwoAttributes", "pk = sk",
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"},
        KeyCase{"NestedAttribute", "pk.x = :pk", "KeyConditionExpressions cannot have conditions on nested attributes"},
        KeyCase{"NoAttribute", ":a = :b", "Invalid condition in KeyConditionExpression: No key attribute specified"},
        KeyCase{"TwiceOnOneKey", "pk = :pk AND pk = :a",
                "KeyConditionExpressions must only contain one condition per key"}));

TEST(KeyConditionTest, PredicatesMatchTheKeySchema) {
  auto pred = [](const char* name, ex::KeyOp op) {
    ex::KeyPredicate p;
    p.name = name;
    p.op = op;
    return p;
  };
  const ex::KeyPredicate* hash = nullptr;
  const ex::KeyPredicate* range = nullptr;
  // [real] nubo-db/dynamodb-conformance query.test.ts
  EXPECT_EQ(ex::MatchKeySchema({pred("sk", ex::KeyOp::Eq)}, "pk", "sk", hash, range),
            "Query condition missed key schema element: pk");
  EXPECT_EQ(ex::MatchKeySchema({pred("attr1", ex::KeyOp::Eq)}, "pk", "sk", hash, range),
            "Query condition missed key schema element: pk");
  EXPECT_EQ(ex::MatchKeySchema({pred("pk", ex::KeyOp::Eq), pred("attr1", ex::KeyOp::Eq)}, "pk", "sk", hash, range),
            "Query condition missed key schema element: sk");
  EXPECT_EQ(ex::MatchKeySchema({pred("pk", ex::KeyOp::Eq), pred("attr1", ex::KeyOp::Eq)}, "pk", "", hash, range),
            "Query key condition not supported");
  EXPECT_EQ(ex::MatchKeySchema({pred("pk", ex::KeyOp::Gt)}, "pk", "sk", hash, range),
            "Query key condition not supported");
  const std::vector<ex::KeyPredicate> ok = {pred("sk", ex::KeyOp::Lt), pred("pk", ex::KeyOp::Eq)};
  EXPECT_EQ(ex::MatchKeySchema(ok, "pk", "sk", hash, range), "");
  ASSERT_NE(hash, nullptr);
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(hash->name, "pk");
  EXPECT_EQ(range->op, ex::KeyOp::Lt);
  EXPECT_EQ(ex::MatchKeySchema({pred("pk", ex::KeyOp::Eq)}, "pk", "sk", hash, range), "");
  EXPECT_EQ(range, nullptr);
}

TEST(ReservedWordsTest, TheAwsListInAnyCase) {
  EXPECT_EQ(ex::ReservedWordCount(), 573u);
  for (const char* w : {"ABORT", "name", "Status", "size", "ttl", "zone", "VALUE", "data"})
    EXPECT_TRUE(ex::IsReservedWord(w)) << w;
  for (const char* w : {"pk", "sk", "orders", "name2", "statuses", ""}) EXPECT_FALSE(ex::IsReservedWord(w)) << w;
}

}  // namespace projection_keys_test
