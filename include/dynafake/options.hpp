// dynafake — ServiceOptions: identity, durations and limits of one fake DynamoDB.
#pragma once

#include <chrono>   // std::chrono::seconds
#include <cstddef>  // std::size_t
#include <cstdint>  // uint64_t
#include <map>      // std::map
#include <string>   // std::string

#include "dynafake/generated/documented_rates.hpp"  // the rates the service documents
#include "dynafake/limits.hpp"                      // the documented limits

namespace dynafake {

using Duration = std::chrono::milliseconds;

/// How long each asynchronous transition takes on the Service's clock.
/// Defaults are in the range the real service shows for small tables; set
/// them to zero (ServiceOptions::Instant()) when a test does not care.
struct Durations {
  Duration tableCreate = std::chrono::seconds(10);   ///< CreateTable: CREATING -> ACTIVE
  Duration tableUpdate = std::chrono::seconds(10);   ///< UpdateTable: UPDATING -> ACTIVE
  Duration tableDelete = std::chrono::seconds(5);    ///< DeleteTable: DELETING -> gone
  Duration backupCreate = std::chrono::seconds(30);  ///< CreateBackup: CREATING -> AVAILABLE
  Duration restore = std::chrono::minutes(5);        ///< Restore*: target CREATING -> ACTIVE
  /// How long after CreateTable continuous backups stay unavailable
  /// (CreateBackup / UpdateContinuousBackups answer ContinuousBackupsUnavailableException).
  Duration continuousBackupsWarmUp = Duration::zero();
  /// How far LatestRestorableDateTime lags behind now while PITR is on.
  Duration pitrLatestLag = std::chrono::minutes(5);
  /// UpdateTimeToLive: ENABLING -> ENABLED, DISABLING -> DISABLED. "It can take
  /// up to one hour for the change to fully process" (UpdateTimeToLive, API
  /// Reference); items expire once TTL is ENABLED.
  Duration timeToLiveChange = std::chrono::hours(1);
  /// ExportTableToPointInTime: IN_PROGRESS -> COMPLETED (its files written then).
  /// Exports take minutes even for small tables ([infer]: AWS states no duration).
  Duration exportTable = std::chrono::minutes(5);
  /// ImportTable: IN_PROGRESS -> COMPLETED, the new table CREATING -> ACTIVE meanwhile.
  Duration importTable = std::chrono::minutes(5);
};

/// How expired items go (Time to Live). An item expires when its TTL
/// attribute, a Number of epoch seconds, is less than the current time; it
/// stays readable until deleted. "DynamoDB typically deletes expired items
/// within two days of expiration" (UpdateTimeToLive, API Reference): the
/// fake deletes each one exactly `deletionDelay` after it expired, on the
/// clock (zero: at once). An expiry time more than five years before the
/// current time is ignored, as the Developer Guide's "Time to Live" says of
/// the TTL attribute's format.
struct TimeToLivePolicy {
  Duration deletionDelay = std::chrono::hours(48);
  /// Expiry times further in the past than this are never deleted.
  Duration ignoredWhenOlderThan = std::chrono::hours(24 * 365 * 5);
};

/// Documented service quotas, enforced on the Service's clock. A zero value
/// switches a limit off.
struct Limits {
  /// Calls accepted per second of the clock, per operation name. CreateBackup's
  /// documented 50/s is on by default; `WithDocumentedRates()` adds the other
  /// documented rates (DescribeBackup, DeleteBackup, RestoreTableFromBackup and
  /// DescribeContinuousBackups 10/s, ListBackups 5/s).
  std::map<std::string, int> callsPerSecond{{"CreateBackup", detail::DocumentedCallsPerSecond("CreateBackup")}};
  /// Tables in CREATING, UPDATING or DELETING at once (CreateTable, UpdateTable,
  /// DeleteTable and restores count).
  int tablesInTransition = 500;
  /// Of those, tables with secondary indexes being created at once.
  int tablesWithIndexesCreating = 250;
  /// Restores in progress at once, of either kind.
  int concurrentRestores = 50;
  /// Tables in the account and region.
  int tables = 2500;
  /// Backups in CREATING at once across the account (0 = no limit; not documented).
  int backupsInProgress = 0;
  /// "Up to 300 export tasks ... can be exported concurrently" (Developer Guide,
  /// "Service, account, and table quotas", Table export to Amazon S3).
  int concurrentExports = 300;
  /// "Up to 50 concurrent import jobs" (the same page, Import from Amazon S3).
  int concurrentImports = 50;
  /// "Any additional UpdateTimeToLive calls for the same table during this one
  /// hour duration result in a ValidationException" (UpdateTimeToLive, API Reference).
  Duration timeToLiveChangeInterval = limits::kTimeToLiveChangeInterval;
  /// How long TransactWriteItems remembers a ClientRequestToken: "A client
  /// request token is valid for 10 minutes after the first request that uses
  /// it is completed" (TransactWriteItems, API Reference).
  Duration transactionTokenWindow = limits::kTransactionTokenWindow;

