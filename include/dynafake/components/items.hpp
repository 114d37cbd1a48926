// dynafake — Items: the data plane (PutItem, GetItem, DeleteItem, UpdateItem,
// Query, Scan, BatchGetItem, BatchWriteItem) and the upkeep of the item
// histories backups share: versions no reader can reach any more are
// released. Each call's request is checked alone first, by Validate, as the
// Service's first step (detail/requests/read_plans.hpp, detail/requests/write_plans.hpp,
// detail/requests/batch_get.hpp); the operation then finds the table and runs on
// the table's DataTable view (detail/data_plane/item_operations.hpp, query_scan.hpp,
// batch_get.hpp), which knows nothing of how tables are kept.
#pragma once

#include <cstdint>  // int64_t
#include <memory>   // std::shared_ptr
#include <set>      // std::set
#include <string>   // std::string

#include "dynafake/components/tables.hpp"             // TableRecord
#include "dynafake/detail/data_plane/data_table.hpp"  // DataTable
#include "dynafake/detail/requests/batch_get.hpp"     // BatchGetPlan
#include "dynafake/detail/requests/read_plans.hpp"    // ReadPlan
#include "dynafake/detail/requests/write_plans.hpp"   // WritePlan, BatchWritePlan
#include "dynafake/detail/storage/expiry_queue.hpp"   // ExpiryQueue
#include "dynafake/detail/storage/history.hpp"        // History, Item
#include "dynafake/detail/validation/validator.hpp"   // Validator
#include "dynafake/generated/operations.hpp"          // XRequest, XOutcome

namespace dynafake {
namespace detail {

class ContinuousBackups;
class Throughput;

class Items {
 public:
  Items(const ServiceOptions& options, Tables& tables, ContinuousBackups& continuous, ExpiryQueue& expiry,
        Throughput& throughput)
      : options_(&options), tables_(&tables), continuous_(&continuous), expiry_(&expiry), throughput_(&throughput) {}

  // ---- the request's own checks (everything that needs no table), run by
  // the Service's first step, before fault rules and rate limits; what they
  // parse is the plan the operation is then served with
  static void Validate(const Model::PutItemRequest& r, Validator& v, WritePlan& plan);
  static void Validate(const Model::GetItemRequest& r, Validator& v, ReadPlan& plan);
  static void Validate(const Model::DeleteItemRequest& r, Validator& v, WritePlan& plan);
  static void Validate(const Model::UpdateItemRequest& r, Validator& v, WritePlan& plan);
  static void Validate(const Model::QueryRequest& r, Validator& v, ReadPlan& plan);
  static void Validate(const Model::ScanRequest& r, Validator& v, ReadPlan& plan);
  static void Validate(const Model::BatchGetItemRequest& r, Validator& v, BatchGetPlan& plan);
  static void Validate(const Model::BatchWriteItemRequest& r, Validator& v, BatchWritePlan& plan);

  // ---- the operations, given the plan their Validate made
  Model::PutItemOutcome PutItem(const Model::PutItemRequest& r, const WritePlan& plan, int64_t now);
  Model::GetItemOutcome GetItem(const Model::GetItemRequest& r, const ReadPlan& plan, int64_t now);
  Model::DeleteItemOutcome DeleteItem(const Model::DeleteItemRequest& r, const WritePlan& plan, int64_t now);
  Model::UpdateItemOutcome UpdateItem(const Model::UpdateItemRequest& r, const WritePlan& plan, int64_t now);
  Model::QueryOutcome Query(const Model::QueryRequest& r, const ReadPlan& plan, int64_t now);
  Model::ScanOutcome Scan(const Model::ScanRequest& r, const ReadPlan& plan, int64_t now);
  Model::BatchGetItemOutcome BatchGetItem(const Model::BatchGetItemRequest& r, const BatchGetPlan& plan, int64_t now);
  Model::BatchWriteItemOutcome BatchWriteItem(const Model::BatchWriteItemRequest& r, const BatchWritePlan& plan,
                                              int64_t now);

  // ---- history upkeep
  /// Records a write (or a deletion) of `item` in the table's history; every
  /// 256 writes the history is compacted. A written item whose Time to Live
  /// attribute is due gets its deletion scheduled (ScheduleExpiry).
  void Write(TableRecord& t, const Item& item, bool deleted, int64_t now);
  /// Schedules the deletion of `item` (under `key`) when its TTL has passed
  /// plus the policy's delay, not before `now`; nothing when the table's TTL
  /// is not ENABLED at `now`, the item has no Number TTL value, or that value
  /// is more than the policy's five years old.
  void ScheduleExpiry(const TableRecord& t, const std::string& key, const Item& item, int64_t now);
  /// The service's deletion of an expired item at `atMs`, recorded as such in
  /// the history (Version::expired), when the item under `key` is still the
  /// one whose TTL value was `expiresMs` (not deleted or written again since);
  /// no capacity is consumed. Does not compact. Returns whether it deleted.
  bool Expire(TableRecord& t, const std::string& key, int64_t expiresMs, int64_t atMs, int64_t now);
  /// Compacts the table's history when 256 writes or expiries have passed since it last was.
  void CompactIfDue(TableRecord& t, int64_t now);
  /// Releases the versions of a table's history that no backup, restorable
  /// window or backup cut (up to 60 s back) can reach any more.
  void CompactTable(TableRecord& t, int64_t now);
  /// The earliest instant anyone may still read `t`'s history at (before pins).
  int64_t HorizonMs(const TableRecord& t, int64_t now) const;
  /// Same for any history: a table's, or one only backups still read.
  void CompactHistory(const std::shared_ptr<History>& history, int64_t now);
  /// A reader of `history` is gone (a backup was deleted or expired). While
  /// transitions are being applied (between DeferCompaction and
  /// FlushCompaction) histories are compacted once at the end, not once per backup.
  void Released(const std::shared_ptr<History>& history, int64_t now);
  void DeferCompaction() { deferring_ = true; }
  void FlushCompaction(int64_t now);

 private:
  friend class Transactions;  // runs the single-item operations on the tables found here, writes held back
  /// The table a data-plane call names, or ResourceNotFoundException for one
  /// that is absent, CREATING or DELETING.
  TableRecord* Writable(const std::string& nameOrArn, std::optional<DynamoDBError>& error);
  /// The table as the data-plane operations see it; writes go to its history at `now`.
  DataTable DataOf(TableRecord& t, int64_t now);
  /// One data-plane call on one table: the table, then `run` on it with the plan.
  template <class Outcome, class Request, class Plan, class RunFn>
  Outcome OnOneTable(const Request& r, const Plan& plan, int64_t now, RunFn run);

  const ServiceOptions* options_;
  Tables* tables_;
  ContinuousBackups* continuous_;
  ExpiryQueue* expiry_;
  Throughput* throughput_;
  bool deferring_ = false;
  std::set<std::shared_ptr<History>> deferred_;
};

}  // namespace detail
}  // namespace dynafake
