// ValidationException: every violated member constraint in one message, worded
// as DynamoDB words it ("1 validation error detected: Value 'ab' at
// 'backupName' failed to satisfy constraint: ..."), checked before any state
// is looked at — and a refused call changes nothing.
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

class ValidationTest : public ServiceTest {};

void ExpectValidation(const dynafake::DynamoDBError& e, const std::string& message) {
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(e.GetExceptionName(), "ValidationException");
  EXPECT_EQ(e.GetResponseCode(), 400);
  EXPECT_FALSE(e.ShouldRetry());
  EXPECT_EQ(e.GetMessage(), message);
}

// ---------------------------------------------------------------- CreateBackup

TEST_P(ValidationTest, BackupNameTooShortIsOneValidationError) {
  CreateActiveTable();
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("ab"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value 'ab' at 'backupName' failed to satisfy constraint: Member must "
                   "have length greater than or equal to 3");
}

TEST_P(ValidationTest, BackupNameTooLongIsOneValidationError) {
  CreateActiveTable();
  const std::string name(256, 'x');
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName(name));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(), "1 validation error detected: Value '" + name +
                                       "' at 'backupName' failed to satisfy constraint: Member must have length "
                                       "less than or equal to 255");
}

TEST_P(ValidationTest, BackupNameOutsideThePatternIsOneValidationError) {
  CreateActiveTable();
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("night ly"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value 'night ly' at 'backupName' failed to satisfy constraint: "
                   "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
}

TEST_P(ValidationTest, MissingTableNameIsMemberMustNotBeNull) {
  auto out = client->CreateBackup(M::CreateBackupRequest().WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must "
                   "not be null");
}

TEST_P(ValidationTest, TwoViolationsAreReportedTogether) {
  auto out = client->CreateBackup(M::CreateBackupRequest().WithBackupName("ab"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "2 validation errors detected: "
                   "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                   "Value 'ab' at 'backupName' failed to satisfy constraint: Member must have length greater than or "
                   "equal to 3");
}

// The pattern is reported before the length, as the service reports a name of
// the same shape (architect/dynalite test/listTables.js, test/query.js: "Value
// 'a;' at 'indexName' ... pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'indexName'
// ... length greater than or equal to 3", recorded against the service).
TEST_P(ValidationTest, OneMemberBreakingTwoConstraintsIsTwoErrors) {
  CreateActiveTable();
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("a!"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "2 validation errors detected: "
                   "Value 'a!' at 'backupName' failed to satisfy constraint: Member must satisfy regular expression "
                   "pattern: [a-zA-Z0-9_.-]+; "
                   "Value 'a!' at 'backupName' failed to satisfy constraint: Member must have length greater than or "
                   "equal to 3");
}

// The data plane aggregates the same way, in the order the service lists the
// members (architect/dynalite test/putItem.js and getItem.js, run against the
// service).
TEST_P(ValidationTest, DataPlaneViolationsAreAggregatedInTheServicesOrder) {
  ExpectValidation(client->PutItem(M::PutItemRequest()).GetError(),
                   "2 validation errors detected: "
                   "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                   "Value null at 'item' failed to satisfy constraint: Member must not be null");
  ExpectValidation(client->GetItem(M::GetItemRequest()).GetError(),
                   "2 validation errors detected: "
                   "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                   "Value null at 'key' failed to satisfy constraint: Member must not be null");
}

// PutItem's own checks, one broken pair a row: the first in the service's
// order answers (architect/dynalite validations/putItem.js: the parameters'
// mix, the item's values, ReturnValues, the item's size, Expected, the
// expressions). The table need not exist: these come before it is looked up.
TEST_P(ValidationTest, PutItemChecksComeInTheServicesOrder) {
  const auto big = M::AttributeValue().SetS(std::string(400 * 1024, 'x'));
  const auto base = [] {
    return M::PutItemRequest().WithTableName("missing").AddItem("id", M::AttributeValue().SetS("a"));
  };
  struct Row {
    const char* what;
    M::PutItemRequest request;
    const char* message;
  };
  const Row rows[] = {
      {"mixed parameters before a bad ReturnValues",
       base()
           .WithReturnValues(M::ReturnValue::ALL_NEW)
           .WithExpected({{"id", M::ExpectedAttributeValue().WithExists(false)}})
           .WithConditionExpression("attribute_not_exists(id)"),
       "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
       "{Expected} Expression parameters: {ConditionExpression}"},
      {"an item's value before ReturnValues",
       base().AddItem("n", M::AttributeValue().SetN("b")).WithReturnValues(M::ReturnValue::ALL_NEW),
       "The parameter cannot be converted to a numeric value: b"},
      {"ReturnValues before the item's size", base().AddItem("big", big).WithReturnValues(M::ReturnValue::ALL_NEW),
       "Return values set to invalid value"},
      {"ReturnValues before the expressions",
       base().WithReturnValues(M::ReturnValue::UPDATED_NEW).WithConditionExpression("id = :missing"),
       "Return values set to invalid value"},
      {"the item's size before the expressions", base().AddItem("big", big).WithConditionExpression("id = :missing"),
       "Item size has exceeded the maximum allowed size"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.what);
    ExpectValidation(client->PutItem(row.request).GetError(), row.message);
  }
}

TEST_P(ValidationTest, ValidationComesBeforeTheTableLookup) {
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("missing").WithBackupName("ab"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::VALIDATION) << "not TableNotFoundException";
}

TEST_P(ValidationTest, ValidationExceptionHasTheCoralValidateWireType) {
  auto out = client->CreateBackup(M::CreateBackupRequest().WithBackupName("nightly"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetWireType(), "com.amazon.coral.validate#ValidationException");
}

// ---------------------------------------------------------------- ListBackups

TEST_P(ValidationTest, ListBackupsLimitZeroIsBelowTheMinimum) {
  auto out = client->ListBackups(M::ListBackupsRequest().WithLimit(0));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                   "value greater than or equal to 1");
}

TEST_P(ValidationTest, ListBackupsLimitAboveOneHundredIsAboveTheMaximum) {
  auto out = client->ListBackups(M::ListBackupsRequest().WithLimit(101));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must "
                   "have value less than or equal to 100");
}

TEST_P(ValidationTest, ListBackupsLimitAtTheBoundsIsAccepted) {
  EXPECT_TRUE(client->ListBackups(M::ListBackupsRequest().WithLimit(1)).IsSuccess());
  EXPECT_TRUE(client->ListBackups(M::ListBackupsRequest().WithLimit(100)).IsSuccess());
}

TEST_P(ValidationTest, ListBackupsUnknownBackupTypeIsOutsideTheEnumValueSet) {
  auto out = client->ListBackups(
      M::ListBackupsRequest().WithBackupType(M::BackupTypeFilterMapper::GetBackupTypeFilterForName("NIGHTLY")));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value 'NIGHTLY' at 'backupType' failed to satisfy constraint: Member "
                   "must satisfy enum value set: [USER, SYSTEM, AWS_BACKUP, ALL]");
}

TEST_P(ValidationTest, ListBackupsShortExclusiveStartBackupArnIsRefused) {
  auto out = client->ListBackups(M::ListBackupsRequest().WithExclusiveStartBackupArn("arn:short"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value 'arn:short' at 'exclusiveStartBackupArn' failed to satisfy "
                   "constraint: Member must have length greater than or equal to 37");
}

TEST_P(ValidationTest, ListBackupsReportsEveryBadMember) {
  auto out = client->ListBackups(M::ListBackupsRequest().WithLimit(0).WithBackupType(
      M::BackupTypeFilterMapper::GetBackupTypeFilterForName("NIGHTLY")));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "2 validation errors detected: "
                   "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal "
                   "to 1; "
                   "Value 'NIGHTLY' at 'backupType' failed to satisfy constraint: Member must satisfy enum value set: "
                   "[USER, SYSTEM, AWS_BACKUP, ALL]");
}

// ---------------------------------------------------------------- DescribeBackup

TEST_P(ValidationTest, DescribeBackupWithoutAnArnIsMemberMustNotBeNull) {
  auto out = client->DescribeBackup(M::DescribeBackupRequest());
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value null at 'backupArn' failed to satisfy constraint: Member must "
                   "not be null");
}

TEST_P(ValidationTest, DescribeBackupWithAShortArnIsBelowTheMinimumLength) {
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn("arn:short"));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value 'arn:short' at 'backupArn' failed to satisfy constraint: "
                   "Member must have length greater than or equal to 37");
}

