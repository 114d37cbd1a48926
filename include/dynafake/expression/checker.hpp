// dynafake — the service's checks of a parsed expression against the
// request's ExpressionAttributeNames and ExpressionAttributeValues: every
// #name and :value defined, paths at most 32 levels deep, each operator given
// the right number and types of operands, BETWEEN bounds in order, no more
// than 100 IN operands or 300 operators, paths of a projection or update that
// neither overlap nor conflict, ADD and DELETE given values they can apply.
// The order of the checks is the service's (DynamoDB Local,
// ExpressionValidator and OperatorValidator): operands before the operator
// that takes them; an update's target paths (last written first) before its
// values (also last written first).
#pragma once

#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list
#include <map>               // std::map
#include <set>               // std::set
#include <string>            // std::string
#include <utility>           // std::pair
#include <vector>            // std::vector

#include "dynafake/expression/ast.hpp"                  // Node, DocPath, UpdateSection
#include "dynafake/expression/expression_messages.hpp"  // Describe, msg
#include "dynafake/expression/path_tree.hpp"            // PathTree
#include "dynafake/expression/value_ops.hpp"            // CompareOrdered
#include "dynafake/expression/value_types.hpp"          // TypeOf, TypeSymbols, DescribeValue
#include "dynafake/limits.hpp"                          // the documented limits
#include "dynafake/model/attribute_value.hpp"           // AttributeValue

namespace dynafake {
namespace expression {

/// A request's substitutions and which of them the expressions used.
struct Substitutions {
  const std::map<std::string, std::string>* names = nullptr;             ///< null: not in the request
  const std::map<std::string, Model::AttributeValue>* values = nullptr;  ///< null: not in the request
  std::set<std::string> usedNames, usedValues;
};

class Checker {
 public:
  explicit Checker(Substitutions& subs) : subs_(subs) {}

  /// A condition, filter or key condition expression.
  std::string Condition(Node& root) { return Expression(root); }

  /// A projection expression; fills `tree` with its paths.
  std::string Projection(std::vector<DocPath>& paths, PathTree& tree) {
    for (std::size_t i = paths.size(); i-- > 0;) {
      std::string e = Path(paths[i]);
      if (e.empty()) e = tree.Insert(paths[i]);
      if (!e.empty()) return e;
    }
    return {};
  }

  /// An update expression; `actions` lists its actions in written order and
  /// `tree` receives their target paths (leaves carry the action's index).
  std::string Update(std::vector<UpdateAction>& actions, PathTree& tree) {
    for (std::size_t i = actions.size(); i-- > 0;) {
      std::string e = Path(actions[i].path);
      if (e.empty()) e = tree.Insert(actions[i].path, static_cast<int>(i));
      if (!e.empty()) return e;
    }
    for (std::size_t i = actions.size(); i-- > 0;) {
      UpdateAction& a = actions[i];
      if (a.kind == UpdateAction::Kind::Remove) continue;
      std::string e = Expression(a.value);
      if (!e.empty()) return e;
      if (a.kind == UpdateAction::Kind::Add || a.kind == UpdateAction::Kind::Delete) {
        const bool add = a.kind == UpdateAction::Kind::Add;
        const TypeSet t = TypeOf(a.value.value);
        if (!(t & (add ? types::AllowedForAdd : types::AllowedForDelete)))
          return Describe(msg::kOperandType,
                          {{"operator", add ? "ADD" : "DELETE"},
                           {msg::kOperandTypeKey, TypeLongName(t)},
                           {"typeSet", add ? "ALLOWED_FOR_ADD_OPERAND" : "ALLOWED_FOR_DELETE_OPERAND"}});
      }
    }
    return {};
  }

 private:
  std::string Path(DocPath& path) {
    if (path.elements.size() > limits::kMaxNestingDepth)
      return Describe(msg::kPathTooDeep, {{msg::kNestingLevelsKey, std::to_string(path.elements.size())}});
    for (auto& e : path.elements) {
      // [infer] The service's grammar reads ".:value" as a map key taken from
      // ExpressionAttributeValues; the public service does not document it, so
      // it is refused with the validator's own message for it.
      if (e.kind == PathElement::Kind::ValueRef) return Describe(msg::kValueInPath, {{msg::kAttributeValueKey, e.raw}});
      if (e.kind != PathElement::Kind::NameRef) continue;
      subs_.usedNames.insert(e.raw);
      const auto* names = subs_.names;
      const auto it = names ? names->find(e.raw) : std::map<std::string, std::string>::const_iterator();
      if (!names || it == names->end()) return Describe(msg::kNameUndefined, {{msg::kAttributeNameKey, e.raw}});
      e.name = it->second;
    }
    return {};
  }

