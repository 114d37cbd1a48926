// dynafake — a table's items as a versioned history. Backups and point-in-time
// restores read the history as of an instant instead of copying items, so
// CreateBackup costs the same for one item or a million.
#pragma once

#include <algorithm>   // std::upper_bound
#include <cstdint>     // int64_t, uint64_t
#include <functional>  // std::function
#include <iterator>    // std::prev
#include <map>         // std::map
#include <string>      // std::string
#include <utility>     // std::pair
#include <vector>      // std::vector

#include "dynafake/model/attribute_value.hpp"  // AttributeValue

namespace dynafake {
namespace detail {

using Item = std::map<std::string, Model::AttributeValue>;

/// One write: at `atMs` the key became `item` (or was deleted).
struct Version {
  int64_t atMs = 0;
  uint64_t seq = 0;  ///< order of the write within its history: several writes can share a millisecond
  bool deleted = false;
  /// A deletion the service made because the item's Time to Live passed, not
  /// a caller's DeleteItem (DynamoDB Streams shows it as a service REMOVE).
  bool expired = false;
  Item item;
  int64_t sizeBytes = 0;
};

/// Item count and total size of a table after some write.
struct Totals {
  int64_t atMs = 0;
  uint64_t seq = 0;
  int64_t items = 0;
  int64_t bytes = 0;
};

class History {
 public:
  History() = default;
  // compactable_ points into keys_: a copy would point into the original
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  /// Records a write of `key` at `atMs` (non-decreasing across calls).
  /// Every write so far; a reader that saves (now, LastSeq()) sees exactly the
  /// writes made before it, even those in the same millisecond.
  uint64_t LastSeq() const { return seq_; }
  static constexpr uint64_t kAll = UINT64_MAX;

  void Write(const std::string& key, int64_t atMs, bool deleted, Item item, int64_t sizeBytes, bool expired = false) {
    Append(keys_.try_emplace(key).first, atMs, deleted, std::move(item), sizeBytes, expired);
  }

  /// Deletes `key` at `atMs` as Time to Live does (an expired deletion) when
  /// its item as of `atMs` is live and `stillDue(version)` says it still
  /// expires then; one lookup for both. A key whose one version is the live
  /// item, deleted before `horizonMs` (what Compact would use), goes at once:
  /// no reader can reach it or its deletion. Returns whether it deleted.
  template <typename StillDue>
  bool ExpireIf(const std::string& key, int64_t atMs, int64_t horizonMs, StillDue&& stillDue) {
    const auto it = keys_.find(key);
    if (it == keys_.end()) return false;
    const Version* v = Latest(it->second, atMs, kAll);
    if (!v || v->deleted || !stillDue(*v)) return false;
    horizonMs = ReadableFrom(horizonMs);
    if (it->second.size() == 1 && atMs < horizonMs) {  // not in compactable_: erasing leaves nothing dangling
      Totals t = totals_.back();
      t.items -= 1;
      t.bytes -= v->sizeBytes;
      t.atMs = atMs;
      t.seq = ++seq_;
      // totals before the horizon are read only through the last of them
      if (totals_.back().atMs < horizonMs)
        totals_.back() = t;
      else
        totals_.push_back(t);
      keys_.erase(it);
      --versionCount_;
      return true;
    }
    Append(it, atMs, true, Item{}, 0, /*expired=*/true);
    return true;
  }

  /// The item under `key` as of (`atMs`, `seq`) inclusive, or nullptr.
  const Version* At(const std::string& key, int64_t atMs, uint64_t seq = kAll) const {
    auto it = keys_.find(key);
    if (it == keys_.end()) return nullptr;
    return Latest(it->second, atMs, seq);
  }

  /// Visits live items as of `atMs` in key order, starting after `afterKey`
  /// (or from the start when empty); stops when `visit` returns false.
  void ForEach(int64_t atMs, uint64_t seq, const std::string& afterKey,
               const std::function<bool(const std::string&, const Version&)>& visit) const {
    auto it = afterKey.empty() ? keys_.begin() : keys_.upper_bound(afterKey);
    for (; it != keys_.end(); ++it) {
      const Version* v = Latest(it->second, atMs, seq);
      if (v && !v->deleted && !visit(it->first, *v)) return;
    }
  }

  /// Visits live items as of `atMs` whose keys start with `prefix`, in key
  /// order; stops when `visit` returns false.
  void ForEachWithPrefix(int64_t atMs, uint64_t seq, const std::string& prefix,
                         const std::function<bool(const std::string&, const Version&)>& visit) const {
    for (auto it = keys_.lower_bound(prefix); it != keys_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
         ++it) {
      const Version* v = Latest(it->second, atMs, seq);
      if (v && !v->deleted && !visit(it->first, *v)) return;
    }
  }

  /// Visits every key's versions, in key order (an incremental export reads the changes in a window).
  template <class Visit>
  void ForEachKeyVersions(Visit&& visit) const {
    for (const auto& kv : keys_) visit(kv.first, kv.second);
  }
  /// The latest version of `versions` as of (`atMs`, `seq`), or nullptr.
  static const Version* VersionAt(const std::vector<Version>& versions, int64_t atMs, uint64_t seq = kAll) {
    return Latest(versions, atMs, seq);
  }

  /// Item count and bytes as of `atMs`.
  Totals TotalsAt(int64_t atMs, uint64_t seq = kAll) const {
    auto it = std::upper_bound(
        totals_.begin(), totals_.end(), std::make_pair(atMs, seq),
        [](const std::pair<int64_t, uint64_t>& t, const Totals& x) { return t < std::make_pair(x.atMs, x.seq); });
    if (it == totals_.begin()) return Totals{atMs, 0, 0, 0};
    return *std::prev(it);
  }

