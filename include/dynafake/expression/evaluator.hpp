// dynafake — evaluating a validated expression tree against an item: whether
// a condition holds, and the value an update's SET computes. Missing
// attributes and operands of the wrong type behave as in the service
// (DynamoDB Local, ExpressionExecutor.executeOperator): a comparison with a
// missing attribute or a value of another type is false, size() of a number
// is missing, and in an update a missing operand of +, - or list_append is
// "The provided expression refers to an attribute that does not exist in the
// item" while an operand of the wrong type is "An operand in the update
// expression has an incorrect data type".
#pragma once

#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/expression/ast.hpp"                  // Node, Op, Info
#include "dynafake/expression/decimal.hpp"              // Decimal, NumberMessage
#include "dynafake/expression/expression_messages.hpp"  // msg
#include "dynafake/expression/value_ops.hpp"            // Item, Lookup, Equal, CompareOrdered, ...
#include "dynafake/expression/value_types.hpp"          // TypeOf, TypeSymbol
#include "dynafake/model/attribute_value.hpp"           // AttributeValue

namespace dynafake {
namespace expression {

class Evaluator {
 public:
  explicit Evaluator(const Item& item) : item_(item) {}

  /// Whether a condition (filter, key condition) holds for the item.
  bool Holds(const Node& condition) const {
    const Result r = Eval(condition);
    const Model::AttributeValue* v = r.Get();
    return r.error.empty() && v && TypeOf(*v) == types::BOOL && v->GetBool();
  }

  /// The value of an update's SET expression; false with the service's
  /// message in `error` when it cannot be computed.
  bool Value(const Node& n, Model::AttributeValue& out, std::string& error) const {
    Result r = Eval(n);
    if (r.error.empty() && !r.Get()) r.error = msg::kAttributeNotFound;
    if (!r.error.empty()) {
      error = std::move(r.error);
      return false;
    }
    out = *r.Get();
    return true;
  }

 private:
  // A value found in the item or the expression (by pointer), computed
  // (owned), or missing; or an error.
  struct Result {
    const Model::AttributeValue* ref = nullptr;
    Model::AttributeValue owned;
    bool isOwned = false;
    std::string error;
    const Model::AttributeValue* Get() const { return isOwned ? &owned : ref; }
    static Result Of(Model::AttributeValue v) {
      Result r;
      r.owned = std::move(v);
      r.isOwned = true;
      return r;
    }
    static Result Bool(bool b) {
      Model::AttributeValue v;
      v.SetBool(b);
      return Of(std::move(v));
    }
    static Result Fail(std::string message) {
      Result r;
      r.error = std::move(message);
      return r;
    }
  };

  Result Eval(const Node& n) const {
    if (n.kind == Node::Kind::Path) {
      Result r;
      r.ref = Lookup(item_, n.path);
      return r;
    }
    if (n.kind == Node::Kind::Value) {
      Result r;
      r.ref = &n.value;
      return r;
    }
    if (n.op == Op::And || n.op == Op::Or) {  // no operand of these can fail: short-circuit
      const bool left = Holds(n.children[0]);
      if (left != (n.op == Op::And)) return Result::Bool(left);
      return Result::Bool(Holds(n.children[1]));
    }
    if (n.op == Op::Not) return Result::Bool(!Holds(n.children[0]));

    std::vector<Result> args;
    args.reserve(n.children.size());
    for (const auto& c : n.children) {
      args.push_back(Eval(c));
      if (!args.back().error.empty()) return Result::Fail(args.back().error);
    }
    const OpInfo& info = Info(n.op);
    for (const auto& a : args) {
      const Model::AttributeValue* v = a.Get();
      if (!v) {
        if (!info.missingOk) return Result::Fail(msg::kAttributeNotFound);
        continue;
      }
      if (TypeOf(*v) & info.takes) continue;
      switch (info.mismatch) {
        case Mismatch::ReturnFalse:
          return Result::Bool(false);
        case Mismatch::ReturnMissing:
          return Result();
        case Mismatch::Fail:
          return Result::Fail(msg::kUpdateTypeMismatch);
      }
    }
    return Apply(n, args);
  }

  static Result Apply(const Node& n, const std::vector<Result>& args) {
    const Model::AttributeValue* a = args[0].Get();
    const Model::AttributeValue* b = args.size() > 1 ? args[1].Get() : nullptr;
    switch (n.op) {
      case Op::Plus:
      case Op::Minus: {
        const Decimal x = NumberOf(a->GetN()), y = NumberOf(b->GetN());
        const Decimal sum = n.op == Op::Plus ? Decimal::Add(x, y) : Decimal::Subtract(x, y);
        const NumberStatus status = sum.Check();
        if (status != NumberStatus::Ok) return Result::Fail(NumberMessage(status, sum.ToString()));
        Model::AttributeValue v;
        v.SetN(sum.ToString());
        return Result::Of(std::move(v));
      }
      case Op::ListAppend: {
        Model::AttributeValue v;
        v.SetL(a->GetL());
        for (const auto& e : b->GetL()) v.AddLItem(e);
        return Result::Of(std::move(v));
      }
      case Op::IfNotExists:
        // The default must exist even when it is not needed (ifNotExist checks it first).
        if (!b) return Result::Fail(msg::kAttributeNotFound);
        return Result::Of(a ? *a : *b);
      case Op::Eq:
        return Result::Bool(a && b && Equal(*a, *b));
      case Op::Ne:
        return Result::Bool(!(a && b && Equal(*a, *b)));
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge: {
        if (!a || !b || TypeOf(*a) != TypeOf(*b)) return Result::Bool(false);
        const int c = CompareOrdered(*a, *b);
        const bool r = n.op == Op::Lt ? c < 0 : n.op == Op::Le ? c <= 0 : n.op == Op::Gt ? c > 0 : c >= 0;
        return Result::Bool(r);
      }
      case Op::Between: {
        const Model::AttributeValue* high = args[2].Get();
        if (!a || !b || !high || TypeOf(*a) != TypeOf(*b) || TypeOf(*a) != TypeOf(*high)) return Result::Bool(false);
        return Result::Bool(CompareOrdered(*a, *b) >= 0 && CompareOrdered(*a, *high) <= 0);
      }
      case Op::In:
        for (std::size_t i = 1; i < args.size(); ++i)
          if (a && args[i].Get() && Equal(*a, *args[i].Get())) return Result::Bool(true);
        return Result::Bool(false);
      case Op::AttributeExists:
        return Result::Bool(a != nullptr);
      case Op::AttributeNotExists:
        return Result::Bool(a == nullptr);
      case Op::AttributeType:
        return Result::Bool(a && b && TypeOf(*b) == types::S && b->GetS() == TypeSymbol(TypeOf(*a)));
      case Op::Contains:
        return Result::Bool(a && b && Contains(*a, *b));
      case Op::BeginsWith:
        return Result::Bool(a && b && BeginsWith(*a, *b));
      case Op::Size: {
        std::size_t size = 0;
        if (!a || !Size(*a, size)) return Result();
        Model::AttributeValue v;
        v.SetN(std::to_string(size));
        return Result::Of(std::move(v));
      }
      default:
        return Result::Bool(false);
    }
  }

  const Item& item_;
};

}  // namespace expression
}  // namespace dynafake
