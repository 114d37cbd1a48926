// dynafake — JournalPrinter: a GoogleTest listener that prints, when a test
// fails, the journal of every Sandbox the test made: one line a call, its time
// as an offset from the Sandbox's start.
//
//   [ dynafake ] journal of a Sandbox of Scenarios.BackupWaitsForTheTable (3 calls, times from its start):
//   #1 +0:00:00.000 CreateTable table "orders": ok
//   #2 +0:00:00.000 CreateBackup table "orders": TableInUseException (state) "Table is being created: orders"
//   #3 +0:00:10.000 CreateBackup table "orders": ok
//
// Installed before main by including dynafake/testing.hpp; a Service of your
// own gets the same with a `PrintJournalOnFailure` guard. Part of
// dynafake/testing.hpp (namespace dynafake::testing).
#pragma once

#include <chrono>    // std::chrono
#include <cstdint>   // int64_t
#include <iostream>  // std::cout
#include <string>    // std::string
#include <utility>   // std::move
#include <vector>    // std::vector

#include <gtest/gtest.h>

#include "dynafake/journal.hpp"          // CallJournal
#include "dynafake/service.hpp"          // Service
#include "dynafake/testing/sandbox.hpp"  // detail::OnSandboxEnd

namespace dynafake {
namespace testing {

class JournalPrinter : public ::testing::EmptyTestEventListener {
 public:
  /// The text printed for one Service's journal: a heading naming the test and one line a call.
  static std::string Format(const CallJournal& journal, int64_t startMs, const std::string& test, bool journalOn) {
    std::string out = "[ dynafake ] journal of " + test;
    if (!journalOn) return out + ": off (ServiceOptions::journalSize is 0)\n";
    out += " (" + std::to_string(journal.size()) + (journal.size() == 1 ? " call" : " calls");
    if (!journal.empty() && journal.front().sequence > 1)
      out += ", the " + std::to_string(journal.front().sequence - 1) + " before them no longer kept";
    out += ", times from its start):\n";
    return out + journal.ToString(startMs) + "\n";
  }

  /// Keeps `service`'s journal for printing when the current test has failed;
  /// `what` names it in the heading ("a Sandbox").
  static void Capture(Service& service, int64_t startMs, const std::string& what) {
    if (!::testing::Test::HasFailure()) return;
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "a test";
    Pending().push_back(Format(service.Journal(), startMs, what + " of " + test, service.Options().journalSize > 0));
  }

  /// The journals captured for the test running now (printed and cleared when it ends).
  static std::vector<std::string>& Pending() {
    static std::vector<std::string> pending;
    return pending;
  }

  void OnTestStart(const ::testing::TestInfo&) override { Pending().clear(); }
  void OnTestEnd(const ::testing::TestInfo& info) override {
    if (info.result() && info.result()->Failed())
      for (const auto& text : Pending()) std::cout << text << std::flush;
    Pending().clear();
  }
};

/// For a Service a test makes itself (a Sandbox needs none): when the test
/// has failed by the time the guard ends, its journal is printed with the failure.
///
///     dynafake::Service service(clock);
///     dynafake::testing::PrintJournalOnFailure journal(service);
class PrintJournalOnFailure {
 public:
  explicit PrintJournalOnFailure(Service& service)
      : service_(service),
        startMs_(std::chrono::duration_cast<std::chrono::milliseconds>(service.GetClock().Now().time_since_epoch())
                     .count()) {}
  PrintJournalOnFailure(const PrintJournalOnFailure&) = delete;
  PrintJournalOnFailure& operator=(const PrintJournalOnFailure&) = delete;
  ~PrintJournalOnFailure() { JournalPrinter::Capture(service_, startMs_, "a Service"); }

 private:
  Service& service_;
  int64_t startMs_;
};

namespace detail {
/// Appends a JournalPrinter to GoogleTest's listeners and lets Sandboxes reach it; once.
inline bool InstallJournalPrinter() {
  static const bool installed = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new JournalPrinter);
    OnSandboxEnd() = [](Service& service, int64_t startMs) { JournalPrinter::Capture(service, startMs, "a Sandbox"); };
    return true;
  }();
  return installed;
}
/// Before main, in every program that includes dynafake/testing.hpp.
inline const bool kJournalPrinterInstalled = InstallJournalPrinter();
}  // namespace detail

}  // namespace testing
}  // namespace dynafake
