// dynafake — Query and Scan on a table or one of its secondary indexes, once
// the request's own checks passed (read_plans.hpp) and the table was found.
// A Query's key conditions must fit the key schema it reads (the index's or
// the table's); its values must have the key's types; an ExclusiveStartKey
// must lie within the conditions. A Scan reads the whole table (or index) in
// key order, a segment of it when asked, and resumes after ExclusiveStartKey.
// Messages as the service gives them (architect/dynalite actions/query.js;
// DynamoDB Local QueryFunction).
#pragma once

#include <cstddef>   // std::size_t
#include <cstdint>   // int64_t, uint64_t
#include <deque>     // std::deque
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/data_plane/index_reads.hpp"  // FindIndex, CheckIndexRules, CheckStartKey, FillPage
#include "dynafake/detail/data_plane/keys.hpp"         // CanonicalNumber
#include "dynafake/detail/data_plane/page_reader.hpp"  // PartitionEntries, ResumeAt, PageReader, KeyMatches
#include "dynafake/detail/formats/md5.hpp"             // Md5
#include "dynafake/detail/messages.hpp"                // msg::
#include "dynafake/detail/requests/read_plans.hpp"     // ReadPlan
#include "dynafake/generated/operations.hpp"           // QueryOutcome, ScanOutcome

