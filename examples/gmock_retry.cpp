// Example: testing a backup job's retry logic with dynafake::MockClient.
//
// The job backs up a set of tables and retries a CreateBackup that the
// service refused with LimitExceededException. The tests below verify its
// calls with GoogleMock while the calls they do not override run against
// dynafake's in-memory DynamoDB, so ARNs, states and errors are the real ones.
//
// This program is its own test runner: it runs the tests and returns
// RUN_ALL_TESTS()'s result (0 when all pass).
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <dynafake/gmock.hpp>

// --- The code under test -----------------------------------------------------
// Written against a traits struct, as production code would be: in production
// `Api` names aws-sdk-cpp's client and types, in tests dynafake's.

template <class Api>
class BackupJob {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  BackupJob(const typename Api::Client& client, Sleep sleep, int maxAttempts = 4)
      : client_(client), sleep_(std::move(sleep)), maxAttempts_(maxAttempts) {}

  /// Backs up `table` as `name`; returns the backup's ARN, or "" if it gave up.
  std::string Run(const std::string& table, const std::string& name) const {
    const auto request = typename Api::CreateBackupRequest().WithTableName(table).WithBackupName(name);
    std::chrono::milliseconds backoff(200);
    for (int attempt = 1; attempt <= maxAttempts_; ++attempt) {
      auto outcome = client_.CreateBackup(request);
      if (outcome.IsSuccess()) return outcome.GetResult().GetBackupDetails().GetBackupArn();
      if (outcome.GetError().GetErrorType() != Api::DynamoDBErrors::LIMIT_EXCEEDED) return "";
      sleep_(backoff);
      backoff *= 2;
    }
    return "";
  }

 private:
  const typename Api::Client& client_;
  Sleep sleep_;
  int maxAttempts_;
};

// --- The tests ---------------------------------------------------------------

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::HasBackupName;
using dynafake::HasTableName;
using dynafake::IsError;
using dynafake::IsSuccess;
using dynafake::ReturnError;
using ::testing::_;
using ::testing::AllOf;
using ::testing::DoDefault;
using ::testing::StartsWith;
using ::testing::StrictMock;

class BackupJobTest : public ::testing::Test {
 protected:
  BackupJobTest() {
    // Arrange through the real client, which the mock does not watch.
    dynafake::Client(service).CreateTable(dynafake::testing::HashKeyTable("orders"));
    clock.Advance(std::chrono::seconds(10));  // the table becomes ACTIVE
  }

  // The job's sleeps move the test's clock instead of waiting.
  BackupJob<dynafake::MockApi<>>::Sleep Sleep() {
    return [this](std::chrono::milliseconds d) {
      clock.Advance(d);
      waited += d;
    };
  }

  dynafake::ManualClock clock;
  dynafake::Service service{clock};
  std::chrono::milliseconds waited{0};
};

TEST_F(BackupJobTest, RetriesAfterLimitExceededAndGetsARealBackup) {
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup(AllOf(HasTableName("orders"), HasBackupName("orders-nightly"))))
      .WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED))
      .WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED))
      .WillOnce(DoDefault());  // the third call reaches the fake

  BackupJob<dynafake::MockApi<>> job(client, Sleep());
  const std::string arn = job.Run("orders", "orders-nightly");

  EXPECT_THAT(arn, StartsWith("arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/"));
  EXPECT_EQ(waited, std::chrono::milliseconds(200 + 400));
  // The backup exists in the fake, CREATING until its 30 seconds have passed.
  auto described = client.GetRealClient().DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_THAT(described, IsSuccess());
  EXPECT_EQ(described.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus(),
            M::BackupStatus::CREATING);
}

TEST_F(BackupJobTest, GivesUpAfterFourAttempts) {
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup(HasTableName("orders")))
      .Times(4)
      .WillRepeatedly(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED));

  BackupJob<dynafake::MockApi<>> job(client, Sleep());

  EXPECT_EQ(job.Run("orders", "orders-nightly"), "");
  EXPECT_EQ(waited, std::chrono::milliseconds(200 + 400 + 800 + 1600));
}

TEST_F(BackupJobTest, DoesNotRetryWhatTheServiceRefusesForGood) {
  // No override at all: the fake itself refuses a backup of a missing table.
  StrictMock<dynafake::MockClient> client(service);
  EXPECT_CALL(client, CreateBackup(HasTableName("missing"))).Times(1);

  BackupJob<dynafake::MockApi<>> job(client, Sleep());

  EXPECT_EQ(job.Run("missing", "missing-nightly"), "");
  EXPECT_EQ(waited, std::chrono::milliseconds(0));
  EXPECT_THAT(client.GetRealClient().CreateBackup(
                  M::CreateBackupRequest().WithTableName("missing").WithBackupName("missing-nightly")),
              IsError(DynamoDBErrors::TABLE_NOT_FOUND));
}

TEST_F(BackupJobTest, TheFakesOwnLimitIsRetriedToo) {
  // The fake models CreateBackup's 50 calls per second; a lower limit makes
  // the second call of the same second fail with LimitExceededException.
  dynafake::ServiceOptions options;
  options.limits.callsPerSecond["CreateBackup"] = 1;
  options.serializeBackupsPerTable = false;
  dynafake::Service limited(clock, options);
  dynafake::Client(limited).CreateTable(dynafake::testing::HashKeyTable("orders"));
  clock.Advance(std::chrono::seconds(10));

  testing::NiceMock<dynafake::MockClient> client(limited);
  BackupJob<dynafake::MockApi<>> job(client, Sleep());
  // The first call passes; the second job's calls are refused until a whole
  // second has passed since the first: at +0, +200 and +600 ms, then at
  // +1400 ms it passes.
  EXPECT_CALL(client, CreateBackup(_)).Times(1 + 4);

  EXPECT_NE(job.Run("orders", "first"), "");
  EXPECT_NE(job.Run("orders", "second"), "");
  EXPECT_EQ(waited, std::chrono::milliseconds(200 + 400 + 800));
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleMock(&argc, argv);
  return RUN_ALL_TESTS();
}
