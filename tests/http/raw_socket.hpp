// Test helper: a loopback TCP connection that sends exactly the bytes a test gives it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>

namespace dynafake_test {

class RawSocket {
 public:
  /// Connects to 127.0.0.1:port; every read waits at most `timeoutMs`.
  explicit RawSocket(int port, int timeoutMs = 5000) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;
  ~RawSocket() {
    if (fd_ >= 0) ::close(fd_);
  }

  bool Connected() const { return fd_ >= 0; }
  bool Send(const std::string& bytes) {
    return fd_ >= 0 && ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }
  /// What one read returns (waits up to the read timeout for the first byte).
  std::string ReadSome() {
    char buf[4096];
    const ssize_t n = fd_ >= 0 ? ::recv(fd_, buf, sizeof buf, 0) : -1;
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  }
  /// Everything until the server closes (or the read timeout).
  std::string ReadAll() {
    std::string answer;
    char buf[4096];
    for (ssize_t n; fd_ >= 0 && (n = ::recv(fd_, buf, sizeof buf, 0)) > 0;)
      answer.append(buf, static_cast<std::size_t>(n));
    return answer;
  }
  /// True when the server has closed the connection (recv sees EOF or a reset) within the read timeout.
  bool ClosedByServer() {
    char buf[4096];
    while (true) {
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n > 0) continue;
      return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
    }
  }

 private:
  int fd_ = -1;
};

/// Sends `request` on a new connection; returns everything the server answers before closing.
inline std::string RawExchange(int port, const std::string& request) {
  RawSocket s(port);
  if (!s.Send(request)) return {};
  return s.ReadAll();
}

}  // namespace dynafake_test

namespace dynafake_test {

/// "No request stalled" bound for the HTTP tests: 1 s, or 10 s in a
/// sanitizer build (ThreadSanitizer alone slows every call 5-15x).
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
inline constexpr int kStallMs = 10000;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
inline constexpr int kStallMs = 10000;
#else
inline constexpr int kStallMs = 1000;
#endif
#else
inline constexpr int kStallMs = 1000;
#endif

}  // namespace dynafake_test
