// dynafake — http::RequestParser: HTTP/1.1 requests from a byte stream, incrementally and within limits.
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library.
//
// Bytes arrive in any split; Parse() takes what a connection has buffered and
// either needs more, completes one request (and removes its bytes), or fails
// with the status to answer before closing the connection (RFC 9112):
//   400  malformed request line, header line, Content-Length or chunk
//   413  a body over Limits::maxBodyBytes (announced or received)
//   414  a request line over Limits::maxRequestLineBytes
//   431  headers over Limits::maxHeaderBytes or Limits::maxHeaderCount
//   501  a Transfer-Encoding other than chunked
//   505  an HTTP version other than 1.0 and 1.1
//   417  an Expect other than 100-continue
// A body is framed by Content-Length or chunked encoding; a request with
// neither has none. Both at once is refused (request smuggling).
#pragma once

#include <cstddef>      // std::size_t
#include <cstdint>      // uint64_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include "dynafake/http/message.hpp"  // Request

namespace dynafake {
namespace http {

/// What one request may hold. A request over a limit is answered with its error and the connection closed.
struct Limits {
  std::size_t maxRequestLineBytes = 8 * 1024;
  std::size_t maxHeaderBytes = 64 * 1024;  ///< the request line and all header lines together
  std::size_t maxHeaderCount = 100;
  std::size_t maxBodyBytes = std::size_t{16} * 1024 * 1024;
};

class RequestParser {
 public:
  enum class Status { NeedMore, Complete, Error };

  explicit RequestParser(Limits limits = {}) : limits_(limits) {}

  /// Consumes from the front of `buffer`. Complete: TakeRequest() holds the
  /// request and its bytes are gone from `buffer` (a pipelined next request
  /// may follow). Error: ErrorStatus()/ErrorMessage() say why; stop parsing.
  Status Parse(std::string& buffer) {
    if (stage_ == Stage::Failed) return Status::Error;
    if (stage_ == Stage::Head) {
      const Status s = ParseHead(buffer);
      if (s != Status::Complete) return s;
    }
    if (stage_ == Stage::Body) return ParseBody(buffer);
    return ParseChunks(buffer);
  }

  /// The completed request; the parser is ready for the next one.
  Request TakeRequest() {
    Request r = std::move(request_);
    Restart();
    return r;
  }

  /// True after the head of a request that sent "Expect: 100-continue" and still waits for its body.
  bool WantsContinue() const { return stage_ != Stage::Head && stage_ != Stage::Failed && expectContinue_; }
  /// True while a request has begun but is not complete (for the read timeout).
  bool InRequest(const std::string& buffer) const { return stage_ != Stage::Head || !buffer.empty(); }

  int ErrorStatus() const { return errorStatus_; }
  const std::string& ErrorMessage() const { return errorMessage_; }
  const Limits& GetLimits() const { return limits_; }

 private:
  enum class Stage { Head, Body, ChunkSize, ChunkData, Trailer, Failed };

  Status Fail(int status, std::string message) {
    stage_ = Stage::Failed;
    errorStatus_ = status;
    errorMessage_ = std::move(message);
    return Status::Error;
  }

  void Restart() {
    request_ = Request();
    stage_ = Stage::Head;
    scanned_ = 0;
    remaining_ = 0;
    expectContinue_ = false;
    trailerBytes_ = 0;
  }

