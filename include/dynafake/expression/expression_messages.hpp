// dynafake — the texts of DynamoDB's expression errors and the way the
// service assembles them: "<message>;" followed by " key: value" pairs
// joined by ",", e.g. "Incorrect number of operands for operator or function;
// operator or function: size, number of operands: 2". Texts and the assembly
// rule are DynamoDB's own, as shipped in DynamoDB Local
// (com.amazonaws.services.dynamodbv2.dbenv.DbValidationError and LocalDBEnv's
// validationErrorStringBuilder) and quoted from the real service in issue
// threads (moto, dynalite, aws-sdk users).
#pragma once

#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <utility>           // std::pair

namespace dynafake {
namespace expression {

namespace msg {
constexpr const char* kSyntaxError = "Syntax error";
constexpr const char* kRedundantParentheses = "The expression has redundant parentheses";
constexpr const char* kReservedKeyword = "Attribute name is a reserved keyword";
constexpr const char* kInvalidListIndex = "List index is not within the allowable range";
constexpr const char* kInvalidFunctionName = "Invalid function name";
constexpr const char* kConditionFunction = "The function is not allowed in a condition expression";
constexpr const char* kValueFunction = "The function is not allowed in an update expression";
constexpr const char* kFunctionContext = "The function is not allowed to be used this way in an expression";
constexpr const char* kInvalidTypeName = "Invalid attribute type name found";
constexpr const char* kPathTooDeep = "The document path has too many nesting levels";
constexpr const char* kPathConflict =
    "Two document paths conflict with each other; must remove or rewrite one of these paths";
constexpr const char* kPathOverlap =
    "Two document paths overlap with each other; must remove or rewrite one of these paths";
constexpr const char* kValueInPath = "The document path cannot contain attribute value parameters";
constexpr const char* kNameUndefined = "An expression attribute name used in the document path is not defined";
constexpr const char* kValueUndefined = "An expression attribute value used in expression is not defined";
constexpr const char* kOperandCount = "Incorrect number of operands for operator or function";
constexpr const char* kOperandType = "Incorrect operand type for operator or function";
constexpr const char* kNeedsPath = "Operator or function requires a document path";
constexpr const char* kDistinctOperands =
    "The first operand must be distinct from the remaining operands for this operator or function";
constexpr const char* kEmptyKey = "The expression attribute map contains an empty key";
constexpr const char* kKeyTooLong = "The expression attribute map contains a key that is too long";
constexpr const char* kTooManyOperators = "The expression contains too many operators";
constexpr const char* kEmptyExpression = "The expression can not be empty";
constexpr const char* kExpressionTooLarge = "Expression size has exceeded the maximum allowed size";
constexpr const char* kBetweenBounds =
    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound";
constexpr const char* kBetweenTypes = "The BETWEEN operator requires same data type for lower and upper bounds";
constexpr const char* kTooManyInOperands = "The IN operator is provided with too many operands";

// Errors of applying an update to an item (the request reaches the item).
constexpr const char* kInvalidUpdatePath = "The document path provided in the update expression is invalid for update";
constexpr const char* kUpdateTypeMismatch = "An operand in the update expression has an incorrect data type";
constexpr const char* kAttributeNotFound =
    "The provided expression refers to an attribute that does not exist in the item";
constexpr const char* kNestingTooDeep = "Nesting Levels have exceeded supported limits";
}  // namespace msg

/// "<message>;" followed by " key: value" pairs joined by ",".
inline std::string Describe(const char* message,
                            std::initializer_list<std::pair<const char*, std::string>> pairs = {}) {
  std::string out = message;
  out += ';';
  bool first = true;
  for (const auto& p : pairs) {
    if (!first) out += ',';
    first = false;
    out += ' ';
    out += p.first;
    out += ": ";
    out += p.second;
  }
  return out;
}

/// Limits of the expression language (DynamoDB Local's LocalDBEnv, matching
/// the documented limits: expressions up to 4 KB, 300 operators, 100 IN
/// operands, document paths 32 levels deep, substitution keys of 255 bytes).
namespace limits {
constexpr std::size_t kMaxExpressionLength = 4096;
constexpr int kMaxOperators = 300;
constexpr std::size_t kMaxInOperands = 100;
constexpr std::size_t kMaxPathDepth = 32;
constexpr std::size_t kMaxSubstitutionKeyLength = 255;
}  // namespace limits

}  // namespace expression
}  // namespace dynafake
