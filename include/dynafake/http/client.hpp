// dynafake — http::Client: a small blocking HTTP/1.1 client on one keep-alive connection (AdminClient, benchmarks).
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library and POSIX sockets.
#pragma once

#include <netdb.h>        // getaddrinfo
#include <netinet/in.h>   // IPPROTO_TCP
#include <netinet/tcp.h>  // TCP_NODELAY
#include <sys/socket.h>   // socket, connect, send, recv
#include <sys/time.h>     // timeval
#include <unistd.h>       // close

#include <algorithm>    // std::min
#include <cerrno>       // errno
#include <cstddef>      // std::size_t
#include <cstdlib>      // std::atoi, std::atoll
#include <cstring>      // std::strerror
#include <memory>       // std::unique_ptr
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include "dynafake/http/message.hpp"  // Headers, HttpResponse, detail::EqualsIgnoreCase

namespace dynafake {
namespace http {

/// One connection to host:port, kept alive between calls and opened again
/// when the server closed it. Throws std::runtime_error when the server
/// cannot be reached or answers something that is not HTTP.
class Client {
 public:
  Client(std::string host, int port, int timeoutMs = 30000)
      : host_(std::move(host)), port_(port), timeoutMs_(timeoutMs) {}
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  ~Client() { Close(); }

  /// Sends one request and reads its answer. Retries once on a fresh
  /// connection when a kept-alive one turns out closed before any answer.
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = {},
                    const Headers& headers = {}, const std::string& contentType = "application/json") {
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: " + host_ + ":" + std::to_string(port_) + "\r\n";
    for (const auto& h : headers) request += h.first + ": " + h.second + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT")
      request += "Content-Type: " + contentType + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    request += "\r\n";
    request += body;
    for (int attempt = 0;; ++attempt) {
      const bool reused = fd_ >= 0;
      if (!reused) Connect();
      if (SendAll(request)) {
        HttpResponse r;
        bool closeAfter = false;
        if (Receive(r, closeAfter, method == "HEAD")) {
          if (closeAfter) Close();
          return r;
        }
      }
      Close();
      if (!reused || attempt > 0) throw std::runtime_error("dynafake http client: no answer from " + Address());
    }
  }

  std::string Address() const { return host_ + ":" + std::to_string(port_); }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buffer_.clear();
  }

 private:
  void Connect() {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(host_.c_str(), std::to_string(port_).c_str(), &hints, &found); rc != 0)
      throw std::runtime_error("dynafake http client: cannot resolve " + host_ + ": " + ::gai_strerror(rc));
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> guard(found, ::freeaddrinfo);
    std::string why = "no address";
    for (addrinfo* a = found; a; a = a->ai_next) {
      const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
      if (fd < 0) continue;
      timeval tv{timeoutMs_ / 1000, (timeoutMs_ % 1000) * 1000};
      ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
      ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
      int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
      if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
        fd_ = fd;
        return;
      }
      why = std::strerror(errno);
      ::close(fd);
    }
    throw std::runtime_error("dynafake http client: cannot connect to " + Address() + ": " + why);
  }

  bool SendAll(const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
#ifdef MSG_NOSIGNAL
      const ssize_t n = ::send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
#else
      const ssize_t n = ::send(fd_, data.data() + done, data.size() - done, 0);
#endif
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  /// Reads more bytes into buffer_; false on EOF, error or timeout.
  bool Fill() {
    char chunk[16384];
    while (true) {
      const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }

  bool Receive(HttpResponse& r, bool& closeAfter, bool headOnly) {
    while (true) {  // skips 1xx answers
      std::size_t end;
      while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
        if (!Fill()) return false;
      const std::string_view head(buffer_.data(), end);
      if (head.size() < 12 || head.substr(0, 7) != "HTTP/1.")
        throw std::runtime_error("dynafake http client: not an HTTP answer from " + Address());
      r = HttpResponse();
      r.contentType.clear();
      r.status = std::atoi(std::string(head.substr(9, 3)).c_str());
      closeAfter = head.substr(0, 8) == "HTTP/1.0";
      long long length = -1;
      std::size_t lineBegin = head.find("\r\n");
      while (lineBegin != std::string_view::npos && lineBegin < head.size()) {
        lineBegin += 2;
        const std::size_t lineEnd = std::min(head.find("\r\n", lineBegin), head.size());
        const std::string_view line = head.substr(lineBegin, lineEnd - lineBegin);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos) {
          std::string_view value = line.substr(colon + 1);
          while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
          const std::string_view name = line.substr(0, colon);
          if (detail::EqualsIgnoreCase(name, "Content-Length"))
            length = std::atoll(std::string(value).c_str());
          else if (detail::EqualsIgnoreCase(name, "Connection"))
            closeAfter = detail::EqualsIgnoreCase(value, "close");
          else if (detail::EqualsIgnoreCase(name, "Content-Type"))
            r.contentType = std::string(value);
          else
            r.headers.emplace_back(std::string(name), std::string(value));
        }
        lineBegin = lineEnd;
      }
      buffer_.erase(0, end + 4);
      if (r.status >= 100 && r.status < 200) continue;
      if (headOnly || r.status == 204 || r.status == 304) return true;
      if (length < 0) {  // no length: the body runs to the end of the connection
        while (Fill()) {
        }
        r.body = std::move(buffer_);
        buffer_.clear();
        closeAfter = true;
        return true;
      }
      while (buffer_.size() < static_cast<std::size_t>(length))
        if (!Fill()) return false;
      r.body = buffer_.substr(0, static_cast<std::size_t>(length));
      buffer_.erase(0, static_cast<std::size_t>(length));
      return true;
    }
  }

  std::string host_;
  int port_;
  int timeoutMs_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace http
}  // namespace dynafake