  /// Pins an instant some reader (a backup, a PITR window) may still ask for.
  /// Counted per instant: backups taken in the same millisecond share one entry.
  void Pin(int64_t atMs) { ++pins_[atMs]; }
  void Unpin(int64_t atMs) {
    auto it = pins_.find(atMs);
    if (it != pins_.end() && --it->second == 0) pins_.erase(it);
  }
  bool Pinned() const { return !pins_.empty(); }
  /// The earliest pinned instant (Pinned() must be true).
  int64_t EarliestPin() const { return pins_.begin()->first; }

  /// Drops versions no reader can reach: every version superseded before
  /// `horizonMs`, the earliest instant anyone may still read (the earliest pin
  /// or restorable time, else now). Returns the number of versions released.
  std::size_t Compact(int64_t horizonMs) {
    horizonMs = ReadableFrom(horizonMs);
    std::size_t released = 0;
    // only keys with an older version or a deletion can lose anything: visiting
    // them alone keeps a compaction every few hundred writes O(changed keys),
    // not O(table)
    std::size_t kept = 0;
    for (std::size_t i = 0; i < compactable_.size(); ++i) {
      const auto it = compactable_[i];
      auto& v = it->second;
      // index of the last version before the horizon: everything older is unreachable
      // (versions at the horizon itself stay: a reader may cut between them)
      std::size_t keep = 0;
      while (keep + 1 < v.size() && v[keep + 1].atMs < horizonMs) ++keep;
      if (keep > 0) {
        v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep));
        released += keep;
      }
      if (v.size() == 1 && v.front().deleted && v.front().atMs < horizonMs) {
        released += 1;
        keys_.erase(it);
      } else if (v.size() > 1 || v.front().deleted) {
        compactable_[kept++] = it;
      }
    }
    compactable_.resize(kept);
    auto tt = std::lower_bound(totals_.begin(), totals_.end(), horizonMs,
                               [](const Totals& x, int64_t t) { return x.atMs < t; });
    if (tt != totals_.begin()) totals_.erase(totals_.begin(), std::prev(tt));
    versionCount_ -= released;
    return released;
  }

  std::size_t VersionCount() const { return versionCount_; }
  std::size_t KeyCount() const { return keys_.size(); }
  const std::map<std::string, std::vector<Version>>& Keys() const { return keys_; }
  const std::vector<Totals>& TotalsLog() const { return totals_; }
  /// Rebuilds a history from saved parts (state snapshots).
  void Restore(std::map<std::string, std::vector<Version>> keys, std::vector<Totals> totals, uint64_t lastSeq) {
    keys_ = std::move(keys);
    totals_ = std::move(totals);
    seq_ = lastSeq;
    versionCount_ = 0;
    compactable_.clear();
    for (auto it = keys_.begin(); it != keys_.end(); ++it) {
      versionCount_ += it->second.size();
      if (it->second.size() > 1 || (!it->second.empty() && it->second.front().deleted)) compactable_.push_back(it);
    }
  }

 private:
  /// The earliest instant a reader may still ask for: `horizonMs`, or the earliest pin before it.
  int64_t ReadableFrom(int64_t horizonMs) const {
    return !pins_.empty() && pins_.begin()->first < horizonMs ? pins_.begin()->first : horizonMs;
  }

  using Keyed = std::map<std::string, std::vector<Version>>;

  void Append(Keyed::iterator at, int64_t atMs, bool deleted, Item item, int64_t sizeBytes, bool expired) {
    const uint64_t seq = ++seq_;
    auto& versions = at->second;
    const Version* before = versions.empty() ? nullptr : &versions.back();
    Totals t = totals_.empty() ? Totals{} : totals_.back();
    if (before && !before->deleted) {
      t.items -= 1;
      t.bytes -= before->sizeBytes;
    }
    if (!deleted) {
      t.items += 1;
      t.bytes += sizeBytes;
    }
    t.atMs = atMs;
    t.seq = seq;
    if (!deleted || before) {
      versions.push_back(Version{atMs, seq, deleted, deleted && expired, std::move(item), deleted ? 0 : sizeBytes});
      ++versionCount_;
      // a key becomes compactable when it gains a second version (a lone
      // deletion only comes from a snapshot, and Restore lists it)
      if (versions.size() == 2 && !versions.front().deleted) compactable_.push_back(at);
    } else if (versions.empty()) {
      keys_.erase(at);
    }
    totals_.push_back(t);
  }

  static const Version* Latest(const std::vector<Version>& versions, int64_t atMs, uint64_t seq) {
    auto it = std::upper_bound(
        versions.begin(), versions.end(), std::make_pair(atMs, seq),
        [](const std::pair<int64_t, uint64_t>& t, const Version& v) { return t < std::make_pair(v.atMs, v.seq); });
    if (it == versions.begin()) return nullptr;
    return &*std::prev(it);
  }

  Keyed keys_;
  /// The keys Compact can shrink: more than one version, or a lone deletion.
  std::vector<Keyed::iterator> compactable_;
  std::vector<Totals> totals_;
  std::map<int64_t, std::size_t> pins_;  ///< instant -> readers pinning it
  std::size_t versionCount_ = 0;
  uint64_t seq_ = 0;
};

}  // namespace detail
}  // namespace dynafake
