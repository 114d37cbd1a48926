// dynafake — the components of a Service, one concern each, and the map from
// each operation to the component that serves it:
//
//   Identity           account, region, partition; ARNs and ids (seeded)
//   Timeline           pending transitions, applied in time order
//   Quotas             the documented limits: call rates, concurrency
//   Tables             tables, their settings, status, indexes, tags, Time to Live
//   Items              the data plane and the upkeep of the shared item histories
//   Backups            every backup: records, descriptions, expiry
//   ContinuousBackups  point-in-time recovery settings and windows
//   Restores           new tables from a backup or a point in time
//
// Each owns its state and renders its own descriptions; they call each other
// through the references given at construction. Service (service.hpp) is the
// pipeline in front of them: validate, fault rules, rate limits, then the
// component's operation.
#pragma once

#include <cstddef>  // std::size_t
#include <cstdint>  // int64_t

#include "dynafake/components/backups.hpp"
#include "dynafake/components/continuous_backups.hpp"
#include "dynafake/components/identity.hpp"
#include "dynafake/components/items.hpp"
#include "dynafake/components/quotas.hpp"
#include "dynafake/components/restores.hpp"
#include "dynafake/components/tables.hpp"
#include "dynafake/components/timeline.hpp"
#include "dynafake/options.hpp"

namespace dynafake {

struct ServiceStats;

namespace detail {

class Components {
 public:
  explicit Components(const ServiceOptions& options)
      : identity(options),
        quotas(options.limits),
        tables(options, identity, timeline, quotas, backups, continuous),
        items(tables, continuous),
        backups(options, identity, timeline, quotas, tables, items),
        continuous(options, identity, tables, items),
        restores(options, identity, quotas, tables, backups, continuous) {}
  Components(const Components&) = delete;
  Components& operator=(const Components&) = delete;

  Identity identity;
  Timeline timeline;
  Quotas quotas;
  Tables tables;
  Items items;
  Backups backups;
  ContinuousBackups continuous;
  Restores restores;

  /// Applies every transition due at `now`, in time order.
  void ApplyDue(int64_t now);
  /// Forgets every table, backup, transition and call; the generator starts again from the seed.
  void Reset();
  ServiceStats Stats() const;

  // ---- which component serves which operation
  template <class Request>
  void Validate(const Request&, Validator&) const {}  // the model's constraints are all there is
  void Validate(const Model::CreateTableRequest& r, Validator& v) const { Tables::Validate(r, v); }
  void Validate(const Model::UpdateTableRequest& r, Validator& v) const { Tables::Validate(r, v); }
  void Validate(const Model::RestoreTableToPointInTimeRequest& r, Validator& v) const { Restores::Validate(r, v); }
  void Validate(const Model::RestoreTableFromBackupRequest& r, Validator& v) const { Restores::Validate(r, v); }

#define DYNAFAKE_SERVED_BY(component, Op) \
  Model::Op##Outcome Serve(const Model::Op##Request& r, int64_t now) { return component.Op(r, now); }
  DYNAFAKE_SERVED_BY(tables, CreateTable)
  DYNAFAKE_SERVED_BY(tables, DescribeTable)
  DYNAFAKE_SERVED_BY(tables, UpdateTable)
  DYNAFAKE_SERVED_BY(tables, DeleteTable)
  DYNAFAKE_SERVED_BY(tables, ListTables)
  DYNAFAKE_SERVED_BY(tables, TagResource)
  DYNAFAKE_SERVED_BY(tables, UntagResource)
  DYNAFAKE_SERVED_BY(tables, ListTagsOfResource)
  DYNAFAKE_SERVED_BY(tables, DescribeTimeToLive)
  DYNAFAKE_SERVED_BY(tables, UpdateTimeToLive)
  DYNAFAKE_SERVED_BY(items, PutItem)
  DYNAFAKE_SERVED_BY(items, GetItem)
  DYNAFAKE_SERVED_BY(items, DeleteItem)
  DYNAFAKE_SERVED_BY(items, UpdateItem)
  DYNAFAKE_SERVED_BY(items, Query)
  DYNAFAKE_SERVED_BY(items, Scan)
  DYNAFAKE_SERVED_BY(items, BatchGetItem)
  DYNAFAKE_SERVED_BY(items, BatchWriteItem)
  DYNAFAKE_SERVED_BY(backups, CreateBackup)
  DYNAFAKE_SERVED_BY(backups, DescribeBackup)
  DYNAFAKE_SERVED_BY(backups, ListBackups)
  DYNAFAKE_SERVED_BY(backups, DeleteBackup)
  DYNAFAKE_SERVED_BY(continuous, DescribeContinuousBackups)
  DYNAFAKE_SERVED_BY(continuous, UpdateContinuousBackups)
  DYNAFAKE_SERVED_BY(restores, RestoreTableFromBackup)
  DYNAFAKE_SERVED_BY(restores, RestoreTableToPointInTime)
#undef DYNAFAKE_SERVED_BY
};

}  // namespace detail
}  // namespace dynafake
