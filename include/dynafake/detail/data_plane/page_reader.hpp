// dynafake — reading a page of a Query or a Scan. The service reads items in
// order until it has read `Limit` of them or 1 MB, applies the filter to what
// it read (Count and ScannedCount differ by what the filter dropped), and
// reports the key of the last item it read as LastEvaluatedKey whenever it
// stopped for the limit or the size, even when nothing follows (the next page
// is then empty). Capacity is charged for every item read.
//
// A Query reads one partition of the table or of an index: the items (or index
// entries) whose partition key equals the condition's value and whose sort key
// satisfies the condition's predicate, in sort key order, reversed when
// ScanIndexForward is false.
#pragma once

#include <algorithm>   // std::sort, std::reverse
#include <cstddef>     // std::size_t
#include <cstdint>     // int64_t, uint64_t, SIZE_MAX
#include <functional>  // std::function
#include <optional>    // std::optional
#include <string>      // std::string
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/detail/data_plane/keys.hpp"          // EncodePart
#include "dynafake/detail/data_plane/table_schema.hpp"  // TableSchema, IndexEntry, CompareInPartition
#include "dynafake/detail/requests/item_checks.hpp"     // ItemBytes
#include "dynafake/detail/storage/history.hpp"          // History, Item
#include "dynafake/expression/key_condition.hpp"        // KeyPredicate, KeyOp
#include "dynafake/expression/value_ops.hpp"            // Equal, CompareOrdered, BeginsWith
#include "dynafake/limits.hpp"                          // the documented limits

namespace dynafake {
namespace detail {

constexpr int64_t kPageBytes = limits::kMaxPageBytes;

/// Whether a key value satisfies a predicate on it (values of the key's type).
inline bool KeyMatches(const expression::KeyPredicate& p, const Model::AttributeValue& v) {
  using expression::KeyOp;
  if (expression::TypeOf(v) != expression::TypeOf(p.values[0])) return false;
  const int c = expression::CompareOrdered(v, p.values[0]);
  switch (p.op) {
    case KeyOp::Eq:
      return c == 0;
    case KeyOp::Lt:
      return c < 0;
    case KeyOp::Le:
      return c <= 0;
    case KeyOp::Gt:
      return c > 0;
    case KeyOp::Ge:
      return c >= 0;
    case KeyOp::Between:
      return c >= 0 && expression::CompareOrdered(v, p.values[1]) <= 0;
    case KeyOp::BeginsWith:
      return expression::BeginsWith(v, p.values[0]);
  }
  return false;
}

/// The entries of one partition as of (`atMs`, `seq`), in the order a Query
/// reads them. `hash` is the partition key value; `range` the predicate on
/// the sort key, if any.
inline std::vector<Item> PartitionEntries(const History& history, int64_t atMs, uint64_t seq, const TableSchema& schema,
                                          const IndexDef* index, const Model::AttributeValue& hash,
                                          const expression::KeyPredicate* range, bool forward) {
  const KeyAttribute& hashKey = index ? index->hash : schema.hash;
  const KeyAttribute& rangeKey = index ? index->range : schema.range;
  std::vector<Item> out;
  auto take = [&](const Item& item) {
    auto h = item.find(hashKey.name);
    if (h == item.end() || !expression::Equal(h->second, hash)) return;
    if (index) {
      std::optional<Item> entry = IndexEntry(schema, *index, item);
      if (!entry) return;
      if (range && !KeyMatches(*range, entry->at(rangeKey.name))) return;
      out.push_back(std::move(*entry));
      return;
    }
    if (range && !KeyMatches(*range, item.at(rangeKey.name))) return;
    out.push_back(item);
  };
  auto visit = [&](const std::string&, const Version& v) {
    take(v.item);
    return true;
  };
  if (index) {
    history.ForEach(atMs, seq, std::string(), visit);  // an index reads the whole table
  } else if (!schema.range.Set()) {
    const Version* v = history.At(EncodePart(hash), atMs, seq);
    if (v && !v->deleted) take(v->item);
  } else {
    history.ForEachWithPrefix(atMs, seq, EncodePart(hash) + '\x1f', visit);
  }
  std::sort(out.begin(), out.end(),
            [&](const Item& a, const Item& b) { return CompareInPartition(schema, index, a, b) < 0; });
  if (!forward) std::reverse(out.begin(), out.end());
  return out;
}

/// Where a Query resumes: the first entry after `start` in reading order.
inline std::size_t ResumeAt(const std::vector<Item>& entries, const TableSchema& schema, const IndexDef* index,
                            const Item& start, bool forward) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const int c = CompareInPartition(schema, index, entries[i], start);
    if (forward ? c > 0 : c < 0) return i;
  }
  return entries.size();
}

struct Page {
  std::vector<const Item*> kept;  ///< read and kept by the filter, in order
  std::size_t scanned = 0;
  int64_t bytes = 0;         ///< sizes of everything read
  std::optional<Item> last;  ///< the last item read when the page stopped short
};

/// Reads items one at a time until `limit` items or 1 MB were read; the page
/// then ends, and reports its last item (even when nothing follows).
class PageReader {
 public:
  PageReader(std::size_t limit, std::function<bool(const Item&)> keep) : limit_(limit), keep_(std::move(keep)) {}
  bool Full() const { return page_.scanned >= limit_ || page_.bytes >= kPageBytes; }
  void Read(const Item* item) {
    ++page_.scanned;
    page_.bytes += ItemBytes(*item);
    last_ = item;
    if (!keep_ || keep_(*item)) page_.kept.push_back(item);
  }
  Page Finish() {
    if (Full() && last_) page_.last = *last_;
    return std::move(page_);
  }

 private:
  std::size_t limit_;
  std::function<bool(const Item&)> keep_;
  Page page_;
  const Item* last_ = nullptr;
};

/// Reads from `next` (null at the end) until the page is full.
inline Page ReadPage(const std::function<const Item*()>& next, std::size_t limit,
                     const std::function<bool(const Item&)>& keep) {
  PageReader reader(limit, keep);
  while (!reader.Full()) {
    const Item* item = next();
    if (!item) break;
    reader.Read(item);
  }
  return reader.Finish();
}

}  // namespace detail
}  // namespace dynafake
