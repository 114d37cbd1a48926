// dynafake — a state file a crash never leaves half-written: temp file, fsync, rename, fsync of the folder.
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library and POSIX.
#pragma once

#include <fcntl.h>   // open
#include <unistd.h>  // write, fsync, close, getpid

#include <atomic>     // std::atomic
#include <cerrno>     // errno
#include <cstdio>     // std::rename, std::remove
#include <cstring>    // std::strerror
#include <fstream>    // std::ifstream
#include <optional>   // std::optional
#include <sstream>    // std::ostringstream
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string

namespace dynafake {
namespace http {

/// Replaces `path` with `text` atomically: after a crash at any point the
/// file holds either its old content or all of `text`, never a mix. The
/// temporary file sits in the same folder (a rename across file systems is
/// not atomic), is fsynced before the rename, and the folder after it (so
/// the rename itself survives a power cut). Throws std::runtime_error.
inline void WriteFileAtomically(const std::string& path, const std::string& text) {
  static std::atomic<unsigned> counter{0};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(++counter);
  const auto fail = [&](const std::string& what) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot " + what + ": " + why);
  };
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("create " + tmp);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      fail("write " + tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("fsync " + tmp);
  }
  if (::close(fd) != 0) fail("close " + tmp);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) fail("rename " + tmp + " to " + path);
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // best effort: some file systems refuse fsync on a folder
    ::close(dfd);
  }
}

/// The whole file, or nullopt when it does not exist. Throws std::runtime_error when it cannot be read.
inline std::optional<std::string> ReadFileIfExists(const std::string& path) {
  if (::access(path.c_str(), F_OK) != 0 && errno == ENOENT) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read " + path);
  return text.str();
}

}  // namespace http
}  // namespace dynafake
