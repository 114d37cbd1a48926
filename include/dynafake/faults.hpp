// dynafake — fault rules: scripted errors that run before the model.
#pragma once

#include <algorithm>   // std::find
#include <cstddef>     // std::size_t
#include <functional>  // std::function
#include <memory>      // std::shared_ptr, std::weak_ptr
#include <mutex>       // std::mutex
#include <optional>    // std::optional
#include <ostream>     // std::ostream
#include <sstream>     // std::ostringstream
#include <stdexcept>   // std::invalid_argument
#include <string>      // std::string
#include <typeinfo>    // std::type_info
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/generated/operations.hpp"  // DYNAFAKE_FOR_EACH_OPERATION, OperationTraits
#include "dynafake/model/errors.hpp"          // DynamoDBErrors, DynamoDBError

namespace dynafake {

/// What a fault rule sees of a call that passed validation.
struct CallInfo {
  std::string operation;  ///< "CreateBackup"
  std::string table;      ///< the one table the call is about (target table for restores), or "" (none, or several)
  /// Every table the call is about, each once, in request order: a batch's or a
  /// transaction's tables, the table a table ARN names (TagResource's ResourceArn).
  std::vector<std::string> tables;
  std::string backupArn;  ///< backup ARN the call is about, or ""
  const void* request = nullptr;
  const std::type_info* requestType = nullptr;

  /// The request, if it is of type R (e.g. `info.As<Model::CreateBackupRequest>()`), else nullptr.
  template <class R>
  const R* As() const {
    return requestType && *requestType == typeid(R) ? static_cast<const R*>(request) : nullptr;
  }
};

namespace detail {
/// Every operation name the Service serves, comma-separated.
inline std::string OperationNames() {
  std::string out;
#define DYNAFAKE_FAULTS_NAME(Op) out += (out.empty() ? "" : ", ") + std::string(#Op);
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_FAULTS_NAME)
#undef DYNAFAKE_FAULTS_NAME
  return out;
}
inline bool IsOperationName(const std::string& name) {
#define DYNAFAKE_FAULTS_IS(Op) \
  if (name == #Op) return true;
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_FAULTS_IS)
#undef DYNAFAKE_FAULTS_IS
  return false;
}
/// `text` as a JSON string literal; bytes that are not UTF-8 become U+FFFD.
inline std::string JsonQuote(const std::string& text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c >= 0x80) {
      const std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
      bool ok = n > 0 && i + n <= text.size();
      for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      if (ok) {  // no overlong 3/4-byte forms, no surrogates, nothing past U+10FFFF
        const auto c1 = static_cast<unsigned char>(text[i + 1]);
        ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0) && !(c == 0xF0 && c1 < 0x90) &&
             !(c == 0xF4 && c1 >= 0x90);
      }
      out += ok ? text.substr(i, n) : std::string("\\ufffd");
      i += ok ? n : 1;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out + "\"";
}
}  // namespace detail

/// One scripted answer: which calls it matches, when it fires, what it answers.
///
///     service.Faults().Add(FaultRule::On<Model::CreateBackupRequest>().ForTable("orders").OnCall(3)
///                              .Fail(DynamoDBErrors::INTERNAL_FAILURE));
///
/// When it fires — counted over the calls the rule matches, from 1:
///
/// | rule                      | fires on matching calls |
/// |---------------------------|-------------------------|
/// | (neither) or `Always()`   | every one               |
/// | `OnCall(3)`               | 3 only                  |
/// | `OnCall(3).Times(2)`      | 3 and 4                 |
/// | `FromCall(3)`, `OnCall(3).Always()` | 3, 4, 5, ...  |
/// | `Times(2)`                | 1 and 2                 |
/// | `Once()` (= `Times(1)`)   | 1 only                  |
///
/// A call is counted by every rule it matches until one fires (the first rule
/// that fires decides; PassThrough() counts as firing).
class FaultRule {
 public:
  FaultRule() = default;
  /// Matches calls of one operation, named by its request type: `On<Model::CreateBackupRequest>()`.
  template <class Request>
  static FaultRule On() {
    return On(OperationTraits<Request>::kName);
  }
  /// Matches calls of the operation named `operation` ("CreateBackup"); "" or "*" matches every
  /// operation. A name the Service does not serve throws std::invalid_argument.
  static FaultRule On(std::string operation) {
    if (operation == "*") operation.clear();
    if (!operation.empty() && !detail::IsOperationName(operation))
      throw std::invalid_argument("FaultRule::On: unknown operation \"" + operation +
                                  "\" (expected one of: " + detail::OperationNames() + "; or \"*\" for any)");
    FaultRule r;
    r.operation_ = std::move(operation);
    return r;
  }
  static FaultRule AnyOperation() { return FaultRule(); }

