// dynafake — GetItem, PutItem, DeleteItem and UpdateItem on one table, once
// the request's own checks passed (read_plans.hpp, write_plans.hpp) and the
// table was found. A write checks the key against the schema, evaluates its
// condition on the item as it is (ConditionalCheckFailedException, carrying
// the item under ReturnValuesOnConditionCheckFailure ALL_OLD), builds the new
// item, checks it as the service does (size, key and index key types, empty
// index keys), records it and answers with ReturnValues and
// ReturnConsumedCapacity. Order and messages follow the service (DynamoDB
// Local PutItemFunction, UpdateItemFunction; architect/dynalite
// actions/updateItem.js, db/index.js validateUpdates).
#pragma once

#include <cstdint>  // int64_t
#include <string>   // std::string

#include "dynafake/detail/data_plane/capacity.hpp"    // WriteCost, ReadUnits, Report
#include "dynafake/detail/data_plane/data_table.hpp"  // DataTable, Invalid
#include "dynafake/detail/messages.hpp"               // msg::
#include "dynafake/detail/requests/item_checks.hpp"   // CanonicalValue, ItemBytes, kMaxItemBytes
#include "dynafake/detail/requests/key_checks.hpp"    // CheckKeyArgument, CheckItemKeys, CheckIndexKeys
#include "dynafake/detail/requests/plan_support.hpp"  // NestedKeyAccess, Paths
#include "dynafake/detail/requests/read_plans.hpp"    // ReadPlan
#include "dynafake/detail/requests/write_plans.hpp"   // WritePlan
#include "dynafake/expression/legacy_updates.hpp"     // ApplyAttributeUpdates, UpdatedAttributes
#include "dynafake/generated/operations.hpp"          // XOutcome

