// dynafake — the admin API's overview of a Service: tables, backups, exports,
// fault rules and the clock in one JSON (GET /_dynafake/overview), and a
// table's items page by page (GET /_dynafake/tables/{name}/items). What the
// dashboard reads. Everything is read through Service::Inspect: no fault rule
// sees it, no rate limit counts it, the journal does not record it.
// Part of dynafake/http.hpp (target dynafake::http); this part needs nlohmann_json.
#pragma once

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <string>   // std::string

#include "dynafake/date_time.hpp"             // DateTime
#include "dynafake/generated/enums.hpp"       // the mappers' names
#include "dynafake/generated/operations.hpp"  // DYNAFAKE_FOR_EACH_OPERATION
#include "dynafake/http/accounts.hpp"         // Accounts
#include "dynafake/http/admin_clock.hpp"      // ClockControl
#include "dynafake/http/admin_faults.hpp"     // detail::FaultJson
#include "dynafake/http/admin_json.hpp"       // Json, AdminRoute
#include "dynafake/http/config.hpp"           // AdminError
#include "dynafake/http/router.hpp"           // Router
#include "dynafake/model/errors.hpp"          // detail::kErrorTable
#include "dynafake/service.hpp"               // Service
#include "dynafake/wire/json_codec.hpp"       // wire::ToJson, wire::FromJson (AttributeValue)

