// The generated model, in aws-sdk-cpp's shape: requests built with With...
// chains, HasBeenSet flags, enums with NOT_SET and XMapper namespaces,
// Outcome and DynamoDBError.
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <dynafake/dynafake.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBError;
using dynafake::DynamoDBErrors;

// ---------------------------------------------------------------- requests and shapes

TEST(ModelTest, WithCallsChainAndSetEveryMember) {
  const auto request = M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  EXPECT_EQ(request.GetTableName(), "orders");
  EXPECT_EQ(request.GetBackupName(), "nightly");
}

TEST(ModelTest, MembersStartUnsetAndAreSetBySetOrWith) {
  M::ListBackupsRequest request;
  EXPECT_FALSE(request.LimitHasBeenSet());
  EXPECT_FALSE(request.TableNameHasBeenSet());
  request.SetLimit(10);
  EXPECT_TRUE(request.LimitHasBeenSet());
  EXPECT_EQ(request.GetLimit(), 10);
  EXPECT_TRUE(request.WithTableName("orders").TableNameHasBeenSet());
}

TEST(ModelTest, SettingADefaultValueStillCountsAsSet) {
  const auto request = M::ListTablesRequest().WithLimit(0);
  EXPECT_TRUE(request.LimitHasBeenSet()) << "the service sees Limit 0, not a missing Limit";
}

TEST(ModelTest, UnsetEnumMembersAreNotSet) {
  const M::ListBackupsRequest request;
  EXPECT_EQ(request.GetBackupType(), M::BackupTypeFilter::NOT_SET);
  EXPECT_FALSE(request.BackupTypeHasBeenSet());
}

TEST(ModelTest, AddAppendsToAList) {
  auto request = M::CreateTableRequest()
                     .AddKeySchema(M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH))
                     .AddKeySchema(M::KeySchemaElement().WithAttributeName("at").WithKeyType(M::KeyType::RANGE));
  ASSERT_EQ(request.GetKeySchema().size(), 2u);
  EXPECT_EQ(request.GetKeySchema()[1].GetAttributeName(), "at");
  EXPECT_TRUE(request.KeySchemaHasBeenSet());
}

TEST(ModelTest, RequestsCompareByValue) {
  EXPECT_EQ(M::CreateBackupRequest().WithTableName("orders"), M::CreateBackupRequest().WithTableName("orders"));
  EXPECT_NE(M::CreateBackupRequest().WithTableName("orders"), M::CreateBackupRequest().WithTableName("other"));
}

TEST(ModelTest, RequestsNameTheirOperation) {
  EXPECT_STREQ(M::CreateBackupRequest().GetServiceRequestName(), "CreateBackup");
  EXPECT_STREQ(M::ScanRequest().GetServiceRequestName(), "Scan");
}

TEST(ModelTest, AttributeValueHoldsExactlyOneType) {
  M::AttributeValue v("text");
  EXPECT_EQ(v.GetType(), M::ValueType::STRING);
  v.SetN(42);
  EXPECT_EQ(v.GetType(), M::ValueType::NUMBER);
  EXPECT_EQ(v.GetN(), "42");
  EXPECT_TRUE(v.GetS().empty()) << "setting N dropped S";
}

TEST(ModelTest, DefaultAttributeValueIsNotSet) {
  EXPECT_FALSE(M::AttributeValue().HasBeenSet());
  EXPECT_TRUE(M::AttributeValue().SetBool(false).HasBeenSet());
}

// ---------------------------------------------------------------- enums and mappers

TEST(ModelTest, EnumMapperRoundTripsEveryName) {
  for (const char* name : {"CREATING", "DELETED", "AVAILABLE"}) {
    const auto value = M::BackupStatusMapper::GetBackupStatusForName(name);
    EXPECT_TRUE(M::BackupStatusMapper::IsKnown(value)) << name;
    EXPECT_EQ(M::BackupStatusMapper::GetNameForBackupStatus(value), name);
  }
}

