// Production code written once as a template over an "Api" traits struct
// compiles against dynafake in tests and against aws-sdk-cpp in production.
//
// This file is built and run twice: with dynafake::Api (dynafake's typed
// client), and with DYNAFAKE_EXAMPLE_AWS_SDK defined (target
// example_production_template_aws_sdk, when aws-sdk-cpp is installed) with
// the traits struct of production, naming aws-sdk-cpp's own types:
//
//   struct AwsApi {
//     using Client = Aws::DynamoDB::DynamoDBClient;
//     using CreateBackupRequest = Aws::DynamoDB::Model::CreateBackupRequest;
//     using ListBackupsRequest = Aws::DynamoDB::Model::ListBackupsRequest;
//     using BackupTypeFilter = Aws::DynamoDB::Model::BackupTypeFilter;
//     using DynamoDBErrors = Aws::DynamoDB::DynamoDBErrors;
//   };
//
// whose client is the real DynamoDBClient, pointed at the fake by
// dynafake::aws::InProcessEndpoint. Same template, same test, same answers.
#include <dynafake/dynafake.hpp>
#include <dynafake/testing/sandbox.hpp>  // Sandbox: core only, no GoogleTest needed
#ifdef DYNAFAKE_EXAMPLE_AWS_SDK
#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/CreateBackupRequest.h>
#include <aws/dynamodb/model/CreateTableRequest.h>
#include <aws/dynamodb/model/ListBackupsRequest.h>
#include <dynafake/aws_sdk.hpp>
#endif

#include <cstdio>
#include <string>
#include <vector>

// ---- production code (header of the application) ---------------------------
template <class Api>
struct BackupJob {
  const typename Api::Client& client;

  /// Backs up each table; returns the tables that could not be backed up.
  std::vector<std::string> Run(const std::vector<std::string>& tables, const std::string& stamp) const {
    std::vector<std::string> failed;
    for (const auto& table : tables) {
      typename Api::CreateBackupRequest request;
      request.SetTableName(table);
      request.SetBackupName(table + "-" + stamp);
      auto outcome = client.CreateBackup(request);
      if (!outcome.IsSuccess()) failed.push_back(table + ": " + outcome.GetError().GetExceptionName());
    }
    return failed;
  }

  /// How many on-demand backups exist for `table`, following every page.
  size_t Count(const std::string& table) const {
    typename Api::ListBackupsRequest request;
    request.SetTableName(table);
    request.SetBackupType(Api::BackupTypeFilter::USER);
    size_t n = 0;
    for (;;) {
      auto page = client.ListBackups(request).GetResultWithOwnership();
      n += page.GetBackupSummaries().size();
      if (page.GetLastEvaluatedBackupArn().empty()) return n;
      request.SetExclusiveStartBackupArn(page.GetLastEvaluatedBackupArn());
    }
  }
};

// ---- a test of it, against dynafake -------------------------------------------
// The same check for either traits struct: one table backed up, one missing.
template <class Api>
bool Check(const typename Api::Client& client) {
  BackupJob<Api> job{client};
  const auto failed = job.Run({"orders", "missing"}, "2026-01-01");
  return failed == std::vector<std::string>{"missing: TableNotFoundException"} && job.Count("orders") == 1;
}

#ifndef DYNAFAKE_EXAMPLE_AWS_SDK
int main() {
  dynafake::testing::Sandbox fake(dynafake::ServiceOptions::Instant());
  fake.CreateActiveTable("orders");

  const bool ok = Check<dynafake::Api>(fake.client);
  std::printf("%s\n", ok ? "production template works against dynafake" : "production template FAILED");
  return ok ? 0 : 1;
}
#else
// The traits struct production uses: aws-sdk-cpp's types, nothing of dynafake's.
struct AwsApi {
  using Client = Aws::DynamoDB::DynamoDBClient;
  using CreateBackupRequest = Aws::DynamoDB::Model::CreateBackupRequest;
  using ListBackupsRequest = Aws::DynamoDB::Model::ListBackupsRequest;
  using BackupTypeFilter = Aws::DynamoDB::Model::BackupTypeFilter;
  using DynamoDBErrors = Aws::DynamoDB::DynamoDBErrors;
};

int main() {
  namespace Sdk = Aws::DynamoDB::Model;
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  bool ok = false;
  {
    dynafake::ManualClock clock;
    dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
    dynafake::aws::InProcessEndpoint endpoint(service);
    AwsApi::Client client(endpoint.Config());  // the real Aws::DynamoDB::DynamoDBClient
    client.CreateTable(
        Sdk::CreateTableRequest()
            .WithTableName("orders")
            .WithKeySchema({Sdk::KeySchemaElement().WithAttributeName("id").WithKeyType(Sdk::KeyType::HASH)})
            .WithAttributeDefinitions(
                {Sdk::AttributeDefinition().WithAttributeName("id").WithAttributeType(Sdk::ScalarAttributeType::S)})
            .WithBillingMode(Sdk::BillingMode::PAY_PER_REQUEST));
    // Every call reached the fake: CreateTable, two CreateBackup, one ListBackups page.
    ok = Check<AwsApi>(client) && endpoint.RequestCount() == 4;
  }
  Aws::ShutdownAPI(options);
  std::printf("%s\n", ok ? "production template works against aws-sdk-cpp over dynafake"
                         : "production template FAILED (aws-sdk-cpp)");
  return ok ? 0 : 1;
}
#endif
