// dynafake — Imports' definitions (see imports.hpp). The input formats are
// the Developer Guide's ("Amazon S3 import formats for DynamoDB"): one item
// per line, {"Item":{...}} in DynamoDB JSON (an export's data files import
// as they are), or CSV whose first line (or CsvOptions.HeaderList) names the
// attributes, every value a String.
#pragma once

#include <cstdio>     // std::snprintf
#include <cstdlib>    // std::strtoull
#include <set>        // std::set
#include <stdexcept>  // std::invalid_argument

#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/imports.hpp"
#include "dynafake/components/quotas.hpp"             // Quotas
#include "dynafake/components/tables.hpp"             // Tables
#include "dynafake/detail/data_plane/keys.hpp"        // CheckKey, EncodeKey, ItemSize
#include "dynafake/detail/formats/dynamodb_json.hpp"  // ddbjson::Parser
#include "dynafake/detail/formats/gzip.hpp"           // gzip::Decompress
#include "dynafake/detail/linkage.hpp"                // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"               // msg::
#include "dynafake/limits.hpp"                        // the documented limits

namespace dynafake {
namespace detail {

namespace import_detail {
inline Model::CreateTableRequest AsCreateTable(const Model::TableCreationParameters& p) {
  Model::CreateTableRequest c;
  c.SetTableName(p.GetTableName());
  c.SetAttributeDefinitions(p.GetAttributeDefinitions());
  c.SetKeySchema(p.GetKeySchema());
  if (p.BillingModeHasBeenSet()) c.SetBillingMode(p.GetBillingMode());
  if (p.ProvisionedThroughputHasBeenSet()) c.SetProvisionedThroughput(p.GetProvisionedThroughput());
  if (p.GlobalSecondaryIndexesHasBeenSet()) c.SetGlobalSecondaryIndexes(p.GetGlobalSecondaryIndexes());
  return c;
}
/// Splits one CSV line (RFC 4180 quoting) at `delimiter`; false when a quote is left open.
inline bool SplitCsv(const std::string& line, char delimiter, std::vector<std::string>& out) {
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      out.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  out.push_back(cell);
  return !quoted;
}
}  // namespace import_detail

DYNAFAKE_IMPL void Imports::Validate(const Model::ImportTableRequest& r, Validator& v) {
  Tables::Validate(import_detail::AsCreateTable(r.GetTableCreationParameters()), v);
}

DYNAFAKE_IMPL void Imports::Read(ImportRecord& e, const KeyDef& key, std::map<std::string, Item>& items) const {
  using namespace Model;
  const ObjectStore& store = **objects_;
  const auto& source = e.request.GetS3BucketSource();
  if (!store.BucketExists(source.GetS3Bucket())) {
    e.failureCode = "S3NoSuchBucket";
    e.failureMessage = msg::NoSuchBucket();
    return;
  }
  const InputCompressionType compression =
      e.request.InputCompressionTypeHasBeenSet() ? e.request.GetInputCompressionType() : InputCompressionType::NONE;
  if (compression == InputCompressionType::ZSTD) {
    // the service reads ZSTD ("Amazon S3 import formats": GZIP, ZSTD or none); dynafake cannot, and says so
    e.failureCode = "UnsupportedCompression";
    e.failureMessage = msg::NoZstdImport();
    return;
  }
  if (e.request.GetInputFormat() == InputFormat::ION) {
    e.failureCode = "UnsupportedInputFormat";
    e.failureMessage = msg::NoIonImport();
    return;
  }
  const bool csv = e.request.GetInputFormat() == InputFormat::CSV;
  const auto& csvOptions = e.request.GetInputFormatOptions().GetCsv();
  const char delimiter =
      csvOptions.DelimiterHasBeenSet() && !csvOptions.GetDelimiter().empty() ? csvOptions.GetDelimiter()[0] : ',';
  auto take = [&](Item item) {
    ++e.processedItems;
    if (!CheckKey(key, item, false).empty() || ItemSize(item) > limits::kMaxItemBytes) {
      ++e.errors;
      return;
    }
    const std::string k = EncodeKey(key, item);
    items[k] = std::move(item);
  };
  for (const std::string& objectKey : store.List(source.GetS3Bucket(), source.GetS3KeyPrefix())) {
    auto bytes = store.Get(source.GetS3Bucket(), objectKey);
    if (!bytes) continue;
    e.processedBytes += static_cast<int64_t>(bytes->size());
    std::string text;
    if (compression == InputCompressionType::GZIP) {
      gzip::Result g = gzip::Decompress(*bytes);
      if (!g.Ok()) {  // an object that is not gzip: one error, the import goes on
        ++e.errors;
        continue;
      }
      text = std::move(g.data);
    } else {
      text = std::move(*bytes);
    }
    std::vector<std::string> header;
    if (csv && csvOptions.HeaderListHasBeenSet()) header = csvOptions.GetHeaderList();
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(at, end - at);
      at = end + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      if (csv) {
        std::vector<std::string> cells;
        const bool closed = import_detail::SplitCsv(line, delimiter, cells);
        if (header.empty()) {
          header = cells;
          continue;
        }
        if (!closed || cells.size() != header.size()) {
          ++e.processedItems;
          ++e.errors;
          continue;
        }
        Item item;
        for (std::size_t i = 0; i < cells.size(); ++i)
          if (!cells[i].empty()) item[header[i]] = AttributeValue(cells[i]);
        take(std::move(item));
        continue;
      }
      ddbjson::Json j;
      ddbjson::Parser parser(line);
      Item item;
      const ddbjson::Json* inner = nullptr;
      if (!parser.ParseDocument(j) || j.kind != ddbjson::Json::Object || j.members.size() != 1 ||
          !(inner = j.Find("Item")) || !ddbjson::ToItem(*inner, item).empty()) {
        ++e.processedItems;
        ++e.errors;
        continue;
      }
      take(std::move(item));
    }
  }
}

DYNAFAKE_IMPL Model::ImportTableOutcome Imports::ImportTable(const Model::ImportTableRequest& r, int64_t now) {
  using namespace Model;
  if (r.ClientTokenHasBeenSet())
    for (const auto& kv : imports_) {
      const ImportRecord& e = kv.second;
      if (!e.request.ClientTokenHasBeenSet() || e.request.GetClientToken() != r.GetClientToken()) continue;
      if (now - e.startMs > limits::Ms(limits::kClientTokenWindow)) continue;
      const auto& a = e.request.GetS3BucketSource();
      const auto& b = r.GetS3BucketSource();
      if (a.GetS3Bucket() != b.GetS3Bucket() || a.GetS3KeyPrefix() != b.GetS3KeyPrefix() ||
          e.request.GetInputFormat() != r.GetInputFormat() ||
          e.request.GetTableCreationParameters().GetTableName() != r.GetTableCreationParameters().GetTableName())
        return DynamoDBError(DynamoDBErrors::IMPORT_CONFLICT, msg::ClientTokenReused("import"));
      return ImportTableResult().WithImportTableDescription(Describe(e, now));
    }
  const TableCreationParameters& p = r.GetTableCreationParameters();
  if (tables_->Find(p.GetTableName()))
    return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::TableAlreadyExists(p.GetTableName()));
  // "Up to 50 concurrent import jobs" (Developer Guide, "Service, account, and table quotas": import quotas)
  if (options_->limits.concurrentImports > 0) {
    int running = 0;
    for (const auto& kv : imports_) running += kv.second.endMs > now ? 1 : 0;
    if (running >= options_->limits.concurrentImports)
      return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::ConcurrentLimit("imports"));
  }
  if (auto e = quotas_->CheckTablesInTransition(tables_->InTransition())) return *e;
  if (auto e = quotas_->CheckTableCount(tables_->Count())) return *e;
  TableRecord t = tables_->NewRecord(p.GetTableName(), p.GetKeySchema(), p.GetAttributeDefinitions(), now);
  TableDescription& d = t.desc;
  const BillingMode mode = p.BillingModeHasBeenSet() ? p.GetBillingMode() : BillingMode::PROVISIONED;
  const ProvisionedThroughput zero = ProvisionedThroughput().WithReadCapacityUnits(0).WithWriteCapacityUnits(0);
  d.SetProvisionedThroughput(Tables::ThroughputDescription(
      mode == BillingMode::PAY_PER_REQUEST || !p.ProvisionedThroughputHasBeenSet() ? zero
                                                                                   : p.GetProvisionedThroughput()));
  d.SetBillingModeSummary(
      BillingModeSummary().WithBillingMode(mode).WithLastUpdateToPayPerRequestDateTime(DateTime(now)));
  for (const auto& g : p.GetGlobalSecondaryIndexes())
    t.gsis.push_back(GlobalSecondaryIndexDescription()
                         .WithIndexName(g.GetIndexName())
                         .WithKeySchema(g.GetKeySchema())
                         .WithProjection(g.GetProjection())
                         .WithIndexStatus(IndexStatus::CREATING)
                         .WithIndexArn(d.GetTableArn() + "/index/" + g.GetIndexName())
                         .WithProvisionedThroughput(Tables::ThroughputDescription(
                             mode == BillingMode::PAY_PER_REQUEST ? zero : g.GetProvisionedThroughput())));
  d.SetDeletionProtectionEnabled(false);
  t.status = TableStatus::CREATING;
  ImportRecord e;
  e.request = r;
  e.tableName = p.GetTableName();
  e.tableArn = d.GetTableArn();
  e.tableId = d.GetTableId();
  e.startMs = now;
  e.endMs = now + options_->durations.importTable.count();
  // arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/import/<14-digit ms>-<8 hex> (ImportArn, API Reference examples)
  char stamp[32];
  char* end = stamp + sizeof stamp;
  const char* s = Identity::WriteBackupStamp(end, now, identity_->NewBackupId());
  e.arn = e.tableArn + "/import/" + std::string(s, static_cast<std::size_t>(end - s));
  std::map<std::string, Item> items;
  Read(e, t.key, items);
  if (e.failureCode.empty()) {
    History& into = *t.items.history;
    for (auto& kv : items) {
      const int64_t size = ItemSize(kv.second);
      into.Write(kv.first, now, false, std::move(kv.second), size);
      ++e.importedItems;
    }
  }
  // a failed import leaves no table ([infer]: the service creates the table for the import only); its record
  // stays for DescribeImport
  if (e.failureCode.empty()) tables_->Add(std::move(t), e.endMs);
  const std::string arn = e.arn;
  order_.push_back(arn);
  const ImportRecord& stored = imports_.emplace(arn, std::move(e)).first->second;
  return ImportTableResult().WithImportTableDescription(Describe(stored, now));
}

