// dynafake — Items: the data plane (PutItem, GetItem, DeleteItem, UpdateItem,
// Query, Scan, BatchGetItem, BatchWriteItem) and the upkeep of the item
// histories backups share: versions no reader can reach any more are
// released. Each call checks the request alone first (detail/read_plans.hpp,
// detail/write_plans.hpp), then finds the table, then runs the operation on
// the table's DataTable view (detail/item_operations.hpp, query_scan.hpp,
// batch_get.hpp), which knows nothing of how tables are kept.
#pragma once

#include <cstdint>  // int64_t
#include <memory>   // std::shared_ptr
#include <set>      // std::set
#include <string>   // std::string

#include "dynafake/components/tables.hpp"     // TableRecord
#include "dynafake/detail/data_table.hpp"     // DataTable
#include "dynafake/detail/history.hpp"        // History, Item
#include "dynafake/generated/operations.hpp"  // XRequest, XOutcome

namespace dynafake {
namespace detail {

class ContinuousBackups;

class Items {
 public:
  Items(Tables& tables, ContinuousBackups& continuous) : tables_(&tables), continuous_(&continuous) {}

  // ---- the operations
  Model::PutItemOutcome PutItem(const Model::PutItemRequest& r, int64_t now);
  Model::GetItemOutcome GetItem(const Model::GetItemRequest& r, int64_t now);
  Model::DeleteItemOutcome DeleteItem(const Model::DeleteItemRequest& r, int64_t now);
  Model::UpdateItemOutcome UpdateItem(const Model::UpdateItemRequest& r, int64_t now);
  Model::QueryOutcome Query(const Model::QueryRequest& r, int64_t now);
  Model::ScanOutcome Scan(const Model::ScanRequest& r, int64_t now);
  Model::BatchGetItemOutcome BatchGetItem(const Model::BatchGetItemRequest& r, int64_t now);
  Model::BatchWriteItemOutcome BatchWriteItem(const Model::BatchWriteItemRequest& r, int64_t now);

  // ---- history upkeep
  /// Records a write (or a deletion) of `item` in the table's history; every
  /// 256 writes the history is compacted.
  void Write(TableRecord& t, const Item& item, bool deleted, int64_t now);
  /// Releases the versions of a table's history that no backup, restorable
  /// window or backup cut (up to 60 s back) can reach any more.
  void CompactTable(TableRecord& t, int64_t now);
  /// Same for any history: a table's, or one only backups still read.
  void CompactHistory(const std::shared_ptr<History>& history, int64_t now);
  /// A reader of `history` is gone (a backup was deleted or expired). While
  /// transitions are being applied (between DeferCompaction and
  /// FlushCompaction) histories are compacted once at the end, not once per backup.
  void Released(const std::shared_ptr<History>& history, int64_t now);
  void DeferCompaction() { deferring_ = true; }
  void FlushCompaction(int64_t now);

 private:
  /// The table a data-plane call names, or ResourceNotFoundException for one
  /// that is absent, CREATING or DELETING.
  TableRecord* Writable(const std::string& nameOrArn, std::optional<DynamoDBError>& error);
  /// The table as the data-plane operations see it; writes go to its history at `now`.
  DataTable DataOf(TableRecord& t, int64_t now);
  /// One data-plane call on one table: the request's own checks (`plan`), the table, then `run` on it.
  template <class Outcome, class Request, class Plan, class PlanFn, class RunFn>
  Outcome OnOneTable(const Request& r, int64_t now, PlanFn plan, RunFn run);

  Tables* tables_;
  ContinuousBackups* continuous_;
  bool deferring_ = false;
  std::set<std::shared_ptr<History>> deferred_;
};

}  // namespace detail
}  // namespace dynafake
