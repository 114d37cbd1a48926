// dynafake — Restores: new tables made from a backup (RestoreTableFromBackup)
// or from a table's item history as of an instant (RestoreTableToPointInTime),
// with the overrides a restore accepts (indexes, billing, capacity, encryption).
#pragma once

#include <cstdint>   // int64_t, uint64_t
#include <memory>    // std::shared_ptr
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/components/tables.hpp"            // TableRecord
#include "dynafake/detail/storage/history.hpp"       // History
#include "dynafake/detail/validation/validator.hpp"  // Validator
#include "dynafake/generated/operations.hpp"         // XRequest, XOutcome
#include "dynafake/options.hpp"                      // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Quotas;
class Backups;
class ContinuousBackups;

/// What a restore builds the new table from: the backup's record or the source's current settings.
struct RestoreSettings {
  std::vector<Model::KeySchemaElement> keySchema;
  std::vector<Model::AttributeDefinition> attributeDefinitions;
  Model::BillingMode billingMode = Model::BillingMode::PROVISIONED;
  Model::ProvisionedThroughput throughput;
  std::vector<Model::GlobalSecondaryIndexInfo> gsis;
  std::vector<Model::LocalSecondaryIndexInfo> lsis;
  std::optional<Model::SSEDescription> sse;
};

class Restores {
 public:
  Restores(const ServiceOptions& options, Identity& identity, Quotas& quotas, Tables& tables, Backups& backups,
           ContinuousBackups& continuous)
      : options_(&options),
        identity_(&identity),
        quotas_(&quotas),
        tables_(&tables),
        backups_(&backups),
        continuous_(&continuous) {}

  Model::RestoreTableFromBackupOutcome RestoreTableFromBackup(const Model::RestoreTableFromBackupRequest& r,
                                                              int64_t now);
  Model::RestoreTableToPointInTimeOutcome RestoreTableToPointInTime(const Model::RestoreTableToPointInTimeRequest& r,
                                                                    int64_t now);
  /// RestoreTableToPointInTime's rules beyond the model's: one source, one instant.
  static void Validate(const Model::RestoreTableToPointInTimeRequest& r, Validator& v);
  /// RestoreTableFromBackup's rule that needs no backup (made before the backup is looked up).
  static void Validate(const Model::RestoreTableFromBackupRequest& r, Validator& v);

 private:
  /// TableInUse or TableAlreadyExists when the target name is taken.
  std::optional<DynamoDBError> TargetTaken(const std::string& target) const;
  /// The limits a new restore must stay within.
  std::optional<DynamoDBError> OverLimit() const;
  template <class Request>
  std::string CheckOverrides(const Request& r, const RestoreSettings& s) const;
  template <class Request>
  RestoreSettings ApplyOverrides(const Request& r, RestoreSettings s) const;
  /// Creates the target table, CREATING until the restore ends, filled with `from`'s items as of the cut.
  Model::TableDescription RestoreInto(const std::string& target, const RestoreSettings& s,
                                      const std::shared_ptr<History>& from, int64_t cutMs, uint64_t cutSeq,
                                      const Model::RestoreSummary& summary, const std::string& sourceBackup,
                                      int64_t now);

  const ServiceOptions* options_;
  Identity* identity_;
  Quotas* quotas_;
  Tables* tables_;
  Backups* backups_;
  ContinuousBackups* continuous_;
};

}  // namespace detail
}  // namespace dynafake
