// Scenario: restore to a point in time and verify the data.
//
// A bad deploy overwrites and deletes items. With point-in-time recovery on,
// the table can be restored into a new table as it was at any second of the
// window; this program picks the instant before the deploy, restores, and
// compares the restored items with the good state.
#include <dynafake/dynafake.hpp>
#include <dynafake/testing/sandbox.hpp>  // Sandbox: core only, no GoogleTest needed

#include <chrono>
#include <iostream>
#include <map>
#include <string>

namespace M = dynafake::Model;

int main() {
  dynafake::testing::Sandbox fake;
  auto& clock = fake.clock;
  auto& client = fake.client;
  int failures = 0;
  auto check = [&](bool ok, const std::string& what) {
    std::cout << (ok ? "ok   " : "FAIL ") << what << "\n";
    if (!ok) ++failures;
  };
  auto put = [&](const std::string& id, int balance) {
    client.PutItem(M::PutItemRequest()
                       .WithTableName("accounts")
                       .WithItem({{"id", M::AttributeValue(id)}, {"balance", M::AttributeValue().SetN(balance)}}));
  };
  auto balances = [&](const std::string& table) {
    std::map<std::string, std::string> out;
    auto scan = client.Scan(M::ScanRequest().WithTableName(table));
    if (scan.IsSuccess())
      for (const auto& item : scan.GetResult().GetItems()) out[item.at("id").GetS()] = item.at("balance").GetN();
    return out;
  };

  fake.CreateActiveTable("accounts");
  auto enabled = client.UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest()
          .WithTableName("accounts")
          .WithPointInTimeRecoverySpecification(
              M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true).WithRecoveryPeriodInDays(7)));
  check(enabled.IsSuccess(), "PITR enabled with a 7-day recovery period");

  put("alice", 100);
  put("bob", 50);
  clock.Advance(std::chrono::hours(3));
  put("alice", 120);
  const auto good = balances("accounts");
  clock.Advance(std::chrono::minutes(30));
  const dynafake::DateTime beforeDeploy(clock.Now());  // the instant to go back to
  std::cout << "good state at " << beforeDeploy.ToIso8601() << ": alice=" << good.at("alice")
            << " bob=" << good.at("bob") << "\n";

  clock.Advance(std::chrono::minutes(1));  // the bad deploy
  put("alice", -1);
  client.DeleteItem(M::DeleteItemRequest().WithTableName("accounts").WithKey({{"id", M::AttributeValue("bob")}}));
  put("mallory", 1000000);
  clock.Advance(std::chrono::hours(1));

  auto window = client.DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName("accounts"))
                    .GetResult()
                    .GetContinuousBackupsDescription()
                    .GetPointInTimeRecoveryDescription();
  std::cout << "restorable window: " << window.GetEarliestRestorableDateTime().ToIso8601() << " .. "
            << window.GetLatestRestorableDateTime().ToIso8601() << "\n";
  check(window.GetEarliestRestorableDateTime() <= beforeDeploy && beforeDeploy <= window.GetLatestRestorableDateTime(),
        "the instant before the deploy is inside the window");

  auto restored = client.RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                       .WithSourceTableName("accounts")
                                                       .WithTargetTableName("accounts-recovered")
                                                       .WithRestoreDateTime(beforeDeploy));
  check(restored.IsSuccess(), "RestoreTableToPointInTime(accounts -> accounts-recovered)");
  if (!restored.IsSuccess()) return 1;
  const auto& summary = restored.GetResult().GetTableDescription().GetRestoreSummary();
  check(summary.GetRestoreInProgress() && summary.GetRestoreDateTime() == beforeDeploy,
        "RestoreSummary: in progress, to the chosen instant");
  clock.Advance(fake.service.Options().durations.restore);

  const auto recovered = balances("accounts-recovered");
  for (const auto& kv : recovered) std::cout << "  recovered " << kv.first << " = " << kv.second << "\n";
  check(recovered == good, "the recovered table holds exactly the good state");
  check(balances("accounts").count("mallory") == 1, "the source table is untouched");

  auto tooEarly = client.RestoreTableToPointInTime(
      M::RestoreTableToPointInTimeRequest()
          .WithSourceTableName("accounts")
          .WithTargetTableName("accounts-too-early")
          .WithRestoreDateTime(dynafake::DateTime(window.GetEarliestRestorableDateTime().Millis() - 1000)));
  check(!tooEarly.IsSuccess() && tooEarly.GetError().GetExceptionName() == "InvalidRestoreTimeException",
        "a time before the window is InvalidRestoreTimeException");

  std::cout << (failures ? "FAILED\n" : "PASSED\n");
  return failures ? 1 : 0;
}