namespace dynafake {
namespace detail {

namespace writes {
inline std::optional<DynamoDBError> ConditionFailed(const WritePlan& plan, const Item* old,
                                                    Model::ReturnValuesOnConditionCheckFailure returnOld) {
  if (!plan.condition || plan.condition->Holds(old ? *old : Item{})) return std::nullopt;
  DynamoDBError e(DynamoDBErrors::CONDITIONAL_CHECK_FAILED, msg::ConditionalRequestFailed());
  if (returnOld == Model::ReturnValuesOnConditionCheckFailure::ALL_OLD && old) e.SetItem(*old);
  return e;
}

inline std::string ConditionPaths(const DataTable& t, const WritePlan& plan) {
  std::vector<const expression::DocPath*> paths;
  if (plan.condition) plans::Paths(plan.condition->root, paths);
  if (plan.update) plans::Paths(plan.update->actions, paths);
  return plans::NestedKeyAccess(t.schema, paths);
}

/// Charges the write of `after` over `before` (Throughput) and reports it:
/// the throttling error when the table or an index it touches has no room
/// (then nothing is consumed and the caller writes nothing).
template <class Result>
std::optional<DynamoDBError> ChargeWrite(Result& out, const DataTable& t, Model::ReturnConsumedCapacity mode,
                                         const Item* before, const Item* after) {
  const Consumed cost = WriteCost(t.schema, before, after);
  if (auto throttled = t.Charge(cost, true)) return throttled;
  if (auto report = Report(mode, t.name, cost)) out.SetConsumedCapacity(*report);
  return std::nullopt;
}
}  // namespace writes

inline Model::GetItemOutcome RunGetItem(const DataTable& t, const Model::GetItemRequest& r, const ReadPlan& plan,
                                        int64_t now) {
  std::string e = CheckKeyArgument(t.schema.hash, t.schema.range, r.GetKey());
  if (e.empty() && plan.projection) {
    std::vector<const expression::DocPath*> paths;
    for (const auto& p : plan.projection->paths) paths.push_back(&p);
    e = plans::NestedKeyAccess(t.schema, paths);
  }
  if (!e.empty()) return Model::GetItemOutcome(Invalid(e));
  Model::GetItemResult out;
  const Item* item = t.Find(r.GetKey(), now);
  if (item) out.SetItem(plan.projection ? plan.projection->Apply(*item) : *item);
  Consumed c;
  c.table = ReadUnits(item ? ItemBytes(*item) : 0, r.ConsistentReadHasBeenSet() && r.GetConsistentRead());
  if (auto throttled = t.Charge(c, false)) return Model::GetItemOutcome(*throttled);
  if (auto report = Report(r.GetReturnConsumedCapacity(), t.name, c)) out.SetConsumedCapacity(*report);
  return out;
}

inline Model::PutItemOutcome RunPutItem(const DataTable& t, const Model::PutItemRequest& r, const WritePlan& plan,
                                        int64_t now) {
  std::string e = CheckItemKeys(t.schema.hash, t.schema.range, t.schema.IndexKeys(), plan.item);
  if (e.empty()) e = writes::ConditionPaths(t, plan);
  if (!e.empty()) return Model::PutItemOutcome(Invalid(e));
  const Item* old = t.Find(plan.item, now);
  if (auto failed = writes::ConditionFailed(plan, old, r.GetReturnValuesOnConditionCheckFailure()))
    return Model::PutItemOutcome(*failed);
  Model::PutItemResult out;
  if (old && r.GetReturnValues() == Model::ReturnValue::ALL_OLD) out.SetAttributes(*old);
  if (auto throttled = writes::ChargeWrite(out, t, r.GetReturnConsumedCapacity(), old, &plan.item))
    return Model::PutItemOutcome(*throttled);
  t.write(plan.item, false);
  return out;
}

inline Model::DeleteItemOutcome RunDeleteItem(const DataTable& t, const Model::DeleteItemRequest& r,
                                              const WritePlan& plan, int64_t now) {
  std::string e = CheckKeyArgument(t.schema.hash, t.schema.range, plan.item);
  if (e.empty()) e = writes::ConditionPaths(t, plan);
  if (!e.empty()) return Model::DeleteItemOutcome(Invalid(e));
  const Item* old = t.Find(plan.item, now);
  if (auto failed = writes::ConditionFailed(plan, old, r.GetReturnValuesOnConditionCheckFailure()))
    return Model::DeleteItemOutcome(*failed);
  Model::DeleteItemResult out;
  if (auto throttled = writes::ChargeWrite(out, t, r.GetReturnConsumedCapacity(), old, nullptr))
    return Model::DeleteItemOutcome(*throttled);
  if (old) {
    if (r.GetReturnValues() == Model::ReturnValue::ALL_OLD) out.SetAttributes(*old);
    t.write(plan.item, true);
  }
  return out;
}

namespace writes {
// Key attributes are not updated; an index key set to a value is of the index key's type.
inline std::string CheckUpdateTargets(const DataTable& t, const Model::UpdateItemRequest& r, const WritePlan& plan) {
  auto indexType = [&](const std::string& attribute, const Model::AttributeValue& v) -> std::string {
    const IndexDef* index = t.schema.IndexWithKey(attribute);
    if (!index) return {};
    const KeyAttribute& k = index->hash.name == attribute ? index->hash : index->range;
    if (keys::OfType(v, k.type)) return {};
    return msg::IndexKeyTypeMismatch(attribute, keys::Letter(k.type), expression::TypeSymbol(expression::TypeOf(v)),
                                     index->name);
  };
  if (plan.update) {
    for (const auto& a : plan.update->actions)
      if (t.schema.IsKey(a.path.elements[0].name)) return msg::KeyIsNotUpdatable(a.path.elements[0].name);
    for (const auto& a : plan.update->actions)
      if (a.kind == expression::UpdateAction::Kind::Set && a.path.elements.size() == 1 &&
          a.value.kind == expression::Node::Kind::Value) {
        std::string e = indexType(a.path.elements[0].name, a.value.value);
        if (!e.empty()) return e;
      }
    return {};
  }
  for (const auto& kv : r.GetAttributeUpdates())
    if (t.schema.IsKey(kv.first)) return msg::KeyIsNotUpdatable(kv.first);
  for (const auto& kv : r.GetAttributeUpdates())
    if (kv.second.ValueHasBeenSet() && kv.second.GetAction() != Model::AttributeAction::DELETE_) {
      std::string e = indexType(kv.first, kv.second.GetValue());
      if (!e.empty()) return e;
    }
  return {};
}

// The updated item as the service stores it, or its message.
inline std::string CheckUpdated(const DataTable& t, bool expression, Item& item) {
  if (ItemBytes(item) > kMaxItemBytes) return msg::UpdatedItemTooLarge();
  for (auto& kv : item) {
    Model::AttributeValue canonical;
    std::string e = CanonicalValue(kv.second, canonical);
    if (!e.empty()) return e;
    kv.second = std::move(canonical);
  }
  std::string e = CheckIndexKeys(t.schema.IndexKeys(), item);
  if (e.empty() || !expression) return e;
  // not a message: the index check's text is read back, to tell an emptied key from a mistyped one
  if (e.find("cannot contain an empty") != std::string::npos)
    return msg::UpdateEmptiesIndexKey(e.find("empty binary") != std::string::npos ? "binary" : "string");
  return msg::UpdateIndexKeyType();
}
}  // namespace writes

inline Model::UpdateItemOutcome RunUpdateItem(const DataTable& t, const Model::UpdateItemRequest& r,
                                              const WritePlan& plan, int64_t now) {
  using Outcome = Model::UpdateItemOutcome;
  std::string e = CheckKeyArgument(t.schema.hash, t.schema.range, plan.item);
  if (e.empty()) e = writes::CheckUpdateTargets(t, r, plan);
  if (e.empty()) e = writes::ConditionPaths(t, plan);
  if (!e.empty()) return Outcome(Invalid(e));
  const Item* old = t.Find(plan.item, now);
  if (auto failed = writes::ConditionFailed(plan, old, r.GetReturnValuesOnConditionCheckFailure()))
    return Outcome(*failed);
  Item updated = old ? *old : plan.item;
  if (plan.update) {
    if (!plan.update->Apply(old ? *old : plan.item, updated, e)) return Outcome(Invalid(e));
  } else if (!expression::ApplyAttributeUpdates(r.GetAttributeUpdates(), updated, e)) {
    return Outcome(Invalid(e));
  }
  if (!(e = writes::CheckUpdated(t, plan.update.has_value(), updated)).empty()) return Outcome(Invalid(e));

  Model::UpdateItemResult out;
  auto changed = [&](const Item& item) {
    return plan.update ? plan.update->Updated(item) : expression::UpdatedAttributes(r.GetAttributeUpdates(), item);
  };
  Item returned;
  switch (r.GetReturnValues()) {
    case Model::ReturnValue::ALL_OLD:
      if (old) returned = *old;
      break;
    case Model::ReturnValue::ALL_NEW:
      returned = updated;
      break;
    case Model::ReturnValue::UPDATED_OLD:
      if (old) returned = changed(*old);
      break;
    case Model::ReturnValue::UPDATED_NEW:
      returned = changed(updated);
      break;
    default:
      break;
  }
  if (!returned.empty()) out.SetAttributes(returned);
  if (auto throttled = writes::ChargeWrite(out, t, r.GetReturnConsumedCapacity(), old, &updated))
    return Outcome(*throttled);
  t.write(updated, false);
  return out;
}

}  // namespace detail
}  // namespace dynafake
