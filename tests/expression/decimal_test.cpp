// Decimal: DynamoDB's numbers — what parses, the canonical text the service
// returns, the range and precision limits with their messages, ordering, and
// exact addition and subtraction.
#include <gtest/gtest.h>

#include <string>

#include <dynafake/expression/decimal.hpp>

namespace decimal_test {

using dynafake::expression::CanonicalNumberText;
using dynafake::expression::Decimal;
using dynafake::expression::NumberStatus;

struct CanonicalCase {
  const char* text;
  const char* canonical;  // nullptr: refused with `message`
  const char* message;
};

std::ostream& operator<<(std::ostream& os, const CanonicalCase& c) { return os << '"' << c.text << '"'; }

class CanonicalTest : public ::testing::TestWithParam<CanonicalCase> {};

TEST_P(CanonicalTest, CanonicalTextOrMessage) {
  const CanonicalCase& c = GetParam();
  std::string canonical, error;
  const bool ok = CanonicalNumberText(c.text, canonical, error);
  if (c.canonical) {
    EXPECT_TRUE(ok) << error;
    EXPECT_EQ(canonical, c.canonical);
  } else {
    EXPECT_FALSE(ok) << canonical;
    EXPECT_EQ(error, c.message);
  }
}

const char* const kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
const char* const kUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";
const char* const kPrecision = "Attempting to store more than 38 significant digits in a Number";

// The service returns numbers in plain notation without insignificant zeros
// (architect/dynalite test/putItem.js "should put really long numbers";
// nubo-db/dynamodb-conformance tests/tier3/limits/numberPrecision.test.ts).
INSTANTIATE_TEST_SUITE_P(
    Numbers, CanonicalTest,
    ::testing::Values(
        CanonicalCase{"-0015.789e6", "-15789000", nullptr}, CanonicalCase{"00042", "42", nullptr},
        CanonicalCase{"1.0", "1", nullptr}, CanonicalCase{"3.1400", "3.14", nullptr},
        CanonicalCase{"1.5E2", "150", nullptr}, CanonicalCase{"-0", "0", nullptr}, CanonicalCase{"+7", "7", nullptr},
        CanonicalCase{".5", "0.5", nullptr}, CanonicalCase{"5.", "5", nullptr}, CanonicalCase{"0e999999", "0", nullptr},
        CanonicalCase{"1e2", "100", nullptr}, CanonicalCase{"123.456e-2", "1.23456", nullptr},
        CanonicalCase{"0000012345678901234567890123456789012345678", "12345678901234567890123456789012345678", nullptr},
        CanonicalCase{"-00001.23456789012345678901234567890123456780000", "-1.2345678901234567890123456789012345678",
                      nullptr},
        CanonicalCase{"0009.99999999999999999999999999999999999990000e125",
                      "99999999999999999999999999999999999999"
                      "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
                      nullptr},
        CanonicalCase{"0001.000e-130",
                      "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                      "0000000000000000000000000000000000000001",
                      nullptr},
        CanonicalCase{"0.00000000000000000000000000000000000001", "0.00000000000000000000000000000000000001", nullptr},
        CanonicalCase{"", nullptr, "The parameter cannot be converted to a numeric value"},
        CanonicalCase{"b", nullptr, "The parameter cannot be converted to a numeric value: b"},
        CanonicalCase{"1e", nullptr, "The parameter cannot be converted to a numeric value: 1e"},
        CanonicalCase{"1.2.3", nullptr, "The parameter cannot be converted to a numeric value: 1.2.3"},
        CanonicalCase{" 1", nullptr, "The parameter cannot be converted to a numeric value:  1"},
        CanonicalCase{"NaN", nullptr, "The parameter cannot be converted to a numeric value: NaN"},
        CanonicalCase{"123456789012345678901234567890123456789", nullptr, kPrecision},
        CanonicalCase{"-1.23456789012345678901234567890123456789", nullptr, kPrecision},
        CanonicalCase{"1e126", nullptr, kOverflow}, CanonicalCase{"-1e126", nullptr, kOverflow},
        CanonicalCase{"1e-131", nullptr, kUnderflow}, CanonicalCase{"-1e-131", nullptr, kUnderflow},
        CanonicalCase{"1e99999999999", nullptr, kOverflow}));

TEST(DecimalTest, OrdersByValue) {
  auto num = [](const char* t) {
    Decimal d;
    EXPECT_EQ(Decimal::Parse(t, d), NumberStatus::Ok) << t;
    return d;
  };
  EXPECT_EQ(Decimal::Compare(num("1.50"), num("1.5")), 0);
  EXPECT_LT(Decimal::Compare(num("-2"), num("-1")), 0);
  EXPECT_LT(Decimal::Compare(num("-1"), num("0")), 0);
  EXPECT_GT(Decimal::Compare(num("10"), num("9.99999")), 0);
  EXPECT_LT(Decimal::Compare(num("0.001"), num("0.01")), 0);
  EXPECT_GT(Decimal::Compare(num("1e-130"), num("0")), 0);
  EXPECT_LT(Decimal::Compare(num("-1e100"), num("-1e99")), 0);
}

struct ArithmeticCase {
  const char* a;
  const char* b;
  const char* sum;
  const char* difference;
};

std::ostream& operator<<(std::ostream& os, const ArithmeticCase& c) { return os << c.a << " and " << c.b; }

class ArithmeticTest : public ::testing::TestWithParam<ArithmeticCase> {};

TEST_P(ArithmeticTest, ExactSumAndDifference) {
  const ArithmeticCase& c = GetParam();
  Decimal a, b;
  ASSERT_EQ(Decimal::Parse(c.a, a), NumberStatus::Ok);
  ASSERT_EQ(Decimal::Parse(c.b, b), NumberStatus::Ok);
  EXPECT_EQ(Decimal::Add(a, b).ToString(), c.sum);
  EXPECT_EQ(Decimal::Subtract(a, b).ToString(), c.difference);
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, ArithmeticTest,
    ::testing::Values(ArithmeticCase{"0.1", "0.2", "0.3", "-0.1"}, ArithmeticCase{"10", "5", "15", "5"},
                      ArithmeticCase{"-3", "5", "2", "-8"}, ArithmeticCase{"5", "-5", "0", "10"},
                      ArithmeticCase{"999", "1", "1000", "998"}, ArithmeticCase{"1.005", "-1.004", "0.001", "2.009"},
                      ArithmeticCase{"1e30", "1", "1000000000000000000000000000001", "999999999999999999999999999999"},
                      ArithmeticCase{"12345678901234567890123456789012345678", "1",
                                     "12345678901234567890123456789012345679",
                                     "12345678901234567890123456789012345677"},
                      ArithmeticCase{"0", "-7.25", "-7.25", "7.25"}));

TEST(DecimalTest, ArithmeticBeyondTheRangeIsRefusedByCheck) {
  Decimal a, b;
  ASSERT_EQ(Decimal::Parse("9.9e125", a), NumberStatus::Ok);
  ASSERT_EQ(Decimal::Parse("9.9e125", b), NumberStatus::Ok);
  EXPECT_EQ(Decimal::Add(a, b).Check(), NumberStatus::Overflow);
  ASSERT_EQ(Decimal::Parse("1e30", a), NumberStatus::Ok);
  ASSERT_EQ(Decimal::Parse("1e-30", b), NumberStatus::Ok);
  EXPECT_EQ(Decimal::Add(a, b).Check(), NumberStatus::TooPrecise) << "61 significant digits";
}

}  // namespace decimal_test