  /// Every rate the service model's documentation states (tools/add_shape.py
  /// records them in the model dynafake is generated from).
  Limits& WithDocumentedRates() {
    for (const auto& rate : detail::kDocumentedRates) callsPerSecond[rate.operation] = rate.callsPerSecond;
    return *this;
  }
};

/// Which instant inside the documented consistency window [T-60s, T+60s] a
/// backup requested at T captures.
enum class BackupCutPolicy {
  RequestTime,  ///< exactly T (default)
  Earliest,     ///< T - 60 s: only what is guaranteed to be in the backup
  Latest,       ///< T + 60 s: everything that may be in the backup
  SeededRandom  ///< a millisecond in the window, drawn from the Service's seed
};

/// Read and write capacity, enforced on the clock (docs/throughput.md). Each
/// table and each global secondary index has a bucket of read and one of
/// write capacity that fills at its rate, up to `burstSeconds` of it, and
/// starts full; a request is charged exactly what its ConsumedCapacity
/// reports (local secondary indexes share the table's bucket). Over it, a
/// provisioned table answers ProvisionedThroughputExceededException, an
/// on-demand one ThrottlingException; BatchWriteItem and BatchGetItem return
/// what was throttled as UnprocessedItems / UnprocessedKeys.
struct ThroughputPolicy {
  /// Switch off to serve any traffic (the fake before issue 23).
  bool enforce = true;
  /// How much unused capacity a bucket keeps: "DynamoDB currently retains up
  /// to five minutes (300 seconds) of unused read and write capacity"
  /// (Developer Guide, "Burst capacity"). At least one second's worth is kept.
  double burstSeconds = 300;
  /// On-demand: the per-table account quota, 40 000 read and 40 000 write
  /// request units a second (Developer Guide, "Service, account, and table
  /// quotas": "Per table ... 40,000 read request units and 40,000 write
  /// request units").
  double onDemandTableReadUnits = 40000;
  double onDemandTableWriteUnits = 40000;
  /// On-demand: one partition's limit, "3,000 read request units or 1,000
  /// write request units" a second (AWS re:Post, "on-demand table
  /// throttling"). The fake keeps each table (and each index) in a single
  /// partition, so this is the limit an on-demand table meets first.
  double partitionReadUnits = 3000;
  double partitionWriteUnits = 1000;
};

/// Everything that makes one Service: identity, durations, limits, policies.
struct ServiceOptions {
  std::string accountId = "123456789012";
  std::string region = "us-east-1";
  std::string partition = "aws";
  /// Seeds the generator of ARN suffixes and table ids: the same seed and the
  /// same calls give the same ARNs.
  uint64_t seed = 20120810;
  Durations durations;
  Limits limits;
  BackupCutPolicy backupCut = BackupCutPolicy::RequestTime;
  /// A backup that conflicts with one still CREATING on the same table is
  /// refused with BackupInUseException. Switch off to allow overlapping backups.
  bool serializeBackupsPerTable = true;
  /// When expired items are deleted (Time to Live).
  TimeToLivePolicy timeToLive;
  /// Read and write capacity enforced on the clock (on by default).
  ThroughputPolicy throughput;
  /// How many calls Service::Journal() keeps: the last ones, in a ring. 0 keeps none (no cost at all).
  std::size_t journalSize = 1000;

  /// All durations zero: tables are ACTIVE, backups AVAILABLE and Time to Live
  /// changes done at once (expired items still wait `timeToLive.deletionDelay`).
  static ServiceOptions Instant() {
    ServiceOptions o;
    o.durations.tableCreate = o.durations.tableUpdate = o.durations.tableDelete = Duration::zero();
    o.durations.backupCreate = o.durations.restore = o.durations.timeToLiveChange = Duration::zero();
    o.durations.exportTable = o.durations.importTable = Duration::zero();
    return o;
  }
};

}  // namespace dynafake
