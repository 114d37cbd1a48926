// dynafake — Quotas' definitions (see quotas.hpp).
#pragma once

#include "dynafake/components/quotas.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckRate(const char* operation, int64_t now) {
  if (limits_->callsPerSecond.empty()) return std::nullopt;
  auto limit = limits_->callsPerSecond.find(operation);
  if (limit == limits_->callsPerSecond.end() || limit->second <= 0) return std::nullopt;
  auto& window = calls_[operation];
  while (!window.empty() && window.front() <= now - 1000) window.pop_front();
  if (static_cast<int>(window.size()) < limit->second) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::RateExceeded(operation, limit->second));
}

DYNAFAKE_IMPL void Quotas::RecordCall(const char* operation, int64_t now) {
  if (limits_->callsPerSecond.empty()) return;
  auto limit = limits_->callsPerSecond.find(operation);
  if (limit == limits_->callsPerSecond.end() || limit->second <= 0) return;
  calls_[operation].push_back(now);
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckTablesInTransition(int inTransition) const {
  if (limits_->tablesInTransition <= 0 || inTransition < limits_->tablesInTransition) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::TablesInTransitionLimit(limits_->tablesInTransition));
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckTablesWithIndexesCreating(int creating) const {
  if (limits_->tablesWithIndexesCreating <= 0 || creating < limits_->tablesWithIndexesCreating) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::TablesWithIndexesLimit(limits_->tablesWithIndexesCreating));
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckTableCount(std::size_t tables) const {
  if (limits_->tables <= 0 || static_cast<int>(tables) < limits_->tables) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::TableCountLimit(tables));
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckRestores(int inProgress) const {
  if (limits_->concurrentRestores <= 0 || inProgress < limits_->concurrentRestores) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::RestoresLimit(limits_->concurrentRestores));
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckBackupsInProgress(int creating) const {
  if (limits_->backupsInProgress <= 0 || creating < limits_->backupsInProgress) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::BackupsInProgressLimit(creating));
}

}  // namespace detail
}  // namespace dynafake
