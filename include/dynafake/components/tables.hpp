// dynafake — Tables: the tables of a Service, their settings, status,
// indexes and tags (CreateTable, DescribeTable, UpdateTable, DeleteTable,
// ListTables, TagResource, UntagResource, ListTagsOfResource), and how a
// table is described. Time to Live is TimeToLive's (time_to_live.hpp).
// Defined by concept: table_lifecycle_impl.hpp (create, describe, delete,
// list, status transitions), table_schema_impl.hpp (key schemas, attribute
// definitions, indexes), table_settings_impl.hpp (UpdateTable's settings) and
// table_tags_impl.hpp (tags).
#pragma once

#include <cstddef>     // std::size_t
#include <cstdint>     // int64_t, uint64_t
#include <functional>  // std::function
#include <map>         // std::map
#include <memory>      // std::shared_ptr
#include <optional>    // std::optional
#include <string>      // std::string
#include <utility>     // std::move, std::pair
#include <vector>      // std::vector

#include "dynafake/components/table_record.hpp"      // TableRecord
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

/// What deleting a table asks of the components that keep the table's
/// backups, which Tables does not know: the Components wire them (Backups and
/// ContinuousBackups, components.hpp). Unset, a table is deleted with nothing
/// in its way and no backup taken.
struct TableDeletionHooks {
  /// The name of a USER backup of `table` still being created, or nullptr: DeleteTable refuses while there is one.
  std::function<const std::string*(const std::string& table)> backupBeingCreated;
  /// The deletion is accepted (`name` as the answer shows it): called before the table starts DELETING.
  std::function<void(const TableRecord& t, const std::string& name, int64_t now)> deleting;
};

/// The table or index key schema's first violation, or "" (table_schema_impl.hpp; CreateTable's and
/// UpdateTable's checks).
std::string CheckKeySchema(const std::vector<Model::KeySchemaElement>& schema,
                           const std::vector<Model::AttributeDefinition>& defs, const std::string& path);
/// An index Projection's first violation, or "" (table_schema_impl.hpp).
std::string CheckProjection(const Model::Projection& p);

class Tables {
 public:
  Tables(const ServiceOptions& options, Identity& identity, Timeline& timeline, Quotas& quotas)
      : options_(&options), identity_(&identity), timeline_(&timeline), quotas_(&quotas) {}
  /// What DeleteTable asks of the components that keep backups (set once, by the Components).
  void SetDeletionHooks(TableDeletionHooks hooks) { deletionHooks_ = std::move(hooks); }

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
  /// `withWarmThroughput` false: without the warm throughput nobody asked for (CreateTable's answer).
  Model::TableDescription Description(const TableRecord& t, bool withWarmThroughput = true) const;
  /// The warm throughput a table or global index reports (Developer Guide, "Understanding DynamoDB
  /// warm throughput"): what was recorded when it last changed, else the starting value of its
  /// billing mode (WarmUnits).
  static Model::TableWarmThroughputDescription WarmThroughputOf(const TableRecord& t);
  static Model::GlobalSecondaryIndexWarmThroughputDescription WarmThroughputOf(
      const TableRecord& t, const Model::GlobalSecondaryIndexDescription& g);
  /// The starting warm throughput: 12 000 read and 4 000 write units per second on demand, the
  /// provisioned capacity otherwise.
  static std::pair<long long, long long> WarmUnits(Model::BillingMode mode,
                                                   const Model::ProvisionedThroughputDescription& p);
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

  // ---- the whole state (Service::SaveState, LoadState; Reset)
  const std::map<std::string, TableRecord>& All() const { return tables_; }
  /// What a snapshot keeps: every table, by name, with its items, capacity and Time to Live setting.
  struct State {
    std::map<std::string, TableRecord> tables;
  };
  State Save() const { return State{tables_}; }
  /// std::invalid_argument when a table is filed under another name than its own or holds no item history.
  static void Check(const State& s);
  void Load(State s) {
    tables_ = std::move(s.tables);
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
  TableDeletionHooks deletionHooks_;
  std::map<std::string, TableRecord> tables_;
  uint64_t serial_ = 0;  ///< the last TableRecord::serial given
};

}  // namespace detail
}  // namespace dynafake
