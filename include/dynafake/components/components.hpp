// dynafake — the components of a Service, one concern each, and the map from
// each operation to the component that serves it:
//
//   Identity           account, region, partition; ARNs and ids (seeded)
//   Timeline           pending transitions, applied in time order
//   Quotas             the documented limits: call rates, concurrency
//   Tables             tables, their settings, status, indexes, tags
//   Throughput         read and write capacity on the clock: what every read and write is charged
//   Items              the data plane and the upkeep of the shared item histories
//   TimeToLive         Time to Live settings on the clock, and expired items' deletion
//   Backups            every backup: records, descriptions, expiry
//   ContinuousBackups  point-in-time recovery settings and windows
//   Restores           new tables from a backup or a point in time
//   Transactions       TransactWriteItems and TransactGetItems: all or nothing, idempotency tokens
//   Exports            exports of a point in time (or of a window's changes) into the ObjectStore
//   Imports            new tables read from the ObjectStore
//
// Each owns its state and renders its own descriptions; they call each other
// through the references given at construction. Service (service.hpp) is the
// pipeline in front of them: validate, fault rules, rate limits, then the
// component's operation.
#pragma once

#include <cstddef>  // std::size_t
#include <cstdint>  // int64_t
#include <memory>   // std::shared_ptr, std::make_shared
#include <string>   // std::string

#include "dynafake/components/backups.hpp"
#include "dynafake/components/continuous_backups.hpp"
#include "dynafake/components/exports.hpp"
#include "dynafake/components/identity.hpp"
#include "dynafake/components/imports.hpp"
#include "dynafake/components/items.hpp"
#include "dynafake/components/quotas.hpp"
#include "dynafake/components/restores.hpp"
#include "dynafake/components/saved_state.hpp"
#include "dynafake/components/tables.hpp"
#include "dynafake/components/throughput.hpp"
#include "dynafake/components/time_to_live.hpp"
#include "dynafake/components/timeline.hpp"
#include "dynafake/components/transactions.hpp"
#include "dynafake/object_store.hpp"
#include "dynafake/options.hpp"

namespace dynafake {

struct ServiceStats;

namespace detail {

/// What an operation's own checks hand to the operation: nothing, but for the
/// data plane, whose checks parse the request's expressions, items and keys.
struct NoPlan {};
template <class Request>
struct PlanOf {
  using type = NoPlan;
};
template <>
struct PlanOf<Model::PutItemRequest> {
  using type = WritePlan;
};
template <>
struct PlanOf<Model::DeleteItemRequest> {
  using type = WritePlan;
};
template <>
struct PlanOf<Model::UpdateItemRequest> {
  using type = WritePlan;
};
template <>
struct PlanOf<Model::GetItemRequest> {
  using type = ReadPlan;
};
template <>
struct PlanOf<Model::QueryRequest> {
  using type = ReadPlan;
};
template <>
struct PlanOf<Model::ScanRequest> {
  using type = ReadPlan;
};
template <>
struct PlanOf<Model::BatchGetItemRequest> {
  using type = BatchGetPlan;
};
template <>
struct PlanOf<Model::BatchWriteItemRequest> {
  using type = BatchWritePlan;
};
template <>
struct PlanOf<Model::TransactWriteItemsRequest> {
  using type = TransactWritePlan;
};
template <>
struct PlanOf<Model::TransactGetItemsRequest> {
  using type = TransactGetPlan;
};

class Components {
 public:
  explicit Components(const ServiceOptions& options)
      : identity(options),
        quotas(options.limits),
        tables(options, identity, timeline, quotas),
        throughput(options, tables),
        items(options, tables, continuous, expiry, throughput),
        timeToLive(options, identity, tables, items, expiry),
        backups(options, identity, timeline, quotas, tables, items),
        continuous(options, identity, tables, items),
        restores(options, identity, quotas, tables, backups, continuous),
        transactions(options, items),
        exports(options, identity, tables, continuous, objects),
        imports(options, identity, quotas, tables, objects) {
    // Tables knows neither Backups nor ContinuousBackups: what a deletion asks of them is wired here
    tables.SetDeletionHooks({[this](const std::string& table) { return backups.CreatingUserBackup(table); },
                             [this](const TableRecord& t, const std::string& name, int64_t now) {
                               // the deleted-table safety net: with point-in-time recovery on, a SYSTEM backup of the
                               // table as it was just before the delete
                               if (continuous.Enabled(name))
                                 backups.Take(t, name + "$DeletedTableBackup", Model::BackupType::SYSTEM, now, now);
                             }});
  }
  Components(const Components&) = delete;
  Components& operator=(const Components&) = delete;

