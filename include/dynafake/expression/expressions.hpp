// dynafake — the expressions of one request, parsed and checked the way the
// service does before it touches a table: the ExpressionAttributeNames and
// ExpressionAttributeValues maps first, then each expression (update,
// condition, filter, projection, key condition, in that order), each error
// prefixed "Invalid <Kind>Expression: ", then names and values that no
// expression used (DynamoDB Local, InputConverter). The results evaluate
// conditions, apply updates and projections to items.
//
//   expression::Request r;
//   r.condition = &request.GetConditionExpression();
//   r.names = &request.GetExpressionAttributeNames();
//   expression::Parsed parsed;
//   std::string error = expression::Parse(r, parsed);   // "" or the message
//   if (parsed.condition && !parsed.condition->Holds(item)) ...
#pragma once

#include <functional>  // std::function
#include <map>         // std::map
#include <optional>    // std::optional
#include <string>      // std::string
#include <utility>     // std::move
#include <vector>      // std::vector

#include "dynafake/expression/ast.hpp"                  // Node, DocPath, UpdateAction
#include "dynafake/expression/checker.hpp"              // Checker, Substitutions
#include "dynafake/expression/evaluator.hpp"            // Evaluator
#include "dynafake/expression/expression_messages.hpp"  // Describe, msg
#include "dynafake/expression/key_condition.hpp"        // KeyPredicate, KeyPredicates
#include "dynafake/expression/lexer.hpp"                // lex::IsIdChar
#include "dynafake/expression/parser.hpp"               // Parser
#include "dynafake/expression/path_tree.hpp"            // PathTree
#include "dynafake/expression/projection.hpp"           // ProjectItem
#include "dynafake/expression/syntax_walk.hpp"          // SyntaxWalk
#include "dynafake/expression/update.hpp"               // UpdateApplier
#include "dynafake/expression/value_ops.hpp"            // Item, Utf16Length
#include "dynafake/limits.hpp"                          // the documented limits
#include "dynafake/model/attribute_value.hpp"           // AttributeValue

