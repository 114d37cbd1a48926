// dynafake — the admin API's object store: what exports wrote and imports
// read (Service::Objects()), for tests in any language.
//   GET /_dynafake/objects/{bucket}[?prefix=P]  {"bucket":..,"keys":[...]} (in order)
//   GET /_dynafake/objects/{bucket}/{key}       the object's bytes (application/octet-stream), 404 if none
//   PUT /_dynafake/objects/{bucket}/{key}       stores the body as the object (an import's input)
// each for ?account=... like the rest of the admin API.
#pragma once

#include <string>  // std::string

#include "dynafake/http/accounts.hpp"    // Accounts
#include "dynafake/http/admin_json.hpp"  // AdminRoute, Json, AdminError
#include "dynafake/http/router.hpp"      // Router

namespace dynafake {
namespace http {

inline void AddObjectRoutes(Router& router, const std::string& base, Accounts& accounts) {
  using detail::AdminCall;
  using detail::Json;
  router.Add("GET", base + "/objects/*", [&accounts](const Request& request, const std::string& raw) {
    const std::string rest = detail::PercentDecode(raw);
    const auto slash = rest.find('/');
    if (slash == std::string::npos || slash + 1 == rest.size()) {  // a bucket: its keys
      return detail::AdminRoute([&accounts](const AdminCall& call) {
        const std::string bucket = call.rest.substr(0, call.rest.find('/'));
        if (bucket.empty()) throw AdminError(404, "no bucket named: use /_dynafake/objects/{bucket}[?prefix=P]");
        const auto params = call.request.QueryParams();
        const auto p = params.find("prefix");
        Json keys = Json::array();
        for (const auto& k : accounts.ForAdmin(call.account).Objects().List(bucket, p == params.end() ? "" : p->second))
          keys.push_back(k);
        return Json{{"bucket", bucket}, {"keys", keys}};
      })(request, rest);
    }
    std::string account;
    if (request.query.find("account") != std::string::npos) {
      const auto params = request.QueryParams();
      if (const auto it = params.find("account"); it != params.end()) account = it->second;
    }
    try {
      auto bytes = accounts.ForAdmin(account).Objects().Get(rest.substr(0, slash), rest.substr(slash + 1));
      if (!bytes) return HttpResponse(404, "application/json", detail::Dump(detail::ErrorJson("no object " + rest)));
      return HttpResponse(200, "application/octet-stream", std::move(*bytes));
    } catch (const std::exception& e) {
      return HttpResponse(404, "application/json", detail::Dump(detail::ErrorJson(e.what())));
    }
  });
  router.Add("PUT", base + "/objects/*", detail::AdminRoute([&accounts](const AdminCall& call) {
               const std::string rest = detail::PercentDecode(call.rest);
               const auto slash = rest.find('/');
               if (slash == std::string::npos || slash == 0 || slash + 1 == rest.size())
                 throw AdminError(400, "PUT /_dynafake/objects/{bucket}/{key}: name a bucket and a key");
               const std::string bucket = rest.substr(0, slash), key = rest.substr(slash + 1);
               accounts.ForAdmin(call.account).Objects().Put(bucket, key, call.request.body);
               return Json{{"bucket", bucket}, {"key", key}, {"bytes", call.request.body.size()}};
             }));
}

}  // namespace http
}  // namespace dynafake