  /// Matches calls about that table (its name): named by its name or its ARN, at the
  /// request's top or inside it (one of a batch's or a transaction's tables).
  FaultRule& ForTable(std::string table) {
    table_ = std::move(table);
    return *this;
  }
  FaultRule& ForBackup(std::string backupArn) {
    backup_ = std::move(backupArn);
    return *this;
  }
  /// Also requires `predicate(call)` to hold. The predicate runs while the
  /// Service is locked: it may read the request, but must not call the Service.
  FaultRule& When(std::function<bool(const CallInfo&)> predicate) {
    return When("a C++ predicate holds", std::move(predicate));
  }
  /// The same, with words for the rule's description ("backup name starts with adhoc-").
  FaultRule& When(std::string description, std::function<bool(const CallInfo&)> predicate) {
    predicate_ = std::move(predicate);
    predicateText_ = std::move(description);
    return *this;
  }
  /// Fires on the nth matching call (1-based), only that one unless Times() or Always() says more.
  FaultRule& OnCall(int nth) {
    if (nth < 1) throw std::invalid_argument("FaultRule::OnCall: calls are counted from 1, got " + std::to_string(nth));
    nth_ = nth;
    return *this;
  }
  /// Fires on the nth matching call and every one after it (= OnCall(nth).Always()).
  FaultRule& FromCall(int nth) { return OnCall(nth).Always(); }
  /// Fires on n matching calls in a row: from the OnCall() call, or from the first.
  FaultRule& Times(int n) {
    if (n < 1) throw std::invalid_argument("FaultRule::Times: a rule fires 1 or more times, got " + std::to_string(n));
    times_ = n;
    return *this;
  }
  FaultRule& Once() { return Times(1); }
  /// Fires on every matching call (from the OnCall() call, if given).
  FaultRule& Always() {
    times_ = -1;
    return *this;
  }

  /// Answers with `type`; the exception name and HTTP status are the service's,
  /// the message a service-style one unless given. `status` overrides the status.
  FaultRule& Fail(DynamoDBErrors type, std::string message = {}, int status = 0) {
    error_ = DynamoDBError(type, std::move(message));
    if (status) error_->SetResponseCode(status);
    return *this;
  }
  /// Answers with exactly this error.
  FaultRule& Fail(DynamoDBError error) {
    error_ = std::move(error);
    return *this;
  }
  /// Lets matching calls through to the model (and stops later rules from seeing them).
  FaultRule& PassThrough() {
    error_.reset();
    return *this;
  }

  const std::string& Operation() const { return operation_; }  ///< "" for any operation
  const std::string& Table() const { return table_; }
  const std::string& Backup() const { return backup_; }
  /// The OnCall() number: the first matching call it fires on; 0 when not given (it fires from the first).
  int Nth() const { return nth_; }
  /// How many matching calls in a row it fires on; -1 for no end.
  int TimesLimit() const { return times_ ? *times_ : nth_ > 0 ? 1 : -1; }
  const std::optional<DynamoDBError>& Error() const { return error_; }

  bool Matches(const CallInfo& call) const {
    if (!operation_.empty() && operation_ != call.operation) return false;
    if (!table_.empty() && table_ != call.table &&
        std::find(call.tables.begin(), call.tables.end(), table_) == call.tables.end())
      return false;
    if (!backup_.empty() && backup_ != call.backupArn) return false;
    if (predicate_ && !predicate_(call)) return false;
    return true;
  }

  /// The rule in words, for test failure output:
  /// `CreateBackup on table "orders", call 3 only: fails with InternalServerError (HTTP 500)`.
  std::string ToString() const {
    std::ostringstream os;
    os << (operation_.empty() ? "any operation" : operation_);
    if (!table_.empty()) os << " on table " << detail::JsonQuote(table_);
    if (!backup_.empty()) os << " on backup " << detail::JsonQuote(backup_);
    if (predicate_) os << " when " << predicateText_;
    const int first = nth_ > 0 ? nth_ : 1, times = TimesLimit();
    if (times < 0)
      os << (first == 1 ? ", every call" : ", from call " + std::to_string(first) + " on");
    else if (times == 1)
      os << ", call " << first << " only";
    else
      os << ", calls " << first << " to " << first + times - 1;
    if (!error_) return os.str() + ": passes through";
    os << ": fails with " << error_->GetExceptionName() << " (HTTP " << error_->GetResponseCode() << ")";
    if (!error_->GetMessage().empty()) os << " " << detail::JsonQuote(error_->GetMessage());
    return os.str();
  }
  /// The rule as a JSON object in the HTTP admin API's terms (what POST /_dynafake/faults takes):
  /// `{"operation":"CreateBackup","table":"orders","nth":3,"times":1,"error":"InternalServerError","status":500}`.
  /// "operation" is "*" for any; a When() predicate appears as "predicate" with its description.
  std::string ToJson() const {
    std::string j = "{\"operation\":" + detail::JsonQuote(operation_.empty() ? "*" : operation_);
    if (!table_.empty()) j += ",\"table\":" + detail::JsonQuote(table_);
    if (!backup_.empty()) j += ",\"backup\":" + detail::JsonQuote(backup_);
    if (predicate_) j += ",\"predicate\":" + detail::JsonQuote(predicateText_);
    if (nth_ > 0) j += ",\"nth\":" + std::to_string(nth_);
    j += ",\"times\":" + std::to_string(TimesLimit());
    if (!error_) return j + ",\"pass\":true}";
    j += ",\"error\":" + detail::JsonQuote(error_->GetExceptionName());
    j += ",\"status\":" + std::to_string(error_->GetResponseCode());
    if (!error_->GetMessage().empty()) j += ",\"message\":" + detail::JsonQuote(error_->GetMessage());
    return j + "}";
  }
  friend std::ostream& operator<<(std::ostream& os, const FaultRule& rule) { return os << rule.ToString(); }