  std::string Expression(Node& n) {
    if (n.kind == Node::Kind::Path) return Path(n.path);
    if (n.kind == Node::Kind::Value) {
      subs_.usedValues.insert(n.ref);
      const auto* values = subs_.values;
      const auto it = values ? values->find(n.ref) : std::map<std::string, Model::AttributeValue>::const_iterator();
      if (!values || it == values->end()) return Describe(msg::kValueUndefined, {{msg::kAttributeValueKey, n.ref}});
      n.value = it->second;
      return {};
    }
    for (auto& c : n.children) {
      std::string e = Expression(c);
      if (!e.empty()) return e;
    }
    std::string e = Operator(n);
    if (e.empty() && ++operators_ > limits::kMaxExpressionOperators)
      e = Describe(msg::kTooManyOperators, {{msg::kOperatorCountKey, std::to_string(operators_)}});
    return e;
  }

  static std::string Operator(const Node& n) {
    const OpInfo& info = Info(n.op);
    const std::size_t count = n.children.size();
    const std::size_t need = static_cast<std::size_t>(info.operands);
    if (info.more ? count < need : count != need)
      return Describe(msg::kOperandCount,
                      {{msg::kOperatorKey, info.name}, {msg::kOperandCountKey, std::to_string(count)}});
    for (const auto& c : n.children)
      if (!(c.PossibleTypes() & info.takes))
        return Describe(msg::kOperandType,
                        {{msg::kOperatorKey, info.name}, {msg::kOperandTypeKey, TypeSymbols(c.PossibleTypes())}});
    if (info.missingOk && count > 1 && n.children[0].kind == Node::Kind::Path)
      for (std::size_t i = 1; i < count; ++i)
        if (n.children[i].kind == Node::Kind::Path && SamePath(n.children[0].path, n.children[i].path))
          return Describe(msg::kDistinctOperands,
                          {{"operator", info.name}, {msg::kFirstOperandKey, PathText(n.children[0].path)}});
    switch (n.op) {
      case Op::Between: {
        const Node &low = n.children[1], &high = n.children[2];
        if (low.kind != Node::Kind::Value || high.kind != Node::Kind::Value) break;
        const std::initializer_list<std::pair<const char*, std::string>> bounds = {
            {msg::kLowerBoundKey, DescribeValue(low.value)}, {msg::kUpperBoundKey, DescribeValue(high.value)}};
        if (TypeOf(low.value) != TypeOf(high.value)) return Describe(msg::kBetweenTypes, bounds);
        if (CompareOrdered(low.value, high.value) > 0) return Describe(msg::kBetweenBounds, bounds);
        break;
      }
      case Op::In:
        if (count - 1 > limits::kMaxInOperands)
          return Describe(msg::kTooManyInOperands, {{msg::kOperandCountKey, std::to_string(count - 1)}});
        break;
      case Op::AttributeExists:
      case Op::AttributeNotExists:
      case Op::IfNotExists:
        if (n.children[0].kind != Node::Kind::Path) return Describe(msg::kNeedsPath, {{msg::kOperatorKey, info.name}});
        break;
      case Op::AttributeType: {
        const Node& t = n.children[1];
        if (t.kind != Node::Kind::Value || TypeOf(t.value) != types::S)
          return Describe(msg::kOperandType,
                          {{msg::kOperatorKey, info.name}, {msg::kOperandTypeKey, TypeSymbols(t.PossibleTypes())}});
        static const char* valid[] = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL"};
        bool known = false;
        for (const char* v : valid) known = known || t.value.GetS() == v;
        if (!known)
          return Describe(msg::kInvalidTypeName,
                          {{"type", t.value.GetS()}, {msg::kValidTypesKey, "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}"}});
        break;
      }
      default:
        break;
    }
    return {};
  }

  Substitutions& subs_;
  int operators_ = 0;
};

}  // namespace expression
}  // namespace dynafake
