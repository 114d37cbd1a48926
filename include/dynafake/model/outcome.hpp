// dynafake — Outcome<R, E>: a result or an error, in aws-sdk-cpp's shape.
#pragma once

#include <ostream>    // std::ostream
#include <stdexcept>  // std::logic_error
#include <utility>    // std::move
#include <variant>    // std::variant

namespace dynafake {
namespace Model {

/// What one call returned: a result (IsSuccess()) or an error. Reading the
/// wrong side is a bug in the test and throws std::logic_error rather than
/// returning garbage, so a test that forgot to check IsSuccess() fails loudly.
template <class R, class E>
class Outcome {
 public:
  using ResultType = R;
  using ErrorType = E;

  Outcome() : value_(E()) {}
  Outcome(const R& r) : value_(r) {}        // NOLINT(google-explicit-constructor)
  Outcome(R&& r) : value_(std::move(r)) {}  // NOLINT(google-explicit-constructor)
  Outcome(const E& e) : value_(e) {}        // NOLINT(google-explicit-constructor)
  Outcome(E&& e) : value_(std::move(e)) {}  // NOLINT(google-explicit-constructor)

  bool IsSuccess() const { return value_.index() == 0; }
  explicit operator bool() const { return IsSuccess(); }

  // not a message: the texts below are a caller's bug (asking a failed outcome for its result), thrown
  const R& GetResult() const { return Checked<R>("GetResult() on an outcome that failed"); }
  R& GetResult() { return Checked<R>("GetResult() on an outcome that failed"); }
  R GetResultWithOwnership() { return std::move(Checked<R>("GetResultWithOwnership() on an outcome that failed")); }
  const E& GetError() const { return Checked<E>("GetError() on an outcome that succeeded"); }
  E& GetError() { return Checked<E>("GetError() on an outcome that succeeded"); }

 private:
  template <class T>
  const T& Checked(const char* what) const {
    if (const T* p = std::get_if<T>(&value_)) return *p;
    throw std::logic_error(what);
  }
  template <class T>
  T& Checked(const char* what) {
    if (T* p = std::get_if<T>(&value_)) return *p;
    throw std::logic_error(what);
  }

  std::variant<R, E> value_;
};

/// Equal when both succeeded with equal results or both failed with equal errors.
template <class R, class E>
bool operator==(const Outcome<R, E>& a, const Outcome<R, E>& b) {
  if (a.IsSuccess() != b.IsSuccess()) return false;
  return a.IsSuccess() ? a.GetResult() == b.GetResult() : a.GetError() == b.GetError();
}
template <class R, class E>
bool operator!=(const Outcome<R, E>& a, const Outcome<R, E>& b) {
  return !(a == b);
}

/// Prints `Outcome{success: CreateBackupResult{...}}` or
/// `Outcome{error: TableInUseException (HTTP 400): ...}` (GoogleTest uses it too).
template <class R, class E>
std::ostream& operator<<(std::ostream& os, const Outcome<R, E>& outcome) {
  os << "Outcome{";
  if (outcome.IsSuccess())
    os << "success: " << outcome.GetResult();
  else
    os << "error: " << outcome.GetError();
  return os << "}";
}

}  // namespace Model
}  // namespace dynafake
