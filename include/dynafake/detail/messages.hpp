// dynafake — service-style messages for errors a fault rule injects without one.
#pragma once

#include <string>  // std::string

#include "dynafake/generated/errors_table.hpp"  // DynamoDBErrors

namespace dynafake {
namespace detail {

inline std::string DefaultMessage(DynamoDBErrors type) {
  switch (type) {
    case DynamoDBErrors::INTERNAL_FAILURE: return "Internal server error";
    case DynamoDBErrors::SERVICE_UNAVAILABLE: return "The service is currently unavailable";
    case DynamoDBErrors::THROTTLING: return "Rate of requests exceeds the allowed throughput.";
    case DynamoDBErrors::VALIDATION: return "1 validation error detected: injected by a dynafake fault rule";
    case DynamoDBErrors::ACCESS_DENIED: return "User is not authorized to perform this operation";
    case DynamoDBErrors::RESOURCE_NOT_FOUND: return "Requested resource not found";
    case DynamoDBErrors::BACKUP_IN_USE: return "Backup is being used by another backup operation";
    case DynamoDBErrors::BACKUP_NOT_FOUND: return "Backup not found";
    case DynamoDBErrors::CONDITIONAL_CHECK_FAILED: return "The conditional request failed";
    case DynamoDBErrors::CONTINUOUS_BACKUPS_UNAVAILABLE: return "Backups are being enabled for the table. Please retry later";
    case DynamoDBErrors::INVALID_RESTORE_TIME: return "Restore time is outside the restorable window";
    case DynamoDBErrors::ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED: return "Item collection size limit exceeded";
    case DynamoDBErrors::LIMIT_EXCEEDED: return "Subscriber limit exceeded: too many concurrent control plane operations";
    case DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE: return "Point in time recovery is not enabled for the table";
    case DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED:
      return "The level of configured provisioned throughput for the table was exceeded.";
    case DynamoDBErrors::REPLICATED_WRITE_CONFLICT: return "Replicated write conflict";
    case DynamoDBErrors::REQUEST_LIMIT_EXCEEDED: return "Throughput exceeds the current throughput limit for your account.";
    case DynamoDBErrors::RESOURCE_IN_USE: return "Attempt to change a resource which is still in use";
    case DynamoDBErrors::TABLE_ALREADY_EXISTS: return "Table already exists";
    case DynamoDBErrors::TABLE_IN_USE: return "Table is being created or deleted";
    case DynamoDBErrors::TABLE_NOT_FOUND: return "Table not found";
    case DynamoDBErrors::TRANSACTION_CONFLICT: return "Transaction is ongoing for the item";
    default: return "Injected error";
  }
}

}  // namespace detail
}  // namespace dynafake
