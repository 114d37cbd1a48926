// One thread of the stress test: a seeded random mix of calls on a shared
// Service, and the record of what each call answered, for the checks made
// after every thread has finished (service_stress_test.cpp).
//
// Tables: the two shared tables are written by every thread, each thread on
// its own keys (so each key has a single writer; see write_log.hpp), backed
// up and restored by all. Each thread also owns a "churn" table it alone
// creates, writes, backs up, protects with point-in-time recovery and
// deletes again (each delete with PITR on leaves a SYSTEM backup), so the
// exact content of every backup of it is known.
#pragma once

#include <dynafake/dynafake.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "write_log.hpp"

namespace dynafake_stress {

namespace M = dynafake::Model;

inline const std::vector<std::string>& SharedTables() {
  static const std::vector<std::string> names{"shared-a", "shared-b"};
  return names;
}

inline M::CreateTableRequest KeyedTable(const std::string& name) {
  return M::CreateTableRequest()
      .WithTableName(name)
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH)})
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("pk").WithAttributeType(M::ScalarAttributeType::S)})
      .WithBillingMode(M::BillingMode::PAY_PER_REQUEST);
}

/// A USER backup some thread created: when, of what, and (for a churn table)
/// exactly what it holds.
struct BackupRecord {
  std::string arn;
  std::string table;
  Interval when;
  bool shared = false;
  Content exact;
};

/// Everything one thread did that the final checks need.
struct ThreadLog {
  std::map<std::string, std::map<std::string, KeyLog>> writes;  ///< shared table -> key -> writes
  std::vector<BackupRecord> backups;
  std::set<std::string> deletedBackups;
  std::map<std::string, std::string> restores;  ///< live restore target -> backup ARN it came from
  std::string churnTable;
  std::vector<Content> systemBackups;   ///< the churn table's content at each delete with PITR on
  std::vector<std::string> violations;  ///< invariants broken while running
  std::map<std::string, int> answers;   ///< "Operation: outcome" -> count
  int calls = 0;
};

class Worker {
 public:
  /// `clockMark` is the ticket count when the clock last moved: a worker more
  /// than kClockLag tickets ahead of it yields until the clock thread has
  /// caught up, so time moves with the calls however the threads are scheduled.
  Worker(dynafake::Service& service, Tickets& tickets, const std::atomic<int64_t>& clockMark, int index, int keys)
      : client_(service),
        tickets_(tickets),
        clockMark_(clockMark),
        index_(index),
        keys_(keys),
        rng_(20260101u + static_cast<unsigned>(index)) {
    log_.churnTable = "churn-" + std::to_string(index);
  }

  static constexpr int64_t kClockLag = 16;

  void Run(int calls) {
    for (int i = 0; i < calls; ++i) {
      while (tickets_.Taken() > clockMark_.load() + kClockLag) std::this_thread::yield();
      Step();
    }
  }

  ThreadLog& Log() { return log_; }

 private:
  template <class Outcome>
  bool Note(const char* op, const Outcome& out) {
    ++log_.calls;
    const std::string what = out.IsSuccess() ? "ok" : out.GetError().GetExceptionName();
    ++log_.answers[std::string(op) + ": " + what];
    // Every request here is well formed: the service may refuse it because of
    // state, limits or time, never as invalid input or by failing itself.
    if (!out.IsSuccess() && (out.GetError().GetErrorType() == dynafake::DynamoDBErrors::VALIDATION ||
                             out.GetError().GetResponseCode() >= 500))
      Violation(std::string(op) + " answered " + what + ": " + out.GetError().GetMessage());
    return out.IsSuccess();
  }
  void Violation(std::string what) { log_.violations.push_back("thread " + std::to_string(index_) + ": " + what); }
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  std::string Next(const char* prefix) { return prefix + std::to_string(index_) + "-" + std::to_string(++serial_); }