  static bool IsTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    for (const char t : std::string_view("!#$%&'*+-.^_`|~"))
      if (c == t) return true;
    return false;
  }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  /// The end of the line starting at `from` (index of '\n'), or npos. Lines end in LF, optionally CR LF.
  static std::size_t LineEnd(std::string_view buffer, std::size_t from) { return buffer.find('\n', from); }
  static std::string_view Line(std::string_view buffer, std::size_t begin, std::size_t lf) {
    std::string_view line = buffer.substr(begin, lf - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

  Status ParseHead(std::string& buffer) {
    // Leading empty lines before a request line are ignored (RFC 9112 2.2).
    while (!buffer.empty() && (buffer[0] == '\r' || buffer[0] == '\n') && scanned_ == 0) {
      if (buffer[0] == '\r' && buffer.size() < 2) return Status::NeedMore;
      buffer.erase(0, buffer[0] == '\r' && buffer[1] == '\n' ? 2 : 1);
    }
    const std::string_view view(buffer);
    // Find the empty line that ends the head, resuming where the last call stopped.
    std::size_t end = std::string_view::npos;
    std::size_t pos = scanned_;
    while (true) {
      const std::size_t lf = LineEnd(view, pos);
      if (lf == std::string_view::npos) break;
      if (pos == 0 && lf > limits_.maxRequestLineBytes) return Fail(414, "request line too long");
      if (Line(view, pos, lf).empty() && pos != 0) {
        end = lf + 1;
        break;
      }
      if (Line(view, pos, lf).empty()) return Fail(400, "empty request line");
      pos = lf + 1;
      scanned_ = pos;
    }
    if (end == std::string_view::npos) {
      if (scanned_ == 0 && view.size() > limits_.maxRequestLineBytes) return Fail(414, "request line too long");
      if (view.size() > limits_.maxHeaderBytes)
        return Fail(431, "request headers exceed " + std::to_string(limits_.maxHeaderBytes) + " bytes");
      return Status::NeedMore;
    }
    if (end > limits_.maxHeaderBytes)
      return Fail(431, "request headers exceed " + std::to_string(limits_.maxHeaderBytes) + " bytes");

    std::size_t lineBegin = 0;
    std::size_t lf = LineEnd(view, 0);
    if (const Status s = ParseRequestLine(Line(view, 0, lf)); s == Status::Error) return s;
    bool chunked = false;
    bool haveLength = false;
    uint64_t length = 0;
    while (true) {
      lineBegin = lf + 1;
      lf = LineEnd(view, lineBegin);
      const std::string_view line = Line(view, lineBegin, lf);
      if (line.empty()) break;
      if (line.front() == ' ' || line.front() == '\t') return Fail(400, "obsolete line folding in a header");
      const auto colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) return Fail(400, "malformed header line");
      const std::string_view name = line.substr(0, colon);
      for (const char c : name)
        if (!IsTokenChar(c)) return Fail(400, "malformed header name");
      const std::string_view value = Trim(line.substr(colon + 1));
      for (const char c : value)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
          return Fail(400, "control character in a header value");
      if (request_.headers.size() >= limits_.maxHeaderCount)
        return Fail(431, "more than " + std::to_string(limits_.maxHeaderCount) + " request headers");
      if (detail::EqualsIgnoreCase(name, "Content-Length")) {
        if (value.empty() || value.size() > 19) return Fail(value.empty() ? 400 : 413, "bad Content-Length");
        uint64_t n = 0;
        for (const char c : value) {
          if (c < '0' || c > '9') return Fail(400, "Content-Length is not a number");
          n = n * 10 + static_cast<uint64_t>(c - '0');
        }
        if (haveLength && n != length) return Fail(400, "two different Content-Length headers");
        haveLength = true;
        length = n;
      } else if (detail::EqualsIgnoreCase(name, "Transfer-Encoding")) {
        if (!detail::EqualsIgnoreCase(value, "chunked"))
          return Fail(501, "Transfer-Encoding '" + std::string(value) + "' is not supported (only chunked)");
        chunked = true;
      } else if (detail::EqualsIgnoreCase(name, "Connection")) {
        if (HasToken(value, "close"))
          request_.keepAlive = false;
        else if (HasToken(value, "keep-alive"))
          request_.keepAlive = true;
      } else if (detail::EqualsIgnoreCase(name, "Expect")) {
        if (!detail::EqualsIgnoreCase(value, "100-continue")) return Fail(417, "unsupported Expect");
        expectContinue_ = request_.minorVersion >= 1;
      }
      request_.headers.emplace_back(std::string(name), std::string(value));
    }
    if (chunked && haveLength) return Fail(400, "both Content-Length and Transfer-Encoding");
    if (haveLength && length > limits_.maxBodyBytes)
      return Fail(413, "body of " + std::to_string(length) + " bytes exceeds the limit of " +
                           std::to_string(limits_.maxBodyBytes) + " bytes");
    buffer.erase(0, end);
    scanned_ = 0;
    if (chunked) {
      stage_ = Stage::ChunkSize;
    } else {
      stage_ = Stage::Body;
      remaining_ = static_cast<std::size_t>(length);
    }
    if (remaining_ == 0 && !chunked) expectContinue_ = false;
    return Status::Complete;
  }

  static bool HasToken(std::string_view list, std::string_view token) {
    std::size_t begin = 0;
    while (begin <= list.size()) {
      const auto comma = std::min(list.find(',', begin), list.size());
      if (detail::EqualsIgnoreCase(Trim(list.substr(begin, comma - begin)), token)) return true;
      begin = comma + 1;
    }
    return false;
  }

  Status ParseRequestLine(std::string_view line) {
    const auto sp1 = line.find(' ');
    if (sp1 == std::string_view::npos || sp1 == 0) return Fail(400, "malformed request line");
    const auto sp2 = line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || sp2 == sp1 + 1) return Fail(400, "malformed request line");
    const std::string_view method = line.substr(0, sp1);
    const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version = line.substr(sp2 + 1);
    for (const char c : method)
      if (!IsTokenChar(c)) return Fail(400, "malformed method");
    for (const char c : target)
      if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return Fail(400, "malformed request target");
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' || version[5] < '0' ||
        version[5] > '9' || version[7] < '0' || version[7] > '9')
      return Fail(400, "malformed HTTP version");
    if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
      return Fail(505, "HTTP version " + std::string(version.substr(5)) + " is not supported (1.0 and 1.1 are)");
    request_.method = std::string(method);
    request_.target = std::string(target);
    request_.minorVersion = version[7] - '0';
    request_.keepAlive = request_.minorVersion == 1;
    // An absolute form (http://host/path) is reduced to its path.
    std::string_view pathAndQuery = target;
    if (const auto scheme = pathAndQuery.find("://"); scheme != std::string_view::npos && pathAndQuery.front() != '/') {
      const auto slash = pathAndQuery.find('/', scheme + 3);
      pathAndQuery = slash == std::string_view::npos ? std::string_view("/") : pathAndQuery.substr(slash);
    }
    const auto q = pathAndQuery.find('?');
    request_.path = std::string(pathAndQuery.substr(0, q));
    if (q != std::string_view::npos) request_.query = std::string(pathAndQuery.substr(q + 1));
    return Status::Complete;
  }

