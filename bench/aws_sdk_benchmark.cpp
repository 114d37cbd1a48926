// aws-sdk-cpp's CreateBackup, one call per iteration, against dynafake two ways:
//
//   BM_SdkCreateBackup/InProcess  DynamoDBClient over dynafake::aws::InProcessEndpoint:
//                                 the SDK's serialiser, signer and parser, no socket
//   BM_SdkCreateBackup/Loopback   the same client over HTTP to dynafake::HttpServer on
//                                 127.0.0.1 (what dynafake-server serves)
//
// Both run the whole SDK call (SigV4 signing with fixed credentials included)
// and the same Service; the difference is the socket and HTTP round trip.
// Run: ./build/bench/bench_aws_sdk_benchmark
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include <aws/core/Aws.h>
#include <aws/core/auth/AWSCredentials.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/CreateBackupRequest.h>
#include <aws/dynamodb/model/CreateTableRequest.h>

#include <dynafake/aws_sdk.hpp>
#include <dynafake/dynafake.hpp>
#include <dynafake/http.hpp>

namespace {

namespace Sdk = Aws::DynamoDB::Model;

dynafake::ServiceOptions BenchOptions() {
  auto options = dynafake::ServiceOptions::Instant();  // backups AVAILABLE at once: no BackupInUse
  options.limits.callsPerSecond.clear();               // the clock stands still: no 50/s limit
  return options;
}

bool CreateOrders(const Aws::DynamoDB::DynamoDBClient& client) {
  return client
      .CreateTable(Sdk::CreateTableRequest()
                       .WithTableName("orders")
                       .WithKeySchema({Sdk::KeySchemaElement().WithAttributeName("id").WithKeyType(Sdk::KeyType::HASH)})
                       .WithAttributeDefinitions({Sdk::AttributeDefinition().WithAttributeName("id").WithAttributeType(
                           Sdk::ScalarAttributeType::S)})
                       .WithBillingMode(Sdk::BillingMode::PAY_PER_REQUEST))
      .IsSuccess();
}

void RunCreateBackups(benchmark::State& state, const Aws::DynamoDB::DynamoDBClient& client) {
  if (!CreateOrders(client)) {
    state.SkipWithError("CreateTable failed");
    return;
  }
  const auto request = Sdk::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly");
  for (auto _ : state) {
    auto out = client.CreateBackup(request);
    if (!out.IsSuccess()) {
      state.SkipWithError(out.GetError().GetMessage().c_str());
      break;
    }
    benchmark::DoNotOptimize(out);
  }
}

const Aws::Auth::AWSCredentials kCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

void BM_SdkCreateBackup_InProcess(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, BenchOptions());
  dynafake::aws::InProcessEndpoint endpoint(service);
  Aws::DynamoDB::DynamoDBClient client(kCredentials, endpoint.Config());
  RunCreateBackups(state, client);
}
BENCHMARK(BM_SdkCreateBackup_InProcess)->Name("BM_SdkCreateBackup/InProcess")->Unit(benchmark::kMicrosecond);

void BM_SdkCreateBackup_Loopback(benchmark::State& state) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, BenchOptions());
  dynafake::HttpServer server(service);
  server.Start();
  Aws::Client::ClientConfigurationInitValues init;
  init.shouldDisableIMDS = true;
  Aws::Client::ClientConfiguration config(init);
  config.region = "us-east-1";
  config.endpointOverride = server.Url().c_str();
  config.scheme = Aws::Http::Scheme::HTTP;
  Aws::DynamoDB::DynamoDBClient client(kCredentials, config);
  RunCreateBackups(state, client);
  server.Stop();
}
BENCHMARK(BM_SdkCreateBackup_Loopback)->Name("BM_SdkCreateBackup/Loopback")->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  Aws::ShutdownAPI(options);
  return 0;
}
