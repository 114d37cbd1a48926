// dynafake — http::SocketServer: one poll() loop that accepts, reads, answers and writes every connection.
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library and POSIX sockets.
//
// Why a loop and not a thread per connection: a keep-alive connection that
// sends nothing costs a pollfd, not a worker, so hundreds of SDK connections
// never queue behind each other (issue 15: a pool of 8 threads held by idle
// connections stalled every 9th client for 5 s). A call into the model takes
// microseconds, so answering inline keeps every connection's latency low.
// Several loops may share one listening socket (ShareListener), one thread
// each, to use more than one core.
//
// Timeouts, all checked by the loop itself:
//   idle     a connection with no request in progress for Timeouts::idle is closed
//   request  a request begun but not complete within Timeouts::request gets 408 and is closed
//   write    an answer the peer does not read within Timeouts::write: the connection is closed
#pragma once

#include <arpa/inet.h>    // inet_pton
#include <fcntl.h>        // fcntl, O_NONBLOCK
#include <netdb.h>        // getaddrinfo
#include <netinet/in.h>   // sockaddr_in
#include <netinet/tcp.h>  // TCP_NODELAY
#include <poll.h>         // poll
#include <sys/socket.h>   // socket, bind, listen, accept
#include <unistd.h>       // close, pipe, read, write

#include <algorithm>   // std::min, std::max
#include <atomic>      // std::atomic
#include <cerrno>      // errno
#include <chrono>      // std::chrono::steady_clock
#include <cstring>     // std::strerror
#include <functional>  // std::function
#include <memory>      // std::unique_ptr
#include <stdexcept>   // std::runtime_error
#include <string>      // std::string
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/http/message.hpp"         // Request, HttpResponse, AppendResponse
#include "dynafake/http/request_parser.hpp"  // RequestParser, Limits

namespace dynafake {
namespace http {

struct Timeouts {
  std::chrono::milliseconds idle{5000};
  std::chrono::milliseconds request{10000};
  std::chrono::milliseconds write{10000};
};

class SocketServer {
 public:
  /// Answers one complete request. Must not throw (an exception is answered with 500).
  using Handler = std::function<HttpResponse(Request&)>;
  /// Builds the answer to a request the parser refused (status 400/408/413/414/431/501/505).
  using ErrorHandler = std::function<HttpResponse(int status, const std::string& message)>;

  SocketServer(Limits limits, Timeouts timeouts, Handler handler, ErrorHandler onError)
      : limits_(limits), timeouts_(timeouts), handler_(std::move(handler)), onError_(std::move(onError)) {}
  SocketServer(const SocketServer&) = delete;
  SocketServer& operator=(const SocketServer&) = delete;
  ~SocketServer() {
    for (auto& c : connections_) ::close(c->fd);
    for (const int fd : {listenFd_, wake_[0], wake_[1]})
      if (fd >= 0) ::close(fd);
  }

