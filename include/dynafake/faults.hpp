// dynafake — fault rules: scripted errors that run before the model.
#pragma once

#include <cstddef>     // std::size_t
#include <functional>  // std::function
#include <mutex>       // std::mutex
#include <optional>    // std::optional
#include <string>      // std::string
#include <typeinfo>    // std::type_info
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/model/errors.hpp"  // DynamoDBErrors, DynamoDBError

namespace dynafake {

/// What a fault rule sees of a call that passed validation.
struct CallInfo {
  std::string operation;  ///< "CreateBackup"
  std::string table;      ///< table name the call is about (target table for restores), or ""
  std::string backupArn;  ///< backup ARN the call is about, or ""
  const void* request = nullptr;
  const std::type_info* requestType = nullptr;

  /// The request, if it is of type R (e.g. `info.As<Model::CreateBackupRequest>()`), else nullptr.
  template <class R>
  const R* As() const {
    return requestType && *requestType == typeid(R) ? static_cast<const R*>(request) : nullptr;
  }
};

/// One scripted answer: which calls it matches, when it fires, what it answers.
///
///     service.Faults().Add(FaultRule::On("CreateBackup").ForTable("orders").OnCall(3).Once()
///                              .Fail(DynamoDBErrors::INTERNAL_FAILURE));
class FaultRule {
 public:
  FaultRule() = default;
  /// Matches calls of one operation ("CreateBackup"); "" or "*" matches every operation.
  static FaultRule On(std::string operation) {
    FaultRule r;
    r.operation_ = operation == "*" ? std::string() : std::move(operation);
    return r;
  }
  static FaultRule AnyOperation() { return FaultRule(); }

  FaultRule& ForTable(std::string table) { table_ = std::move(table); return *this; }
  FaultRule& ForBackup(std::string backupArn) { backup_ = std::move(backupArn); return *this; }
  /// Also requires `predicate(call)` to hold. The predicate runs while the
  /// Service is locked: it may read the request, but must not call the Service.
  FaultRule& When(std::function<bool(const CallInfo&)> predicate) { predicate_ = std::move(predicate); return *this; }
  /// Fires from the nth matching call on (1-based); before it, matching calls pass.
  FaultRule& OnCall(int nth) { nth_ = nth; return *this; }
  /// Fires at most n times, then stays quiet.
  FaultRule& Times(int n) { times_ = n; return *this; }
  FaultRule& Once() { return Times(1); }
  FaultRule& Always() { times_ = -1; return *this; }

  /// Answers with `type`; the exception name and HTTP status are the service's,
  /// the message a service-style one unless given. `status` overrides the status.
  FaultRule& Fail(DynamoDBErrors type, std::string message = {}, int status = 0) {
    error_ = DynamoDBError(type, std::move(message));
    if (status) error_->SetResponseCode(status);
    return *this;
  }
  /// Answers with exactly this error.
  FaultRule& Fail(DynamoDBError error) { error_ = std::move(error); return *this; }
  /// Lets matching calls through to the model (and stops later rules from seeing them).
  FaultRule& PassThrough() { error_.reset(); return *this; }

  const std::string& Operation() const { return operation_; }
  const std::string& Table() const { return table_; }
  const std::string& Backup() const { return backup_; }
  int Nth() const { return nth_; }
  int TimesLimit() const { return times_; }
  const std::optional<DynamoDBError>& Error() const { return error_; }

  bool Matches(const CallInfo& call) const {
    if (!operation_.empty() && operation_ != call.operation) return false;
    if (!table_.empty() && table_ != call.table) return false;
    if (!backup_.empty() && backup_ != call.backupArn) return false;
    if (predicate_ && !predicate_(call)) return false;
    return true;
  }

 private:
  std::string operation_, table_, backup_;
  std::function<bool(const CallInfo&)> predicate_;
  int nth_ = 0;
  int times_ = -1;
  std::optional<DynamoDBError> error_{DynamoDBError(DynamoDBErrors::INTERNAL_FAILURE)};
};

/// The rules of one Service. Rules are tried in the order added; a call is
/// counted by each rule it matches until one fires, and the first rule that
/// fires decides the answer. Thread-safe.
class FaultSet {
 public:
  struct Entry {
    int id;
    FaultRule rule;
    int seen = 0;   ///< matching calls counted
    int fired = 0;  ///< times it answered
  };

  /// True when no rule is set: Evaluate() would answer nothing.
  bool Empty() const {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_.empty();
  }

  /// Adds a rule; returns its id.
  int Add(FaultRule rule) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.push_back(Entry{++lastId_, std::move(rule)});
    return lastId_;
  }
  bool Remove(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->id == id) {
        entries_.erase(it);
        return true;
      }
    return false;
  }
  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.clear();
  }
  std::vector<Entry> List() const {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_;
  }
  /// How often rule `id` has fired (0 for an unknown id).
  int Fired(int id) const {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& e : entries_)
      if (e.id == id) return e.fired;
    return 0;
  }

  /// Runs the rules for one call: the error to answer with, if a rule fires.
  std::optional<DynamoDBError> Evaluate(const CallInfo& call) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& e : entries_) {
      if (!e.rule.Matches(call)) continue;
      ++e.seen;
      if (e.rule.Nth() > 0 && e.seen < e.rule.Nth()) continue;
      if (e.rule.TimesLimit() >= 0 && e.fired >= e.rule.TimesLimit()) continue;
      ++e.fired;
      return e.rule.Error();  // empty for PassThrough
    }
    return std::nullopt;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Entry> entries_;
  int lastId_ = 0;
};

}  // namespace dynafake
