// The application the gmock tests exercise: a nightly job that backs up a list
// of tables and retries a call the service refused with LimitExceededException.
// It is written as production code would be: a template over a traits struct
// (dynafake::Api in tests, a struct naming aws-sdk-cpp's types in production),
// plus an overload for code that holds an abstract dynafake::ClientInterface.
#pragma once

#include <chrono>      // std::chrono::milliseconds
#include <functional>  // std::function
#include <stdexcept>   // std::runtime_error
#include <string>      // std::string
#include <vector>      // std::vector

#include <dynafake/dynafake.hpp>

namespace app {

struct BackupReport {
  std::vector<std::string> backupArns;    ///< one per table backed up, in order
  std::vector<std::string> failedTables;  ///< tables given up on
  int calls = 0;                          ///< CreateBackup calls made
};

/// Backs up each table as "nightly-<table>-<date>". A LimitExceededException
/// is retried after `sleep(backoff)` (doubling, up to `maxAttempts` calls per
/// table); any other error gives up on that table.
template <class Api>
BackupReport BackUpTables(const typename Api::Client& client, const std::vector<std::string>& tables,
                          const std::string& date, const std::function<void(std::chrono::milliseconds)>& sleep,
                          int maxAttempts = 3) {
  BackupReport report;
  for (const auto& table : tables) {
    const auto request =
        typename Api::CreateBackupRequest().WithTableName(table).WithBackupName("nightly-" + table + "-" + date);
    std::chrono::milliseconds backoff(100);
    for (int attempt = 1;; ++attempt) {
      ++report.calls;
      auto outcome = client.CreateBackup(request);
      if (outcome.IsSuccess()) {
        report.backupArns.push_back(outcome.GetResult().GetBackupDetails().GetBackupArn());
        break;
      }
      if (outcome.GetError().GetErrorType() != Api::DynamoDBErrors::LIMIT_EXCEEDED || attempt == maxAttempts) {
        report.failedTables.push_back(table);
        break;
      }
      sleep(backoff);
      backoff *= 2;
    }
  }
  return report;
}

/// The same job for code that holds an abstract client.
inline BackupReport BackUpTables(const dynafake::ClientInterface& client, const std::vector<std::string>& tables,
                                 const std::string& date, const std::function<void(std::chrono::milliseconds)>& sleep,
                                 int maxAttempts = 3) {
  struct InterfaceApi : dynafake::Api {
    using Client = dynafake::ClientInterface;
  };
  return BackUpTables<InterfaceApi>(client, tables, date, sleep, maxAttempts);
}

}  // namespace app

namespace testutil {

/// Creates `names` as on-demand tables with a string hash key "id" and lets
/// the clock run until they are ACTIVE. Goes through a plain Client, so no
/// mock sees these calls.
inline void CreateActiveTables(dynafake::Service& service, dynafake::ManualClock& clock,
                               const std::vector<std::string>& names) {
  namespace M = dynafake::Model;
  dynafake::Client client(service);
  for (const auto& name : names) {
    auto outcome = client.CreateTable(
        M::CreateTableRequest()
            .WithTableName(name)
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
    if (!outcome.IsSuccess()) throw std::runtime_error("CreateTable " + name + ": " + outcome.GetError().GetMessage());
  }
  clock.Advance(service.Options().durations.tableCreate);
}

}  // namespace testutil
