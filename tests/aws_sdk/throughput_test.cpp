// Throughput through the real aws-sdk-cpp DynamoDBClient: a throttled call is
// retried by the SDK's own retry strategy, as against the service, and passes
// once the fake's clock has refilled the capacity. The backoff the SDK
// computes is spent on the ManualClock instead of the wall clock, so the
// test shows how long the SDK would have waited without waiting.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include <aws/core/client/DefaultRetryStrategy.h>
#include <aws/core/client/RetryStrategy.h>
#include <aws/dynamodb/model/BatchWriteItemRequest.h>

#include "sdk_world.hpp"

namespace dynafake_sdk_test {
namespace {

/// Decides like `inner` and, instead of sleeping, moves `clock` by the delay `inner` asks for.
class BackoffOnTheClock : public Aws::Client::RetryStrategy {
 public:
  BackoffOnTheClock(std::shared_ptr<Aws::Client::RetryStrategy> inner, dynafake::ManualClock& clock)
      : inner_(std::move(inner)), clock_(&clock) {}
  bool ShouldRetry(const Aws::Client::AWSError<Aws::Client::CoreErrors>& error, long attempted) const override {
    return inner_->ShouldRetry(error, attempted);
  }
  long CalculateDelayBeforeNextRetry(const Aws::Client::AWSError<Aws::Client::CoreErrors>& error,
                                     long attempted) const override {
    const long ms = inner_->CalculateDelayBeforeNextRetry(error, attempted);
    clock_->Advance(std::chrono::milliseconds(ms));
    ++*retries_;
    return 0;
  }
  long GetMaxAttempts() const override { return inner_->GetMaxAttempts(); }
  int Retries() const { return *retries_; }

 private:
  std::shared_ptr<Aws::Client::RetryStrategy> inner_;
  dynafake::ManualClock* clock_;
  std::shared_ptr<int> retries_ = std::make_shared<int>(0);
};

Sdk::CreateTableRequest TinyTable() {
  return OrdersTable("tiny")
      .WithBillingMode(Sdk::BillingMode::PROVISIONED)
      .WithProvisionedThroughput(Sdk::ProvisionedThroughput().WithReadCapacityUnits(1).WithWriteCapacityUnits(1));
}

Sdk::PutItemRequest Row(const std::string& id) {
  return Sdk::PutItemRequest().WithTableName("tiny").WithItem({{"id", Sdk::AttributeValue(id.c_str())}});
}

TEST(SdkThroughput, AThrottledPutIsRetriedByTheSdkUntilTheClockRefillsTheTable) {
  World w;
  auto config = w.endpoint.Config();
  auto strategy = std::make_shared<BackoffOnTheClock>(
      std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/10), w.clock);
  config.retryStrategy = strategy;
  Aws::DynamoDB::DynamoDBClient client(config);
  ASSERT_TRUE(client.CreateTable(TinyTable()).IsSuccess());
  for (int i = 0; i < 300; ++i)  // the table's 300 seconds of burst
    ASSERT_TRUE(client.PutItem(Row("burst-" + std::to_string(i))).IsSuccess()) << i;
  ASSERT_EQ(strategy->Retries(), 0);

  const auto start = w.clock.Now();
  auto out = client.PutItem(Row("late"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError().GetMessage();
  EXPECT_GT(strategy->Retries(), 0) << "the SDK retried ProvisionedThroughputExceededException";
  EXPECT_GE(w.clock.Now() - start, std::chrono::milliseconds(1000)) << "one write unit a second";
}

TEST(SdkThroughput, WithoutRetriesTheSdkSeesTheServicesError) {
  World w;
  auto config = w.endpoint.Config();
  config.retryStrategy = std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/0);
  Aws::DynamoDB::DynamoDBClient client(config);
  ASSERT_TRUE(client.CreateTable(TinyTable()).IsSuccess());
  for (int i = 0; i < 300; ++i) ASSERT_TRUE(client.PutItem(Row("burst-" + std::to_string(i))).IsSuccess()) << i;
  auto out = client.PutItem(Row("late"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), Aws::DynamoDB::DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
  EXPECT_TRUE(out.GetError().ShouldRetry());
  EXPECT_EQ(out.GetError().GetMessage(),
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
            "provisioning level with the UpdateTable API.");
}

}  // namespace
}  // namespace dynafake_sdk_test
