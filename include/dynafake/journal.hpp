// dynafake — the call journal: every call a Service answered, in order, on its clock.
//
//   for (const dynafake::Call& call : service.Journal().Failed()) std::cout << call << "\n";
//   // #3 2026-01-01T00:00:00.000Z CreateBackup table "orders": TableInUseException (state) "Table is being created:
//   orders"
//
// The Service keeps the last ServiceOptions::journalSize calls (0 keeps none)
// in a ring; recording a call costs a few assignments into a slot recorded
// before. Service::Journal() copies it out, oldest first, as a CallJournal
// that filters and prints itself.
#pragma once

#include <cstddef>     // std::size_t
#include <cstdint>     // int64_t, uint64_t
#include <cstdio>      // std::snprintf
#include <functional>  // std::function
#include <ostream>     // std::ostream
#include <sstream>     // std::ostringstream
#include <string>      // std::string
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/date_time.hpp"  // DateTime
#include "dynafake/faults.hpp"     // detail::JsonQuote

namespace dynafake {

/// Which step of the Service's pipeline decided a call's outcome.
enum class CallCause {
  Served,      ///< the model served it: a success
  Validation,  ///< the request alone was refused (the model's constraints, the operation's own rules)
  FaultRule,   ///< a fault rule answered (Call::faultRule is its id)
  RateLimit,   ///< a documented call rate refused it
  State,       ///< the model refused it from its state: a table CREATING, a backup not found, a key not matching
};

/// "served", "validation", "fault rule", "rate limit", "state".
inline const char* ToString(CallCause cause) {
  switch (cause) {
    case CallCause::Served:
      return "served";
    case CallCause::Validation:
      return "validation";
    case CallCause::FaultRule:
      return "fault rule";
    case CallCause::RateLimit:
      return "rate limit";
    case CallCause::State:
      return "state";
  }
  return "?";
}

inline std::ostream& operator<<(std::ostream& os, CallCause cause) { return os << ToString(cause); }

/// One call as the Service saw and answered it.
struct Call {
  uint64_t sequence = 0;       ///< 1 for the Service's first call; never reused, not after ClearJournal or Reset
  int64_t timeMs = 0;          ///< the Service's clock when the call arrived, in ms since the epoch
  const char* operation = "";  ///< "CreateBackup" (a string of static storage)
  std::string table;           ///< the table the request names (a name or an ARN, as given), or ""
  std::string backup;          ///< the backup ARN the request names, or ""
  bool success = false;
  std::string error;    ///< the exception name, the `__type` without its prefix ("TableInUseException"); "" on success
  std::string message;  ///< the error's message; "" on success
  CallCause cause = CallCause::Served;
  int faultRule = 0;         ///< the id of the fault rule that answered (cause FaultRule), else 0
  double capacityUnits = 0;  ///< the capacity units the answer reports (with ReturnConsumedCapacity), else 0
  bool capacityReported = false;

  DateTime Time() const { return DateTime(timeMs); }

  /// The call on one line, its time as given by `time` ("+0:00:10.000" or an ISO instant):
  /// `#3 +0:00:10.000 CreateBackup table "orders": TableInUseException (state) "Table is being created: orders"`.
  std::string Line(const std::string& time) const {
    std::string s = "#" + std::to_string(sequence) + " " + time + " " + operation;
    if (!table.empty()) s += " table " + detail::JsonQuote(table);
    if (!backup.empty()) s += " backup " + detail::JsonQuote(backup);
    if (success) {
      s += ": ok";
    } else {
      s += ": " + error + " (" + ToString(cause);
      if (cause == CallCause::FaultRule) s += " #" + std::to_string(faultRule);
      s += ")";
      if (!message.empty()) s += " " + detail::JsonQuote(message);
    }
    if (capacityReported) {
      std::ostringstream units;
      units << capacityUnits;
      s += " [" + units.str() + " capacity units]";
    }
    return s;
  }

  /// `#3 2026-01-01T00:00:10.000Z CreateBackup table "orders": ok`
  friend std::ostream& operator<<(std::ostream& os, const Call& call) {
    return os << call.Line(call.Time().ToIso8601());
  }
};

/// `ms` as a signed offset: "+0:00:10.000", "+34d 00:00:00.000", "-0:01:00.000".
inline std::string FormatOffset(int64_t ms) {
  const char sign = ms < 0 ? '-' : '+';
  uint64_t rest = ms < 0 ? 0 - static_cast<uint64_t>(ms) : static_cast<uint64_t>(ms);
  const uint64_t days = rest / 86400000;
  rest %= 86400000;
  char buffer[64];
  const unsigned h = static_cast<unsigned>(rest / 3600000), m = static_cast<unsigned>(rest / 60000 % 60),
                 sec = static_cast<unsigned>(rest / 1000 % 60), milli = static_cast<unsigned>(rest % 1000);
  if (days > 0)
    std::snprintf(buffer, sizeof buffer, "%c%llud %02u:%02u:%02u.%03u", sign, static_cast<unsigned long long>(days), h,
                  m, sec, milli);
  else
    std::snprintf(buffer, sizeof buffer, "%c%u:%02u:%02u.%03u", sign, h, m, sec, milli);
  return buffer;
}

/// Calls of a Service's journal, oldest first: a copy, to read and filter.
///
///     auto failed = service.Journal().Of("CreateBackup").Failed();
///     EXPECT_EQ(failed.size(), 1u) << failed;
class CallJournal {
 public:
  CallJournal() = default;
  explicit CallJournal(std::vector<Call> calls, uint64_t recorded = 0)
      : calls_(std::move(calls)), recorded_(recorded) {}

