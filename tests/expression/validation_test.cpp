// The checks after parsing: the substitution maps, reserved words, functions,
// operand counts and types, distinct operands, BETWEEN and IN, overlapping and
// conflicting paths, ADD and DELETE operands, unused names and values — the
// exact message for each, and which wins when a request has several faults.
// [real] marks answers of the real service quoted in public threads or
// conformance suites; the rest follow the service's validator (DynamoDB Local).
#include <gtest/gtest.h>

#include <string>

#include "expression_support.hpp"

namespace validation_test {

using namespace exprtest;

struct Case {
  const char* label;
  Spec spec;
  const char* message;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.label; }

class ValidationTest : public ::testing::TestWithParam<Case> {};

TEST_P(ValidationTest, ServiceMessage) { EXPECT_EQ(Check(GetParam().spec), GetParam().message); }

const Names kAB = {{"#a", "a"}, {"#b", "b"}};
const Values kStr = {{":a", S("a")}, {":b", S("a")}};
const Values kTyped = {{":a", S("a")},    {":b", N("1")},    {":c", B("a")},    {":d", Bool(false)}, {":e", Null()},
                       {":f", SS({"a"})}, {":g", NS({"1"})}, {":h", BS({"a"})}, {":i", M({})},       {":j", L({})}};

INSTANTIATE_TEST_SUITE_P(
    Maps, ValidationTest,
    ::testing::Values(
        Case{"EmptyNames", With(Cond("a = :v"), Names{}, Values{{":v", S("x")}}),
             "ExpressionAttributeNames must not be empty"},
        Case{"NameKeyWithoutHash", With(Upd("SET #s = :v"), Names{{"s", "status"}}, Values{{":v", S("x")}}),
             "ExpressionAttributeNames contains invalid key: Syntax error; key: \"s\""},
        Case{"NameKeyJustHash", With(Upd("SET a = :v"), Names{{"#", "x"}}, Values{{":v", S("x")}}),
             "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\""},
        Case{"NameKeyWithDash", With(Upd("SET a = :v"), Names{{"#sryLiyD8D-", "x"}}, Values{{":v", S("x")}}),
             "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#sryLiyD8D-\""},  // [real]
        Case{"EmptyNameKey", With(Upd("SET a = :v"), Names{{"", "x"}}, Values{{":v", S("x")}}),
             "ExpressionAttributeNames contains invalid key: The expression attribute map contains an empty key;"},
        Case{"EmptyValues", With(Cond("a = :v"), Values{}), "ExpressionAttributeValues must not be empty"},
        Case{"ValueKeyWithoutColon", With(Upd("SET #s = :v"), Names{{"#s", "status"}}, Values{{"v", S("x")}}),
             "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\""},
        Case{"NamesCheckedBeforeValues", With(Cond("a = :v"), Names{{"a", "a"}}, Values{}),
             "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\""},
        Case{"EmptyAttributeName", With(Cond("#a = :v"), Names{{"#a", ""}}, Values{{":v", S("x")}}),
             "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a"}));

INSTANTIATE_TEST_SUITE_P(
    Substitutions, ValidationTest,
    ::testing::Values(
        // [real] nubo-db/dynamodb-conformance updateItem.test.ts
        Case{"UndefinedValue", Upd("SET attr1 = :v"),
             "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute "
             "value: :v"},
        Case{"UnusedNames", With(Upd("SET attr1 = :v"), Names{{"#unused", "someattr"}}, Values{{":v", S("val")}}),
             "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}"},
        Case{"UnusedValues", With(Upd("SET attr1 = :v"), Values{{":v", S("val")}, {":unused", S("extra")}}),
             "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}"},
        // [real] nubo-db/dynamodb-conformance query.test.ts
        Case{"UndefinedNameInFilter",
             With(KeyFilter("pk = :pk", "#missing = :fv"), Values{{":pk", S("val")}, {":fv", S("x")}}),
             "Invalid FilterExpression: An expression attribute name used in the document path is not defined; "
             "attribute name: #missing"},
        Case{"UnusedNameInQuery", With(KeyCond("pk = :v"), Names{{"#unused", "someattr"}}, Values{{":v", S("val")}}),
             "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}"},
        // [real] fhir-works-on-aws-persistence-ddb#142
        Case{"UndefinedNameInUpdate", With(Upd("SET #subscriptionStatus = :v"), Values{{":v", S("x")}}),
             "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
             "attribute name: #subscriptionStatus"},
        Case{"UndefinedProjectionName", Proj("#undef"),
             "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
             "attribute name: #undef"},
        Case{"UnusedAcrossBothExpressions",
             With(UpdCond("remove a set b = list_append(b, if_not_exists(a, :a))", "a = :b"), kAB, kStr),
             "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}"},
        Case{"UnusedValuesListed",
             With(UpdCond("remove a", "a = :b"), Values{{":a", S("a")}, {":b", S("a")}, {":c", S("a")}}),
             "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}"},
        Case{"NamesUsedByEitherExpression",
             With(UpdCond("SET #a = :a", "attribute_exists(#b)"), kAB, Values{{":a", S("a")}}), ""},
        Case{"UndefinedNameReportedInUpdateFirst", With(UpdCond("SET #x = :a", "#y = :a"), kAB, Values{{":a", S("a")}}),
             "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
             "attribute name: #x"},
        Case{"ValueAsMapKey", With(Cond("a.:k = :v"), Values{{":k", S("x")}, {":v", S("x")}}),
             "Invalid ConditionExpression: The document path cannot contain attribute value parameters; attribute "
             "value: :k"}));

INSTANTIATE_TEST_SUITE_P(
    Walk, ValidationTest,
    ::testing::Values(
        // [real] the reserved-word answer quoted across many threads.
        Case{"ReservedInCondition", With(Cond("name = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name"},
        Case{"ReservedNestedInPath", With(Cond("a.status = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"},
        Case{"ReservedBeforeSectionAndNames", With(Upd(" set #c = :c set abOrt = true "), kAB, kStr),
             "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abOrt"},
        Case{"ReservedInRemove", With(Upd(" remove Absolute "), kAB, kStr),
             "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute"},
        Case{"ReservedInProjection", Proj("id, size"),
             "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: size"},
        Case{"FunctionNamesAreNotAttributeNames", With(Cond("size(a) > :n"), Values{{":n", N("1")}}), ""},
        Case{"UnknownFunctionInUpdate", With(Upd("set #c = if_not_exist(:c) set c = d"), kAB, kStr),
             "Invalid UpdateExpression: Invalid function name; function: if_not_exist"},
        Case{"UnknownFunctionInCondition", Cond("foo(s)"),
             "Invalid ConditionExpression: Invalid function name; function: foo"},
        Case{"SizeAsCondition", Cond("size(a)"),
             "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: "
             "size"},
        Case{"BooleanFunctionAsOperand", With(Cond("attribute_exists(a) = :v"), Values{{":v", Bool(true)}}),
             "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: "
             "attribute_exists"},
        Case{"UpdateFunctionInCondition", With(Cond("if_not_exists(a, :v) = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: The function is not allowed in a condition expression; function: "
             "if_not_exists"},
        Case{"ConditionFunctionInUpdate", Upd("SET a = size(b)"),
             "Invalid UpdateExpression: The function is not allowed in an update expression; function: size"},
        Case{"NestedListAppend", With(Upd("SET a = list_append(list_append(a, :l), :l)"), Values{{":l", L({})}}),
             "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: "
             "list_append"},
        Case{"ListAppendInSum", With(Upd("SET a = list_append(a, :l) + :n"), Values{{":l", L({})}, {":n", N("1")}}),
             "Invalid UpdateExpression: The function is not allowed to be used this way in an expression; function: "
             "list_append"},
        Case{"SetTwice", With(Upd("set a = #c set c = :d"), kAB, kStr),
             "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;"},
        Case{"RemoveTwice", With(Upd("remove #d set a = b remove e"), kAB, kStr),
             "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;"},
        Case{"AddTwice", With(Upd("add #d :e set a = b add e :f"), kAB, kStr),
             "Invalid UpdateExpression: The \"ADD\" section can only be used once in an update expression;"},
        Case{"DeleteTwice", With(Upd("delete #d :e set a = b delete #e :f"), kAB, kStr),
             "Invalid UpdateExpression: The \"DELETE\" section can only be used once in an update expression;"},
        Case{"ListIndexTooLarge", With(Cond("a[2147483648] = :v"), Values{{":v", S("x")}}),
             "Invalid ConditionExpression: List index is not within the allowable range; index: [2147483648]"},
        Case{"LargestListIndex", With(Cond("a[2147483647] = :v"), Values{{":v", S("x")}}), ""}));

INSTANTIATE_TEST_SUITE_P(
    Operators, ValidationTest,
    ::testing::Values(
        Case{"IfNotExistsOneOperand", With(Upd("set a = if_not_exists(c)"), kAB, kStr),
             "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: "
             "if_not_exists, number of operands: 1"},
        Case{"ListAppendOneOperand", With(Upd("set a = list_append(c)"), kAB, kStr),
             "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: "
             "list_append, number of operands: 1"},
        Case{"AttributeExistsTwoOperands", Cond("attribute_exists(s, n)"),
             "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or "
             "function: attribute_exists, number of operands: 2"},
        Case{"IfNotExistsOnValue", With(Upd("set a = if_not_exists(:a, c)"), kAB, kStr),
             "Invalid UpdateExpression: Operator or function requires a document path; operator or function: "
             "if_not_exists"},
        Case{"IfNotExistsOnFunction", With(Upd("set a = if_not_exists(if_not_exists(a, b), c)"), kAB, kStr),
             "Invalid UpdateExpression: Operator or function requires a document path; operator or function: "
             "if_not_exists"},
        Case{"AttributeExistsOnValue", With(Cond("attribute_exists(:a)"), Values{{":a", S("a")}}),
             "Invalid ConditionExpression: Operator or function requires a document path; operator or function: "
             "attribute_exists"},
        Case{"ListAppendString", With(Upd("set a = list_append(:a, a)"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: "
             "list_append, operand type: S"},
        Case{"ListAppendMap", With(Upd("set a = list_append(:i, a)"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: "
             "list_append, operand type: M"},
        Case{"PlusString", With(Upd("set a = a + :a"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, "
             "operand type: S"},
        Case{"PlusStringFirst", With(Upd("set a = :a + :c"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, "
             "operand type: S"},
        Case{"PlusBinaryFirst", With(Upd("set a = :c + a"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, "
             "operand type: B"},
        Case{"MinusBool", With(Upd("set a = a - :d"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, "
             "operand type: BOOL"},
        Case{"MinusNull", With(Upd("set a = a - :e"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, "
             "operand type: NULL"},
        Case{"PlusList", With(Upd("set a = a + :j"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, "
             "operand type: L"},
        Case{"PlusNumberSet", With(Upd("set a = a + :g"), kTyped),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, "
             "operand type: NS"},
        // [real] nubo-db/dynamodb-conformance scan.test.ts
        Case{"BeginsWithNumber", With(Filter("begins_with(#a, :n)"), Names{{"#a", "data"}}, Values{{":n", N("1")}}),
             "Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: "
             "begins_with, operand type: N"},
        Case{"LessThanBoolean", With(Cond("n < :v"), Values{{":v", Bool(true)}}),
             "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, "
             "operand type: BOOL"},
        Case{"BetweenList", With(Cond("n BETWEEN :l AND :n"), Values{{":l", L({})}, {":n", N("1")}}),
             "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: "
             "BETWEEN, operand type: L"},
        Case{"SizeOfNumber", With(Cond("size(:n) > :n"), Values{{":n", N("1")}}),
             "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: "
             "size, operand type: N"},
        Case{"SizeOfSize", With(Cond("size(size(a)) > :n"), Values{{":n", N("1")}}),
             "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: "
             "size, operand type: N"},
        Case{"AttributeTypeNumber", With(Cond("attribute_type(a, :n)"), Values{{":n", N("1")}}),
             "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: "
             "attribute_type, operand type: N"},
        Case{"AttributeTypePath", Cond("attribute_type(a, b)"),
             "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: "
             "attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}"},
        Case{"AttributeTypeUnknownName", With(Cond("attribute_type(a, :t)"), Values{{":t", S("X")}}),
             "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: "
             "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}"},
        // [real] nubo-db/dynamodb-conformance putItem.test.ts
        Case{"ContainsSamePathTwice", With(Cond("contains(#a, #a)"), Names{{"#a", "data"}}),
             "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
             "operator or function; operator: contains, first operand: [data]"},
        Case{"EqualsItself", Cond("n = n"),
             "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
             "operator or function; operator: =, first operand: [n]"},
        Case{"BetweenItself", With(Cond("a.b BETWEEN :x AND a.b"), Values{{":x", N("1")}}),
             "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
             "operator or function; operator: BETWEEN, first operand: [a, b]"},
        Case{"IfNotExistsItself", Upd("SET a = if_not_exists(b, b)"),
             "Invalid UpdateExpression: The first operand must be distinct from the remaining operands for this "
             "operator or function; operator: if_not_exists, first operand: [b]"},
        Case{"PlusItselfIsFine", Upd("SET a = b + b"), ""},
        Case{"BetweenMixedTypes", With(Cond("n BETWEEN :a AND :b"), Values{{":a", N("5")}, {":b", S("x")}}),
             "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
             "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:x}"},
        Case{"BetweenReversed", With(Cond("n BETWEEN :a AND :b"), Values{{":a", N("9")}, {":b", N("5")}}),
             "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
             "lower bound; lower bound operand: AttributeValue: {N:9}, upper bound operand: AttributeValue: {N:5}"},
        Case{"BetweenReversedBinary", With(Cond("n BETWEEN :a AND :b"), Values{{":a", B("b")}, {":b", B("a")}}),
             "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
             "lower bound; lower bound operand: AttributeValue: {B:Yg==}, upper bound operand: AttributeValue: "
             "{B:YQ==}"},
        Case{"BetweenEqualBounds", With(Cond("n BETWEEN :a AND :a"), Values{{":a", N("5")}}), ""},
        Case{"OperandCheckedBeforeOperator",
             With(Cond("a = :v AND #b = :w"), Names{{"#b", "b"}}, Values{{":w", S("x")}}),
             "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute "
             "value: :v"}));

INSTANTIATE_TEST_SUITE_P(
    Paths, ValidationTest,
    ::testing::Values(
        // The overlap and conflict answers of the real service as recorded in
        // dynalite's tests (test/updateItem.js) and the conformance suite.
        Case{"OverlapAfterConflict",
             With(Upd("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)"), Names{{"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [c, [1], a], path two: [c]"},
        Case{"OverlapChildFirst", With(Upd("set c.b.#c = a, c = a, #d = a"), Names{{"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [c, b, c], path two: [c]"},
        Case{"OverlapSetAndRemove", With(Upd("set a = b remove a, #c, #d"), Names{{"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [a], path two: [a]"},
        Case{"OverlapNameLooksLikeIndex", With(Upd("set #c[3].#d = a, #c[3] = a"), Names{{"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [c, [3], [3]], path two: [c, [3]]"},
        Case{"OverlapParentFirst", With(Upd("remove c, #c.a, #d"), Names{{"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [c], path two: [c, a]"},
        Case{"OverlapRemovedTwice", With(Upd("remove a, #c, a, #d"), Names{{"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [a], path two: [a]"},
        Case{"ConflictIndexAndName",
             With(Upd("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)"), Names{{"#b", "b"}, {"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of "
             "these paths; path one: [c, [3], [3]], path two: [c, [3], [3]]"},
        Case{"ConflictMapAndList",
             With(Upd("remove a.#c set a[1] = #d"), Names{{"#b", "b"}, {"#c", "c"}, {"#d", "[3]"}}),
             "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of "
             "these paths; path one: [a, c], path two: [a, [1]]"},
        // [real] ojii/aiodynamo#2, getmoto/moto: the same attribute set twice.
        Case{"SameAttributeTwice", With(Upd("SET f = :a, f = :b"), kStr),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [f], path two: [f]"},
        Case{"SiblingPathsAreFine", With(Upd("SET m.a = :a, m.b = :b, l[0] = :a, l[2] = :b"), kStr), ""},
        // [real] nubo-db/dynamodb-conformance scan.test.ts
        Case{"ProjectionDuplicate", Proj("a, a"),
             "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [a], path two: [a]"},
        Case{"ProjectionAliasesOfOneName", With(Proj("#a, #b"), Names{{"#a", "a"}, {"#b", "a"}}),
             "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [a], path two: [a]"},
        Case{"ProjectionParentAndChild", Proj("a, a.b"),
             "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [a], path two: [a, b]"},
        Case{"ProjectionConflict", Proj("a.b, a[0]"),
             "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of "
             "these paths; path one: [a, b], path two: [a, [0]]"},
        Case{"OverlapBeforeUndefinedValue", With(Upd("SET a = :undefined, a.b = :b"), Values{{":b", S("x")}}),
             "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of "
             "these paths; path one: [a], path two: [a, b]"}));

INSTANTIATE_TEST_SUITE_P(
    AddDelete, ValidationTest,
    ::testing::Values(
        // The operands ADD and DELETE take: "typeSet: ALLOWED_FOR_..." is the
        // real service's wording ([real] moto, aws-sdk users' threads).
        Case{"AddString", With(Upd("add a.b :a"), Values{{":a", S("a")}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"AddMap", With(Upd("add a.b :a"), Values{{":a", M({{"a", L({N("1")})}})}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "MAP, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"AddList", With(Upd("add a.b :a"), Values{{":a", L({N("1")})}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "LIST, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"AddNull", With(Upd("add a.b :a"), Values{{":a", Null()}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "NULL, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"AddBoolean", With(Upd("add a.b :a"), Values{{":a", Bool(false)}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "BOOLEAN, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"AddBinary", With(Upd("add a.b :a"), Values{{":a", B("a")}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "BINARY, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"DeleteString", With(Upd("delete a.b :a"), Values{{":a", S("a")}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand "
             "type: STRING, typeSet: ALLOWED_FOR_DELETE_OPERAND"},
        Case{"DeleteNumber", With(Upd("delete a.b :a"), Values{{":a", N("1")}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand "
             "type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"},
        // Actions are checked last written first: the ADD is reported before the
        // earlier list_append and if_not_exists faults (dynalite test/updateItem.js).
        Case{"LastActionCheckedFirst",
             With(Upd("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a"),
                  Values{{":a", S("a")}, {":b", S("a")}}),
             "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
             "STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        Case{"AddNumberAndSets",
             With(Upd("ADD a :n, b :ss, c :ns, d :bs"),
                  Values{{":n", N("1")}, {":ss", SS({"a"})}, {":ns", NS({"1"})}, {":bs", BS({"a"})}}),
             ""},
        Case{
            "DeleteSets",
            With(Upd("DELETE b :ss, c :ns, d :bs"), Values{{":ss", SS({"a"})}, {":ns", NS({"1"})}, {":bs", BS({"a"})}}),
            ""}));

TEST(ValidationTest, PathsDeeperThan32LevelsAreRefused) {
  std::string path = "a";
  for (int i = 1; i < 33; ++i) path += ".a";
  EXPECT_EQ(Check(With(Cond((path + " = :v").c_str()), Values{{":v", S("x")}})),
            "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33");
  path.resize(path.size() - 2);
  EXPECT_EQ(Check(With(Cond((path + " = :v").c_str()), Values{{":v", S("x")}})), "") << "32 levels are allowed";
}

TEST(ValidationTest, MoreThan300OperatorsAreRefused) {
  std::string cond = "a = :v";
  for (int i = 1; i < 150; ++i) cond += " OR a = :v";  // 150 comparisons and 149 ORs: 299
  EXPECT_EQ(Check(With(Cond(cond.c_str()), Values{{":v", S("x")}})), "");
  cond += " OR attribute_exists(b)";  // 301
  EXPECT_EQ(Check(With(Cond(cond.c_str()), Values{{":v", S("x")}})),
            "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
}

TEST(ValidationTest, InTakesAtMost100Operands) {
  Values values;
  std::string list;
  for (int i = 0; i < 101; ++i) {
    const std::string key = ":v" + std::to_string(i);
    values[key] = N(std::to_string(i));
    list += (list.empty() ? "" : ", ") + key;
  }
  EXPECT_EQ(Check(With(Cond(("a IN (" + list + ")").c_str()), values)),
            "Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101");
  values.erase(":v100");
  list = list.substr(0, list.rfind(','));
  EXPECT_EQ(Check(With(Cond(("a IN (" + list + ")").c_str()), values)), "");
}

TEST(ValidationTest, ValueCheckerNamesTheKey) {
  namespace ex = dynafake::expression;
  Values values{{":ok", S("x")}, {":bad", SS({})}};
  std::string cond = "a IN (:ok, :bad)";
  ex::Request r;
  r.condition = &cond;
  r.values = &values;
  r.checkValue = [](const AttributeValue& v) -> std::string {
    return v.GetType() == dynafake::Model::ValueType::STRING_SET && v.GetSS().empty()
               ? "One or more parameter values were invalid: An string set  may not be empty"
               : "";
  };
  ex::Parsed parsed;
  EXPECT_EQ(
      ex::Parse(r, parsed),
      "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may "
      "not be empty for key :bad");
}

}  // namespace validation_test
