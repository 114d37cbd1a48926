// dynafake — the document paths of a projection or of an update's targets,
// merged into one tree. Building it is where the service finds two paths
// that overlap (one is a prefix of the other, or they are equal) or conflict
// (one goes into a map where the other goes into a list). Paths go in in the
// reverse of their written order, and the message names the path being added
// and the path to the first leaf it ran into — which is why "a, a.b" reports
// "path one: [a], path two: [a, b]" (DynamoDB Local, ExpressionValidator.
// buildProjectionTree; the order matches the real service's answers quoted in
// dynalite's tests and nubo-db/dynamodb-conformance).
#pragma once

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <memory>   // std::unique_ptr
#include <string>   // std::string
#include <tuple>    // std::tie

#include "dynafake/expression/ast.hpp"                  // DocPath, PathElement, PathText
#include "dynafake/expression/expression_messages.hpp"  // Describe, msg

namespace dynafake {
namespace expression {

/// One step of a path as a key of the tree: a list index or a map key.
struct PathKey {
  bool index = false;
  std::size_t position = 0;
  std::string name;

  static PathKey Of(const PathElement& e) {
    PathKey k;
    k.index = e.IsIndex();
    if (k.index)
      k.position = e.index;
    else
      k.name = e.name;
    return k;
  }
  friend bool operator<(const PathKey& a, const PathKey& b) {
    return std::tie(a.index, a.position, a.name) < std::tie(b.index, b.position, b.name);
  }
};

struct PathTree {
  std::map<PathKey, std::unique_ptr<PathTree>> children;
  bool leaf = false;  ///< a path ends here
  int action = -1;    ///< for an update: the index of the action of the path ending here

  /// Adds `path` (whose names are resolved); "" or the overlap/conflict message.
  std::string Insert(const DocPath& path, int actionIndex = -1) {
    PathTree* node = this;
    const std::size_t n = path.elements.size();
    for (std::size_t depth = 0; depth < n; ++depth) {
      const PathKey key = PathKey::Of(path.elements[depth]);
      auto it = node->children.find(key);
      if (it == node->children.end()) {
        if (!node->children.empty() && node->children.begin()->first.index != key.index)
          return Describe(msg::kPathConflict,
                          {{msg::kPathOne, PathText(path)}, {msg::kPathTwo, LeafPath(path, depth, node)}});
        for (std::size_t rest = depth; rest < n; ++rest) {
          auto child = std::unique_ptr<PathTree>(new PathTree());
          PathTree* next = child.get();
          node->children.emplace(PathKey::Of(path.elements[rest]), std::move(child));
          node = next;
        }
        node->leaf = true;
        node->action = actionIndex;
        return {};
      }
      PathTree* child = it->second.get();
      if (child->leaf || depth + 1 == n)
        return Describe(msg::kPathOverlap,
                        {{msg::kPathOne, PathText(path)}, {msg::kPathTwo, LeafPath(path, depth + 1, child)}});
      node = child;
    }
    return {};
  }

 private:
  // The first `depth` steps of `path`, then the first child at each level
  // below `node` down to a leaf: the path already in the tree that the new
  // one ran into.
  static std::string LeafPath(const DocPath& path, std::size_t depth, const PathTree* node) {
    std::string out = "[";
    for (std::size_t i = 0; i < depth; ++i) {
      if (i) out += ", ";
      const auto& e = path.elements[i];
      out += e.IsIndex() ? "[" + std::to_string(e.index) + "]" : e.name;
    }
    const PathTree* at = node;
    bool first = depth == 0;
    while (at && !at->children.empty()) {
      const auto& entry = *at->children.begin();
      if (!first) out += ", ";
      first = false;
      out += entry.first.index ? "[" + std::to_string(entry.first.position) + "]" : entry.first.name;
      at = entry.second->leaf ? nullptr : entry.second.get();
    }
    return out + "]";
  }
};

}  // namespace expression
}  // namespace dynafake
