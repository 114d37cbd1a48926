// Production code written once as a template over an "Api" traits struct
// compiles against dynafake in tests and against aws-sdk-cpp in production.
//
// In production the traits struct names aws-sdk-cpp's types:
//
//   struct AwsApi {
//     using Client = Aws::DynamoDB::DynamoDBClient;
//     using CreateBackupRequest = Aws::DynamoDB::Model::CreateBackupRequest;
//     using ListBackupsRequest = Aws::DynamoDB::Model::ListBackupsRequest;
//     using BackupTypeFilter = Aws::DynamoDB::Model::BackupTypeFilter;
//     using DynamoDBErrors = Aws::DynamoDB::DynamoDBErrors;
//   };
//
// and tests use dynafake::Api, which names the same members.
#include <dynafake/dynafake.hpp>
#include <dynafake/testing/sandbox.hpp>  // Sandbox: core only, no GoogleTest needed

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
int main() {
  dynafake::testing::Sandbox fake(dynafake::ServiceOptions::Instant());
  fake.CreateActiveTable("orders");

  BackupJob<dynafake::Api> job{fake.client};
  const auto failed = job.Run({"orders", "missing"}, "2026-01-01");
  const bool ok = failed == std::vector<std::string>{"missing: TableNotFoundException"} && job.Count("orders") == 1;
  std::printf("%s\n", ok ? "production template works against dynafake" : "production template FAILED");
  return ok ? 0 : 1;
}
