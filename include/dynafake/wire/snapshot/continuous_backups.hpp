// dynafake — a table's point-in-time recovery settings in a snapshot
// (ContinuousBackups::State), the "pitr" member of the table's object. See
// dynafake/wire/snapshot.hpp.
#pragma once

#include "dynafake/components/continuous_backups.hpp"  // PitrSettings
#include "dynafake/wire/snapshot/common.hpp"           // Json, Between, Instant

namespace dynafake {
namespace wire {
namespace snapshot {

inline Json PitrJson(const core::PitrSettings& p) {
  return {{"enabled", p.enabled}, {"sinceMs", p.sinceMs}, {"recoveryPeriodInDays", p.recoveryPeriodDays}};
}
inline core::PitrSettings PitrFrom(const Json& j) {
  core::PitrSettings p;
  p.enabled = j.at("enabled").get<bool>();
  p.sinceMs = Instant(j.at("sinceMs"));
  p.recoveryPeriodDays = Between<int>(j.at("recoveryPeriodInDays"), 1, 35);
  return p;
}

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
