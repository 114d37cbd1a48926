// dynafake — Backups: every backup of the account — USER backups
// (CreateBackup, DescribeBackup, ListBackups, DeleteBackup), SYSTEM backups
// (a deleted table's safety net, expiring after 35 days) and AWS_BACKUP ones
// (seeded by a test) — and how a backup is described.
//
// A backup is a record: what the source table was (settings, indexes, key)
// and a reference to the table's item history with the instant it cuts at;
// its descriptions are rendered from the record when asked for.
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <map>      // std::map
#include <memory>   // std::shared_ptr
#include <string>   // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>   // std::vector

#include "dynafake/components/tables.hpp"     // TableRecord
#include "dynafake/detail/history.hpp"        // History
#include "dynafake/detail/keys.hpp"           // KeyDef
#include "dynafake/generated/operations.hpp"  // XRequest, XOutcome
#include "dynafake/options.hpp"               // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Timeline;
class Quotas;
class Items;

struct BackupRecord {
  Model::BackupDetails details;  ///< without BackupSizeBytes, which is read from the history
  Model::SourceTableDetails source;  ///< without ItemCount and TableSizeBytes, likewise
  Model::SourceTableFeatureDetails features;
  std::vector<Model::AttributeDefinition> attributeDefinitions;
  KeyDef key;
  std::string tableName;
  int64_t cutMs = 0;                ///< the instant whose items the backup holds
  uint64_t cutSeq = History::kAll;  ///< and, within that millisecond, the last write it holds
  int64_t availableAtMs = 0;        ///< CREATING until then
  std::shared_ptr<History> history;
};

class Backups {
 public:
  /// By ARN. Hashed, not ordered: ARNs share a long prefix, so an ordered
  /// map's compares and pointer chasing grew with the number of backups.
  /// Whoever needs an order (ListBackups, snapshots) sorts.
  using Map = std::unordered_map<std::string, BackupRecord>;

  Backups(const ServiceOptions& options, Identity& identity, Timeline& timeline, Quotas& quotas, Tables& tables,
          Items& items)
      : options_(&options), identity_(&identity), timeline_(&timeline), quotas_(&quotas), tables_(&tables),
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
  BackupRecord& Take(const TableRecord& t, const std::string& name, Model::BackupType type, int64_t now,
                     int64_t cutMs);
  const BackupRecord* Find(const std::string& arn) const;
  /// A USER backup of `table` still CREATING, or nullptr.
  const std::string* CreatingUserBackup(const std::string& table);
  Model::BackupDetails Details(const BackupRecord& b, int64_t now) const;
  Model::BackupDescription Description(const BackupRecord& b, int64_t now) const;
  Model::BackupSummary Summary(const BackupRecord& b, int64_t now) const;

  // ---- transitions
  void MarkAvailable(const std::string& arn);
  /// Removes a backup (deleted or expired); its history is released.
  void Remove(const std::string& arn, int64_t now);
  /// The table is gone: forget its index of CREATING backups.
  void ForgetTable(const std::string& table) { creatingUserBackups_.erase(table); }

  // ---- the whole state (snapshots, Reset)
  const Map& All() const { return backups_; }
  /// Per table, the USER backups that may still be CREATING (pruned when read).
  const std::map<std::string, std::vector<std::string>>& CreatingIndex() const { return creatingUserBackups_; }
  void Replace(Map backups, std::map<std::string, std::vector<std::string>> creating);
  void Clear() { Replace({}, {}); }

 private:
  /// The instant inside the consistency window [now-60s, now+60s] a backup requested now cuts at.
  int64_t CutFor(int64_t now);

  const ServiceOptions* options_;
  Identity* identity_;
  Timeline* timeline_;
  Quotas* quotas_;
  Tables* tables_;
  Items* items_;
  Map backups_;
  std::map<std::string, std::vector<std::string>> creatingUserBackups_;
};

}  // namespace detail
}  // namespace dynafake
