// Shared by the tests of the aws-sdk-cpp front: a Service on a ManualClock,
// an InProcessEndpoint over it, and the SDK's requests the tests keep making.
#pragma once

#include <memory>
#include <string>

#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/CreateBackupRequest.h>
#include <aws/dynamodb/model/CreateTableRequest.h>
#include <aws/dynamodb/model/PutItemRequest.h>

#include <dynafake/aws_sdk.hpp>
#include <dynafake/dynafake.hpp>

namespace dynafake_sdk_test {

namespace Sdk = Aws::DynamoDB::Model;

/// CreateTable "orders": string hash key "id", on demand, in the SDK's model.
inline Sdk::CreateTableRequest OrdersTable(const std::string& name = "orders") {
  return Sdk::CreateTableRequest()
      .WithTableName(name.c_str())
      .WithKeySchema({Sdk::KeySchemaElement().WithAttributeName("id").WithKeyType(Sdk::KeyType::HASH)})
      .WithAttributeDefinitions(
          {Sdk::AttributeDefinition().WithAttributeName("id").WithAttributeType(Sdk::ScalarAttributeType::S)})
      .WithBillingMode(Sdk::BillingMode::PAY_PER_REQUEST);
}

inline Sdk::CreateBackupRequest Backup(const std::string& table, const std::string& name = "nightly") {
  return Sdk::CreateBackupRequest().WithTableName(table.c_str()).WithBackupName(name.c_str());
}

/// A fresh fake per test: the clock, a Service with instant transitions
/// unless told otherwise, the endpoint, and the real SDK client over it.
struct World {
  explicit World(dynafake::ServiceOptions options = dynafake::ServiceOptions::Instant())
      : service(clock, std::move(options)), endpoint(service), client(endpoint.Config()) {}

  dynafake::ManualClock clock;
  dynafake::Service service;
  dynafake::aws::InProcessEndpoint endpoint;
  Aws::DynamoDB::DynamoDBClient client;
};

}  // namespace dynafake_sdk_test
