// dynafake — the application's own aws-sdk-cpp DynamoDBClient, served in process.
//
//   Aws::InitAPI(options);
//   {
//     dynafake::ManualClock clock;
//     dynafake::Service service(clock);
//     dynafake::aws::InProcessEndpoint endpoint(service);
//     Aws::DynamoDB::DynamoDBClient client(endpoint.Config());  // the real SDK client
//     auto out = client.CreateBackup(Aws::DynamoDB::Model::CreateBackupRequest()
//                                        .WithTableName("orders").WithBackupName("nightly"));
//   }
//   Aws::ShutdownAPI(options);
//
// While an InProcessEndpoint lives, every request the SDK sends to its host
// (endpoint.Config().endpointOverride, "http://dynafake-<n>.invalid") is
// answered by dynafake::Wire over the Service, in process: no socket, no
// server. The SDK's serialisers, signer, retry logic and error parsing run
// unchanged; fault rules, limits and the Service's clock behave as for any
// other front. Several endpoints (several Services) may live at once, each
// with its own host; requests to other hosts go to the SDK's usual HTTP client.
//
// How: the SDK sends everything through one process-wide
// Aws::Http::HttpClientFactory. The first endpoint installs a routing factory
// (dynafake/aws_sdk/http_client.hpp) that wraps the factory it replaces; when
// the last endpoint goes, the replaced factory is put back. aws-sdk-cpp
// offers no way to read the installed factory, so "the replaced factory" is
// the SDK's default one unless you installed your own: then pass it as
// Options::previousFactory, so that other hosts reach it and it comes back.
//
// While any endpoint lives, AWS_EC2_METADATA_DISABLED is "true" (unless you
// set it yourself): a DynamoDBClient built without credentials would
// otherwise ask the EC2 metadata service (169.254.169.254) for them.
//
// Rules: create endpoints after Aws::InitAPI and destroy them before
// Aws::ShutdownAPI; do not create or destroy one while another thread
// constructs SDK clients (installing a factory is not thread-safe in the SDK).
// SDK clients may be used from many threads. The Service must outlive the
// endpoint.
//
// Needs aws-sdk-cpp's DynamoDB client (CMake target dynafake::aws_sdk).
#pragma once

#include <cstdint>  // uint64_t
#include <cstdlib>  // std::getenv, setenv, unsetenv
#include <memory>   // std::shared_ptr, std::make_shared
#include <mutex>    // std::mutex, std::lock_guard
#include <string>   // std::string
#include <utility>  // std::move

#include <aws/core/client/ClientConfiguration.h>      // ClientConfiguration
#include <aws/core/http/HttpClientFactory.h>          // SetHttpClientFactory, CleanupHttp, InitHttp
#include <aws/core/http/Scheme.h>                     // Scheme
#include <aws/core/internal/AWSHttpResourceClient.h>  // EC2 metadata client, re-created with the factory

#include "dynafake/aws_sdk/http_client.hpp"  // RoutingHttpClientFactory, Routes
#include "dynafake/aws_sdk/retry.hpp"        // NoSleepRetryStrategy
#include "dynafake/service.hpp"              // Service
#include "dynafake/wire.hpp"                 // Wire

namespace dynafake {
namespace aws {

/// How an InProcessEndpoint presents itself.
struct InProcessEndpointOptions {
  /// The host name the endpoint answers (without scheme). Empty: a fresh
  /// "dynafake-<n>.invalid" (.invalid never resolves, RFC 6761, so a request
  /// that outlives its endpoint fails instead of reaching a real host).
  std::string host;
  /// The region Config() names. Empty: the Service's region.
  std::string region;
  /// The HttpClientFactory you installed before, if you did (the SDK cannot
  /// tell us): requests to other hosts go to it, and it is reinstalled when
  /// the last endpoint goes. Empty: the SDK's default factory. Only the first
  /// of several live endpoints uses this.
  std::shared_ptr<Aws::Http::HttpClientFactory> previousFactory;
};

namespace detail {

/// Counts live endpoints; installs the routing factory for the first and
/// puts the replaced one back after the last.
class Installation {
 public:
  static Installation& Instance() {
    static Installation installation;
    return installation;
  }

