// dynafake — Backups: every backup of the account — USER backups
// (CreateBackup, DescribeBackup, ListBackups, DeleteBackup), SYSTEM backups
// (a deleted table's safety net, expiring after 35 days) and AWS_BACKUP ones
// (seeded by a test) — and how a backup is described.
//
// A backup is a compact record (ids, instants, status) with a reference to
// what its table was when it was taken (settings, indexes, key and the item
// history, shared by every backup taken while the table's settings stay the
// same) and an interned name; its ARN and descriptions are rendered from the
// record when asked for. A backup costs a hash node and nothing per item.
#pragma once

#include <climits>        // INT64_MIN
#include <cstdint>        // int64_t, uint64_t
#include <functional>     // std::hash
#include <map>            // std::map
#include <memory>         // std::shared_ptr
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "dynafake/components/table_record.hpp"  // TableRecord
#include "dynafake/detail/data_plane/keys.hpp"   // KeyDef
#include "dynafake/detail/storage/history.hpp"   // History
#include "dynafake/generated/operations.hpp"     // XRequest, XOutcome
#include "dynafake/options.hpp"                  // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Timeline;
class Quotas;
class Tables;
class Items;

/// What a backup copies from its table: shared by every backup taken while
/// the table's settings stay the same (Tables keeps the latest in the table's
/// record), never changed once shared.
struct BackupSource {
  std::string tableName;
  std::string arnPrefix;  ///< "<table ARN>/backup/" as Identity writes it: a backup's ARN is this and its stamp
  Model::SourceTableDetails source;  ///< without ItemCount and TableSizeBytes, which are read from the history
  Model::SourceTableFeatureDetails features;
  std::vector<Model::AttributeDefinition> attributeDefinitions;
  KeyDef key;
  std::shared_ptr<History> history;
};

struct BackupRecord {
  static constexpr int64_t kNoExpiry = INT64_MIN;
  std::shared_ptr<const BackupSource> table;
  const std::string* name = nullptr;  ///< interned by Backups
  /// The ARN's text, only when it is not what Identity::AppendBackupArn makes
  /// of (table, createdMs, id) — a loaded snapshot may hold any ARN.
  std::unique_ptr<std::string> unusualArn;
  int64_t createdMs = 0;
  int64_t expiryMs = kNoExpiry;     ///< SYSTEM backups expire
  int64_t cutMs = 0;                ///< the instant whose items the backup holds
  uint64_t cutSeq = History::kAll;  ///< and, within that millisecond, the last write it holds
  int64_t availableAtMs = 0;        ///< CREATING until then
  uint32_t id = 0;                  ///< the ARN's random part
  Model::BackupType type = Model::BackupType::USER;
  Model::BackupStatus status = Model::BackupStatus::CREATING;

  const std::string& TableName() const { return table->tableName; }
  const std::shared_ptr<History>& Items() const { return table->history; }
};

/// A backup in full, as snapshots save and load it (Backups::State).
struct BackupState {
  Model::BackupDetails details;  ///< without BackupSizeBytes
  Model::SourceTableDetails source;
  Model::SourceTableFeatureDetails features;
  std::vector<Model::AttributeDefinition> attributeDefinitions;
  KeyDef key;
  std::string tableName;
  int64_t cutMs = 0;
  uint64_t cutSeq = History::kAll;
  int64_t availableAtMs = 0;
  std::shared_ptr<History> history;
};

class Backups {
 public:
  /// By a hash of the ARN (the record does not hold the ARN's text; Find
  /// compares the rendered ARN of each record with that hash). Unordered:
  /// whoever needs an order (ListBackups, snapshots) sorts.
  using Map = std::unordered_multimap<uint64_t, BackupRecord>;

  Backups(const ServiceOptions& options, Identity& identity, Timeline& timeline, Quotas& quotas, Tables& tables,
          Items& items)
      : options_(&options),
        identity_(&identity),
        timeline_(&timeline),
        quotas_(&quotas),
        tables_(&tables),
        items_(&items) {}

