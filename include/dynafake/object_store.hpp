// dynafake — ObjectStore: where exports write their files and imports read
// theirs, in place of Amazon S3. The test owns it: InMemoryObjectStore (the
// Service's default) keeps objects in memory; DirectoryObjectStore writes
// them under a directory, one file per key (<root>/<bucket>/<key>). Every
// bucket exists unless the test marks it missing (MarkBucketMissing): an
// export into it then ends FAILED and an import from it ends FAILED, as the
// service reports a bucket that does not exist.
#pragma once

#include <algorithm>     // std::sort
#include <filesystem>    // std::filesystem
#include <fstream>       // std::ifstream, std::ofstream
#include <iterator>      // std::istreambuf_iterator
#include <map>           // std::map
#include <mutex>         // std::mutex
#include <optional>      // std::optional
#include <set>           // std::set
#include <string>        // std::string
#include <system_error>  // std::error_code
#include <utility>       // std::move
#include <vector>        // std::vector

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

/// Objects as files: `<root>/<bucket>/<key>` (keys' '/' become directories).
/// Keys with a ".." part, or that are absolute, are refused (Put does nothing, Get finds nothing).
class DirectoryObjectStore : public ObjectStore {
 public:
  explicit DirectoryObjectStore(std::filesystem::path root) : root_(std::move(root)) {}
  const std::filesystem::path& Root() const { return root_; }

  void Put(const std::string& bucket, const std::string& key, std::string bytes) override {
    auto path = PathOf(bucket, key);
    if (!path) return;
    std::lock_guard<std::mutex> lock(mu_);
    std::error_code ec;
    std::filesystem::create_directories(path->parent_path(), ec);
    std::ofstream out(*path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::optional<std::string> Get(const std::string& bucket, const std::string& key) const override {
    auto path = PathOf(bucket, key);
    if (!path) return std::nullopt;
    std::lock_guard<std::mutex> lock(mu_);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*path, ec)) return std::nullopt;
    std::ifstream in(*path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::vector<std::string> List(const std::string& bucket, const std::string& prefix = "") const override {
    std::vector<std::string> keys;
    if (!Safe(bucket) || bucket.find('/') != std::string::npos) return keys;
    std::lock_guard<std::mutex> lock(mu_);
    const std::filesystem::path dir = root_ / bucket;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return keys;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string key = std::filesystem::relative(it->path(), dir, ec).generic_string();
      if (key.compare(0, prefix.size(), prefix) == 0) keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
  }

 private:
  static bool Safe(const std::string& part) {
    if (part.empty() || part.front() == '/') return false;
    std::size_t start = 0;
    for (;;) {
      const std::size_t end = part.find('/', start);
      const std::string piece = part.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (piece == ".." || piece == ".") return false;
      if (end == std::string::npos) return true;
      start = end + 1;
    }
  }
  std::optional<std::filesystem::path> PathOf(const std::string& bucket, const std::string& key) const {
    if (!Safe(bucket) || bucket.find('/') != std::string::npos || !Safe(key)) return std::nullopt;
    return root_ / bucket / std::filesystem::path(key);
  }

  std::filesystem::path root_;
  mutable std::mutex mu_;
};

}  // namespace dynafake
