// The real aws-sdk-cpp against dynafake-server over loopback: an unmodified
// DynamoDBClient with endpointOverride = http://127.0.0.1:PORT, the server's
// clock driven through its admin API. And, while an InProcessEndpoint lives,
// the SDK's requests to the server still go through its normal HTTP client.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <aws/core/auth/AWSCredentials.h>
#include <aws/dynamodb/model/DescribeBackupRequest.h>
#include <aws/dynamodb/model/DescribeEndpointsRequest.h>
#include <aws/dynamodb/model/DescribeTableRequest.h>
#include <aws/dynamodb/model/ListBackupsRequest.h>
#include <aws/dynamodb/model/RestoreTableFromBackupRequest.h>

#include <dynafake/http.hpp>

#include "sdk_world.hpp"

extern char** environ;

namespace dynafake_sdk_test {
namespace {

using Aws::DynamoDB::DynamoDBErrors;
using namespace std::chrono_literals;

/// dynafake-server on 127.0.0.1, a port of the system's choosing; stopped with SIGTERM.
class ServerProcess {
 public:
  ServerProcess() {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<std::string> args = {DYNAFAKE_SERVER, "--host", "127.0.0.1", "--port", "0"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, DYNAFAKE_SERVER, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
      close(out[0]);
      throw std::runtime_error(std::string("cannot start ") + DYNAFAKE_SERVER);
    }
    stdout_ = out[0];
    // First line: "dynafake-server listening on http://127.0.0.1:PORT"
    std::string line;
    for (char c; read(stdout_, &c, 1) == 1 && c != '\n';) line += c;
    const auto at = line.find("http://");
    if (at == std::string::npos) {
      Stop();
      throw std::runtime_error("dynafake-server did not say where it listens: '" + line + "'");
    }
    url_ = line.substr(at);
  }
  ~ServerProcess() { Stop(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  const std::string& Url() const { return url_; }

 private:
  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
    if (stdout_ >= 0) close(stdout_);
    stdout_ = -1;
  }

  pid_t pid_ = -1;
  int stdout_ = -1;
  std::string url_;
};

class Loopback : public testing::Test {
 protected:
  Loopback() : admin(server.Url()), client(Credentials(), Config(server.Url())) {}

  static Aws::Auth::AWSCredentials Credentials() { return Aws::Auth::AWSCredentials("AKIDEXAMPLE", "secret"); }
  static Aws::Client::ClientConfiguration Config(const std::string& url) {
    Aws::Client::ClientConfigurationInitValues init;
    init.shouldDisableIMDS = true;
    Aws::Client::ClientConfiguration config(init);
    config.region = "us-east-1";
    config.endpointOverride = url.c_str();
    config.scheme = Aws::Http::Scheme::HTTP;
    config.retryStrategy = std::make_shared<dynafake::aws::NoSleepRetryStrategy>(config.retryStrategy);
    return config;
  }

  /// Advances the server's clock 5 s at a time until `done()` (at most `limit`).
  template <class Done>
  bool AdvanceUntil(Done done, std::chrono::seconds limit) {
    for (auto waited = 0s; waited <= limit; waited += 5s) {
      if (done()) return true;
      admin.Advance(5s);
    }
    return false;
  }