  Identity identity;
  Timeline timeline;
  Quotas quotas;
  Tables tables;
  ExpiryQueue expiry;  ///< pending TTL deletions: written by Items, applied by TimeToLive
  Throughput throughput;
  Items items;
  TimeToLive timeToLive;
  Backups backups;
  ContinuousBackups continuous;
  Restores restores;
  Transactions transactions;
  /// Where exports write and imports read (Service::SetObjectStore); in memory by default.
  std::shared_ptr<ObjectStore> objects = std::make_shared<InMemoryObjectStore>();
  Exports exports;
  Imports imports;

  /// Applies every transition and TTL deletion due at `now`, in time order.
  void ApplyDue(int64_t now);
  /// Forgets every table, backup, transition and call; the generator starts again from the seed.
  void Reset();
  ServiceStats Stats() const;
  /// Every component's state at `now` (due transitions applied first), the
  /// item histories copied: the result shares nothing with the components.
  SavedState Save(int64_t now);
  /// Every component's Check: std::invalid_argument saying what breaks an invariant.
  static void Check(const SavedState& s);
  /// Replaces every component's state with `s` (checked); the rate windows
  /// are forgotten, the pending TTL deletions found again from the items at `now`.
  void Load(SavedState s, int64_t now);

  // ---- which component checks and serves which operation
  // Validate: the operation's own rules beyond the model's constraints, on the
  // request alone (no table is looked at); what it parses goes in the plan the
  // operation is served with (PlanOf: nothing, but for the data plane).
  // Precheck: what the service checks before the model's constraints (a table
  // name's presence and length, a resource ARN the caller may be authorized for).
  template <class Request>
  void Precheck(const Request&, Validator&) const {}
  void Precheck(const Model::CreateTableRequest& r, Validator& v) const { Tables::Precheck(r, v); }
  void Precheck(const Model::UpdateTableRequest& r, Validator& v) const { Tables::Precheck(r, v); }
  void Precheck(const Model::DescribeTableRequest& r, Validator& v) const { Tables::Precheck(r, v); }
  void Precheck(const Model::DeleteTableRequest& r, Validator& v) const { Tables::Precheck(r, v); }
  void Precheck(const Model::TagResourceRequest& r, Validator& v) const {
    Tables::PrecheckResourceArn(r.ResourceArnHasBeenSet(), r.GetResourceArn(), "TagResource", identity, v);
  }
  void Precheck(const Model::UntagResourceRequest& r, Validator& v) const {
    Tables::PrecheckResourceArn(r.ResourceArnHasBeenSet(), r.GetResourceArn(), "UntagResource", identity, v);
  }
  void Precheck(const Model::ListTagsOfResourceRequest& r, Validator& v) const {
    Tables::PrecheckResourceArn(r.ResourceArnHasBeenSet(), r.GetResourceArn(), "ListTagsOfResource", identity, v);
  }
  template <class Request>
  void Validate(const Request&, Validator&, NoPlan&) const {}  // the model's constraints are all there is
  void Validate(const Model::CreateTableRequest& r, Validator& v, NoPlan&) const { Tables::Validate(r, v); }
  void Validate(const Model::UpdateTableRequest& r, Validator& v, NoPlan&) const { Tables::Validate(r, v); }
  void Validate(const Model::DescribeTableRequest& r, Validator& v, NoPlan&) const { Tables::Validate(r, v); }
  void Validate(const Model::DeleteTableRequest& r, Validator& v, NoPlan&) const { Tables::Validate(r, v); }
  void Validate(const Model::TagResourceRequest& r, Validator& v, NoPlan&) const { Tables::Validate(r, identity, v); }
  void Validate(const Model::UntagResourceRequest& r, Validator& v, NoPlan&) const { Tables::Validate(r, identity, v); }
  void Validate(const Model::ListTagsOfResourceRequest& r, Validator& v, NoPlan&) const {
    Tables::Validate(r, identity, v);
  }
  void Validate(const Model::RestoreTableToPointInTimeRequest& r, Validator& v, NoPlan&) const {
    Restores::Validate(r, v);
  }
  void Validate(const Model::RestoreTableFromBackupRequest& r, Validator& v, NoPlan&) const {
    Restores::Validate(r, v);
  }
  void Validate(const Model::ExportTableToPointInTimeRequest& r, Validator& v, NoPlan&) const {
    Exports::Validate(r, v);
  }
  void Validate(const Model::ImportTableRequest& r, Validator& v, NoPlan&) const { Imports::Validate(r, v); }
#define DYNAFAKE_CHECKED_BY(component, Op)                                                              \
  void Validate(const Model::Op##Request& r, Validator& v, PlanOf<Model::Op##Request>::type& p) const { \
    component::Validate(r, v, p);                                                                       \
  }
  DYNAFAKE_CHECKED_BY(Items, PutItem)
  DYNAFAKE_CHECKED_BY(Items, GetItem)
  DYNAFAKE_CHECKED_BY(Items, DeleteItem)
  DYNAFAKE_CHECKED_BY(Items, UpdateItem)
  DYNAFAKE_CHECKED_BY(Items, Query)
  DYNAFAKE_CHECKED_BY(Items, Scan)
  DYNAFAKE_CHECKED_BY(Items, BatchGetItem)
  DYNAFAKE_CHECKED_BY(Items, BatchWriteItem)
  DYNAFAKE_CHECKED_BY(Transactions, TransactWriteItems)
  DYNAFAKE_CHECKED_BY(Transactions, TransactGetItems)
#undef DYNAFAKE_CHECKED_BY