TEST(ModelTest, EnumValueNamedLikeAKeywordHasATrailingUnderscore) {
  EXPECT_EQ(M::ComparisonOperatorMapper::GetComparisonOperatorForName("NULL"), M::ComparisonOperator::NULL_);
  EXPECT_EQ(M::ComparisonOperatorMapper::GetNameForComparisonOperator(M::ComparisonOperator::NULL_), "NULL");
  EXPECT_EQ(M::ComparisonOperatorMapper::GetNameForComparisonOperator(M::ComparisonOperator::IN_), "IN");
}

TEST(ModelTest, NotSetHasAnEmptyName) {
  EXPECT_EQ(M::BackupTypeMapper::GetNameForBackupType(M::BackupType::NOT_SET), "");
  EXPECT_FALSE(M::BackupTypeMapper::IsKnown(M::BackupType::NOT_SET));
}

TEST(ModelTest, UnknownEnumNameRoundTripsButIsNotKnown) {
  const auto value = M::BackupTypeFilterMapper::GetBackupTypeFilterForName("NIGHTLY");
  EXPECT_FALSE(M::BackupTypeFilterMapper::IsKnown(value));
  EXPECT_EQ(M::BackupTypeFilterMapper::GetNameForBackupTypeFilter(value), "NIGHTLY");
  EXPECT_EQ(M::BackupTypeFilterMapper::GetBackupTypeFilterForName("NIGHTLY"), value) << "the same name, the same value";
}

// ---------------------------------------------------------------- Outcome

TEST(OutcomeTest, SuccessCarriesTheResult) {
  M::ListTablesOutcome outcome(M::ListTablesResult().WithTableNames({"orders"}));
  ASSERT_TRUE(outcome.IsSuccess());
  EXPECT_TRUE(static_cast<bool>(outcome));
  EXPECT_EQ(outcome.GetResult().GetTableNames(), std::vector<std::string>{"orders"});
}

TEST(OutcomeTest, FailureCarriesTheError) {
  M::ListTablesOutcome outcome(DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, "gone"));
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_FALSE(static_cast<bool>(outcome));
  EXPECT_EQ(outcome.GetError().GetMessage(), "gone");
}

TEST(OutcomeTest, GetResultOfAFailedOutcomeThrowsLogicError) {
  const M::ListTablesOutcome outcome(DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, "gone"));
  EXPECT_THROW(outcome.GetResult(), std::logic_error);
}

TEST(OutcomeTest, GetErrorOfASuccessfulOutcomeThrowsLogicError) {
  const M::ListTablesOutcome outcome(M::ListTablesResult{});
  EXPECT_THROW(outcome.GetError(), std::logic_error);
}

TEST(OutcomeTest, GetResultWithOwnershipOfAFailedOutcomeThrowsLogicError) {
  M::ListTablesOutcome outcome(DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, "gone"));
  EXPECT_THROW(outcome.GetResultWithOwnership(), std::logic_error);
}

