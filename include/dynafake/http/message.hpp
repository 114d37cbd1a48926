// dynafake — one HTTP/1.1 exchange as data: http::Request, http::HttpResponse, and the bytes an HttpResponse is sent
// as. Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library.
#pragma once

#include <algorithm>    // std::min
#include <cstddef>      // std::size_t
#include <map>          // std::map
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair, std::move
#include <vector>       // std::vector

namespace dynafake {
namespace http {

using Headers = std::vector<std::pair<std::string, std::string>>;

namespace detail {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

inline int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Percent-decoding of a query component ('+' is a space, as forms send it).
inline std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

inline const char* ReasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 417:
      return "Expectation Failed";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return status < 400 ? "OK" : status < 500 ? "Bad Request" : "Internal Server Error";
  }
}

}  // namespace detail

/// A parsed request. `path` is the target before '?', `query` after it (raw).
struct Request {
  std::string method;
  std::string target;
  std::string path;
  std::string query;
  int minorVersion = 1;  ///< HTTP/1.<minorVersion>
  Headers headers;
  std::string body;
  bool keepAlive = true;  ///< what the client asked for (HTTP/1.1 default, or Connection: keep-alive)

  /// The first header of that name (case-insensitive), or nullptr.
  const std::string* FindHeader(std::string_view name) const {
    for (const auto& h : headers)
      if (detail::EqualsIgnoreCase(h.first, name)) return &h.second;
    return nullptr;
  }
  std::string HeaderValue(std::string_view name) const {
    const std::string* v = FindHeader(name);
    return v ? *v : std::string();
  }
  /// The query's parameters, percent-decoded (the last of a repeated name wins).
  std::map<std::string, std::string> QueryParams() const {
    std::map<std::string, std::string> out;
    std::size_t begin = 0;
    while (begin <= query.size() && !query.empty()) {
      const auto end = std::min(query.find('&', begin), query.size());
      const std::string_view part(query.data() + begin, end - begin);
      if (!part.empty()) {
        const auto eq = part.find('=');
        out[detail::PercentDecode(part.substr(0, eq))] =
            eq == std::string_view::npos ? std::string() : detail::PercentDecode(part.substr(eq + 1));
      }
      begin = end + 1;
    }
    return out;
  }
};

/// An answer. Content-Length and Connection are added when it is sent.
struct HttpResponse {
  int status = 200;
  std::string contentType = "application/json";
  Headers headers;
  std::string body;

  HttpResponse() = default;
  HttpResponse(int s, std::string type, std::string b) : status(s), contentType(std::move(type)), body(std::move(b)) {}
};

/// Appends the bytes of `r` to `out`: status line, headers, Content-Length, body.
/// `keepAlive` false adds "Connection: close"; `headOnly` (a HEAD request) sends no body.
inline void AppendResponse(std::string& out, const HttpResponse& r, bool keepAlive, bool http10 = false,
                           bool headOnly = false) {
  out += "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  out += detail::ReasonPhrase(r.status);
  out += "\r\n";
  if (!r.contentType.empty()) {
    out += "Content-Type: ";
    out += r.contentType;
    out += "\r\n";
  }
  for (const auto& h : r.headers) {
    out += h.first;
    out += ": ";
    out += h.second;
    out += "\r\n";
  }
  out += "Content-Length: ";
  out += std::to_string(r.body.size());
  out += "\r\n";
  if (!keepAlive)
    out += "Connection: close\r\n";
  else if (http10)
    out += "Connection: keep-alive\r\n";
  out += "\r\n";
  if (!headOnly) out += r.body;
}

}  // namespace http
}  // namespace dynafake
