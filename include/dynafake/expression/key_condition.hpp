// dynafake — a Query's KeyConditionExpression, once validated, as the
// predicates on the key it allows: an equality on the partition key and at
// most one of =, <, <=, >, >=, BETWEEN, begins_with on the sort key. Other
// shapes get the service's messages (its ErrorFactory texts with the details
// dynalite records from the real service, architect/dynalite
// validations/index.js convertKeyCondition and actions/query.js).
#pragma once

#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"                  // Node, Op, Info
#include "dynafake/expression/expression_messages.hpp"  // msg::
#include "dynafake/model/attribute_value.hpp"           // AttributeValue

namespace dynafake {
namespace expression {

enum class KeyOp { Eq, Lt, Le, Gt, Ge, Between, BeginsWith };

/// One predicate on a key attribute: `name` op `values` (two for BETWEEN).
struct KeyPredicate {
  std::string name;
  KeyOp op = KeyOp::Eq;
  std::vector<Model::AttributeValue> values;
};

namespace key_condition {
inline std::string Collect(const Node& n, std::vector<KeyPredicate>& out) {
  if (n.kind != Node::Kind::Operator) return {};
  switch (n.op) {
    case Op::Or:
      return msg::KeyConditionOperator("OR");
    case Op::Not:
      return msg::KeyConditionOperator("NOT");
    case Op::In:
      return msg::KeyConditionOperator("IN");
    case Op::Ne:
      return msg::KeyConditionOperator("<>");
    case Op::AttributeExists:
    case Op::AttributeNotExists:
    case Op::AttributeType:
    case Op::Contains:
      return msg::KeyConditionOperator(Info(n.op).name);
    case Op::Size:
      return msg::kKeyConditionNested;
    case Op::Between:
    case Op::BeginsWith:
      if (n.children[0].kind != Node::Kind::Path) return msg::KeyConditionFirstOperand(Info(n.op).name);
      break;
    default:
      break;
  }
  std::string attr;
  std::size_t at = 0;
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    const Node& c = n.children[i];
    if (c.kind == Node::Kind::Path) {
      if (!attr.empty()) return msg::kKeyConditionTwoNames;
      if (c.path.elements.size() > 1) return msg::kKeyConditionNestedAttribute;
      attr = c.path.elements[0].name;
      at = i;
    } else if (c.kind == Node::Kind::Operator) {
      std::string e = Collect(c, out);
      if (!e.empty()) return e;
    }
  }
  if (n.op == Op::And) return {};
  if (attr.empty()) return msg::kKeyConditionNoKey;
  for (const auto& p : out)
    if (p.name == attr) return msg::kKeyConditionOnePerKey;
  KeyPredicate p;
  p.name = attr;
  switch (n.op) {  // "value < key" is "key > value"
    case Op::Eq:
      p.op = KeyOp::Eq;
      break;
    case Op::Lt:
      p.op = at ? KeyOp::Gt : KeyOp::Lt;
      break;
    case Op::Le:
      p.op = at ? KeyOp::Ge : KeyOp::Le;
      break;
    case Op::Gt:
      p.op = at ? KeyOp::Lt : KeyOp::Gt;
      break;
    case Op::Ge:
      p.op = at ? KeyOp::Le : KeyOp::Ge;
      break;
    case Op::Between:
      p.op = KeyOp::Between;
      break;
    default:
      p.op = KeyOp::BeginsWith;
      break;
  }
  for (std::size_t i = 0; i < n.children.size(); ++i)
    if (i != at) p.values.push_back(n.children[i].value);
  out.push_back(std::move(p));
  return {};
}
}  // namespace key_condition

/// The predicates of a validated key condition expression, or the service's
/// message for a shape a key condition cannot have.
inline std::string KeyPredicates(const Node& root, std::vector<KeyPredicate>& out) {
  out.clear();
  return key_condition::Collect(root, out);
}

/// Matches the predicates to a key schema (the table's or an index's):
/// `hash` must have an equality, `range` (empty for none) at most one
/// predicate, and nothing else may be constrained.
inline std::string MatchKeySchema(const std::vector<KeyPredicate>& predicates, const std::string& hash,
                                  const std::string& range, const KeyPredicate*& onHash, const KeyPredicate*& onRange) {
  onHash = onRange = nullptr;
  for (const auto& p : predicates) {
    if (p.name == hash)
      onHash = &p;
    else if (!range.empty() && p.name == range)
      onRange = &p;
  }
  if (!onHash) return msg::QueryMissedKey(hash);
  if (predicates.size() > 1 && !range.empty() && !onRange) return msg::QueryMissedKey(range);
  const std::size_t matched = (onHash ? 1u : 0u) + (onRange ? 1u : 0u);
  if (onHash->op != KeyOp::Eq || predicates.size() > matched) return msg::kQueryKeyConditionNotSupported;
  return {};
}

}  // namespace expression
}  // namespace dynafake
