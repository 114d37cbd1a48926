// dynafake — what a Service holds: tables, backups and pending transitions.
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <memory>   // std::shared_ptr
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/detail/history.hpp"  // History
#include "dynafake/detail/items.hpp"    // KeyDef
#include "dynafake/generated/types.hpp"     // TableDescription, BackupDetails, ...

namespace dynafake {
namespace detail {

struct TableState {
  /// The table's settings as DescribeTable reports them; the dynamic members
  /// (status, item count, size, index status) are filled in when described.
  Model::TableDescription desc;
  std::vector<Model::Tag> tags;
  /// Global secondary indexes, kept apart from `desc` because they come and go.
  std::vector<Model::GlobalSecondaryIndexDescription> gsis;
  KeyDef key;
  Model::TableStatus status = Model::TableStatus::CREATING;
  int64_t createdMs = 0;
  int64_t statusUntilMs = 0;  ///< when CREATING/UPDATING/DELETING ends
  uint64_t generation = 0;    ///< bumps on every status change; stale events are ignored
  bool pitrEnabled = false;
  int64_t pitrSinceMs = 0;
  int recoveryPeriodDays = 35;
  bool ttlEnabled = false;   ///< Time to Live, a setting only: nothing expires
  std::string ttlAttribute;  ///< while enabled
  bool restoring = false;          ///< CREATING because a restore is filling it
  std::string restoreSourceBackup; ///< the backup a restore in progress reads, if any
  std::shared_ptr<History> history = std::make_shared<History>();
  uint64_t writesSinceCompaction = 0;
  /// USER backups of this table that may still be CREATING (pruned when read),
  /// so conflict checks need not scan every backup of the account.
  std::vector<std::string> creatingUserBackups;
};

struct BackupState {
  Model::BackupDetails details;
  Model::SourceTableDetails source;
  Model::SourceTableFeatureDetails features;
  std::vector<Model::AttributeDefinition> attributeDefinitions;
  KeyDef key;
  std::string tableName;
  int64_t cutMs = 0;           ///< the instant whose items the backup holds
  uint64_t cutSeq = History::kAll;  ///< and, within that millisecond, the last write it holds
  int64_t availableAtMs = 0;   ///< CREATING until then
  std::shared_ptr<History> history;
};

enum class EventKind { TableSettled, TableGone, BackupAvailable, BackupExpired };

/// A pending transition, applied when the clock reaches `atMs`.
struct Event {
  int64_t atMs;
  uint64_t seq;  ///< order of scheduling, to break ties deterministically
  EventKind kind;
  std::string key;  ///< table name or backup ARN
  uint64_t generation;
  friend bool operator>(const Event& a, const Event& b) {
    return a.atMs != b.atMs ? a.atMs > b.atMs : a.seq > b.seq;
  }
};

}  // namespace detail
}  // namespace dynafake
