// dynafake — Quotas' definitions (see quotas.hpp).
#pragma once

#include "dynafake/components/quotas.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL Quotas::Window& Quotas::WindowOf(const char* operation) {
  auto it = windows_.find(std::string_view(operation));
  if (it != windows_.end()) return it->second;
  Window w;
  auto limit = limits_->callsPerSecond.find(operation);
  if (limit != limits_->callsPerSecond.end() && limit->second > 0) {
    w.limit = limit->second;
    w.ring.resize(static_cast<std::size_t>(limit->second));
  }
  return windows_.emplace(operation, std::move(w)).first->second;
}

DYNAFAKE_IMPL std::optional<DynamoDBError> Quotas::CheckRate(const char* operation, int64_t now) {
  if (limits_->callsPerSecond.empty()) return std::nullopt;
  Window& w = WindowOf(operation);
  if (w.limit == 0) return std::nullopt;
  w.Expire(now);
  if (static_cast<int>(w.count) < w.limit) return std::nullopt;
  return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::RateExceeded(operation, w.limit));
}

DYNAFAKE_IMPL void Quotas::RecordCall(const char* operation, int64_t now) {
  if (limits_->callsPerSecond.empty()) return;
  Window& w = WindowOf(operation);
  if (w.limit == 0) return;
  w.Expire(now);
  if (w.count == w.ring.size()) {  // full (CheckRate refuses a call then; kept safe all the same): drop the oldest
    w.head = (w.head + 1) % w.ring.size();
    --w.count;
  }
  w.ring[(w.head + w.count) % w.ring.size()] = now;
  ++w.count;
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
