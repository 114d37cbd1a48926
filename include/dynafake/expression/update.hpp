// dynafake — applying an update expression to an item, as the service does
// (DynamoDB Local, ExpressionExecutor.createNewDocumentInternal): the target
// paths form one tree; walking it over the old item builds the new one. Every
// SET value is computed from the item as it was before the update (so
// "SET a = b, b = a" swaps), several REMOVEs of one list use the list's
// original positions, a SET past a list's end appends, and a path through
// something that is not a map or list, or through a missing map entry, is
// "The document path provided in the update expression is invalid for update".
// Nested values are rebuilt along the updated paths, never changed in place:
// the old item (and every backup sharing its values) stays as it was.
#pragma once

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <memory>   // std::make_shared
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"                  // UpdateAction
#include "dynafake/expression/decimal.hpp"              // Decimal, NumberMessage
#include "dynafake/expression/evaluator.hpp"            // Evaluator
#include "dynafake/expression/expression_messages.hpp"  // msg
#include "dynafake/expression/path_tree.hpp"            // PathTree
#include "dynafake/expression/value_ops.hpp"            // Item, SetUnion, SetDifference
#include "dynafake/expression/value_types.hpp"          // TypeOf, types
#include "dynafake/model/attribute_value.hpp"           // AttributeValue

namespace dynafake {
namespace expression {

class UpdateApplier {
 public:
  UpdateApplier(const std::vector<UpdateAction>& actions, const Item& old) : actions_(actions), old_(old), eval_(old) {}

  /// The updated item, or false with the service's message in `error`.
  bool Apply(const PathTree& tree, Item& out, std::string& error) {
    Item result;
    for (const auto& entry : tree.children) {
      const std::string& name = entry.first.name;
      auto it = old_.find(name);
      const Model::AttributeValue* current = it == old_.end() ? nullptr : &it->second;
      Model::AttributeValue value;
      bool present = false;
      if (!Step(*entry.second, current, value, present)) {
        error = std::move(error_);
        return false;
      }
      if (present) result.emplace(name, std::move(value));
    }
    for (const auto& kv : old_)
      if (!tree.children.count(PathKey{false, 0, kv.first})) result.emplace(kv.first, kv.second);
    out = std::move(result);
    return true;
  }

 private:
  bool Fail(const char* message) {
    error_ = message;
    return false;
  }

  // The new value at one tree node whose old value is `current` (null: absent).
  bool Step(const PathTree& node, const Model::AttributeValue* current, Model::AttributeValue& out, bool& present) {
    if (node.leaf) return Action(actions_[static_cast<std::size_t>(node.action)], current, out, present);
    if (!current) return Fail(msg::kInvalidUpdatePath);
    present = true;
    return Container(node, *current, out);
  }

  bool Container(const PathTree& node, const Model::AttributeValue& doc, Model::AttributeValue& out) {
    const TypeSet t = TypeOf(doc);
    if (t != types::M && t != types::L) return Fail(msg::kInvalidUpdatePath);
    if (t == types::M) {
      Model::AttributeValue::Map map;
      for (const auto& entry : node.children) {
        if (entry.first.index) return Fail(msg::kInvalidUpdatePath);
        auto it = doc.GetM().find(entry.first.name);
        const Model::AttributeValue* current = it == doc.GetM().end() ? nullptr : it->second.get();
        Model::AttributeValue value;
        bool present = false;
        if (!Step(*entry.second, current, value, present)) return false;
        if (present) map.emplace(entry.first.name, std::make_shared<Model::AttributeValue>(std::move(value)));
      }
      for (const auto& kv : doc.GetM())
        if (!node.children.count(PathKey{false, 0, kv.first})) map.emplace(kv.first, kv.second);
      out.SetM(map);
      return true;
    }
    std::map<std::size_t, std::shared_ptr<Model::AttributeValue>> slots;  // by position; closed up below
    for (const auto& entry : node.children) {
      if (!entry.first.index) return Fail(msg::kInvalidUpdatePath);
      const std::size_t pos = entry.first.position;
      const Model::AttributeValue* current = pos < doc.GetL().size() ? doc.GetL()[pos].get() : nullptr;
      Model::AttributeValue value;
      bool present = false;
      if (!Step(*entry.second, current, value, present)) return false;
      if (present) slots.emplace(pos, std::make_shared<Model::AttributeValue>(std::move(value)));
    }
    for (std::size_t i = 0; i < doc.GetL().size(); ++i)
      if (!node.children.count(PathKey{true, i, std::string()})) slots.emplace(i, doc.GetL()[i]);
    Model::AttributeValue::List list;
    for (auto& kv : slots) list.push_back(std::move(kv.second));
    out.SetL(list);
    return true;
  }

  bool Action(const UpdateAction& a, const Model::AttributeValue* current, Model::AttributeValue& out, bool& present) {
    present = false;
    switch (a.kind) {
      case UpdateAction::Kind::Remove:
        return true;
      case UpdateAction::Kind::Set: {
        std::string error;
        if (!eval_.Value(a.value, out, error)) {
          error_ = std::move(error);
          return false;
        }
        present = true;
        return true;
      }
      case UpdateAction::Kind::Add: {
        const Model::AttributeValue& v = a.value.value;
        present = true;
        if (!current) {
          out = v;
          return true;
        }
        if (TypeOf(*current) != TypeOf(v)) return Fail(msg::kUpdateTypeMismatch);
        if (TypeOf(v) == types::N) {
          const Decimal sum = Decimal::Add(NumberOf(current->GetN()), NumberOf(v.GetN()));
          const NumberStatus status = sum.Check();
          if (status != NumberStatus::Ok) {
            error_ = NumberMessage(status, sum.ToString());
            return false;
          }
          out.SetN(sum.ToString());
          return true;
        }
        out = SetUnion(*current, v);
        return true;
      }
      case UpdateAction::Kind::Delete: {
        if (!current) return true;
        if (TypeOf(*current) != TypeOf(a.value.value)) return Fail(msg::kUpdateTypeMismatch);
        present = SetDifference(*current, a.value.value, out);
        return true;
      }
    }
    return true;
  }

  const std::vector<UpdateAction>& actions_;
  const Item& old_;
  Evaluator eval_;
  std::string error_;
};

}  // namespace expression
}  // namespace dynafake
