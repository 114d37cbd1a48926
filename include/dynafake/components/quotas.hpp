// dynafake — Quotas: the documented limits of ServiceOptions::limits, enforced
// on the Service's clock: calls per second per operation (a sliding one-second
// window of accepted calls) and the concurrency limits on tables, indexes,
// restores and backups. Each limit is checked in one place, here.
#pragma once

#include <cstddef>   // std::size_t
#include <cstdint>   // int64_t
#include <deque>     // std::deque
#include <map>       // std::map
#include <optional>  // std::optional
#include <string>    // std::string

#include "dynafake/model/errors.hpp"  // DynamoDBError
#include "dynafake/options.hpp"       // Limits

namespace dynafake {
namespace detail {

class Quotas {
 public:
  explicit Quotas(const Limits& limits) : limits_(&limits) {}

  /// LimitExceededException when `operation` already had its allowed number
  /// of accepted calls in the last second.
  std::optional<DynamoDBError> CheckRate(const char* operation, int64_t now);
  /// Counts an accepted call of `operation` towards its rate.
  void RecordCall(const char* operation, int64_t now);

  /// Tables in CREATING, UPDATING or DELETING at once (CreateTable, UpdateTable, DeleteTable, restores).
  std::optional<DynamoDBError> CheckTablesInTransition(int inTransition) const;
  /// Tables creating secondary indexes at once (CreateTable with indexes).
  std::optional<DynamoDBError> CheckTablesWithIndexesCreating(int creating) const;
  /// Tables in the account and region (CreateTable, restores).
  std::optional<DynamoDBError> CheckTableCount(std::size_t tables) const;
  /// Restores in progress at once.
  std::optional<DynamoDBError> CheckRestores(int inProgress) const;
  /// Backups in CREATING at once across the account.
  std::optional<DynamoDBError> CheckBackupsInProgress(int creating) const;

  void Clear() { calls_.clear(); }

 private:
  const Limits* limits_;
  std::map<std::string, std::deque<int64_t>> calls_;  ///< per operation, the instants of accepted calls
};

}  // namespace detail
}  // namespace dynafake
