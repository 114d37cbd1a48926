// dynafake — the syntax tree of a DynamoDB expression: document paths,
// operands, operators and functions (condition, filter and key condition
// expressions are one tree of operators), update actions, and the table of
// what each operator accepts, as the service's validator defines it
// (DynamoDB Local, com.amazonaws.services.dynamodbv2.datamodel.Operator and
// TypeSet).
#pragma once

#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/expression/value_types.hpp"  // TypeSet, types
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace expression {

/// One step of a document path: an attribute or map key (written plainly or
/// as a #name), a list index, or a :value used as a map key (which the service
/// refuses).
struct PathElement {
  enum class Kind { Name, NameRef, ValueRef, Index };
  Kind kind = Kind::Name;
  std::string raw;        ///< as written: "a", "#a", ":a", "[3]"
  std::string name;       ///< the attribute name (a #name's once resolved)
  std::size_t index = 0;  ///< Index: the position
  bool IsIndex() const { return kind == Kind::Index; }
};

/// A document path: a.b[2].#c
struct DocPath {
  std::vector<PathElement> elements;
};

/// The service's rendering of a path in messages: "[a, b, [2]]".
inline std::string PathText(const DocPath& p, std::size_t count = static_cast<std::size_t>(-1)) {
  std::string out = "[";
  for (std::size_t i = 0; i < p.elements.size() && i < count; ++i) {
    if (i) out += ", ";
    out += p.elements[i].IsIndex() ? "[" + std::to_string(p.elements[i].index) + "]" : p.elements[i].name;
  }
  return out + "]";
}

inline bool SamePath(const DocPath& a, const DocPath& b) {
  if (a.elements.size() != b.elements.size()) return false;
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    const PathElement &x = a.elements[i], &y = b.elements[i];
    if (x.IsIndex() != y.IsIndex()) return false;
    if (x.IsIndex() ? x.index != y.index : x.name != y.name) return false;
  }
  return true;
}

enum class Op {
  Plus,
  Minus,
  ListAppend,
  IfNotExists,  // update values
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Between,
  In,  // comparisons
  AttributeExists,
  AttributeNotExists,
  AttributeType,  // condition functions
  Contains,
  BeginsWith,
  Size,
  Not,
  And,
  Or,
  Function  // a call not yet resolved
};

/// What happens when an operand has a type the operator does not take,
/// at evaluation time.
enum class Mismatch { ReturnFalse, ReturnMissing, Fail };

struct OpInfo {
  const char* name;  ///< as the service prints it: "=", "BETWEEN", "size"
  int operands;      ///< required number of operands
  bool more;         ///< whether more operands are allowed (IN)
  TypeSet takes;     ///< operand types accepted
  bool missingOk;    ///< whether an operand may be a missing attribute
  TypeSet returns;   ///< result types
  Mismatch mismatch;
};

inline const OpInfo& Info(Op op) {
  using namespace types;
  static const OpInfo table[] = {
      {"+", 2, false, N, false, N, Mismatch::Fail},
      {"-", 2, false, N, false, N, Mismatch::Fail},
      {"list_append", 2, false, L, false, L, Mismatch::Fail},
      {"if_not_exists", 2, false, All, true, All, Mismatch::ReturnFalse},
      {"=", 2, false, All, true, BOOL, Mismatch::ReturnFalse},
      {"<>", 2, false, All, true, BOOL, Mismatch::ReturnFalse},
      {"<", 2, false, Ordered, true, BOOL, Mismatch::ReturnFalse},
      {"<=", 2, false, Ordered, true, BOOL, Mismatch::ReturnFalse},
      {">", 2, false, Ordered, true, BOOL, Mismatch::ReturnFalse},
      {">=", 2, false, Ordered, true, BOOL, Mismatch::ReturnFalse},
      {"BETWEEN", 3, false, Ordered, true, BOOL, Mismatch::ReturnFalse},
      {"IN", 1, true, All, true, BOOL, Mismatch::ReturnFalse},
      {"attribute_exists", 1, false, All, true, BOOL, Mismatch::ReturnFalse},
      {"attribute_not_exists", 1, false, All, true, BOOL, Mismatch::ReturnFalse},
      {"attribute_type", 2, false, All, true, BOOL, Mismatch::ReturnFalse},
      {"contains", 2, false, All, true, BOOL, Mismatch::ReturnFalse},
      {"begins_with", 2, false, S | B, true, BOOL, Mismatch::ReturnFalse},
      {"size", 1, false, Iterable, true, N, Mismatch::ReturnMissing},
      {"NOT", 1, false, BOOL, false, BOOL, Mismatch::Fail},
      {"AND", 2, false, BOOL, false, BOOL, Mismatch::Fail},
      {"OR", 2, false, BOOL, false, BOOL, Mismatch::Fail},
      {"", 0, true, All, true, All, Mismatch::ReturnFalse},
  };
  return table[static_cast<int>(op)];
}

/// Which expressions a function may appear in.
enum class FunctionUse { Unknown, Condition, Update };

/// The functions of the expression language, by name (the service knows
/// these six condition functions and two update functions).
inline FunctionUse LookupFunction(const std::string& name, Op& op) {
  struct Entry {
    const char* name;
    Op op;
    FunctionUse use;
  };
  static const Entry entries[] = {
      {"attribute_exists", Op::AttributeExists, FunctionUse::Condition},
      {"attribute_not_exists", Op::AttributeNotExists, FunctionUse::Condition},
      {"attribute_type", Op::AttributeType, FunctionUse::Condition},
      {"contains", Op::Contains, FunctionUse::Condition},
      {"begins_with", Op::BeginsWith, FunctionUse::Condition},
      {"size", Op::Size, FunctionUse::Condition},
      {"list_append", Op::ListAppend, FunctionUse::Update},
      {"if_not_exists", Op::IfNotExists, FunctionUse::Update},
  };
  for (const auto& e : entries)
    if (name == e.name) {
      op = e.op;
      return e.use;
    }
  return FunctionUse::Unknown;
}

/// A node of an expression: a document path, a :value, or an operator (or
/// function) over child nodes.
struct Node {
  enum class Kind { Path, Value, Operator };
  Kind kind = Kind::Operator;
  DocPath path;                 ///< Path
  std::string ref;              ///< Value: ":name" as written
  Model::AttributeValue value;  ///< Value: the substituted value (after validation)
  Op op = Op::Function;         ///< Operator
  std::string function;         ///< a function call's name as written
  std::vector<Node> children;   ///< Operator: operands in order

  /// The types this node can produce, as the validator reasons about them.
  TypeSet PossibleTypes() const {
    if (kind == Kind::Path) return types::All;
    if (kind == Kind::Value) return TypeOf(value);
    return Info(op).returns;
  }
};

/// One action of an update expression.
struct UpdateAction {
  enum class Kind { Set, Remove, Add, Delete };
  Kind kind = Kind::Set;
  DocPath path;
  Node value;  ///< Set: the value expression; Add/Delete: the :value; Remove: unused
};

/// The sections of an update expression, in the order written.
struct UpdateSection {
  UpdateAction::Kind kind = UpdateAction::Kind::Set;
  std::vector<UpdateAction> actions;
};

inline const char* SectionName(UpdateAction::Kind k) {
  switch (k) {
    case UpdateAction::Kind::Set:
      return "SET";
    case UpdateAction::Kind::Remove:
      return "REMOVE";
    case UpdateAction::Kind::Add:
      return "ADD";
    case UpdateAction::Kind::Delete:
      return "DELETE";
  }
  return "";
}

}  // namespace expression
}  // namespace dynafake
