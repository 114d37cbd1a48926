// dynafake — the part of the expression parser every grammar shares: the
// token cursor, the first token the grammar cannot take (the syntax error),
// the redundant-parentheses error, the nesting guard, and the rules for
// document paths, operands and function calls (see parser.hpp for the
// grammar).
#pragma once

#include <cstddef>  // std::size_t
#include <memory>   // std::make_unique
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"                  // Node, DocPath
#include "dynafake/expression/expression_messages.hpp"  // Describe, msg
#include "dynafake/expression/lexer.hpp"                // Lex, Token, SyntaxErrorMessage

namespace dynafake {
namespace expression {

class ParserBase {
 protected:
  explicit ParserBase(const std::string& source) : src_(source), toks_(Lex(source)) { SkipSpace(); }

  Tok Kind() const { return toks_[pos_].kind; }
  Tok KindAfter() const {
    std::size_t k = pos_ + 1;
    while (k < toks_.size() && toks_[k].kind == Tok::Ws) ++k;
    return k < toks_.size() ? toks_[k].kind : Tok::Eof;
  }
  std::string Text() const { return src_.substr(toks_[pos_].begin, toks_[pos_].end - toks_[pos_].begin); }
  void SkipSpace() {
    while (pos_ < toks_.size() && toks_[pos_].kind == Tok::Ws) ++pos_;
  }
  void Advance() {
    if (toks_[pos_].kind != Tok::Eof) ++pos_;
    SkipSpace();
  }
  bool Fail() {
    if (!failed_) {
      failed_ = true;
      errorAt_ = pos_;
    }
    return false;
  }
  bool Redundant() {
    redundant_ = true;
    return false;
  }
  bool Expect(Tok kind) {
    if (Kind() != kind) return Fail();
    Advance();
    return true;
  }
  bool ExpectEnd() { return Kind() == Tok::Eof || Fail(); }
  std::string Result(bool ok) const {
    if (redundant_) return Describe(msg::kRedundantParentheses);
    if (!ok) return SyntaxErrorMessage(src_, toks_, errorAt_);
    return {};
  }

  // Parentheses, function calls and NOTs nest; a valid expression nests far
  // less than kMaxNesting (each level needs an operator, and 300 is the
  // limit). [infer] Deeper text is answered with a syntax error at the token
  // that goes too deep, instead of exhausting the stack.
  static constexpr int kMaxNesting = 400;
  struct Nesting {
    ParserBase& p;
    bool ok;
    explicit Nesting(ParserBase& parser) : p(parser), ok(++parser.depth_ <= kMaxNesting || parser.Fail()) {}
    ~Nesting() { --p.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
  };

  static Node MakeOp(Op op, std::vector<Node> children) {
    Node n;
    n.kind = Node::Kind::Operator;
    n.op = op;
    n.children = std::move(children);
    return n;
  }
  static Node MakeOp(Op op, Node a, Node b) {
    std::vector<Node> children;
    children.push_back(std::move(a));
    children.push_back(std::move(b));
    return MakeOp(op, std::move(children));
  }

  // ------------------------------------------------------------ paths and operands

  bool ParsePath(DocPath& path) {
    PathElement head;
    if (Kind() == Tok::Id)
      head.kind = PathElement::Kind::Name;
    else if (Kind() == Tok::NameSub)
      head.kind = PathElement::Kind::NameRef;
    else
      return Fail();
    head.raw = head.name = Text();
    path.elements.push_back(std::move(head));
    Advance();
    for (;;) {
      PathElement e;
      if (Kind() == Tok::Dot) {
        Advance();
        if (Kind() == Tok::Id)
          e.kind = PathElement::Kind::Name;
        else if (Kind() == Tok::NameSub)
          e.kind = PathElement::Kind::NameRef;
        else if (Kind() == Tok::ValueSub)
          e.kind = PathElement::Kind::ValueRef;
        else
          return Fail();
        e.raw = e.name = Text();
        Advance();
      } else if (Kind() == Tok::LBracket) {
        Advance();
        if (Kind() != Tok::Index) return Fail();
        e.kind = PathElement::Kind::Index;
        e.raw = "[" + Text() + "]";
        Advance();
        if (!Expect(Tok::RBracket)) return false;
      } else {
        return true;
      }
      path.elements.push_back(std::move(e));
    }
  }

  bool ParseFunction(Node& out) {
    Nesting nest(*this);
    if (!nest.ok) return false;
    out.kind = Node::Kind::Operator;
    out.op = Op::Function;
    out.function = Text();
    Advance();  // the name
    if (!Expect(Tok::LParen)) return false;
    for (;;) {
      auto arg = std::make_unique<Node>();
      bool parens = false;
      if (!ParseOperand(*arg, parens)) return false;
      out.children.push_back(std::move(*arg));
      if (Kind() != Tok::Comma) break;
      Advance();
    }
    return Expect(Tok::RParen);
  }

  bool ParseOperand(Node& out, bool& parens) {
    parens = false;
    if (Kind() == Tok::LParen) {
      Nesting nest(*this);
      if (!nest.ok) return false;
      Advance();
      bool inner = false;
      if (!ParseOperand(out, inner) || !Expect(Tok::RParen)) return false;
      if (inner) return Redundant();
      parens = true;
      return true;
    }
    if (Kind() == Tok::Id && KindAfter() == Tok::LParen) return ParseFunction(out);
    if (Kind() == Tok::Id || Kind() == Tok::NameSub) {
      out.kind = Node::Kind::Path;
      return ParsePath(out.path);
    }
    if (Kind() == Tok::ValueSub) {
      out.kind = Node::Kind::Value;
      out.ref = Text();
      Advance();
      return true;
    }
    return Fail();
  }

  std::string src_;
  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  bool failed_ = false;
  bool redundant_ = false;
  std::size_t errorAt_ = 0;
  int depth_ = 0;
};

}  // namespace expression
}  // namespace dynafake