DYNAFAKE_IMPL Model::ImportTableDescription Imports::Describe(const ImportRecord& e, int64_t now) const {
  using namespace Model;
  ImportTableDescription d;
  const bool done = now >= e.endMs;
  d.WithImportArn(e.arn)
      .WithImportStatus(!done                   ? ImportStatus::IN_PROGRESS
                        : e.failureCode.empty() ? ImportStatus::COMPLETED
                                                : ImportStatus::FAILED)
      .WithTableArn(e.tableArn)
      .WithTableId(e.tableId)
      .WithS3BucketSource(e.request.GetS3BucketSource())
      .WithInputFormat(e.request.GetInputFormat())
      .WithInputCompressionType(e.request.InputCompressionTypeHasBeenSet() ? e.request.GetInputCompressionType()
                                                                           : InputCompressionType::NONE)
      .WithTableCreationParameters(e.request.GetTableCreationParameters())
      .WithStartTime(DateTime(e.startMs))
      // the log group the service writes an import's errors to: /aws-dynamodb/imports
      // (Developer Guide, "Validation errors": "logs ... to Amazon CloudWatch Logs")
      .WithCloudWatchLogGroupArn("arn:" + identity_->Partition() + ":logs:" + options_->region + ":" +
                                 identity_->AccountId() + ":log-group:/aws-dynamodb/imports:*");
  if (e.request.ClientTokenHasBeenSet()) d.SetClientToken(e.request.GetClientToken());
  if (e.request.InputFormatOptionsHasBeenSet()) d.SetInputFormatOptions(e.request.GetInputFormatOptions());
  if (done) {
    d.SetEndTime(DateTime(e.endMs));
    d.SetProcessedSizeBytes(e.processedBytes);
    d.SetProcessedItemCount(e.processedItems);
    d.SetImportedItemCount(e.importedItems);
    d.SetErrorCount(e.errors);
    if (!e.failureCode.empty()) {
      d.SetFailureCode(e.failureCode);
      d.SetFailureMessage(e.failureMessage);
    }
  }
  return d;
}

