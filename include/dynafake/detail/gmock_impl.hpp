// dynafake — MockClient's definitions (see dynafake/gmock.hpp).
#pragma once

#include "dynafake/detail/linkage.hpp"  // DYNAFAKE_IMPL
#include "dynafake/gmock.hpp"

namespace dynafake {

struct MockClient::Mockers {
#define DYNAFAKE_MOCKER(Op) ::testing::FunctionMocker<Model::Op##Outcome(const Model::Op##Request&)> Op;
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_MOCKER)
#undef DYNAFAKE_MOCKER
};

DYNAFAKE_IMPL MockClient::MockClient(Service& service)
    : mockers_(std::make_unique<Mockers>()), own_(std::in_place, service), delegate_(&*own_) {
  DelegateToFake();
}

DYNAFAKE_IMPL MockClient::MockClient(const ClientInterface& delegate)
    : mockers_(std::make_unique<Mockers>()), delegate_(&delegate) {
  DelegateToFake();
}

DYNAFAKE_IMPL MockClient::~MockClient() = default;

#define DYNAFAKE_MOCK_METHOD_DEFINITION(Op)                                                                \
  DYNAFAKE_IMPL Model::Op##Outcome MockClient::Op(const Model::Op##Request& request) const {               \
    mockers_->Op.SetOwnerAndName(this, #Op);                                                               \
    return mockers_->Op.Invoke(request);                                                                   \
  }                                                                                                        \
  DYNAFAKE_IMPL ::testing::MockSpec<Model::Op##Outcome(const Model::Op##Request&)> MockClient::gmock_##Op( \
      const ::testing::Matcher<const Model::Op##Request&>& request) const {                                \
    mockers_->Op.RegisterOwner(this);                                                                      \
    return mockers_->Op.With(request);                                                                     \
  }
DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_MOCK_METHOD_DEFINITION)
#undef DYNAFAKE_MOCK_METHOD_DEFINITION

DYNAFAKE_IMPL void MockClient::DelegateToFake() {
#define DYNAFAKE_DELEGATE(Op) \
  ON_CALL(*this, Op(::testing::_)).WillByDefault([this](const Model::Op##Request& r) { return delegate_->Op(r); });
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_DELEGATE)
#undef DYNAFAKE_DELEGATE
}

}  // namespace dynafake
