// Eight threads call one Service with a seeded mix of operations while a
// ninth moves its clock; afterwards the world must still add up:
//   - every backup (USER and SYSTEM) holds exactly the table's items at an
//     instant inside its CreateBackup call (restored and scanned),
//   - no backup ARN was ever handed out twice,
//   - every backup listed is describable, and the listing holds exactly the
//     backups created and not deleted, plus one SYSTEM backup per delete of
//     a table with point-in-time recovery on,
//   - every table restored during the run holds its backup's items.
// Bounded by a number of calls, not by time: DYNAFAKE_STRESS_CALLS (default
// 500 per thread) runs it longer. The TSan stage of scripts/test.sh runs it
// under ThreadSanitizer.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <dynafake/dynafake.hpp>

#include "worker.hpp"

namespace dynafake_stress {
namespace {

using namespace std::chrono_literals;

constexpr int kThreads = 8;
constexpr int kKeysPerThread = 12;

int CallsPerThread() {
  const char* env = std::getenv("DYNAFAKE_STRESS_CALLS");
  const int n = env ? std::atoi(env) : 0;
  return n > 0 ? n : 500;
}

dynafake::ServiceOptions StressOptions() {
  dynafake::ServiceOptions o;  // short, non-zero transitions: CREATING/DELETING phases overlap the calls
  o.durations.tableCreate = 200ms;
  o.durations.tableDelete = 100ms;
  o.durations.backupCreate = 300ms;
  o.durations.restore = 500ms;
  o.durations.pitrLatestLag = 1s;
  return o;
}

Content ScanAll(dynafake::Client& client, const std::string& table, std::string& error) {
  Content content;
  M::ScanRequest request;
  request.WithTableName(table).WithLimit(7);  // several pages
  for (;;) {
    auto out = client.Scan(request);
    if (!out.IsSuccess()) {
      error = "Scan(" + table + "): " + out.GetError().GetExceptionName() + " " + out.GetError().GetMessage();
      return content;
    }
    for (const auto& item : out.GetResult().GetItems()) content[item.at("pk").GetS()] = item.at("v").GetS();
    if (out.GetResult().GetLastEvaluatedKey().empty()) return content;
    request.WithExclusiveStartKey(out.GetResult().GetLastEvaluatedKey());
  }
}

/// What a backup must hold, by ARN: a possible cut of a shared table, or exact content.
struct Expectation {
  std::string table;
  bool shared = false;
  Interval when;
  Content exact;
};

class Checker {
 public:
  explicit Checker(const std::vector<ThreadLog>& logs) {
    for (const auto& log : logs)
      for (const auto& tableKeys : log.writes)
        for (const auto& kv : tableKeys.second) writes_[tableKeys.first][kv.first] = kv.second;
  }

  std::string Explain(const Expectation& e, const Content& found) const {
    if (!e.shared) return found == e.exact ? "" : "content differs from the churn table's items at the backup";
    const auto it = writes_.find(e.table);
    static const std::map<std::string, KeyLog> none;
    return ExplainImpossibleCut(it == writes_.end() ? none : it->second, e.when, found);
  }

