// dynafake — the catalogue of error messages: every message the Service
// answers with is written here once, in the service's words, and nowhere
// else. (Constraint violations found by the generated validation rules are
// worded by detail::Validator, which builds them from the constraint.)
#pragma once

#include <cstdint>  // int64_t
#include <string>   // std::string

#include "dynafake/date_time.hpp"  // detail::CivilFromDays

#include "dynafake/generated/errors_table.hpp"  // DynamoDBErrors

namespace dynafake {
namespace detail {
namespace msg {

// ---- a table, index, backup or resource that is not there

/// TableNotFoundException (backup and continuous-backup operations).
inline std::string TableNotFound(const std::string& table) { return "Table not found: " + table; }
/// ResourceNotFoundException (table and item operations).
inline std::string ResourceNotFound(const std::string& what) { return "Requested resource not found: " + what; }
inline std::string TableResourceNotFound(const std::string& table) {
  return ResourceNotFound("Table: " + table + " not found");
}
inline std::string IndexResourceNotFound(const std::string& index) {
  return ResourceNotFound("Index: " + index + " not found");
}
/// The service's own spelling ("ResourcArn") for an ARN that names no table.
inline std::string ArnResourceNotFound(const std::string& arn) {
  return ResourceNotFound("ResourcArn: " + arn + " not found");
}
inline std::string BackupNotFound(const std::string& arn) { return "Backup not found: " + arn; }
/// The data plane names no table (architect/dynalite db/index.js getTable);
/// nor does UntagResource for an ARN naming no table (architect/dynalite
/// test/untagResource.js, recorded against the service, unlike TagResource's
/// and ListTagsOfResource's "ResourcArn: ... not found").
inline std::string DataPlaneResourceNotFound() { return "Requested resource not found"; }

// ---- something is in use or already there

/// "created", "updated", "deleted" or "restored", with the table's name.
inline std::string TableIsBeing(const std::string& doing, const std::string& table) {
  return "Table is being " + doing + ": " + table;
}
inline std::string TableAlreadyExists(const std::string& table) { return "Table already exists: " + table; }
/// ResourceInUseException: prefixes what is in use.
inline std::string ResourceInUse(const std::string& what) {
  return "Attempt to change a resource which is still in use: " + what;
}
inline std::string TableNotActive(const std::string& table) { return ResourceInUse("Table is not active: " + table); }
inline std::string BackupOfTableBeingCreated(const std::string& table, const std::string& backupArn) {
  return ResourceInUse("A backup of table " + table + " is being created: " + backupArn);
}
inline std::string BackupIsBeingCreated(const std::string& backupArn) {
  return "Backup is being created: " + backupArn;
}
inline std::string BackupAlreadyBeingCreated(const std::string& table, const std::string& backupArn) {
  return "Backup is already being created for table: " + table + " (" + backupArn + ")";
}
inline std::string BackupUsedByRestore(const std::string& table) {
  return "Backup is being used to restore table: " + table;
}
inline std::string ContinuousBackupsUnavailable(const std::string& table) {
  return "Backups are being enabled for the table: " + table + ". Please retry later";
}
inline std::string PointInTimeRecoveryNotEnabled(const std::string& table) {
  return "Point in time recovery is not enabled for table '" + table + "'";
}
inline std::string RestoreTimeOutsideWindow(const std::string& when, const std::string& earliest,
                                            const std::string& latest) {
  return "Restore time " + when + " is outside the restorable window: EarliestRestorableDateTime " + earliest +
         ", LatestRestorableDateTime " + latest;
}
/// Time to Live (architect/dynalite test/updateTimeToLive.js).
inline std::string TimeToLiveAlready(bool enabled) {
  return std::string("TimeToLive is already ") + (enabled ? "enabled" : "disabled");
}
/// Enabling TTL on another attribute while it is on (quoted from the service in go-to-k/cdkd#932).
inline std::string TimeToLiveOnAnotherAttribute() { return "TimeToLive is active on a different AttributeName"; }
/// A second change within the hour (quoted from the service in aws/aws-cdk#13720).
inline std::string TimeToLiveModifiedTooOften() {
  return "Time to live has been modified multiple times within a fixed interval";
}
inline std::string DeletionProtected() {
  return "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection "
         "first.";
}

// ---- limits (LimitExceededException)

inline std::string RateExceeded(const std::string& operation, int perSecond) {
  return "Rate of " + operation + " requests exceeds the limit of " + std::to_string(perSecond) +
         " per second for this account";
}
inline std::string SubscriberLimit(const std::string& what) { return "Subscriber limit exceeded: " + what; }
inline std::string TablesInTransitionLimit(int limit) {
  return SubscriberLimit("Only " + std::to_string(limit) + " tables can be created, updated or deleted simultaneously");
}
inline std::string TablesWithIndexesLimit(int limit) {
  return SubscriberLimit("Only " + std::to_string(limit) +
                         " tables with secondary indexes can be created simultaneously");
}
inline std::string RestoresLimit(int limit) {
  return SubscriberLimit("Only " + std::to_string(limit) + " restores can be in progress at the same time");
}
inline std::string TableCountLimit(std::size_t tables) {
  return SubscriberLimit("the account already has " + std::to_string(tables) + " tables");
}
inline std::string BackupsInProgressLimit(int creating) {
  return SubscriberLimit(std::to_string(creating) + " backups are already being created");
}
inline std::string TooManyTags() { return "The number of tags on a resource cannot exceed 50"; }

// ---- a resource ARN the caller may not use (AccessDeniedException)

/// The IAM wording "User: <principal> is not authorized to perform: dynamodb:<Op>
/// on resource: <arn>" (architect/dynalite test/listTagsOfResource.js,
/// tagResource.js, untagResource.js, checked against the service: a ResourceArn
/// that is no ARN at all, e.g. "abcd" or "a:b:c:d:e:f", is refused so, with the
/// ARN as given). The fake has no caller: the principal stands in as the
/// account's root user, arn:<partition>:iam::<account>:root.
inline std::string NotAuthorized(const std::string& principal, const char* operation, const std::string& resource) {
  return "User: " + principal + " is not authorized to perform: dynamodb:" + operation +
         " on resource: " + (resource.empty() ? std::string("*") : resource);
}
/// A table ARN of another account: IAM's implicit deny for a resource no
/// resource-based policy shares ("... because no resource-based policy allows
/// the <action> action", the AWS IAM User Guide's access-denied messages).
inline std::string NotAuthorizedElsewhere(const std::string& principal, const char* operation,
                                          const std::string& resource) {
  return NotAuthorized(principal, operation, resource) +
         " because no resource-based policy allows the dynamodb:" + operation + " action";
}

// ---- invalid requests (ValidationException)

/// "One or more parameter values were invalid: " + what.
inline std::string Invalid(const std::string& what) { return "One or more parameter values were invalid: " + what; }
inline std::string OneValidationError(const std::string& what) { return "1 validation error detected: " + what; }
/// A ResourceArn shaped like an ARN that is not a table's (architect/dynalite
/// validations/tagResource.js, untagResource.js, listTagsOfResource.js, checked
/// against the service; ScyllaDB Alternator test_tag.py quotes the service's text
/// for an index ARN).
inline std::string InvalidTableArn(const std::string& arn) {
  return "Invalid TableArn: Invalid ResourceArn provided as input " + arn;
}
/// A tag operation without a ResourceArn, before any member is checked
/// (architect/dynalite test/tagResource.js, untagResource.js and
/// listTagsOfResource.js 'should return ValidationException for no
/// ResourceArn', recorded against the service).
inline std::string NoResourceArn() { return "Invalid TableArn"; }
/// TagResource with no tags, UntagResource with no keys (architect/dynalite
/// validations/tagResource.js and untagResource.js; the service's spelling).
inline std::string NoTagsGiven() { return "Atleast one Tag needs to be provided as Input."; }
inline std::string NoTagKeysGiven() { return "Atleast one Tag Key needs to be provided as Input."; }
/// A table name (not an ARN) outside 3..255 characters in DescribeTable,
/// DeleteTable and UpdateTable, whose TableName the model lets be 1..1024
/// (it may be an ARN): architect/dynalite test/describeTable.js, deleteTable.js,
/// updateTable.js ("a;"), and the live service's answer to a two-character name
/// quoted in a DynamoDB emulator's comments.
inline std::string TableNameLength() {
  return "TableName must be at least 3 characters long and at most 255 characters long";
}
/// DescribeTable, DeleteTable and UpdateTable without a TableName, before any
/// other check (architect/dynalite test/updateTable.js; nubo-db/dynoxide
/// src/actions/describe_table.rs. dynalite's older describeTable.js and
/// deleteTable.js expect "The paramater 'tableName' ...", an earlier spelling).
inline std::string TableNameRequired() {
  return "The parameter 'TableName' is required but was not present in the request";
}
/// The pattern a table's name (not an ARN) must match; a name breaking it is a
/// constraint violation worded as the model's ("1 validation error detected:
/// Value 'drucaas-dev,' at 'tableName' failed to satisfy constraint: Member must
/// satisfy regular expression pattern: [a-zA-Z0-9_.-]+", the service's answer to
/// a CreateTable quoted in serverless/serverless#5120; DescribeTable's, DeleteTable's
/// and UpdateTable's in architect/dynalite's tests).
inline constexpr const char* kTableNamePattern = "[a-zA-Z0-9_.-]+";
inline std::string KeySchemaSize(std::size_t elements, const std::string& path) {
  return OneValidationError("Value '" + std::to_string(elements) + " elements' at '" + path +
                            "' failed to satisfy constraint: Member must have length less than or equal to 2");
}
/// Provisioned throughput above the most the service takes, 1 000 000 000 000,
/// read units first, before the table is looked up (architect/dynalite
/// test/createTable.js and test/updateTable.js 'should return ValidationException
/// for high ProvisionedThroughput.ReadCapacityUnits', recorded against the service).
inline constexpr long long kMostCapacityUnits = 1000000000000LL;
inline std::string CapacityOutOfBounds(long long units, const char* which) {
  return "Given value " + std::to_string(units) + " for " + which + " is out of bounds";
}
/// Two updates of one global index in an UpdateTable (architect/dynalite test/updateTable.js
/// 'should return ValidationException for repeated GlobalSecondaryIndexUpdates').
inline std::string OneUpdatePerIndex(const std::string& index) {
  return Invalid("Only one global secondary index update per index is allowed simultaneously. Index: " + index);
}
inline std::string ThroughputAtLeastOne() { return Invalid("Provisioned throughput values must be at least 1"); }
inline std::string NoThroughputWhenOnDemand() {
  return Invalid(
      "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
      "PAY_PER_REQUEST");
}
inline std::string ThroughputUnchanged(long long read, long long write) {
  const std::string r = std::to_string(read), w = std::to_string(write);
  return "The provisioned throughput for the table will not change. The requested value equals the current value. "
         "Current ReadCapacityUnits provisioned for the table: " +
         r + ". Requested ReadCapacityUnits: " + r + ". Current WriteCapacityUnits provisioned for the table: " + w +
         ". Requested WriteCapacityUnits: " + w +
         ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.";
}
inline std::string NothingToUpdate() {
  return "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or "
         "SSESpecification or ReplicaUpdates is required";
}
inline std::string IndexOverrideNotInSource(const std::string& member, const std::string& index) {
  return Invalid(member + " names index " + index + ", which the source does not have");
}

// ---- items

inline std::string EmptyAttributeValue() {
  return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
}
inline std::string NotANumber(const std::string& text) {
  return "The parameter cannot be converted to a numeric value: " + text;
}
inline std::string KeyDoesNotMatchSchema() { return "The provided key element does not match the schema"; }
inline std::string ItemTooLarge() { return "Item size has exceeded the maximum allowed size"; }
inline std::string TableHasNoSuchIndex(const std::string& index) {
  return "The table does not have the specified index: " + index;
}

// ---- throughput (Throughput: the buckets of a table and of its global indexes)

/// ProvisionedThroughputExceededException of a provisioned table (the
/// service's text as quoted in MitocGroup/deep-framework#383 and
/// aws-samples/sample-collaborative-ai-dlc#443).
inline std::string TableThroughputExceeded() {
  return "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
         "provisioning level with the UpdateTable API.";
}
/// ... of one of its global secondary indexes (quoted, without a final stop,
/// in grailbio/reflow#101, exercism/website#949 and audienceproject/spark-dynamodb#61).
inline std::string IndexThroughputExceeded() {
  return "The level of configured provisioned throughput for one or more global secondary indexes of the table "
         "was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary "
         "indexes with the UpdateTable API";
}
/// ThrottlingException of an on-demand table (quoted in
/// praetorian-inc/chariot-ui#684, 2024, and cowinapi/developer.cowin#151).
inline std::string OnDemandTableThrottled() {
  return "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your "
         "table or index so please try again shortly. If exceptions persist, check if you have a hot key: "
         "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
}
/// ... of one of its global secondary indexes (quoted in BrighterCommand/Brighter#2810).
inline std::string OnDemandIndexThrottled() {
  return "Throughput exceeds the current capacity for one or more global secondary indexes. DynamoDB is "
         "automatically scaling your index so please try again shortly.";
}

/// An instant as the service writes it in the message below: "Wednesday, July
/// 25, 2018 8:48:14 PM UTC".
inline std::string LongUtcTime(int64_t ms) {
  static const char* const kDays[] = {"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  const int64_t days = (ms >= 0 ? ms : ms - 86399999) / 86400000;
  const int64_t secondOfDay = ms / 1000 - days * 86400;
  const Civil c = CivilFromDays(days);
  const int64_t hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60;
  auto two = [](int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::string(kDays[((days % 7) + 7) % 7]) + ", " + kMonths[c.month - 1] + " " + std::to_string(c.day) + ", " +
         std::to_string(c.year) + " " + std::to_string(hour % 12 == 0 ? 12 : hour % 12) + ":" + two(minute) + ":" +
         two(second) + (hour < 12 ? " AM" : " PM") + " UTC";
}
/// LimitExceededException of an UpdateTable that would decrease a table's
/// throughput once too often in a UTC day (the service's text, quoted with its
/// times in the Hadoop S3Guard documentation, "Error when running
/// set-capacity", and in a 2019 boto3 trace: "... Number of decreases today:
/// 5. Last decrease at Sunday, March 24, 2019 9:07:28 AM UTC. Next decrease
/// can be made at Sunday, March 24, 2019 10:07:28 AM UTC").
inline std::string ThroughputDecreasesLimited(int decreasesToday, int64_t lastMs, int64_t nextMs) {
  return SubscriberLimit(
      "Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, each "
      "subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of "
      "decreases today: " +
      std::to_string(decreasesToday) + ". Last decrease at " + LongUtcTime(lastMs) + ". Next decrease can be made at " +
      LongUtcTime(nextMs));
}

// ---- transactions (TransactWriteItems, TransactGetItems)

/// An action that sets none or more than one of ConditionCheck, Put, Delete and
/// Update (moto dynamodb/exceptions.py TransactWriteSingleOpException).
inline std::string TransactOneActionEach() {
  return "TransactItems can only contain one of Check, Put, Update or Delete";
}
/// Two actions on one item (AWS Knowledge Center "Why is my TransactWriteItems API
/// call failing in Amazon DynamoDB?"; moto MultipleTransactionsException).
inline std::string TransactOneActionPerItem() {
  return "Transaction request cannot include multiple operations on one item";
}
/// TransactionCanceledException: the codes of every action's reason, in order
/// (AWS Knowledge Center, as above: "... specific reasons [ConditionalCheckFailed, None, None, None]").
inline std::string TransactionCancelled(const std::string& codes) {
  return "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]";
}
/// A reason's Message for a failed condition: the text ConditionalCheckFailedException carries.
inline std::string ConditionalRequestFailed() { return "The conditional request failed"; }
/// A reason's Message for TransactionConflict (the service's text for a conflicting
/// transaction, as TransactionConflictException carries it).
inline std::string TransactionOngoing() { return "Transaction is ongoing for the item"; }
/// IdempotentParameterMismatchException. The service's own text is not published;
/// this is the exception's documentation in the service model (botocore
/// dynamodb-2012-08-10 IdempotentParameterMismatchException), which is what a
/// client reads about it.
inline std::string IdempotentParameterMismatch() {
  return "DynamoDB rejected the request because you retried a request with a different payload but with an "
         "idempotent token that was already used.";
}

// ---- exports and imports
// No public source quotes the service's texts for these errors; they follow
// the style of the neighbouring not-found and window texts above ([infer]).

inline std::string ExportNotFound(const std::string& arn) { return "Export not found: " + arn; }
inline std::string ImportNotFound(const std::string& arn) { return "Import not found: " + arn; }
inline std::string ExportTimeOutsideWindow(const std::string& when, const std::string& earliest,
                                           const std::string& latest) {
  return "Export time " + when + " is outside the restorable window: EarliestRestorableDateTime " + earliest +
         ", LatestRestorableDateTime " + latest;
}
/// The same ClientToken with other parameters (ExportTableToPointInTime and
/// ImportTable API Reference, ClientToken: "If you submit a request with the
/// same client token but a change in other parameters within the 8-hour
/// idempotency window, DynamoDB returns an ... ConflictException").
inline std::string ClientTokenReused(const char* what) {
  return std::string("The ClientToken was used with different parameters by an earlier ") + what;
}
/// S3's own text for NoSuchBucket (Amazon S3 API Reference, "Error responses");
/// the export ends FAILED with FailureCode S3NoSuchBucket (as ScyllaDB
/// Alternator's export tests, run against the service, and floci-io/floci
/// PR 653 observe).
inline std::string NoSuchBucket() { return "The specified bucket does not exist"; }

// ---- what dynafake does not model (ValidationException, saying so)

inline std::string NoGlobalTables(const std::string& members) {
  return "dynafake does not model global tables: " + members + " are not supported";
}

// ---- an error a fault rule injects without a message gets the service's wording

inline std::string Default(DynamoDBErrors type) {
  switch (type) {
    case DynamoDBErrors::INTERNAL_FAILURE:
      return "Internal server error";
    case DynamoDBErrors::SERVICE_UNAVAILABLE:
      return "The service is currently unavailable";
    case DynamoDBErrors::THROTTLING:
      return "Rate of requests exceeds the allowed throughput.";
    case DynamoDBErrors::VALIDATION:
      return OneValidationError("injected by a dynafake fault rule");
    case DynamoDBErrors::ACCESS_DENIED:
      return "User is not authorized to perform this operation";
    case DynamoDBErrors::RESOURCE_NOT_FOUND:
      return "Requested resource not found";
    case DynamoDBErrors::BACKUP_IN_USE:
      return "Backup is being used by another backup operation";
    case DynamoDBErrors::BACKUP_NOT_FOUND:
      return "Backup not found";
    case DynamoDBErrors::CONDITIONAL_CHECK_FAILED:
      return "The conditional request failed";
    case DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE:
      return "Backups are being enabled for the table. Please retry later";
    case DynamoDBErrors::EXPORT_NOT_FOUND:
      return "Export not found";
    case DynamoDBErrors::IMPORT_NOT_FOUND:
      return "Import not found";
    case DynamoDBErrors::EXPORT_CONFLICT:
      return "Export conflict";
    case DynamoDBErrors::IMPORT_CONFLICT:
      return "Import conflict";
    case DynamoDBErrors::INVALID_EXPORT_TIME:
      return "Export time is outside the restorable window";
    case DynamoDBErrors::INVALID_RESTORE_TIME:
      return "Restore time is outside the restorable window";
    case DynamoDBErrors::ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED:
      return "Item collection size limit exceeded";
    case DynamoDBErrors::LIMIT_EXCEEDED:
      return SubscriberLimit("too many concurrent control plane operations");
    case DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE:
      return "Point in time recovery is not enabled for the table";
    case DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED:
      return TableThroughputExceeded();
    case DynamoDBErrors::REPLICATED_WRITE_CONFLICT:
      return "Replicated write conflict";
    case DynamoDBErrors::REQUEST_LIMIT_EXCEEDED:
      return "Throughput exceeds the current throughput limit for your account.";
    case DynamoDBErrors::RESOURCE_IN_USE:
      return "Attempt to change a resource which is still in use";
    case DynamoDBErrors::TABLE_ALREADY_EXISTS:
      return "Table already exists";
    case DynamoDBErrors::TABLE_IN_USE:
      return "Table is being created or deleted";
    case DynamoDBErrors::TABLE_NOT_FOUND:
      return "Table not found";
    case DynamoDBErrors::TRANSACTION_CONFLICT:
      return TransactionOngoing();
    case DynamoDBErrors::TRANSACTION_CANCELED:  // the reasons a rule gives none of: Service::Run fills them in
      return TransactionCancelled("TransactionConflict");
    case DynamoDBErrors::TRANSACTION_IN_PROGRESS:
      // the service's text (quoted in aws/aws-sdk-java-v2 issue #2518)
      return "Transaction from previous request is still in progress";
    case DynamoDBErrors::IDEMPOTENT_PARAMETER_MISMATCH:
      return IdempotentParameterMismatch();
    default:
      return "Injected error";
  }
}

}  // namespace msg

/// The message an error of `type` carries when none was given (fault rules, gMock's ReturnError).
inline std::string DefaultMessage(DynamoDBErrors type) { return msg::Default(type); }

}  // namespace detail
}  // namespace dynafake
