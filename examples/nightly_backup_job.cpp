// Scenario: a nightly backup job retries on TableInUse and LimitExceeded.
//
// The job backs up a list of tables. DynamoDB refuses a backup of a table that
// is still being created (TableInUseException) and answers LimitExceededException
// when the account is busy; a well-behaved job backs off and tries again. Here
// both happen on a ManualClock, so the test runs in microseconds: "orders" is
// still CREATING when the job starts (from state, no script), and a fault rule
// makes the first two CreateBackup calls for "invoices" fail with
// LimitExceededException. The job's sleep moves the clock instead of sleeping.
#include <dynafake/dynafake.hpp>
#include <dynafake/testing/sandbox.hpp>  // Sandbox, HashKeyTable: core only, no GoogleTest needed

#include <chrono>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;

// ---- the production code under test: written against the client interface

struct JobReport {
  std::string table;
  int attempts = 0;
  std::string backupArn;  // empty when the job gave up
};

/// Backs up every table; retries TableInUse and LimitExceeded with exponential
/// backoff (1 s, 2 s, 4 s, ...), at most `maxAttempts` calls per table.
std::vector<JobReport> RunNightlyBackups(const dynafake::ClientInterface& client,
                                         const std::vector<std::string>& tables,
                                         const std::function<void(std::chrono::seconds)>& sleep, int maxAttempts = 6) {
  std::vector<JobReport> report;
  for (const auto& table : tables) {
    JobReport r;
    r.table = table;
    std::chrono::seconds delay(1);
    while (r.attempts < maxAttempts) {
      ++r.attempts;
      auto out = client.CreateBackup(M::CreateBackupRequest().WithTableName(table).WithBackupName(table + "-nightly"));
      if (out.IsSuccess()) {
        r.backupArn = out.GetResult().GetBackupDetails().GetBackupArn();
        break;
      }
      const auto type = out.GetError().GetErrorType();
      std::cout << "  " << table << ": attempt " << r.attempts << " failed with " << out.GetError().GetExceptionName()
                << "\n";
      if (type != DynamoDBErrors::TABLE_IN_USE && type != DynamoDBErrors::LIMIT_EXCEEDED) break;  // not retryable
      sleep(delay);
      delay *= 2;
    }
    report.push_back(r);
  }
  return report;
}

// ---- the test

int main() {
  dynafake::testing::Sandbox fake;  // realistic durations: CreateTable takes 10 s
  auto& clock = fake.clock;
  auto& client = fake.client;
  using dynafake::testing::HashKeyTable;
  int failures = 0;
  auto check = [&](bool ok, const std::string& what) {
    std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
    if (!ok) ++failures;
  };

  fake.CreateActiveTable("customers");
  fake.CreateActiveTable("invoices");
  client.CreateTable(HashKeyTable("orders"));  // still CREATING when the job starts

  // The account is busy: the first two backups of "invoices" hit the limit.
  // A scoped rule: it is removed when `rule` goes out of scope.
  const auto rule = fake.service.Faults().AddScoped(dynafake::FaultRule::On<M::CreateBackupRequest>()
                                                        .ForTable("invoices")
                                                        .Times(2)
                                                        .Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  std::cout << "fault rules:\n" << fake.service.Faults() << "\n";

  std::cout << "running the nightly job at " << dynafake::DateTime(clock.Now()).ToIso8601() << "\n";
  const auto started = clock.Now();
  const auto report =
      RunNightlyBackups(client, {"orders", "invoices", "customers"}, [&](std::chrono::seconds d) { clock.Advance(d); });
  std::cout << "job finished after " << std::chrono::duration_cast<std::chrono::seconds>(clock.Now() - started).count()
            << " s of fake time\n";

  for (const auto& r : report)
    std::cout << "  " << r.table << ": " << r.attempts << " attempt(s), backup " << r.backupArn << "\n";
  check(report.size() == 3, "the job reports every table");
  check(report[0].table == "orders" && !report[0].backupArn.empty() && report[0].attempts == 5,
        "orders: TableInUse while CREATING, backed up on the 5th attempt (after 1+2+4+8 s)");
  check(report[1].table == "invoices" && !report[1].backupArn.empty() && report[1].attempts == 3,
        "invoices: LimitExceeded twice, backed up on the 3rd attempt");
  check(report[2].table == "customers" && !report[2].backupArn.empty() && report[2].attempts == 1,
        "customers: backed up at once");
  check(rule.Fired() == 2, "the fault rule fired exactly twice");

  auto listed = client.ListBackups(M::ListBackupsRequest());
  check(listed.IsSuccess() && listed.GetResult().GetBackupSummaries().size() == 3,
        "ListBackups shows three USER backups");

  // A job that gives up: a table that does not exist is not retried.
  const auto missing = RunNightlyBackups(client, {"missing"}, [&](std::chrono::seconds d) { clock.Advance(d); });
  check(missing[0].attempts == 1 && missing[0].backupArn.empty(), "TableNotFound is not retried");

  std::cout << (failures ? "FAILED\n" : "PASSED\n");
  return failures ? 1 : 0;
}