  const std::vector<Call>& Calls() const { return calls_; }
  std::size_t size() const { return calls_.size(); }
  bool empty() const { return calls_.empty(); }
  std::vector<Call>::const_iterator begin() const { return calls_.begin(); }
  std::vector<Call>::const_iterator end() const { return calls_.end(); }
  const Call& operator[](std::size_t i) const { return calls_[i]; }
  const Call& front() const { return calls_.front(); }
  const Call& back() const { return calls_.back(); }
  /// How many calls the Service had recorded when this copy was taken, those
  /// the ring has let go included (the last sequence number).
  uint64_t Recorded() const { return recorded_; }

  /// The calls that satisfy `keep`.
  CallJournal Where(const std::function<bool(const Call&)>& keep) const {
    std::vector<Call> out;
    for (const auto& c : calls_)
      if (keep(c)) out.push_back(c);
    return CallJournal(std::move(out), recorded_);
  }
  /// The calls after sequence number `sequence` (what ?since= means over HTTP).
  CallJournal Since(uint64_t sequence) const {
    return Where([sequence](const Call& c) { return c.sequence > sequence; });
  }
  /// The calls of one operation ("CreateBackup").
  CallJournal Of(const std::string& operation) const {
    return Where([&operation](const Call& c) { return operation == c.operation; });
  }
  /// The calls naming this table (as the request named it).
  CallJournal ForTable(const std::string& table) const {
    return Where([&table](const Call& c) { return c.table == table; });
  }
  CallJournal Failed() const {
    return Where([](const Call& c) { return !c.success; });
  }
  CallJournal Succeeded() const {
    return Where([](const Call& c) { return c.success; });
  }
  CallJournal WithCause(CallCause cause) const {
    return Where([cause](const Call& c) { return c.cause == cause; });
  }

  /// One line per call, each time as an offset from `originMs` (e.g. the test's start):
  /// `#1 +0:00:00.000 CreateTable table "orders": ok`. "no calls" when empty.
  std::string ToString(int64_t originMs) const {
    if (calls_.empty()) return "no calls";
    std::string out;
    for (const auto& c : calls_) out += (out.empty() ? "" : "\n") + c.Line(FormatOffset(c.timeMs - originMs));
    return out;
  }

  /// One line per call, with ISO instants.
  friend std::ostream& operator<<(std::ostream& os, const CallJournal& journal) {
    if (journal.calls_.empty()) return os << "no calls";
    for (std::size_t i = 0; i < journal.calls_.size(); ++i) os << (i ? "\n" : "") << journal.calls_[i];
    return os;
  }

 private:
  std::vector<Call> calls_;
  uint64_t recorded_ = 0;
};

namespace detail {

/// The ring a Service records its calls in: the last `capacity` calls. Not
/// thread-safe on its own (the Service's lock guards it).
class CallRing {
 public:
  explicit CallRing(std::size_t capacity) : capacity_(capacity) {}

  bool On() const { return capacity_ > 0; }
  std::size_t Capacity() const { return capacity_; }

  /// The slot for the next call, its sequence, time, operation, table and
  /// backup set and the rest reset; null when the journal is off. The slot's
  /// strings keep their buffers, so a full ring records without allocating.
  Call* Next(const char* operation, int64_t timeMs, const std::string& table, const std::string& backup) {
    if (capacity_ == 0) return nullptr;
    if (slots_.size() < capacity_) {
      head_ = slots_.size();
      slots_.emplace_back();
    } else if (++head_ == capacity_) {
      head_ = 0;
    }
    Call& c = slots_[head_];
    c.sequence = ++recorded_;
    c.timeMs = timeMs;
    c.operation = operation;
    c.table = table;
    c.backup = backup;
    c.success = false;
    c.error.clear();
    c.message.clear();
    c.cause = CallCause::Served;
    c.faultRule = 0;
    c.capacityUnits = 0;
    c.capacityReported = false;
    return &c;
  }

  /// Every call held, oldest first.
  CallJournal Copy() const {
    std::vector<Call> out;
    out.reserve(slots_.size());
    const std::size_t n = slots_.size();
    const std::size_t first = n < capacity_ || n == 0 ? 0 : (head_ + 1) % n;
    for (std::size_t i = 0; i < n; ++i) out.push_back(slots_[(first + i) % n]);
    return CallJournal(std::move(out), recorded_);
  }

  /// Forgets every call held; sequence numbers go on.
  void Clear() {
    slots_.clear();
    head_ = 0;
  }

 private:
  std::size_t capacity_;
  std::vector<Call> slots_;
  std::size_t head_ = 0;
  uint64_t recorded_ = 0;
};

}  // namespace detail
}  // namespace dynafake
