// dynafake — Service: the whole in-memory DynamoDB of one account and region.
#pragma once

#include <algorithm>   // std::min
#include <chrono>      // std::chrono
#include <cstdint>     // int64_t, uint64_t
#include <deque>       // std::deque
#include <functional>  // std::greater
#include <map>         // std::map
#include <memory>      // std::shared_ptr
#include <mutex>       // std::mutex
#include <optional>    // std::optional
#include <queue>       // std::priority_queue
#include <set>         // std::set
#include <string>      // std::string
#include <type_traits> // std::is_same
#include <typeinfo>    // typeid
#include <unordered_map>  // std::unordered_map
#include <vector>      // std::vector

#include "dynafake/clock.hpp"                    // Clock
#include "dynafake/detail/data_table.hpp"        // DataTable
#include "dynafake/detail/history.hpp"           // History
#include "dynafake/detail/items.hpp"             // KeyDef, CheckKey
#include "dynafake/detail/messages.hpp"          // DefaultMessage
#include "dynafake/detail/state.hpp"             // TableState, BackupState, Event
#include "dynafake/generated/validation_rules.hpp"  // ValidateRequest
#include "dynafake/faults.hpp"                   // FaultSet
#include "dynafake/model/errors.hpp"             // DynamoDBError
#include "dynafake/generated/operations.hpp"           // XOutcome, OperationTraits
#include "dynafake/options.hpp"                  // ServiceOptions

namespace dynafake {

namespace detail {
struct StateAccess;  // dynafake/wire/snapshot.hpp: saves and loads a Service's whole state
}  // namespace detail

/// Counters for diagnostics: how much the Service holds right now.
struct ServiceStats {
  std::size_t tables = 0;
  std::size_t backups = 0;
  std::size_t histories = 0;        ///< distinct item histories alive (tables and backups share them)
  std::size_t historyVersions = 0;  ///< item versions held across all histories
  std::size_t pendingEvents = 0;    ///< scheduled transitions not yet applied
};

/// The whole in-memory DynamoDB of one account and region.
///
/// Every operation validates its request as the service model says, runs the
/// fault rules, applies the documented semantics and returns an Outcome; a
/// failed call changes nothing. Time comes only from the Clock: transitions
/// that are due are applied, in time order, at the start of every call.
/// Thread-safe: one Service may be called from many threads.
class Service {
 public:
  explicit Service(Clock& clock, ServiceOptions options = {})
      : clock_(&clock), options_(std::move(options)), rng_(options_.seed) {}
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // ---- tables
  Model::CreateTableOutcome CreateTable(const Model::CreateTableRequest& r);
  Model::DescribeTableOutcome DescribeTable(const Model::DescribeTableRequest& r);
  Model::UpdateTableOutcome UpdateTable(const Model::UpdateTableRequest& r);
  Model::DeleteTableOutcome DeleteTable(const Model::DeleteTableRequest& r);
  Model::ListTablesOutcome ListTables(const Model::ListTablesRequest& r);
  Model::TagResourceOutcome TagResource(const Model::TagResourceRequest& r);
  Model::ListTagsOfResourceOutcome ListTagsOfResource(const Model::ListTagsOfResourceRequest& r);
  Model::UntagResourceOutcome UntagResource(const Model::UntagResourceRequest& r);
  Model::DescribeTimeToLiveOutcome DescribeTimeToLive(const Model::DescribeTimeToLiveRequest& r);
  Model::UpdateTimeToLiveOutcome UpdateTimeToLive(const Model::UpdateTimeToLiveRequest& r);
  // ---- items
  Model::PutItemOutcome PutItem(const Model::PutItemRequest& r);
  Model::GetItemOutcome GetItem(const Model::GetItemRequest& r);
  Model::DeleteItemOutcome DeleteItem(const Model::DeleteItemRequest& r);
  Model::ScanOutcome Scan(const Model::ScanRequest& r);
  Model::BatchWriteItemOutcome BatchWriteItem(const Model::BatchWriteItemRequest& r);
  Model::UpdateItemOutcome UpdateItem(const Model::UpdateItemRequest& r);
  Model::QueryOutcome Query(const Model::QueryRequest& r);
  Model::BatchGetItemOutcome BatchGetItem(const Model::BatchGetItemRequest& r);
  // ---- backups
  Model::CreateBackupOutcome CreateBackup(const Model::CreateBackupRequest& r);
  Model::DescribeBackupOutcome DescribeBackup(const Model::DescribeBackupRequest& r);
  Model::ListBackupsOutcome ListBackups(const Model::ListBackupsRequest& r);
  Model::DeleteBackupOutcome DeleteBackup(const Model::DeleteBackupRequest& r);
  // ---- point-in-time recovery and restores
  Model::DescribeContinuousBackupsOutcome DescribeContinuousBackups(const Model::DescribeContinuousBackupsRequest& r);
  Model::UpdateContinuousBackupsOutcome UpdateContinuousBackups(const Model::UpdateContinuousBackupsRequest& r);
  Model::RestoreTableFromBackupOutcome RestoreTableFromBackup(const Model::RestoreTableFromBackupRequest& r);
  Model::RestoreTableToPointInTimeOutcome RestoreTableToPointInTime(const Model::RestoreTableToPointInTimeRequest& r);

