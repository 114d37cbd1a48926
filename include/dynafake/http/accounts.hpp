// dynafake — http::Accounts: the Services a server answers for, one per account, and which request reaches which.
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json (through the Wire).
#pragma once

#include <map>          // std::map
#include <memory>       // std::unique_ptr
#include <stdexcept>    // std::out_of_range
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include "dynafake/clock.hpp"        // Clock
#include "dynafake/http/config.hpp"  // AdminError
#include "dynafake/options.hpp"      // ServiceOptions
#include "dynafake/service.hpp"      // Service
#include "dynafake/wire.hpp"         // Wire

namespace dynafake {
namespace http {

namespace detail {

/// The access key id of a SigV4 Authorization header
/// ("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, ..."), or "".
inline std::string AccessKeyId(std::string_view authorization) {
  const auto at = authorization.find("Credential=");
  if (at == std::string_view::npos) return {};
  const auto begin = at + 11;
  const auto end = authorization.find_first_of("/, ", begin);
  return std::string(authorization.substr(begin, end == std::string_view::npos ? end : end - begin));
}

}  // namespace detail

/// Every account's Service and Wire. With no access keys configured there is
/// one account and any credentials reach it; with keys, each key names its
/// account and an unknown or missing key is refused as DynamoDB refuses it.
class Accounts {
 public:
  struct Account {
    std::unique_ptr<Service> owned;
    Service* service;
    std::unique_ptr<Wire> wire;
  };

  /// One Service per account named in `keys` (and the default account), all on `clock`.
  Accounts(Clock& clock, ServiceOptions options, std::map<std::string, std::string> keys)
      : defaultId_(options.accountId), keys_(std::move(keys)) {
    Add(clock, options, defaultId_);
    for (const auto& kv : keys_) Add(clock, options, kv.second);
  }
  /// Serves one Service the caller owns.
  explicit Accounts(Service& service) : defaultId_(service.Options().accountId) {
    accounts_.emplace(defaultId_, Account{nullptr, &service, std::make_unique<Wire>(service)});
  }

  /// The account ("" = the default one). Throws std::out_of_range for an unknown one.
  Account& Find(const std::string& accountId) {
    const auto it = accounts_.find(accountId.empty() ? defaultId_ : accountId);
    if (it == accounts_.end()) throw std::out_of_range("no account '" + accountId + "' on this server");
    return it->second;
  }
  /// The account an admin call names with ?account=...; an unknown one is a 400.
  Service& ForAdmin(const std::string& accountId) {
    const auto it = accounts_.find(accountId.empty() ? defaultId_ : accountId);
    if (it == accounts_.end()) throw AdminError(400, "unknown account '" + accountId + "'");
    return *it->second.service;
  }

  /// Why a DynamoDB request reaches no account: the service's __type and message.
  struct Refusal {
    std::string type;
    std::string message;
  };
  /// The account a DynamoDB request's Authorization header reaches, or
  /// nullptr with the answer DynamoDB gives to a missing or unknown key.
  Account* ForRequest(std::string_view authorization, Refusal& refusal) {
    if (keys_.empty()) return &Find("");
    const std::string key = detail::AccessKeyId(authorization);
    const auto it = keys_.find(key);
    if (it != keys_.end()) return &Find(it->second);
    if (key.empty())
      refusal = {"com.amazon.coral.service#MissingAuthenticationTokenException",
                 "Request is missing Authentication Token"};
    else
      refusal = {"com.amazon.coral.service#UnrecognizedClientException",
                 "The security token included in the request is invalid."};
    return nullptr;
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const auto& kv : accounts_) ids.push_back(kv.first);
    return ids;
  }
  std::size_t Size() const { return accounts_.size(); }
  const std::string& DefaultId() const { return defaultId_; }
  bool Has(const std::string& accountId) const { return accounts_.count(accountId) != 0; }

  void SetEndpointAddress(const std::string& address) {
    for (auto& kv : accounts_) kv.second.wire->SetEndpointAddress(address);
  }
  /// Empties every account's Service.
  void ResetAll() {
    for (auto& kv : accounts_) kv.second.service->Reset();
  }

 private:
  void Add(Clock& clock, const ServiceOptions& options, const std::string& accountId) {
    if (accounts_.count(accountId)) return;
    ServiceOptions o = options;
    o.accountId = accountId;
    auto service = std::make_unique<Service>(clock, std::move(o));
    Service* raw = service.get();
    accounts_.emplace(accountId, Account{std::move(service), raw, std::make_unique<Wire>(*raw)});
  }

  std::string defaultId_;
  std::map<std::string, std::string> keys_;  // access key id -> account id
  std::map<std::string, Account> accounts_;
};

}  // namespace http
}  // namespace dynafake
