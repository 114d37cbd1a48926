// dynafake — Tables: the tables of a Service, their settings, status,
// indexes and tags (CreateTable, DescribeTable, UpdateTable, DeleteTable,
// ListTables, TagResource, UntagResource, ListTagsOfResource), and how a
// table is described. Time to Live is TimeToLive's (time_to_live.hpp).
#pragma once

#include <cstddef>   // std::size_t
#include <cstdint>   // int64_t, uint64_t
#include <map>       // std::map
#include <memory>    // std::shared_ptr
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/components/timeline.hpp"          // EventKind
#include "dynafake/detail/data_plane/keys.hpp"       // KeyDef
#include "dynafake/detail/storage/history.hpp"       // History
#include "dynafake/detail/storage/token_bucket.hpp"  // TableBuckets
#include "dynafake/detail/validation/validator.hpp"  // Validator
#include "dynafake/generated/operations.hpp"         // XRequest, XOutcome
#include "dynafake/options.hpp"                      // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Timeline;
class Quotas;
class Backups;
class ContinuousBackups;
struct BackupSource;

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

class Tables {
 public:
  Tables(const ServiceOptions& options, Identity& identity, Timeline& timeline, Quotas& quotas, Backups& backups,
         ContinuousBackups& continuous)
      : options_(&options),
        identity_(&identity),
        timeline_(&timeline),
        quotas_(&quotas),
        backups_(&backups),
        continuous_(&continuous) {}

  // ---- the operations
  Model::CreateTableOutcome CreateTable(const Model::CreateTableRequest& r, int64_t now);
  Model::DescribeTableOutcome DescribeTable(const Model::DescribeTableRequest& r, int64_t now);
  Model::UpdateTableOutcome UpdateTable(const Model::UpdateTableRequest& r, int64_t now);
  Model::DeleteTableOutcome DeleteTable(const Model::DeleteTableRequest& r, int64_t now);
  Model::ListTablesOutcome ListTables(const Model::ListTablesRequest& r, int64_t now);
  Model::TagResourceOutcome TagResource(const Model::TagResourceRequest& r, int64_t now);
  Model::UntagResourceOutcome UntagResource(const Model::UntagResourceRequest& r, int64_t now);
  Model::ListTagsOfResourceOutcome ListTagsOfResource(const Model::ListTagsOfResourceRequest& r, int64_t now);
  /// CreateTable's rules beyond the model's member constraints (key schemas, indexes, billing).
  static void Validate(const Model::CreateTableRequest& r, Validator& v);
  /// UpdateTable's rules that need no table (made before it is looked up).
  static void Validate(const Model::UpdateTableRequest& r, Validator& v);
  /// DescribeTable's and DeleteTable's: a table name (not an ARN) within the pattern.
  static void Validate(const Model::DescribeTableRequest& r, Validator& v);
  static void Validate(const Model::DeleteTableRequest& r, Validator& v);
  /// What the service checks before the model's constraints: DescribeTable's,
  /// DeleteTable's, UpdateTable's and CreateTable's table name (there, and of 3
  /// to 255 characters, unless an ARN), and the tag operations' ResourceArn (there, and
  /// shaped like an ARN: the caller is authorized for the resource first).
  static void Precheck(const Model::DescribeTableRequest& r, Validator& v);
  static void Precheck(const Model::DeleteTableRequest& r, Validator& v);
  static void Precheck(const Model::UpdateTableRequest& r, Validator& v);
  static void Precheck(const Model::CreateTableRequest& r, Validator& v);
  static void PrecheckResourceArn(bool given, const std::string& arn, const char* operation, const Identity& identity,
                                  Validator& v);
  /// The tag operations': the ResourceArn a table's ARN (or refused as the service
  /// refuses it: AccessDeniedException, or "Invalid TableArn"), and something to do.
  static void Validate(const Model::TagResourceRequest& r, const Identity& identity, Validator& v);
  static void Validate(const Model::UntagResourceRequest& r, const Identity& identity, Validator& v);
  static void Validate(const Model::ListTagsOfResourceRequest& r, const Identity& identity, Validator& v);

