// dynafake — item histories in a snapshot: saved once each, in order of first
// use, and named by their number by the tables, backups and exports that
// share them. See dynafake/wire/snapshot.hpp.
#pragma once

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <memory>   // std::shared_ptr, std::make_shared
#include <string>   // std::string, std::to_string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/detail/requests/item_checks.hpp"  // kMaxItemBytes
#include "dynafake/detail/storage/history.hpp"       // History, Version, Totals
#include "dynafake/wire/snapshot/common.hpp"         // Json, Whole, Between, Instant

namespace dynafake {
namespace wire {
namespace snapshot {

inline Json ItemJson(const core::Item& item) {
  Json j = Json::object();
  for (const auto& kv : item) j[kv.first] = ToJson(kv.second);
  return j;
}
inline core::Item ItemFrom(const Json& j) {
  core::Item item;
  for (auto it = j.begin(); it != j.end(); ++it)
    item.emplace(it.key(), One<Model::AttributeValue>(it.value(), it.key()));
  return item;
}

inline Json HistoryJson(const core::History& h) {
  Json keys = Json::object();
  for (const auto& kv : h.Keys()) {
    Json versions = Json::array();
    for (const auto& v : kv.second) {
      Json e = {{"at", v.atMs}, {"seq", v.seq}, {"size", v.sizeBytes}};
      if (v.deleted) {
        e["deleted"] = true;
        if (v.expired) e["expired"] = true;  // deleted by Time to Live
      } else
        e["item"] = ItemJson(v.item);
      versions.push_back(std::move(e));
    }
    keys[kv.first] = std::move(versions);
  }
  Json totals = Json::array();
  for (const auto& t : h.TotalsLog()) totals.push_back(Json::array({t.atMs, t.seq, t.items, t.bytes}));
  return Json{{"lastSeq", h.LastSeq()}, {"keys", std::move(keys)}, {"totals", std::move(totals)}};
}
inline std::shared_ptr<core::History> HistoryFrom(const Json& j) {
  std::map<std::string, std::vector<core::Version>> keys;
  for (auto it = j.at("keys").begin(); it != j.at("keys").end(); ++it) {
    auto& versions = keys[it.key()];
    for (const auto& e : it.value()) {
      core::Version v;
      v.atMs = Instant(e.at("at"));
      v.seq = Whole<uint64_t>(e.at("seq"));
      v.sizeBytes = Between<int64_t>(e.at("size"), 0, core::kMaxItemBytes);
      v.deleted = e.value("deleted", false);
      v.expired = v.deleted && e.value("expired", false);
      if (!v.deleted) v.item = ItemFrom(e.at("item"));
      versions.push_back(std::move(v));
    }
  }
  std::vector<core::Totals> totals;
  for (const auto& t : j.at("totals"))
    totals.push_back(core::Totals{Instant(t.at(0)), Whole<uint64_t>(t.at(1)), Between<int64_t>(t.at(2), 0, kMaxTotal),
                                  Between<int64_t>(t.at(3), 0, kMaxTotal)});
  auto h = std::make_shared<core::History>();
  h->Restore(std::move(keys), std::move(totals), Whole<uint64_t>(j.at("lastSeq")));
  return h;
}

/// Saving: numbers each history the first time it is named and keeps its JSON.
class HistoryNumbers {
 public:
  std::size_t Of(const std::shared_ptr<core::History>& h) {
    auto it = ids_.find(h.get());
    if (it != ids_.end()) return it->second;
    const std::size_t id = ids_.size();
    ids_.emplace(h.get(), id);
    list_.push_back(HistoryJson(*h));
    return id;
  }
  /// The snapshot's "histories", in number order.
  Json Take() { return std::move(list_); }

 private:
  std::map<const core::History*, std::size_t> ids_;
  Json list_ = Json::array();
};

/// Loading: the histories a snapshot lists, looked up by number.
class LoadedHistories {
 public:
  explicit LoadedHistories(const Json& list) {
    for (const auto& h : list) list_.push_back(HistoryFrom(h));
  }
  std::shared_ptr<core::History> At(const Json& id) const {
    const auto i = Whole<std::size_t>(id);
    if (i >= list_.size()) throw std::invalid_argument("LoadState: history " + std::to_string(i) + " does not exist");
    return list_[i];
  }

 private:
  std::vector<std::shared_ptr<core::History>> list_;
};

}  // namespace snapshot
}  // namespace wire
}  // namespace dynafake
