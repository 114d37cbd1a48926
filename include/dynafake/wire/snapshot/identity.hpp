// dynafake — the identity in a snapshot (Identity::State): the root's
// "random", the state of the generator ARNs and ids come from. The root's
// "account" is written from the ServiceOptions and not read back (the loading
// Service keeps its own). See dynafake/wire/snapshot.hpp.
#pragma once

#include <cstdint>  // uint64_t

#include "dynafake/components/identity.hpp"   // Identity::State
#include "dynafake/options.hpp"               // ServiceOptions
#include "dynafake/wire/snapshot/common.hpp"  // Json, Whole

namespace dynafake {
namespace wire {
namespace snapshot {

inline Json AccountJson(const ServiceOptions& o) {
  return {{"accountId", o.accountId}, {"region", o.region}, {"partition", o.partition}};
}
inline Json RandomJson(const core::Identity::State& s) { return s.random; }
inline core::Identity::State IdentityFrom(const Json& random) { return core::Identity::State{Whole<uint64_t>(random)}; }

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