  // ---- the operations
  Model::CreateBackupOutcome CreateBackup(const Model::CreateBackupRequest& r, int64_t now);
  Model::DescribeBackupOutcome DescribeBackup(const Model::DescribeBackupRequest& r, int64_t now);
  Model::ListBackupsOutcome ListBackups(const Model::ListBackupsRequest& r, int64_t now);
  Model::DeleteBackupOutcome DeleteBackup(const Model::DeleteBackupRequest& r, int64_t now);
  /// Service::SeedBackup: a backup of any type, without rate limit or fault rules.
  Model::CreateBackupOutcome SeedBackup(const std::string& tableName, const std::string& backupName,
                                        Model::BackupType type, int64_t now);

  // ---- what the other components ask
  /// Takes a backup of `t` at `now` holding its items as of `cutMs`, stores it
  /// and schedules its transitions (AVAILABLE; expiry for SYSTEM backups).
  BackupRecord& Take(const TableRecord& t, const std::string& name, Model::BackupType type, int64_t now, int64_t cutMs);
  const BackupRecord* Find(const std::string& arn) const;
  /// The backup's ARN.
  std::string Arn(const BackupRecord& b) const;
  /// A USER backup of `table` still CREATING, or nullptr.
  const std::string* CreatingUserBackup(const std::string& table);
  /// `arn`, when given, is the backup's ARN as the caller already holds it (spares writing it again).
  Model::BackupDetails Details(const BackupRecord& b, int64_t now, const std::string* arn = nullptr) const;
  Model::BackupDescription Description(const BackupRecord& b, int64_t now, const std::string* arn = nullptr) const;
  Model::BackupSummary Summary(const BackupRecord& b, int64_t now) const;

  // ---- transitions
  void MarkAvailable(const std::string& arn);
  /// Removes a backup (deleted or expired); its history is released.
  void Remove(const std::string& arn, int64_t now);
  /// The table is gone: forget its index of CREATING backups.
  void ForgetTable(const std::string& table) { creatingUserBackups_.erase(table); }

  // ---- the whole state (Service::SaveState, LoadState; Reset)
  const Map& All() const { return backups_; }
  /// What a snapshot keeps: every backup in full, in ARN order, and per table
  /// the USER backups that may still be CREATING (pruned when read).
  struct State {
    std::vector<BackupState> backups;
    std::map<std::string, std::vector<std::string>> creating;
  };
  State Save() const;
  /// std::invalid_argument when a backup holds no items (a null history).
  static void Check(const State& s);
  /// Replaces every backup; backups of one table with the same settings share one BackupSource again.
  void Load(State s);
  void Clear();

 private:
  static uint64_t HashArn(std::string_view arn) { return std::hash<std::string_view>()(arn); }
  static void AppendArn(std::string& out, const BackupRecord& b);
  Map::iterator Locate(std::string_view arn);
  Map::const_iterator Locate(std::string_view arn) const;
  /// What a backup of `t` copies: the table's cached BackupSource, made when its settings last changed.
  std::shared_ptr<const BackupSource> SourceOf(const TableRecord& t) const;
  std::shared_ptr<const BackupSource> MakeSource(const TableRecord& t) const;
  static bool SameSource(const BackupSource& a, const BackupSource& b);
  /// Whether `arn` is the ARN of `b`, without writing it out.
  static bool HasArn(const BackupRecord& b, std::string_view arn);
  const std::string* Intern(const std::string& name);
  void Release(const std::string* name);
  /// Removes the record at `it` (its name and history pin released).
  void Erase(Map::iterator it);

  /// The instant inside the consistency window [now-60s, now+60s] a backup requested now cuts at.
  int64_t CutFor(int64_t now);

  const ServiceOptions* options_;
  Identity* identity_;
  Timeline* timeline_;
  Quotas* quotas_;
  Tables* tables_;
  Items* items_;
  Map backups_;
  /// Backup names, each held once, with the number of backups that bear it.
  std::unordered_map<std::string, std::size_t> names_;
  std::map<std::string, std::vector<std::string>> creatingUserBackups_;
  std::string scratch_;  ///< a new backup's ARN
};

}  // namespace detail
}  // namespace dynafake
