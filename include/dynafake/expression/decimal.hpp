// dynafake — Decimal: a DynamoDB number, exact. Parsing with the service's
// rules, the canonical text the service returns, ordering, and the exact
// addition and subtraction that ADD and SET a = b + c perform. No floating
// point: a stored number keeps every one of its up to 38 significant digits.
#pragma once

#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <utility>  // std::move

#include "dynafake/expression/expression_messages.hpp"  // msg::

namespace dynafake {
namespace expression {

/// What parsing or range-checking a number found.
enum class NumberStatus { Ok, NotANumber, Overflow, Underflow, TooPrecise };

/// The service's message for a number that is not OK. Texts as the service
/// answers (quoted from its responses in dynalite's tests, architect/dynalite
/// test/putItem.js, and DynamoDB Local's ErrorFactory).
inline std::string NumberMessage(NumberStatus status, const std::string& text) {
  switch (status) {
    case NumberStatus::Ok:
      return {};
    case NumberStatus::NotANumber:
      return text.empty() ? std::string(msg::kNotANumber) : std::string(msg::kNotANumber) + ": " + text;
    case NumberStatus::Overflow:
      return msg::kNumberOverflow;
    case NumberStatus::Underflow:
      return msg::kNumberUnderflow;
    case NumberStatus::TooPrecise:
      return msg::kNumberTooPrecise;
  }
  return {};
}

/// An exact decimal: sign, significant digits (no leading or trailing zeros;
/// none for zero) and a power of ten, value = digits x 10^exponent.
class Decimal {
 public:
  Decimal() = default;

