// dynafake — Exports' definitions (see exports.hpp).
//
// The files are those the service writes ("DynamoDB table export output
// format", Developer Guide,
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html):
//   <S3Prefix>/AWSDynamoDB/<ExportId>/_started                (empty)
//   <S3Prefix>/AWSDynamoDB/<ExportId>/manifest-summary.json   (+ .checksum)
//   <S3Prefix>/AWSDynamoDB/<ExportId>/manifest-files.json     (+ .checksum)
//   <S3Prefix>/AWSDynamoDB/<ExportId>/data/<name>.json.gz
// A full export's data lines are {"Item":{...}}; an incremental export's are
// {"Metadata":{"WriteTimestampMicros":{"N":"..."}},"Keys":{...},"NewImage":{...},"OldImage":{...}}
// (the same page, "Incremental export output"). The fake writes one data
// file per export (the service writes one or more per partition).
#pragma once

#include <algorithm>  // std::min
#include <set>        // std::set
#include <stdexcept>  // std::invalid_argument

#include "dynafake/components/continuous_backups.hpp"  // ContinuousBackups
#include "dynafake/components/exports.hpp"
#include "dynafake/components/identity.hpp"           // Identity
#include "dynafake/components/tables.hpp"             // Tables
#include "dynafake/detail/data_plane/keys.hpp"        // ItemSize, KeyOf
#include "dynafake/detail/formats/dynamodb_json.hpp"  // ddbjson::WriteItem
#include "dynafake/detail/formats/gzip.hpp"           // gzip::Compress
#include "dynafake/detail/formats/md5.hpp"            // Md5Hex
#include "dynafake/detail/linkage.hpp"                // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"               // msg::
#include "dynafake/limits.hpp"                        // the documented limits

