// dynafake — Sandbox: a ManualClock, a Service on it and a Client of it, in
// one line, and a table made ACTIVE in another.
//
//   dynafake::testing::Sandbox fake(dynafake::ServiceOptions::Instant());
//   fake.CreateActiveTable(dynafake::testing::HashKeyTable("orders"));
//   fake.client.CreateBackup(...);  fake.clock.Advance(1s);  fake.service.Faults().Add(...);
//
// Part of dynafake/testing.hpp (namespace dynafake::testing).
#pragma once

#include <chrono>     // std::chrono
#include <cstdint>    // int64_t
#include <sstream>    // std::ostringstream
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <utility>    // std::move

#include "dynafake/client.hpp"          // Client
#include "dynafake/clock.hpp"           // ManualClock
#include "dynafake/options.hpp"         // ServiceOptions
#include "dynafake/service.hpp"         // Service
#include "dynafake/testing/tables.hpp"  // HashKeyTable

namespace dynafake {
namespace testing {

namespace detail {
/// What a Sandbox calls as it ends, with its Service and the clock's time at
/// its start (ms since the epoch). dynafake/testing/journal_printer.hpp sets it
/// to keep the journal of a failed test; without GoogleTest it stays null.
using SandboxEndHook = void (*)(Service& service, int64_t startMs);
inline SandboxEndHook& OnSandboxEnd() {
  static SandboxEndHook hook = nullptr;
  return hook;
}
}  // namespace detail

/// A fresh fake DynamoDB for one test: `clock` (a ManualClock at
/// 2026-01-01T00:00:00Z), `service` on it with the given options (by default
/// the Service's own: realistic durations, tables CREATING for 10 s) and
/// `client`, a typed Client of it. Use it as a local, or as a base of a
/// GoogleTest fixture (`class MyTest : public ::testing::Test, protected Sandbox {}`).
/// Neither copyable nor movable: the Service points at the clock, the client at the Service.
struct Sandbox {
  Sandbox() : Sandbox(ServiceOptions()) {}
  explicit Sandbox(ServiceOptions options) : service(clock, std::move(options)), client(service) {}
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  /// In a GoogleTest test that has failed, hands the journal to
  /// JournalPrinter (dynafake/testing.hpp), which prints it with the failure.
  ~Sandbox() {
    if (const auto hook = detail::OnSandboxEnd()) hook(service, startMs_);
  }

  /// Creates the table and moves the clock on until it is ACTIVE (by
  /// `Durations::tableCreate`; not at all with ServiceOptions::Instant()).
  /// Returns its description. When the table cannot be created — the request
  /// is invalid, the table exists, a fault rule fired — it throws
  /// std::runtime_error with the service's error, so the test stops there
  /// (GoogleTest reports the exception and its text as the failure).
  Model::TableDescription CreateActiveTable(const Model::CreateTableRequest& request) {
    const auto created = client.CreateTable(request);
    if (!created.IsSuccess()) Fail(request.GetTableName(), "CreateTable answered ", created.GetError());
    clock.Advance(service.Options().durations.tableCreate);
    const auto described = client.DescribeTable(Model::DescribeTableRequest().WithTableName(request.GetTableName()));
    if (!described.IsSuccess()) Fail(request.GetTableName(), "DescribeTable answered ", described.GetError());
    const Model::TableDescription& table = described.GetResult().GetTable();
    if (table.GetTableStatus() != Model::TableStatus::ACTIVE)
      Fail(request.GetTableName(), "the table is not ACTIVE but ",
           Model::TableStatusMapper::GetNameForTableStatus(table.GetTableStatus()));
    return table;
  }
  /// The same for HashKeyTable(name): a table keyed by a string `id`.
  Model::TableDescription CreateActiveTable(const std::string& name) { return CreateActiveTable(HashKeyTable(name)); }
  Model::TableDescription CreateActiveTable(const char* name) { return CreateActiveTable(HashKeyTable(name)); }

  ManualClock clock;
  Service service;
  Client client;

  /// The clock's time when the Sandbox was made (ms since the epoch): where a printed journal counts from.
  int64_t StartMs() const { return startMs_; }

 private:
  int64_t startMs_ = std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now().time_since_epoch()).count();

  template <class What>
  [[noreturn]] static void Fail(const std::string& table, const char* step, const What& what) {
    std::ostringstream os;
    os << "dynafake::testing::Sandbox::CreateActiveTable(\"" << table << "\"): " << step << what;
    throw std::runtime_error(os.str());
  }
};

}  // namespace testing
}  // namespace dynafake