  /// Any operation by its request type: `service.Invoke(Model::CreateBackupRequest()...)`.
#define DYNAFAKE_INVOKE_OVERLOAD(Op) \
  Model::Op##Outcome Invoke(const Model::Op##Request& r) { return Op(r); }
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_INVOKE_OVERLOAD)
#undef DYNAFAKE_INVOKE_OVERLOAD

  /// Creates a backup of `tableName` as if another party had made it: type
  /// AWS_BACKUP (as AWS Backup would) or SYSTEM. It skips the rate limit and
  /// fault rules; the table must exist. Lets a test seed every backup type.
  Model::CreateBackupOutcome SeedBackup(const std::string& tableName, const std::string& backupName,
                                        Model::BackupType type);

  /// The fault rules that run before the model (after validation).
  FaultSet& Faults() { return faults_; }
  Clock& GetClock() const { return *clock_; }
  const ServiceOptions& Options() const { return options_; }
  ServiceStats Stats();
  /// Forgets every table, backup, pending transition and fault rule; the ARN
  /// generator starts again from the seed. The clock is the test's and is not touched.
  void Reset();

  /// The ARN of a table of this account and region.
  std::string TableArn(const std::string& name) const {
    std::string arn;
    arn.reserve(TableArnSize(name) + 32);  // room for a backup ARN's "/backup/<stamp>-<id>"
    AppendTableArn(arn, name);
    return arn;
  }

 private:
  friend struct detail::StateAccess;
  using Table = detail::TableState;
  using Backup = detail::BackupState;

  // ---- the call pipeline
  template <class Request, class Body>
  typename OperationTraits<Request>::Outcome Run(const Request& r, Body&& body);
  template <class Request>
  CallInfo Describe(const Request& r) const;
  template <class Request>
  void ExtraValidation(const Request&, detail::Validator&) const {}
  void ExtraValidation(const Model::RestoreTableToPointInTimeRequest& r, detail::Validator& v) const;
  void ExtraValidation(const Model::CreateTableRequest& r, detail::Validator& v) const;
  bool RateLimited(const char* op, int64_t now);
  void RecordCall(const char* op, int64_t now);
  static DynamoDBError Err(DynamoDBErrors type, std::string message) { return DynamoDBError(type, std::move(message)); }

