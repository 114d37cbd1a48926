// dynafake — GoogleMock matchers for the model: outcomes (IsSuccess, IsError)
// and string members of requests and results (HasTableName, ...).
//
//   EXPECT_THAT(client.CreateBackup(request), dynafake::IsError(DynamoDBErrors::TABLE_IN_USE, HasSubstr("orders")));
//
// Part of dynafake/testing.hpp (target dynafake::testing) and re-exported by
// dynafake/gmock.hpp (target dynafake::gmock); both link GTest::gmock. When a
// match fails, GoogleTest prints the value with the model's operator<<
// (`Actual: Outcome{error: TableInUseException (HTTP 400): Table is being created: orders}`)
// and the matcher adds why it did not match.
#pragma once

#include <optional>     // std::optional
#include <ostream>      // std::ostream
#include <string>       // std::string
#include <type_traits>  // std::false_type, std::true_type
#include <utility>      // std::move, std::declval

#include <gmock/gmock.h>

#include "dynafake/model/errors.hpp"   // DynamoDBError, DynamoDBErrors
#include "dynafake/model/outcome.hpp"  // Model::Outcome and its operator<<

namespace dynafake {

namespace detail {

// Each names one string member of the model and reads it from any type that has it.
#define DYNAFAKE_GMOCK_FIELD(Member)                                   \
  struct Member##Field {                                               \
    static constexpr const char* kName = #Member;                      \
    template <class T>                                                 \
    static auto Get(const T& value) -> decltype(value.Get##Member()) { \
      return value.Get##Member();                                      \
    }                                                                  \
  };
DYNAFAKE_GMOCK_FIELD(TableName)
DYNAFAKE_GMOCK_FIELD(BackupName)
DYNAFAKE_GMOCK_FIELD(BackupArn)
DYNAFAKE_GMOCK_FIELD(TargetTableName)
DYNAFAKE_GMOCK_FIELD(SourceTableName)
DYNAFAKE_GMOCK_FIELD(ResourceArn)
#undef DYNAFAKE_GMOCK_FIELD

template <class Field, class T, class = void>
struct HasField : std::false_type {};
template <class Field, class T>
struct HasField<Field, T, decltype(void(Field::Get(std::declval<const T&>())))> : std::true_type {};

/// Matches any object with a `Get<Field>()` returning a string whose value the inner matcher accepts.
template <class Field>
class StringFieldMatcher {
 public:
  explicit StringFieldMatcher(::testing::Matcher<const std::string&> inner) : inner_(std::move(inner)) {}

  template <class T>
  bool MatchAndExplain(const T& value, ::testing::MatchResultListener* listener) const {
    static_assert(HasField<Field, T>::value,
                  "dynafake matcher used on a type without this member "
                  "(e.g. HasTargetTableName on a CreateBackupRequest)");
    const std::string& field = Field::Get(value);
    ::testing::StringMatchResultListener inner;
    const bool ok = inner_.MatchAndExplain(field, &inner);
    *listener << "whose " << Field::kName << " is " << ::testing::PrintToString(field);
    if (!inner.str().empty()) *listener << ", " << inner.str();
    return ok;
  }
  void DescribeTo(std::ostream* os) const {
    *os << "has " << Field::kName << " that ";
    inner_.DescribeTo(os);
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "has " << Field::kName << " that ";
    inner_.DescribeNegationTo(os);
  }

 private:
  ::testing::Matcher<const std::string&> inner_;
};

template <class Field, class M>
::testing::PolymorphicMatcher<StringFieldMatcher<Field>> MakeStringFieldMatcher(const M& valueOrMatcher) {
  return ::testing::MakePolymorphicMatcher(
      StringFieldMatcher<Field>(::testing::MatcherCast<const std::string&>(valueOrMatcher)));
}

// The error an outcome or error carries, or nullptr for a successful outcome.
template <class R, class E>
const E* ErrorOf(const Model::Outcome<R, E>& outcome) {
  return outcome.IsSuccess() ? nullptr : &outcome.GetError();
}
inline const DynamoDBError* ErrorOf(const DynamoDBError& error) { return &error; }

class IsSuccessMatcher {
 public:
  template <class R, class E>
  bool MatchAndExplain(const Model::Outcome<R, E>& outcome, ::testing::MatchResultListener* listener) const {
    if (outcome.IsSuccess()) return true;
    *listener << "which is a " << outcome.GetError().GetExceptionName();
    return false;
  }
  void DescribeTo(std::ostream* os) const { *os << "is a successful outcome"; }
  void DescribeNegationTo(std::ostream* os) const { *os << "is a failed outcome"; }
};

class IsErrorMatcher {
 public:
  IsErrorMatcher(DynamoDBErrors type, std::optional<::testing::Matcher<const std::string&>> message)
      : type_(type), message_(std::move(message)) {}