  /// Reads `text` as the service's number parser does (java.math.BigDecimal's
  /// syntax: optional sign, digits with an optional point, optional exponent).
  /// Range and precision are not checked here; see Check().
  static NumberStatus Parse(const std::string& text, Decimal& out) {
    Decimal d;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) d.negative_ = text[i++] == '-';
    std::string digits;
    long long fractionDigits = 0;
    bool sawDigit = false, sawPoint = false;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c >= '0' && c <= '9') {
        sawDigit = true;
        if (!(digits.empty() && c == '0')) digits += c;
        if (sawPoint) ++fractionDigits;
      } else if (c == '.' && !sawPoint) {
        sawPoint = true;
      } else {
        break;
      }
    }
    if (!sawDigit) return NumberStatus::NotANumber;
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      bool negativeExponent = false;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) negativeExponent = text[i++] == '-';
      const std::size_t start = i;
      for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        if (exponent < 1000000000LL) exponent = exponent * 10 + (text[i] - '0');  // far past any valid range
      if (i == start) return NumberStatus::NotANumber;
      if (negativeExponent) exponent = -exponent;
    }
    if (i != text.size()) return NumberStatus::NotANumber;
    d.exponent_ = exponent - fractionDigits;
    d.digits_ = std::move(digits);
    d.Normalize();
    out = std::move(d);
    return NumberStatus::Ok;
  }

  /// Whether the service can store this number: magnitude in [1e-130, 1e126)
  /// and at most 38 significant digits (in that order of checks).
  NumberStatus Check() const {
    if (IsZero()) return NumberStatus::Ok;
    const long long adjusted = AdjustedExponent();
    if (adjusted > 125) return NumberStatus::Overflow;
    if (adjusted < -130) return NumberStatus::Underflow;
    if (digits_.size() > 38) return NumberStatus::TooPrecise;
    return NumberStatus::Ok;
  }

  bool IsZero() const { return digits_.empty(); }
  bool IsNegative() const { return negative_; }

  /// The canonical text the service returns: plain notation, no exponent,
  /// no leading or trailing zeros ("-0015.789e6" -> "-15789000", "-0" -> "0").
  std::string ToString() const {
    if (IsZero()) return "0";
    std::string out = negative_ ? "-" : "";
    const long long intDigits = static_cast<long long>(digits_.size()) + exponent_;
    if (exponent_ >= 0) {
      out += digits_;
      out.append(static_cast<std::size_t>(exponent_), '0');
    } else if (intDigits > 0) {
      out += digits_.substr(0, static_cast<std::size_t>(intDigits));
      out += '.';
      out += digits_.substr(static_cast<std::size_t>(intDigits));
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(-intDigits), '0');
      out += digits_;
    }
    return out;
  }

  /// -1, 0 or 1 as a is less than, equal to or greater than b, by value.
  static int Compare(const Decimal& a, const Decimal& b) {
    if (a.IsZero() || b.IsZero()) {
      const int sa = a.IsZero() ? 0 : (a.negative_ ? -1 : 1);
      const int sb = b.IsZero() ? 0 : (b.negative_ ? -1 : 1);
      return sa < sb ? -1 : (sa > sb ? 1 : 0);
    }
    if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
    const int magnitude = CompareMagnitude(a, b);
    return a.negative_ ? -magnitude : magnitude;
  }

  /// Exact a + b and a - b. Meant for numbers that passed Check() (their
  /// exponents are close enough that aligning them stays small).
  static Decimal Add(const Decimal& a, const Decimal& b) { return Combine(a, b, false); }
  static Decimal Subtract(const Decimal& a, const Decimal& b) { return Combine(a, b, true); }

  friend bool operator==(const Decimal& a, const Decimal& b) { return Compare(a, b) == 0; }
  friend bool operator!=(const Decimal& a, const Decimal& b) { return Compare(a, b) != 0; }
  friend bool operator<(const Decimal& a, const Decimal& b) { return Compare(a, b) < 0; }

 private:
  long long AdjustedExponent() const { return exponent_ + static_cast<long long>(digits_.size()) - 1; }

  void Normalize() {
    std::size_t lead = 0;
    while (lead < digits_.size() && digits_[lead] == '0') ++lead;
    digits_.erase(0, lead);
    while (!digits_.empty() && digits_.back() == '0') {
      digits_.pop_back();
      ++exponent_;
    }
    if (digits_.empty()) {
      negative_ = false;
      exponent_ = 0;
    }
  }

  static int CompareMagnitude(const Decimal& a, const Decimal& b) {
    const long long ea = a.AdjustedExponent(), eb = b.AdjustedExponent();
    if (ea != eb) return ea < eb ? -1 : 1;
    const std::size_t n = a.digits_.size() > b.digits_.size() ? a.digits_.size() : b.digits_.size();
    for (std::size_t i = 0; i < n; ++i) {
      const char da = i < a.digits_.size() ? a.digits_[i] : '0';
      const char db = i < b.digits_.size() ? b.digits_[i] : '0';
      if (da != db) return da < db ? -1 : 1;
    }
    return 0;
  }

  // Digits of |d| scaled to exponent `to` (to <= d.exponent_).
  static std::string Scaled(const Decimal& d, long long to) {
    std::string s = d.digits_;
    s.append(static_cast<std::size_t>(d.exponent_ - to), '0');
    return s;
  }

  // Both digit strings, most significant first, same length after padding.
  static std::string AddDigits(std::string x, std::string y) {
    if (x.size() < y.size()) x.swap(y);
    y.insert(0, x.size() - y.size(), '0');
    std::string out(x.size() + 1, '0');
    int carry = 0;
    for (std::size_t i = x.size(); i-- > 0;) {
      const int sum = (x[i] - '0') + (y[i] - '0') + carry;
      out[i + 1] = static_cast<char>('0' + sum % 10);
      carry = sum / 10;
    }
    out[0] = static_cast<char>('0' + carry);
    return out;
  }

  // x - y for x >= y (as magnitudes), digit strings most significant first.
  static std::string SubtractDigits(std::string x, std::string y) {
    y.insert(0, x.size() - y.size(), '0');
    int borrow = 0;
    for (std::size_t i = x.size(); i-- > 0;) {
      int diff = (x[i] - '0') - (y[i] - '0') - borrow;
      borrow = diff < 0 ? 1 : 0;
      if (diff < 0) diff += 10;
      x[i] = static_cast<char>('0' + diff);
    }
    return x;
  }

  static Decimal Combine(const Decimal& a, Decimal b, bool subtract) {
    if (subtract && !b.IsZero()) b.negative_ = !b.negative_;
    if (a.IsZero()) return b;
    if (b.IsZero()) return a;
    const long long to = a.exponent_ < b.exponent_ ? a.exponent_ : b.exponent_;
    std::string x = Scaled(a, to), y = Scaled(b, to);
    Decimal out;
    out.exponent_ = to;
    if (a.negative_ == b.negative_) {
      out.negative_ = a.negative_;
      out.digits_ = AddDigits(std::move(x), std::move(y));
    } else {
      const int magnitude = CompareMagnitude(a, b);
      if (magnitude == 0) return Decimal();
      const bool aLarger = magnitude > 0;
      if (x.size() < y.size()) x.insert(0, y.size() - x.size(), '0');
      if (y.size() < x.size()) y.insert(0, x.size() - y.size(), '0');
      out.negative_ = aLarger ? a.negative_ : b.negative_;
      out.digits_ = aLarger ? SubtractDigits(std::move(x), std::move(y)) : SubtractDigits(std::move(y), std::move(x));
    }
    out.Normalize();
    return out;
  }

  bool negative_ = false;
  std::string digits_;
  long long exponent_ = 0;
};

/// The canonical text of a number DynamoDB accepts, or the service's message
/// for one it refuses (returned through `error`).
inline bool CanonicalNumberText(const std::string& text, std::string& canonical, std::string& error) {
  Decimal d;
  NumberStatus status = Decimal::Parse(text, d);
  if (status == NumberStatus::Ok) status = d.Check();
  if (status != NumberStatus::Ok) {
    error = NumberMessage(status, text);
    return false;
  }
  canonical = d.ToString();
  return true;
}

}  // namespace expression
}  // namespace dynafake
