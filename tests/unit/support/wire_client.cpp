// The "Wire" transport of the typed suite (tests/unit/fixtures.hpp): a dynafake
// client whose every call is serialised to DynamoDB's JSON, handled by
// dynafake::Wire and read back. The one file of the suite that includes the wire.
#include <memory>

#include <dynafake/wire.hpp>

#include "fixtures.hpp"

namespace dynafake_test {

std::unique_ptr<dynafake::ClientInterface> MakeWireClient(dynafake::Service& service) {
  return std::make_unique<dynafake::BasicClient<dynafake::WireTransport>>(service);
}

}  // namespace dynafake_test