 private:
  std::map<std::string, std::map<std::string, KeyLog>> writes_;
};

TEST(Stress, EightThreadsMixedCallsKeepEveryBackupTrue) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, StressOptions());
  dynafake::Client client(service);
  for (const auto& name : SharedTables()) {
    ASSERT_TRUE(client.CreateTable(KeyedTable(name)).IsSuccess());
  }
  clock.Advance(1s);
  for (const auto& name : SharedTables()) {
    ASSERT_TRUE(client
                    .UpdateContinuousBackups(
                        M::UpdateContinuousBackupsRequest().WithTableName(name).WithPointInTimeRecoverySpecification(
                            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                    .IsSuccess());
  }

  Tickets tickets;
  std::atomic<int64_t> clockMark{0};
  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < kThreads; ++t)
    workers.push_back(std::make_unique<Worker>(service, tickets, clockMark, t, kKeysPerThread));
  const int calls = CallsPerThread();
  std::atomic<int> running{kThreads};
  std::atomic<long> advances{0};
  // The clock moves from its own thread, paced by the calls (about one step
  // per four calls; workers wait for it when it lags) so that transitions
  // overlap the calls around them.
  std::thread ticker([&] {
    std::mt19937 rng(7);
    while (running.load() > 0) {
      if (tickets.Taken() >= clockMark.load() + 8) {
        const int64_t now = tickets.Taken();
        clock.Advance(std::chrono::milliseconds(1 + rng() % 120));
        ++advances;
        clockMark.store(now);
      }
      std::this_thread::yield();
    }
  });
  std::vector<std::thread> threads;
  for (auto& w : workers)
    threads.emplace_back([&, worker = w.get()] {
      worker->Run(calls);
      --running;
    });
  for (auto& th : threads) th.join();
  ticker.join();

  std::vector<ThreadLog> logs;
  for (auto& w : workers) logs.push_back(std::move(w->Log()));
  std::map<std::string, int> answers;
  int total = 0;
  for (const auto& log : logs) {
    for (const auto& v : log.violations) ADD_FAILURE() << v;
    for (const auto& kv : log.answers) answers[kv.first] += kv.second;
    total += log.calls;
  }
  std::cout << "[stress] " << total << " calls on " << kThreads << " threads, " << advances.load()
            << " clock advances from another thread\n";
  for (const auto& kv : answers) std::cout << "[stress]   " << kv.first << " x" << kv.second << "\n";

  // Let every transition finish: backups AVAILABLE, restores ACTIVE, deletes done.
  clock.Advance(1h);

  // No ARN handed out twice; the expected live backups.
  std::map<std::string, Expectation> expected;  // live USER backups
  std::map<std::string, Expectation> everCreated;
  std::set<std::string> allArns;
  for (const auto& log : logs)
    for (const auto& b : log.backups) {
      EXPECT_TRUE(allArns.insert(b.arn).second) << "ARN handed out twice: " << b.arn;
      everCreated[b.arn] = Expectation{b.table, b.shared, b.when, b.exact};
      if (!log.deletedBackups.count(b.arn)) expected[b.arn] = everCreated[b.arn];
    }
  ASSERT_GT(expected.size(), 10u) << "the mix created too few backups to check anything";

  // The listing: exactly the live USER backups plus the SYSTEM ones, all describable.
  std::map<std::string, std::vector<std::string>> systemByTable;  // in creation order
  std::set<std::string> listedUser;
  M::ListBackupsRequest list;
  list.WithBackupType(M::BackupTypeFilter::ALL);
  for (;;) {
    auto out = client.ListBackups(list);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    for (const auto& s : out.GetResult().GetBackupSummaries()) {
      auto described = client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(s.GetBackupArn()));
      ASSERT_TRUE(described.IsSuccess()) << "listed but not describable: " << s.GetBackupArn() << ": "
                                         << described.GetError();
      EXPECT_EQ(described.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(),
                M::BackupStatus::AVAILABLE);
      if (s.GetBackupType() == M::BackupType::SYSTEM) {
        EXPECT_TRUE(allArns.insert(s.GetBackupArn()).second) << "SYSTEM backup reuses an ARN: " << s.GetBackupArn();
        systemByTable[s.GetTableName()].push_back(s.GetBackupArn());
      } else {
        listedUser.insert(s.GetBackupArn());
      }
    }
    if (out.GetResult().GetLastEvaluatedBackupArn().empty()) break;
    list.WithExclusiveStartBackupArn(out.GetResult().GetLastEvaluatedBackupArn());
  }
  std::set<std::string> expectedUser;
  for (const auto& kv : expected) expectedUser.insert(kv.first);
  EXPECT_EQ(listedUser, expectedUser);
  std::size_t systemCount = 0;
  for (const auto& log : logs) {
    const auto& arns = systemByTable[log.churnTable];
    ASSERT_EQ(arns.size(), log.systemBackups.size()) << "SYSTEM backups of " << log.churnTable;
    for (std::size_t i = 0; i < arns.size(); ++i)
      expected[arns[i]] = Expectation{log.churnTable, false, {}, log.systemBackups[i]};
    systemCount += arns.size();
  }

  // Every backup holds its table's items at its cut: restore, scan, compare.
  Checker checker(logs);
  int restoredChecks = 0;
  std::vector<std::pair<std::string, std::string>> batch;  // (target, arn)
  auto flush = [&] {
    clock.Advance(1h);
    for (const auto& tb : batch) {
      std::string error;
      const Content found = ScanAll(client, tb.first, error);
      ASSERT_EQ(error, "");
      EXPECT_EQ(checker.Explain(expected.at(tb.second), found), "") << "backup " << tb.second;
      auto d = client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(tb.second));
      ASSERT_TRUE(d.IsSuccess());
      EXPECT_EQ(d.GetResult().GetBackupDescription().GetSourceTableDetails().GetItemCount(),
                static_cast<long long>(found.size()))
          << "ItemCount of " << tb.second;
      ASSERT_TRUE(client.DeleteTable(M::DeleteTableRequest().WithTableName(tb.first)).IsSuccess());
      ++restoredChecks;
    }
    batch.clear();
    clock.Advance(1h);
  };
  for (const auto& kv : expected) {
    const std::string target = "check-" + std::to_string(restoredChecks + static_cast<int>(batch.size()));
    auto out = client.RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithTargetTableName(target).WithBackupArn(kv.first));
    ASSERT_TRUE(out.IsSuccess()) << kv.first << ": " << out.GetError();
    batch.emplace_back(target, kv.first);
    if (batch.size() == 40) flush();  // under the 50 concurrent restores limit
  }
  flush();

  // Tables restored while the threads ran hold their backup's items too.
  int mixRestores = 0;
  for (const auto& log : logs)
    for (const auto& r : log.restores) {
      std::string error;
      const Content found = ScanAll(client, r.first, error);
      ASSERT_EQ(error, "");
      EXPECT_EQ(checker.Explain(everCreated.at(r.second), found), "")
          << "table " << r.first << " restored from " << r.second;
      ++mixRestores;
    }
  std::cout << "[stress] checked " << restoredChecks << " backups (" << systemCount << " SYSTEM) by restore and scan, "
            << mixRestores << " tables restored during the run\n";
}

}  // namespace
}  // namespace dynafake_stress
