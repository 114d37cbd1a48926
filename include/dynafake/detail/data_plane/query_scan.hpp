// dynafake — Query and Scan on a table or one of its secondary indexes, once
// the request's own checks passed (read_plans.hpp) and the table was found.
// A Query's key conditions must fit the key schema it reads (the index's or
// the table's); its values must have the key's types; an ExclusiveStartKey
// must lie within the conditions. A Scan reads the whole table (or index) in
// key order, a segment of it when asked, and resumes after ExclusiveStartKey.
// Messages as the service gives them (architect/dynalite actions/query.js;
// DynamoDB Local QueryFunction).
#pragma once

#include <cstdint>  // int64_t, uint64_t
#include <deque>    // std::deque
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/detail/data_plane/index_reads.hpp"  // FindIndex, CheckIndexRules, CheckStartKey, FillPage
#include "dynafake/detail/data_plane/page_reader.hpp"  // PartitionEntries, ResumeAt, PageReader, KeyMatches
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

inline uint64_t SegmentHash(const std::string& partitionKey) {  // FNV-1a: a stable segment for each partition
  uint64_t h = 1469598103934665603ULL;
  for (char c : partitionKey) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
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
  std::string after;
  if (r.ExclusiveStartKeyHasBeenSet()) {
    if (!(e = reads::CheckStartKey(t, index, r.GetExclusiveStartKey())).empty()) return Outcome(Invalid(e));
    after = EncodeKey(t.Key(), r.GetExclusiveStartKey());
  }
  std::function<bool(const Item&)> keep;
  if (plan.filter) keep = [&](const Item& item) { return plan.filter->Holds(item); };
  PageReader reader(r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX, keep);
  std::deque<Item> entries;  // an index's projected entries, kept alive for the page
  t.history->ForEach(now, History::kAll, after, [&](const std::string&, const Version& v) {
    if (r.SegmentHasBeenSet()) {
      const uint64_t h = reads::SegmentHash(EncodePart(v.item.at(t.schema.hash.name)));
      if (static_cast<int>(h % static_cast<uint64_t>(r.GetTotalSegments())) != r.GetSegment()) return true;
    }
    const Item* item = &v.item;
    if (index) {
      std::optional<Item> entry = IndexEntry(t.schema, *index, v.item);
      if (!entry) return true;
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