  // ---- time
  int64_t NowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_->Now().time_since_epoch()).count();
  }
  static int64_t Ms(Duration d) { return d.count(); }
  void Schedule(int64_t atMs, detail::EventKind kind, const std::string& key, uint64_t generation);
  void ApplyDue(int64_t now);
  void Apply(const detail::Event& e, int64_t now);

  // ---- identity
  std::size_t TableArnSize(const std::string& name) const {
    return 22 + options_.partition.size() + options_.region.size() + options_.accountId.size() + name.size();
  }
  void AppendTableArn(std::string& out, const std::string& name) const {
    out.append("arn:").append(options_.partition).append(":dynamodb:").append(options_.region).append(":");
    out.append(options_.accountId).append(":table/").append(name);
  }
  uint64_t NextRandom();
  std::string NewTableId();
  std::string NewBackupArn(const std::string& table, int64_t createdMs);

  // ---- lookups and shared steps
  std::string NameFromTableArg(const std::string& nameOrArn) const;
  /// The table's name for messages: the name, or the argument itself when it is an ARN of no table here.
  std::string ShownName(const std::string& nameOrArn) const {
    std::string name = NameFromTableArg(nameOrArn);
    return name.empty() ? nameOrArn : name;
  }
  Table* FindTable(const std::string& nameOrArn);
  Backup* FindBackup(const std::string& arn);
  int TablesInTransition() const;
  int RestoresInProgress() const;
  Model::TableDescription DescribeState(const Table& t) const;
  /// A table's identity and key: name, ARN, a new id, key schema, attribute definitions, creation time.
  Table NewTable(const std::string& name, const std::vector<Model::KeySchemaElement>& keySchema,
                 const std::vector<Model::AttributeDefinition>& attributeDefinitions, int64_t now);
  /// Encryption with a KMS key: the one the specification names, else DynamoDB's managed key.
  Model::SSEDescription KmsEncryption(const Model::SSESpecification& spec) const;
  Model::ContinuousBackupsDescription ContinuousBackupsOf(const Table& t, int64_t now) const;
  Model::BackupDescription DescribeBackupState(const Backup& b, int64_t now) const;
  Model::BackupSummary Summarize(const Backup& b, int64_t now) const;
  Model::BackupDetails DetailsOf(const Backup& b, int64_t now) const;
  Backup MakeBackup(const Table& t, const std::string& name, Model::BackupType type, int64_t now, int64_t cutMs);
  Backup& StoreBackup(Backup b, int64_t now);
  void RemoveBackup(const std::string& arn, int64_t now);
  void CompactTable(Table& t, int64_t now);
  void CompactHistory(const std::shared_ptr<detail::History>& h, int64_t now);
  int64_t EarliestRestorableMs(const Table& t, int64_t now) const;
  int64_t LatestRestorableMs(int64_t now) const { return now - Ms(options_.durations.pitrLatestLag); }
  int64_t CutFor(int64_t now);
  void WriteItem(Table& t, const detail::Item& item, bool deleted, int64_t now);
  std::string CheckWritable(const Table* t, const std::string& name) const;
  /// The table as the data-plane operations see it; writes go to its history at `now`.
  detail::DataTable DataOf(Table& t, int64_t now);
  /// A USER backup of `t` still CREATING, or nullptr.
  const std::string* CreatingUserBackup(Table& t) {
    auto& arns = t.creatingUserBackups;
    arns.erase(std::remove_if(arns.begin(), arns.end(), [&](const std::string& arn) {
                 const Backup* b = FindBackup(arn);
                 return !b || b->details.GetBackupStatus() != Model::BackupStatus::CREATING;
               }), arns.end());
    return arns.empty() ? nullptr : &arns.front();
  }
  /// What a restore builds the new table from: the backup's record or the source's current settings.
  struct RestoreSettings {
    std::vector<Model::KeySchemaElement> keySchema;
    std::vector<Model::AttributeDefinition> attributeDefinitions;
    Model::BillingMode billingMode = Model::BillingMode::PROVISIONED;
    Model::ProvisionedThroughput throughput;
    std::vector<Model::GlobalSecondaryIndexInfo> gsis;
    std::vector<Model::LocalSecondaryIndexInfo> lsis;
    std::optional<Model::SSEDescription> sse;
  };
  Model::TableDescription RestoreInto(const std::string& target, const RestoreSettings& s,
                                      const std::shared_ptr<detail::History>& from, int64_t cutMs, uint64_t cutSeq,
                                      const Model::RestoreSummary& summary, const std::string& sourceBackup, int64_t now);
  template <class Request>
  std::string ValidateOverrides(const Request& r, const RestoreSettings& s) const;
  template <class Request>
  RestoreSettings ApplyOverrides(const Request& r, RestoreSettings s) const;
  std::optional<DynamoDBError> RestoreTargetError(const std::string& target) const;
  std::optional<DynamoDBError> RestoreLimitError() const;

  Clock* clock_;
  ServiceOptions options_;
  std::mutex mu_;
  FaultSet faults_;
  uint64_t rng_;
  uint64_t eventSeq_ = 0;
  std::map<std::string, Table> tables_;
  /// By ARN. Hashed, not ordered: ARNs share a long prefix, so an ordered
  /// map's compares and pointer chasing grew with the number of backups.
  /// Whoever needs an order (ListBackups, snapshots) sorts.
  std::unordered_map<std::string, Backup> backups_;
  std::priority_queue<detail::Event, std::vector<detail::Event>, std::greater<detail::Event>> events_;
  std::map<std::string, std::deque<int64_t>> calls_;
  /// While ApplyDue runs, histories that lost a reader wait here and are compacted
  /// once at the end, not once per expired backup.
  bool applyingDue_ = false;
  std::set<std::shared_ptr<detail::History>> compactAfterApply_;
};

