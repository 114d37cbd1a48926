// dynafake — DateTime: an instant, in aws-sdk-cpp's Aws::Utils::DateTime shape.
#pragma once

#include <chrono>       // std::chrono::system_clock
#include <cstdint>      // int64_t
#include <cstdio>       // std::snprintf, std::sscanf
#include <ctime>        // std::tm
#include <optional>     // std::optional
#include <stdexcept>    // std::invalid_argument, std::out_of_range
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::enable_if, std::is_integral

namespace dynafake {

using TimePoint = std::chrono::system_clock::time_point;

/// The first and last instants, in milliseconds since 1970, that a TimePoint
/// holds: with libstdc++'s 64-bit nanoseconds, 1677-09-21 to 2262-04-11. A
/// DateTime outside them (one read from a request or a snapshot) cannot be a
/// clock's time.
inline constexpr int64_t kFirstTimePointMillis =
    std::chrono::duration_cast<std::chrono::milliseconds>(TimePoint::min().time_since_epoch()).count();
inline constexpr int64_t kLastTimePointMillis =
    std::chrono::duration_cast<std::chrono::milliseconds>(TimePoint::max().time_since_epoch()).count();

enum class DateFormat { ISO_8601, ISO_8601_BASIC };

namespace detail {
// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
constexpr int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int64_t year;
  unsigned month, day;
};

constexpr Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}
}  // namespace detail

/// An instant with millisecond precision, as DynamoDB reports times.
/// A default-constructed DateTime is the epoch (1970-01-01T00:00:00Z).
class DateTime {
 public:
  DateTime() = default;
  DateTime(TimePoint tp)  // NOLINT(google-explicit-constructor): mirrors the SDK
      : millis_(std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count()) {}
  /// Milliseconds since the epoch.
  template <class I, typename std::enable_if<std::is_integral<I>::value, int>::type = 0>
  explicit DateTime(I millisSinceEpoch) : millis_(static_cast<int64_t>(millisSinceEpoch)) {}
  explicit DateTime(double secondsSinceEpoch)
      : millis_(static_cast<int64_t>(secondsSinceEpoch * 1000.0 + (secondsSinceEpoch >= 0 ? 0.5 : -0.5))) {}

  /// Parses "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.123Z" or with a
  /// "+hh:mm" offset. Throws std::invalid_argument on anything else.
  static DateTime FromIso8601(std::string_view text) {
    auto parsed = TryParseIso8601(text);
    if (!parsed) throw std::invalid_argument("not an ISO-8601 instant: '" + std::string(text) + "'");
    return *parsed;
  }

  static std::optional<DateTime> TryParseIso8601(std::string_view text) {
    std::string s(text);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, consumed = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &consumed) != 6 ||
        consumed != 19)
      return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    std::size_t pos = 19;
    int64_t ms = 0;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      int digits = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 3) ms = ms * 10 + (s[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0) return std::nullopt;
      for (int i = digits; i < 3; ++i) ms *= 10;
    }
    int64_t offset_minutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
      ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      int oh = 0, om = 0;
      if (pos + 6 > s.size() || std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2) return std::nullopt;
      offset_minutes = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
      pos += 6;
    } else {
      return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    const int64_t days = detail::DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    const int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offset_minutes * 60;
    return DateTime(secs * 1000 + ms);
  }

  int64_t Millis() const { return millis_; }
  int64_t Seconds() const { return millis_ >= 0 ? millis_ / 1000 : -((-millis_ + 999) / 1000); }
  /// Seconds since the epoch with the milliseconds as a fraction, as the JSON protocol sends it.
  double SecondsWithMSPrecision() const { return static_cast<double>(millis_) / 1000.0; }
  /// Whether this instant is one a TimePoint holds (kFirstTimePointMillis to kLastTimePointMillis).
  bool FitsTimePoint() const { return millis_ >= kFirstTimePointMillis && millis_ <= kLastTimePointMillis; }
  /// As a TimePoint; std::out_of_range when it does not fit one (FitsTimePoint).
  TimePoint UnderlyingTimestamp() const {
    if (!FitsTimePoint())
      throw std::out_of_range(std::to_string(millis_) + " ms since 1970 is outside the instants a clock can hold (" +
                              DateTime(kFirstTimePointMillis).ToIso8601() + " to " +
                              DateTime(kLastTimePointMillis).ToIso8601() + ")");
    return TimePoint(std::chrono::milliseconds(millis_));
  }
  operator TimePoint() const { return UnderlyingTimestamp(); }  // NOLINT(google-explicit-constructor)

  /// "2026-01-01T00:00:00.000Z" (ISO_8601) or "20260101T000000Z" (ISO_8601_BASIC).
  std::string ToGmtString(DateFormat format = DateFormat::ISO_8601) const {
    const int64_t secs = Seconds();
    const int64_t ms = millis_ - secs * 1000;
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    const detail::Civil c = detail::CivilFromDays(days);
    char buf[64];
    if (format == DateFormat::ISO_8601_BASIC) {
      std::snprintf(buf, sizeof buf, "%04lld%02u%02uT%02d%02d%02dZ", static_cast<long long>(c.year), c.month, c.day,
                    static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60));
    } else {
      std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(c.year), c.month,
                    c.day, static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60),
                    static_cast<int>(ms));
    }
    return buf;
  }
  std::string ToIso8601() const { return ToGmtString(DateFormat::ISO_8601); }

  friend bool operator==(const DateTime& a, const DateTime& b) { return a.millis_ == b.millis_; }
  friend bool operator!=(const DateTime& a, const DateTime& b) { return a.millis_ != b.millis_; }
  friend bool operator<(const DateTime& a, const DateTime& b) { return a.millis_ < b.millis_; }
  friend bool operator<=(const DateTime& a, const DateTime& b) { return a.millis_ <= b.millis_; }
  friend bool operator>(const DateTime& a, const DateTime& b) { return a.millis_ > b.millis_; }
  friend bool operator>=(const DateTime& a, const DateTime& b) { return a.millis_ >= b.millis_; }

 private:
  int64_t millis_ = 0;
};

}  // namespace dynafake