namespace dynafake {
namespace http {
namespace detail {

inline Json InstantJson(const DateTime& t) { return t.ToIso8601(); }

/// One table: status, key schema, item count, billing, PITR window, Time to Live.
inline Json TableJson(Service& service, const std::string& name) {
  namespace M = Model;
  const auto described = service.Inspect(M::DescribeTableRequest().WithTableName(name));
  if (!described.IsSuccess()) return Json();  // gone between the listing and now
  const M::TableDescription& t = described.GetResult().GetTable();
  std::map<std::string, std::string> types;
  for (const auto& a : t.GetAttributeDefinitions())
    types[a.GetAttributeName()] = M::ScalarAttributeTypeMapper::GetNameForScalarAttributeType(a.GetAttributeType());
  Json keys = Json::array();
  for (const auto& k : t.GetKeySchema())
    keys.push_back(Json{{"name", k.GetAttributeName()},
                        {"role", M::KeyTypeMapper::GetNameForKeyType(k.GetKeyType())},
                        {"type", types[k.GetAttributeName()]}});
  Json indexes = Json::array();
  for (const auto& g : t.GetGlobalSecondaryIndexes())
    indexes.push_back(Json{{"name", g.GetIndexName()}, {"kind", "global"}});
  for (const auto& l : t.GetLocalSecondaryIndexes())
    indexes.push_back(Json{{"name", l.GetIndexName()}, {"kind", "local"}});
  Json j{{"name", t.GetTableName()},
         {"status", M::TableStatusMapper::GetNameForTableStatus(t.GetTableStatus())},
         {"keySchema", keys},
         {"indexes", indexes},
         {"itemCount", t.GetItemCount()},
         {"sizeBytes", t.GetTableSizeBytes()},
         {"billingMode", t.GetBillingModeSummary().BillingModeHasBeenSet() &&
                                 t.GetBillingModeSummary().GetBillingMode() == M::BillingMode::PAY_PER_REQUEST
                             ? "PAY_PER_REQUEST"
                             : "PROVISIONED"},
         {"created", InstantJson(t.GetCreationDateTime())},
         {"pitr", nullptr},
         {"ttl", nullptr}};
  const auto continuous = service.Inspect(M::DescribeContinuousBackupsRequest().WithTableName(name));
  if (continuous.IsSuccess()) {
    const auto& p = continuous.GetResult().GetContinuousBackupsDescription().GetPointInTimeRecoveryDescription();
    Json pitr{{"status", M::PointInTimeRecoveryStatusMapper::GetNameForPointInTimeRecoveryStatus(
                             p.GetPointInTimeRecoveryStatus())}};
    if (p.EarliestRestorableDateTimeHasBeenSet()) pitr["earliest"] = InstantJson(p.GetEarliestRestorableDateTime());
    if (p.LatestRestorableDateTimeHasBeenSet()) pitr["latest"] = InstantJson(p.GetLatestRestorableDateTime());
    if (p.RecoveryPeriodInDaysHasBeenSet()) pitr["recoveryPeriodInDays"] = p.GetRecoveryPeriodInDays();
    j["pitr"] = pitr;
  }
  const auto ttl = service.Inspect(M::DescribeTimeToLiveRequest().WithTableName(name));
  if (ttl.IsSuccess()) {
    const auto& d = ttl.GetResult().GetTimeToLiveDescription();
    Json t2{{"status", M::TimeToLiveStatusMapper::GetNameForTimeToLiveStatus(d.GetTimeToLiveStatus())}};
    if (d.AttributeNameHasBeenSet()) t2["attribute"] = d.GetAttributeName();
    j["ttl"] = t2;
  }
  return j;
}

/// Every table of the Service, in name order.
inline Json TablesJson(Service& service) {
  Json out = Json::array();
  Model::ListTablesRequest request;
  for (;;) {
    const auto page = service.Inspect(request);
    if (!page.IsSuccess()) break;
    for (const auto& name : page.GetResult().GetTableNames()) {
      Json t = TableJson(service, name);
      if (!t.is_null()) out.push_back(std::move(t));
    }
    if (page.GetResult().GetLastEvaluatedTableName().empty()) break;
    request.SetExclusiveStartTableName(page.GetResult().GetLastEvaluatedTableName());
  }
  return out;
}

/// Every backup of every type: name, table, type, status, creation, cut and (SYSTEM) expiry.
/// Every export, oldest first: ARN, table, status, type, times, items, manifest, failure.
inline Json ExportsJson(Service& service) {
  namespace M = Model;
  Json out = Json::array();
  M::ListExportsRequest request;
  for (;;) {
    const auto page = service.Inspect(request);
    if (!page.IsSuccess()) break;
    for (const auto& s : page.GetResult().GetExportSummaries()) {
      const auto d = service.Inspect(M::DescribeExportRequest().WithExportArn(s.GetExportArn()));
      if (!d.IsSuccess()) continue;
      const M::ExportDescription& e = d.GetResult().GetExportDescription();
      Json j{{"arn", e.GetExportArn()},
             {"table", e.GetTableArn().substr(e.GetTableArn().rfind('/') + 1)},
             {"status", M::ExportStatusMapper::GetNameForExportStatus(e.GetExportStatus())},
             {"type", M::ExportTypeMapper::GetNameForExportType(e.GetExportType())},
             {"started", InstantJson(e.GetStartTime())},
             {"bucket", e.GetS3Bucket()},
             {"manifest", e.ExportManifestHasBeenSet() ? Json(e.GetExportManifest()) : Json(nullptr)},
             {"itemCount", e.ItemCountHasBeenSet() ? Json(e.GetItemCount()) : Json(nullptr)},
             {"failure", e.FailureMessageHasBeenSet() ? Json(e.GetFailureMessage()) : Json(nullptr)}};
      out.push_back(std::move(j));
    }
    if (!page.GetResult().NextTokenHasBeenSet()) break;
    request.SetNextToken(page.GetResult().GetNextToken());
  }
  return out;
}

/// Every import, oldest first: ARN, table, status, items imported, errors, failure.
inline Json ImportsJson(Service& service) {
  namespace M = Model;
  Json out = Json::array();
  M::ListImportsRequest request;
  for (;;) {
    const auto page = service.Inspect(request);
    if (!page.IsSuccess()) break;
    for (const auto& s : page.GetResult().GetImportSummaryList()) {
      const auto d = service.Inspect(M::DescribeImportRequest().WithImportArn(s.GetImportArn()));
      if (!d.IsSuccess()) continue;
      const M::ImportTableDescription& e = d.GetResult().GetImportTableDescription();
      Json j{{"arn", e.GetImportArn()},
             {"table", e.GetTableArn().substr(e.GetTableArn().rfind('/') + 1)},
             {"status", M::ImportStatusMapper::GetNameForImportStatus(e.GetImportStatus())},
             {"started", InstantJson(e.GetStartTime())},
             {"imported", e.ImportedItemCountHasBeenSet() ? Json(e.GetImportedItemCount()) : Json(nullptr)},
             {"errors", e.ErrorCountHasBeenSet() ? Json(e.GetErrorCount()) : Json(nullptr)},
             {"failure", e.FailureMessageHasBeenSet() ? Json(e.GetFailureMessage()) : Json(nullptr)}};
      out.push_back(std::move(j));
    }
    if (!page.GetResult().NextTokenHasBeenSet()) break;
    request.SetNextToken(page.GetResult().GetNextToken());
  }
  return out;
}

inline Json BackupsJson(Service& service) {
  namespace M = Model;
  Json out = Json::array();
  M::ListBackupsRequest request;
  request.SetBackupType(M::BackupTypeFilter::ALL);
  for (;;) {
    const auto page = service.Inspect(request);
    if (!page.IsSuccess()) break;
    for (const auto& b : page.GetResult().GetBackupSummaries()) {
      Json j{{"arn", b.GetBackupArn()},
             {"name", b.GetBackupName()},
             {"table", b.GetTableName()},
             {"type", M::BackupTypeMapper::GetNameForBackupType(b.GetBackupType())},
             {"status", M::BackupStatusMapper::GetNameForBackupStatus(b.GetBackupStatus())},
             {"created", InstantJson(b.GetBackupCreationDateTime())},
             {"sizeBytes", b.GetBackupSizeBytes()},
             {"cut", nullptr},
             {"expires", nullptr}};
      if (const auto cut = service.BackupCutMs(b.GetBackupArn())) j["cut"] = InstantJson(DateTime(*cut));
      if (b.BackupExpiryDateTimeHasBeenSet()) j["expires"] = InstantJson(b.GetBackupExpiryDateTime());
      out.push_back(std::move(j));
    }
    if (page.GetResult().GetLastEvaluatedBackupArn().empty()) break;
    request.SetExclusiveStartBackupArn(page.GetResult().GetLastEvaluatedBackupArn());
  }
  return out;
}

/// Every operation served, for the dashboard's fault form.
inline Json OperationList() {
  Json out = Json::array();
#define DYNAFAKE_HTTP_OPERATION(Op) out.push_back(#Op);
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_HTTP_OPERATION)
#undef DYNAFAKE_HTTP_OPERATION
  return out;
}

/// Every error a fault rule can answer with, by exception name.
inline Json ErrorNames() {
  Json out = Json::array();
  for (const auto& e : dynafake::detail::kErrorTable)
    if (e.type != DynamoDBErrors::UNKNOWN) out.push_back(e.exception_name);
  return out;
}

/// The `limit` query parameter of the items page: 1 to 1000, 25 when absent.
inline int LimitParam(const std::map<std::string, std::string>& params) {
  const auto it = params.find("limit");
  if (it == params.end() || it->second.empty()) return 25;
  const std::string& text = it->second;
  if (text.find_first_not_of("0123456789") != std::string::npos || text.size() > 4 || std::stoi(text) < 1 ||
      std::stoi(text) > 1000)
    throw AdminError(400, "'limit' must be a number of items from 1 to 1000, got '" + text + "'");
  return std::stoi(text);
}

}  // namespace detail

/// GET /overview and GET /tables/{name}/items?limit=N&start=KEY, each for ?account=....
/// `start` is the `next` of the page before: the last key read, as DynamoDB JSON.
inline void AddOverviewRoutes(Router& router, const std::string& base, Accounts& accounts, ClockControl& clock) {
  using detail::AdminCall;
  using detail::Json;
  router.Add("GET", base + "/overview", detail::AdminRoute([&accounts, &clock](const AdminCall& call) {
               Service& service = accounts.ForAdmin(call.account);
               Json faults = Json::array();
               for (const auto& e : service.Faults().List()) faults.push_back(detail::FaultJson(e));
               Json ids = Json::array();
               for (const auto& id : accounts.Ids()) ids.push_back(id);
               const auto journal = service.Journal();
               return Json{{"clock", clock.ToJson()},
                           {"account", service.Options().accountId},
                           {"accounts", ids},
                           {"region", service.Options().region},
                           {"tables", detail::TablesJson(service)},
                           {"backups", detail::BackupsJson(service)},
                           {"exports", detail::ExportsJson(service)},
                           {"exportsServed", true},
                           {"imports", detail::ImportsJson(service)},
                           {"faults", faults},
                           {"operations", detail::OperationList()},
                           {"errors", detail::ErrorNames()},
                           {"journal", Json{{"recorded", journal.Recorded()},
                                            {"held", journal.size()},
                                            {"journalSize", service.Options().journalSize}}}};
             }));
  router.Add(
      "GET", base + "/tables/*", detail::AdminRoute([&accounts](const AdminCall& call) {
        const std::string suffix = "/items";
        const std::string& rest = call.rest;
        if (rest.size() <= suffix.size() || rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) != 0)
          throw AdminError(404, "no admin endpoint /_dynafake/tables/" + rest +
                                    " (a table's items are at /_dynafake/tables/{name}/items)");
        const std::string name = rest.substr(0, rest.size() - suffix.size());
        Service& service = accounts.ForAdmin(call.account);
        const auto params = call.request.QueryParams();
        Model::ScanRequest scan;
        scan.SetTableName(name);
        scan.SetLimit(detail::LimitParam(params));
        if (const auto it = params.find("start"); it != params.end() && !it->second.empty()) {
          const Json start = detail::ParseJson(it->second);
          if (!start.is_object()) throw AdminError(400, "'start' must be a key as DynamoDB JSON (an object)");
          std::map<std::string, Model::AttributeValue> key;
          try {
            for (auto m = start.begin(); m != start.end(); ++m)
              wire::FromJson(m.value(), key[m.key()], "start." + m.key());
          } catch (const std::exception& e) {
            throw AdminError(400, std::string("'start' is not a key as DynamoDB JSON: ") + e.what());
          }
          scan.SetExclusiveStartKey(key);
        }
        const auto page = service.Inspect(scan);
        if (!page.IsSuccess())
          throw AdminError(page.GetError().GetErrorType() == DynamoDBErrors::RESOURCE_NOT_FOUND ? 404 : 400,
                           page.GetError().GetMessage());
        Json items = Json::array();
        for (const auto& item : page.GetResult().GetItems()) {
          Json j = Json::object();
          for (const auto& kv : item) j[kv.first] = wire::ToJson(kv.second);
          items.push_back(std::move(j));
        }
        Json next = nullptr;
        if (!page.GetResult().GetLastEvaluatedKey().empty()) {
          next = Json::object();
          for (const auto& kv : page.GetResult().GetLastEvaluatedKey()) next[kv.first] = wire::ToJson(kv.second);
        }
        return Json{{"table", name}, {"items", items}, {"count", items.size()}, {"next", next}};
      }));
}

}  // namespace http
}  // namespace dynafake
