// dynafake — the checks the service makes while it walks a parsed expression,
// before it looks at names and values: reserved words used as attribute
// names, unknown functions, functions in the wrong kind of expression or in
// the wrong place, a section used twice in an update expression, a list index
// out of range. They run in the order the service walks the tree (the order
// the expression is written), and the first one found is the error
// (DynamoDB Local, com.amazonaws.services.dynamodbv2.parser.ASTListener).
#pragma once

#include <cstddef>  // std::size_t
#include <string>   // std::string, std::stoul
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"                  // Node, DocPath, UpdateSection, LookupFunction
#include "dynafake/expression/expression_messages.hpp"  // Describe, msg
#include "dynafake/expression/reserved_words.hpp"       // IsReservedWord

namespace dynafake {
namespace expression {

class SyntaxWalk {
 public:
  enum class Category { Condition, Update };

  /// Checks a condition (or filter, or key condition) tree, resolving the
  /// operator of each function call on the way. "" when it passes.
  static std::string Condition(Node& root) {
    SyntaxWalk w(Category::Condition);
    w.Walk(root, 0);
    return w.error_;
  }

  static std::string Update(std::vector<UpdateSection>& sections) {
    SyntaxWalk w(Category::Update);
    bool seen[4] = {false, false, false, false};
    for (auto& section : sections) {
      for (auto& action : section.actions) {
        w.Path(action.path);
        if (action.kind != UpdateAction::Kind::Remove) w.Walk(action.value, 0);
      }
      const int k = static_cast<int>(section.kind);
      if (seen[k] && w.error_.empty()) w.error_ = msg::SectionTwice(SectionName(section.kind));
      seen[k] = true;
      if (!w.error_.empty()) break;
    }
    return w.error_;
  }

  static std::string Projection(std::vector<DocPath>& paths) {
    SyntaxWalk w(Category::Condition);
    for (auto& p : paths) w.Path(p);
    return w.error_;
  }

 private:
  explicit SyntaxWalk(Category c) : category_(c) {}

  void Set(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  void Path(DocPath& path) {
    for (auto& e : path.elements) {
      if (!error_.empty()) return;
      if (e.kind == PathElement::Kind::Name && IsReservedWord(e.name)) {
        Set(Describe(msg::kReservedKeyword, {{msg::kReservedKeywordKey, e.name}}));
      } else if (e.kind == PathElement::Kind::Index) {
        // The index must fit a 32-bit signed integer (java.lang.Integer).
        const std::string digits = e.raw.substr(1, e.raw.size() - 2);
        if (digits.size() > 10 || (digits.size() == 10 && digits > "2147483647"))
          Set(Describe(msg::kInvalidListIndex, {{"index", e.raw}}));
        else
          e.index = static_cast<std::size_t>(std::stoul(digits));
      }
    }
  }

  void Function(Node& n, int nesting) {
    const FunctionUse use = LookupFunction(n.function, n.op);
    if (use == FunctionUse::Unknown) return Set(Describe(msg::kInvalidFunctionName, {{"function", n.function}}));
    if (category_ == Category::Condition) {
      if (use != FunctionUse::Condition) return Set(Describe(msg::kConditionFunction, {{"function", n.function}}));
      // At the top of a condition a function must answer true or false; inside
      // a comparison or another function only size() may appear.
      const bool boolean = Info(n.op).returns == types::BOOL;
      if ((nesting == 0 && !boolean) || (nesting > 0 && n.op != Op::Size))
        return Set(Describe(msg::kFunctionContext, {{"function", n.function}}));
    } else {
      if (use != FunctionUse::Update) return Set(Describe(msg::kValueFunction, {{"function", n.function}}));
      if (nesting > 0 && n.op != Op::IfNotExists)
        return Set(Describe(msg::kFunctionContext, {{"function", n.function}}));
    }
  }

  void Walk(Node& n, int nesting) {
    if (!error_.empty()) return;
    if (n.kind == Node::Kind::Path) return Path(n.path);
    if (n.kind == Node::Kind::Value) return;
    int inner = nesting;
    if (n.op == Op::Function) {
      Function(n, nesting);
      ++inner;
    } else if (n.op != Op::And && n.op != Op::Or && n.op != Op::Not) {
      ++inner;  // comparisons, IN, BETWEEN, + and -
    }
    for (auto& c : n.children) Walk(c, inner);
  }

  Category category_;
  std::string error_;
};

}  // namespace expression
}  // namespace dynafake
