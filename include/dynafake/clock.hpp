// dynafake — the clocks a Service reads: Clock (read only), AdjustableClock
// (one a test can move), ManualClock (the test's) and SystemClock.
#pragma once

#include <atomic>     // std::atomic
#include <chrono>     // std::chrono
#include <stdexcept>  // std::invalid_argument, std::out_of_range

#include "dynafake/date_time.hpp"  // TimePoint, DateTime

namespace dynafake {

class AdjustableClock;

/// Where a Service reads the time. Everything that depends on time — state
/// transitions, rate-limit windows, backup expiry, restorable windows — asks
/// its clock, so a test that owns the clock owns time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  /// This clock as one that can be moved (Advance, Set), or nullptr when it
  /// follows something else (real time). Fronts that move time on request
  /// (the HTTP admin API, state snapshots) ask this instead of guessing.
  virtual AdjustableClock* Adjustable() { return nullptr; }
};

namespace detail {

/// The one rule of a clock that moves forward only, on an atomic count of
/// nanoseconds since 1970 (ManualClock's and dynafake-server's): a negative
/// step or an earlier instant throws std::invalid_argument, a step past the
/// last instant 64 bits of nanoseconds hold (2262-04-11) std::out_of_range;
/// a refused move leaves the time as it was.
inline void MoveForward(std::atomic<TimePoint::rep>& now, TimePoint::duration step) {
  if (step.count() < 0) throw std::invalid_argument("time cannot move backwards (a negative step)");
  auto current = now.load();
  do {
    if (step.count() > TimePoint::max().time_since_epoch().count() - current)
      throw std::out_of_range("time cannot move past the last instant a clock can hold (" +
                              DateTime(TimePoint::max()).ToIso8601() + ")");
  } while (!now.compare_exchange_weak(current, current + step.count()));
}
inline void MoveTo(std::atomic<TimePoint::rep>& now, TimePoint t) {
  auto current = now.load();
  const auto target = t.time_since_epoch().count();
  do {
    if (target < current)
      throw std::invalid_argument("time cannot move backwards (now " +
                                  DateTime(TimePoint(TimePoint::duration(current))).ToIso8601() + ", asked for " +
                                  DateTime(t).ToIso8601() + ")");
  } while (!now.compare_exchange_weak(current, target));
}

}  // namespace detail

/// A clock that moves only when told to, and never backwards.
class AdjustableClock : public Clock {
 public:
  AdjustableClock* Adjustable() override { return this; }

  /// Moves time forward by `d`. A negative duration throws std::invalid_argument,
  /// a step past the last instant the clock holds std::out_of_range.
  template <class Rep, class Period>
  void Advance(std::chrono::duration<Rep, Period> d) {
    // Compared before the conversion: hours(1'000'000'000) in nanoseconds would overflow the cast itself.
    const std::chrono::duration<long double, TimePoint::period> exact = d;
    if (exact.count() < 0) throw std::invalid_argument("time cannot move backwards (a negative step)");
    if (!(exact.count() <= static_cast<long double>(TimePoint::duration::max().count())))
      throw std::out_of_range("time cannot move past the last instant a clock can hold (" +
                              DateTime(TimePoint::max()).ToIso8601() + ")");
    AdvanceBy(std::chrono::duration_cast<TimePoint::duration>(d));
  }
  /// Moves time to `t`. An instant before Now() throws std::invalid_argument.
  void Set(TimePoint t) { SetTo(t); }

 protected:
  virtual void AdvanceBy(TimePoint::duration step) = 0;
  virtual void SetTo(TimePoint t) = 0;
};

/// Time that moves only when the test says so. Starts at 2026-01-01T00:00:00Z
/// unless given another instant; never moves backwards. Thread-safe.
class ManualClock final : public AdjustableClock {
 public:
  static TimePoint DefaultStart() { return DateTime::FromIso8601("2026-01-01T00:00:00Z"); }

  ManualClock() : ManualClock(DefaultStart()) {}
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}

  TimePoint Now() const override { return TimePoint(TimePoint::duration(now_.load())); }

 protected:
  void AdvanceBy(TimePoint::duration step) override { detail::MoveForward(now_, step); }
  void SetTo(TimePoint t) override { detail::MoveTo(now_, t); }

 private:
  std::atomic<TimePoint::rep> now_;
};

/// Real time, for a fake that should behave like a live service (e.g. a
/// dynafake-server started with --clock system). Tests should prefer ManualClock.
class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace dynafake