TEST_P(ValidationTest, DescribeBackupOfAWellFormedUnknownArnIsBackupNotFound) {
  auto out = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(
      "arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225600000-0000abcd"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::BACKUP_NOT_FOUND);
}

// ---------------------------------------------------------------- ListTables

TEST_P(ValidationTest, ListTablesLimitAboveOneHundredIsRefused) {
  auto out = client->ListTables(M::ListTablesRequest().WithLimit(101));
  ASSERT_FALSE(out.IsSuccess());
  ExpectValidation(out.GetError(),
                   "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must "
                   "have value less than or equal to 100");
}

// ---------------------------------------------------------------- a failed call changes nothing

TEST_P(ValidationTest, RefusedCreateBackupLeavesBackupsAsTheyWere) {
  CreateActiveTable();
  Backup("orders", "kept");
  auto list = [&] {
    auto out = client->ListBackups(M::ListBackupsRequest());
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.GetResult();
  };
  const auto before = list();
  ASSERT_EQ(before.GetBackupSummaries().size(), 1u);
  ASSERT_FALSE(client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("ab")).IsSuccess());
  ASSERT_FALSE(
      client->CreateBackup(M::CreateBackupRequest().WithTableName("missing").WithBackupName("nightly")).IsSuccess());
  EXPECT_EQ(list(), before);
}

