// dynafake — the aws-sdk-cpp HTTP layer that answers dynafake's hosts in process.
//
// aws-sdk-cpp builds every HTTP client and request through one process-wide
// Aws::Http::HttpClientFactory. RoutingHttpClientFactory is such a factory:
// a request whose host belongs to a live InProcessEndpoint is handed, signed
// and serialised by the SDK, to dynafake::Wire of that endpoint's Service,
// and Wire's answer goes back to the SDK as the HTTP response (status,
// x-amzn-RequestId, Content-Type, x-amz-crc32, JSON body); a request to any
// other host goes to the HTTP client the wrapped ("fallback") factory makes.
// No socket is opened for dynafake's hosts.
//
// InProcessEndpoint (dynafake/aws_sdk.hpp) installs and removes the factory;
// this header is its machinery. Needs aws-sdk-cpp (dynafake::aws_sdk).
#pragma once

#include <cstdint>    // uint64_t
#include <iterator>   // std::istreambuf_iterator
#include <map>        // std::map
#include <memory>     // std::shared_ptr, std::make_shared
#include <mutex>      // std::mutex, std::lock_guard
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string
#include <utility>    // std::move

#include <aws/core/client/ClientConfiguration.h>          // ClientConfiguration
#include <aws/core/client/CoreErrors.h>                   // CoreErrors
#include <aws/core/http/HttpClient.h>                     // HttpClient
#include <aws/core/http/HttpClientFactory.h>              // HttpClientFactory
#include <aws/core/http/HttpRequest.h>                    // HttpRequest
#include <aws/core/http/HttpResponse.h>                   // HttpResponseCode
#include <aws/core/http/URI.h>                            // URI
#include <aws/core/http/standard/StandardHttpRequest.h>   // StandardHttpRequest
#include <aws/core/http/standard/StandardHttpResponse.h>  // StandardHttpResponse
#include <aws/core/utils/memory/AWSMemory.h>              // Aws::MakeShared
#if __has_include(<aws/core/http/curl/CurlHttpClient.h>)
#include <aws/core/http/curl/CurlHttpClient.h>  // CurlHttpClient: the SDK's default client on this build
#define DYNAFAKE_AWS_HAS_CURL_CLIENT 1
#else
#define DYNAFAKE_AWS_HAS_CURL_CLIENT 0
#endif

#include "dynafake/wire.hpp"  // Wire, Response

namespace dynafake {
namespace aws {
namespace detail {

inline constexpr const char* kAllocationTag = "dynafake";

/// The hosts of the live endpoints and the Wire each one answers with.
/// Process-wide, like the SDK's factory it serves.
class Routes {
 public:
  static Routes& Instance() {
    static Routes routes;
    return routes;
  }

  /// Registers `wire` under `host` (a fresh "dynafake-<n>.invalid" when
  /// empty) and returns the host. Throws when the host is taken.
  std::string Add(std::string host, std::shared_ptr<Wire> wire) {
    std::lock_guard<std::mutex> lock(mu_);
    if (host.empty()) {
      do host = "dynafake-" + std::to_string(++counter_) + ".invalid";
      while (routes_.count(host));
    } else if (routes_.count(host)) {
      throw std::invalid_argument("dynafake::aws::InProcessEndpoint: host '" + host +
                                  "' is served by another endpoint");
    }
    routes_.emplace(host, std::move(wire));
    return host;
  }
  void Remove(const std::string& host) {
    std::lock_guard<std::mutex> lock(mu_);
    routes_.erase(host);
  }
  /// The Wire serving `host`, or null. The caller keeps it alive for the call.
  std::shared_ptr<Wire> Find(const std::string& host) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = routes_.find(host);
    return it == routes_.end() ? nullptr : it->second;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<Wire>> routes_;
  uint64_t counter_ = 0;
};

/// The host a request goes to, as Routes knows it: the URI's authority
/// without the port (each endpoint has its own host name).
inline std::string HostOf(const Aws::Http::URI& uri) { return std::string(uri.GetAuthority().c_str()); }

/// Answers one SDK request with `wire`: the X-Amz-Target header and the body
/// the SDK serialised in, Wire's status, headers and body out.
inline std::shared_ptr<Aws::Http::HttpResponse> Serve(Wire& wire,
                                                      const std::shared_ptr<Aws::Http::HttpRequest>& request) {
  std::string body;
  if (const auto stream = request->GetContentBody()) {
    stream->clear();
    stream->seekg(0);
    body.assign(std::istreambuf_iterator<char>(*stream), std::istreambuf_iterator<char>());
  }
  const std::string target =
      request->HasHeader("x-amz-target") ? std::string(request->GetHeaderValue("x-amz-target").c_str()) : std::string();
  const Response answer = wire.Handle(target, body);

  auto response = Aws::MakeShared<Aws::Http::Standard::StandardHttpResponse>(kAllocationTag, request);
  response->SetResponseCode(static_cast<Aws::Http::HttpResponseCode>(answer.status));
  for (const auto& header : answer.headers) response->AddHeader(header.first.c_str(), header.second.c_str());
  response->AddHeader("Content-Length", std::to_string(answer.body.size()).c_str());
  response->GetResponseBody().write(answer.body.data(), static_cast<std::streamsize>(answer.body.size()));
  return response;
}

/// The SDK's own default factory, rebuilt: the SDK keeps the installed
/// factory to itself, so the one InProcessEndpoint replaces cannot be asked
/// for. On builds with libcurl (the default on Linux and macOS) this makes
/// the same clients and requests the SDK's DefaultHttpClientFactory makes.
class DefaultHttpClientFactory : public Aws::Http::HttpClientFactory {
 public:
  std::shared_ptr<Aws::Http::HttpClient> CreateHttpClient(
      const Aws::Client::ClientConfiguration& config) const override {
#if DYNAFAKE_AWS_HAS_CURL_CLIENT
    return Aws::MakeShared<Aws::Http::CurlHttpClient>(kAllocationTag, config);
#else
    (void)config;
    return nullptr;  // RoutingHttpClient answers such requests with a NETWORK_CONNECTION error
#endif
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::String& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& streamFactory) const override {
    return CreateHttpRequest(Aws::Http::URI(uri), method, streamFactory);
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::Http::URI& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& streamFactory) const override {
    auto request = Aws::MakeShared<Aws::Http::Standard::StandardHttpRequest>(kAllocationTag, uri, method);
    request->SetResponseStreamFactory(streamFactory);
    return request;
  }
#if DYNAFAKE_AWS_HAS_CURL_CLIENT
  // Installing a factory with Aws::Http::SetHttpClientFactory cleans up the
  // one it replaces (curl_global_cleanup) and does not initialise the new
  // one; these keep libcurl's global state counted while ours is in place.
  void InitStaticState() override { Aws::Http::CurlHttpClient::InitGlobalState(); }
  void CleanupStaticState() override { Aws::Http::CurlHttpClient::CleanupGlobalState(); }
#endif
};

/// An HTTP client for one SDK client: dynafake's hosts are answered in
/// process, every other host by a client of the fallback factory (made on
/// first use, with the SDK client's configuration).
class RoutingHttpClient : public Aws::Http::HttpClient {
 public:
  RoutingHttpClient(Aws::Client::ClientConfiguration config, std::shared_ptr<Aws::Http::HttpClientFactory> fallback)
      : config_(std::move(config)), fallback_(std::move(fallback)) {}