// ------------------------------------------------------------------ pipeline

template <class Request>
CallInfo Service::Describe(const Request& r) const {
  CallInfo info;
  info.operation = OperationTraits<Request>::kName;
  info.request = &r;
  info.requestType = &typeid(Request);
  if constexpr (std::is_same<Request, Model::RestoreTableFromBackupRequest>::value ||
                std::is_same<Request, Model::RestoreTableToPointInTimeRequest>::value) {
    info.table = r.GetTargetTableName();
  } else if constexpr (std::is_same<Request, Model::TagResourceRequest>::value ||
                       std::is_same<Request, Model::UntagResourceRequest>::value ||
                       std::is_same<Request, Model::ListTagsOfResourceRequest>::value) {
    info.table = NameFromTableArg(r.GetResourceArn());
  } else if constexpr (std::is_same<Request, Model::BatchWriteItemRequest>::value ||
                       std::is_same<Request, Model::BatchGetItemRequest>::value) {
    if (r.GetRequestItems().size() == 1) info.table = NameFromTableArg(r.GetRequestItems().begin()->first);
  } else if constexpr (!std::is_same<Request, Model::ListTablesRequest>::value &&
                       !std::is_same<Request, Model::DescribeBackupRequest>::value &&
                       !std::is_same<Request, Model::DeleteBackupRequest>::value) {
    info.table = NameFromTableArg(r.GetTableName());
  }
  if constexpr (std::is_same<Request, Model::DescribeBackupRequest>::value ||
                std::is_same<Request, Model::DeleteBackupRequest>::value ||
                std::is_same<Request, Model::RestoreTableFromBackupRequest>::value) {
    info.backupArn = r.GetBackupArn();
  }
  return info;
}

template <class Request, class Body>
typename OperationTraits<Request>::Outcome Service::Run(const Request& r, Body&& body) {
  using Outcome = typename OperationTraits<Request>::Outcome;
  const char* const op = OperationTraits<Request>::kName;
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t now = NowMs();
  ApplyDue(now);
  detail::Validator v;
  detail::ValidateRequest(r, v);
  if (v.Ok()) ExtraValidation(r, v);
  if (!v.Ok()) return Outcome(Err(DynamoDBErrors::VALIDATION, v.Message()));
  // Describe() copies names and ARNs: only worth it when a rule may match.
  if (auto injected = faults_.Empty() ? std::nullopt : faults_.Evaluate(Describe(r))) {
    if (injected->GetMessage().empty()) injected->SetMessage(detail::DefaultMessage(injected->GetErrorType()));
    return Outcome(*injected);
  }
  if (RateLimited(op, now)) {
    return Outcome(Err(DynamoDBErrors::LIMIT_EXCEEDED,
                       "Rate of " + std::string(op) + " requests exceeds the limit of " +
                           std::to_string(options_.limits.callsPerSecond.at(op)) + " per second for this account"));
  }
  Outcome out = body(now);
  if (out.IsSuccess()) RecordCall(op, now);
  return out;
}

inline bool Service::RateLimited(const char* op, int64_t now) {
  if (options_.limits.callsPerSecond.empty()) return false;
  auto limit = options_.limits.callsPerSecond.find(op);
  if (limit == options_.limits.callsPerSecond.end() || limit->second <= 0) return false;
  auto& window = calls_[op];
  while (!window.empty() && window.front() <= now - 1000) window.pop_front();
  return static_cast<int>(window.size()) >= limit->second;
}

