// dynafake — Exports: ExportTableToPointInTime, DescribeExport, ListExports.
// An export is a point-in-time read of the item history point-in-time
// recovery keeps: creating one records (history, cut) and costs the same for
// any table; its files are written into the Service's ObjectStore when the
// clock makes it COMPLETED (ServiceOptions::durations.exportTable).
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <map>      // std::map, std::multimap
#include <memory>   // std::shared_ptr
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/detail/storage/history.hpp"       // History
#include "dynafake/detail/validation/validator.hpp"  // Validator
#include "dynafake/generated/operations.hpp"         // XRequest, XOutcome
#include "dynafake/object_store.hpp"                 // ObjectStore
#include "dynafake/options.hpp"                      // ServiceOptions

namespace dynafake {
namespace detail {

class Identity;
class Tables;
class ContinuousBackups;

struct ExportRecord {
  std::string arn, id;
  std::string tableArn, tableId;
  Model::ExportTableToPointInTimeRequest request;
  std::shared_ptr<History> history;
  int64_t exportMs = 0;  ///< the instant exported (full) or ExportToTime (incremental)
  uint64_t cutSeq = History::kAll;
  int64_t fromMs = 0;  ///< ExportFromTime (incremental)
  int64_t startMs = 0, endMs = 0;
  std::string dataFileName;  ///< data/<name>.json.gz
  bool rendered = false;     ///< files written (or failure decided)
  bool pinned = false;
  int64_t itemCount = 0, billedBytes = 0;
  std::string failureCode, failureMessage;
  bool Incremental() const {
    return request.ExportTypeHasBeenSet() && request.GetExportType() == Model::ExportType::INCREMENTAL_EXPORT;
  }
};

class Exports {
 public:
  Exports(const ServiceOptions& options, Identity& identity, Tables& tables, ContinuousBackups& continuous,
          std::shared_ptr<ObjectStore>& objects)
      : options_(&options), identity_(&identity), tables_(&tables), continuous_(&continuous), objects_(&objects) {}

  Model::ExportTableToPointInTimeOutcome ExportTableToPointInTime(const Model::ExportTableToPointInTimeRequest& r,
                                                                  int64_t now);
  Model::DescribeExportOutcome DescribeExport(const Model::DescribeExportRequest& r, int64_t now);
  Model::ListExportsOutcome ListExports(const Model::ListExportsRequest& r, int64_t now);
  /// The rules on the request alone: an incremental export names its window, a full one does not.
  static void Validate(const Model::ExportTableToPointInTimeRequest& r, Validator& v);

  /// Writes the files of every export that has fallen due at `now`, in due order.
  void ApplyDue(int64_t now);
  bool HasDue(int64_t now) const { return !pending_.empty() && pending_.begin()->first <= now; }
  const std::map<std::string, ExportRecord>& All() const { return exports_; }
  void Clear() {
    exports_.clear();
    pending_.clear();
    order_.clear();
    byToken_.clear();
  }

  /// What a snapshot keeps: the records in creation order (the files are the ObjectStore's).
  /// An export already written keeps no history.
  struct State {
    std::vector<ExportRecord> exports;
  };
  State Save() const {
    State s;
    for (const auto& arn : order_) {
      ExportRecord e = exports_.at(arn);
      e.pinned = false;
      if (e.rendered) e.history = nullptr;
      s.exports.push_back(std::move(e));
    }
    return s;
  }
  /// std::invalid_argument when an ARN appears twice or an export not yet written has no history to write.
  static void Check(const State& s);
  /// Replaces every record: exports not yet written pin their cut again.
  void Load(State s) {
    for (auto& kv : exports_)
      if (kv.second.pinned && kv.second.history)
        kv.second.history->Unpin(kv.second.fromMs ? kv.second.fromMs : kv.second.exportMs);
    Clear();
    for (ExportRecord& e : s.exports) {
      const std::string arn = e.arn;
      e.pinned = false;
      if (!e.rendered) {
        e.pinned = e.history != nullptr;
        if (e.history) e.history->Pin(e.fromMs ? e.fromMs : e.exportMs);
        pending_.emplace(e.endMs, arn);
      }
      if (e.request.ClientTokenHasBeenSet()) byToken_[e.request.GetClientToken()] = arn;
      order_.push_back(arn);
      exports_[arn] = std::move(e);
    }
  }

  /// The keys an export writes under its bucket.
  static std::string Root(const ExportRecord& e);
  Model::ExportDescription Describe(const ExportRecord& e, int64_t now) const;

 private:
  void Render(ExportRecord& e);
  std::string FullData(const ExportRecord& e, int64_t& items, int64_t& bytes) const;
  std::string IncrementalData(const ExportRecord& e, int64_t& items, int64_t& bytes) const;
  int InProgress(int64_t now) const;

  const ServiceOptions* options_;
  Identity* identity_;
  Tables* tables_;
  ContinuousBackups* continuous_;
  std::shared_ptr<ObjectStore>* objects_;
  std::map<std::string, ExportRecord> exports_;  ///< by ARN
  std::vector<std::string> order_;               ///< ARNs in creation order (ListExports)
  std::multimap<int64_t, std::string> pending_;  ///< exports whose files are not written yet, by end time
  std::map<std::string, std::string> byToken_;   ///< the last export of each ClientToken
};

}  // namespace detail
}  // namespace dynafake
