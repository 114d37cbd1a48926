// dynafake — SavedState: the whole state of a Service, as each component saves
// it (Service::SaveState) and loads it back (Service::LoadState). Plain C++:
// the JSON a snapshot file holds is the wire's (dynafake/wire/snapshot.hpp,
// one mapping per component in dynafake/wire/snapshot/).
//
// Not saved, because it follows from the rest or is the test's: Quotas' rate
// windows (forgotten on loading), TimeToLive's pending deletions (found again
// from the items), Items' and Throughput's state (inside each TableRecord),
// Transactions' idempotency tokens, the fault rules, the journal, the clock
// (only the instant of saving) and the ObjectStore's files.
#pragma once

#include <cstdint>  // int64_t

#include "dynafake/components/backups.hpp"             // Backups::State
#include "dynafake/components/continuous_backups.hpp"  // ContinuousBackups::State
#include "dynafake/components/exports.hpp"             // Exports::State
#include "dynafake/components/identity.hpp"            // Identity::State
#include "dynafake/components/imports.hpp"             // Imports::State
#include "dynafake/components/tables.hpp"              // Tables::State
#include "dynafake/components/timeline.hpp"            // Timeline::State

namespace dynafake {
namespace detail {

/// Every component's State. Item histories are shared between a table, its
/// backups and its exports by pointer, as inside a Service; a SavedState from
/// Service::SaveState holds copies of them, shared with nothing else.
struct SavedState {
  int64_t savedAtMs = 0;  ///< the Service's clock when it was saved
  Identity::State identity;
  Timeline::State timeline;
  Tables::State tables;
  ContinuousBackups::State continuous;
  Backups::State backups;
  Exports::State exports;
  Imports::State imports;
};

}  // namespace detail
}  // namespace dynafake