  std::shared_ptr<Aws::Http::HttpResponse> MakeRequest(
      const std::shared_ptr<Aws::Http::HttpRequest>& request,
      Aws::Utils::RateLimits::RateLimiterInterface* readLimiter = nullptr,
      Aws::Utils::RateLimits::RateLimiterInterface* writeLimiter = nullptr) const override {
    const std::string host = HostOf(request->GetUri());
    if (const auto wire = Routes::Instance().Find(host)) return Serve(*wire, request);
    if (const auto client = Fallback()) return client->MakeRequest(request, readLimiter, writeLimiter);
    auto response = Aws::MakeShared<Aws::Http::Standard::StandardHttpResponse>(kAllocationTag, request);
    response->SetClientErrorType(Aws::Client::CoreErrors::NETWORK_CONNECTION);
    response->SetClientErrorMessage(("dynafake: no HTTP client for " + host +
                                     ": this aws-sdk-cpp has no curl client; pass the factory you installed as "
                                     "InProcessEndpoint::Options::previousFactory")
                                        .c_str());
    return response;
  }

 private:
  std::shared_ptr<Aws::Http::HttpClient> Fallback() const {
    std::lock_guard<std::mutex> lock(mu_);
    if (!fallbackClient_ && fallback_) fallbackClient_ = fallback_->CreateHttpClient(config_);
    return fallbackClient_;
  }

  Aws::Client::ClientConfiguration config_;
  std::shared_ptr<Aws::Http::HttpClientFactory> fallback_;
  mutable std::mutex mu_;
  mutable std::shared_ptr<Aws::Http::HttpClient> fallbackClient_;
};

/// The factory InProcessEndpoint installs: clients that route by host,
/// requests made as `fallback` makes them (or as the SDK's default does, for
/// dynafake's hosts).
class RoutingHttpClientFactory : public Aws::Http::HttpClientFactory {
 public:
  explicit RoutingHttpClientFactory(std::shared_ptr<Aws::Http::HttpClientFactory> fallback)
      : fallback_(std::move(fallback)) {}

  std::shared_ptr<Aws::Http::HttpClient> CreateHttpClient(
      const Aws::Client::ClientConfiguration& config) const override {
    return Aws::MakeShared<RoutingHttpClient>(kAllocationTag, config, fallback_);
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::String& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& streamFactory) const override {
    return CreateHttpRequest(Aws::Http::URI(uri), method, streamFactory);
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::Http::URI& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& streamFactory) const override {
    if (!Routes::Instance().Find(HostOf(uri))) return fallback_->CreateHttpRequest(uri, method, streamFactory);
    auto request = Aws::MakeShared<Aws::Http::Standard::StandardHttpRequest>(kAllocationTag, uri, method);
    request->SetResponseStreamFactory(streamFactory);
    return request;
  }
  void InitStaticState() override { fallback_->InitStaticState(); }
  void CleanupStaticState() override { fallback_->CleanupStaticState(); }

  const std::shared_ptr<Aws::Http::HttpClientFactory>& GetFallback() const { return fallback_; }

 private:
  std::shared_ptr<Aws::Http::HttpClientFactory> fallback_;
};

}  // namespace detail
}  // namespace aws
}  // namespace dynafake
