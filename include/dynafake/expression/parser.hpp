// dynafake — the parser of DynamoDB's expression language: condition (also
// filter and key condition), update and projection expressions, into the
// tree of ast.hpp. It follows the service's grammar (DynamoDB Local ships it as
// com.amazon.dynamodb.grammar.DynamoDbGrammarParser):
//
//   condition  := operand comparator operand | operand IN ( operand, ... )
//              |  operand BETWEEN operand AND operand | function
//              |  ( condition ) | NOT condition | condition AND condition
//              |  condition OR condition          (NOT > AND > OR)
//   operand    := path | :value | function | ( operand )
//   function   := name ( operand, ... )
//   path       := id ( . id | [ index ] )*        id := name | #name
//   update     := ( SET path = value, ... | REMOVE path, ...
//              |    ADD path :value, ... | DELETE path :value, ... )+
//   value      := operand | arithmetic
//   arithmetic := operand (+|-) operand | ( arithmetic )
//   projection := path, ...
//
// A group of parentheses directly around another group is an error of its
// own ("redundant parentheses"), raised as the second group closes. The
// first token the grammar cannot take is the one the syntax error names.
#pragma once

#include <memory>   // std::make_unique
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"          // Node, DocPath, UpdateSection
#include "dynafake/expression/parser_base.hpp"  // ParserBase

namespace dynafake {
namespace expression {

class Parser : private ParserBase {
 public:
  explicit Parser(const std::string& source) : ParserBase(source) {}

  /// Each returns "" on success, else the service's message (without the
  /// "Invalid ...Expression: " prefix).
  std::string ParseCondition(Node& out) {
    Form form = Form::Condition;
    bool parens = false;
    bool ok = ParseOr(out, form, parens, false) && ExpectEnd();
    return Result(ok);
  }

  std::string ParseUpdate(std::vector<UpdateSection>& out) {
    bool ok = IsSection(Kind()) || Fail();
    while (ok && IsSection(Kind())) ok = ParseSection(out);
    ok = ok && ExpectEnd();
    return Result(ok);
  }

  std::string ParseProjection(std::vector<DocPath>& out) {
    out.emplace_back();
    bool ok = ParsePath(out.back());
    while (ok && Kind() == Tok::Comma) {
      Advance();
      out.emplace_back();
      ok = ParsePath(out.back());
    }
    ok = ok && ExpectEnd();
    return Result(ok);
  }

 private:
  // What a parenthesised piece of a condition turned out to be.
  enum class Form { Condition, Operand, Either /* a function call: a condition or an operand */ };

  static bool IsSection(Tok k) { return k == Tok::Set || k == Tok::Remove || k == Tok::Add || k == Tok::Delete; }

  // ------------------------------------------------------------ conditions

  static bool Comparator(Tok k, Op& op) {
    switch (k) {
      case Tok::Eq:
        op = Op::Eq;
        return true;
      case Tok::Ne:
        op = Op::Ne;
        return true;
      case Tok::Lt:
        op = Op::Lt;
        return true;
      case Tok::Le:
        op = Op::Le;
        return true;
      case Tok::Gt:
        op = Op::Gt;
        return true;
      case Tok::Ge:
        op = Op::Ge;
        return true;
      default:
        return false;
    }
  }

  bool ParseOr(Node& out, Form& form, bool& parens, bool allowOperand) {
    if (!ParseAnd(out, form, parens, allowOperand)) return false;
    while (Kind() == Tok::Or) {
      if (form == Form::Operand) return Fail();
      Advance();
      auto rhs = std::make_unique<Node>();
      Form f = Form::Condition;
      bool p = false;
      if (!ParseAnd(*rhs, f, p, false)) return false;
      out = MakeOp(Op::Or, std::move(out), std::move(*rhs));
      form = Form::Condition;
      parens = false;
    }
    return true;
  }

  bool ParseAnd(Node& out, Form& form, bool& parens, bool allowOperand) {
    if (!ParseUnary(out, form, parens, allowOperand)) return false;
    while (Kind() == Tok::And) {
      if (form == Form::Operand) return Fail();
      Advance();
      auto rhs = std::make_unique<Node>();
      Form f = Form::Condition;
      bool p = false;
      if (!ParseUnary(*rhs, f, p, false)) return false;
      out = MakeOp(Op::And, std::move(out), std::move(*rhs));
      form = Form::Condition;
      parens = false;
    }
    return true;
  }

  bool ParseUnary(Node& out, Form& form, bool& parens, bool allowOperand) {
    if (Kind() != Tok::Not) return ParsePrimary(out, form, parens, allowOperand);
    Nesting nest(*this);
    if (!nest.ok) return false;
    Advance();
    auto child = std::make_unique<Node>();
    Form f = Form::Condition;
    bool p = false;
    if (!ParseUnary(*child, f, p, false)) return false;
    std::vector<Node> children;
    children.push_back(std::move(*child));
    out = MakeOp(Op::Not, std::move(children));
    form = Form::Condition;
    parens = false;
    return true;
  }

