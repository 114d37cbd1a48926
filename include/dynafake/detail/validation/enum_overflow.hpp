// dynafake — remembers enum names the model does not know, as aws-sdk-cpp does,
// so a request carrying "BackupType": "NIGHTLY" can be refused with the name it sent.
#pragma once

#include <cstddef>      // std::size_t
#include <mutex>        // std::mutex
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace dynafake {
namespace detail {

class EnumOverflow {
 public:
  static constexpr int kBase = 1 << 20;
  static constexpr std::size_t kCapacity = 4096;

  static EnumOverflow& Instance() {
    static EnumOverflow instance;
    return instance;
  }

  /// The value standing for `name`. Past kCapacity distinct names, every new
  /// name shares one slot that prints as "(unknown value)": bounded memory
  /// even for a server fed hostile input.
  int Store(std::string_view name) {
    std::lock_guard<std::mutex> lock(mu_);
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (names_[i] == name) return kBase + static_cast<int>(i);
    if (names_.size() >= kCapacity) return kBase - 1;
    names_.emplace_back(name);
    return kBase + static_cast<int>(names_.size() - 1);
  }

  std::string Name(int value) {
    std::lock_guard<std::mutex> lock(mu_);
    if (value >= kBase && static_cast<std::size_t>(value - kBase) < names_.size())
      return names_[static_cast<std::size_t>(value - kBase)];
    return "(unknown value)";  // not a message: how a printer shows it
  }

 private:
  std::mutex mu_;
  std::vector<std::string> names_;
};

}  // namespace detail
}  // namespace dynafake