  /// Binds and listens; returns the port (the chosen one for port 0). Throws std::runtime_error.
  int Bind(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found); rc != 0)
      throw std::runtime_error("dynafake: cannot resolve '" + host + "': " + ::gai_strerror(rc));
    std::unique_ptr<addrinfo, void (*)(addrinfo*)> guard(found, ::freeaddrinfo);
    std::string why = "no address";
    for (addrinfo* a = found; a; a = a->ai_next) {
      const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
      if (fd < 0) continue;
      // SO_REUSEADDR only (never SO_REUSEPORT, which would let a second server
      // share a port already served): a restart may reuse a port in TIME_WAIT.
      int yes = 1;
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 1024) == 0) {
        listenFd_ = fd;
        break;
      }
      why = std::strerror(errno);
      ::close(fd);
    }
    if (listenFd_ < 0) throw std::runtime_error(why);
    SetNonBlocking(listenFd_);
    sockaddr_storage bound{};
    socklen_t len = sizeof(bound);
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&bound), &len);
    const int p = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                              : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    MakeWakePipe();
    return p;
  }

  /// Serves the socket `first` bound, from another thread: each loop accepts
  /// what it can and serves its own connections, so a slow answer on one
  /// holds up only that loop's clients.
  void ShareListener(const SocketServer& first) {
    listenFd_ = ::fcntl(first.listenFd_, F_DUPFD_CLOEXEC, 0);
    if (listenFd_ < 0) throw std::runtime_error(std::string("dynafake: dup: ") + std::strerror(errno));
    MakeWakePipe();
  }

  /// Serves until Stop(). Call once, after Bind(), on the thread that serves.
  void Run() {
    std::vector<pollfd> fds;
    while (!stopping_.load()) {
      fds.clear();
      fds.push_back({wake_[0], POLLIN, 0});
      fds.push_back({listenFd_, static_cast<short>(connections_.size() < kMaxConnections ? POLLIN : 0), 0});
      for (const auto& c : connections_) {
        const short events = (c->out.size() > c->sent && !c->draining) ? POLLOUT : POLLIN;
        fds.push_back({c->fd, events, 0});
      }
      const int ready = ::poll(fds.data(), static_cast<nfds_t>(fds.size()), NextDeadlineMs());
      if (ready < 0 && errno != EINTR) break;
      if (fds[0].revents) {
        char drain[64];
        while (::read(wake_[0], drain, sizeof(drain)) > 0) {
        }
      }
      const auto now = Clock::now();
      // Connections first (their indexes match fds), then accept (which appends).
      for (std::size_t i = 0; i < connections_.size(); ++i) {
        const short revents = fds[i + 2].revents;
        if (revents) Service(*connections_[i], revents, now);
      }
      if (fds[1].revents & POLLIN) Accept(now);
      ExpireAndReap(now);
    }
  }

  /// Makes Run() return soon; open connections are closed. Thread-safe.
  void Stop() {
    stopping_.store(true);
    const char one = 1;
    if (wake_[1] >= 0) (void)!::write(wake_[1], &one, 1);
  }

  /// After this many requests a connection is answered with "Connection: close" (0: no limit).
  void SetMaxRequestsPerConnection(std::size_t n) { maxRequestsPerConnection_ = n; }

  /// Connections open right now (read from the serving thread, or approximately elsewhere).
  std::size_t ConnectionCount() const { return connectionCount_.load(); }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kMaxConnections = 16384;
  static constexpr std::size_t kReadChunk = 64 * 1024;

  struct Connection {
    int fd = -1;
    std::string in;
    std::string out;
    std::size_t sent = 0;
    RequestParser parser;
    Clock::time_point lastActivity;
    Clock::time_point requestStart;
    std::size_t served = 0;
    bool inRequest = false;
    bool continueSent = false;
    bool closeAfterWrite = false;
    bool draining = false;  // answered and shut for writing; reading what the peer still sends
    std::size_t drained = 0;
    bool dead = false;
    explicit Connection(Limits l) : parser(l) {}
  };

  void MakeWakePipe() {
    if (::pipe(wake_) != 0) throw std::runtime_error(std::string("dynafake: pipe: ") + std::strerror(errno));
    SetNonBlocking(wake_[0]);
    SetNonBlocking(wake_[1]);
  }

  static void SetNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

  int NextDeadlineMs() const {
    if (connections_.empty()) return -1;
    auto next = Clock::time_point::max();
    for (const auto& c : connections_) next = std::min(next, Deadline(*c));
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count() + 1;
    return static_cast<int>(std::max<long long>(0, std::min<long long>(wait, 60000)));
  }

  Clock::time_point Deadline(const Connection& c) const {
    if (c.draining) return c.lastActivity + std::min<Clock::duration>(timeouts_.request, std::chrono::seconds(2));
    if (c.out.size() > c.sent) return c.lastActivity + timeouts_.write;
    if (c.inRequest) return c.requestStart + timeouts_.request;
    return c.lastActivity + timeouts_.idle;
  }

  void Accept(Clock::time_point now) {
    while (connections_.size() < kMaxConnections) {
      const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN, or a connection that went away before we took it
      int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
      auto c = std::make_unique<Connection>(limits_);
      c->fd = fd;
      c->lastActivity = now;
      connections_.push_back(std::move(c));
      connectionCount_.store(connections_.size());
    }
  }

  void Service(Connection& c, short revents, Clock::time_point now) {
    if (c.draining) return Drain(c);
    if (revents & POLLOUT) Flush(c, now);
    if (c.dead) return;
    if (revents & (POLLIN | POLLHUP | POLLERR)) {
      bool eof = false;
      std::size_t got = 0;
      char chunk[16384];
      while (got < kReadChunk) {
        const ssize_t n = ::recv(c.fd, chunk, sizeof(chunk), 0);
        if (n > 0) {
          if (!c.closeAfterWrite) c.in.append(chunk, static_cast<std::size_t>(n));
          got += static_cast<std::size_t>(n);
          // A short read emptied the socket: skip the recv that would only say EAGAIN
          // (poll is level-triggered and reports anything that arrives later).
          if (static_cast<std::size_t>(n) < sizeof(chunk)) break;
          continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) eof = true;
        break;
      }
      if (got) c.lastActivity = now;
      if (!c.closeAfterWrite) Process(c, now);
      Flush(c, now);
      // The peer sends no more: answer what it asked (it may still read), then close.
      if (eof) {
        if (c.out.size() > c.sent)
          c.closeAfterWrite = true;
        else
          c.dead = true;
      }
    }
    if (c.closeAfterWrite && c.out.size() == c.sent) Linger(c, now);
  }

  // After a final answer the connection is shut for writing and what the
  // peer still sends is read and dropped until it closes (bounded in bytes
  // and time): closing at once with unread input would reset the connection
  // and the client, still sending a refused 20 MB body, would never read
  // the 413 (RFC 9112 9.6).
  void Linger(Connection& c, Clock::time_point now) {
    if (c.dead || c.draining) return;
    ::shutdown(c.fd, SHUT_WR);
    c.draining = true;
    c.lastActivity = now;
    c.in.clear();
    c.in.shrink_to_fit();
  }

  void Drain(Connection& c) {
    char chunk[16384];
    while (true) {
      const ssize_t n = ::recv(c.fd, chunk, sizeof(chunk), 0);
      if (n > 0) {
        c.drained += static_cast<std::size_t>(n);
        if (c.drained > limits_.maxBodyBytes + (std::size_t{1} << 20)) c.dead = true;
        if (c.dead) return;
        continue;
      }
      if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) c.dead = true;
      return;
    }
  }

  void Process(Connection& c, Clock::time_point now) {
    while (!c.closeAfterWrite) {
      if (!c.inRequest && !c.in.empty()) {
        c.inRequest = true;
        c.requestStart = now;
      }
      const RequestParser::Status s = c.parser.Parse(c.in);
      if (s == RequestParser::Status::NeedMore) {
        if (c.parser.WantsContinue() && !c.continueSent) {
          c.out += "HTTP/1.1 100 Continue\r\n\r\n";
          c.continueSent = true;
        }
        return;
      }
      if (s == RequestParser::Status::Error) {
        AppendResponse(c.out, onError_(c.parser.ErrorStatus(), c.parser.ErrorMessage()), false);
        c.closeAfterWrite = true;
        c.in.clear();
        return;
      }
      Request request = c.parser.TakeRequest();
      c.inRequest = false;
      c.continueSent = false;
      HttpResponse response;
      try {
        response = handler_(request);
      } catch (const std::exception& e) {
        response = onError_(500, std::string("internal error: ") + e.what());
      }
      const bool keep = request.keepAlive && (maxRequestsPerConnection_ == 0 || ++c.served < maxRequestsPerConnection_);
      AppendResponse(c.out, response, keep, request.minorVersion == 0, request.method == "HEAD");
      if (!keep) c.closeAfterWrite = true;
    }
  }

  void Flush(Connection& c, Clock::time_point now) {
    while (c.out.size() > c.sent) {
#ifdef MSG_NOSIGNAL
      const ssize_t n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
#else
      const ssize_t n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, 0);
#endif
      if (n > 0) {
        c.sent += static_cast<std::size_t>(n);
        c.lastActivity = now;
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
      c.dead = true;
      return;
    }
    c.out.clear();
    c.sent = 0;
  }

  void ExpireAndReap(Clock::time_point now) {
    for (auto& c : connections_) {
      if (c->dead || now < Deadline(*c)) continue;
      if (c->inRequest && c->out.size() == c->sent && !c->closeAfterWrite) {
        // A request begun and not finished in time: say so, then close.
        AppendResponse(
            c->out, onError_(408, "request not received within " + std::to_string(timeouts_.request.count()) + " ms"),
            false);
        c->closeAfterWrite = true;
        c->lastActivity = now;
        Flush(*c, now);
        if (c->out.size() == c->sent) Linger(*c, now);
      } else {
        c->dead = true;
      }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < connections_.size(); ++i) {
      if (connections_[i]->dead) {
        ::close(connections_[i]->fd);
        continue;
      }
      if (kept != i) connections_[kept] = std::move(connections_[i]);
      ++kept;
    }
    connections_.resize(kept);
    connectionCount_.store(kept);
  }

  Limits limits_;
  Timeouts timeouts_;
  Handler handler_;
  ErrorHandler onError_;
  int listenFd_ = -1;
  int wake_[2] = {-1, -1};
  std::size_t maxRequestsPerConnection_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> connectionCount_{0};
  std::vector<std::unique_ptr<Connection>> connections_;
};

}  // namespace http
}  // namespace dynafake
