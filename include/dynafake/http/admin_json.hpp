// dynafake — the admin API's JSON: reading a request body's fields, error bodies.
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <cstdint>           // int64_t
#include <exception>         // std::exception
#include <functional>        // std::function
#include <initializer_list>  // std::initializer_list
#include <optional>          // std::optional
#include <stdexcept>         // std::out_of_range
#include <string>            // std::string
#include <string_view>       // std::string_view

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/http/config.hpp"   // AdminError
#include "dynafake/http/message.hpp"  // Request, HttpResponse
#include "dynafake/http/router.hpp"   // Router
#include "dynafake/wire.hpp"          // wire::NestingWithin, wire::kMaxJsonDepth

namespace dynafake {
namespace http {
namespace detail {

using Json = nlohmann::json;

/// JSON text that never throws (bytes that are not UTF-8 become U+FFFD).
inline std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

inline Json ErrorJson(const std::string& message) { return Json{{"error", message}}; }

/// Parses an admin request body: JSON within the wire's nesting limit, or a 400 naming what is wrong.
inline Json ParseJson(std::string_view body) {
  if (!wire::NestingWithin(body, wire::kMaxJsonDepth))
    throw AdminError(400, "the request body nests deeper than " + std::to_string(wire::kMaxJsonDepth) + " levels");
  Json j = Json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) throw AdminError(400, "the request body is not JSON");
  return j;
}

/// An admin request body that must be an object; an empty body is {}.
inline Json ParseObject(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return Json::object();
  Json j = ParseJson(body);
  if (!j.is_object()) throw AdminError(400, "the request body must be a JSON object");
  return j;
}

inline void OnlyFields(const Json& j, std::initializer_list<const char*> allowed) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || it.key() == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw AdminError(400, "unknown field '" + it.key() + "' (expected: " + list + ")");
    }
  }
}

inline std::string StringField(const Json& j, const char* name, std::string fallback = {}) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw AdminError(400, std::string("'") + name + "' must be a string");
  return it->get<std::string>();
}

inline std::optional<int64_t> IntField(const Json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw AdminError(400, std::string("'") + name + "' must be an integer");
  return it->get<int64_t>();
}

/// One admin request as its handler sees it.
struct AdminCall {
  const Request& request;
  const std::string& rest;  ///< what a "/*" route matched
  std::string account;      ///< ?account=... ("" = the default account)
};
using AdminHandler = std::function<Json(const AdminCall&)>;

/// A route handler that answers an admin handler's JSON with 200, and its
/// AdminError with that status and {"error": "..."}.
inline Router::Handler AdminRoute(AdminHandler handler) {
  return [handler = std::move(handler)](const Request& request, const std::string& rest) {
    const auto answer = [](int status, const Json& body) {
      return HttpResponse(status, "application/json", Dump(body));
    };
    try {
      std::string account;
      if (request.query.find("account") != std::string::npos) {
        const auto params = request.QueryParams();
        if (const auto it = params.find("account"); it != params.end()) account = it->second;
      }
      return answer(200, handler(AdminCall{request, rest, std::move(account)}));
    } catch (const AdminError& e) {
      return answer(e.Status(), ErrorJson(e.what()));
    } catch (const std::out_of_range& e) {
      return answer(404, ErrorJson(e.what()));
    } catch (const std::exception& e) {
      return answer(500, ErrorJson(std::string("internal error: ") + e.what()));
    }
  };
}

}  // namespace detail
}  // namespace http
}  // namespace dynafake
