// The service's checks of the values and keys a request sends: every value
// well-formed and stored with canonical numbers, item size counted as the
// service counts it, key attributes of their schema types, not empty, within
// their size limits, and secondary index keys of their declared types.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <dynafake/detail/requests/item_checks.hpp>
#include <dynafake/detail/requests/key_checks.hpp>

#include "expression_support.hpp"

namespace item_checks_test {

using namespace exprtest;  // NOLINT: S, N, L, M, ... keep the tables short
using dynafake::detail::CanonicalItem;
using dynafake::detail::CanonicalValue;
using dynafake::detail::CheckIndexKeys;
using dynafake::detail::CheckItemKeys;
using dynafake::detail::CheckKeyArgument;
using dynafake::detail::IndexKeyAttributes;
using dynafake::detail::ItemBytes;
using dynafake::detail::KeyAttribute;
using dynafake::detail::NumberBytes;
using Type = dynafake::Model::ScalarAttributeType;

struct ValueCase {
  const char* name;
  AttributeValue in;
  const char* stored;  // Show() of what is stored, or nullptr when refused
  const char* message;
};

std::ostream& operator<<(std::ostream& os, const ValueCase& c) { return os << c.name; }

class ValueTest : public ::testing::TestWithParam<ValueCase> {};

TEST_P(ValueTest, StoredOrRefused) {
  const ValueCase& c = GetParam();
  AttributeValue out;
  const std::string error = CanonicalValue(c.in, out);
  if (c.stored) {
    EXPECT_EQ(error, "");
    EXPECT_EQ(Show(out), c.stored);
  } else {
    EXPECT_EQ(error, c.message);
  }
}

AttributeValue Nested(int levels) {
  AttributeValue v = S("x");
  for (int i = 0; i < levels; ++i) v = L({v});
  return v;
}

const char* const kEmpty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
const char* const kNest =
    "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

// Messages: architect/dynalite validations/index.js (duplicates, binary set
// members); nubo-db/dynamodb-conformance (empty sets, NULL false, nesting).
INSTANTIATE_TEST_SUITE_P(
    Values, ValueTest,
    ::testing::Values(
        ValueCase{"EmptyValue", AttributeValue(), nullptr, kEmpty},
        ValueCase{"NumberCanonical", N("-0015.789e6"), "N -15789000", nullptr},
        ValueCase{"NumberNotNumeric", N("abc"), nullptr, "The parameter cannot be converted to a numeric value: abc"},
        ValueCase{"NumberOverflow", N("1e126"), nullptr,
                  "Number overflow. Attempting to store a number with magnitude larger than supported range"},
        ValueCase{"NumberPrecision", N("123456789012345678901234567890123456789"), nullptr,
                  "Attempting to store more than 38 significant digits in a Number"},
        ValueCase{"EmptyStringOutsideKeys", S(""), "S ", nullptr},
        ValueCase{"EmptyBinaryOutsideKeys", B(""), "B ", nullptr}, ValueCase{"NullTrue", Null(), "NULL", nullptr},
        ValueCase{"NullFalse", AttributeValue().SetNull(false), nullptr,
                  "One or more parameter values were invalid: Null attribute value types must have the value of true"},
        ValueCase{"StringSetEmpty", SS({}), nullptr,
                  "One or more parameter values were invalid: An string set  may not be empty"},
        ValueCase{"StringSetEmptyMember", SS({"a", ""}), nullptr,
                  "One or more parameter values were invalid: An string set may not have a empty string as a member"},
        ValueCase{"StringSetDuplicates", SS({"a", "b", "a"}), nullptr,
                  "One or more parameter values were invalid: Input collection [a, b, a] contains duplicates."},
        ValueCase{"NumberSetEmpty", NS({}), nullptr,
                  "One or more parameter values were invalid: An number set  may not be empty"},
        ValueCase{"NumberSetCanonical", NS({"1.50", "2e1"}), "NS [1.5, 20]", nullptr},
        ValueCase{"NumberSetDuplicatesAfterCanonicalForm", NS({"1.5", "1.50"}), nullptr,
                  "Input collection contains duplicates"},
        ValueCase{"NumberSetBadMember", NS({"1", "x"}), nullptr,
                  "The parameter cannot be converted to a numeric value: x"},
        ValueCase{"BinarySetEmpty", BS({}), nullptr,
                  "One or more parameter values were invalid: Binary sets should not be empty"},
        ValueCase{"BinarySetEmptyMember", BS({"a", ""}), nullptr,
                  "One or more parameter values were invalid: Binary sets may not contain null or empty values"},
        ValueCase{"BinarySetDuplicates", BS({"ab", "ab"}), nullptr,
                  "One or more parameter values were invalid: Input collection [YWI=, YWI=]of type BS contains "
                  "duplicates."},
        ValueCase{"NumbersInsideDocuments", M({{"l", L({N("01"), M({{"x", N("2.0")}})})}}),
                  "M {l: L [N 1, M {x: N 2}]}", nullptr},
        ValueCase{"BadValueInsideMap", M({{"a", M({{"b", NS({})}})}}), nullptr,
                  "One or more parameter values were invalid: An number set  may not be empty"},
        ValueCase{"EmptyValueInsideList", L({S("a"), AttributeValue()}), nullptr, kEmpty},
        ValueCase{"ThirtyTwoLevelsOfDocuments", Nested(32), nullptr, kNest}));

TEST(ValueTest, ThirtyOneLevelsAreStored) {
  AttributeValue out;
  EXPECT_EQ(CanonicalValue(Nested(31), out), "");
  EXPECT_EQ(Show(out), Show(Nested(31)));
}

TEST(ItemTest, AttributeNamesMayNotBeEmpty) {
  Item out;
  EXPECT_EQ(CanonicalItem(Item{{"", S("x")}}, out),
            "One or more parameter values were invalid: An AttributeName may not be empty");
}

TEST(ItemTest, StoredWithCanonicalNumbers) {
  Item out;
  ASSERT_EQ(CanonicalItem(Item{{"pk", S("a")}, {"n", N("10.000")}}, out), "");
  EXPECT_EQ(Show(out), "{n: N 10, pk: S a}");
}

TEST(ItemTest, FourHundredKilobytesAtMost) {
  // Names count: "pk" (2) + "a" (1) + 1 byte of value + a string of the rest.
  const std::size_t limit = 400 * 1024;
  Item out;
  Item fits{{"pk", S("k")}, {"a", S(std::string(limit - 4, 'x'))}};
  EXPECT_EQ(ItemBytes(fits), static_cast<int64_t>(limit));
  EXPECT_EQ(CanonicalItem(fits, out), "");
  Item over{{"pk", S("k")}, {"a", S(std::string(limit - 3, 'x'))}};
  EXPECT_EQ(CanonicalItem(over, out), "Item size has exceeded the maximum allowed size");
  EXPECT_EQ(Show(out), Show(fits)) << "a refused item leaves the output alone";
}

struct SizeCase {
  const char* number;
  int64_t bytes;
};

class NumberSizeTest : public ::testing::TestWithParam<SizeCase> {};

TEST_P(NumberSizeTest, BytesAsTheServiceCounts) { EXPECT_EQ(NumberBytes(GetParam().number), GetParam().bytes); }

// nubo-db/dynamodb-conformance src/item-size.ts, measured against the service.
INSTANTIATE_TEST_SUITE_P(Numbers, NumberSizeTest,
                         ::testing::Values(SizeCase{"0", 1}, SizeCase{"1", 2}, SizeCase{"12", 2}, SizeCase{"123", 3},
                                           SizeCase{"-1", 3}, SizeCase{"100", 2}, SizeCase{"1000000", 2},
                                           SizeCase{"0.001", 2}, SizeCase{"1.5", 3}, SizeCase{"12.34", 3},
                                           SizeCase{"99999999999999999999999999999999999999", 20}));

TEST(ItemBytesTest, DocumentsCountTheirOverheadAndNames) {
  // Map: 3 + per entry 1 + name + value; list: 3 + per element 1 + value.
  EXPECT_EQ(ItemBytes(Item{{"m", M({{"ab", S("xyz")}})}}), 1 + 3 + 1 + 2 + 3);
  EXPECT_EQ(ItemBytes(Item{{"l", L({Bool(true), Null()})}}), 1 + 3 + 2 + 2);
  EXPECT_EQ(ItemBytes(Item{{"s", SS({"ab", "c"})}, {"n", NS({"1", "22"})}}), 1 + 3 + 1 + 4);
}

// ---------------------------------------------------------------- keys

const KeyAttribute kPk{"pk", Type::S};
const KeyAttribute kSk{"sk", Type::N};
const KeyAttribute kNone{};

struct KeyCase {
  const char* name;
  KeyAttribute hash, range;
  Item key;
  const char* message;  // "" when valid
};

std::ostream& operator<<(std::ostream& os, const KeyCase& c) { return os << c.name; }

class KeyArgumentTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(KeyArgumentTest, Message) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(CheckKeyArgument(c.hash, c.range, c.key), c.message);
}

