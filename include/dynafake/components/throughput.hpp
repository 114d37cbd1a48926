// dynafake — Throughput: read and write capacity enforced on the clock. Every
// read and write of the data plane is charged here, exactly the units its
// ConsumedCapacity reports, to the buckets of the table (which its local
// secondary indexes share) and of each global secondary index it touched
// (detail/storage/token_bucket.hpp). A provisioned table's buckets fill at its
// ReadCapacityUnits / WriteCapacityUnits (an index's at its own); an
// on-demand table's at its partition's limit, the table quota or its
// OnDemandThroughput maximum, whichever is lowest. A charge that does not
// fit is refused whole: nothing consumed (ServiceOptions::throughput).
#pragma once

#include <cstdint>   // int64_t
#include <optional>  // std::optional
#include <string>    // std::string

#include "dynafake/components/tables.hpp"           // Tables, TableRecord
#include "dynafake/detail/data_plane/capacity.hpp"  // Consumed
#include "dynafake/model/errors.hpp"                // DynamoDBError
#include "dynafake/options.hpp"                     // ServiceOptions

namespace dynafake {
namespace detail {

class Throughput {
 public:
  Throughput(const ServiceOptions& options, Tables& tables) : options_(&options), tables_(&tables) {}

  /// Whether calls are charged now: enforcement is on and the call is not an
  /// inspection (Service::Inspect reads without being a call).
  bool Enforcing() const { return options_->throughput.enforce && !inspecting_; }
  void SetInspecting(bool inspecting) { inspecting_ = inspecting; }

  /// Charges `units` (a read, or a write when `write`) to `t` at `now`:
  /// nullopt when every bucket it touches has room, and then they are
  /// consumed; else the service's throttling error, and nothing is consumed.
  /// What transactions charge (twice the units of the same reads and writes)
  /// goes through here too.
  std::optional<DynamoDBError> Charge(TableRecord& t, const Consumed& units, bool write, int64_t now);
  /// The same for a table by name (or ARN); a table that is not there is not charged.
  std::optional<DynamoDBError> Charge(const std::string& table, const Consumed& units, bool write, int64_t now);

 private:
  const ServiceOptions* options_;
  Tables* tables_;
  bool inspecting_ = false;
};

}  // namespace detail
}  // namespace dynafake
