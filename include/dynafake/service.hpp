// dynafake — Service: the whole in-memory DynamoDB of one account and region.
//
// This header declares; the operations are compiled once (see
// dynafake/detail/linkage.hpp): link dynafake::dynafake, or define
// DYNAFAKE_IMPLEMENTATION in one file, or DYNAFAKE_HEADER_ONLY everywhere.
#pragma once

#include <cstddef>   // std::size_t
#include <cstdint>   // int64_t, uint64_t
#include <memory>    // std::unique_ptr
#include <mutex>     // std::mutex
#include <optional>  // std::optional
#include <string>    // std::string

#include "dynafake/clock.hpp"                 // Clock
#include "dynafake/faults.hpp"                // FaultSet
#include "dynafake/generated/operations.hpp"  // XRequest, XOutcome, DYNAFAKE_FOR_EACH_OPERATION
#include "dynafake/journal.hpp"               // CallJournal, detail::CallRing
#include "dynafake/object_store.hpp"          // ObjectStore, InMemoryObjectStore
#include "dynafake/options.hpp"               // ServiceOptions
#include "dynafake/stats.hpp"                 // ServiceStats

/// X-macro: the read-only operations Service::Inspect serves.
#define DYNAFAKE_FOR_EACH_INSPECTION(X) \
  X(DescribeTable)                      \
  X(ListTables)                         \
  X(DescribeBackup)                     \
  X(ListBackups)                        \
  X(DescribeContinuousBackups)          \
  X(DescribeTimeToLive)                 \
  X(ListTagsOfResource)                 \
  X(DescribeExport)                     \
  X(ListExports)                        \
  X(DescribeImport)                     \
  X(ListImports)                        \
  X(GetItem)                            \
  X(Query)                              \
  X(Scan)

namespace dynafake {

namespace detail {
class Components;   // dynafake/components/components.hpp: what the Service holds
struct SavedState;  // dynafake/components/saved_state.hpp: a Service's whole state
}  // namespace detail

/// The whole in-memory DynamoDB of one account and region.
///
/// Every operation validates its request as the service model says, runs the
/// fault rules, checks the documented rate, applies the documented semantics
/// and returns an Outcome; a failed call changes nothing. Time comes only from
/// the Clock: transitions that are due are applied, in time order, at the
/// start of every call. Thread-safe: one Service may be called from many threads.
///
/// One member function per operation, with aws-sdk-cpp's name and shape:
/// `Model::CreateBackupOutcome CreateBackup(const Model::CreateBackupRequest&)`,
/// and so on for every operation of DYNAFAKE_FOR_EACH_OPERATION
/// (dynafake/generated/operations.hpp, from the service model; which
/// component serves each is in dynafake/components/components.hpp).
class Service {
 public:
  explicit Service(Clock& clock, ServiceOptions options = {});
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

#define DYNAFAKE_SERVICE_OPERATION(Op) Model::Op##Outcome Op(const Model::Op##Request& request);
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_SERVICE_OPERATION)
#undef DYNAFAKE_SERVICE_OPERATION

  /// The reads a tool looking at the fake makes (the dashboard, a test's
  /// own diagnostics): answered from the state as the operation answers them,
  /// but not calls: no fault rule sees them, no rate limit counts them, the
  /// journal does not record them.
#define DYNAFAKE_SERVICE_INSPECT(Op) Model::Op##Outcome Inspect(const Model::Op##Request& request);
  DYNAFAKE_FOR_EACH_INSPECTION(DYNAFAKE_SERVICE_INSPECT)
#undef DYNAFAKE_SERVICE_INSPECT

  /// Any operation by its request type: `service.Invoke(Model::CreateBackupRequest()...)`.
  /// Declared only (defined with the operations): a body here would make every
  /// file that includes this header instantiate every operation's Outcome.
#define DYNAFAKE_INVOKE_OVERLOAD(Op) Model::Op##Outcome Invoke(const Model::Op##Request& request);
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
  /// The calls recorded so far (the last ServiceOptions::journalSize), oldest first.
  CallJournal Journal();
  /// Forgets the calls recorded; sequence numbers go on from where they were.
  void ClearJournal();
  /// Forgets every table, backup, pending transition, fault rule and journal
  /// entry; the ARN generator starts again from the seed. The clock is the
  /// test's and is not touched.
  void Reset();

  /// The instant whose items a backup holds, in ms since the epoch (inside the
  /// consistency window around its request: ServiceOptions::backupCut), or
  /// nullopt when there is no such backup. The service itself never tells.
  std::optional<int64_t> BackupCutMs(const std::string& backupArn);

  /// The ARN of a table of this account and region.
  std::string TableArn(const std::string& name) const;

  /// Where ExportTableToPointInTime writes its files and ImportTable reads
  /// them (Amazon S3's place): an InMemoryObjectStore unless set.
  ObjectStore& Objects();
  std::shared_ptr<ObjectStore> ObjectStorePtr();
  void SetObjectStore(std::shared_ptr<ObjectStore> store);

  /// The whole state, as each component saves it (include
  /// dynafake/components/saved_state.hpp), after applying the transitions that
  /// are due; shares nothing with the Service. dynafake::SaveState
  /// (dynafake/wire/snapshot.hpp) writes it as JSON.
  detail::SavedState SaveState();
  /// Replaces the state with `state`. An adjustable clock (a ManualClock) is
  /// moved forward to the instant it was saved at. Throws
  /// std::invalid_argument, changing nothing, when `state` breaks an invariant
  /// of a component or is older than an adjustable clock. Fault rules, the
  /// journal and idempotency tokens are left as they are.
  void LoadState(detail::SavedState state);

 private:
  /// The pipeline every operation runs: validate, fault rules, rate limit, the
  /// component's operation; each call recorded in the journal. An inspection
  /// skips the fault rules, the rate limit and the journal.
  template <class Request>
  typename OperationTraits<Request>::Outcome Run(const Request& request, bool inspection = false);
  int64_t NowMs() const;

  Clock* clock_;
  ServiceOptions options_;
  FaultSet faults_;
  std::mutex mu_;
  detail::CallRing journal_;
  std::unique_ptr<detail::Components> components_;
};

}  // namespace dynafake