TEST_P(ValidationTest, RefusedCreateTableLeavesTablesAsTheyWere) {
  CreateActiveTable();
  const auto tablesBefore = client->ListTables(M::ListTablesRequest()).GetResult();
  const auto describedBefore = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).GetResult();
  ASSERT_FALSE(client->CreateTable(OrdersTable("other").WithBillingMode(M::BillingMode::PROVISIONED)).IsSuccess());
  ASSERT_FALSE(client->CreateTable(OrdersTable()).IsSuccess());
  EXPECT_EQ(client->ListTables(M::ListTablesRequest()).GetResult(), tablesBefore);
  EXPECT_EQ(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).GetResult(), describedBefore);
}

TEST_P(ValidationTest, RefusedWritesLeaveTheTableAsItWas) {
  CreateActiveTable();
  ASSERT_TRUE(client->PutItem(Order("orders", "a")).IsSuccess());
  const auto scanBefore = client->Scan(M::ScanRequest().WithTableName("orders")).GetResult();
  const auto describedBefore = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).GetResult();
  ASSERT_FALSE(
      client->PutItem(Order("orders", "a", 2).WithConditionExpression("attribute_not_exists(id)")).IsSuccess());
  ASSERT_FALSE(client
                   ->PutItem(M::PutItemRequest().WithTableName("orders").WithItem(
                       std::map<std::string, M::AttributeValue>{{"id", M::AttributeValue("")}}))
                   .IsSuccess());
  ASSERT_FALSE(client
                   ->DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey(
                       std::map<std::string, M::AttributeValue>{{"id", M::AttributeValue().SetN(1)}}))
                   .IsSuccess());
  EXPECT_EQ(client->Scan(M::ScanRequest().WithTableName("orders")).GetResult(), scanBefore);
  EXPECT_EQ(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders")).GetResult(), describedBefore);
}

TEST_P(ValidationTest, RefusedCallsDoNotCountTowardsTheCreateBackupRate) {
  CreateActiveTable();
  for (int i = 0; i < 60; ++i)
    ASSERT_FALSE(
        client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("ab")).IsSuccess());
  auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  EXPECT_TRUE(out.IsSuccess()) << out.GetError();
}

DYNAFAKE_INSTANTIATE(ValidationTest);

}  // namespace
}  // namespace dynafake_test
