// dynafake — TableRecord: one table as the Service holds it, the record
// Tables keeps and the other components read (Items its items, Throughput its
// capacity, Backups what a backup copies) without knowing Tables itself.
#pragma once

#include <cstdint>   // int64_t, uint64_t
#include <map>       // std::map
#include <memory>    // std::shared_ptr, std::make_shared
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/data_plane/keys.hpp"       // KeyDef
#include "dynafake/detail/storage/history.hpp"       // History
#include "dynafake/detail/storage/token_bucket.hpp"  // TableBuckets
#include "dynafake/generated/operations.hpp"         // Model::TableDescription

namespace dynafake {
namespace detail {

struct BackupSource;  // backups.hpp: cached here, never looked into by Tables

/// A table's items: the versioned history backups and restores read, and the
/// writes since it was last compacted. Written and read by Items only.
struct TableItems {
  std::shared_ptr<History> history = std::make_shared<History>();
  uint64_t writesSinceCompaction = 0;
};

/// One table as the Service holds it.
struct TableRecord {
  /// The settings DescribeTable reports; the dynamic members (status, item
  /// count, size, global indexes) are filled in by Tables::Description.
  Model::TableDescription desc;
  std::vector<Model::Tag> tags;
  /// Global secondary indexes, kept apart from `desc` because they come and go.
  std::vector<Model::GlobalSecondaryIndexDescription> gsis;
  KeyDef key;
  Model::TableStatus status = Model::TableStatus::CREATING;
  int64_t createdMs = 0;
  int64_t statusUntilMs = 0;  ///< when CREATING/UPDATING/DELETING ends
  uint64_t generation = 0;    ///< bumps on every status change; stale transitions are ignored
  uint64_t serial = 0;        ///< unique among the Service's tables, ever (Tables::Add, Replace)
  bool ttlEnabled = false;    ///< Time to Live ENABLING or ENABLED (else DISABLING or DISABLED)
  std::string ttlAttribute;   ///< the attribute TTL is (or was last) on
  int64_t ttlSettledMs = 0;   ///< when ENABLING or DISABLING ends
  bool ttlChanged = false;    ///< UpdateTimeToLive has changed the setting, last at ttlChangedMs
  int64_t ttlChangedMs = 0;
  bool restoring = false;           ///< CREATING because a restore is filling it
  std::string restoreSourceBackup;  ///< the backup a restore in progress reads, if any
  TableItems items;
  /// The capacity left to the table and its global indexes (Throughput's).
  TableBuckets buckets;
  /// Throughput an UpdateTable asked for, applied when the table settles: while
  /// UPDATING the service still reports the old values (architect/dynalite
  /// actions/updateTable.js, whose tests ran against the service).
  std::optional<Model::ProvisionedThroughput> pendingThroughput;
  std::map<std::string, Model::ProvisionedThroughput> pendingIndexThroughput;  ///< by global index name
  /// The table's provisioned throughput decreases asked for in the UTC day
  /// `decreaseDay` (days since the epoch), the last at `lastDecreaseMs`.
  int decreasesToday = 0;
  int64_t decreaseDay = 0;
  int64_t lastDecreaseMs = 0;
  /// What a backup taken now copies, made by the first backup after the
  /// table's settings last changed and shared by the backups that follow.
  /// Whatever changes a setting a backup copies calls SettingsChanged().
  mutable std::shared_ptr<const BackupSource> backupSource;
  void SettingsChanged() { backupSource.reset(); }
};

}  // namespace detail
}  // namespace dynafake
