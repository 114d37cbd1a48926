// dynafake — DirectoryObjectStore: an ObjectStore whose objects are files, so
// a test can read what an export wrote, or lay out what an import reads, on
// disk. Its own header: <filesystem> and <fstream> cost every file that
// includes them, and most tests keep objects in memory.
//
//   auto store = std::make_shared<dynafake::DirectoryObjectStore>(dir);
//   service.SetObjectStore(store);   // exports now write <dir>/<bucket>/<key>
#pragma once

#include <algorithm>     // std::sort
#include <cstddef>       // std::size_t
#include <filesystem>    // std::filesystem
#include <fstream>       // std::ifstream, std::ofstream
#include <iterator>      // std::istreambuf_iterator
#include <mutex>         // std::mutex
#include <optional>      // std::optional
#include <string>        // std::string
#include <system_error>  // std::error_code
#include <utility>       // std::move
#include <vector>        // std::vector

#include "dynafake/object_store.hpp"  // ObjectStore

namespace dynafake {

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