inline void Service::RecordCall(const char* op, int64_t now) {
  if (options_.limits.callsPerSecond.empty()) return;
  auto limit = options_.limits.callsPerSecond.find(op);
  if (limit == options_.limits.callsPerSecond.end() || limit->second <= 0) return;
  calls_[op].push_back(now);
}

// ------------------------------------------------------------------ time

inline void Service::Schedule(int64_t atMs, detail::EventKind kind, const std::string& key, uint64_t generation) {
  events_.push(detail::Event{atMs, ++eventSeq_, kind, key, generation});
}

inline void Service::ApplyDue(int64_t now) {
  applyingDue_ = true;
  while (!events_.empty() && events_.top().atMs <= now) {
    detail::Event e = events_.top();
    events_.pop();
    Apply(e, now);
  }
  applyingDue_ = false;
  const auto touched = std::move(compactAfterApply_);
  compactAfterApply_.clear();
  for (const auto& h : touched)
    if (h.use_count() > 1) CompactHistory(h, now);  // else `touched` held the last reference
}

inline void Service::Apply(const detail::Event& e, int64_t now) {
  using detail::EventKind;
  switch (e.kind) {
    case EventKind::TableSettled: {
      auto it = tables_.find(e.key);
      if (it == tables_.end() || it->second.generation != e.generation) return;
      Table& t = it->second;
      t.status = Model::TableStatus::ACTIVE;
      ++t.generation;
      if (t.restoring) {
        t.restoring = false;
        t.restoreSourceBackup.clear();
        Model::RestoreSummary s = t.desc.GetRestoreSummary();
        s.SetRestoreInProgress(false);
        t.desc.SetRestoreSummary(s);
      }
      // indexes being created become ACTIVE, indexes being deleted go
      std::vector<Model::GlobalSecondaryIndexDescription> keep;
      for (auto g : t.gsis) {
        if (g.GetIndexStatus() == Model::IndexStatus::DELETING) continue;
        g.SetIndexStatus(Model::IndexStatus::ACTIVE);
        g.SetBackfilling(false);
        keep.push_back(std::move(g));
      }
      t.gsis = std::move(keep);
      return;
    }
    case EventKind::TableGone: {
      auto it = tables_.find(e.key);
      if (it == tables_.end() || it->second.generation != e.generation) return;
      auto history = it->second.history;
      tables_.erase(it);
      CompactHistory(history, now);
      return;
    }
    case EventKind::BackupAvailable: {
      auto it = backups_.find(e.key);
      if (it == backups_.end() || it->second.details.GetBackupStatus() != Model::BackupStatus::CREATING) return;
      it->second.details.SetBackupStatus(Model::BackupStatus::AVAILABLE);
      return;
    }
    case EventKind::BackupExpired: {
      if (backups_.count(e.key)) RemoveBackup(e.key, now);
      return;
    }
  }
}

// ------------------------------------------------------------------ identity

