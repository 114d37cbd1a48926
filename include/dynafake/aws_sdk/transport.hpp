// dynafake — SdkTransport: dynafake's typed client, sent through aws-sdk-cpp.
//
//   dynafake::aws::InProcessEndpoint endpoint(service);
//   auto sdk = std::make_shared<Aws::DynamoDB::DynamoDBClient>(endpoint.Config());
//   dynafake::BasicClient<dynafake::aws::SdkTransport> client(sdk);
//   client.CreateBackup(dynafake::Model::CreateBackupRequest().WithTableName("orders")...);
//
// Each call converts dynafake's request into the SDK's
// (dynafake/aws_sdk/generated/model_convert.hpp), makes it with the real
// Aws::DynamoDB::DynamoDBClient — its serialiser, signer, retries, HTTP layer
// and response and error parsers — and converts the SDK's outcome back. So a
// suite written against dynafake::ClientInterface proves the SDK sees what
// the in-process client sees. Needs aws-sdk-cpp (dynafake::aws_sdk).
#pragma once

#include <map>        // std::map
#include <memory>     // std::shared_ptr
#include <stdexcept>  // std::invalid_argument, std::logic_error
#include <string>     // std::string
#include <utility>    // std::move
#include <vector>     // std::vector

#include <aws/core/client/AWSError.h>                            // AWSError
#include <aws/dynamodb/DynamoDBClient.h>                         // DynamoDBClient and every XRequest/XOutcome
#include <aws/dynamodb/model/ConditionalCheckFailedException.h>  // the Item a failed condition returns
#include <aws/dynamodb/model/TransactionCanceledException.h>     // a cancelled transaction's reasons

#include "dynafake/aws_sdk/generated/model_convert.hpp"  // ToSdk, FromSdk
#include "dynafake/client.hpp"                           // BasicClient
#include "dynafake/generated/operations.hpp"             // OperationTraits, DYNAFAKE_FOR_EACH_OPERATION

namespace dynafake {
namespace aws {

/// The SDK's request type and client method for each of dynafake's requests.
template <class Request>
struct SdkOperation;
#define DYNAFAKE_AWS_SDK_OPERATION(Op)                                                         \
  template <>                                                                                  \
  struct SdkOperation<Model::Op##Request> {                                                    \
    using Request = Aws::DynamoDB::Model::Op##Request;                                         \
    static Aws::DynamoDB::Model::Op##Outcome Call(const Aws::DynamoDB::DynamoDBClient& client, \
                                                  const Request& request) {                    \
      return client.Op(request);                                                               \
    }                                                                                          \
  };
DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_AWS_SDK_OPERATION)
#undef DYNAFAKE_AWS_SDK_OPERATION

/// The error an SDK outcome carries, as dynafake's DynamoDBError: the same
/// exception name, message and HTTP status. For an exception name the SDK
/// does not know it keeps the whole `__type` and rewrites the message as
/// "Unable to parse ExceptionName: <__type> Message: <message>"
/// (AWSErrorMarshaller::Marshall); both are undone here. Throws
/// std::logic_error if the SDK numbers a known error differently from
/// dynafake::DynamoDBErrors (they must be equal).
template <class ErrorType>
DynamoDBError FromSdkError(const Aws::Client::AWSError<ErrorType>& error) {
  std::string name(error.GetExceptionName().c_str());
  std::string message(error.GetMessage().c_str());
  const int status = static_cast<int>(error.GetResponseCode());
  const int sdkType = static_cast<int>(error.GetErrorType());
  if (sdkType == static_cast<int>(DynamoDBErrors::UNKNOWN)) {
    const std::string prefix = "Unable to parse ExceptionName: " + name + " Message: ";
    if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
    if (const auto hash = name.find('#'); hash != std::string::npos) name.erase(0, hash + 1);
  }
  if (name.empty()) {  // a client-side error (no HTTP answer): the SDK's type is all there is
    DynamoDBError e(static_cast<DynamoDBErrors>(sdkType), std::move(message));
    return status > 0 ? e.SetResponseCode(status) : e;
  }
  DynamoDBError e = DynamoDBError::FromExceptionName(name, std::move(message), status);
  if (sdkType != static_cast<int>(DynamoDBErrors::UNKNOWN) && static_cast<int>(e.GetErrorType()) != sdkType)
    throw std::logic_error("dynafake: aws-sdk-cpp numbers " + name + " " + std::to_string(sdkType) +
                           ", dynafake::DynamoDBErrors " + std::to_string(static_cast<int>(e.GetErrorType())));
  return e;
}

/// An SDK DynamoDBError as dynafake's, with what the SDK models beyond the
/// name and message: the Item of a ConditionalCheckFailedException
/// (ReturnValuesOnConditionCheckFailure=ALL_OLD) and the CancellationReasons of a
/// TransactionCanceledException, read through GetModeledError.
inline DynamoDBError FromSdkError(const Aws::DynamoDB::DynamoDBError& error) {
  DynamoDBError e = FromSdkError<Aws::DynamoDB::DynamoDBErrors>(error);
  if (e.GetErrorType() == DynamoDBErrors::CONDITIONAL_CHECK_FAILED) {
    auto modeled =
        Aws::DynamoDB::DynamoDBError(error).GetModeledError<Aws::DynamoDB::Model::ConditionalCheckFailedException>();
    if (modeled.ItemHasBeenSet()) {
      std::map<std::string, Model::AttributeValue> item;
      for (const auto& kv : modeled.GetItem()) FromSdk(kv.second, item[std::string(kv.first.c_str())]);
      e.SetItem(std::move(item));
    }
  }
  if (e.GetErrorType() == DynamoDBErrors::TRANSACTION_CANCELED) {
    auto modeled =
        Aws::DynamoDB::DynamoDBError(error).GetModeledError<Aws::DynamoDB::Model::TransactionCanceledException>();
    if (modeled.CancellationReasonsHasBeenSet()) {
      std::vector<Model::CancellationReason> reasons;
      for (const auto& reason : modeled.GetCancellationReasons()) FromSdk(reason, reasons.emplace_back());
      e.SetCancellationReasons(std::move(reasons));
    }
  }
  return e;
}

/// A BasicClient transport over a real Aws::DynamoDB::DynamoDBClient (usually
/// one built from InProcessEndpoint::Config()). Copies share the client.
class SdkTransport {
 public:
  explicit SdkTransport(std::shared_ptr<const Aws::DynamoDB::DynamoDBClient> client) : client_(std::move(client)) {
    if (!client_) throw std::invalid_argument("dynafake::aws::SdkTransport: null DynamoDBClient");
  }

  template <class Request>
  typename OperationTraits<Request>::Outcome Send(const Request& request) const {
    using Operation = SdkOperation<Request>;
    typename Operation::Request sdkRequest;
    ToSdk(request, sdkRequest);
    const auto outcome = Operation::Call(*client_, sdkRequest);
    if (!outcome.IsSuccess()) return FromSdkError(outcome.GetError());
    typename OperationTraits<Request>::Result result;
    FromSdk(outcome.GetResult(), result);
    return result;
  }

  const Aws::DynamoDB::DynamoDBClient& GetClient() const { return *client_; }

 private:
  std::shared_ptr<const Aws::DynamoDB::DynamoDBClient> client_;
};

}  // namespace aws
}  // namespace dynafake
