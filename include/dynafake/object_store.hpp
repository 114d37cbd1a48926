// dynafake — ObjectStore: where exports write their files and imports read
// theirs, in place of Amazon S3. The test owns it: InMemoryObjectStore (the
// Service's default) keeps objects in memory; DirectoryObjectStore
// (dynafake/directory_object_store.hpp) writes them under a directory, one
// file per key (<root>/<bucket>/<key>). Every
// bucket exists unless the test marks it missing (MarkBucketMissing): an
// export into it then ends FAILED and an import from it ends FAILED, as the
// service reports a bucket that does not exist.
#pragma once

#include <map>       // std::map
#include <mutex>     // std::mutex
#include <optional>  // std::optional
#include <set>       // std::set
#include <string>    // std::string
#include <utility>   // std::move
#include <vector>    // std::vector

namespace dynafake {

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;
  /// Writes `bytes` under `key` in `bucket`, replacing what was there.
  virtual void Put(const std::string& bucket, const std::string& key, std::string bytes) = 0;
  /// The object's bytes, or nothing when there is no such object.
  virtual std::optional<std::string> Get(const std::string& bucket, const std::string& key) const = 0;
  /// The keys in `bucket` that start with `prefix`, in order.
  virtual std::vector<std::string> List(const std::string& bucket, const std::string& prefix = "") const = 0;

  /// Whether the bucket exists (every bucket does, unless marked missing).
  bool BucketExists(const std::string& bucket) const {
    std::lock_guard<std::mutex> lock(bucketsMu_);
    return missing_.count(bucket) == 0;
  }
  /// Makes `bucket` answer as a bucket that does not exist (or exist again).
  void MarkBucketMissing(const std::string& bucket, bool missing = true) {
    std::lock_guard<std::mutex> lock(bucketsMu_);
    if (missing)
      missing_.insert(bucket);
    else
      missing_.erase(bucket);
  }

 private:
  mutable std::mutex bucketsMu_;
  std::set<std::string> missing_;
};

class InMemoryObjectStore : public ObjectStore {
 public:
  void Put(const std::string& bucket, const std::string& key, std::string bytes) override {
    std::lock_guard<std::mutex> lock(mu_);
    objects_[bucket][key] = std::move(bytes);
  }
  std::optional<std::string> Get(const std::string& bucket, const std::string& key) const override {
    std::lock_guard<std::mutex> lock(mu_);
    auto b = objects_.find(bucket);
    if (b == objects_.end()) return std::nullopt;
    auto o = b->second.find(key);
    if (o == b->second.end()) return std::nullopt;
    return o->second;
  }
  std::vector<std::string> List(const std::string& bucket, const std::string& prefix = "") const override {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> keys;
    auto b = objects_.find(bucket);
    if (b == objects_.end()) return keys;
    for (auto it = b->second.lower_bound(prefix);
         it != b->second.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
      keys.push_back(it->first);
    return keys;
  }
  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    objects_.clear();
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::map<std::string, std::string>> objects_;
};

}  // namespace dynafake
