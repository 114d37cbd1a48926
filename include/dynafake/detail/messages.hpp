// dynafake — the catalogue of error messages: every message the Service
// answers with is written here once, in the service's words, and nowhere
// else (the expression language's texts are expression/expression_messages.hpp,
// the wire's SerializationException texts wire/decode_error.hpp; the test
// message_catalogue checks that no other header writes one). Constraint
// violations found by the generated validation rules are assembled by
// detail::Validator from the constraint texts below.
#pragma once

#include <cstdint>  // int64_t
#include <string>   // std::string

#include "dynafake/date_time.hpp"                       // detail::CivilFromDays
#include "dynafake/expression/expression_messages.hpp"  // expression::msg::Invalid
#include "dynafake/limits.hpp"                          // the documented limits the texts quote

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
inline std::string TooManyTags() {
  return "The number of tags on a resource cannot exceed " + std::to_string(limits::kMaxTagsPerResource);
}

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
inline std::string Invalid(const std::string& what) { return expression::msg::Invalid(what); }

// Constraint violations: the generated validation rules', worded by
// detail::Validator as the service words them ("1 validation error detected:
// Value 'ab' at 'backupName' failed to satisfy constraint: Member must have
// length greater than or equal to 3"; Coral's wording, as the service's
// answers quoted in boto/boto3#2601 and architect/dynalite's tests show it).