  void Step() {
    const int dice = Pick(100);
    if (dice < 32)
      WriteShared();
    else if (dice < 42)
      WriteChurn();
    else if (dice < 55)
      Backup();
    else if (dice < 61)
      ListAllPages();
    else if (dice < 66)
      DescribeOwn();
    else if (dice < 70)
      DeleteOwnBackup();
    else if (dice < 77)
      RestoreOwn();
    else if (dice < 80)
      RestoreToPointInTime();
    else if (dice < 88)
      ChurnLifecycle();
    else if (dice < 92)
      DeleteRestoredTable();
    else
      ScanShared();
  }

  void WriteShared() {
    const std::string& table = SharedTables()[static_cast<std::size_t>(Pick(2))];
    const std::string key = "k" + std::to_string(index_) + "-" + std::to_string(Pick(keys_));
    const bool del = Pick(5) == 0;
    const std::string value = std::to_string(++serial_);
    Interval when;
    when.start = tickets_.Take();
    bool ok;
    if (del) {
      ok = Note(
          "DeleteItem",
          client_.DeleteItem(M::DeleteItemRequest().WithTableName(table).WithKey({{"pk", M::AttributeValue(key)}})));
    } else {
      ok = Note("PutItem", client_.PutItem(M::PutItemRequest().WithTableName(table).WithItem(
                               {{"pk", M::AttributeValue(key)}, {"v", M::AttributeValue(value)}})));
    }
    when.end = tickets_.Take();
    if (!ok) {
      Violation("a write to the always-ACTIVE table " + table + " failed");
      return;
    }
    log_.writes[table][key].push_back(Write{when, del ? std::nullopt : std::optional<std::string>(value)});
  }

  void WriteChurn() {
    const std::string key = "c" + std::to_string(Pick(keys_));
    if (Pick(4) == 0) {
      if (Note("DeleteItem",
               client_.DeleteItem(
                   M::DeleteItemRequest().WithTableName(log_.churnTable).WithKey({{"pk", M::AttributeValue(key)}}))))
        churn_.erase(key);
      return;
    }
    const std::string value = std::to_string(++serial_);
    if (Note("PutItem",
             client_.PutItem(M::PutItemRequest()
                                 .WithTableName(log_.churnTable)
                                 .WithItem({{"pk", M::AttributeValue(key)}, {"v", M::AttributeValue(value)}}))))
      churn_[key] = value;
  }

  void Backup() {
    const bool shared = Pick(3) != 0;
    BackupRecord b;
    b.table = shared ? SharedTables()[static_cast<std::size_t>(Pick(2))] : log_.churnTable;
    b.shared = shared;
    b.exact = churn_;
    b.when.start = tickets_.Take();
    auto out = client_.CreateBackup(M::CreateBackupRequest().WithTableName(b.table).WithBackupName(Next("b")));
    b.when.end = tickets_.Take();
    if (!Note("CreateBackup", out)) return;
    b.arn = out.GetResult().GetBackupDetails().GetBackupArn();
    log_.backups.push_back(std::move(b));
  }

  const BackupRecord* OwnLive() {
    std::vector<const BackupRecord*> live;
    for (const auto& b : log_.backups)
      if (!log_.deletedBackups.count(b.arn)) live.push_back(&b);
    return live.empty() ? nullptr : live[static_cast<std::size_t>(Pick(static_cast<int>(live.size())))];
  }