TEST(OutcomeTest, GetResultWithOwnershipMovesTheResultOut) {
  M::ListTablesOutcome outcome(M::ListTablesResult().WithTableNames({"a", "b"}));
  M::ListTablesResult taken = outcome.GetResultWithOwnership();
  EXPECT_EQ(taken.GetTableNames(), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(outcome.GetResult().GetTableNames().empty()) << "moved from, not copied";
}

TEST(OutcomeTest, DefaultOutcomeIsAFailure) { EXPECT_FALSE(M::ListTablesOutcome().IsSuccess()); }

// ---------------------------------------------------------------- DynamoDBError

struct ErrorCase {
  DynamoDBErrors type;
  const char* exceptionName;
  int status;
  bool retry;
};

class DynamoDBErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(DynamoDBErrorTest, CarriesTheServiceExceptionNameStatusAndRetryFlag) {
  const DynamoDBError e(GetParam().type, "message");
  EXPECT_EQ(e.GetErrorType(), GetParam().type);
  EXPECT_EQ(e.GetExceptionName(), GetParam().exceptionName);
  EXPECT_EQ(e.GetResponseCode(), GetParam().status);
  EXPECT_EQ(e.ShouldRetry(), GetParam().retry);
  EXPECT_EQ(e.GetMessage(), "message");
}

TEST_P(DynamoDBErrorTest, IsFoundAgainByItsExceptionName) {
  const DynamoDBError e = DynamoDBError::FromExceptionName(GetParam().exceptionName, "message");
  EXPECT_EQ(e, DynamoDBError(GetParam().type, "message"));
}

// Every error type the Service produces.
INSTANTIATE_TEST_SUITE_P(
    ServiceErrors, DynamoDBErrorTest,
    testing::Values(ErrorCase{DynamoDBErrors::VALIDATION, "ValidationException", 400, false},
                    ErrorCase{DynamoDBErrors::RESOURCE_NOT_FOUND, "ResourceNotFoundException", 400, false},
                    ErrorCase{DynamoDBErrors::RESOURCE_IN_USE, "ResourceInUseException", 400, false},
                    ErrorCase{DynamoDBErrors::LIMIT_EXCEEDED, "LimitExceededException", 400, true},
                    ErrorCase{DynamoDBErrors::TABLE_NOT_FOUND, "TableNotFoundException", 400, false},
                    ErrorCase{DynamoDBErrors::TABLE_IN_USE, "TableInUseException", 400, false},
                    ErrorCase{DynamoDBErrors::TABLE_ALREADY_EXISTS, "TableAlreadyExistsException", 400, false},
                    ErrorCase{DynamoDBErrors::BACKUP_NOT_FOUND, "BackupNotFoundException", 400, false},
                    ErrorCase{DynamoDBErrors::BACKUP_IN_USE, "BackupInUseException", 400, false},
                    ErrorCase{DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE, "ContinuousBackupsUnavailableException",
                              400, false},
                    ErrorCase{DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE,
                              "PointInTimeRecoveryUnavailableException", 400, false},
                    ErrorCase{DynamoDBErrors::INVALID_RESTORE_TIME, "InvalidRestoreTimeException", 400, false},
                    ErrorCase{DynamoDBErrors::INTERNAL_FAILURE, "InternalServerError", 500, true}),
    [](const testing::TestParamInfo<ErrorCase>& p) { return std::string(p.param.exceptionName); });

TEST(DynamoDBErrorNamesTest, ServiceErrorsUseTheDynamoDBWireNamespace) {
  EXPECT_EQ(DynamoDBError(DynamoDBErrors::TABLE_IN_USE).GetWireType(),
            "com.amazonaws.dynamodb.v20120810#TableInUseException");
}

TEST(DynamoDBErrorNamesTest, ValidationUsesTheCoralValidateWireNamespace) {
  EXPECT_EQ(DynamoDBError(DynamoDBErrors::VALIDATION).GetWireType(), "com.amazon.coral.validate#ValidationException");
}

TEST(DynamoDBErrorNamesTest, UnknownExceptionNameIsKeptWithTypeUnknown) {
  const DynamoDBError e = DynamoDBError::FromExceptionName("SomethingNewException", "hm", 418);
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::UNKNOWN);
  EXPECT_EQ(e.GetExceptionName(), "SomethingNewException");
  EXPECT_EQ(e.GetResponseCode(), 418);
}

TEST(DynamoDBErrorNamesTest, ExceptionNameForGivesTheWireName) {
  EXPECT_EQ(dynafake::ExceptionNameFor(DynamoDBErrors::BACKUP_IN_USE), "BackupInUseException");
}

TEST(DynamoDBErrorNamesTest, PrintsNameStatusAndMessage) {
  std::ostringstream os;
  os << DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, "Table not found: orders");
  EXPECT_EQ(os.str(), "TableNotFoundException (HTTP 400): Table not found: orders");
}

}  // namespace