/// "1 validation error detected: " or "<n> validation errors detected: ".
inline std::string ValidationErrors(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " validation error detected: " : " validation errors detected: ");
}
inline std::string OneValidationError(const std::string& what) { return ValidationErrors(1) + what; }
/// `value` as the service shows it, quoted ('ab'), or null.
inline std::string ConstraintViolation(const std::string& value, const std::string& path, const std::string& rule) {
  return "Value " + value + " at '" + path + "' failed to satisfy constraint: " + rule;
}
inline std::string NotNull(const std::string& path) {
  return ConstraintViolation("null", path, "Member must not be null");
}
inline std::string MemberMust(const std::string& rule) { return "Member must " + rule; }
inline std::string LengthAtLeast(long long n) { return "have length greater than or equal to " + std::to_string(n); }
inline std::string LengthAtMost(long long n) { return "have length less than or equal to " + std::to_string(n); }
inline std::string ValueAtLeast(long long n) { return "have value greater than or equal to " + std::to_string(n); }
inline std::string ValueAtMost(long long n) { return "have value less than or equal to " + std::to_string(n); }
inline std::string MatchesPattern(const char* pattern) {
  return std::string("satisfy regular expression pattern: ") + pattern;
}
inline std::string InValueSet(const char* valueSet) { return std::string("satisfy enum value set: ") + valueSet; }
/// `rules` the key's MemberMust rules, comma-separated.
inline std::string MapKeysMust(const std::string& rules) { return "Map keys must satisfy constraint: [" + rules + "]"; }
/// A map whose values break their own constraints, reported once at the map
/// (BatchWriteItem's RequestItems, ExpressionAttributeNames: architect/dynalite
/// test/batchWriteItem.js and validations, recorded against the service).
inline std::string MapValuesMust(const std::string& rules) {
  return "Map value must satisfy constraint: [" + rules + "]";
}
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
/// CreateTable with an empty LocalSecondaryIndexes or GlobalSecondaryIndexes
/// (architect/dynalite validations/createTable.js and test/createTable.js, run against the service).
inline std::string EmptyIndexList() { return Invalid("List of indexes is empty"); }
inline std::string KeySchemaSize(std::size_t elements, const std::string& path) {
  return OneValidationError(
      ConstraintViolation("'" + std::to_string(elements) + " elements'", path, MemberMust(LengthAtMost(2))));
}
// CreateTable's and UpdateTable's schema texts (architect/dynalite
// validations/createTable.js and updateTable.js, whose test suite runs against the service).
inline std::string FirstKeyNotHash() { return "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"; }
inline std::string SecondKeyNotRange() {
  return "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";
}
inline std::string HashAndRangeSameName() {
  return "Both the Hash Key and the Range Key element in the KeySchema have the same name";
}
/// `definitions` comma-separated.
inline std::string KeyAttributeNotDefined(const std::string& key, const std::string& definitions) {
  return Invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: [" + key +
                 "], AttributeDefinitions: [" + definitions + "]");
}
inline std::string NoProjectionType() { return Invalid("Unknown ProjectionType: null"); }
inline std::string NonKeyAttributesNeedInclude(const std::string& projectionType) {
  return Invalid("ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
}
inline std::string DuplicateIndexName(const std::string& index) { return Invalid("Duplicate index name: " + index); }
inline std::string LocalIndexHashKey(const std::string& index) {
  return Invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: " + index);
}
inline std::string LocalIndexNeedsRangeKey() {
  return Invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
}
inline std::string IndexThroughputRequired(const std::string& index) {
  return Invalid("ProvisionedThroughput must be specified for index: " + index);
}
inline std::string NoIndexThroughputWhenOnDemand(const std::string& index) {
  return Invalid("ProvisionedThroughput should not be specified for index: " + index +
                 " when BillingMode is PAY_PER_REQUEST");
}
inline std::string AttributeDefinitionsMismatch() {
  return Invalid(
      "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
}
inline std::string ThroughputRequiredWhenProvisioned() {
  return Invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
}
inline std::string TableThroughputRequired() {
  return Invalid("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
}
inline std::string StreamViewTypeRequired() {
  return Invalid("StreamViewType must be specified when StreamEnabled is true");
}
inline std::string IndexUpdateWithoutAction() {
  return Invalid(
      "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete "
      "must not be null");
}
inline std::string IndexUpdateWithActions() {
  return Invalid("Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
}
inline std::string IndexExists(const std::string& index) {
  return Invalid("Index with name " + index + " already exists");
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
/// A WarmThroughput below where the table starts: CreateTable refuses it (ack-api-quirks' dynamodb
/// probe DDB-TABLE-024, run against the service: "WarmThroughput below the on-demand initial throughput
/// (PPR) or below RCU/WCU (PROVISIONED) is rejected"); the words are moto's (dynamodb/responses.py),
/// which matches the service's UpdateTable text quoted below.
inline std::string WarmThroughputBelowStart(const std::string& unit, bool onDemand) {
  return Invalid("Requested " + unit + " for WarmThroughput for table is lower than " +
                 (onDemand ? std::string("initial throughput for OnDemand")
                           : (unit == "ReadUnitsPerSecond" ? "ReadCapacityUnits" : "WriteCapacityUnits") +
                                 std::string(" of ProvisionedThroughput")));
}
/// UpdateTable lowering a table's WarmThroughput, in the service's words (ack-api-quirks' dynamodb
/// probe DDB-TABLE-179, quoting the ValidationException; "Once increased, warm throughput values can't
/// be decreased", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html).
inline std::string WarmThroughputDecrease(const std::string& unit) {
  return Invalid("Requested " + unit +
                 " for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is "
                 "not supported");
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
// The texts below are the service's, as quoted in dynalite's tests, the nubo-db
// conformance suite (putItem, updateItem, query, scan and transactWriteItems
// tests) and DynamoDB Local's ErrorFactory, where each was first written in
// detail/requests/ and detail/data_plane/.
inline std::string ItemNestingTooDeep() {
  return "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported "
         "limit";
}
inline std::string NullMustBeTrue() { return Invalid("Null attribute value types must have the value of true"); }
/// (sic: the service's articles and doubled spaces)
inline std::string EmptyStringSet() { return Invalid("An string set  may not be empty"); }
inline std::string EmptyStringInSet() { return Invalid("An string set may not have a empty string as a member"); }
inline std::string EmptyNumberSet() { return Invalid("An number set  may not be empty"); }
inline std::string EmptyBinarySet() { return Invalid("Binary sets should not be empty"); }
inline std::string EmptyBinaryInSet() { return Invalid("Binary sets may not contain null or empty values"); }
/// `members` as the service lists them ("[a, b]"); a binary set's text has no space before "of".
inline std::string SetDuplicates(const std::string& members) {
  return Invalid("Input collection " + members + " contains duplicates.");
}
inline std::string BinarySetDuplicates(const std::string& members) {
  return Invalid("Input collection " + members + "of type BS contains duplicates.");
}
/// A number set whose numbers are equal once canonical.
inline std::string NumberSetDuplicates() { return "Input collection contains duplicates"; }
inline std::string EmptyAttributeName() { return Invalid("An AttributeName may not be empty"); }
inline std::string UpdatedItemTooLarge() { return "Item size to update has exceeded the maximum allowed size"; }
/// "string" or "binary".
inline std::string EmptyKeyValue(const std::string& kind, const std::string& key) {
  return "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
         "empty " +
         kind + " value. Key: " + key;
}
/// (sic: the service writes "limit of2048")
inline std::string PartitionKeyTooLarge() {
  return Invalid("Size of hashkey has exceeded the maximum size limit of2048 bytes");
}
inline std::string SortKeyTooLarge() {
  return Invalid("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
}
inline std::string MissingKey(const std::string& key) { return Invalid("Missing the key " + key + " in the item"); }
inline std::string KeyTypeMismatch(const std::string& key, const std::string& expected, const std::string& actual) {
  return Invalid("Type mismatch for key " + key + " expected: " + expected + " actual: " + actual);
}
inline std::string IndexKeyTypeMismatch(const std::string& key, const std::string& expected, const std::string& actual,
                                        const std::string& index) {
  return Invalid("Type mismatch for Index Key " + key + " Expected: " + expected + " Actual: " + actual +
                 " IndexName: " + index);
}
/// "string" or "binary".
inline std::string EmptyIndexKeyValue(const std::string& kind, const std::string& index, const std::string& key) {
  return "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
         "The AttributeValue for a key attribute cannot contain an empty " +
         kind + " value. IndexName: " + index + ", IndexKey: " + key;
}
inline std::string KeyIsNotUpdatable(const std::string& attribute) {
  return Invalid("Cannot update attribute " + attribute + ". This attribute is part of the key");
}
/// An update expression that sets an index key to an empty value ("string" or "binary") or another type.
inline std::string UpdateEmptiesIndexKey(const std::string& kind) {
  return "One or more parameter values are not valid. The update expression attempted to update a secondary index "
         "key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty " +
         kind + " value.";
}
inline std::string UpdateIndexKeyType() {
  return "The update expression attempted to update the secondary index key to unsupported type";
}

// ---- reads: indexes, start keys, projections, segments (the same sources, and
// architect/dynalite validations/query.js and scan.js)

inline std::string NoConsistentReadsOnGlobalIndexes() {
  return "Consistent reads are not supported on global secondary indexes";
}
inline std::string SelectAllOnPartialGlobalIndex(const std::string& index) {
  return Invalid("Select type ALL_ATTRIBUTES is not supported for global secondary index " + index +
                 " because its projection type is not ALL");
}
/// `attributes` as a Java list ("[a, b]").
inline std::string IndexDoesNotProjectFilter(const std::string& index, const std::string& attributes) {
  return Invalid("Secondary index " + index + " does not project one or more filter attributes: " + attributes);
}
inline std::string GlobalIndexDoesNotProject(const std::string& index, const std::string& attributes) {
  return Invalid("Global secondary index " + index + " does not project " + attributes);
}
/// An ExclusiveStartKey that is not a key of the table (and index); `why` follows a colon when given.
inline std::string StartKeyInvalid(const std::string& why = std::string()) {
  return why.empty() ? std::string("The provided starting key is invalid")
                     : "The provided starting key is invalid: " + why;
}
inline std::string StartKeyOutsideQuery() {
  return "The provided starting key is outside query boundaries based on provided conditions";
}
inline std::string StartKeyOffRangePredicate() {
  return "The provided starting key does not match the range key predicate";
}
inline std::string ConditionTypeMismatch() { return Invalid("Condition parameter type does not match schema type"); }
/// A Query filter (QueryFilter when `legacy`, else FilterExpression) on a key attribute.
inline std::string FilterOnKey(bool legacy, const std::string& key) {
  return std::string(legacy ? "QueryFilter" : "Filter Expression") +
         " can only contain non-primary key attributes: Primary key attribute: " + key;
}
/// `what` is "AttributesToGet" or "ProjectionExpression"; `select` the Select asked for.
inline std::string CannotSpecifyWhenSelecting(const std::string& what, const char* select) {
  return "Cannot specify the " + what + " when choosing to get " + select;
}
inline std::string CannotSpecifyWhenCounting(const std::string& what) {
  return CannotSpecifyWhenSelecting(what, "only the Count");
}
inline std::string AllProjectedNeedsIndex() {
  return "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName";
}
inline std::string SpecificAttributesNeedProjection() {
  return "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES";
}
inline std::string KeyConditionsRequired() {
  return "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.";
}
inline std::string KeyConditionCount() { return "Conditions can be of length 1 or 2 only"; }
inline std::string TotalSegmentsRequired() {
  return "The TotalSegments parameter is required but was not present in the request when Segment parameter is "
         "present";
}
inline std::string SegmentRequired() {
  return "The Segment parameter is required but was not present in the request when parameter TotalSegments is "
         "present";
}
inline std::string SegmentOutOfRange(long long segment, long long total) {
  return "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " +
         std::to_string(segment) + " is not less than TotalSegments: " + std::to_string(total);
}

// ---- expression parameters (architect/dynalite validations/index.js
// validateExpressionParams, db/index.js validateKeyPaths; DynamoDB Local
// LocalDBValidatorUtils.validateNoNestedAccessToKeyAttributeInExpression)

inline std::string NamesWithoutExpressions() {
  return "ExpressionAttributeNames can only be specified when using expressions";
}
/// `expressions` lists the legacy parameters set, `plural` when more than one.
inline std::string ValuesWithoutExpressions(const std::string& expressions, bool plural) {
  return "ExpressionAttributeValues can only be specified when using expressions: " + expressions +
         (plural ? " are null" : " is null");
}
/// A document path into a key attribute; `detail` names it ("IndexKey: ..." and the like).
inline std::string KeyPathNotScalar(const std::string& detail) {
  return "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: " + detail;
}

/// BatchGetItem and BatchWriteItem past their item limits, and a batch naming one
/// key twice (architect/dynalite validations/batchGetItem.js and batchWriteItem.js,
/// checked against the service).
inline std::string TooManyBatchItems(const char* operation) {
  return std::string("Too many items requested for the ") + operation + " call";
}
inline std::string DuplicateBatchKeys() { return "Provided list of item keys contains duplicates"; }
/// A WriteRequest with both or neither of PutRequest and DeleteRequest: the
/// service's text, about AttributeValues though it is a WriteRequest (dynalite
/// validations/batchWriteItem.js).
inline std::string MoreThanOneDatatype() {
  return "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported "
         "datatypes";
}
/// ReturnValues other than NONE or ALL_OLD on PutItem or DeleteItem (dynalite
/// validations/putItem.js, deleteItem.js).
inline std::string ReturnValuesInvalid() { return "Return values set to invalid value"; }

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

/// An ExportTableToPointInTime whose IncrementalExportSpecification and ExportType
/// disagree ([infer] wording: the API Reference says IncrementalExportSpecification is
/// "Optional object containing the parameters specific to an incremental export" and
/// ExportTime applies to full exports).
inline std::string IncrementalSpecificationRequired() {
  return Invalid("IncrementalExportSpecification must be specified for an INCREMENTAL_EXPORT");
}
inline std::string NoExportTimeWhenIncremental() {
  return Invalid("ExportTime cannot be specified for an INCREMENTAL_EXPORT");
}
inline std::string IncrementalSpecificationOnlyWhenIncremental() {
  return Invalid("IncrementalExportSpecification can only be specified for an INCREMENTAL_EXPORT");
}
/// "The export period's length must be at least 15 minutes and no longer than 24 hours"
/// (Developer Guide, "Incremental export to Amazon S3"; the service's own text is unsourced).
inline std::string IncrementalExportPeriod() {
  return Invalid("The incremental export period must be between 15 minutes and 24 hours");
}
/// LimitExceededException past the documented concurrent exports or imports
/// (Developer Guide, "Service, account, and table quotas"; the text is dynafake's, unsourced).
inline std::string ConcurrentLimit(const char* what) {
  return SubscriberLimit(std::string("too many concurrent ") + what);
}
/// An export or import's FailureMessage for what dynafake does not model: the
/// service writes Amazon Ion and reads ZSTD ("Amazon S3 import formats"); dynafake
/// says so rather than pretend.
inline std::string NoIonExport() { return "dynafake does not write the ION export format; use DYNAMODB_JSON"; }
inline std::string NoZstdImport() { return "dynafake does not read ZSTD-compressed input; use GZIP or NONE"; }
inline std::string NoIonImport() { return "dynafake does not read the ION input format; use DYNAMODB_JSON or CSV"; }

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

// ---- restores and point-in-time recovery (ValidationException, through Invalid)
// The service's wording of these is not quoted in a public source we found:
// [infer] texts in the style of the neighbouring ones, kept as dynafake wrote them.

inline std::string NoThroughputOverrideWhenOnDemand() {
  return Invalid("ProvisionedThroughputOverride cannot be specified when BillingMode is PAY_PER_REQUEST");
}
inline std::string ThroughputOverrideRequired() {
  return Invalid("ProvisionedThroughputOverride must be specified when restoring an on-demand source as PROVISIONED");
}
/// `first` and `second` are the two members of which exactly one is needed
/// (SourceTableArn and SourceTableName; RestoreDateTime and UseLatestRestorableTime).
inline std::string OnlyOneOf(const char* first, const char* second) {
  return Invalid(std::string("Only one of ") + first + " and " + second + " may be specified");
}
inline std::string EitherOf(const char* first, const char* second) {
  return Invalid(std::string("Either ") + first + " or " + second + " must be specified");
}
inline std::string RecoveryPeriodWithoutRecovery() {
  return Invalid("RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled is true");
}

// ---- what dynafake does not model (ValidationException, saying so)

/// The global-table members of CreateTable and UpdateTable.
constexpr const char* kCreateTableGlobalMembers = "GlobalTableSourceArn and GlobalTableSettingsReplicationMode";
constexpr const char* kUpdateTableGlobalMembers =
    "ReplicaUpdates, GlobalTableWitnessUpdates, MultiRegionConsistency and GlobalTableSettingsReplicationMode";
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

// ---- a saved state that cannot load: dynafake's own texts (no service answers
// them), thrown as std::invalid_argument by Service::LoadState, prefixed "LoadState: "

inline std::string StateBackupWithoutHistory(const std::string& arn) {
  return "backup " + arn + " holds no item history";
}
inline std::string StateRecoveryPeriod(const std::string& table, int days) {
  return "point-in-time recovery of table " + table + " keeps " + std::to_string(days) + " days: not between 1 and 35";
}
inline std::string StateExportWithoutHistory(const std::string& arn) {
  return "export " + arn + " is not written yet and names no history";
}
inline std::string StateAppearsTwice(const std::string& what, const std::string& arn) {
  return what + " " + arn + " appears twice";
}
inline std::string StateTableMisfiled(const std::string& name, const std::string& key) {
  return "table " + name + " is filed under the name " + key;
}
inline std::string StateTableWithoutHistory(const std::string& name) {
  return "table " + name + " holds no item history";
}
inline std::string StateSavedOutsideClock(long long savedAtMs) {
  return "it was saved at " + std::to_string(savedAtMs) + " ms, outside the instants a clock can hold";
}
inline std::string StateClockBackwards(const std::string& savedAt, const std::string& now) {
  return "LoadState: the snapshot was saved at " + savedAt + " but the clock is already at " + now +
         "; an adjustable clock cannot move backwards";
}

// ---- Scan segments

/// An ExclusiveStartKey whose key hashes into another segment (architect/dynalite
/// actions/scan.js, whose tests ran against the service).
inline std::string StartKeyOfAnotherSegment(long long totalSegments, long long segment) {
  return "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct "
         "Segment. TotalSegments: " +
         std::to_string(totalSegments) + " Segment: " + std::to_string(segment);
}

}  // namespace msg

/// The message an error of `type` carries when none was given (fault rules, gMock's ReturnError).
inline std::string DefaultMessage(DynamoDBErrors type) { return msg::Default(type); }

}  // namespace detail
}  // namespace dynafake