namespace dynafake {
namespace expression {

/// A condition, filter or key condition expression.
struct Condition {
  Node root;
  bool Holds(const Item& item) const { return Evaluator(item).Holds(root); }
};

/// A projection expression.
struct Projection {
  std::vector<DocPath> paths;
  PathTree tree;
  Item Apply(const Item& item) const { return ProjectItem(tree, item); }
};

/// An update expression: its actions in the order written, their target
/// paths as one tree.
struct Update {
  std::vector<UpdateAction> actions;
  PathTree tree;
  /// The item after the update, or false with the service's message.
  bool Apply(const Item& old, Item& out, std::string& error) const {
    return UpdateApplier(actions, old).Apply(tree, out, error);
  }
  /// The updated paths as they are in `item` (UPDATED_OLD with the old item,
  /// UPDATED_NEW with the new one).
  Item Updated(const Item& item) const { return ProjectItem(tree, item); }
};

/// What a request carries; a null pointer is a parameter not sent.
struct Request {
  const std::string* update = nullptr;
  const std::string* condition = nullptr;
  const std::string* filter = nullptr;
  const std::string* projection = nullptr;
  const std::string* keyCondition = nullptr;
  const std::map<std::string, std::string>* names = nullptr;
  const std::map<std::string, Model::AttributeValue>* values = nullptr;
  /// Checks one ExpressionAttributeValues entry as an item value; "" if valid.
  std::function<std::string(const Model::AttributeValue&)> checkValue;
};

struct Parsed {
  std::optional<Update> update;
  std::optional<Condition> condition, filter, keyCondition;
  std::optional<Projection> projection;
};

namespace parse {
// A key of ExpressionAttributeNames (#...) or ExpressionAttributeValues (:...).
inline std::string CheckKey(const std::string& key, char sigil) {
  if (key.empty()) return Describe(msg::kEmptyKey);
  if (key.size() > limits::kMaxSubstitutionKeyLength)
    return sigil == '#' ? Describe(msg::kKeyTooLong, {{msg::kKeySize, std::to_string(key.size())}})
                        : Describe(msg::kKeyTooLong);
  bool ok = key[0] == sigil && key.size() > 1;
  for (std::size_t i = 1; ok && i < key.size(); ++i) ok = lex::IsIdChar(key[i]);
  return ok ? std::string() : msg::KeySyntax(key);
}

// Empty or too long; `sized` says whether the message carries the size
// (the service's condition parser does, the update and projection parsers do not).
inline std::string CheckLength(const std::string& text, bool sized) {
  if (text.empty()) return Describe(msg::kEmptyExpression);
  const std::size_t n = Utf16Length(text);  // the service measures a java.lang.String
  if (n <= limits::kMaxExpressionLength) return {};
  return sized ? Describe(msg::kExpressionTooLarge, {{msg::kExpressionSize, std::to_string(n)}})
               : Describe(msg::kExpressionTooLarge);
}

inline std::string ConditionLike(const std::string& text, Substitutions& subs, Condition& out) {
  std::string e = CheckLength(text, true);
  if (e.empty()) e = Parser(text).ParseCondition(out.root);
  if (e.empty()) e = SyntaxWalk::Condition(out.root);
  if (e.empty()) e = Checker(subs).Condition(out.root);
  return e;
}

inline std::string UpdateExpr(const std::string& text, Substitutions& subs, Update& out) {
  std::string e = CheckLength(text, false);
  std::vector<UpdateSection> sections;
  if (e.empty()) e = Parser(text).ParseUpdate(sections);
  if (e.empty()) e = SyntaxWalk::Update(sections);
  if (!e.empty()) return e;
  for (auto& s : sections)
    for (auto& a : s.actions) out.actions.push_back(std::move(a));
  return Checker(subs).Update(out.actions, out.tree);
}

inline std::string ProjectionExpr(const std::string& text, Substitutions& subs, Projection& out) {
  std::string e = CheckLength(text, false);
  if (e.empty()) e = Parser(text).ParseProjection(out.paths);
  if (e.empty()) e = SyntaxWalk::Projection(out.paths);
  if (e.empty()) e = Checker(subs).Projection(out.paths, out.tree);
  return e;
}

inline std::string Unused(const char* what, const std::vector<std::string>& keys) {
  std::string list;
  for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
  return msg::Unused(what, list);
}
}  // namespace parse

/// Parses and checks every expression of `r` into `out`; "" or the service's
/// message. Unused names and values are listed in sorted order (the service
/// lists them in hash-set order).
inline std::string Parse(const Request& r, Parsed& out) {
  if (r.names) {
    if (r.names->empty()) return msg::EmptyMap("ExpressionAttributeNames");
    for (const auto& kv : *r.names) {
      std::string e = parse::CheckKey(kv.first, '#');
      if (!e.empty()) return msg::InvalidKey("ExpressionAttributeNames", e);
    }
  }
  if (r.values) {
    if (r.values->empty()) return msg::EmptyMap("ExpressionAttributeValues");
    for (const auto& kv : *r.values) {
      std::string e = parse::CheckKey(kv.first, ':');
      if (!e.empty()) return msg::InvalidKey("ExpressionAttributeValues", e);
    }
    if (r.checkValue)
      for (const auto& kv : *r.values) {
        std::string e = r.checkValue(kv.second);
        if (!e.empty()) return msg::InvalidValue(e, kv.first);
      }
  }
  if (r.names)
    for (const auto& kv : *r.names) {
      if (kv.second.empty()) return msg::EmptyName(kv.first);
      if (kv.second.size() > limits::kMaxAttributeNameBytes) return msg::NameTooLarge(kv.first);
    }

  Substitutions subs;
  subs.names = r.names;
  subs.values = r.values;
  std::string e;
  if (r.update) {
    out.update.emplace();
    if (!(e = parse::UpdateExpr(*r.update, subs, *out.update)).empty())
      return msg::InvalidExpression("UpdateExpression", e);
  }
  if (r.condition) {
    out.condition.emplace();
    if (!(e = parse::ConditionLike(*r.condition, subs, *out.condition)).empty())
      return msg::InvalidExpression("ConditionExpression", e);
  }
  if (r.filter) {
    out.filter.emplace();
    if (!(e = parse::ConditionLike(*r.filter, subs, *out.filter)).empty())
      return msg::InvalidExpression("FilterExpression", e);
  }
  if (r.projection) {
    out.projection.emplace();
    if (!(e = parse::ProjectionExpr(*r.projection, subs, *out.projection)).empty())
      return msg::InvalidExpression("ProjectionExpression", e);
  }
  if (r.keyCondition) {
    out.keyCondition.emplace();
    if (!(e = parse::ConditionLike(*r.keyCondition, subs, *out.keyCondition)).empty())
      return msg::InvalidExpression("KeyConditionExpression", e);
  }

  std::vector<std::string> unused;
  if (r.names)
    for (const auto& kv : *r.names)
      if (!subs.usedNames.count(kv.first)) unused.push_back(kv.first);
  if (!unused.empty()) return parse::Unused("ExpressionAttributeNames", unused);
  if (r.values)
    for (const auto& kv : *r.values)
      if (!subs.usedValues.count(kv.first)) unused.push_back(kv.first);
  if (!unused.empty()) return parse::Unused("ExpressionAttributeValues", unused);
  return {};
}

/// "Can not use both expression and non-expression parameters in the same
/// request: Non-expression parameters: {AttributesToGet} Expression
/// parameters: {ProjectionExpression}" — the lists in the service's order
/// (legacy: AttributeUpdates, AttributesToGet, Expected, QueryFilter,
/// ScanFilter, ConditionalOperator, KeyConditions; expressions:
/// UpdateExpression, ProjectionExpression, ConditionExpression,
/// FilterExpression, KeyConditionExpression).
inline std::string MixedParameters(const std::vector<std::string>& legacy,
                                   const std::vector<std::string>& expressions) {
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return "{" + out + "}";
  };
  return msg::MixedParameters(list(legacy), list(expressions));
}

}  // namespace expression
}  // namespace dynafake
