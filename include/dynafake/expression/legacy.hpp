// dynafake — the legacy parameters (Expected, QueryFilter, ScanFilter,
// KeyConditions, AttributesToGet, ConditionalOperator) written as expression
// trees, so one evaluator serves both. Each legacy comparison is the
// expression with the same meaning (DynamoDB Local,
// LocalDBComparisonOperator: EQ is "=", NULL is attribute_not_exists,
// NOT_CONTAINS is false for a missing attribute, ...), and the parameters are
// checked with the service's messages (InputConverter.validateExpectedAttribute,
// LocalDBValidatorUtils.validateArgumentsForComparisonOperator).
#pragma once

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <set>      // std::set
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"            // Node, Op, DocPath
#include "dynafake/expression/expressions.hpp"    // Condition, Projection
#include "dynafake/expression/key_condition.hpp"  // KeyPredicate, KeyOp
#include "dynafake/expression/value_ops.hpp"      // CompareOrdered
#include "dynafake/expression/value_types.hpp"    // TypeOf, TypeSymbol, types
#include "dynafake/generated/enums.hpp"           // ComparisonOperator, ConditionalOperator
#include "dynafake/generated/types.hpp"           // ExpectedAttributeValue, Condition

namespace dynafake {
namespace expression {

namespace legacy {
inline const char* OperatorName(Model::ComparisonOperator op) {
  using C = Model::ComparisonOperator;
  switch (op) {
    case C::EQ:
      return "EQ";
    case C::NE:
      return "NE";
    case C::IN_:
      return "IN";
    case C::LE:
      return "LE";
    case C::LT:
      return "LT";
    case C::GE:
      return "GE";
    case C::GT:
      return "GT";
    case C::BETWEEN:
      return "BETWEEN";
    case C::NOT_NULL:
      return "NOT_NULL";
    case C::NULL_:
      return "NULL";
    case C::CONTAINS:
      return "CONTAINS";
    case C::NOT_CONTAINS:
      return "NOT_CONTAINS";
    case C::BEGINS_WITH:
      return "BEGINS_WITH";
    default:
      return "";
  }
}

/// The arguments a comparison operator takes: how many, and of which types.
inline std::string CheckArguments(Model::ComparisonOperator op, const std::vector<Model::AttributeValue>& values) {
  using C = Model::ComparisonOperator;
  const std::string name = OperatorName(op);
  const std::size_t n = values.size();
  const bool countOk = op == C::IN_                            ? n >= 1
                       : op == C::BETWEEN                      ? n == 2
                       : (op == C::NULL_ || op == C::NOT_NULL) ? n == 0
                                                               : n == 1;
  if (!countOk) return msg::ArgumentCount(name);
  TypeSet allowed = types::All;
  if (op == C::IN_ || op == C::LE || op == C::LT || op == C::GE || op == C::GT || op == C::BETWEEN)
    allowed = types::Ordered;
  if (op == C::CONTAINS || op == C::NOT_CONTAINS) allowed = types::Ordered | types::BOOL | types::NUL;
  if (op == C::BEGINS_WITH) allowed = types::S | types::B;
  for (const auto& v : values) {
    if (!(TypeOf(v) & allowed)) return msg::OperatorNotForType(name, TypeSymbol(TypeOf(v)));
    if (TypeOf(v) != TypeOf(values[0])) return msg::ListOfMixedTypes();
  }
  if (op == C::BETWEEN && CompareOrdered(values[0], values[1]) > 0) return msg::kBetweenReversed;
  return {};
}

inline Node PathNode(const std::string& name) {
  Node n;
  n.kind = Node::Kind::Path;
  PathElement e;
  e.raw = e.name = name;
  n.path.elements.push_back(std::move(e));
  return n;
}
inline Node ValueNode(const Model::AttributeValue& v) {
  Node n;
  n.kind = Node::Kind::Value;
  n.value = v;
  return n;
}
inline Node OpNode(Op op, std::vector<Node> children) {
  Node n;
  n.kind = Node::Kind::Operator;
  n.op = op;
  n.children = std::move(children);
  return n;
}

/// `attribute` op `values` as a condition tree (arguments already checked).
inline Node Comparison(const std::string& attribute, Model::ComparisonOperator op,
                       const std::vector<Model::AttributeValue>& values) {
  using C = Model::ComparisonOperator;
  std::vector<Node> args;
  args.push_back(PathNode(attribute));
  for (const auto& v : values) args.push_back(ValueNode(v));
  switch (op) {
    case C::EQ:
      return OpNode(Op::Eq, std::move(args));
    case C::NE:
      return OpNode(Op::Ne, std::move(args));
    case C::IN_:
      return OpNode(Op::In, std::move(args));
    case C::LE:
      return OpNode(Op::Le, std::move(args));
    case C::LT:
      return OpNode(Op::Lt, std::move(args));
    case C::GE:
      return OpNode(Op::Ge, std::move(args));
    case C::GT:
      return OpNode(Op::Gt, std::move(args));
    case C::BETWEEN:
      return OpNode(Op::Between, std::move(args));
    case C::NOT_NULL:
      return OpNode(Op::AttributeExists, std::move(args));
    case C::NULL_:
      return OpNode(Op::AttributeNotExists, std::move(args));
    case C::CONTAINS:
      return OpNode(Op::Contains, std::move(args));
    case C::BEGINS_WITH:
      return OpNode(Op::BeginsWith, std::move(args));
    default: {  // NOT_CONTAINS: the attribute is there and does not contain the value
      std::vector<Node> contains;
      contains.push_back(OpNode(Op::Contains, std::move(args)));
      std::vector<Node> both;
      both.push_back(OpNode(Op::AttributeExists, {PathNode(attribute)}));
      both.push_back(OpNode(Op::Not, std::move(contains)));
      return OpNode(Op::And, std::move(both));
    }
  }
}

// The parts joined with AND (the default) or OR, in the map's order.
inline std::string Join(std::vector<Node> parts, bool operatorSet, Model::ConditionalOperator op, Condition& out) {
  if (operatorSet && parts.empty()) return msg::kOperatorWithoutConditions;
  if (operatorSet && parts.size() == 1) return msg::kOperatorWithOneCondition;
  // An empty Expected, QueryFilter or ScanFilter ({}) is no condition: the
  // service accepts it and filters nothing (the model sets no minimum size).
  if (parts.empty()) return {};
  const Op join = op == Model::ConditionalOperator::OR ? Op::Or : Op::And;
  out.root = std::move(parts[0]);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::vector<Node> pair;
    pair.push_back(std::move(out.root));
    pair.push_back(std::move(parts[i]));
    out.root = OpNode(join, std::move(pair));
  }
  return {};
}
}  // namespace legacy

/// Expected (PutItem, DeleteItem, UpdateItem) as a condition.
inline std::string LegacyExpected(const std::map<std::string, Model::ExpectedAttributeValue>& expected,
                                  bool operatorSet, Model::ConditionalOperator op, Condition& out) {
  std::vector<Node> parts;
  for (const auto& kv : expected) {
    const auto& e = kv.second;
    const std::string& a = kv.first;
    const bool hasOp =
        e.ComparisonOperatorHasBeenSet() && e.GetComparisonOperator() != Model::ComparisonOperator::NOT_SET;
    const bool hasValue = e.ValueHasBeenSet(), hasList = e.AttributeValueListHasBeenSet();
    if (e.ExistsHasBeenSet() && hasOp) return msg::ExistsWithOperator(a);
    if (hasValue && hasList) return msg::ValueWithList(a);
    if (!hasOp && hasList) return msg::ListWithoutOperator(a);
    if (e.ExistsHasBeenSet() && !e.GetExists() && hasValue) return msg::ValueWhenNotExists(a);
    if (!hasValue && !hasList) {
      using C = Model::ComparisonOperator;
      if (hasOp && e.GetComparisonOperator() != C::NULL_ && e.GetComparisonOperator() != C::NOT_NULL)
        return msg::OperatorNeedsValue(legacy::OperatorName(e.GetComparisonOperator()), a);
      if (!hasOp && !e.ExistsHasBeenSet()) return msg::ValueRequired("null", a);
      if (!hasOp && e.GetExists()) return msg::ValueRequired("true", a);
    }
    if (hasOp) {
      const std::vector<Model::AttributeValue> args =
          hasValue ? std::vector<Model::AttributeValue>{e.GetValue()} : e.GetAttributeValueList();
      std::string err = legacy::CheckArguments(e.GetComparisonOperator(), args);
      if (!err.empty()) return err;
      parts.push_back(legacy::Comparison(a, e.GetComparisonOperator(), args));
    } else if (hasValue) {
      parts.push_back(legacy::Comparison(a, Model::ComparisonOperator::EQ, {e.GetValue()}));
    } else {  // Exists: false
      parts.push_back(legacy::Comparison(a, Model::ComparisonOperator::NULL_, {}));
    }
  }
  return legacy::Join(std::move(parts), operatorSet, op, out);
}

/// QueryFilter or ScanFilter as a condition.
inline std::string LegacyFilter(const std::map<std::string, Model::Condition>& filter, bool operatorSet,
                                Model::ConditionalOperator op, Condition& out) {
  std::vector<Node> parts;
  for (const auto& kv : filter) {
    std::string err = legacy::CheckArguments(kv.second.GetComparisonOperator(), kv.second.GetAttributeValueList());
    if (!err.empty()) return err;
    parts.push_back(legacy::Comparison(kv.first, kv.second.GetComparisonOperator(), kv.second.GetAttributeValueList()));
  }
  return legacy::Join(std::move(parts), operatorSet, op, out);
}

/// KeyConditions (Query) as key predicates; the operators a key can take are
/// checked when they are matched to the key schema.
inline std::string LegacyKeyConditions(const std::map<std::string, Model::Condition>& conditions,
                                       std::vector<KeyPredicate>& out) {
  using C = Model::ComparisonOperator;
  out.clear();
  for (const auto& kv : conditions) {
    const C op = kv.second.GetComparisonOperator();
    std::string err = legacy::CheckArguments(op, kv.second.GetAttributeValueList());
    // a key condition's argument count is worded otherwise than a filter's (architect/dynalite
    // test/query.js 'should return ValidationException for 1 arg to NULL', recorded against the service)
    if (msg::IsArgumentCount(err)) return msg::kKeyConditionArgumentCount;
    if (!err.empty()) return err;
    if (op == C::IN_ || op == C::NULL_ || op == C::NOT_NULL || op == C::CONTAINS || op == C::NOT_CONTAINS ||
        op == C::NE)
      return msg::kNotIndexable;
    KeyPredicate p;
    p.name = kv.first;
    p.values = kv.second.GetAttributeValueList();
    p.op = op == C::EQ        ? KeyOp::Eq
           : op == C::LT      ? KeyOp::Lt
           : op == C::LE      ? KeyOp::Le
           : op == C::GT      ? KeyOp::Gt
           : op == C::GE      ? KeyOp::Ge
           : op == C::BETWEEN ? KeyOp::Between
                              : KeyOp::BeginsWith;
    out.push_back(std::move(p));
  }
  return {};
}

/// AttributesToGet as a projection of top-level attributes.
inline std::string LegacyAttributesToGet(const std::vector<std::string>& names, Projection& out) {
  std::set<std::string> seen;
  for (const auto& n : names) {
    if (!seen.insert(n).second) return msg::DuplicateAttributeName(n);
    DocPath p;
    p.elements.push_back(legacy::PathNode(n).path.elements[0]);
    out.tree.Insert(p);
    out.paths.push_back(std::move(p));
  }
  return {};
}

}  // namespace expression
}  // namespace dynafake
