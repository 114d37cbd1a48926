// dynafake — Imports: ImportTable, DescribeImport, ListImports. An import
// reads DYNAMODB_JSON lines (uncompressed or GZIP) or CSV from the Service's
// ObjectStore into a new table, which is CREATING until the import ends
// (ServiceOptions::durations.importTable). Lines that are not items of the
// new table's key schema are counted (ErrorCount) and skipped, as the service
// does, logging them to CloudWatch.
#pragma once

#include <cstdint>  // int64_t
#include <map>      // std::map
#include <memory>   // std::shared_ptr
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/detail/data_plane/keys.hpp"       // KeyDef
#include "dynafake/detail/storage/history.hpp"       // Item
#include "dynafake/detail/validation/validator.hpp"  // Validator
#include "dynafake/generated/operations.hpp"         // XRequest, XOutcome
#include "dynafake/object_store.hpp"                 // ObjectStore
#include "dynafake/options.hpp"                      // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Quotas;
class Tables;

struct ImportRecord {
  std::string arn;
  std::string tableArn, tableId, tableName;
  Model::ImportTableRequest request;
  int64_t startMs = 0, endMs = 0;
  int64_t processedBytes = 0, processedItems = 0, importedItems = 0, errors = 0;
  std::string failureCode, failureMessage;
};

class Imports {
 public:
  Imports(const ServiceOptions& options, Identity& identity, Quotas& quotas, Tables& tables,
          std::shared_ptr<ObjectStore>& objects)
      : options_(&options), identity_(&identity), quotas_(&quotas), tables_(&tables), objects_(&objects) {}

  Model::ImportTableOutcome ImportTable(const Model::ImportTableRequest& r, int64_t now);
  Model::DescribeImportOutcome DescribeImport(const Model::DescribeImportRequest& r, int64_t now);
  Model::ListImportsOutcome ListImports(const Model::ListImportsRequest& r, int64_t now);
  /// The new table's settings, checked as CreateTable checks them.
  static void Validate(const Model::ImportTableRequest& r, Validator& v);

  const std::map<std::string, ImportRecord>& All() const { return imports_; }
  void Clear() {
    imports_.clear();
    order_.clear();
  }
  Model::ImportTableDescription Describe(const ImportRecord& e, int64_t now) const;
  /// What a snapshot keeps: the records in creation order.
  struct State {
    std::vector<ImportRecord> imports;
  };
  State Save() const {
    State s;
    for (const auto& arn : order_) s.imports.push_back(imports_.at(arn));
    return s;
  }
  /// std::invalid_argument when an ARN appears twice.
  static void Check(const State& s);
  void Load(State s) {
    Clear();
    for (ImportRecord& e : s.imports) {
      order_.push_back(e.arn);
      const std::string arn = e.arn;
      imports_[arn] = std::move(e);
    }
  }

 private:
  /// Reads every object under the source prefix into `items`; counts what it could not read.
  void Read(ImportRecord& e, const KeyDef& key, std::map<std::string, Item>& items) const;

  const ServiceOptions* options_;
  Identity* identity_;
  Quotas* quotas_;
  Tables* tables_;
  std::shared_ptr<ObjectStore>* objects_;
  std::map<std::string, ImportRecord> imports_;  ///< by ARN
  std::vector<std::string> order_;               ///< ARNs in creation order (ListImports)
};

}  // namespace detail
}  // namespace dynafake
