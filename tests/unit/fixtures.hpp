// Shared setup for the typed test suite. Every suite is parameterised over the
// client's transport: in process always; through the JSON wire when the suite
// is built with DYNAFAKE_TEST_WIRE (support/wire_client.cpp); through the real
// aws-sdk-cpp DynamoDBClient when built with DYNAFAKE_TEST_AWS_SDK
// (tests/aws_sdk/support/sdk_client.cpp). One binary, dynafake_unit_tests,
// runs them all, so one compile of the suite proves every front answers alike;
// the test files themselves include neither nlohmann_json nor the SDK.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <dynafake/dynafake.hpp>
#include <dynafake/testing/tables.hpp>  // HashKeyTable: the shipped builder (core only, no GoogleMock needed)

namespace dynafake_test {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using namespace std::chrono_literals;

#ifdef DYNAFAKE_TEST_WIRE
/// A client whose every call is a JSON request through dynafake::Wire to
/// `service` (support/wire_client.cpp).
std::unique_ptr<dynafake::ClientInterface> MakeWireClient(dynafake::Service& service);
#endif
#ifdef DYNAFAKE_TEST_AWS_SDK
/// A client over Aws::DynamoDB::DynamoDBClient and an InProcessEndpoint of
/// `service` (tests/aws_sdk/support/sdk_client.cpp, the only file of the
/// suite that includes the SDK).
std::unique_ptr<dynafake::ClientInterface> MakeAwsSdkClient(dynafake::Service& service);
/// The tests the SDK in use cannot express, as gtest names (".../AwsSdk"):
/// main() leaves them out.
std::vector<std::string> TestsTheSdkCannotRun();
#endif

struct Transport {
  std::string name;
  std::function<std::unique_ptr<dynafake::ClientInterface>(dynafake::Service&)> make;
  friend void PrintTo(const Transport& t, std::ostream* os) { *os << t.name; }
};

inline std::vector<Transport> Transports() {
  std::vector<Transport> all;
  all.push_back({"InProcess", [](dynafake::Service& s) {
                   return std::unique_ptr<dynafake::ClientInterface>(new dynafake::Client(s));
                 }});
#ifdef DYNAFAKE_TEST_WIRE
  all.push_back({"Wire", MakeWireClient});
#endif
#ifdef DYNAFAKE_TEST_AWS_SDK
  all.push_back({"AwsSdk", MakeAwsSdkClient});
#endif
  return all;
}

/// A table "orders" with a string hash key "id", on demand.
inline M::CreateTableRequest OrdersTable(const std::string& name = "orders") {
  return dynafake::testing::HashKeyTable(name);
}

inline M::PutItemRequest Order(const std::string& table, const std::string& id, int quantity = 1) {
  return M::PutItemRequest().WithTableName(table).WithItem(
      {{"id", M::AttributeValue(id)}, {"quantity", M::AttributeValue().SetN(quantity)}});
}

/// A fresh world per test: a ManualClock at 2026-01-01T00:00:00Z, a Service
/// with the given options and a client over the transport under test.
class ServiceTest : public testing::TestWithParam<Transport> {
 protected:
  explicit ServiceTest(dynafake::ServiceOptions options = dynafake::ServiceOptions::Instant())
      : service(clock, std::move(options)), client(GetParam().make(service)) {}

  /// Creates `name` and lets the clock run until it is ACTIVE.
  void CreateActiveTable(const std::string& name = "orders") {
    auto out = client->CreateTable(OrdersTable(name));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    clock.Advance(service.Options().durations.tableCreate);
  }

  std::string Backup(const std::string& table, const std::string& name = "nightly") {
    auto out = client->CreateBackup(M::CreateBackupRequest().WithTableName(table).WithBackupName(name));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetBackupDetails().GetBackupArn() : std::string();
  }

  dynafake::ManualClock clock;
  dynafake::Service service;
  std::unique_ptr<dynafake::ClientInterface> client;
};

/// The same, with the default (realistic, non-zero) durations.
class RealisticServiceTest : public ServiceTest {
 protected:
  RealisticServiceTest() : ServiceTest(dynafake::ServiceOptions()) {}
};

inline std::string TransportName(const testing::TestParamInfo<Transport>& info) { return info.param.name; }

}  // namespace dynafake_test

#define DYNAFAKE_INSTANTIATE(Suite)                                                           \
  INSTANTIATE_TEST_SUITE_P(Transports, Suite, testing::ValuesIn(dynafake_test::Transports()), \
                           dynafake_test::TransportName)
