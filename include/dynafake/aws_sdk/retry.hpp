// dynafake — a retry strategy for aws-sdk-cpp that decides like another one
// but never waits between attempts.
//
// The SDK sleeps between retries (DefaultRetryStrategy: 0, 50, 100, 200 ms ...
// for up to 10 retries). Against dynafake the wait buys nothing: the fake's
// time is the test's ManualClock, not the wall clock. InProcessEndpoint's
// Config() wraps the strategy the SDK would pick (AWS_RETRY_MODE, the
// profile's retry_mode and max_attempts, else DefaultRetryStrategy) in this
// one, so a throttled call is retried exactly as in production, only at once.
//
// Needs aws-sdk-cpp (CMake target dynafake::aws_sdk).
#pragma once

#include <memory>     // std::shared_ptr
#include <stdexcept>  // std::invalid_argument
#include <utility>    // std::move

#include <aws/core/client/AWSError.h>       // AWSError
#include <aws/core/client/CoreErrors.h>     // CoreErrors
#include <aws/core/client/RetryStrategy.h>  // RetryStrategy, HttpResponseOutcome

namespace dynafake {
namespace aws {

/// Asks `inner` whether and how often to retry, and answers 0 ms to "how long
/// to wait": the SDK then retries at once (AWSClient sleeps for the delay the
/// strategy returns; with 0 it does not wait).
class NoSleepRetryStrategy : public Aws::Client::RetryStrategy {
 public:
  explicit NoSleepRetryStrategy(std::shared_ptr<Aws::Client::RetryStrategy> inner) : inner_(std::move(inner)) {
    if (!inner_) throw std::invalid_argument("dynafake::aws::NoSleepRetryStrategy: null inner strategy");
  }

  bool ShouldRetry(const Aws::Client::AWSError<Aws::Client::CoreErrors>& error, long attemptedRetries) const override {
    return inner_->ShouldRetry(error, attemptedRetries);
  }
  long CalculateDelayBeforeNextRetry(const Aws::Client::AWSError<Aws::Client::CoreErrors>&, long) const override {
    return 0;
  }
  long GetMaxAttempts() const override { return inner_->GetMaxAttempts(); }
  void GetSendToken() override { inner_->GetSendToken(); }
  bool HasSendToken() override { return inner_->HasSendToken(); }
  void RequestBookkeeping(const Aws::Client::HttpResponseOutcome& outcome) override {
    inner_->RequestBookkeeping(outcome);
  }
  void RequestBookkeeping(const Aws::Client::HttpResponseOutcome& outcome,
                          const Aws::Client::AWSError<Aws::Client::CoreErrors>& lastError) override {
    inner_->RequestBookkeeping(outcome, lastError);
  }
  const char* GetStrategyName() const override { return inner_->GetStrategyName(); }

  /// The strategy that decides.
  const std::shared_ptr<Aws::Client::RetryStrategy>& Inner() const { return inner_; }

 private:
  std::shared_ptr<Aws::Client::RetryStrategy> inner_;
};

}  // namespace aws
}  // namespace dynafake
