// ManualClock: the test's own time, starting at 2026-01-01T00:00:00Z and moving
// only forwards; DateTime: an instant with millisecond precision, formatted and
// parsed as ISO-8601.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include <dynafake/dynafake.hpp>

namespace {

using namespace std::chrono_literals;
using dynafake::DateTime;
using dynafake::ManualClock;

// ---------------------------------------------------------------- ManualClock

TEST(ManualClockTest, StartsAtTheFirstInstantOf2026ByDefault) {
  ManualClock clock;
  EXPECT_EQ(DateTime(clock.Now()).ToIso8601(), "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(DateTime(clock.Now()).Seconds(), 1767225600);
}

TEST(ManualClockTest, StartsAtTheGivenInstant) {
  ManualClock clock(DateTime::FromIso8601("2030-06-15T12:30:00Z"));
  EXPECT_EQ(DateTime(clock.Now()).ToIso8601(), "2030-06-15T12:30:00.000Z");
}

TEST(ManualClockTest, StandsStillUntilAdvanced) {
  ManualClock clock;
  const auto before = clock.Now();
  EXPECT_EQ(clock.Now(), before);
}

TEST(ManualClockTest, AdvanceMovesTimeForwardByTheDuration) {
  ManualClock clock;
  const auto start = clock.Now();
  clock.Advance(90s);
  clock.Advance(250ms);
  EXPECT_EQ(clock.Now() - start, 90250ms);
  EXPECT_EQ(DateTime(clock.Now()).ToIso8601(), "2026-01-01T00:01:30.250Z");
}

TEST(ManualClockTest, AdvanceByZeroIsAllowed) {
  ManualClock clock;
  const auto before = clock.Now();
  clock.Advance(0s);
  EXPECT_EQ(clock.Now(), before);
}

TEST(ManualClockTest, AdvanceByANegativeDurationThrows) {
  ManualClock clock;
  const auto before = clock.Now();
  EXPECT_THROW(clock.Advance(-1ms), std::invalid_argument);
  EXPECT_EQ(clock.Now(), before) << "a refused move leaves the clock where it was";
}

TEST(ManualClockTest, AdvancePastTheLastInstantAClockHoldsThrows) {
  ManualClock clock;
  const auto before = clock.Now();
  EXPECT_THROW(clock.Advance(std::chrono::hours(24 * 365 * 240)), std::out_of_range);
  EXPECT_EQ(clock.Now(), before) << "a refused move leaves the clock where it was";
}

// A step too long for the clock's own unit is refused before it is converted (the conversion would overflow).
TEST(ManualClockTest, AStepLongerThanTheClocksWholeRangeThrows) {
  ManualClock clock;
  const auto before = clock.Now();
  EXPECT_THROW(clock.Advance(std::chrono::hours(1'000'000'000'000)), std::out_of_range);
  EXPECT_THROW(clock.Advance(std::chrono::duration<double>(1e300)), std::out_of_range);
  EXPECT_THROW(clock.Advance(std::chrono::hours(-1'000'000'000'000)), std::invalid_argument);
  EXPECT_EQ(clock.Now(), before) << "a refused move leaves the clock where it was";
}

TEST(DateTimeTest, AnInstantAClockCannotHoldIsNoTimePoint) {
  EXPECT_TRUE(DateTime::FromIso8601("2262-04-11T00:00:00Z").FitsTimePoint());
  const DateTime far = DateTime::FromIso8601("2300-01-01T00:00:00Z");
  EXPECT_FALSE(far.FitsTimePoint());
  EXPECT_THROW((void)far.UnderlyingTimestamp(), std::out_of_range);
}

TEST(ManualClockTest, SetMovesTimeToTheInstant) {
  ManualClock clock;
  clock.Set(DateTime::FromIso8601("2026-03-01T08:00:00Z"));
  EXPECT_EQ(DateTime(clock.Now()).ToIso8601(), "2026-03-01T08:00:00.000Z");
}

TEST(ManualClockTest, SetToNowIsAllowed) {
  ManualClock clock;
  const auto now = clock.Now();
  EXPECT_NO_THROW(clock.Set(now));
  EXPECT_EQ(clock.Now(), now);
}

TEST(ManualClockTest, SetToAnEarlierInstantThrows) {
  ManualClock clock;
  clock.Advance(1h);
  const auto before = clock.Now();
  EXPECT_THROW(clock.Set(before - 1ms), std::invalid_argument);
  EXPECT_EQ(clock.Now(), before);
}

TEST(ManualClockTest, IsAClock) {
  ManualClock manual;
  const dynafake::Clock& clock = manual;
  manual.Advance(5s);
  EXPECT_EQ(clock.Now(), manual.Now());
}

TEST(SystemClockTest, FollowsTheSystemClock) {
  dynafake::SystemClock clock;
  const auto before = std::chrono::system_clock::now();
  const auto now = clock.Now();
  EXPECT_GE(now, before);
  EXPECT_LE(now, std::chrono::system_clock::now());
}

// ---------------------------------------------------------------- DateTime

TEST(DateTimeTest, FormatsIso8601WithMilliseconds) {
  EXPECT_EQ(DateTime(int64_t{1767225600123}).ToIso8601(), "2026-01-01T00:00:00.123Z");
}

TEST(DateTimeTest, FormatsIso8601Basic) {
  EXPECT_EQ(DateTime(int64_t{1767225600123}).ToGmtString(dynafake::DateFormat::ISO_8601_BASIC), "20260101T000000Z");
}

TEST(DateTimeTest, ParsesWhatItFormats) {
  const DateTime t(int64_t{1767225600123} + 86400000LL * 59 + 3723456);
  EXPECT_EQ(DateTime::FromIso8601(t.ToIso8601()), t);
}

TEST(DateTimeTest, ParsesWholeSecondsAndFractions) {
  EXPECT_EQ(DateTime::FromIso8601("2026-01-01T00:00:00Z").Millis(), 1767225600000);
  EXPECT_EQ(DateTime::FromIso8601("2026-01-01T00:00:00.5Z").Millis(), 1767225600500);
  EXPECT_EQ(DateTime::FromIso8601("2026-01-01T00:00:00.123456Z").Millis(), 1767225600123);
}

TEST(DateTimeTest, ParsesAnOffsetToTheSameInstant) {
  EXPECT_EQ(DateTime::FromIso8601("2026-01-01T02:00:00+02:00"), DateTime::FromIso8601("2026-01-01T00:00:00Z"));
  EXPECT_EQ(DateTime::FromIso8601("2025-12-31T19:00:00-05:00"), DateTime::FromIso8601("2026-01-01T00:00:00Z"));
}

TEST(DateTimeTest, RefusesTextThatIsNotAnInstant) {
  EXPECT_THROW(DateTime::FromIso8601("yesterday"), std::invalid_argument);
  EXPECT_THROW(DateTime::FromIso8601("2026-01-01"), std::invalid_argument);
  EXPECT_THROW(DateTime::FromIso8601("2026-13-01T00:00:00Z"), std::invalid_argument);
  EXPECT_FALSE(DateTime::TryParseIso8601("2026-01-01T00:00:00").has_value()) << "no zone";
}

TEST(DateTimeTest, MillisAndSecondsCountFromTheEpoch) {
  const DateTime t(int64_t{1767225600999});
  EXPECT_EQ(t.Millis(), 1767225600999);
  EXPECT_EQ(t.Seconds(), 1767225600) << "whole seconds, truncated";
  EXPECT_DOUBLE_EQ(t.SecondsWithMSPrecision(), 1767225600.999);
}

TEST(DateTimeTest, DefaultIsTheEpoch) {
  EXPECT_EQ(DateTime().Millis(), 0);
  EXPECT_EQ(DateTime().ToIso8601(), "1970-01-01T00:00:00.000Z");
}

TEST(DateTimeTest, ConvertsFromAndToATimePoint) {
  const auto tp = std::chrono::system_clock::time_point(std::chrono::milliseconds(1767225600250));
  const DateTime t(tp);
  EXPECT_EQ(t.Millis(), 1767225600250);
  EXPECT_EQ(t.UnderlyingTimestamp(), tp);
  const std::chrono::system_clock::time_point back = t;
  EXPECT_EQ(back, tp);
}

TEST(DateTimeTest, DropsPrecisionBelowAMillisecond) {
  const auto tp =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(1000)) + std::chrono::microseconds(999);
  EXPECT_EQ(DateTime(tp).Millis(), 1000);
}

TEST(DateTimeTest, SecondsAsADoubleKeepTheMilliseconds) { EXPECT_EQ(DateTime(1767225600.25).Millis(), 1767225600250); }

TEST(DateTimeTest, OrdersByInstant) {
  EXPECT_LT(DateTime(int64_t{1}), DateTime(int64_t{2}));
  EXPECT_NE(DateTime(int64_t{1}), DateTime(int64_t{2}));
  EXPECT_EQ(DateTime::FromIso8601("2026-01-01T00:00:00Z"), DateTime(ManualClock::DefaultStart()));
}

}  // namespace
