// dynafake — http::Router: the route table, method and path to handler, with 404 and 405 told apart.
// Part of dynafake/http.hpp (target dynafake::http); this part needs only the standard library.
#pragma once

#include <functional>   // std::function
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include "dynafake/http/message.hpp"  // Request, HttpResponse

namespace dynafake {
namespace http {

/// Routes are exact paths ("/_dynafake/clock") or, ending in "/*", a prefix
/// whose remainder the handler receives ("/_dynafake/faults/*" gets "7").
/// A trailing slash on the request's path is ignored. Routes are tried in
/// the order added.
class Router {
 public:
  /// `rest` is what a "/*" route matched ("" for exact routes).
  using Handler = std::function<HttpResponse(const Request& request, const std::string& rest)>;

  Router& Add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler)});
    return *this;
  }

  struct Match {
    const Handler* handler = nullptr;  ///< null: no route for this method
    std::string rest;
    bool pathKnown = false;  ///< some route has this path (so a miss is 405, not 404)
    std::string allowed;     ///< the methods that path takes ("GET, POST")
  };

  Match Find(std::string_view method, std::string_view path) const {
    if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    Match m;
    for (const auto& r : routes_) {
      std::string rest;
      if (!PathMatches(r.pattern, path, rest)) continue;
      m.pathKnown = true;
      if (m.allowed.find(r.method) == std::string::npos) m.allowed += (m.allowed.empty() ? "" : ", ") + r.method;
      if (!m.handler && (r.method == method || (r.method == "GET" && method == "HEAD"))) {
        m.handler = &r.handler;
        m.rest = std::move(rest);
      }
    }
    return m;
  }

 private:
  struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
  };

  static bool PathMatches(std::string_view pattern, std::string_view path, std::string& rest) {
    if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == "/*") {
      const std::string_view prefix = pattern.substr(0, pattern.size() - 1);  // keeps the '/'
      if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return false;
      rest = std::string(path.substr(prefix.size()));
      return true;
    }
    return pattern == path;
  }

  std::vector<Route> routes_;
};

}  // namespace http
}  // namespace dynafake
