// dynafake — ContinuousBackups: each table's point-in-time recovery settings
// (DescribeContinuousBackups, UpdateContinuousBackups), its restorable window,
// and how long a table's item history must reach back because of it.
#pragma once

#include <cstdint>  // int64_t
#include <map>      // std::map
#include <string>   // std::string

#include "dynafake/components/tables.hpp"     // TableRecord
#include "dynafake/generated/operations.hpp"  // XRequest, XOutcome
#include "dynafake/limits.hpp"                // the documented limits
#include "dynafake/options.hpp"               // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Items;

/// A table's point-in-time recovery. A table without an entry has it disabled.
struct PitrSettings {
  bool enabled = false;
  int64_t sinceMs = 0;                                      ///< when it was (last) enabled: the window starts there
  int recoveryPeriodDays = limits::kMaxRecoveryPeriodDays;  ///< how far back the window reaches
};

class ContinuousBackups {
 public:
  ContinuousBackups(const ServiceOptions& options, Identity& identity, Tables& tables, Items& items)
      : options_(&options), identity_(&identity), tables_(&tables), items_(&items) {}

  // ---- the operations
  Model::DescribeContinuousBackupsOutcome DescribeContinuousBackups(const Model::DescribeContinuousBackupsRequest& r,
                                                                    int64_t now);
  Model::UpdateContinuousBackupsOutcome UpdateContinuousBackups(const Model::UpdateContinuousBackupsRequest& r,
                                                                int64_t now);

  // ---- what the other components ask
  const PitrSettings& Of(const std::string& table) const;
  bool Enabled(const std::string& table) const { return Of(table).enabled; }
  /// The restorable window of a table with point-in-time recovery on.
  int64_t EarliestRestorableMs(const std::string& table, int64_t now) const;
  int64_t LatestRestorableMs(const std::string& table, int64_t now) const;
  /// The earliest instant anyone may still read the table's items as of:
  /// the start of its restorable window, or now.
  int64_t RetentionStartMs(const std::string& table, int64_t now) const;
  /// What Describe/UpdateContinuousBackups report: continuous backups are
  /// always on; point-in-time recovery has a window only while it is enabled.
  Model::ContinuousBackupsDescription Description(const std::string& table, int64_t now) const;

  /// The table is gone: its settings go with it.
  void ForgetTable(const std::string& table) { settings_.erase(table); }

  // ---- the whole state (Service::SaveState, LoadState; Reset)
  /// What a snapshot keeps: the settings of every table that has any, by table name.
  struct State {
    std::map<std::string, PitrSettings> tables;
  };
  State Save() const { return State{settings_}; }
  /// std::invalid_argument when a recovery period is not 1 to 35 days (UpdateContinuousBackups' range).
  static void Check(const State& s);
  void Load(State s) { settings_ = std::move(s.tables); }
  void Clear() { settings_.clear(); }

 private:
  const ServiceOptions* options_;
  Identity* identity_;
  Tables* tables_;
  Items* items_;
  std::map<std::string, PitrSettings> settings_;  ///< by table name
};

}  // namespace detail
}  // namespace dynafake
