// dynafake — reading an export back in a test: the data lines of a COMPLETED
// export, found the way a reader of S3 finds them (manifest-summary.json ->
// manifest-files.json -> each data/<name>.json.gz, gunzipped). Core only.
#pragma once

#include <algorithm>  // std::sort
#include <string>     // std::string
#include <vector>     // std::vector

#include "dynafake/detail/formats/gzip.hpp"   // gzip::Decompress
#include "dynafake/generated/operations.hpp"  // Model::ExportDescription
#include "dynafake/object_store.hpp"          // ObjectStore

namespace dynafake {
namespace testing {

namespace export_reading {
/// The string member `name` of a one-line JSON object ("" when absent).
inline std::string Member(const std::string& json, const std::string& name) {
  const std::string tag = "\"" + name + "\":\"";
  const auto at = json.find(tag);
  if (at == std::string::npos) return {};
  const auto end = json.find('"', at + tag.size());
  return end == std::string::npos ? std::string() : json.substr(at + tag.size(), end - at - tag.size());
}
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find('\n', at);
    out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}
}  // namespace export_reading

/// Every data line of export `d` (COMPLETED) in `store`, sorted; empty when a file is missing or unreadable.
inline std::vector<std::string> ExportedLines(const ObjectStore& store, const Model::ExportDescription& d) {
  using namespace export_reading;
  std::vector<std::string> lines;
  const auto summary = store.Get(d.GetS3Bucket(), d.GetExportManifest());
  if (!summary) return lines;
  const auto files = store.Get(d.GetS3Bucket(), Member(*summary, "manifestFilesS3Key"));
  if (!files) return lines;
  for (const std::string& entry : Lines(*files)) {
    const auto data = store.Get(d.GetS3Bucket(), Member(entry, "dataFileS3Key"));
    if (!data) return {};
    const detail::gzip::Result text = detail::gzip::Decompress(*data);
    if (!text.Ok()) return {};
    for (std::string& l : Lines(text.data)) lines.push_back(std::move(l));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

/// The keys (under the bucket) of export `d`'s files: <S3Prefix>/AWSDynamoDB/<ExportId>/...
inline std::vector<std::string> ExportedKeys(const ObjectStore& store, const Model::ExportDescription& d) {
  const std::string& arn = d.GetExportArn();
  std::string root = d.GetS3Prefix();
  if (!root.empty() && root.back() != '/') root += '/';
  return store.List(d.GetS3Bucket(), root + "AWSDynamoDB/" + arn.substr(arn.rfind('/') + 1) + "/");
}

}  // namespace testing
}  // namespace dynafake
