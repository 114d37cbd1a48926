// Aws::InitAPI before the first test and Aws::ShutdownAPI after the last, for
// every test binary that drives aws-sdk-cpp.
#include <gtest/gtest.h>

#include <aws/core/Aws.h>

namespace {

class AwsSdkEnvironment : public testing::Environment {
 public:
  void SetUp() override { Aws::InitAPI(options_); }
  void TearDown() override { Aws::ShutdownAPI(options_); }

 private:
  Aws::SDKOptions options_;
};

// gtest owns and deletes the environment.
testing::Environment* const kAwsSdk = testing::AddGlobalTestEnvironment(new AwsSdkEnvironment);

}  // namespace
