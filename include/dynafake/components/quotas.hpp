// dynafake — Quotas: the documented limits of ServiceOptions::limits, enforced
// on the Service's clock: calls per second per operation (a sliding one-second
// window of accepted calls) and the concurrency limits on tables, indexes,
// restores and backups. Each limit is checked in one place, here.
#pragma once

#include <cstddef>     // std::size_t
#include <cstdint>     // int64_t
#include <functional>  // std::less
#include <map>         // std::map
#include <optional>    // std::optional
#include <string>      // std::string
#include <vector>      // std::vector

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

  void Clear() { windows_.clear(); }

 private:
  /// One operation's limit (read once from Limits, which a Service never
  /// changes) and the instants of its accepted calls in the last second: a
  /// ring of `limit` slots, allocated once, so counting a call allocates nothing.
  struct Window {
    int limit = 0;  ///< 0: not limited
    std::vector<int64_t> ring;
    std::size_t head = 0, count = 0;
    void Expire(int64_t now) {
      while (count > 0 && ring[head] <= now - 1000) {
        head = (head + 1) % ring.size();
        --count;
      }
    }
  };
  /// The operation's window, made on its first call (found without building a string).
  Window& WindowOf(const char* operation);

  const Limits* limits_;
  std::map<std::string, Window, std::less<>> windows_;  ///< per operation name
};

}  // namespace detail
}  // namespace dynafake
