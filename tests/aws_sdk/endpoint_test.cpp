// InProcessEndpoint: the real Aws::DynamoDB::DynamoDBClient, unchanged, served
// in process; what it installs in the SDK and what it puts back.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <aws/core/client/DefaultRetryStrategy.h>
#include <aws/core/http/HttpClientFactory.h>
#include <aws/core/http/HttpResponse.h>
#include <aws/core/http/standard/StandardHttpResponse.h>
#include <aws/core/utils/HashingUtils.h>
#include <aws/core/utils/stream/ResponseStream.h>
#include <aws/dynamodb/model/DescribeBackupRequest.h>
#include <aws/dynamodb/model/DescribeEndpointsRequest.h>
#include <aws/dynamodb/model/ListTablesRequest.h>

#include "sdk_world.hpp"

namespace dynafake_sdk_test {
namespace {

using Aws::Http::HttpResponseCode;

TEST(InProcessEndpoint, ConfigPointsTheSdkAtTheEndpoint) {
  dynafake::ManualClock clock;
  dynafake::ServiceOptions options;
  options.region = "eu-west-1";
  dynafake::Service service(clock, options);
  dynafake::aws::InProcessEndpoint endpoint(service);
  const auto config = endpoint.Config();
  EXPECT_EQ(config.endpointOverride, endpoint.Url());
  EXPECT_EQ(endpoint.Url(), "http://" + endpoint.Host());
  EXPECT_EQ(config.region, "eu-west-1") << "the Service's region";
  EXPECT_EQ(config.scheme, Aws::Http::Scheme::HTTP);
  EXPECT_TRUE(config.disableIMDS) << "no EC2 metadata lookup for the region";
  ASSERT_NE(std::dynamic_pointer_cast<dynafake::aws::NoSleepRetryStrategy>(config.retryStrategy), nullptr);
  // .invalid never resolves (RFC 6761): a request that outlives the endpoint cannot reach a real host.
  EXPECT_EQ(endpoint.Host().substr(endpoint.Host().size() - 8), ".invalid");
}

TEST(InProcessEndpoint, RealClientCreatesATableAndBacksItUpInTheService) {
  World w;
  auto table = w.client.CreateTable(OrdersTable());
  ASSERT_TRUE(table.IsSuccess()) << table.GetError().GetMessage();
  EXPECT_EQ(table.GetResult().GetTableDescription().GetTableArn(), w.service.TableArn("orders"));

  auto backup = w.client.CreateBackup(Backup("orders"));
  ASSERT_TRUE(backup.IsSuccess()) << backup.GetError().GetMessage();
  const auto arn = backup.GetResult().GetBackupDetails().GetBackupArn();
  EXPECT_EQ(backup.GetResult().GetBackupDetails().GetBackupStatus(), Sdk::BackupStatus::AVAILABLE);

  // The Service itself holds it: another front sees the same backup.
  dynafake::Client direct(w.service);
  auto described = direct.DescribeBackup(dynafake::Model::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(described.IsSuccess());
  EXPECT_EQ(described.GetResult().GetBackupDescription().GetBackupDetails().GetBackupName(), "nightly");
  EXPECT_EQ(w.endpoint.RequestCount(), 2u);
}

TEST(InProcessEndpoint, ErrorsReachTheSdkAsTheServiceSendsThem) {
  World w;
  auto out = w.client.CreateBackup(Backup("missing"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), Aws::DynamoDB::DynamoDBErrors::TABLE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetExceptionName(), "TableNotFoundException");
  EXPECT_EQ(out.GetError().GetMessage(), "Table not found: missing");
  EXPECT_EQ(out.GetError().GetResponseCode(), HttpResponseCode::BAD_REQUEST);
  EXPECT_FALSE(out.GetError().ShouldRetry());
  EXPECT_EQ(out.GetError().GetRequestId().size(), 52u) << "x-amzn-RequestId reached the SDK";

  auto invalid = w.client.DescribeBackup(Sdk::DescribeBackupRequest().WithBackupArn("not-an-arn"));
  ASSERT_FALSE(invalid.IsSuccess());
  EXPECT_EQ(invalid.GetError().GetErrorType(), Aws::DynamoDB::DynamoDBErrors::VALIDATION);
  EXPECT_EQ(invalid.GetError().GetExceptionName(), "ValidationException");
}

TEST(InProcessEndpoint, ResponsesCarryRequestIdContentTypeAndTheBodysCrc32) {
  World w;
  auto http = Aws::Http::CreateHttpClient(w.endpoint.Config());
  auto request = Aws::Http::CreateHttpRequest(Aws::String(w.endpoint.Url().c_str()), Aws::Http::HttpMethod::HTTP_POST,
                                              Aws::Utils::Stream::DefaultResponseStreamFactoryMethod);
  request->SetHeaderValue("X-Amz-Target", "DynamoDB_20120810.ListTables");
  request->SetContentType("application/x-amz-json-1.0");
  auto body = std::make_shared<Aws::StringStream>();
  *body << "{}";
  request->AddContentBody(body);
  auto response = http->MakeRequest(request);
  ASSERT_NE(response, nullptr);
  EXPECT_EQ(response->GetResponseCode(), HttpResponseCode::OK);
  EXPECT_EQ(response->GetHeader("content-type"), "application/x-amz-json-1.0");
  EXPECT_EQ(response->GetHeader("x-amzn-requestid").size(), 52u);
  const std::string text((std::istreambuf_iterator<char>(response->GetResponseBody())),
                         std::istreambuf_iterator<char>());
  EXPECT_EQ(text, R"({"TableNames":[]})");
  // The SDK's own CRC-32 of the body, big-endian bytes, against the header's decimal.
  const auto crc = Aws::Utils::HashingUtils::CalculateCRC32(Aws::String(text.c_str()));
  ASSERT_EQ(crc.GetLength(), 4u);
  const uint32_t expected = (uint32_t{crc[0]} << 24) | (uint32_t{crc[1]} << 16) | (uint32_t{crc[2]} << 8) | crc[3];
  EXPECT_EQ(response->GetHeader("x-amz-crc32"), std::to_string(expected));
}

TEST(InProcessEndpoint, DescribeEndpointsAnswersTheEndpointsHost) {
  World w;
  auto out = w.client.DescribeEndpoints(Sdk::DescribeEndpointsRequest());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError().GetMessage();
  ASSERT_EQ(out.GetResult().GetEndpoints().size(), 1u);
  EXPECT_EQ(out.GetResult().GetEndpoints()[0].GetAddress(), w.endpoint.Host());
}

TEST(InProcessEndpoint, SeveralEndpointsServeTheirOwnServices) {
  World a;
  World b;
  EXPECT_NE(a.endpoint.Host(), b.endpoint.Host());
  ASSERT_TRUE(a.client.CreateTable(OrdersTable("only-in-a")).IsSuccess());
  ASSERT_TRUE(b.client.CreateTable(OrdersTable("only-in-b")).IsSuccess());
  auto inA = a.client.ListTables(Sdk::ListTablesRequest());
  auto inB = b.client.ListTables(Sdk::ListTablesRequest());
  ASSERT_TRUE(inA.IsSuccess() && inB.IsSuccess());
  EXPECT_EQ(inA.GetResult().GetTableNames(), Aws::Vector<Aws::String>{"only-in-a"});
  EXPECT_EQ(inB.GetResult().GetTableNames(), Aws::Vector<Aws::String>{"only-in-b"});
}

TEST(InProcessEndpoint, AGivenHostNameIsUsedAndCannotBeServedTwice) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::aws::InProcessEndpoint::Options options;
  options.host = "orders-db.test.invalid";
  dynafake::aws::InProcessEndpoint endpoint(service, options);
  EXPECT_EQ(endpoint.Url(), "http://orders-db.test.invalid");
  Aws::DynamoDB::DynamoDBClient client(endpoint.Config());
  EXPECT_TRUE(client.CreateTable(OrdersTable()).IsSuccess());
  EXPECT_THROW(dynafake::aws::InProcessEndpoint(service, options), std::invalid_argument);
  EXPECT_TRUE(client.ListTables(Sdk::ListTablesRequest()).IsSuccess()) << "the first endpoint still serves";
}

TEST(InProcessEndpoint, AClientOutlivingItsEndpointNoLongerReachesTheService) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  std::unique_ptr<Aws::DynamoDB::DynamoDBClient> client;
  {
    dynafake::aws::InProcessEndpoint endpoint(service);
    auto config = endpoint.Config();
    config.retryStrategy =
        std::make_shared<dynafake::aws::NoSleepRetryStrategy>(std::make_shared<Aws::Client::DefaultRetryStrategy>(0));
    client = std::make_unique<Aws::DynamoDB::DynamoDBClient>(config);
    ASSERT_TRUE(client->CreateTable(OrdersTable()).IsSuccess());
  }
  auto out = client->CreateTable(OrdersTable("later"));
  ASSERT_FALSE(out.IsSuccess()) << "a .invalid host does not resolve";
  EXPECT_EQ(out.GetError().GetErrorType(), Aws::DynamoDB::DynamoDBErrors::NETWORK_CONNECTION);
  auto tables = dynafake::Client(service).ListTables(dynafake::Model::ListTablesRequest());
  EXPECT_EQ(tables.GetResult().GetTableNames(), std::vector<std::string>{"orders"});
}

// A factory standing for one the application installed itself: its clients
// answer every request with 418 and count them.
struct TeapotFactory : Aws::Http::HttpClientFactory {
  struct Client : Aws::Http::HttpClient {
    explicit Client(std::atomic<int>& n) : calls(n) {}
    std::shared_ptr<Aws::Http::HttpResponse> MakeRequest(const std::shared_ptr<Aws::Http::HttpRequest>& request,
                                                         Aws::Utils::RateLimits::RateLimiterInterface*,
                                                         Aws::Utils::RateLimits::RateLimiterInterface*) const override {
      ++calls;
      auto response = std::make_shared<Aws::Http::Standard::StandardHttpResponse>(request);
      response->SetResponseCode(static_cast<HttpResponseCode>(418));
      return response;
    }
    std::atomic<int>& calls;
  };
  std::shared_ptr<Aws::Http::HttpClient> CreateHttpClient(const Aws::Client::ClientConfiguration&) const override {
    return std::make_shared<Client>(calls);
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::String& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& streams) const override {
    return inner.CreateHttpRequest(uri, method, streams);
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::Http::URI& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& streams) const override {
    return inner.CreateHttpRequest(uri, method, streams);
  }
  dynafake::aws::detail::DefaultHttpClientFactory inner;
  mutable std::atomic<int> calls{0};
};

int TeapotCalls(const Aws::Client::ClientConfiguration& config) {
  // With credentials, so that the client asks the EC2 metadata service for none.
  Aws::DynamoDB::DynamoDBClient client(Aws::Auth::AWSCredentials("AKIDEXAMPLE", "secret"), config);
  return static_cast<int>(client.ListTables(Sdk::ListTablesRequest()).GetError().GetResponseCode());
}

TEST(InProcessEndpoint, WrapsTheFactoryTheApplicationInstalledAndPutsItBack) {
  auto teapot = std::make_shared<TeapotFactory>();
  Aws::Http::SetHttpClientFactory(teapot);
  Aws::Client::ClientConfigurationInitValues noMetadata;
  noMetadata.shouldDisableIMDS = true;
  Aws::Client::ClientConfiguration elsewhere(noMetadata);
  elsewhere.region = "us-east-1";
  elsewhere.endpointOverride = "http://elsewhere.invalid";
  elsewhere.retryStrategy = std::make_shared<Aws::Client::DefaultRetryStrategy>(0);
  {
    dynafake::ManualClock clock;
    dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
    dynafake::aws::InProcessEndpoint::Options options;
    options.previousFactory = teapot;
    dynafake::aws::InProcessEndpoint endpoint(service, options);
    Aws::DynamoDB::DynamoDBClient client(endpoint.Config());
    EXPECT_TRUE(client.CreateTable(OrdersTable()).IsSuccess()) << "the endpoint's host is served in process";
    EXPECT_EQ(teapot->calls, 0);
    EXPECT_EQ(TeapotCalls(elsewhere), 418) << "another host goes to the application's factory";
    EXPECT_EQ(teapot->calls, 1);
  }
  EXPECT_EQ(TeapotCalls(elsewhere), 418) << "the application's factory is back";
  EXPECT_EQ(teapot->calls, 2);
  // Leave the SDK as InitAPI set it up for the other tests.
  Aws::Http::CleanupHttp();
  Aws::Http::InitHttp();
  Aws::Internal::InitEC2MetadataClient();
}

TEST(InProcessEndpoint, TheLastEndpointPutsTheSdksDefaultFactoryBack) {
  auto routed = [] {
    Aws::Client::ClientConfigurationInitValues noMetadata;
    noMetadata.shouldDisableIMDS = true;
    Aws::Client::ClientConfiguration config(noMetadata);
    return std::dynamic_pointer_cast<dynafake::aws::detail::RoutingHttpClient>(Aws::Http::CreateHttpClient(config)) !=
           nullptr;
  };
  EXPECT_FALSE(routed());
  {
    World a;
    EXPECT_TRUE(routed());
    {
      World b;
      EXPECT_TRUE(routed());
    }
    EXPECT_TRUE(routed()) << "one endpoint still lives";
    EXPECT_TRUE(a.client.CreateTable(OrdersTable()).IsSuccess());
  }
  EXPECT_FALSE(routed());
}

}  // namespace
}  // namespace dynafake_sdk_test