  // ---- what the other components ask
  /// The table a name or a table ARN of this account names, or nullptr.
  TableRecord* Find(const std::string& nameOrArn);
  const TableRecord* Find(const std::string& nameOrArn) const;
  /// The table whose items are `history`, or nullptr (a history only backups read).
  TableRecord* FindByHistory(const History* history);
  /// The table as DescribeTable (and every answer carrying a TableDescription) shows it.
  Model::TableDescription Description(const TableRecord& t) const;
  /// A new table's identity and key: name, ARN, a new id, key schema, attribute definitions, creation time.
  TableRecord NewRecord(const std::string& name, const std::vector<Model::KeySchemaElement>& keySchema,
                        const std::vector<Model::AttributeDefinition>& attributeDefinitions, int64_t now);
  /// Stores a new table CREATING until `untilMs`.
  TableRecord& Add(TableRecord t, int64_t untilMs);
  /// The secondary indexes a backup or a restore copies: the local ones, and
  /// the global ones that are part of the table — not those still CREATING,
  /// nor those DELETING (an index whose deletion was asked for is on its way
  /// out and no longer answers queries; [infer], AWS documents neither case).
  /// A table name of 3 to 255 characters, or an ARN (its table is looked up).
  static bool NameWithinLimits(const std::string& nameOrArn);
  /// A table name that is not an ARN breaking msg::kTableNamePattern: the model's kind of violation.
  static void TableNameInPattern(const std::string& nameOrArn, Validator& v);
  /// The checks every tag operation makes of its ResourceArn, in the service's order.
  static void ValidateResourceArn(const std::string& arn, const char* operation, const Identity& identity,
                                  Validator& v);
  static std::vector<Model::GlobalSecondaryIndexInfo> GlobalIndexesToCopy(const TableRecord& t);
  static std::vector<Model::LocalSecondaryIndexInfo> LocalIndexesToCopy(const TableRecord& t);
  static Model::BillingMode BillingModeOf(const TableRecord& t);
  /// The TTL setting a backup records (ENABLED or DISABLED; TimeToLive::Describe shows the transitions).
  static Model::TimeToLiveDescription TimeToLive(const TableRecord& t);
  static Model::ProvisionedThroughput Throughput(const Model::ProvisionedThroughputDescription& d);
  static Model::ProvisionedThroughputDescription ThroughputDescription(const Model::ProvisionedThroughput& p);

  int InTransition() const;  ///< tables CREATING, UPDATING or DELETING
  int RestoresInProgress() const;
  std::size_t Count() const { return tables_.size(); }

  // ---- transitions (applied by the Service when their instant comes)
  /// CREATING or UPDATING -> ACTIVE: indexes being created become ACTIVE, indexes being deleted go.
  void Settle(const std::string& name, uint64_t generation);
  /// DELETING -> gone. Returns the table's items, for the caller to release, or nullptr for a stale transition.
  std::shared_ptr<History> Remove(const std::string& name, uint64_t generation);

  // ---- the whole state (snapshots, Reset)
  const std::map<std::string, TableRecord>& All() const { return tables_; }
  void Replace(std::map<std::string, TableRecord> tables) {
    tables_ = std::move(tables);
    for (auto& kv : tables_) kv.second.serial = ++serial_;
  }
  void Clear() { tables_.clear(); }

 private:
  /// The table a tagging call's ARN names, or ResourceNotFoundException.
  TableRecord* TaggedTable(const std::string& resourceArn, std::optional<DynamoDBError>& error);
  /// ResourceInUseException for a table that is not ACTIVE, or nullopt.
  std::optional<DynamoDBError> NotActive(const TableRecord& t, const std::string& name) const;
  void StartTransition(TableRecord& t, Model::TableStatus status, int64_t untilMs, EventKind settle);

  const ServiceOptions* options_;
  Identity* identity_;
  Timeline* timeline_;
  Quotas* quotas_;
  Backups* backups_;
  ContinuousBackups* continuous_;
  std::map<std::string, TableRecord> tables_;
  uint64_t serial_ = 0;  ///< the last TableRecord::serial given
};

}  // namespace detail
}  // namespace dynafake
