// dynafake — the GoogleMock front: MockClient, whose default actions are the
// real fake, plus matchers, actions and printers for the model types.
//
//   dynafake::ManualClock clock;
//   dynafake::Service service(clock);
//   testing::NiceMock<dynafake::MockClient> client(service);   // behaves like a Client
//   EXPECT_CALL(client, CreateBackup(dynafake::HasTableName("orders")))
//       .WillOnce(dynafake::ReturnError(dynafake::DynamoDBErrors::LIMIT_EXCEEDED))
//       .WillRepeatedly(testing::DoDefault());                  // then the fake again
//
// It includes <gmock/gmock.h>; link the CMake target dynafake::gmock
// (dynafake::dynafake + GTest::gmock). It includes dynafake/testing.hpp too:
// the matchers (IsSuccess, IsError, HasTableName, ...), Sandbox and the table
// builders are defined there, once.
#pragma once

#include <cstddef>      // std::nullptr_t
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional, std::in_place
#include <ostream>      // std::ostream
#include <string>       // std::string
#include <type_traits>  // std::is_same
#include <utility>      // std::move

#include <gmock/gmock.h>

#include "dynafake/detail/messages.hpp"  // detail::DefaultMessage
#include "dynafake/dynafake.hpp"         // the core: Service, Client, the model and its printers
#include "dynafake/testing.hpp"          // Sandbox, HashKeyTable, ..., IsSuccess, IsError, HasTableName

namespace dynafake {

// ---------------------------------------------------------------------------
// MockClient

/// A gMock mock of the whole client surface whose default actions delegate to
/// a real Client over a Service (gMock's "delegating calls to a fake").
///
/// With no expectations it behaves exactly like `dynafake::Client`; with
/// `EXPECT_CALL` it verifies calls, and `.WillOnce(...)` / `ON_CALL(...)`
/// override single calls while `testing::DoDefault()` goes back to the fake.
/// `testing::NiceMock<MockClient>` and `testing::StrictMock<MockClient>` work
/// as usual: the defaults are ON_CALLs, never expectations.
///
/// It is a `ClientInterface`, so code taking `const ClientInterface&` accepts
/// it, and it has every method of `Client` with the same signature, so code
/// templated on the client type (or on a traits struct, see MockApi) accepts
/// it too.
///
/// Methods, one per operation of DYNAFAKE_FOR_EACH_OPERATION (the service
/// model's list, dynafake/generated/operations.hpp), each
/// `Model::XOutcome X(const Model::XRequest& request) const`.
class MockClient : public ClientInterface {
 public:
  /// Delegates to a `Client` over `service` (which must outlive the mock).
  explicit MockClient(Service& service);
  /// Delegates to any client, e.g. a `BasicClient<WireTransport>` so that the
  /// default actions go through the JSON layer. `delegate` must outlive the mock.
  explicit MockClient(const ClientInterface& delegate);
  ~MockClient() override;

  MockClient(const MockClient&) = delete;
  MockClient& operator=(const MockClient&) = delete;

  // What MOCK_METHOD(Model::XOutcome, X, (const Model::XRequest&), (const, override))
  // declares, with everything gMock instantiates per method defined once in
  // dynafake's compiled part (src/gmock.cpp) instead of in every test file:
  // the method, and the gmock_X member EXPECT_CALL and ON_CALL call (GoogleTest
  // 1.10 and later). `EXPECT_CALL(mock, X(matcher))` calls the first gmock_X,
  // `EXPECT_CALL(mock, X)` the second with gMock's no-matchers tag and a null
  // pointer (gmock-spec-builders.h, GMOCK_ON_CALL_IMPL_); the tag's type is a
  // template parameter, so no name of testing::internal is written here. The
  // methods' FunctionMockers (the ::testing name MOCK_METHOD uses) live in
  // `Mockers`, defined with them: a test file instantiates gMock's machinery
  // only for the operations it sets expectations on.
#define DYNAFAKE_MOCK_METHOD(Op)                                                                        \
  Model::Op##Outcome Op(const Model::Op##Request& request) const override;                              \
  ::testing::MockSpec<Model::Op##Outcome(const Model::Op##Request&)> gmock_##Op(                        \
      const ::testing::Matcher<const Model::Op##Request&>& request) const;                              \
  template <class WithoutMatchers>                                                                      \
  ::testing::MockSpec<Model::Op##Outcome(const Model::Op##Request&)> gmock_##Op(const WithoutMatchers&, \
                                                                                std::nullptr_t) const { \
    return gmock_##Op(::testing::A<const Model::Op##Request&>());                                       \
  }
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_MOCK_METHOD)
#undef DYNAFAKE_MOCK_METHOD

  /// (Re)installs the default actions: every method calls the real client.
  /// The constructor does this; call it again after
  /// `testing::Mock::VerifyAndClear(&mock)`, which removes ON_CALLs too. It
  /// overrides the ON_CALLs a test made before calling it.
  void DelegateToFake();

  /// The client the default actions call. Calls through it are not seen by
  /// gMock: use it to arrange state or to check it without touching expectations.
  const ClientInterface& GetRealClient() const { return *delegate_; }

 private:
  struct Mockers;  // one ::testing::FunctionMocker per operation (dynafake/detail/gmock_impl.hpp)
  std::unique_ptr<Mockers> mockers_;
  std::optional<Client> own_;
  const ClientInterface* delegate_;
};