 private:
  std::string operation_, table_, backup_;
  std::function<bool(const CallInfo&)> predicate_;
  std::string predicateText_;
  int nth_ = 0;               // 0: not given (fires from the first matching call)
  std::optional<int> times_;  // not given: once with OnCall(), else always; -1: always
  std::optional<DynamoDBError> error_{DynamoDBError(DynamoDBErrors::INTERNAL_FAILURE)};
};

class ScopedFaultRule;

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

    /// `#1 CreateBackup, call 3 only: fails with InternalServerError (HTTP 500) [seen 2, fired 0]`
    friend std::ostream& operator<<(std::ostream& os, const Entry& e) {
      return os << "#" << e.id << " " << e.rule << " [seen " << e.seen << ", fired " << e.fired << "]";
    }
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
  /// Adds a rule that is removed again when the returned handle goes out of scope.
  [[nodiscard]] ScopedFaultRule AddScoped(FaultRule rule);
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
  /// `firedId`, when given, is set to the id of the rule that fired (0 when none did).
  std::optional<DynamoDBError> Evaluate(const CallInfo& call, int* firedId = nullptr) {
    std::lock_guard<std::mutex> lock(mu_);
    if (firedId) *firedId = 0;
    for (auto& e : entries_) {
      if (!e.rule.Matches(call)) continue;
      ++e.seen;
      if (e.seen < e.rule.Nth()) continue;
      if (e.rule.TimesLimit() >= 0 && e.fired >= e.rule.TimesLimit()) continue;
      ++e.fired;
      if (firedId) *firedId = e.id;
      return e.rule.Error();  // empty for PassThrough
    }
    return std::nullopt;
  }

  /// Every rule, one per line (`no fault rules` when there is none).
  friend std::ostream& operator<<(std::ostream& os, const FaultSet& set) {
    const auto entries = set.List();
    if (entries.empty()) return os << "no fault rules";
    for (std::size_t i = 0; i < entries.size(); ++i) os << (i ? "\n" : "") << entries[i];
    return os;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Entry> entries_;
  int lastId_ = 0;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // scoped handles outliving the set do nothing
};

/// A rule added with FaultSet::AddScoped: removed when this handle is destroyed
/// (or Reset), like a trompeloeil expectation. Move-only.
///
///     {
///       auto rule = service.Faults().AddScoped(FaultRule::On<Model::ListTablesRequest>().Once());
///       ...  // the rule is in force here
///     }      // and gone here
class ScopedFaultRule {
 public:
  ScopedFaultRule() = default;
  ScopedFaultRule(ScopedFaultRule&& other) noexcept
      : set_(other.set_), alive_(std::move(other.alive_)), id_(other.id_) {
    other.set_ = nullptr;
  }
  ScopedFaultRule& operator=(ScopedFaultRule&& other) noexcept {
    if (this != &other) {
      Reset();
      set_ = other.set_;
      alive_ = std::move(other.alive_);
      id_ = other.id_;
      other.set_ = nullptr;
    }
    return *this;
  }
  ScopedFaultRule(const ScopedFaultRule&) = delete;
  ScopedFaultRule& operator=(const ScopedFaultRule&) = delete;
  ~ScopedFaultRule() { Reset(); }

  /// The rule's id in its FaultSet (0 once released or reset).
  int Id() const { return set_ ? id_ : 0; }
  /// How often the rule has fired so far.
  int Fired() const { return set_ && !alive_.expired() ? set_->Fired(id_) : 0; }
  /// Removes the rule now.
  void Reset() {
    if (set_ && !alive_.expired()) set_->Remove(id_);
    set_ = nullptr;
  }
  /// Keeps the rule in force after the handle is gone; returns its id.
  int Release() {
    const int id = Id();
    set_ = nullptr;
    return id;
  }

 private:
  friend class FaultSet;
  ScopedFaultRule(FaultSet* set, std::weak_ptr<int> alive, int id) : set_(set), alive_(std::move(alive)), id_(id) {}

  FaultSet* set_ = nullptr;
  std::weak_ptr<int> alive_;
  int id_ = 0;
};

inline ScopedFaultRule FaultSet::AddScoped(FaultRule rule) {
  const int id = Add(std::move(rule));
  return ScopedFaultRule(this, alive_, id);
}

}  // namespace dynafake