  ServerProcess server;
  dynafake::AdminClient admin;
  Aws::DynamoDB::DynamoDBClient client;
};

TEST_F(Loopback, TableBackupListAndRestoreWithTheServersClockDrivenByTheAdminApi) {
  auto created = client.CreateTable(OrdersTable());
  ASSERT_TRUE(created.IsSuccess()) << created.GetError().GetMessage();
  EXPECT_EQ(created.GetResult().GetTableDescription().GetTableStatus(), Sdk::TableStatus::CREATING);

  const auto tableActive = [&](const char* name) {
    auto d = client.DescribeTable(Sdk::DescribeTableRequest().WithTableName(name));
    return d.IsSuccess() && d.GetResult().GetTable().GetTableStatus() == Sdk::TableStatus::ACTIVE;
  };
  ASSERT_TRUE(AdvanceUntil([&] { return tableActive("orders"); }, 60s));

  auto backup = client.CreateBackup(Backup("orders"));
  ASSERT_TRUE(backup.IsSuccess()) << backup.GetError().GetMessage();
  const Aws::String arn = backup.GetResult().GetBackupDetails().GetBackupArn();
  EXPECT_EQ(backup.GetResult().GetBackupDetails().GetBackupStatus(), Sdk::BackupStatus::CREATING);

  ASSERT_TRUE(AdvanceUntil(
      [&] {
        auto d = client.DescribeBackup(Sdk::DescribeBackupRequest().WithBackupArn(arn));
        return d.IsSuccess() && d.GetResult().GetBackupDescription().GetBackupDetails().GetBackupStatus() ==
                                    Sdk::BackupStatus::AVAILABLE;
      },
      300s));

  auto listed = client.ListBackups(Sdk::ListBackupsRequest().WithTableName("orders"));
  ASSERT_TRUE(listed.IsSuccess()) << listed.GetError().GetMessage();
  ASSERT_EQ(listed.GetResult().GetBackupSummaries().size(), 1u);
  EXPECT_EQ(listed.GetResult().GetBackupSummaries()[0].GetBackupArn(), arn);
  EXPECT_EQ(listed.GetResult().GetBackupSummaries()[0].GetBackupName(), "nightly");

  auto restored = client.RestoreTableFromBackup(
      Sdk::RestoreTableFromBackupRequest().WithBackupArn(arn).WithTargetTableName("orders-restored"));
  ASSERT_TRUE(restored.IsSuccess()) << restored.GetError().GetMessage();
  EXPECT_EQ(restored.GetResult().GetTableDescription().GetRestoreSummary().GetSourceBackupArn(), arn);
  ASSERT_TRUE(AdvanceUntil([&] { return tableActive("orders-restored"); }, 3600s));
}

TEST_F(Loopback, ServiceErrorsAndInjectedFaultsReachTheSdk) {
  auto missing = client.CreateBackup(Backup("missing"));
  ASSERT_FALSE(missing.IsSuccess());
  EXPECT_EQ(missing.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
  EXPECT_EQ(missing.GetError().GetMessage(), "Table not found: missing");

  ASSERT_TRUE(client.CreateTable(OrdersTable()).IsSuccess());
  auto busy = client.CreateBackup(Backup("orders"));
  ASSERT_FALSE(busy.IsSuccess()) << "the table is still CREATING";
  EXPECT_EQ(busy.GetError().GetErrorType(), DynamoDBErrors::TABLE_IN_USE);

  auto badArn = client.DescribeBackup(Sdk::DescribeBackupRequest().WithBackupArn("arn:nope"));
  ASSERT_FALSE(badArn.IsSuccess());
  EXPECT_EQ(badArn.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);

  // A fault through the admin API: two throttles, then the SDK's retry passes.
  admin.Advance(60s);
  admin.AddFault(R"({"operation":"CreateBackup","error":"ThrottlingException","times":2})");
  auto retried = client.CreateBackup(Backup("orders"));
  EXPECT_TRUE(retried.IsSuccess()) << retried.GetError().GetMessage();
  admin.AddFault(R"({"operation":"DescribeTable","error":"InternalServerError","times":100})");
  auto failing = client.DescribeTable(Sdk::DescribeTableRequest().WithTableName("orders"));
  ASSERT_FALSE(failing.IsSuccess());
  EXPECT_EQ(failing.GetError().GetErrorType(), DynamoDBErrors::INTERNAL_FAILURE);
  EXPECT_EQ(failing.GetError().GetResponseCode(), Aws::Http::HttpResponseCode::INTERNAL_SERVER_ERROR);
}

TEST_F(Loopback, DescribeEndpointsAnswersTheServersAddress) {
  auto out = client.DescribeEndpoints(Sdk::DescribeEndpointsRequest());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError().GetMessage();
  ASSERT_EQ(out.GetResult().GetEndpoints().size(), 1u);
  EXPECT_EQ("http://" + std::string(out.GetResult().GetEndpoints()[0].GetAddress().c_str()), server.Url());
}

TEST_F(Loopback, RequestsToTheServerLeaveTheProcessWhileAnInProcessEndpointLives) {
  World local;  // installs the routing factory
  ASSERT_TRUE(local.client.CreateTable(OrdersTable("in-process")).IsSuccess());
  // A client made now gets its HTTP client from the routing factory.
  Aws::DynamoDB::DynamoDBClient remote(Credentials(), Config(server.Url()));
  ASSERT_TRUE(remote.CreateTable(OrdersTable("on-the-server")).IsSuccess());
  EXPECT_EQ(local.endpoint.RequestCount(), 1u) << "the server's request did not reach the in-process Service";
  const std::string state = admin.GetState();
  EXPECT_NE(state.find("on-the-server"), std::string::npos) << "the server has the table";
  EXPECT_EQ(state.find("in-process"), std::string::npos);
}

}  // namespace
}  // namespace dynafake_sdk_test
