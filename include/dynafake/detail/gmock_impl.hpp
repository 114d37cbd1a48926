// dynafake — MockClient's definitions (see dynafake/gmock.hpp).
#pragma once

#include "dynafake/detail/linkage.hpp"  // DYNAFAKE_IMPL
#include "dynafake/gmock.hpp"

namespace dynafake {

DYNAFAKE_IMPL MockClient::MockClient(Service& service) : own_(std::in_place, service), delegate_(&*own_) {
  DelegateToFake();
}

DYNAFAKE_IMPL MockClient::MockClient(const ClientInterface& delegate) : delegate_(&delegate) { DelegateToFake(); }

DYNAFAKE_IMPL MockClient::~MockClient() = default;

#define DYNAFAKE_MOCK_METHOD_DEFINITION(Op)                                                  \
  DYNAFAKE_IMPL Model::Op##Outcome MockClient::Op(const Model::Op##Request& request) const { \
    mock_##Op##_.SetOwnerAndName(this, #Op);                                                 \
    return mock_##Op##_.Invoke(request);                                                     \
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