  void Acquire(const std::shared_ptr<Aws::Http::HttpClientFactory>& previous) {
    std::lock_guard<std::mutex> lock(mu_);
    if (live_ > 0) {
      ++live_;
      return;
    }
    auto fallback = previous ? previous : std::make_shared<DefaultHttpClientFactory>();
    auto routing = std::make_shared<RoutingHttpClientFactory>(std::move(fallback));
    // DynamoDBClient(config) asks the EC2 metadata service for credentials
    // when it finds none; a test must not. The SDK reads this variable when
    // a client is constructed; it is unset again after the last endpoint.
    setMetadataVariable_ = std::getenv(kMetadataDisabled) == nullptr;
    if (setMetadataVariable_) SetEnv(kMetadataDisabled, "true");
    previous_ = previous;
    Aws::Http::SetHttpClientFactory(routing);
    // SetHttpClientFactory cleaned up the replaced factory and does not
    // initialise the new one, as InitAPI would have.
    routing->InitStaticState();
    live_ = 1;
  }

  void Release() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--live_ > 0) return;
    if (previous_) {
      Aws::Http::SetHttpClientFactory(previous_);  // cleans ours up, keeps the EC2 metadata client
      previous_->InitStaticState();
      previous_.reset();
    } else {
      // InitHttp installs a fresh SDK default factory when none is set, as InitAPI did.
      const bool hadMetadataClient = Aws::Internal::GetEC2MetadataClient() != nullptr;
      Aws::Http::CleanupHttp();
      Aws::Http::InitHttp();
      if (hadMetadataClient) Aws::Internal::InitEC2MetadataClient();
    }
    if (setMetadataVariable_) UnsetEnv(kMetadataDisabled);
  }

 private:
  static constexpr const char* kMetadataDisabled = "AWS_EC2_METADATA_DISABLED";
  static void SetEnv(const char* name, const char* value) {
#ifdef _WIN32
    _putenv_s(name, value);
#else
    setenv(name, value, 1);
#endif
  }
  static void UnsetEnv(const char* name) {
#ifdef _WIN32
    _putenv_s(name, "");
#else
    unsetenv(name);
#endif
  }

  std::mutex mu_;
  int live_ = 0;
  bool setMetadataVariable_ = false;
  std::shared_ptr<Aws::Http::HttpClientFactory> previous_;
};

}  // namespace detail

/// Serves one Service to aws-sdk-cpp, in process, for as long as it lives.
class InProcessEndpoint {
 public:
  using Options = InProcessEndpointOptions;

  explicit InProcessEndpoint(Service& service) : InProcessEndpoint(service, Options()) {}
  InProcessEndpoint(Service& service, Options options)
      : wire_(std::make_shared<Wire>(service)),
        region_(options.region.empty() ? service.Options().region : std::move(options.region)) {
    host_ = detail::Routes::Instance().Add(std::move(options.host), wire_);
    wire_->SetEndpointAddress(host_);  // what DescribeEndpoints answers
    try {
      detail::Installation::Instance().Acquire(options.previousFactory);
    } catch (...) {
      detail::Routes::Instance().Remove(host_);
      throw;
    }
  }
  ~InProcessEndpoint() {
    detail::Routes::Instance().Remove(host_);
    detail::Installation::Instance().Release();
  }
  InProcessEndpoint(const InProcessEndpoint&) = delete;
  InProcessEndpoint& operator=(const InProcessEndpoint&) = delete;

  /// A client configuration for this endpoint: endpointOverride = Url(), the
  /// region, no EC2 metadata lookup for the region, and the retry strategy
  /// the SDK would pick (AWS_RETRY_MODE / profile, else its default) wrapped
  /// in NoSleepRetryStrategy: same retries, no waiting. Change what you like
  /// before constructing the client.
  Aws::Client::ClientConfiguration Config() const {
    Aws::Client::ClientConfigurationInitValues init;
    init.shouldDisableIMDS = true;
    Aws::Client::ClientConfiguration config(init);
    config.region = region_.c_str();
    config.endpointOverride = Url().c_str();
    config.scheme = Aws::Http::Scheme::HTTP;
    if (config.retryStrategy) config.retryStrategy = std::make_shared<NoSleepRetryStrategy>(config.retryStrategy);
    return config;
  }

  /// The host this endpoint answers, e.g. "dynafake-1.invalid".
  const std::string& Host() const { return host_; }
  /// "http://" + Host().
  std::string Url() const { return "http://" + host_; }
  Wire& GetWire() const { return *wire_; }
  Service& GetService() const { return wire_->GetService(); }
  /// Requests answered so far (each SDK attempt, retries included, is one).
  uint64_t RequestCount() const { return wire_->RequestCount(); }

 private:
  std::shared_ptr<Wire> wire_;
  std::string region_;
  std::string host_;
};

}  // namespace aws
}  // namespace dynafake
