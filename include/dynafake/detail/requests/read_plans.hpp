// dynafake — what a read request asks for, checked before any table is read:
// its projection (ProjectionExpression or AttributesToGet), its filter
// (FilterExpression, QueryFilter or ScanFilter), a Query's key conditions
// (KeyConditionExpression or KeyConditions) and Select, each with the
// service's message when misused. The order of the checks is the service's
// (architect/dynalite validations/query.js, scan.js, getItem.js,
// batchGetItem.js; DynamoDB Local PaginatingFunction.validateSelect).
#pragma once

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/messages.hpp"               // msg::
#include "dynafake/detail/requests/plan_support.hpp"  // Param, CheckParameterUse, CheckValue, ...
#include "dynafake/expression/expressions.hpp"        // Parse, Projection, Condition
#include "dynafake/expression/key_condition.hpp"      // KeyPredicate, KeyPredicates
#include "dynafake/expression/legacy.hpp"             // LegacyFilter, LegacyKeyConditions, LegacyAttributesToGet
#include "dynafake/generated/requests.hpp"            // GetItemRequest, QueryRequest, ScanRequest
#include "dynafake/generated/types.hpp"               // KeysAndAttributes

namespace dynafake {
namespace detail {

/// A read request's parts, parsed.
struct ReadPlan {
  std::optional<expression::Projection> projection;  ///< none: every attribute (or the index's)
  std::optional<expression::Condition> filter;
  std::vector<expression::KeyPredicate> keys;  ///< Query
  /// Select as given, or the default: SPECIFIC_ATTRIBUTES with a projection,
  /// else ALL_PROJECTED_ATTRIBUTES on an index, else ALL_ATTRIBUTES.
  Model::Select select = Model::Select::NOT_SET;
  bool legacyFilter = false;  ///< the filter came from QueryFilter/ScanFilter
};

namespace plans {
// Projection from ProjectionExpression (already parsed into `parsed`) or AttributesToGet.
template <class Request>
std::string Projection(const Request& r, expression::Parsed& parsed, ReadPlan& out) {
  if (parsed.projection) {
    out.projection = std::move(parsed.projection);
  } else if (r.AttributesToGetHasBeenSet()) {
    out.projection.emplace();
    return expression::LegacyAttributesToGet(r.GetAttributesToGet(), *out.projection);
  }
  return {};
}

// Select against the projection and the index (the checks that need no table).
template <class Request>
std::string Select(const Request& r, ReadPlan& out) {
  using S = Model::Select;
  const bool attrs = r.AttributesToGetHasBeenSet(), expr = r.ProjectionExpressionHasBeenSet();
  const bool index = r.IndexNameHasBeenSet();
  const S s = r.SelectHasBeenSet() ? r.GetSelect() : S::NOT_SET;
  const std::string what = attrs ? "AttributesToGet" : "ProjectionExpression";
  switch (s) {
    case S::NOT_SET:
      out.select = attrs || expr ? S::SPECIFIC_ATTRIBUTES : index ? S::ALL_PROJECTED_ATTRIBUTES : S::ALL_ATTRIBUTES;
      return {};
    case S::ALL_ATTRIBUTES:
      if (attrs || expr) return msg::CannotSpecifyWhenSelecting(what, "ALL_ATTRIBUTES");
      break;
    case S::ALL_PROJECTED_ATTRIBUTES:
      if (attrs || expr) return msg::CannotSpecifyWhenSelecting(what, "ALL_PROJECTED_ATTRIBUTES");
      if (!index) return msg::AllProjectedNeedsIndex();
      break;
    case S::COUNT:
      if (attrs) return msg::CannotSpecifyWhenCounting("AttributesToGet");
      if (expr) return msg::CannotSpecifyWhenCounting("ProjectionExpression");
      break;
    case S::SPECIFIC_ATTRIBUTES:
      if (!attrs && !expr) return msg::SpecificAttributesNeedProjection();
      break;
  }
  out.select = s;
  return {};
}

// QueryFilter / ScanFilter values, then the filter itself.
template <class Conditions>
std::string LegacyFilterValues(const Conditions& filter) {
  for (const auto& kv : filter)
    for (const auto& v : kv.second.GetAttributeValueList()) {
      std::string e = CheckValue(v);
      if (!e.empty()) return e;
    }
  return {};
}

template <class Request>
std::string ExclusiveStartKeyValues(const Request& r) {
  if (!r.ExclusiveStartKeyHasBeenSet()) return {};
  for (const auto& kv : r.GetExclusiveStartKey()) {
    std::string e = CheckValue(kv.second);
    if (!e.empty()) return msg::StartKeyInvalid(e);
  }
  return {};
}
}  // namespace plans

/// GetItem: its Key's values and its projection.
inline std::string PlanGetItem(const Model::GetItemRequest& r, ReadPlan& out) {
  std::string e = plans::CheckParameterUse({{"AttributesToGet", r.AttributesToGetHasBeenSet()}},
                                           {{"ProjectionExpression", r.ProjectionExpressionHasBeenSet()}},
                                           r.ExpressionAttributeNamesHasBeenSet(), false, {});
  if (e.empty()) e = plans::CheckKeyValues(r.GetKey());
  if (!e.empty()) return e;
  expression::Request req;
  if (r.ProjectionExpressionHasBeenSet()) req.projection = &r.GetProjectionExpression();
  if (r.ExpressionAttributeNamesHasBeenSet()) req.names = &r.GetExpressionAttributeNames();
  expression::Parsed parsed;
  if (!(e = expression::Parse(req, parsed)).empty()) return e;
  return plans::Projection(r, parsed, out);
}

/// One table's entry of a BatchGetItem.
inline std::string PlanBatchGetEntry(const Model::KeysAndAttributes& r, ReadPlan& out) {
  std::string e = plans::CheckParameterUse({{"AttributesToGet", r.AttributesToGetHasBeenSet()}},
                                           {{"ProjectionExpression", r.ProjectionExpressionHasBeenSet()}},
                                           r.ExpressionAttributeNamesHasBeenSet(), false, {});
  for (std::size_t i = 0; e.empty() && i < r.GetKeys().size(); ++i) e = plans::CheckKeyValues(r.GetKeys()[i]);
  if (!e.empty()) return e;
  expression::Request req;
  if (r.ProjectionExpressionHasBeenSet()) req.projection = &r.GetProjectionExpression();
  if (r.ExpressionAttributeNamesHasBeenSet()) req.names = &r.GetExpressionAttributeNames();
  expression::Parsed parsed;
  if (!(e = expression::Parse(req, parsed)).empty()) return e;
  return plans::Projection(r, parsed, out);
}

/// Query: everything that can be checked without the table.
inline std::string PlanQuery(const Model::QueryRequest& r, ReadPlan& out) {
  // KeyConditions may go with the other expressions when no KeyConditionExpression is given (dynalite).
  const bool keyExpr = r.KeyConditionExpressionHasBeenSet();
  std::string e =
      plans::CheckParameterUse({{"AttributesToGet", r.AttributesToGetHasBeenSet()},
                                {"QueryFilter", r.QueryFilterHasBeenSet()},
                                {"ConditionalOperator", r.ConditionalOperatorHasBeenSet()},
                                {"KeyConditions", keyExpr && r.KeyConditionsHasBeenSet()}},
                               {{"ProjectionExpression", r.ProjectionExpressionHasBeenSet()},
                                {"FilterExpression", r.FilterExpressionHasBeenSet()},
                                {"KeyConditionExpression", keyExpr}},
                               r.ExpressionAttributeNamesHasBeenSet(), r.ExpressionAttributeValuesHasBeenSet(),
                               {"FilterExpression", "KeyConditionExpression"});
  if (e.empty()) e = plans::LegacyFilterValues(r.GetQueryFilter());
  expression::Condition legacyFilter;
  if (e.empty() && (r.QueryFilterHasBeenSet() || r.ConditionalOperatorHasBeenSet()) && !r.FilterExpressionHasBeenSet())
    e = expression::LegacyFilter(r.GetQueryFilter(), r.ConditionalOperatorHasBeenSet(), r.GetConditionalOperator(),
                                 legacyFilter);
  if (e.empty() && r.AttributesToGetHasBeenSet()) e = plans::Duplicate(r.GetAttributesToGet());
  if (e.empty()) e = plans::ExclusiveStartKeyValues(r);
  if (e.empty() && !r.KeyConditionsHasBeenSet() && !keyExpr) e = msg::KeyConditionsRequired();
  if (!e.empty()) return e;

  expression::Request req;
  if (r.ProjectionExpressionHasBeenSet()) req.projection = &r.GetProjectionExpression();
  if (r.FilterExpressionHasBeenSet()) req.filter = &r.GetFilterExpression();
  if (keyExpr) req.keyCondition = &r.GetKeyConditionExpression();
  if (r.ExpressionAttributeNamesHasBeenSet()) req.names = &r.GetExpressionAttributeNames();
  if (r.ExpressionAttributeValuesHasBeenSet()) req.values = &r.GetExpressionAttributeValues();
  req.checkValue = [](const Model::AttributeValue& v) { return plans::CheckValue(v); };
  expression::Parsed parsed;
  if (!(e = expression::Parse(req, parsed)).empty()) return e;

  if (keyExpr) {
    e = expression::KeyPredicates(parsed.keyCondition->root, out.keys);
  } else {
    for (const auto& kv : r.GetKeyConditions())
      for (const auto& v : kv.second.GetAttributeValueList())
        if (e.empty()) e = plans::CheckValue(v);
    if (e.empty()) e = expression::LegacyKeyConditions(r.GetKeyConditions(), out.keys);
  }
  if (e.empty() && (out.keys.empty() || out.keys.size() > 2)) e = msg::KeyConditionCount();
  if (e.empty()) e = plans::Projection(r, parsed, out);
  if (!e.empty()) return e;
  if (parsed.filter)
    out.filter = std::move(parsed.filter);
  else if (r.QueryFilterHasBeenSet() && !r.GetQueryFilter().empty())
    out.filter = std::move(legacyFilter), out.legacyFilter = true;
  return plans::Select(r, out);
}

/// Scan: everything that can be checked without the table.
inline std::string PlanScan(const Model::ScanRequest& r, ReadPlan& out) {
  std::string e = plans::CheckParameterUse({{"AttributesToGet", r.AttributesToGetHasBeenSet()},
                                            {"ScanFilter", r.ScanFilterHasBeenSet()},
                                            {"ConditionalOperator", r.ConditionalOperatorHasBeenSet()}},
                                           {{"ProjectionExpression", r.ProjectionExpressionHasBeenSet()},
                                            {"FilterExpression", r.FilterExpressionHasBeenSet()}},
                                           r.ExpressionAttributeNamesHasBeenSet(),
                                           r.ExpressionAttributeValuesHasBeenSet(), {"FilterExpression"});
  if (e.empty()) e = plans::LegacyFilterValues(r.GetScanFilter());
  expression::Condition legacyFilter;
  if (e.empty() && (r.ScanFilterHasBeenSet() || r.ConditionalOperatorHasBeenSet()) && !r.FilterExpressionHasBeenSet())
    e = expression::LegacyFilter(r.GetScanFilter(), r.ConditionalOperatorHasBeenSet(), r.GetConditionalOperator(),
                                 legacyFilter);
  if (e.empty() && r.AttributesToGetHasBeenSet()) e = plans::Duplicate(r.GetAttributesToGet());
  if (e.empty()) e = plans::ExclusiveStartKeyValues(r);
  if (e.empty() && r.SegmentHasBeenSet() && !r.TotalSegmentsHasBeenSet()) e = msg::TotalSegmentsRequired();
  if (e.empty() && r.TotalSegmentsHasBeenSet() && !r.SegmentHasBeenSet()) e = msg::SegmentRequired();
  if (e.empty() && r.SegmentHasBeenSet() && r.GetSegment() >= r.GetTotalSegments())
    e = msg::SegmentOutOfRange(r.GetSegment(), r.GetTotalSegments());
  if (!e.empty()) return e;

  expression::Request req;
  if (r.ProjectionExpressionHasBeenSet()) req.projection = &r.GetProjectionExpression();
  if (r.FilterExpressionHasBeenSet()) req.filter = &r.GetFilterExpression();
  if (r.ExpressionAttributeNamesHasBeenSet()) req.names = &r.GetExpressionAttributeNames();
  if (r.ExpressionAttributeValuesHasBeenSet()) req.values = &r.GetExpressionAttributeValues();
  req.checkValue = [](const Model::AttributeValue& v) { return plans::CheckValue(v); };
  expression::Parsed parsed;
  if (!(e = expression::Parse(req, parsed)).empty()) return e;
  if (!(e = plans::Projection(r, parsed, out)).empty()) return e;
  if (parsed.filter)
    out.filter = std::move(parsed.filter);
  else if (r.ScanFilterHasBeenSet() && !r.GetScanFilter().empty())
    out.filter = std::move(legacyFilter), out.legacyFilter = true;
  return plans::Select(r, out);
}

}  // namespace detail
}  // namespace dynafake