namespace dynafake {
namespace detail {

namespace export_detail {
inline std::string Iso(int64_t ms) { return DateTime(ms).ToIso8601(); }
inline void Field(std::string& out, const char* name, const std::string& value, bool comma = true) {
  if (comma) out += ',';
  ddbjson::Quote(out, name);
  out += ':';
  ddbjson::Quote(out, value);
}
inline void Number(std::string& out, const char* name, int64_t value) {
  out += ',';
  ddbjson::Quote(out, name);
  out += ':';
  out += std::to_string(value);
}
/// Two requests that would make the same export (ClientToken idempotency).
inline bool SameExport(const Model::ExportTableToPointInTimeRequest& a,
                       const Model::ExportTableToPointInTimeRequest& b) {
  auto inc = [](const Model::ExportTableToPointInTimeRequest& r) {
    const auto& s = r.GetIncrementalExportSpecification();
    return std::to_string(s.GetExportFromTime().Millis()) + "/" + std::to_string(s.GetExportToTime().Millis()) + "/" +
           (s.ExportViewTypeHasBeenSet() ? Model::ExportViewTypeMapper::GetNameForExportViewType(s.GetExportViewType())
                                         : std::string());
  };
  return a.GetTableArn() == b.GetTableArn() && a.GetS3Bucket() == b.GetS3Bucket() &&
         a.GetS3Prefix() == b.GetS3Prefix() && a.GetS3BucketOwner() == b.GetS3BucketOwner() &&
         a.ExportFormatHasBeenSet() == b.ExportFormatHasBeenSet() && a.GetExportFormat() == b.GetExportFormat() &&
         a.GetExportType() == b.GetExportType() && a.GetExportTime().Millis() == b.GetExportTime().Millis() &&
         inc(a) == inc(b);
}
}  // namespace export_detail

DYNAFAKE_IMPL void Exports::Validate(const Model::ExportTableToPointInTimeRequest& r, Validator& v) {
  const bool incremental = r.ExportTypeHasBeenSet() && r.GetExportType() == Model::ExportType::INCREMENTAL_EXPORT;
  if (incremental && !r.IncrementalExportSpecificationHasBeenSet()) v.Add(msg::IncrementalSpecificationRequired());
  if (incremental && r.ExportTimeHasBeenSet()) v.Add(msg::NoExportTimeWhenIncremental());
  if (!incremental && r.IncrementalExportSpecificationHasBeenSet())
    v.Add(msg::IncrementalSpecificationOnlyWhenIncremental());
}

DYNAFAKE_IMPL int Exports::InProgress(int64_t) const {
  // ApplyDue runs before every operation: the exports not yet written are exactly those still IN_PROGRESS
  return static_cast<int>(pending_.size());
}

DYNAFAKE_IMPL Model::ExportTableToPointInTimeOutcome Exports::ExportTableToPointInTime(
    const Model::ExportTableToPointInTimeRequest& r, int64_t now) {
  using namespace Model;
  // the same ClientToken: the same export, or a conflict
  if (r.ClientTokenHasBeenSet()) {
    auto token = byToken_.find(r.GetClientToken());
    // "the same client token ... within the 8-hour idempotency window" (API Reference, ClientToken)
    if (token != byToken_.end() && now - exports_.at(token->second).startMs <= limits::Ms(limits::kClientTokenWindow)) {
      const ExportRecord& e = exports_.at(token->second);
      if (!export_detail::SameExport(e.request, r))
        return DynamoDBError(DynamoDBErrors::EXPORT_CONFLICT, msg::ClientTokenReused("export"));
      return ExportTableToPointInTimeResult().WithExportDescription(Describe(e, now));
    }
  }
  const std::string name = identity_->TableNameOf(r.GetTableArn());
  const TableRecord* t = tables_->Find(r.GetTableArn());
  if (!t || t->status == TableStatus::DELETING)
    return DynamoDBError(DynamoDBErrors::TABLE_NOT_FOUND, msg::TableNotFound(name.empty() ? r.GetTableArn() : name));
  if (!continuous_->Enabled(name))
    return DynamoDBError(DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE, msg::PointInTimeRecoveryNotEnabled(name));
  const int64_t earliest = continuous_->EarliestRestorableMs(name, now);
  ExportRecord e;
  e.request = r;
  if (r.ExportTypeHasBeenSet() && r.GetExportType() == ExportType::INCREMENTAL_EXPORT) {
    const auto& s = r.GetIncrementalExportSpecification();
    const int64_t from = s.ExportFromTimeHasBeenSet() ? s.GetExportFromTime().Millis() : earliest;
    const int64_t to = s.ExportToTimeHasBeenSet() ? s.GetExportToTime().Millis() : now;
    if (from < earliest || to > now || from >= to)
      return DynamoDBError(DynamoDBErrors::INVALID_EXPORT_TIME,
                           msg::ExportTimeOutsideWindow(export_detail::Iso(from < earliest ? from : to),
                                                        export_detail::Iso(earliest), export_detail::Iso(now)));
    // "The export period's length must be at least 15 minutes and no longer
    // than 24 hours" (Developer Guide, "Incremental export to Amazon S3").
    if (to - from < limits::Ms(limits::kMinIncrementalExportPeriod) ||
        to - from > limits::Ms(limits::kMaxIncrementalExportPeriod))
      return DynamoDBError(DynamoDBErrors::VALIDATION, msg::IncrementalExportPeriod());
    e.fromMs = from;
    e.exportMs = to;
  } else {
    e.exportMs = r.ExportTimeHasBeenSet() ? r.GetExportTime().Millis() : now;
    if (e.exportMs < earliest || e.exportMs > now)
      return DynamoDBError(DynamoDBErrors::INVALID_EXPORT_TIME,
                           msg::ExportTimeOutsideWindow(export_detail::Iso(e.exportMs), export_detail::Iso(earliest),
                                                        export_detail::Iso(now)));
  }
  // "Up to 300 export tasks, or up to a total of 100 TB of table size, can be
  // exported concurrently" (Developer Guide, "Service, account, and table quotas").
  if (options_->limits.concurrentExports > 0 && InProgress(now) >= options_->limits.concurrentExports)
    return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::ConcurrentLimit("exports"));
  e.history = t->items.history;
  e.cutSeq = e.exportMs == now ? e.history->LastSeq() : History::kAll;
  e.history->Pin(e.fromMs ? e.fromMs : e.exportMs);
  e.pinned = true;
  e.tableArn = t->desc.GetTableArn();
  e.tableId = t->desc.GetTableId();
  e.startMs = now;
  e.endMs = now + options_->durations.exportTable.count();
  // arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/export/<14-digit ms>-<8 hex>, as
  // the manifest-summary.json example shows ("export/01234567890123-a1b2c3d4")
  char stamp[32];
  char* end = stamp + sizeof stamp;
  const char* p = Identity::WriteBackupStamp(end, now, identity_->NewBackupId());
  e.id.assign(p, static_cast<std::size_t>(end - p));
  e.arn = e.tableArn + "/export/" + e.id;
  // data/<name>.json.gz: the service names its data files with 26 lowercase
  // letters and digits; drawn from the Service's seed
  static const char* alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t bits = identity_->NextRandom();
  for (int i = 0; i < 26; ++i) {
    if (i == 12) bits = identity_->NextRandom();
    e.dataFileName += alphabet[bits % 36];
    bits /= 36;
  }
  const std::string arn = e.arn;
  pending_.emplace(e.endMs, arn);
  order_.push_back(arn);
  if (r.ClientTokenHasBeenSet()) byToken_[r.GetClientToken()] = arn;
  ExportRecord& stored = exports_.emplace(arn, std::move(e)).first->second;
  return ExportTableToPointInTimeResult().WithExportDescription(Describe(stored, now));
}

DYNAFAKE_IMPL std::string Exports::Root(const ExportRecord& e) {
  const std::string& prefix = e.request.GetS3Prefix();
  std::string root = prefix;
  if (!root.empty() && root.back() != '/') root += '/';
  return root + "AWSDynamoDB/" + e.id + "/";
}

DYNAFAKE_IMPL std::string Exports::FullData(const ExportRecord& e, int64_t& items, int64_t& bytes) const {
  std::string out;
  e.history->ForEach(e.exportMs, e.cutSeq, std::string(), [&](const std::string&, const Version& v) {
    out += "{\"Item\":";
    ddbjson::WriteItem(out, v.item);
    out += "}\n";
    ++items;
    bytes += v.sizeBytes;
    return true;
  });
  return out;
}

DYNAFAKE_IMPL std::string Exports::IncrementalData(const ExportRecord& e, int64_t& items, int64_t& bytes) const {
  const TableRecord* t = tables_->Find(identity_->TableNameOf(e.tableArn));
  const bool both =
      e.request.GetIncrementalExportSpecification().ExportViewTypeHasBeenSet() &&
      e.request.GetIncrementalExportSpecification().GetExportViewType() == Model::ExportViewType::NEW_AND_OLD_IMAGES;
  std::string out;
  e.history->ForEachKeyVersions([&](const std::string&, const std::vector<Version>& versions) {
    // the window is [ExportFromTime, ExportToTime): a write at the from instant is in it, one at the to instant
    // is not ([infer]: AWS names the bounds without saying which are inclusive)
    const Version* before = History::VersionAt(versions, e.fromMs - 1);
    const Version* after = History::VersionAt(versions, e.exportMs - 1);
    if (after == before || !after) return;  // no write in the window
    if ((!before || before->deleted) && after->deleted) return;
    const Item& any = after->deleted ? before->item : after->item;
    out += "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + std::to_string(after->atMs * 1000) + "\"}},\"Keys\":";
    ddbjson::WriteItem(out, t ? KeyOf(t->key, any) : Item());
    if (!after->deleted) {
      out += ",\"NewImage\":";
      ddbjson::WriteItem(out, after->item);
      bytes += after->sizeBytes;
    }
    if (both && before && !before->deleted) {
      out += ",\"OldImage\":";
      ddbjson::WriteItem(out, before->item);
    }
    out += "}\n";
    ++items;
  });
  return out;
}

DYNAFAKE_IMPL void Exports::Render(ExportRecord& e) {
  using export_detail::Field;
  using export_detail::Number;
  e.rendered = true;
  if (e.pinned) {
    e.history->Unpin(e.fromMs ? e.fromMs : e.exportMs);
    e.pinned = false;
  }
  ObjectStore& store = **objects_;
  const std::string& bucket = e.request.GetS3Bucket();
  if (!store.BucketExists(bucket)) {
    e.failureCode = "S3NoSuchBucket";
    e.failureMessage = msg::NoSuchBucket();
    e.history.reset();
    return;
  }
  if (e.request.ExportFormatHasBeenSet() && e.request.GetExportFormat() == Model::ExportFormat::ION) {
    // the service writes Amazon Ion text; dynafake does not, and says so rather than pretend
    e.failureCode = "UnsupportedExportFormat";
    e.failureMessage = msg::NoIonExport();
    e.history.reset();
    return;
  }
  const std::string root = Root(e);
  int64_t items = 0, bytes = 0;
  const std::string lines = e.Incremental() ? IncrementalData(e, items, bytes) : FullData(e, items, bytes);
  e.history.reset();  // the files hold what the export read; the history is free to be compacted
  e.itemCount = items;
  e.billedBytes = bytes;
  const std::string dataKey = root + "data/" + e.dataFileName + ".json.gz";
  std::string gz = gzip::Compress(lines);
  const std::vector<unsigned char> md5 = Md5Bytes(gz);
  // manifest-files.json: one JSON line per data file
  std::string files = "{";
  Number(files, "itemCount", items);
  files.erase(1, 1);  // the leading comma
  Field(files, "md5Checksum", expression::Base64(md5));
  Field(files, "etag", Md5Hex(gz));
  Field(files, "dataFileS3Key", dataKey);
  files += "}\n";
  const std::string filesKey = root + "manifest-files.json";
  // manifest-summary.json (the documented example's members, in its order)
  std::string summary = "{";
  Field(summary, "version", "2020-06-30", false);
  Field(summary, "exportArn", e.arn);
  Field(summary, "startTime", export_detail::Iso(e.startMs));
  Field(summary, "endTime", export_detail::Iso(e.endMs));
  Field(summary, "tableArn", e.tableArn);
  Field(summary, "tableId", e.tableId);
  if (e.Incremental()) {
    Field(summary, "exportFromTime", export_detail::Iso(e.fromMs));
    Field(summary, "exportToTime", export_detail::Iso(e.exportMs));
  } else {
    Field(summary, "exportTime", export_detail::Iso(e.exportMs));
  }
  Field(summary, "s3Bucket", bucket);
  summary += ",\"s3Prefix\":";
  if (e.request.S3PrefixHasBeenSet())
    ddbjson::Quote(summary, e.request.GetS3Prefix());
  else
    summary += "null";
  summary += ",\"s3SseAlgorithm\":";
  ddbjson::Quote(summary, e.request.S3SseAlgorithmHasBeenSet()
                              ? Model::S3SseAlgorithmMapper::GetNameForS3SseAlgorithm(e.request.GetS3SseAlgorithm())
                              : std::string("AES256"));
  summary += ",\"s3SseKmsKeyId\":";
  if (e.request.S3SseKmsKeyIdHasBeenSet())
    ddbjson::Quote(summary, e.request.GetS3SseKmsKeyId());
  else
    summary += "null";
  Field(summary, "manifestFilesS3Key", filesKey);
  Number(summary, "billedSizeBytes", bytes);
  Number(summary, "itemCount", items);
  Field(summary, "outputFormat", "DYNAMODB_JSON");
  if (e.Incremental()) {
    const auto& s = e.request.GetIncrementalExportSpecification();
    Field(summary, "outputView",
          s.ExportViewTypeHasBeenSet() ? Model::ExportViewTypeMapper::GetNameForExportViewType(s.GetExportViewType())
                                       : std::string("NEW_AND_OLD_IMAGES"));
    Field(summary, "exportType", "INCREMENTAL_EXPORT");
  }
  summary += "}";
  store.Put(bucket, root + "_started", std::string());
  store.Put(bucket, dataKey, std::move(gz));
  store.Put(bucket, filesKey + "", files);
  store.Put(bucket, root + "manifest-files.checksum", Md5Hex(files));
  store.Put(bucket, root + "manifest-summary.checksum", Md5Hex(summary));
  store.Put(bucket, root + "manifest-summary.json", std::move(summary));
}

DYNAFAKE_IMPL void Exports::ApplyDue(int64_t now) {
  while (HasDue(now)) {
    const std::string arn = pending_.begin()->second;
    pending_.erase(pending_.begin());
    auto it = exports_.find(arn);
    if (it != exports_.end() && !it->second.rendered) Render(it->second);
  }
}

DYNAFAKE_IMPL Model::ExportDescription Exports::Describe(const ExportRecord& e, int64_t now) const {
  using namespace Model;
  ExportDescription d;
  const bool done = e.rendered && now >= e.endMs;
  d.WithExportArn(e.arn)
      .WithExportStatus(!done                   ? ExportStatus::IN_PROGRESS
                        : e.failureCode.empty() ? ExportStatus::COMPLETED
                                                : ExportStatus::FAILED)
      .WithStartTime(DateTime(e.startMs))
      .WithTableArn(e.tableArn)
      .WithTableId(e.tableId)
      .WithS3Bucket(e.request.GetS3Bucket())
      .WithExportFormat(e.request.ExportFormatHasBeenSet() ? e.request.GetExportFormat() : ExportFormat::DYNAMODB_JSON)
      .WithExportType(e.request.ExportTypeHasBeenSet() ? e.request.GetExportType() : ExportType::FULL_EXPORT)
      .WithS3SseAlgorithm(e.request.S3SseAlgorithmHasBeenSet() ? e.request.GetS3SseAlgorithm()
                                                               : S3SseAlgorithm::AES256);
  if (!e.Incremental()) d.SetExportTime(DateTime(e.exportMs));
  if (e.Incremental()) {
    IncrementalExportSpecification s = e.request.GetIncrementalExportSpecification();
    s.SetExportFromTime(DateTime(e.fromMs));
    s.SetExportToTime(DateTime(e.exportMs));
    if (!s.ExportViewTypeHasBeenSet()) s.SetExportViewType(ExportViewType::NEW_AND_OLD_IMAGES);
    d.SetIncrementalExportSpecification(s);
  }
  if (e.request.ClientTokenHasBeenSet()) d.SetClientToken(e.request.GetClientToken());
  if (e.request.S3PrefixHasBeenSet()) d.SetS3Prefix(e.request.GetS3Prefix());
  if (e.request.S3BucketOwnerHasBeenSet()) d.SetS3BucketOwner(e.request.GetS3BucketOwner());
  if (e.request.S3SseKmsKeyIdHasBeenSet()) d.SetS3SseKmsKeyId(e.request.GetS3SseKmsKeyId());
  if (done) {
    d.SetEndTime(DateTime(e.endMs));
    if (e.failureCode.empty()) {
      d.SetExportManifest(Root(e) + "manifest-summary.json");
      d.SetItemCount(e.itemCount);
      d.SetBilledSizeBytes(e.billedBytes);
    } else {
      d.SetFailureCode(e.failureCode);
      d.SetFailureMessage(e.failureMessage);
    }
  }
  return d;
}

DYNAFAKE_IMPL Model::DescribeExportOutcome Exports::DescribeExport(const Model::DescribeExportRequest& r, int64_t now) {
  auto it = exports_.find(r.GetExportArn());
  if (it == exports_.end())
    return DynamoDBError(DynamoDBErrors::EXPORT_NOT_FOUND, msg::ExportNotFound(r.GetExportArn()));
  return Model::DescribeExportResult().WithExportDescription(Describe(it->second, now));
}

DYNAFAKE_IMPL Model::ListExportsOutcome Exports::ListExports(const Model::ListExportsRequest& r, int64_t now) {
  using namespace Model;
  const std::size_t max = r.MaxResultsHasBeenSet() ? static_cast<std::size_t>(r.GetMaxResults()) : 25;
  ListExportsResult out;
  bool started = !r.NextTokenHasBeenSet();
  std::size_t listed = 0;
  for (const std::string& arn : order_) {
    if (!started) {
      started = arn == r.GetNextToken();
      if (!started) continue;
    }
    const ExportRecord& e = exports_.at(arn);
    if (r.TableArnHasBeenSet() && e.tableArn != r.GetTableArn()) continue;
    if (listed == max) {
      out.SetNextToken(arn);
      break;
    }
    const ExportDescription d = Describe(e, now);
    out.AddExportSummaries(
        ExportSummary().WithExportArn(arn).WithExportStatus(d.GetExportStatus()).WithExportType(d.GetExportType()));
    ++listed;
  }
  if (!out.ExportSummariesHasBeenSet()) out.SetExportSummaries(std::vector<ExportSummary>());
  return out;
}

DYNAFAKE_IMPL void Exports::Check(const State& s) {
  std::set<std::string> arns;
  for (const ExportRecord& e : s.exports) {
    if (!e.rendered && !e.history) throw std::invalid_argument(msg::StateExportWithoutHistory(e.arn));
    if (!arns.insert(e.arn).second) throw std::invalid_argument(msg::StateAppearsTwice("export", e.arn));
  }
}

}  // namespace detail
}  // namespace dynafake
