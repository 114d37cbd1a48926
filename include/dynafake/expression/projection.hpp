// dynafake — applying a projection to an item: only the document paths asked
// for, nested as in the item (a.b[1] gives {a: {b: [that element]}}). Paths
// that are absent are left out; list elements keep their order and close up.
// The same projection gives UpdateItem's UPDATED_OLD and UPDATED_NEW: the
// updated paths, in the item before and after (DynamoDB Local,
// ExpressionExecutor.project).
#pragma once

#include <map>     // std::map
#include <memory>  // std::make_shared
#include <string>  // std::string

#include "dynafake/expression/path_tree.hpp"    // PathTree, PathKey
#include "dynafake/expression/value_ops.hpp"    // Item
#include "dynafake/expression/value_types.hpp"  // TypeOf, types
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace expression {

/// The part of a map or list value that `tree` selects; false when it selects nothing.
inline bool ProjectValue(const PathTree& tree, const Model::AttributeValue& v, Model::AttributeValue& out) {
  const TypeSet t = TypeOf(v);
  if (t == types::M) {
    Model::AttributeValue::Map selected;
    for (const auto& entry : tree.children) {
      if (entry.first.index) continue;
      auto it = v.GetM().find(entry.first.name);
      if (it == v.GetM().end() || !it->second) continue;
      if (entry.second->leaf) {
        selected.emplace(entry.first.name, it->second);
      } else {
        Model::AttributeValue part;
        if (ProjectValue(*entry.second, *it->second, part))
          selected.emplace(entry.first.name, std::make_shared<Model::AttributeValue>(std::move(part)));
      }
    }
    if (selected.empty()) return false;
    out.SetM(selected);
    return true;
  }
  if (t == types::L) {
    Model::AttributeValue::List selected;
    for (const auto& entry : tree.children) {
      if (!entry.first.index || entry.first.position >= v.GetL().size()) continue;
      const auto& element = v.GetL()[entry.first.position];
      if (!element) continue;
      if (entry.second->leaf) {
        selected.push_back(element);
      } else {
        Model::AttributeValue part;
        if (ProjectValue(*entry.second, *element, part))
          selected.push_back(std::make_shared<Model::AttributeValue>(std::move(part)));
      }
    }
    if (selected.empty()) return false;
    out.SetL(selected);
    return true;
  }
  return false;
}

/// The attributes of `item` that `tree` selects.
inline Item ProjectItem(const PathTree& tree, const Item& item) {
  Item out;
  for (const auto& entry : tree.children) {
    if (entry.first.index) continue;
    auto it = item.find(entry.first.name);
    if (it == item.end()) continue;
    if (entry.second->leaf) {
      out.emplace(it->first, it->second);
    } else {
      Model::AttributeValue part;
      if (ProjectValue(*entry.second, it->second, part)) out.emplace(it->first, std::move(part));
    }
  }
  return out;
}

}  // namespace expression
}  // namespace dynafake