  bool ParsePrimary(Node& out, Form& form, bool& parens, bool allowOperand) {
    if (!ParseAtom(out, form, parens)) return false;
    if (form == Form::Condition) return true;
    Op op = Op::Eq;
    if (Comparator(Kind(), op)) {
      Advance();
      auto rhs = std::make_unique<Node>();
      bool p = false;
      if (!ParseOperand(*rhs, p)) return false;
      out = MakeOp(op, std::move(out), std::move(*rhs));
    } else if (Kind() == Tok::In) {
      Advance();
      if (!Expect(Tok::LParen)) return false;
      std::vector<Node> children;
      children.push_back(std::move(out));
      for (;;) {
        auto item = std::make_unique<Node>();
        bool p = false;
        if (!ParseOperand(*item, p)) return false;
        children.push_back(std::move(*item));
        if (Kind() != Tok::Comma) break;
        Advance();
      }
      if (!Expect(Tok::RParen)) return false;
      out = MakeOp(Op::In, std::move(children));
    } else if (Kind() == Tok::Between) {
      Advance();
      auto low = std::make_unique<Node>(), high = std::make_unique<Node>();
      bool p = false;
      if (!ParseOperand(*low, p) || !Expect(Tok::And) || !ParseOperand(*high, p)) return false;
      std::vector<Node> children;
      children.push_back(std::move(out));
      children.push_back(std::move(*low));
      children.push_back(std::move(*high));
      out = MakeOp(Op::Between, std::move(children));
    } else if (form == Form::Either) {
      if (!allowOperand) form = Form::Condition;  // a function used as a condition
      return true;
    } else {
      return allowOperand || Fail();  // inside parentheses the caller decides
    }
    form = Form::Condition;
    parens = false;
    return true;
  }

  bool ParseAtom(Node& out, Form& form, bool& parens) {
    parens = false;
    if (Kind() == Tok::LParen) {
      Nesting nest(*this);
      if (!nest.ok) return false;
      Advance();
      bool inner = false;
      if (!ParseOr(out, form, inner, true) || !Expect(Tok::RParen)) return false;
      if (inner) return Redundant();
      parens = true;
      return true;
    }
    if (Kind() == Tok::Id && KindAfter() == Tok::LParen) {
      form = Form::Either;
      return ParseFunction(out);
    }
    form = Form::Operand;
    if (Kind() == Tok::Id || Kind() == Tok::NameSub || Kind() == Tok::ValueSub) {
      bool p = false;
      return ParseOperand(out, p);
    }
    return Fail();
  }

  // ------------------------------------------------------------ updates

  bool ParseSection(std::vector<UpdateSection>& out) {
    UpdateSection section;
    const Tok k = Kind();
    section.kind = k == Tok::Set      ? UpdateAction::Kind::Set
                   : k == Tok::Remove ? UpdateAction::Kind::Remove
                   : k == Tok::Add    ? UpdateAction::Kind::Add
                                      : UpdateAction::Kind::Delete;
    Advance();
    for (;;) {
      UpdateAction action;
      action.kind = section.kind;
      if (!ParsePath(action.path)) return false;
      if (section.kind == UpdateAction::Kind::Set) {
        bool arithmetic = false, parens = false;
        if (!Expect(Tok::Eq) || !ParseValue(action.value, arithmetic, parens)) return false;
      } else if (section.kind != UpdateAction::Kind::Remove) {
        if (Kind() != Tok::ValueSub) return Fail();
        action.value.kind = Node::Kind::Value;
        action.value.ref = Text();
        Advance();
      }
      section.actions.push_back(std::move(action));
      if (Kind() != Tok::Comma) break;
      Advance();
    }
    out.push_back(std::move(section));
    return true;
  }

  // value := operand | operand (+|-) operand | ( value ): a parenthesised
  // operand may still be the left side of + or -, a parenthesised sum may not.
  bool ParseValue(Node& out, bool& arithmetic, bool& parens) {
    arithmetic = parens = false;
    if (Kind() == Tok::LParen) {
      Nesting nest(*this);
      if (!nest.ok) return false;
      Advance();
      bool inner = false;
      if (!ParseValue(out, arithmetic, inner) || !Expect(Tok::RParen)) return false;
      if (inner) return Redundant();
      parens = true;
      if (arithmetic) return true;
    } else if (!ParseOperand(out, parens)) {
      return false;
    }
    if (Kind() != Tok::Plus && Kind() != Tok::Minus) return true;
    const Op op = Kind() == Tok::Plus ? Op::Plus : Op::Minus;
    Advance();
    auto rhs = std::make_unique<Node>();
    bool p = false;
    if (!ParseOperand(*rhs, p)) return false;
    out = MakeOp(op, std::move(out), std::move(*rhs));
    arithmetic = true;
    parens = false;
    return true;
  }
};

}  // namespace expression
}  // namespace dynafake
