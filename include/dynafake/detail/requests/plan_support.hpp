// dynafake — checks every data-plane request shares: expression and legacy
// parameters not mixed, ExpressionAttributeNames/Values only with the
// expressions that use them, values well-formed, and no document path that
// reaches into a key attribute (architect/dynalite validations/index.js
// validateExpressionParams, db/index.js validateKeyPaths; DynamoDB Local
// LocalDBValidatorUtils.validateNoNestedAccessToKeyAttributeInExpression).
#pragma once

#include <set>     // std::set
#include <string>  // std::string
#include <vector>  // std::vector

#include "dynafake/detail/data_plane/table_schema.hpp"  // TableSchema
#include "dynafake/detail/messages.hpp"                 // msg::
#include "dynafake/detail/requests/item_checks.hpp"     // CanonicalValue
#include "dynafake/expression/ast.hpp"                  // Node, DocPath, UpdateAction
#include "dynafake/expression/expressions.hpp"          // MixedParameters
#include "dynafake/model/attribute_value.hpp"           // AttributeValue

namespace dynafake {
namespace detail {
namespace plans {

/// A request parameter and whether the request sets it.
struct Param {
  const char* name;
  bool set;
};

/// Legacy and expression parameters mixed; ExpressionAttributeNames with no
/// expression; ExpressionAttributeValues with none of `valueExpressions`.
inline std::string CheckParameterUse(const std::vector<Param>& legacy, const std::vector<Param>& expressions,
                                     bool names, bool values, const std::vector<const char*>& valueExpressions) {
  std::vector<std::string> usedLegacy, usedExpressions;
  for (const auto& p : legacy)
    if (p.set) usedLegacy.push_back(p.name);
  for (const auto& p : expressions)
    if (p.set) usedExpressions.push_back(p.name);
  if (!usedExpressions.empty() && !usedLegacy.empty()) return expression::MixedParameters(usedLegacy, usedExpressions);
  if (names && usedExpressions.empty()) return msg::NamesWithoutExpressions();
  if (values && !valueExpressions.empty()) {
    bool any = false;
    std::string list;
    for (const char* v : valueExpressions) {
      for (const auto& p : expressions)
        if (std::string(p.name) == v && p.set) any = true;
      list += (list.empty() ? "" : " and ") + std::string(v);
    }
    if (!any) return msg::ValuesWithoutExpressions(list, valueExpressions.size() > 1);
  }
  return {};
}

/// "" when `v` is a value the service accepts, else its message.
inline std::string CheckValue(const Model::AttributeValue& v) {
  Model::AttributeValue canonical;
  return CanonicalValue(v, canonical);
}

template <class ItemMap>
std::string CheckKeyValues(const ItemMap& key) {
  for (const auto& kv : key) {
    std::string e = CheckValue(kv.second);
    if (!e.empty()) return e;
  }
  return {};
}

inline std::string Duplicate(const std::vector<std::string>& names) {
  std::set<std::string> seen;
  for (const auto& n : names)
    if (!seen.insert(n).second) return expression::msg::DuplicateAttributeName(n);
  return {};
}

/// The document paths of an expression tree.
inline void Paths(const expression::Node& n, std::vector<const expression::DocPath*>& out) {
  if (n.kind == expression::Node::Kind::Path) out.push_back(&n.path);
  for (const auto& c : n.children) Paths(c, out);
}
inline void Paths(const std::vector<expression::UpdateAction>& actions, std::vector<const expression::DocPath*>& out) {
  for (const auto& a : actions) {
    out.push_back(&a.path);
    Paths(a.value, out);
  }
}

/// The top-level attribute names an expression tree reads.
inline std::set<std::string> TopLevelNames(const expression::Node& n) {
  std::vector<const expression::DocPath*> paths;
  Paths(n, paths);
  std::set<std::string> out;
  for (const auto* p : paths) out.insert(p->elements[0].name);
  return out;
}

/// A path that looks inside a key attribute of the table or of an index.
inline std::string NestedKeyAccess(const TableSchema& schema, const std::vector<const expression::DocPath*>& paths) {
  for (const auto* p : paths)
    if (p->elements.size() > 1 && schema.IsKey(p->elements[0].name))
      return msg::KeyPathNotScalar("Key: " + p->elements[0].name);
  for (const auto* p : paths)
    if (p->elements.size() > 1 && schema.IndexWithKey(p->elements[0].name))
      return msg::KeyPathNotScalar("IndexKey: " + p->elements[0].name);
  return {};
}

}  // namespace plans
}  // namespace detail
}  // namespace dynafake
