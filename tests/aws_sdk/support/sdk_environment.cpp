// Aws::InitAPI before the first test and Aws::ShutdownAPI after the last, for
// a test binary whose every test drives aws-sdk-cpp (dynafake_aws_sdk_tests).
#include <gtest/gtest.h>

#include <aws/core/Aws.h>

#include "sdk_options.hpp"

namespace {

class AwsSdkEnvironment : public testing::Environment {
 public:
  void SetUp() override { Aws::InitAPI(options_); }
  void TearDown() override { Aws::ShutdownAPI(options_); }

 private:
  Aws::SDKOptions options_ = dynafake_test::TestSdkOptions();
};

// gtest owns and deletes the environment.
testing::Environment* const kAwsSdk = testing::AddGlobalTestEnvironment(new AwsSdkEnvironment);

}  // namespace
