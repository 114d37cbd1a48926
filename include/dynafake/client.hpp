// dynafake — the typed client, in aws-sdk-cpp's shape, over a pluggable transport.
#pragma once

#include <utility>  // std::forward

#include "dynafake/generated/operations.hpp"  // XRequest, XOutcome, OperationTraits
#include "dynafake/service.hpp"               // Service

namespace dynafake {

/// The client surface as pure virtual functions, one per operation, with
/// aws-sdk-cpp's signatures. Code that takes a `const ClientInterface&` can be
/// handed a Client, a BasicClient over any transport, or a MockClient.
class ClientInterface {
 public:
  virtual ~ClientInterface() = default;
#define DYNAFAKE_PURE_VIRTUAL(Op) virtual Model::Op##Outcome Op(const Model::Op##Request& request) const = 0;
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_PURE_VIRTUAL)
#undef DYNAFAKE_PURE_VIRTUAL
};

/// Calls the Service directly: no serialisation, microseconds per call.
class InProcess {
 public:
  explicit InProcess(Service& service) : service_(&service) {}
  template <class Request>
  typename OperationTraits<Request>::Outcome Send(const Request& request) const {
    return service_->Invoke(request);
  }
  Service& GetService() const { return *service_; }

 private:
  Service* service_;
};

/// The typed client. `Transport` decides how a call reaches the Service:
/// InProcess calls it directly, WireTransport (dynafake/wire.hpp) sends every
/// call through the DynamoDB JSON protocol and back. A transport provides
/// `template <class Request> OperationTraits<Request>::Outcome Send(const Request&) const`.
template <class Transport>
class BasicClient : public ClientInterface {
 public:
  template <class... Args>
  explicit BasicClient(Args&&... args) : transport_(std::forward<Args>(args)...) {}

#define DYNAFAKE_CLIENT_METHOD(Op) \
  Model::Op##Outcome Op(const Model::Op##Request& request) const override { return transport_.Send(request); }
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_CLIENT_METHOD)
#undef DYNAFAKE_CLIENT_METHOD

  const Transport& GetTransport() const { return transport_; }

 private:
  Transport transport_;
};

/// The client a test usually wants: typed calls straight into a Service.
using Client = BasicClient<InProcess>;

#if !defined(DYNAFAKE_HEADER_ONLY)
// Compiled once, with dynafake's definitions (dynafake/detail/client_impl.hpp):
// a file that makes a Client does not instantiate its every operation.
extern template class BasicClient<InProcess>;
#endif

/// Names of the client and every model type, for production code written as a
/// template over such a traits struct. In production the user writes the same
/// struct naming aws-sdk-cpp's types (`using Client = Aws::DynamoDB::DynamoDBClient;`
/// `using CreateBackupRequest = Aws::DynamoDB::Model::CreateBackupRequest;` ...).
struct Api : detail::ApiTypes {
  using Client = dynafake::Client;
  using ClientInterface = dynafake::ClientInterface;
  using DynamoDBErrors = dynafake::DynamoDBErrors;
  using DynamoDBError = dynafake::DynamoDBError;
  using DateTime = dynafake::DateTime;
};

}  // namespace dynafake
