// dynafake's main demo: a nightly backup job tested against the fake, with the
// situations the cloud produces but a unit test cannot normally script —
// a table still CREATING, the 51st call in a second, an injected
// InternalServerError, and the 35-day life of a deleted table's SYSTEM backup.
// Runs in microseconds; prints what happens; exits non-zero if anything
// differs from what DynamoDB does.
#include <dynafake/dynafake.hpp>
#include <dynafake/testing/sandbox.hpp>  // Sandbox, HashKeyTable: core only, no GoogleTest needed

#include <chrono>
#include <cstdio>
#include <string>

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using namespace std::chrono_literals;

static int failures = 0;
static void Check(bool ok, const std::string& what) {
  std::printf("  [%s] %s\n", ok ? "ok" : "FAILED", what.c_str());
  if (!ok) ++failures;
}

/// The code under test: back up a table, retrying on the errors the service
/// documents as transient. Written against ClientInterface, so production can
/// pass an adapter over aws-sdk-cpp and tests pass dynafake.
static M::CreateBackupOutcome BackupWithRetry(const dynafake::ClientInterface& client, dynafake::ManualClock& clock,
                                              const std::string& table, const std::string& name, int& attempts) {
  for (attempts = 1;; ++attempts) {
    auto out = client.CreateBackup(M::CreateBackupRequest().WithTableName(table).WithBackupName(name));
    if (out.IsSuccess() || attempts == 5) return out;
    const auto type = out.GetError().GetErrorType();
    if (type != DynamoDBErrors::TABLE_IN_USE && type != DynamoDBErrors::LIMIT_EXCEEDED && !out.GetError().ShouldRetry())
      return out;
    clock.Advance(5s);  // the job's back-off; in production this would be a sleep
  }
}

int main() {
  dynafake::testing::Sandbox fake;  // realistic durations: tables take 10 s to create
  auto& clock = fake.clock;         // 2026-01-01T00:00:00Z until the test moves it
  auto& client = fake.client;
  using dynafake::testing::HashKeyTable;

  std::puts("1. The table is still CREATING: CreateBackup answers TableInUseException, the job retries.");
  client.CreateTable(HashKeyTable("orders"));
  int attempts = 0;
  auto first = BackupWithRetry(client, clock, "orders", "nightly-0001", attempts);
  Check(first.IsSuccess() && attempts == 3,
        "backed up after " + std::to_string(attempts) + " attempts (table ACTIVE after 10 s)");
  const std::string arn = first.GetResult().GetBackupDetails().GetBackupArn();
  std::printf("     %s\n", arn.c_str());
  Check(first.GetResult().GetBackupDetails().GetBackupStatus() == M::BackupStatus::CREATING,
        "the new backup is CREATING");
  clock.Advance(30s);
  auto described = client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  Check(described.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus() == M::BackupStatus::AVAILABLE,
        "30 s later it is AVAILABLE");

  std::puts("2. The 51st CreateBackup call in one second is refused with LimitExceededException.");
  for (int i = 0; i < 50; ++i) client.CreateTable(HashKeyTable("shard-" + std::to_string(i)));
  clock.Advance(10s);
  int accepted = 0;
  for (int i = 0; i < 50; ++i)
    accepted +=
        client
            .CreateBackup(M::CreateBackupRequest().WithTableName("shard-" + std::to_string(i)).WithBackupName("burst"))
            .IsSuccess();
  auto throttled = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("burst"));
  Check(
      accepted == 50 && !throttled.IsSuccess() && throttled.GetError().GetErrorType() == DynamoDBErrors::LIMIT_EXCEEDED,
      "50 accepted, the 51st: " +
          (throttled.IsSuccess() ? std::string("accepted") : throttled.GetError().GetExceptionName()));

  std::puts(
      "3. A fault rule makes the next call on \"orders\" fail with InternalServerError (HTTP 500); the job retries "
      "it.");
  clock.Advance(1min);
  fake.service.Faults().Add(dynafake::FaultRule::On<M::CreateBackupRequest>().ForTable("orders").Once().Fail(
      DynamoDBErrors::INTERNAL_FAILURE));
  auto retried = BackupWithRetry(client, clock, "orders", "nightly-0002", attempts);
  Check(retried.IsSuccess() && attempts == 2,
        "InternalServerError is retryable: succeeded on attempt " + std::to_string(attempts));

  std::puts("4. Deleting a table with point-in-time recovery on leaves a SYSTEM backup for 35 days.");
  client.UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest().WithTableName("shard-0").WithPointInTimeRecoverySpecification(
          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
  client.DeleteTable(M::DeleteTableRequest().WithTableName("shard-0"));
  auto system =
      client.ListBackups(M::ListBackupsRequest().WithTableName("shard-0").WithBackupType(M::BackupTypeFilter::SYSTEM));
  const auto& summaries = system.GetResult().GetBackupSummaries();
  Check(summaries.size() == 1 && summaries[0].GetBackupName() == "shard-0$DeletedTableBackup",
        "SYSTEM backup " + (summaries.empty() ? std::string("missing") : summaries[0].GetBackupName()) + ", expires " +
            (summaries.empty() ? std::string() : summaries[0].GetBackupExpiryDateTime().ToIso8601()));
  clock.Advance(std::chrono::hours(24 * 35));
  auto gone = client.DescribeBackup(
      M::DescribeBackupRequest().WithBackupArn(summaries.empty() ? "missing" : summaries[0].GetBackupArn()));
  Check(!gone.IsSuccess() && gone.GetError().GetErrorType() == DynamoDBErrors::BACKUP_NOT_FOUND,
        "35 days later: " + (gone.IsSuccess() ? std::string("still there") : gone.GetError().GetExceptionName()));

  std::printf("%s\n",
              failures == 0 ? "demo passed: every answer matched DynamoDB's documented behaviour" : "demo FAILED");
  return failures == 0 ? 0 : 1;
}
