// dynafake — the pending transitions in a snapshot (Timeline::State): the
// root's "pendingTransitions" and "eventSeq". See dynafake/wire/snapshot.hpp.
#pragma once

#include <cstdint>    // uint64_t
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string

#include "dynafake/components/timeline.hpp"   // Timeline::State, Event, EventKind
#include "dynafake/wire/snapshot/common.hpp"  // Json, Whole, Instant

namespace dynafake {
namespace wire {
namespace snapshot {

inline const char* EventName(core::EventKind k) {
  switch (k) {
    case core::EventKind::TableSettled:
      return "TableSettled";
    case core::EventKind::TableGone:
      return "TableGone";
    case core::EventKind::BackupAvailable:
      return "BackupAvailable";
    case core::EventKind::BackupExpired:
      return "BackupExpired";
  }
  return "";
}
inline core::EventKind EventFrom(const std::string& name) {
  if (name == "TableSettled") return core::EventKind::TableSettled;
  if (name == "TableGone") return core::EventKind::TableGone;
  if (name == "BackupAvailable") return core::EventKind::BackupAvailable;
  if (name == "BackupExpired") return core::EventKind::BackupExpired;
  throw std::invalid_argument("unknown pending transition '" + name + "'");
}

/// The "pendingTransitions" list (the counter is the root's "eventSeq").
inline Json EventsJson(const core::Timeline::State& s) {
  Json events = Json::array();
  for (const core::Event& e : s.events)
    events.push_back(
        {{"at", e.atMs}, {"seq", e.seq}, {"kind", EventName(e.kind)}, {"key", e.key}, {"generation", e.generation}});
  return events;
}
inline core::Timeline::State TimelineFrom(const Json& events, const Json& eventSeq) {
  core::Timeline::State s;
  for (const auto& e : events)
    s.events.push_back(core::Event{Instant(e.at("at")), Whole<uint64_t>(e.at("seq")),
                                   EventFrom(e.at("kind").get<std::string>()), e.at("key").get<std::string>(),
                                   Whole<uint64_t>(e.at("generation"))});
  s.sequence = Whole<uint64_t>(eventSeq);
  return s;
}

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