  // ---- what a fault rule's error becomes: a transaction's cancellation gets its reasons
  template <class Request>
  static void Injected(const Request&, DynamoDBError&) {}
  static void Injected(const Model::TransactWriteItemsRequest& r, DynamoDBError& e) { Transactions::Injected(r, e); }
  static void Injected(const Model::TransactGetItemsRequest& r, DynamoDBError& e) { Transactions::Injected(r, e); }

#define DYNAFAKE_SERVED_BY(component, Op) \
  Model::Op##Outcome Serve(const Model::Op##Request& r, const NoPlan&, int64_t now) { return component.Op(r, now); }
#define DYNAFAKE_SERVED_WITH_PLAN(component, Op)                                                                  \
  Model::Op##Outcome Serve(const Model::Op##Request& r, const PlanOf<Model::Op##Request>::type& p, int64_t now) { \
    return component.Op(r, p, now);                                                                               \
  }
  DYNAFAKE_SERVED_BY(tables, CreateTable)
  DYNAFAKE_SERVED_BY(tables, DescribeTable)
  DYNAFAKE_SERVED_BY(tables, UpdateTable)
  DYNAFAKE_SERVED_BY(tables, DeleteTable)
  DYNAFAKE_SERVED_BY(tables, ListTables)
  DYNAFAKE_SERVED_BY(tables, TagResource)
  DYNAFAKE_SERVED_BY(tables, UntagResource)
  DYNAFAKE_SERVED_BY(tables, ListTagsOfResource)
  DYNAFAKE_SERVED_BY(timeToLive, DescribeTimeToLive)
  DYNAFAKE_SERVED_BY(timeToLive, UpdateTimeToLive)
  DYNAFAKE_SERVED_WITH_PLAN(items, PutItem)
  DYNAFAKE_SERVED_WITH_PLAN(items, GetItem)
  DYNAFAKE_SERVED_WITH_PLAN(items, DeleteItem)
  DYNAFAKE_SERVED_WITH_PLAN(items, UpdateItem)
  DYNAFAKE_SERVED_WITH_PLAN(items, Query)
  DYNAFAKE_SERVED_WITH_PLAN(items, Scan)
  DYNAFAKE_SERVED_WITH_PLAN(items, BatchGetItem)
  DYNAFAKE_SERVED_WITH_PLAN(items, BatchWriteItem)
  DYNAFAKE_SERVED_WITH_PLAN(transactions, TransactWriteItems)
  DYNAFAKE_SERVED_WITH_PLAN(transactions, TransactGetItems)
  DYNAFAKE_SERVED_BY(backups, CreateBackup)
  DYNAFAKE_SERVED_BY(backups, DescribeBackup)
  DYNAFAKE_SERVED_BY(backups, ListBackups)
  DYNAFAKE_SERVED_BY(backups, DeleteBackup)
  DYNAFAKE_SERVED_BY(continuous, DescribeContinuousBackups)
  DYNAFAKE_SERVED_BY(continuous, UpdateContinuousBackups)
  DYNAFAKE_SERVED_BY(restores, RestoreTableFromBackup)
  DYNAFAKE_SERVED_BY(restores, RestoreTableToPointInTime)
  DYNAFAKE_SERVED_BY(exports, ExportTableToPointInTime)
  DYNAFAKE_SERVED_BY(exports, DescribeExport)
  DYNAFAKE_SERVED_BY(exports, ListExports)
  DYNAFAKE_SERVED_BY(imports, ImportTable)
  DYNAFAKE_SERVED_BY(imports, DescribeImport)
  DYNAFAKE_SERVED_BY(imports, ListImports)
#undef DYNAFAKE_SERVED_WITH_PLAN
#undef DYNAFAKE_SERVED_BY
};

}  // namespace detail
}  // namespace dynafake