  void DescribeOwn() {
    const BackupRecord* b = OwnLive();
    if (!b) return;
    auto out = client_.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(b->arn));
    if (!Note("DescribeBackup", out)) {
      Violation("its own live backup " + b->arn + " is not describable");
    } else if (out.GetResult().GetBackupDescription().GetBackupDetails().GetBackupArn() != b->arn) {
      Violation("DescribeBackup(" + b->arn + ") described another backup");
    }
  }

  void DeleteOwnBackup() {
    const BackupRecord* b = OwnLive();
    if (!b) return;
    const std::string arn = b->arn;
    if (Note("DeleteBackup", client_.DeleteBackup(M::DeleteBackupRequest().WithBackupArn(arn))))
      log_.deletedBackups.insert(arn);
  }

  void RestoreOwn() {
    const BackupRecord* b = OwnLive();
    if (!b) return;
    const std::string target = Next("r");
    if (Note("RestoreTableFromBackup",
             client_.RestoreTableFromBackup(
                 M::RestoreTableFromBackupRequest().WithTargetTableName(target).WithBackupArn(b->arn))))
      log_.restores[target] = b->arn;
  }

  void RestoreToPointInTime() {
    const std::string& source = SharedTables()[static_cast<std::size_t>(Pick(2))];
    Note("RestoreTableToPointInTime", client_.RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                                            .WithSourceTableName(source)
                                                                            .WithTargetTableName(Next("p"))
                                                                            .WithUseLatestRestorableTime(true)));
  }

  void DeleteRestoredTable() {
    if (log_.restores.empty()) return;
    auto it = log_.restores.begin();
    std::advance(it, Pick(static_cast<int>(log_.restores.size())));
    if (Note("DeleteTable", client_.DeleteTable(M::DeleteTableRequest().WithTableName(it->first))))
      log_.restores.erase(it);
  }

  /// Create the churn table, turn PITR on, delete it (leaving a SYSTEM backup), again.
  void ChurnLifecycle() {
    if (!churnExists_) {
      churnExists_ = Note("CreateTable", client_.CreateTable(KeyedTable(log_.churnTable)));
    } else if (!pitrOn_ && Pick(4) != 0) {
      pitrOn_ = Note("UpdateContinuousBackups",
                     client_.UpdateContinuousBackups(
                         M::UpdateContinuousBackupsRequest()
                             .WithTableName(log_.churnTable)
                             .WithPointInTimeRecoverySpecification(
                                 M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true))));
    } else if (Note("DeleteTable", client_.DeleteTable(M::DeleteTableRequest().WithTableName(log_.churnTable)))) {
      if (pitrOn_) log_.systemBackups.push_back(churn_);
      churn_.clear();
      churnExists_ = pitrOn_ = false;
    }
  }

  /// Pages through ListBackups; a sweep lists no backup twice and in the
  /// documented order, and every backup of this thread it lists is describable.
  void ListAllPages() {
    M::ListBackupsRequest request;
    request.WithBackupType(M::BackupTypeFilter::ALL).WithLimit(1 + Pick(40));
    if (Pick(3) == 0) request.WithTableName(SharedTables()[0]);
    std::set<std::string> seen;
    std::pair<int64_t, std::string> last{INT64_MIN, ""};
    for (int page = 0; page < 10000; ++page) {
      auto out = client_.ListBackups(request);
      if (!Note("ListBackups", out)) return;
      for (const auto& s : out.GetResult().GetBackupSummaries()) {
        const std::pair<int64_t, std::string> at{s.GetBackupCreationDateTime().Millis(), s.GetBackupArn()};
        if (!seen.insert(s.GetBackupArn()).second)
          Violation("one ListBackups sweep listed " + s.GetBackupArn() + " twice");
        if (!(last < at)) Violation("ListBackups pages out of order at " + s.GetBackupArn());
        last = at;
      }
      const std::string& next = out.GetResult().GetLastEvaluatedBackupArn();
      if (next.empty()) break;
      request.WithExclusiveStartBackupArn(next);
    }
    for (const auto& b : log_.backups)
      if (seen.count(b.arn) && !log_.deletedBackups.count(b.arn) &&
          !client_.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(b.arn)).IsSuccess())
        Violation("listed backup " + b.arn + " is not describable");
  }

  void ScanShared() {
    Note(
        "Scan",
        client_.Scan(
            M::ScanRequest().WithTableName(SharedTables()[static_cast<std::size_t>(Pick(2))]).WithLimit(1 + Pick(50))));
  }

  dynafake::Client client_;
  Tickets& tickets_;
  const std::atomic<int64_t>& clockMark_;
  int index_;
  int keys_;
  std::mt19937 rng_;
  int serial_ = 0;
  ThreadLog log_;
  Content churn_;  ///< the churn table's items now, as only this thread writes it
  bool churnExists_ = false;
  bool pitrOn_ = false;
};

}  // namespace dynafake_stress
