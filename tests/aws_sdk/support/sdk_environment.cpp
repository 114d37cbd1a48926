// Aws::InitAPI before the first test and Aws::ShutdownAPI after the last, for
// every test binary that drives aws-sdk-cpp.
#include <gtest/gtest.h>

#include <memory>

#include <aws/core/Aws.h>

namespace {

class AwsSdkEnvironment : public testing::Environment {
 public:
  void SetUp() override {
    // CTest runs every test in its own process, so InitAPI runs once per test.
    // By default it builds the CRT's TLS context, parsing the whole CA store
    // (about 200 ms of CPU); only the CRT's own clients (S3-CRT, MQTT) use it,
    // never DynamoDB's curl client, so the tests skip it.
    options_.ioOptions.tlsConnectionOptions_create_fn = [] {
      return std::shared_ptr<Aws::Crt::Io::TlsConnectionOptions>();
    };
    Aws::InitAPI(options_);
  }
  void TearDown() override { Aws::ShutdownAPI(options_); }

 private:
  Aws::SDKOptions options_;
};

// gtest owns and deletes the environment.
testing::Environment* const kAwsSdk = testing::AddGlobalTestEnvironment(new AwsSdkEnvironment);

}  // namespace
