// The "AwsSdk" transport of the typed suite (tests/unit/fixtures.hpp): a
// dynafake client whose every call goes through the real
// Aws::DynamoDB::DynamoDBClient over an InProcessEndpoint, and back. The one
// translation unit of the typed suite that includes aws-sdk-cpp.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <aws/core/Aws.h>
#include <aws/core/client/DefaultRetryStrategy.h>

#include <dynafake/aws_sdk.hpp>
#include <dynafake/aws_sdk/transport.hpp>

#include "fixtures.hpp"
#include "sdk_options.hpp"

namespace dynafake_test {
namespace {

// Aws::InitAPI at the first AwsSdk client, Aws::ShutdownAPI after the last
// test: CTest runs each test in its own process, and the suite's in-process
// and wire tests should not pay for starting the SDK (about 0.2 s a process).
class LazyAwsSdk : public testing::Environment {
 public:
  void Start() {
    if (started_) return;
    Aws::InitAPI(options_);
    started_ = true;
  }
  void TearDown() override {
    if (started_) Aws::ShutdownAPI(options_);
    started_ = false;
  }

 private:
  Aws::SDKOptions options_ = TestSdkOptions();
  bool started_ = false;
};

// gtest owns and deletes the environment.
LazyAwsSdk* const kAwsSdk = static_cast<LazyAwsSdk*>(testing::AddGlobalTestEnvironment(new LazyAwsSdk));

// The endpoint and the SDK client live as long as the typed client over them.
struct SdkParts {
  explicit SdkParts(dynafake::Service& service) : endpoint(service), sdk(MakeClient(endpoint)) {}

  static std::shared_ptr<Aws::DynamoDB::DynamoDBClient> MakeClient(const dynafake::aws::InProcessEndpoint& endpoint) {
    auto config = endpoint.Config();
    // One SDK call is one call to the Service, as in process and on the wire:
    // the suite counts calls and scripts faults for the nth one. (Retries
    // through the endpoint are tested in tests/aws_sdk/retries_test.cpp.)
    config.retryStrategy = std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/0);
    return std::make_shared<Aws::DynamoDB::DynamoDBClient>(config);
  }

  dynafake::aws::InProcessEndpoint endpoint;
  std::shared_ptr<Aws::DynamoDB::DynamoDBClient> sdk;
};

class SdkClient : private SdkParts, public dynafake::BasicClient<dynafake::aws::SdkTransport> {
 public:
  explicit SdkClient(dynafake::Service& service)
      : SdkParts(service), dynafake::BasicClient<dynafake::aws::SdkTransport>(sdk) {}
};

// Scenarios this aws-sdk-cpp cannot express. PointInTimeRecoverySpecification
// and PointInTimeRecoveryDescription gained RecoveryPeriodInDays in the
// service model of December 2024; releases before it (1.11.274, the one in
// ../shared/vendor) have no such member, so a request cannot carry it and a
// response's value is dropped by the SDK's parser. These tests set or read it;
// they stay out of the suite (tests/unit/support/main.cpp leaves them out) and run
// through any SDK that has the member. A new test that needs the member fails
// with "this aws-sdk-cpp has no ...RecoveryPeriodInDays" until listed here.
constexpr bool kSdkHasRecoveryPeriod = dynafake::aws::convert_detail::HasGetRecoveryPeriodInDays<
    Aws::DynamoDB::Model::PointInTimeRecoverySpecification>::value;
constexpr const char* kNeedRecoveryPeriod[] = {
    "HistoryReleaseTest.PitrWindowHoldsVersionsOnlyForItsRecoveryPeriod",
    "HistoryReleaseTest.DisablingPitrReleasesTheWindow",
    "HistoryReleaseTest.DeletedTableHistoryGoesWhenItsSystemBackupExpires",
    "HistoryReleaseTest.LongRunOfWritesDeletesAndExpiriesStaysBoundedAndDrainsToZero",
    "PitrTest.EnablingAnswersWithTheNewWindowAndThirtyFiveDaysByDefault",
    "PitrTest.RecoveryPeriodShortensTheWindow",
    "PitrTest.ChangingOnlyTheRecoveryPeriodKeepsTheWindowsStart",
    "PitrTest.RecoveryPeriodOutsideOneToThirtyFiveDaysIsValidationException",
    "PitrTest.RecoveryPeriodWhileDisablingIsValidationException",
    "PitrTest.ReEnablingWithoutAPeriodGoesBackToThirtyFiveDays",
};

// Likewise WarmThroughput (TableDescription, the global indexes' descriptions,
// CreateTable's and UpdateTable's requests), added to the service model in
// November 2024: 1.11.274 neither sends nor reads it. These tests set or read it.
constexpr bool kSdkHasWarmThroughput =
    dynafake::aws::convert_detail::HasGetWarmThroughput<Aws::DynamoDB::Model::TableDescription>::value;
constexpr const char* kNeedWarmThroughput[] = {
    "TableDescriptionTest.AnOnDemandTableIsWarmFor12000ReadsAnd4000WritesPerSecond",
    "TableDescriptionTest.AProvisionedTableAndItsIndexAreWarmForTheirCapacity",
    "TableDescriptionTest.AnOnDemandIndexIsWarmLikeAnOnDemandTable",
    "TableDescriptionTest.CreateTablesAnswerHasNoWarmThroughputNorTimeOfTheSwitchToOnDemand",
    "TableDescriptionTest.RaisingProvisionedCapacityRaisesTheWarmThroughputAndLoweringItDoesNot",
    "TableDescriptionTest.ATableOnceOnDemandKeepsItsWarmThroughputWhenProvisioned",
    "TableDescriptionTest.AProvisionedTableSwitchedToOnDemandIsWarmForTheOnDemandStart",
    "TableDescriptionTest.AWarmThroughputAskedForIsReportedAndAUnitLeftOutIsTheStart",
    "TableDescriptionTest.AWarmThroughputBelowTheStartIsRefused",
    "TableDescriptionTest.UpdateTableRaisesTheWarmThroughputButNeverLowersIt",
};

}  // namespace

std::unique_ptr<dynafake::ClientInterface> MakeAwsSdkClient(dynafake::Service& service) {
  kAwsSdk->Start();
  return std::make_unique<SdkClient>(service);
}

std::vector<std::string> TestsTheSdkCannotRun() {
  std::vector<std::string> tests;
  if (!kSdkHasRecoveryPeriod)
    for (const char* test : kNeedRecoveryPeriod) tests.push_back(std::string("Transports/") + test + "/AwsSdk");
  if (!kSdkHasWarmThroughput)
    for (const char* test : kNeedWarmThroughput) tests.push_back(std::string("Transports/") + test + "/AwsSdk");
  return tests;
}

}  // namespace dynafake_test