namespace dynafake {
namespace detail {

namespace reads {
// A key condition's values: of the key's type, not empty, within the key size limits.
inline std::string KeyConditionValues(const KeyAttribute& k, const expression::KeyPredicate& p, bool isHash,
                                      const IndexDef* index) {
  for (const auto& v : p.values) {
    if (!keys::OfType(v, k.type)) return msg::ConditionTypeMismatch();
    if (keys::Empty(v)) {
      if (index) return msg::EmptyIndexKeyValue(keys::EmptyKind(v), index->name, k.name);
      return keys::Value(k, v, isHash);
    }
    std::string e = keys::Value(k, v, isHash);
    if (!e.empty()) return e;
  }
  return {};
}

/// A number's bytes as dynalite hashes them (architect/dynalite db/index.js numToBuffer, a port
/// of the service's number encoding): an exponent byte, then two decimal digits a byte.
inline std::string NumberBytes(const std::string& canonical) {
  const bool negative = !canonical.empty() && canonical[0] == '-';
  const std::string text = negative ? canonical.substr(1) : canonical;
  const std::size_t dot = text.find('.');
  const std::string all = dot == std::string::npos ? text : text.substr(0, dot) + text.substr(dot + 1);
  const long long point = static_cast<long long>(dot == std::string::npos ? text.size() : dot);
  std::size_t first = 0;
  while (first < all.size() && all[first] == '0') ++first;
  if (first == all.size()) return std::string(1, static_cast<char>(0x80));  // zero
  std::string digits = all.substr(first);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  const long long exponent = point - static_cast<long long>(first);  // digits before the point
  const int appendZero = exponent % 2 != 0 ? 1 : 0;
  const std::size_t length = (digits.size() + static_cast<std::size_t>(appendZero) + 1) / 2;
  std::vector<int> bytes(length + 1 + (negative && length < 20 ? 1 : 0), 0);
  if (negative && length < 20) bytes.back() = 102;
  const long long half = exponent + appendZero;  // even
  bytes[0] = static_cast<int>(half / 2 - 64);
  if (negative) bytes[0] ^= -1;
  for (std::size_t m = 0; m < digits.size(); ++m) {
    const std::size_t at = m + static_cast<std::size_t>(appendZero);
    const std::size_t i = at / 2 + 1;
    const int digit = digits[m] - '0';
    if (at % 2 == 0)
      bytes[i] = digit * 10;
    else
      bytes[i] += digit;
    if (at % 2 == 1 || m + 1 == digits.size()) bytes[i] = negative ? 101 - bytes[i] : bytes[i] + 1;
  }
  std::string out;
  for (int b : bytes) out += static_cast<char>(static_cast<unsigned char>(b & 0xff));
  return out;
}

/// The segment of TotalSegments `total` a partition key falls in. Each segment is a contiguous
/// range of the hash space ("a Scan ... can logically divide a table or secondary index into
/// multiple segments", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/
/// Scan.html#Scan.ParallelScan); the hash is dynalite's (architect/dynalite db/index.js hashPrefix:
/// MD5 of "Outliers" and the key's bytes, its first 24 bits; actions/scan.js splits that space into
/// equal ranges). AWS does not document its hash: which items share a segment may differ from the
/// service's, that every partition is in exactly one segment and that segments are ranges does not.
inline int SegmentOf(const Model::AttributeValue& hashKey, int total) {
  std::string bytes = "Outliers";
  if (hashKey.GetType() == Model::ValueType::NUMBER) {
    auto c = CanonicalNumber(hashKey.GetN());
    bytes += NumberBytes(c ? *c : hashKey.GetN());
  } else if (hashKey.GetType() == Model::ValueType::BYTEBUFFER) {
    for (unsigned char c : hashKey.GetB().Bytes()) bytes += static_cast<char>(c);
  } else {
    bytes += hashKey.GetS();
  }
  const auto digest = Md5(bytes);
  const uint64_t prefix = (uint64_t{digest[0]} << 16) | (uint64_t{digest[1]} << 8) | uint64_t{digest[2]};
  return static_cast<int>(prefix * static_cast<uint64_t>(total) >> 24);
}
}  // namespace reads

inline Model::QueryOutcome RunQuery(const DataTable& t, const Model::QueryRequest& r, const ReadPlan& plan,
                                    int64_t now) {
  using Outcome = Model::QueryOutcome;
  const IndexDef* index = nullptr;
  std::string e = reads::FindIndex(t, r, index);
  if (!e.empty()) return Outcome(Invalid(e));
  const KeyAttribute& hash = index ? index->hash : t.schema.hash;
  const KeyAttribute& range = index ? index->range : t.schema.range;
  const expression::KeyPredicate* onHash = nullptr;
  const expression::KeyPredicate* onRange = nullptr;
  e = expression::MatchKeySchema(plan.keys, hash.name, range.Set() ? range.name : std::string(), onHash, onRange);
  if (e.empty()) e = reads::KeyConditionValues(hash, *onHash, true, index);
  if (e.empty() && onRange) e = reads::KeyConditionValues(range, *onRange, false, index);
  if (e.empty()) e = reads::CheckIndexRules(t, index, plan);
  if (e.empty() && plan.filter) {
    const auto names = plans::TopLevelNames(plan.filter->root);
    for (const KeyAttribute* k : {&hash, &range})
      if (e.empty() && k->Set() && names.count(k->name)) e = msg::FilterOnKey(plan.legacyFilter, k->name);
  }
  if (!e.empty()) return Outcome(Invalid(e));

  const bool forward = !r.ScanIndexForwardHasBeenSet() || r.GetScanIndexForward();
  std::vector<Item> entries =
      PartitionEntries(*t.history, now, History::kAll, t.schema, index, onHash->values[0], onRange, forward);
  std::size_t at = 0;
  if (r.ExclusiveStartKeyHasBeenSet()) {
    const Item& start = r.GetExclusiveStartKey();
    if (!(e = reads::CheckStartKey(t, index, start)).empty()) return Outcome(Invalid(e));
    if (!expression::Equal(start.at(hash.name), onHash->values[0]))
      return Outcome(Invalid(msg::StartKeyOutsideQuery()));
    if (onRange && !KeyMatches(*onRange, start.at(range.name)))
      return Outcome(Invalid(msg::StartKeyOffRangePredicate()));
    at = ResumeAt(entries, t.schema, index, start, forward);
  }
  auto next = [&]() -> const Item* { return at < entries.size() ? &entries[at++] : nullptr; };
  std::function<bool(const Item&)> keep;
  if (plan.filter) keep = [&](const Item& item) { return plan.filter->Holds(item); };
  const Page page = ReadPage(next, r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX, keep);
  Model::QueryResult out;
  // A Query of a table without a sort key reads at most one item: it cannot be resumed (DynamoDB Local).
  if (auto throttled = reads::FillPage(
          out, page, t, index, plan, r.ConsistentReadHasBeenSet() && r.GetConsistentRead(),
          r.GetReturnConsumedCapacity(), [&](const Item& entry) { return t.Find(entry, now); },
          index || t.schema.range.Set()))
    return Outcome(*throttled);
  return out;
}

inline Model::ScanOutcome RunScan(const DataTable& t, const Model::ScanRequest& r, const ReadPlan& plan, int64_t now) {
  using Outcome = Model::ScanOutcome;
  const IndexDef* index = nullptr;
  std::string e = reads::FindIndex(t, r, index);
  if (e.empty()) e = reads::CheckIndexRules(t, index, plan);
  if (!e.empty()) return Outcome(Invalid(e));
  const std::string& hashName = index ? index->hash.name : t.schema.hash.name;  // what segments split
  std::string after;
  if (r.ExclusiveStartKeyHasBeenSet()) {
    if (!(e = reads::CheckStartKey(t, index, r.GetExclusiveStartKey())).empty()) return Outcome(Invalid(e));
    // architect/dynalite actions/scan.js, whose tests ran against the service
    const auto startHash = r.GetExclusiveStartKey().find(hashName);
    if (r.SegmentHasBeenSet() && startHash != r.GetExclusiveStartKey().end() &&
        reads::SegmentOf(startHash->second, r.GetTotalSegments()) != r.GetSegment())
      return Outcome(Invalid(msg::StartKeyOfAnotherSegment(r.GetTotalSegments(), r.GetSegment())));
    after = EncodeKey(t.Key(), r.GetExclusiveStartKey());
  }
  std::function<bool(const Item&)> keep;
  if (plan.filter) keep = [&](const Item& item) { return plan.filter->Holds(item); };
  PageReader reader(r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX, keep);
  std::deque<Item> entries;  // an index's projected entries, kept alive for the page
  t.history->ForEach(now, History::kAll, after, [&](const std::string&, const Version& v) {
    const Item* item = &v.item;
    std::optional<Item> entry;
    if (index && !(entry = IndexEntry(t.schema, *index, v.item))) return true;
    if (r.SegmentHasBeenSet() &&
        reads::SegmentOf((entry ? *entry : v.item).at(hashName), r.GetTotalSegments()) != r.GetSegment())
      return true;
    if (entry) {
      entries.push_back(std::move(*entry));
      item = &entries.back();
    }
    if (reader.Full()) return false;
    reader.Read(item);
    return true;
  });
  const Page page = reader.Finish();
  Model::ScanResult out;
  if (auto throttled = reads::FillPage(
          out, page, t, index, plan, r.ConsistentReadHasBeenSet() && r.GetConsistentRead(),
          r.GetReturnConsumedCapacity(), [&](const Item& entry) { return t.Find(entry, now); }, true))
    return Outcome(*throttled);
  return out;
}

}  // namespace detail
}  // namespace dynafake
