// dynafake — DynamoDBError: what a failed call carries, in aws-sdk-cpp's shape.
#pragma once

#include <map>          // std::map
#include <ostream>      // std::ostream
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include "dynafake/generated/errors_table.hpp"  // DynamoDBErrors, detail::kErrorTable
#include "dynafake/generated/types.hpp"         // CancellationReason
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {

namespace detail {
inline const ErrorInfo* FindError(DynamoDBErrors type) {
  for (const auto& e : kErrorTable)
    if (e.type == type) return &e;
  return nullptr;
}
inline const ErrorInfo* FindError(std::string_view exceptionName) {
  for (const auto& e : kErrorTable)
    if (exceptionName == e.exception_name) return &e;
  return nullptr;
}
}  // namespace detail

/// A service error: its type, the exception name the service sent, a message,
/// the HTTP status and whether the SDK would retry it.
class DynamoDBError {
 public:
  DynamoDBError() = default;

  /// An error of `type` with the service's exception name, status and retry flag.
  explicit DynamoDBError(DynamoDBErrors type, std::string message = {}) : type_(type), message_(std::move(message)) {
    if (const auto* info = detail::FindError(type)) {
      name_ = info->exception_name;
      status_ = info->http_status;
      retryable_ = info->retryable;
    } else {
      name_ = "UnknownError";
      status_ = 400;
    }
  }

  /// An error named as on the wire (`"TableInUseException"`); unknown names get type UNKNOWN.
  static DynamoDBError FromExceptionName(std::string_view name, std::string message, int status = 0) {
    DynamoDBError e;
    if (const auto* info = detail::FindError(name)) {
      e = DynamoDBError(info->type, std::move(message));
    } else {
      e.type_ = DynamoDBErrors::UNKNOWN;
      e.name_ = std::string(name);
      e.message_ = std::move(message);
      e.status_ = 400;
    }
    if (status != 0) e.status_ = status;
    return e;
  }

  DynamoDBErrors GetErrorType() const { return type_; }
  const std::string& GetExceptionName() const { return name_; }
  const std::string& GetMessage() const { return message_; }
  int GetResponseCode() const { return status_; }
  bool ShouldRetry() const { return retryable_; }
  /// The `__type` the JSON protocol sends: namespace#ExceptionName.
  std::string GetWireType() const {
    const auto* info = detail::FindError(name_);
    return std::string(info ? info->wire_namespace : "com.amazonaws.dynamodb.v20120810") + "#" + name_;
  }

  DynamoDBError& SetMessage(std::string message) {
    message_ = std::move(message);
    return *this;
  }
  /// ConditionalCheckFailedException under ReturnValuesOnConditionCheckFailure
  /// ALL_OLD: the item as it was when the condition failed.
  const std::map<std::string, Model::AttributeValue>& GetItem() const { return item_; }
  bool ItemHasBeenSet() const { return itemSet_; }
  DynamoDBError& SetItem(std::map<std::string, Model::AttributeValue> item) {
    item_ = std::move(item);
    itemSet_ = true;
    return *this;
  }
  /// TransactionCanceledException: one reason per action of the transaction,
  /// in the request's order (Code "None" for the actions that would have succeeded).
  const std::vector<Model::CancellationReason>& GetCancellationReasons() const { return reasons_; }
  bool CancellationReasonsHaveBeenSet() const { return reasonsSet_; }
  DynamoDBError& SetCancellationReasons(std::vector<Model::CancellationReason> reasons) {
    reasons_ = std::move(reasons);
    reasonsSet_ = true;
    return *this;
  }
  DynamoDBError& SetResponseCode(int status) {
    status_ = status;
    return *this;
  }
  DynamoDBError& SetRetryable(bool retryable) {
    retryable_ = retryable;
    return *this;
  }

  friend bool operator==(const DynamoDBError& a, const DynamoDBError& b) {
    return a.type_ == b.type_ && a.name_ == b.name_ && a.message_ == b.message_ && a.status_ == b.status_;
  }
  friend bool operator!=(const DynamoDBError& a, const DynamoDBError& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& os, const DynamoDBError& e) {
    return os << e.name_ << " (HTTP " << e.status_ << "): " << e.message_;
  }

 private:
  DynamoDBErrors type_ = DynamoDBErrors::UNKNOWN;
  std::string name_ = "UnknownError";
  std::string message_;
  int status_ = 400;
  bool retryable_ = false;
  std::map<std::string, Model::AttributeValue> item_;
  bool itemSet_ = false;
  std::vector<Model::CancellationReason> reasons_;
  bool reasonsSet_ = false;
};

/// The exception name (without "Exception" stripping) for an error type, e.g. "TableInUseException".
inline std::string ExceptionNameFor(DynamoDBErrors type) { return DynamoDBError(type).GetExceptionName(); }

inline std::ostream& operator<<(std::ostream& os, DynamoDBErrors type) {
  const auto* info = detail::FindError(type);
  return os << (info ? info->exception_name : "DynamoDBErrors(" + std::to_string(static_cast<int>(type)) + ")");
}

}  // namespace dynafake