DYNAFAKE_IMPL Model::DescribeImportOutcome Imports::DescribeImport(const Model::DescribeImportRequest& r, int64_t now) {
  auto it = imports_.find(r.GetImportArn());
  if (it == imports_.end())
    return DynamoDBError(DynamoDBErrors::IMPORT_NOT_FOUND, msg::ImportNotFound(r.GetImportArn()));
  return Model::DescribeImportResult().WithImportTableDescription(Describe(it->second, now));
}

DYNAFAKE_IMPL Model::ListImportsOutcome Imports::ListImports(const Model::ListImportsRequest& r, int64_t now) {
  using namespace Model;
  const std::size_t max = r.PageSizeHasBeenSet() ? static_cast<std::size_t>(r.GetPageSize()) : 25;
  ListImportsResult out;
  // the token: the next import's position, as hex in 16-digit groups (the model's ([0-9a-f]{16})+, 112+ characters)
  std::size_t start = 0;
  if (r.NextTokenHasBeenSet()) {
    const std::string& tok = r.GetNextToken();
    start = static_cast<std::size_t>(std::strtoull(tok.substr(tok.size() - 16).c_str(), nullptr, 16));
  }
  std::size_t listed = 0;
  for (std::size_t i = start; i < order_.size(); ++i) {
    const ImportRecord& e = imports_.at(order_[i]);
    if (r.TableArnHasBeenSet() && e.tableArn != r.GetTableArn()) continue;
    if (listed == max) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(i));
      out.SetNextToken(std::string(96, '0') + hex);
      break;
    }
    const ImportTableDescription d = Describe(e, now);
    ImportSummary s;
    s.WithImportArn(e.arn)
        .WithImportStatus(d.GetImportStatus())
        .WithTableArn(e.tableArn)
        .WithS3BucketSource(d.GetS3BucketSource())
        .WithCloudWatchLogGroupArn(d.GetCloudWatchLogGroupArn())
        .WithInputFormat(d.GetInputFormat())
        .WithStartTime(d.GetStartTime());
    if (d.EndTimeHasBeenSet()) s.SetEndTime(d.GetEndTime());
    out.AddImportSummaryList(s);
    ++listed;
  }
  if (!out.ImportSummaryListHasBeenSet()) out.SetImportSummaryList(std::vector<ImportSummary>());
  return out;
}

DYNAFAKE_IMPL void Imports::Check(const State& s) {
  std::set<std::string> arns;
  for (const ImportRecord& e : s.imports)
    if (!arns.insert(e.arn).second) throw std::invalid_argument(msg::StateAppearsTwice("import", e.arn));
}

}  // namespace detail
}  // namespace dynafake
