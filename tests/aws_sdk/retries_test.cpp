// Throttling, 500s and rate limits from the Service reach the SDK as the real
// service's would, and the SDK's own retry logic decides what to do with them
// (without sleeping: NoSleepRetryStrategy).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <aws/core/client/DefaultRetryStrategy.h>
#include <aws/core/client/RetryStrategy.h>
#include <aws/dynamodb/model/DescribeTableRequest.h>

#include "sdk_world.hpp"

namespace dynafake_sdk_test {
namespace {

using Aws::DynamoDB::DynamoDBErrors;
using Aws::Http::HttpResponseCode;
using dynafake::FaultRule;

class Retries : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(w.client.CreateTable(OrdersTable()).IsSuccess()); }
  World w;
};

TEST_F(Retries, ConfigRetriesAsTheSdkWouldWithoutWaiting) {
  const auto strategy =
      std::dynamic_pointer_cast<dynafake::aws::NoSleepRetryStrategy>(w.endpoint.Config().retryStrategy);
  ASSERT_NE(strategy, nullptr);
  const Aws::Client::AWSError<Aws::Client::CoreErrors> throttled(Aws::Client::CoreErrors::THROTTLING, true);
  const Aws::Client::AWSError<Aws::Client::CoreErrors> notFound(Aws::Client::CoreErrors::RESOURCE_NOT_FOUND, false);
  for (long attempt = 0; attempt < 4; ++attempt) {
    EXPECT_EQ(strategy->ShouldRetry(throttled, attempt), strategy->Inner()->ShouldRetry(throttled, attempt));
    EXPECT_EQ(strategy->CalculateDelayBeforeNextRetry(throttled, attempt), 0);
  }
  EXPECT_GT(strategy->Inner()->CalculateDelayBeforeNextRetry(throttled, 3), 0) << "the SDK's own strategy would wait";
  EXPECT_FALSE(strategy->ShouldRetry(notFound, 0));
  EXPECT_EQ(strategy->GetMaxAttempts(), strategy->Inner()->GetMaxAttempts());
  EXPECT_STREQ(strategy->GetStrategyName(), strategy->Inner()->GetStrategyName());
}

TEST_F(Retries, ThrottlingIsRetriedByTheSdkUntilItPasses) {
  const int rule =
      w.service.Faults().Add(FaultRule::On("CreateBackup").Times(2).Fail(dynafake::DynamoDBErrors::THROTTLING));
  const auto before = w.endpoint.RequestCount();
  auto out = w.client.CreateBackup(Backup("orders"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError().GetMessage();
  EXPECT_EQ(w.service.Faults().Fired(rule), 2);
  EXPECT_EQ(w.endpoint.RequestCount() - before, 3u) << "two throttled attempts and the one that passed";
}

TEST_F(Retries, AServerErrorReachesTheSdkAsAnInternalFailureWithStatus500) {
  auto config = w.endpoint.Config();
  config.retryStrategy = std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/0);
  Aws::DynamoDB::DynamoDBClient once(config);
  w.service.Faults().Add(FaultRule::On("DescribeTable").Once().Fail(dynafake::DynamoDBErrors::INTERNAL_FAILURE));
  auto out = once.DescribeTable(Sdk::DescribeTableRequest().WithTableName("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_EQ(out.GetError().GetExceptionName(), "InternalServerError");
  EXPECT_EQ(out.GetError().GetResponseCode(), HttpResponseCode::INTERNAL_SERVER_ERROR);
  EXPECT_TRUE(out.GetError().ShouldRetry());
}

TEST_F(Retries, AServerErrorThatPersistsExhaustsTheSdksRetries) {
  auto config = w.endpoint.Config();
  config.retryStrategy = std::make_shared<dynafake::aws::NoSleepRetryStrategy>(
      std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/3));
  Aws::DynamoDB::DynamoDBClient client(config);
  const int rule =
      w.service.Faults().Add(FaultRule::On("DescribeTable").Always().Fail(dynafake::DynamoDBErrors::INTERNAL_FAILURE));
  auto out = client.DescribeTable(Sdk::DescribeTableRequest().WithTableName("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_EQ(w.service.Faults().Fired(rule), 4) << "the first attempt and three retries";
}

TEST_F(Retries, TheStandardRetryModeIsFollowedToo) {
  auto config = w.endpoint.Config();
  config.retryStrategy = std::make_shared<dynafake::aws::NoSleepRetryStrategy>(
      std::make_shared<Aws::Client::StandardRetryStrategy>(/*maxAttempts=*/3));
  Aws::DynamoDB::DynamoDBClient client(config);
  const int rule =
      w.service.Faults().Add(FaultRule::On("CreateBackup").Always().Fail(dynafake::DynamoDBErrors::THROTTLING));
  auto out = client.CreateBackup(Backup("orders"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::THROTTLING);
  EXPECT_EQ(out.GetError().GetExceptionName(), "ThrottlingException");
  EXPECT_EQ(w.service.Faults().Fired(rule), 3) << "standard mode: 3 attempts in all";
}

TEST_F(Retries, AnErrorTheSdkDoesNotRetryIsSentOnce) {
  const auto before = w.endpoint.RequestCount();
  auto out = w.client.CreateBackup(Backup("missing"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
  EXPECT_EQ(w.endpoint.RequestCount() - before, 1u);
}

TEST_F(Retries, CreateBackupsRateLimitReachesTheSdkAsLimitExceeded) {
  // 50 CreateBackup calls per second of the Service's clock are accepted; the
  // clock does not move while the SDK retries, so the 51st stays refused.
  auto config = w.endpoint.Config();
  config.retryStrategy = std::make_shared<dynafake::aws::NoSleepRetryStrategy>(
      std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/2));
  Aws::DynamoDB::DynamoDBClient client(config);
  for (int i = 0; i < 50; ++i) {
    auto ok = client.CreateBackup(Backup("orders", "backup-" + std::to_string(i)));
    ASSERT_TRUE(ok.IsSuccess()) << i << ": " << ok.GetError().GetMessage();
  }
  const auto before = w.endpoint.RequestCount();
  auto limited = client.CreateBackup(Backup("orders", "one-too-many"));
  ASSERT_FALSE(limited.IsSuccess());
  EXPECT_EQ(limited.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
  EXPECT_EQ(limited.GetError().GetExceptionName(), "LimitExceededException");
  EXPECT_TRUE(limited.GetError().ShouldRetry()) << "aws-sdk-cpp retries LimitExceededException";
  EXPECT_EQ(w.endpoint.RequestCount() - before, 3u) << "the first attempt and two retries, all refused";

  w.clock.Advance(std::chrono::seconds(1));
  EXPECT_TRUE(client.CreateBackup(Backup("orders", "next-second")).IsSuccess());
}

}  // namespace
}  // namespace dynafake_sdk_test