/// The `dynafake::Api` traits with MockClient (or NiceMock/StrictMock of it)
/// as the client, for production code written as a template over a traits
/// struct: `BackupJob<dynafake::MockApi<>>`, `BackupJob<dynafake::MockApi<testing::StrictMock<dynafake::MockClient>>>`.
template <class MockClientType = MockClient>
struct MockApi : Api {
  using Client = MockClientType;
};

// ---------------------------------------------------------------------------
// Matchers: HasTableName, HasBackupName, HasBackupArn, HasTargetTableName,
// HasSourceTableName, HasResourceArn, IsSuccess, IsError — defined once in
// dynafake/testing/matchers.hpp (through dynafake/testing.hpp, included above).

// ---------------------------------------------------------------------------
// Actions

namespace detail {

/// Returns a failed outcome of whatever operation it is the action of.
class ReturnErrorAction {
 public:
  explicit ReturnErrorAction(DynamoDBError error) : error_(std::move(error)) {}
  template <class Request>
  typename OperationTraits<Request>::Outcome operator()(const Request&) const {
    return typename OperationTraits<Request>::Outcome(error_);
  }

 private:
  DynamoDBError error_;
};

/// Returns a successful outcome carrying a fixed result.
template <class Result>
class ReturnResultAction {
 public:
  explicit ReturnResultAction(Result result) : result_(std::move(result)) {}
  template <class Request>
  typename OperationTraits<Request>::Outcome operator()(const Request&) const {
    static_assert(std::is_same<typename OperationTraits<Request>::Result, Result>::value,
                  "ReturnResult(x) used on a method whose result type is not decltype(x)");
    return typename OperationTraits<Request>::Outcome(result_);
  }

 private:
  Result result_;
};

}  // namespace detail

/// An action for any MockClient method: answers with an error of `type`, with
/// the service's exception name, HTTP status and retry flag, and `message`
/// (by default a service-style message for that error).
///
///     EXPECT_CALL(client, CreateBackup(_)).WillOnce(ReturnError(DynamoDBErrors::LIMIT_EXCEEDED));
inline detail::ReturnErrorAction ReturnError(DynamoDBErrors type, std::string message = {}) {
  if (message.empty()) message = detail::DefaultMessage(type);
  return detail::ReturnErrorAction(DynamoDBError(type, std::move(message)));
}
/// An action for any MockClient method: answers with exactly this error.
inline detail::ReturnErrorAction ReturnError(DynamoDBError error) {
  return detail::ReturnErrorAction(std::move(error));
}

/// An action answering with a successful outcome carrying `result`; the
/// method's result type must be `Result` (checked at compile time).
///
///     EXPECT_CALL(client, ListBackups(_)).WillOnce(ReturnResult(Model::ListBackupsResult()));
template <class Result>
detail::ReturnResultAction<Result> ReturnResult(Result result) {
  return detail::ReturnResultAction<Result>(std::move(result));
}

// Printers: GoogleTest prints every model type, outcome, DynamoDBError and
// DynamoDBErrors through their operator<< (dynafake/generated/print.hpp,
// outcome.hpp, errors.hpp), so failed expectations show requests readably.

}  // namespace dynafake

// The definitions of MockClient's members: compiled once by the CMake target
// dynafake::gmock (src/gmock.cpp), or by the one file that defines
// DYNAFAKE_GMOCK_IMPLEMENTATION, or inline everywhere with DYNAFAKE_HEADER_ONLY.
#if defined(DYNAFAKE_GMOCK_IMPLEMENTATION) || defined(DYNAFAKE_HEADER_ONLY)
#include "dynafake/detail/gmock_impl.hpp"
#endif
