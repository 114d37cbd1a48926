// dynafake — what a write request asks for, checked before any table is read:
// the item or key (values well-formed, numbers made canonical), the condition
// (ConditionExpression, or Expected with ConditionalOperator), an UpdateItem's
// update (UpdateExpression or AttributeUpdates) and ReturnValues, with the
// service's messages in the service's order (architect/dynalite
// validations/putItem.js, deleteItem.js, updateItem.js).
#pragma once

#include <cstddef>   // std::size_t
#include <map>       // std::map
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/messages.hpp"               // msg::
#include "dynafake/detail/requests/item_checks.hpp"   // CanonicalItem, CanonicalValue
#include "dynafake/detail/requests/plan_support.hpp"  // CheckParameterUse, CheckValue
#include "dynafake/detail/storage/history.hpp"        // Item
#include "dynafake/expression/expressions.hpp"        // Parse, Condition, Update
#include "dynafake/expression/legacy.hpp"             // LegacyExpected
#include "dynafake/expression/legacy_updates.hpp"     // CheckAttributeUpdates
#include "dynafake/generated/requests.hpp"  // PutItemRequest, DeleteItemRequest, UpdateItemRequest, BatchWriteItemRequest
#include "dynafake/limits.hpp"              // the documented limits

namespace dynafake {
namespace detail {

/// A write request's parts, parsed and canonical.
struct WritePlan {
  Item item;  ///< PutItem: the item to write; otherwise the key
  std::optional<expression::Condition> condition;
  std::optional<expression::Update> update;  ///< UpdateExpression (AttributeUpdates stay on the request)
};

namespace plans {
template <class ItemMap>
std::string CanonicalKey(const ItemMap& key, Item& out) {
  for (const auto& kv : key) {
    Model::AttributeValue v;
    std::string e = CanonicalValue(kv.second, v);
    if (!e.empty()) return e;
    out.emplace(kv.first, std::move(v));
  }
  return {};
}

template <class Request>
std::string ExpectedValues(const Request& r) {
  for (const auto& kv : r.GetExpected()) {
    std::string e;
    if (kv.second.ValueHasBeenSet()) e = CheckValue(kv.second.GetValue());
    for (const auto& v : kv.second.GetAttributeValueList())
      if (e.empty()) e = CheckValue(v);
    if (!e.empty()) return e;
  }
  return {};
}

// Expected (with ConditionalOperator) when no ConditionExpression is given.
template <class Request>
std::string Expected(const Request& r, WritePlan& out) {
  if (r.ConditionExpressionHasBeenSet() || (!r.ExpectedHasBeenSet() && !r.ConditionalOperatorHasBeenSet())) return {};
  expression::Condition c;
  std::string e =
      expression::LegacyExpected(r.GetExpected(), r.ConditionalOperatorHasBeenSet(), r.GetConditionalOperator(), c);
  if (e.empty() && !r.GetExpected().empty()) out.condition = std::move(c);
  return e;
}

// The expressions of a write request.
template <class Request>
std::string Expressions(const Request& r, const std::string* update, WritePlan& out) {
  expression::Request req;
  req.update = update;
  if (r.ConditionExpressionHasBeenSet()) req.condition = &r.GetConditionExpression();
  if (r.ExpressionAttributeNamesHasBeenSet()) req.names = &r.GetExpressionAttributeNames();
  if (r.ExpressionAttributeValuesHasBeenSet()) req.values = &r.GetExpressionAttributeValues();
  req.checkValue = [](const Model::AttributeValue& v) { return CheckValue(v); };
  expression::Parsed parsed;
  std::string e = expression::Parse(req, parsed);
  if (!e.empty()) return e;
  if (parsed.condition) out.condition = std::move(parsed.condition);
  if (parsed.update) out.update = std::move(parsed.update);
  return {};
}

inline std::string ReturnValuesNoneOrAllOld(bool set, Model::ReturnValue v) {
  if (set && v != Model::ReturnValue::NONE && v != Model::ReturnValue::ALL_OLD) return msg::ReturnValuesInvalid();
  return {};
}
}  // namespace plans

inline std::string PlanPutItem(const Model::PutItemRequest& r, WritePlan& out) {
  std::string e = plans::CheckParameterUse(
      {{"Expected", r.ExpectedHasBeenSet()}, {"ConditionalOperator", r.ConditionalOperatorHasBeenSet()}},
      {{"ConditionExpression", r.ConditionExpressionHasBeenSet()}}, r.ExpressionAttributeNamesHasBeenSet(),
      r.ExpressionAttributeValuesHasBeenSet(), {"ConditionExpression"});
  // the item's values, ReturnValues, the item's size, then Expected and the
  // expressions: the service's order (architect/dynalite validations/putItem.js)
  if (e.empty()) e = CanonicalItemValues(r.GetItem(), out.item);
  if (e.empty()) e = plans::ReturnValuesNoneOrAllOld(r.ReturnValuesHasBeenSet(), r.GetReturnValues());
  if (e.empty()) e = ItemSizeWithinLimit(out.item);
  if (e.empty()) e = plans::ExpectedValues(r);
  if (e.empty()) e = plans::Expected(r, out);
  if (e.empty()) e = plans::Expressions(r, nullptr, out);
  return e;
}

inline std::string PlanDeleteItem(const Model::DeleteItemRequest& r, WritePlan& out) {
  std::string e = plans::CheckParameterUse(
      {{"Expected", r.ExpectedHasBeenSet()}, {"ConditionalOperator", r.ConditionalOperatorHasBeenSet()}},
      {{"ConditionExpression", r.ConditionExpressionHasBeenSet()}}, r.ExpressionAttributeNamesHasBeenSet(),
      r.ExpressionAttributeValuesHasBeenSet(), {"ConditionExpression"});
  if (e.empty()) e = plans::CanonicalKey(r.GetKey(), out.item);
  if (e.empty()) e = plans::ExpectedValues(r);
  if (e.empty()) e = plans::Expected(r, out);
  if (e.empty()) e = plans::Expressions(r, nullptr, out);
  if (e.empty()) e = plans::ReturnValuesNoneOrAllOld(r.ReturnValuesHasBeenSet(), r.GetReturnValues());
  return e;
}

inline std::string PlanUpdateItem(const Model::UpdateItemRequest& r, WritePlan& out) {
  std::string e =
      plans::CheckParameterUse({{"AttributeUpdates", r.AttributeUpdatesHasBeenSet()},
                                {"Expected", r.ExpectedHasBeenSet()},
                                {"ConditionalOperator", r.ConditionalOperatorHasBeenSet()}},
                               {{"UpdateExpression", r.UpdateExpressionHasBeenSet()},
                                {"ConditionExpression", r.ConditionExpressionHasBeenSet()}},
                               r.ExpressionAttributeNamesHasBeenSet(), r.ExpressionAttributeValuesHasBeenSet(),
                               {"UpdateExpression", "ConditionExpression"});
  if (e.empty()) e = plans::CanonicalKey(r.GetKey(), out.item);
  for (auto it = r.GetAttributeUpdates().begin(); e.empty() && it != r.GetAttributeUpdates().end(); ++it)
    if (it->second.ValueHasBeenSet()) e = plans::CheckValue(it->second.GetValue());
  if (e.empty()) e = expression::CheckAttributeUpdates(r.GetAttributeUpdates());
  if (e.empty()) e = plans::ExpectedValues(r);
  if (e.empty()) e = plans::Expected(r, out);
  if (e.empty()) e = plans::Expressions(r, r.UpdateExpressionHasBeenSet() ? &r.GetUpdateExpression() : nullptr, out);
  return e;
}

/// BatchWriteItem's own checks: at most 25 writes, each a PutRequest or a
/// DeleteRequest (not both, not neither), items and keys well-formed; the
/// canonical item or key of every write, table by table in the request's order.
struct BatchWritePlan {
  std::map<std::string, std::vector<Item>> canonical;
};

inline std::string PlanBatchWriteItem(const Model::BatchWriteItemRequest& r, BatchWritePlan& out) {
  std::size_t total = 0;
  for (const auto& kv : r.GetRequestItems()) total += kv.second.size();
  if (total > limits::kMaxBatchWriteItems) return msg::TooManyBatchItems("BatchWriteItem");
  for (const auto& kv : r.GetRequestItems()) {
    std::vector<Item>& items = out.canonical[kv.first];
    for (const auto& w : kv.second) {
      if (w.PutRequestHasBeenSet() == w.DeleteRequestHasBeenSet()) return msg::MoreThanOneDatatype();
      Item item;
      std::string e = w.PutRequestHasBeenSet() ? CanonicalItem(w.GetPutRequest().GetItem(), item)
                                               : plans::CanonicalKey(w.GetDeleteRequest().GetKey(), item);
      if (!e.empty()) return e;
      items.push_back(std::move(item));
    }
  }
  return {};
}

}  // namespace detail
}  // namespace dynafake
