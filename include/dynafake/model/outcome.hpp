// dynafake — Outcome<R, E>: a result or an error, in aws-sdk-cpp's shape.
#pragma once

#include <ostream>    // std::ostream
#include <stdexcept>  // std::logic_error
#include <utility>    // std::move

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

  Outcome() = default;
  Outcome(const R& r) : result_(r), success_(true) {}        // NOLINT(google-explicit-constructor)
  Outcome(R&& r) : result_(std::move(r)), success_(true) {}  // NOLINT(google-explicit-constructor)
  Outcome(const E& e) : error_(e) {}                         // NOLINT(google-explicit-constructor)
  Outcome(E&& e) : error_(std::move(e)) {}                   // NOLINT(google-explicit-constructor)

  bool IsSuccess() const { return success_; }
  explicit operator bool() const { return IsSuccess(); }

  // not a message: the texts below are a caller's bug (asking a failed outcome for its result), thrown
  const R& GetResult() const { return Require(success_, result_, "GetResult() on an outcome that failed"); }
  R& GetResult() { return Require(success_, result_, "GetResult() on an outcome that failed"); }
  R GetResultWithOwnership() {
    return std::move(Require(success_, result_, "GetResultWithOwnership() on an outcome that failed"));
  }
  const E& GetError() const { return Require(!success_, error_, "GetError() on an outcome that succeeded"); }
  E& GetError() { return Require(!success_, error_, "GetError() on an outcome that succeeded"); }

 private:
  template <class T>
  static T& Require(bool holds, T& side, const char* what) {
    if (!holds) throw std::logic_error(what);
    return side;
  }

  // Both sides and a flag, as aws-sdk-cpp's Outcome holds them: a std::variant
  // cost every test file that includes the client a quarter of its compile time.
  R result_{};
  E error_{};
  bool success_ = false;
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