const char* const kSchema = "The provided key element does not match the schema";

INSTANTIATE_TEST_SUITE_P(
    Keys, KeyArgumentTest,
    ::testing::Values(
        KeyCase{"HashOnly", kPk, kNone, Item{{"pk", S("a")}}, ""},
        KeyCase{"HashAndRange", kPk, kSk, Item{{"pk", S("a")}, {"sk", N("1")}}, ""},
        KeyCase{"MissingRange", kPk, kSk, Item{{"pk", S("a")}}, kSchema},
        KeyCase{"ExtraAttribute", kPk, kNone, Item{{"pk", S("a")}, {"x", S("b")}}, kSchema},
        KeyCase{"WrongName", kPk, kNone, Item{{"id", S("a")}}, kSchema},
        KeyCase{"WrongType", kPk, kSk, Item{{"pk", S("a")}, {"sk", S("1")}}, kSchema},
        KeyCase{"EmptyString", kPk, kNone, Item{{"pk", S("")}},
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                "an empty string value. Key: pk"},
        KeyCase{"EmptyBinary", KeyAttribute{"pk", Type::B}, kNone, Item{{"pk", B("")}},
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                "an empty binary value. Key: pk"},
        KeyCase{"HashAt2048Bytes", kPk, kNone, Item{{"pk", S(std::string(2048, 'h'))}}, ""},
        KeyCase{"HashOver2048Bytes", kPk, kNone, Item{{"pk", S(std::string(2049, 'h'))}},
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit "
                "of2048 bytes"},
        KeyCase{"RangeAt1024Bytes", kPk, KeyAttribute{"sk", Type::S},
                Item{{"pk", S("a")}, {"sk", S(std::string(1024, 'r'))}}, ""},
        KeyCase{"RangeOver1024Bytes", kPk, KeyAttribute{"sk", Type::S},
                Item{{"pk", S("a")}, {"sk", S(std::string(1025, 'r'))}},
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size "
                "limit of 1024 bytes"}));

