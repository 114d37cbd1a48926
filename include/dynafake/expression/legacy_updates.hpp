// dynafake — UpdateItem's legacy AttributeUpdates: PUT sets an attribute,
// DELETE without a value removes it, DELETE with a set removes those members
// (and the attribute when none is left), ADD adds to a number, unites sets and
// appends to a list, creating the attribute when absent. Messages as the
// service gives them (architect/dynalite validations/updateItem.js and
// actions/updateItem.js; DynamoDB Local UpdateItemFunction). Works on any
// map of AttributeValueUpdate-like values (GetAction, ValueHasBeenSet,
// GetValue) so that it needs only the model's AttributeValue.
#pragma once

#include <map>          // std::map
#include <string>       // std::string
#include <type_traits>  // std::decay_t
#include <utility>      // std::move
#include <vector>       // std::vector

#include "dynafake/expression/decimal.hpp"      // Decimal, NumberMessage
#include "dynafake/expression/value_ops.hpp"    // Item, SetUnion, SetDifference, NumberOf
#include "dynafake/expression/value_types.hpp"  // TypeOf, TypeSymbol, types
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace expression {

namespace legacy_updates {
enum class Action { Put, Add, Delete };
template <class Update>
Action ActionOf(const Update& u) {
  using A = std::decay_t<decltype(u.GetAction())>;
  if (u.GetAction() == A::ADD) return Action::Add;
  if (u.GetAction() == A::DELETE_) return Action::Delete;
  return Action::Put;  // PUT, or no action: PUT is the default
}
inline bool IsSet(TypeSet t) { return t == types::SS || t == types::NS || t == types::BS; }
}  // namespace legacy_updates

/// The request's own checks of its AttributeUpdates, before any table is read.
template <class Updates>
std::string CheckAttributeUpdates(const Updates& updates) {
  using legacy_updates::Action;
  for (const auto& kv : updates) {
    const auto& u = kv.second;
    const Action action = legacy_updates::ActionOf(u);
    if (!u.ValueHasBeenSet()) {
      if (action != Action::Delete) return msg::OnlyDeleteWithoutValue();
      continue;
    }
    const TypeSet t = TypeOf(u.GetValue());
    if (action == Action::Delete && !legacy_updates::IsSet(t)) return msg::DeleteNotForType(TypeSymbol(t));
    if (action == Action::Add && !legacy_updates::IsSet(t) && t != types::N && t != types::L)
      return msg::AddNotForType(TypeSymbol(t));
  }
  return {};
}

/// Applies checked AttributeUpdates to `item`; false with the service's
/// message when an ADD or DELETE meets an attribute of another type.
template <class Updates>
bool ApplyAttributeUpdates(const Updates& updates, Item& item, std::string& error) {
  using legacy_updates::Action;
  for (const auto& kv : updates) {
    const auto& u = kv.second;
    auto it = item.find(kv.first);
    switch (legacy_updates::ActionOf(u)) {
      case Action::Put:
        item[kv.first] = u.GetValue();
        break;
      case Action::Delete: {
        if (!u.ValueHasBeenSet()) {
          item.erase(kv.first);
          break;
        }
        if (it == item.end()) break;
        if (TypeOf(it->second) != TypeOf(u.GetValue())) {
          error = msg::kUpdateTypeMismatchLegacy;
          return false;
        }
        Model::AttributeValue left;
        if (SetDifference(it->second, u.GetValue(), left))
          it->second = std::move(left);
        else
          item.erase(it);
        break;
      }
      case Action::Add: {
        const Model::AttributeValue& v = u.GetValue();
        if (it == item.end()) {
          item[kv.first] = v;
          break;
        }
        if (TypeOf(it->second) != TypeOf(v)) {
          error = msg::kUpdateTypeMismatchLegacy;
          return false;
        }
        if (TypeOf(v) == types::N) {
          const Decimal sum = Decimal::Add(NumberOf(it->second.GetN()), NumberOf(v.GetN()));
          const NumberStatus status = sum.Check();
          if (status != NumberStatus::Ok) {
            error = NumberMessage(status, sum.ToString());
            return false;
          }
          it->second = Model::AttributeValue().SetN(sum.ToString());
        } else if (TypeOf(v) == types::L) {
          Model::AttributeValue joined = it->second;
          for (const auto& e : v.GetL()) joined.AddLItem(e);
          it->second = std::move(joined);
        } else {
          it->second = SetUnion(it->second, v);
        }
        break;
      }
    }
  }
  return true;
}

/// The attributes UPDATED_OLD / UPDATED_NEW return: those the updates name,
/// as they are in `item`.
template <class Updates>
Item UpdatedAttributes(const Updates& updates, const Item& item) {
  Item out;
  for (const auto& kv : updates) {
    auto it = item.find(kv.first);
    if (it != item.end()) out.emplace(*it);
  }
  return out;
}

}  // namespace expression
}  // namespace dynafake
