// The code of docs/gmock.md (section "Verifying calls with GoogleMock"), compiled
// and run. Between the BEGIN and END markers this file is identical to the
// page's code block: change both together.
//
// README BEGIN
#include <gtest/gtest.h>
#include <dynafake/gmock.hpp>

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::HasBackupName;
using dynafake::HasTableName;
using dynafake::IsSuccess;
using dynafake::ReturnError;
using ::testing::AllOf;
using ::testing::DoDefault;
using ::testing::StartsWith;

// Production code, a template over a traits struct (dynafake::Api, or in
// production one naming aws-sdk-cpp's types): retries a refused backup.
template <class Api>
std::string BackUpNightly(const typename Api::Client& client, const std::string& table) {
  const auto request = typename Api::CreateBackupRequest().WithTableName(table).WithBackupName("nightly-" + table);
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto outcome = client.CreateBackup(request);
    if (outcome.IsSuccess()) return outcome.GetResult().GetBackupDetails().GetBackupArn();
    if (outcome.GetError().GetErrorType() != Api::DynamoDBErrors::LIMIT_EXCEEDED) break;
  }
  return "";
}

TEST(NightlyBackup, RetriesWhenTheLimitIsHit) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  testing::StrictMock<dynafake::MockClient> client(service);

  // Arrange through the real client: the mock does not see these calls.
  client.GetRealClient().CreateTable(
      M::CreateTableRequest()
          .WithTableName("orders")
          .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
          .WithAttributeDefinitions(
              {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
          .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));

  // Exactly two calls for "orders": the first hits the limit, the retry
  // reaches the fake and creates a real backup.
  EXPECT_CALL(client, CreateBackup(AllOf(HasTableName("orders"), HasBackupName(StartsWith("nightly-")))))
      .WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED))
      .WillOnce(DoDefault());

  const std::string arn = BackUpNightly<dynafake::MockApi<>>(client, "orders");

  EXPECT_THAT(arn, StartsWith("arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/"));
  EXPECT_THAT(client.GetRealClient().DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn)), IsSuccess());
}
// README END