class ItemKeysTest : public ::testing::TestWithParam<KeyCase> {};

const std::vector<IndexKeyAttributes> kIndexes = {
    IndexKeyAttributes{"index1", KeyAttribute{"pk", Type::S}, KeyAttribute{"c", Type::S}},
    IndexKeyAttributes{"index3", KeyAttribute{"c", Type::S}, KeyAttribute{"d", Type::N}},
};

TEST_P(ItemKeysTest, Message) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(CheckItemKeys(c.hash, c.range, kIndexes, c.key), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Items, ItemKeysTest,
    ::testing::Values(
        KeyCase{"KeysAndOtherAttributes", kPk, kSk, Item{{"pk", S("a")}, {"sk", N("1")}, {"x", M({})}}, ""},
        KeyCase{"MissingHash", kPk, kSk, Item{{"sk", N("1")}},
                "One or more parameter values were invalid: Missing the key pk in the item"},
        KeyCase{"MissingRange", kPk, kSk, Item{{"pk", S("a")}},
                "One or more parameter values were invalid: Missing the key sk in the item"},
        KeyCase{"TypeMismatch", kPk, kSk, Item{{"pk", S("a")}, {"sk", S("1")}},
                "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S"},
        KeyCase{"EmptyHash", kPk, kSk, Item{{"pk", S("")}, {"sk", N("1")}},
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                "an empty string value. Key: pk"},
        KeyCase{"IndexKeysAbsentAreFine", kPk, kSk, Item{{"pk", S("a")}, {"sk", N("1")}}, ""},
        // The example, and the last declared index checked first.
        KeyCase{"IndexKeyTypeMismatch", kPk, kSk, Item{{"pk", S("a")}, {"sk", N("1")}, {"c", N("5")}},
                "One or more parameter values were invalid: Type mismatch for Index Key c Expected: S Actual: N "
                "IndexName: index3"},
        KeyCase{"IndexRangeTypeMismatch", kPk, kSk, Item{{"pk", S("a")}, {"sk", N("1")}, {"d", S("5")}},
                "One or more parameter values were invalid: Type mismatch for Index Key d Expected: N Actual: S "
                "IndexName: index3"},
        KeyCase{"IndexKeyEmpty", kPk, kSk, Item{{"pk", S("a")}, {"sk", N("1")}, {"c", S("")}},
                "One or more parameter values are not valid. A value specified for a secondary index key is not "
                "supported. The AttributeValue for a key attribute cannot contain an empty string value. "
                "IndexName: index3, IndexKey: c"}));

TEST(IndexKeysTest, NoIndexesNothingToCheck) { EXPECT_EQ(CheckIndexKeys({}, Item{{"c", N("1")}}), ""); }

}  // namespace item_checks_test
