// dynafake — the limits of DynamoDB that dynafake enforces, each written once
// with the page that documents it. Code that checks a limit names it from
// here; a message that quotes a number writes the service's text as the
// service writes it (detail/messages.hpp, expression/expression_messages.hpp).
//
// The adjustable account quotas (tables, concurrent restores, exports and
// imports, the table-transition counts) are ServiceOptions::Limits
// (options.hpp), whose defaults are the documented values; the calls per
// second each operation's documentation states come from the service model
// (generated/documented_rates.hpp).
#pragma once

#include <chrono>   // std::chrono::milliseconds, minutes, hours
#include <cstddef>  // std::size_t
#include <cstdint>  // int64_t

namespace dynafake {
namespace limits {

// ---- items and keys
// "Service, account, and table quotas in Amazon DynamoDB", Developer Guide:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html

/// "The maximum item size in DynamoDB is 400 KB, which includes both attribute
/// name binary length (UTF-8 length) and attribute value lengths" (ServiceQuotas.html, Items).
constexpr int64_t kMaxItemBytes = 400 * 1024;
/// "The maximum length of a partition key value is 2048 bytes" (ServiceQuotas.html, Partition keys).
constexpr std::size_t kMaxPartitionKeyBytes = 2048;
/// "The maximum length of a sort key value is 1024 bytes" (ServiceQuotas.html, Sort keys).
constexpr std::size_t kMaxSortKeyBytes = 1024;
/// "DynamoDB supports nested attributes up to 32 levels deep" (ServiceQuotas.html, Nested
/// attribute depth): an item's maps and lists, and an expression's document paths.
constexpr std::size_t kMaxNestingDepth = 32;

// ---- batches and pages

/// "A single call to BatchWriteItem can transmit up to 16 MB of data over the network,
/// consisting of up to 25 item put or delete operations" (BatchWriteItem, API Reference:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html).
constexpr std::size_t kMaxBatchWriteItems = 25;
/// "A single operation can retrieve up to 16 MB of data, which can contain as many as
/// 100 items" (BatchGetItem, API Reference:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html).
constexpr std::size_t kMaxBatchGetItems = 100;
/// ... the 16 MB of one BatchGetItem answer (the same page).
constexpr int64_t kMaxBatchGetResponseBytes = 16 * 1024 * 1024;
/// "A single Query [Scan] operation will read up to the maximum number of items set
/// (if using the Limit parameter) or a maximum of 1 MB of data" (Query, API Reference:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html); ListBackups
/// "returns a paginated list of results with at most 1 MB worth of items in a page"
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListBackups.html).
constexpr int64_t kMaxPageBytes = 1024 * 1024;
/// ListTables without a Limit: "up to 100" names a page (ListTables, API Reference, Limit:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html).
constexpr std::size_t kListTablesPageSize = 100;

// ---- tables and tags

/// "Table names ... must be between 3 and 255 characters long" (Naming rules:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
constexpr std::size_t kMinTableNameLength = 3;
constexpr std::size_t kMaxTableNameLength = 255;
/// "Maximum number of tags per resource: 50" (Tagging restrictions:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html).
constexpr std::size_t kMaxTagsPerResource = 50;

// ---- expressions (ServiceQuotas.html, Expression parameters; the same numbers
// as DynamoDB Local's LocalDBEnv)

/// "The maximum length of any expression string is 4 KB".
constexpr std::size_t kMaxExpressionLength = 4096;
/// "The maximum number of operators or functions allowed in an UpdateExpression is 300".
constexpr int kMaxExpressionOperators = 300;
/// "The maximum number of operands for the IN comparator is 100".
constexpr std::size_t kMaxInOperands = 100;
/// "The maximum length of ... ExpressionAttributeNames [or ExpressionAttributeValues]
/// key is 255 bytes" (Expression attribute name and value substitution keys).
constexpr std::size_t kMaxSubstitutionKeyLength = 255;

/// "The maximum length of an attribute name is 64 KB" (ServiceQuotas.html, Attribute names):
/// an ExpressionAttributeNames value of 65536 bytes or more is refused.
constexpr std::size_t kMaxAttributeNameBytes = 65535;

// ---- windows and durations

/// "A client request token is valid for 10 minutes after the first request that uses it
/// is completed" (TransactWriteItems, API Reference, ClientRequestToken:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
constexpr std::chrono::minutes kTransactionTokenWindow{10};
/// "If you submit a request with the same client token but a change in other parameters
/// within the 8-hour idempotency window, DynamoDB returns an ... ConflictException"
/// (ExportTableToPointInTime and ImportTable, API Reference, ClientToken:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExportTableToPointInTime.html).
constexpr std::chrono::hours kClientTokenWindow{8};
/// "The export period's length must be at least 15 minutes and no longer than 24 hours"
/// (Incremental export to Amazon S3:
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.HowItWorks.html).
constexpr std::chrono::minutes kMinIncrementalExportPeriod{15};
constexpr std::chrono::hours kMaxIncrementalExportPeriod{24};
/// RecoveryPeriodInDays: "Minimum value of 1. Maximum value of 35", and 35 when not given
/// (PointInTimeRecoveryDescription, API Reference:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoveryDescription.html).
constexpr int kMaxRecoveryPeriodDays = 35;
/// "When you delete a table that has point-in-time recovery enabled, DynamoDB automatically
/// creates a backup snapshot called a system backup and retains it for 35 days"
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html,
/// "Delete a table with PITR enabled").
constexpr std::chrono::hours kSystemBackupRetention{35 * 24};
/// "Any additional UpdateTimeToLive calls for the same table during this one hour duration
/// result in a ValidationException" (UpdateTimeToLive, API Reference:
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html).
constexpr std::chrono::hours kTimeToLiveChangeInterval{1};
/// Provisioned throughput decreases: "up to four decreases at any time, and one more each
/// hour in which there was none in the previous hour, at most 27 in a UTC day"
/// (ServiceQuotas.html, "Decreasing provisioned throughput").
constexpr int kFreeThroughputDecreases = 4;
constexpr int kMaxThroughputDecreasesPerDay = 27;
constexpr std::chrono::hours kThroughputDecreaseInterval{1};

/// A duration in the milliseconds the components count in.
template <class Duration>
constexpr int64_t Ms(Duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

}  // namespace limits
}  // namespace dynafake