inline uint64_t Service::NextRandom() {  // splitmix64: small, fast, reproducible from the seed
  uint64_t z = (rng_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline std::string Service::NewTableId() {
  static const char* hex = "0123456789abcdef";
  const uint64_t a = NextRandom(), b = NextRandom();
  std::string out;
  for (int i = 0; i < 32; ++i) {
    const uint64_t word = i < 16 ? a : b;
    int nibble = static_cast<int>((word >> ((i % 16) * 4)) & 15);
    if (i == 12) nibble = 4;                     // version 4
    if (i == 16) nibble = 8 | (nibble & 3);      // RFC 4122 variant
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    out += hex[nibble];
  }
  return out;
}

/// "<table ARN>/backup/<creation ms, 14 digits at least>-<8 hex digits>",
/// written digit by digit (no formatting machinery on the CreateBackup path).
inline std::string Service::NewBackupArn(const std::string& table, int64_t createdMs) {
  char stamp[32];
  char* end = stamp + sizeof stamp;
  char* p = end;
  uint32_t id = static_cast<uint32_t>(NextRandom() & 0xffffffffu);
  for (int i = 0; i < 8; ++i, id >>= 4) *--p = "0123456789abcdef"[id & 15u];
  *--p = '-';
  uint64_t ms = static_cast<uint64_t>(createdMs < 0 ? 0 : createdMs);
  for (int i = 0; i < 14 || ms > 0; ++i, ms /= 10) *--p = static_cast<char>('0' + ms % 10);
  std::string arn;
  arn.reserve(TableArnSize(table) + 8 + static_cast<std::size_t>(end - p));
  AppendTableArn(arn, table);
  arn.append("/backup/").append(p, end);
  return arn;
}

// ------------------------------------------------------------------ lookups

inline std::string Service::NameFromTableArg(const std::string& nameOrArn) const {
  if (nameOrArn.rfind("arn:", 0) != 0) return nameOrArn;
  const std::string prefix = TableArn("");
  if (nameOrArn.rfind(prefix, 0) != 0) return {};  // another account, region or service: no such table here
  std::string rest = nameOrArn.substr(prefix.size());
  return rest.find('/') == std::string::npos ? rest : std::string();
}

inline Service::Table* Service::FindTable(const std::string& nameOrArn) {
  auto it = tables_.find(NameFromTableArg(nameOrArn));
  return it == tables_.end() ? nullptr : &it->second;
}

inline Service::Backup* Service::FindBackup(const std::string& arn) {
  auto it = backups_.find(arn);
  return it == backups_.end() ? nullptr : &it->second;
}

inline int Service::TablesInTransition() const {
  int n = 0;
  for (const auto& kv : tables_)
    if (kv.second.status != Model::TableStatus::ACTIVE) ++n;
  return n;
}

inline int Service::RestoresInProgress() const {
  int n = 0;
  for (const auto& kv : tables_)
    if (kv.second.restoring) ++n;
  return n;
}

inline ServiceStats Service::Stats() {
  std::lock_guard<std::mutex> lock(mu_);
  ApplyDue(NowMs());
  ServiceStats s;
  s.tables = tables_.size();
  s.backups = backups_.size();
  std::set<const detail::History*> seen;
  auto count = [&](const std::shared_ptr<detail::History>& h) {
    if (h && seen.insert(h.get()).second) s.historyVersions += h->VersionCount();
  };
  for (const auto& kv : tables_) count(kv.second.history);
  for (const auto& kv : backups_) count(kv.second.history);
  s.histories = seen.size();
  s.pendingEvents = events_.size();
  return s;
}

inline void Service::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  tables_.clear();
  backups_.clear();
  events_ = {};
  calls_.clear();
  faults_.Clear();
  rng_ = options_.seed;
  eventSeq_ = 0;
}

// ------------------------------------------------------------------ history upkeep

inline int64_t Service::EarliestRestorableMs(const Table& t, int64_t now) const {
  const int64_t window = static_cast<int64_t>(t.recoveryPeriodDays) * 86400000LL;
  return std::max(t.pitrSinceMs, now - window);
}

inline void Service::CompactTable(Table& t, int64_t now) {
  t.writesSinceCompaction = 0;
  // a backup requested now may cut up to 60 s back (BackupCutPolicy::Earliest, SeededRandom)
  const int64_t horizon = (t.pitrEnabled ? EarliestRestorableMs(t, now) : now) - 60000;
  t.history->Compact(horizon);
}

inline void Service::CompactHistory(const std::shared_ptr<detail::History>& h, int64_t now) {
  if (!h) return;
  for (auto& kv : tables_)
    if (kv.second.history == h) return CompactTable(kv.second, now);
  // only backups read it: nothing before their cuts can be asked for
  h->Compact(h->Pins().empty() ? now : *h->Pins().begin());
}

inline void Service::WriteItem(Table& t, const detail::Item& item, bool deleted, int64_t now) {
  const std::string key = detail::EncodeKey(t.key, item);
  t.history->Write(key, now, deleted, deleted ? detail::Item{} : item, deleted ? 0 : detail::ItemSize(item));
  if (++t.writesSinceCompaction >= 256) CompactTable(t, now);
}

}  // namespace dynafake

#include "dynafake/detail/service_tables.hpp"   // CreateTable, DescribeTable, UpdateTable, DeleteTable, ...
#include "dynafake/detail/service_items.hpp"    // PutItem, GetItem, DeleteItem, Scan, BatchWriteItem
#include "dynafake/detail/service_backups.hpp"  // CreateBackup, DescribeBackup, ListBackups, DeleteBackup
#include "dynafake/detail/service_restore.hpp"  // continuous backups and restores