  Status ParseBody(std::string& buffer) {
    if (buffer.size() < remaining_) return Status::NeedMore;
    request_.body.assign(buffer, 0, remaining_);
    buffer.erase(0, remaining_);
    stage_ = Stage::Head;
    return Status::Complete;
  }

  Status ParseChunks(std::string& buffer) {
    std::size_t pos = 0;
    Status result = Status::NeedMore;
    while (true) {
      if (stage_ == Stage::ChunkSize) {
        const std::size_t lf = LineEnd(buffer, pos);
        if (lf == std::string::npos) {
          if (buffer.size() - pos > 1024) return Fail(400, "chunk size line too long");
          break;
        }
        std::string_view line = Line(buffer, pos, lf);
        line = line.substr(0, line.find(';'));  // chunk extensions are ignored
        line = Trim(line);
        if (line.empty() || line.size() > 15) return Fail(400, "malformed chunk size");
        uint64_t size = 0;
        for (const char c : line) {
          const int d = detail::HexDigit(c);
          if (d < 0) return Fail(400, "malformed chunk size");
          size = size * 16 + static_cast<uint64_t>(d);
        }
        if (size > limits_.maxBodyBytes || request_.body.size() + size > limits_.maxBodyBytes)
          return Fail(413, "chunked body exceeds the limit of " + std::to_string(limits_.maxBodyBytes) + " bytes");
        pos = lf + 1;
        remaining_ = static_cast<std::size_t>(size);
        stage_ = size == 0 ? Stage::Trailer : Stage::ChunkData;
      } else if (stage_ == Stage::ChunkData) {
        if (buffer.size() - pos < remaining_ + 1) break;
        request_.body.append(buffer, pos, remaining_);
        pos += remaining_;
        // The chunk's data ends with CRLF (or a lone LF).
        if (buffer[pos] == '\r') {
          if (buffer.size() - pos < 2) {
            pos -= remaining_;
            request_.body.resize(request_.body.size() - remaining_);
            break;
          }
          if (buffer[pos + 1] != '\n') return Fail(400, "chunk data not followed by CRLF");
          pos += 2;
        } else if (buffer[pos] == '\n') {
          pos += 1;
        } else {
          return Fail(400, "chunk data not followed by CRLF");
        }
        stage_ = Stage::ChunkSize;
      } else {  // Trailer: header lines (ignored) up to an empty line
        const std::size_t lf = LineEnd(buffer, pos);
        if (lf == std::string::npos) {
          if (buffer.size() - pos > limits_.maxHeaderBytes) return Fail(431, "trailer too long");
          break;
        }
        const bool empty = Line(buffer, pos, lf).empty();
        trailerBytes_ += lf + 1 - pos;
        if (trailerBytes_ > limits_.maxHeaderBytes) return Fail(431, "trailer too long");
        pos = lf + 1;
        if (empty) {
          stage_ = Stage::Head;
          result = Status::Complete;
          break;
        }
      }
    }
    buffer.erase(0, pos);
    return result;
  }

  Limits limits_;
  Request request_;
  Stage stage_ = Stage::Head;
  std::size_t scanned_ = 0;    // head: bytes already known to hold no empty line
  std::size_t remaining_ = 0;  // body or chunk bytes still to come
  std::size_t trailerBytes_ = 0;
  bool expectContinue_ = false;
  int errorStatus_ = 0;
  std::string errorMessage_;
};

}  // namespace http
}  // namespace dynafake