  template <class T>
  bool MatchAndExplain(const T& outcomeOrError, ::testing::MatchResultListener* listener) const {
    const DynamoDBError* error = ErrorOf(outcomeOrError);
    if (error == nullptr) {
      *listener << "which succeeded";
      return false;
    }
    if (error->GetErrorType() != type_) {
      *listener << "which is a " << error->GetExceptionName();
      return false;
    }
    if (!message_) return true;
    ::testing::StringMatchResultListener inner;
    if (!message_->MatchAndExplain(error->GetMessage(), &inner)) {
      *listener << "whose message " << ::testing::PrintToString(error->GetMessage()) << " doesn't match";
      if (!inner.str().empty()) *listener << ", " << inner.str();
      return false;
    }
    return true;
  }
  void DescribeTo(std::ostream* os) const {
    *os << "is an error " << type_;
    if (message_) {
      *os << " whose message ";
      message_->DescribeTo(os);
    }
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "isn't an error " << type_;
    if (message_) {
      *os << " whose message ";
      message_->DescribeTo(os);
    }
  }

 private:
  DynamoDBErrors type_;
  std::optional<::testing::Matcher<const std::string&>> message_;
};

}  // namespace detail

/// Matches a request (or any model object) whose TableName matches: a value
/// (`HasTableName("orders")`) or a matcher (`HasTableName(StartsWith("orders-"))`).
template <class M>
auto HasTableName(const M& valueOrMatcher) {
  return detail::MakeStringFieldMatcher<detail::TableNameField>(valueOrMatcher);
}
/// Matches an object whose BackupName matches: CreateBackupRequest, BackupDetails, BackupSummary.
template <class M>
auto HasBackupName(const M& valueOrMatcher) {
  return detail::MakeStringFieldMatcher<detail::BackupNameField>(valueOrMatcher);
}
/// Matches an object whose BackupArn matches: DescribeBackupRequest,
/// DeleteBackupRequest, RestoreTableFromBackupRequest, BackupDetails, BackupSummary.
template <class M>
auto HasBackupArn(const M& valueOrMatcher) {
  return detail::MakeStringFieldMatcher<detail::BackupArnField>(valueOrMatcher);
}
/// Matches a restore request whose TargetTableName matches.
template <class M>
auto HasTargetTableName(const M& valueOrMatcher) {
  return detail::MakeStringFieldMatcher<detail::TargetTableNameField>(valueOrMatcher);
}
/// Matches a RestoreTableToPointInTimeRequest whose SourceTableName matches.
template <class M>
auto HasSourceTableName(const M& valueOrMatcher) {
  return detail::MakeStringFieldMatcher<detail::SourceTableNameField>(valueOrMatcher);
}
/// Matches a TagResourceRequest or ListTagsOfResourceRequest whose ResourceArn matches.
template <class M>
auto HasResourceArn(const M& valueOrMatcher) {
  return detail::MakeStringFieldMatcher<detail::ResourceArnField>(valueOrMatcher);
}

/// Matches an outcome (of any operation) that succeeded.
inline ::testing::PolymorphicMatcher<detail::IsSuccessMatcher> IsSuccess() {
  return ::testing::MakePolymorphicMatcher(detail::IsSuccessMatcher());
}
/// Matches a failed outcome (of any operation), or a DynamoDBError, of error `type`.
inline ::testing::PolymorphicMatcher<detail::IsErrorMatcher> IsError(DynamoDBErrors type) {
  return ::testing::MakePolymorphicMatcher(detail::IsErrorMatcher(type, std::nullopt));
}
/// Same, and the message matches a value or a matcher (`IsError(TABLE_IN_USE, HasSubstr("orders"))`).
template <class M>
::testing::PolymorphicMatcher<detail::IsErrorMatcher> IsError(DynamoDBErrors type, const M& messageValueOrMatcher) {
  return ::testing::MakePolymorphicMatcher(
      detail::IsErrorMatcher(type, ::testing::MatcherCast<const std::string&>(messageValueOrMatcher)));
}

}  // namespace dynafake
