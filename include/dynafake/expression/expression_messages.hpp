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
/// The prefix of the ValidationExceptions about a request's parameter values
/// ("One or more parameter values were invalid: ..."), the expression
/// language's and the service's alike (DynamoDB Local's ErrorFactory; dynalite's
/// tests quote it from the service throughout).
inline std::string Invalid(const std::string& what) { return "One or more parameter values were invalid: " + what; }
/// The same name twice in AttributesToGet (architect/dynalite validations/index.js,
/// checked against the service).
inline std::string DuplicateAttributeName(const std::string& name) {
  return Invalid("Duplicate value in attribute name: " + name);
}

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
// Numbers (DynamoDB Local's ErrorFactory; dynalite's tests quote them from the service).
constexpr const char* kNotANumber = "The parameter cannot be converted to a numeric value";
constexpr const char* kNumberOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
constexpr const char* kNumberUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";
constexpr const char* kNumberTooPrecise = "Attempting to store more than 38 significant digits in a Number";

// The substitution maps (architect/dynalite validations/index.js
// validateExpressionParams and validateAttributeNames, checked against the service;
// the empty name is [infer]: refused the way the service's attribute names are).
inline std::string EmptyMap(const char* map) { return std::string(map) + " must not be empty"; }
inline std::string InvalidKey(const char* map, const std::string& why) {
  return std::string(map) + " contains invalid key: " + why;
}
inline std::string InvalidValue(const std::string& why, const std::string& key) {
  return "ExpressionAttributeValues contains invalid value: " + why + " for key " + key;
}
inline std::string EmptyName(const std::string& key) {
  return "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key;
}
inline std::string NameTooLarge(const std::string& key) {
  return "ExpressionAttributeNames contains invalid value: Attribute name is too large, must be less than 65536 bytes "
         "for key " +
         key;
}
/// A key that is not "#" or ":" and a name (the service's text: "Syntax error; key: \"k\"").
inline std::string KeySyntax(const std::string& key) { return std::string(kSyntaxError) + "; key: \"" + key + "\""; }
/// `keys` comma-separated.
inline std::string Unused(const char* map, const std::string& keys) {
  return std::string("Value provided in ") + map + " unused in expressions: keys: {" + keys + "}";
}
/// "UpdateExpression", "ConditionExpression", ...
inline std::string InvalidExpression(const char* which, const std::string& why) {
  return std::string("Invalid ") + which + ": " + why;
}
/// Both lists in braces, comma-separated.
inline std::string MixedParameters(const std::string& legacy, const std::string& expressions) {
  return "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: " +
         legacy + " Expression parameters: " + expressions;
}
/// An update expression naming a section (SET, REMOVE, ADD, DELETE) twice.
inline std::string SectionTwice(const std::string& section) {
  return "The \"" + section + "\" section can only be used once in an update expression;";
}
// The pairs' keys of Describe (DynamoDB Local's validationErrorStringBuilder).
constexpr const char* kKeySize = "size of key";
constexpr const char* kExpressionSize = "expression size";
constexpr const char* kPathOne = "path one";
constexpr const char* kPathTwo = "path two";
constexpr const char* kReservedKeywordKey = "reserved keyword";
constexpr const char* kOperandTypeKey = "operand type";
constexpr const char* kNestingLevelsKey = "nesting levels";
constexpr const char* kAttributeValueKey = "attribute value";
constexpr const char* kAttributeNameKey = "attribute name";
constexpr const char* kOperatorCountKey = "operator count";
constexpr const char* kOperatorKey = "operator or function";
constexpr const char* kOperandCountKey = "number of operands";
constexpr const char* kFirstOperandKey = "first operand";
constexpr const char* kLowerBoundKey = "lower bound operand";
constexpr const char* kUpperBoundKey = "upper bound operand";
constexpr const char* kValidTypesKey = "valid types";

// KeyConditionExpression (architect/dynalite validations/query.js and db/index.js,
// checked against the service).
/// `op` as the service names it ("OR", "NOT", "IN", "<>", "attribute_exists", ...).
inline std::string KeyConditionOperator(const std::string& op) {
  return "Invalid operator used in KeyConditionExpression: " + op;
}
constexpr const char* kKeyConditionNested = "KeyConditionExpressions cannot contain nested operations";
inline std::string KeyConditionFirstOperand(const std::string& op) {
  return "Invalid condition in KeyConditionExpression: " + op +
         " operator must have the key attribute as its first "
         "operand";
}
constexpr const char* kKeyConditionTwoNames =
    "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition";
constexpr const char* kKeyConditionNestedAttribute =
    "KeyConditionExpressions cannot have conditions on nested attributes";
constexpr const char* kKeyConditionNoKey = "Invalid condition in KeyConditionExpression: No key attribute specified";
constexpr const char* kKeyConditionOnePerKey = "KeyConditionExpressions must only contain one condition per key";
inline std::string QueryMissedKey(const std::string& key) {
  return "Query condition missed key schema element: " + key;
}
constexpr const char* kQueryKeyConditionNotSupported = "Query key condition not supported";
constexpr const char* kNotIndexable = "Attempted conditional constraint is not an indexable operation";

// The legacy parameters: Expected, QueryFilter, ScanFilter, KeyConditions,
// AttributeUpdates (architect/dynalite validations/index.js and
// updateItem.js; DynamoDB Local LocalDBValidatorUtils, checked against the service).
inline std::string ArgumentCount(const std::string& op) {
  return Invalid("Invalid number of argument(s) for the " + op + " ComparisonOperator");
}
/// Whether `error` is an ArgumentCount text.
inline bool IsArgumentCount(const std::string& error) {
  return error.rfind(Invalid("Invalid number of argument(s)"), 0) == 0;
}
/// A key condition's argument count, worded otherwise than a filter's (architect/dynalite
/// test/query.js 'should return ValidationException for 1 arg to NULL', recorded against the service).
constexpr const char* kKeyConditionArgumentCount =
    "The attempted filter operation is not supported for the provided filter argument count";
inline std::string OperatorNotForType(const std::string& op, const std::string& type) {
  return Invalid("ComparisonOperator " + op + " is not valid for " + type + " AttributeValue type");
}
inline std::string ListOfMixedTypes() {
  return Invalid("AttributeValues inside AttributeValueList must be of same type");
}
constexpr const char* kBetweenReversed =
    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound";
constexpr const char* kOperatorWithoutConditions = "ConditionalOperator cannot be used without Filter or Expected";
constexpr const char* kOperatorWithOneCondition =
    "ConditionalOperator can only be used when Filter or Expected has two or more elements";
inline std::string ExistsWithOperator(const std::string& a) {
  return Invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + a);
}
inline std::string ValueWithList(const std::string& a) {
  return Invalid("Value and AttributeValueList cannot be used together for Attribute: " + a);
}
inline std::string ListWithoutOperator(const std::string& a) {
  return Invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + a);
}
inline std::string ValueWhenNotExists(const std::string& a) {
  return Invalid("Value cannot be used when Exists is false for Attribute: " + a);
}
inline std::string OperatorNeedsValue(const std::string& op, const std::string& a) {
  return Invalid("Value or AttributeValueList must be used with ComparisonOperator: " + op + " for Attribute: " + a);
}
/// `exists` is "null" or "true".
inline std::string ValueRequired(const char* exists, const std::string& a) {
  return Invalid(std::string("Value must be provided when Exists is ") + exists + " for Attribute: " + a);
}
inline std::string OnlyDeleteWithoutValue() {
  return Invalid("Only DELETE action is allowed when no attribute value is specified");
}
inline std::string DeleteNotForType(const std::string& type) {
  return Invalid("DELETE action with value is not supported for the type " + type);
}
inline std::string AddNotForType(const std::string& type) {
  return Invalid("ADD action is not supported for the type " + type);
}
constexpr const char* kUpdateTypeMismatchLegacy = "Type mismatch for attribute to update";

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

}  // namespace expression
}  // namespace dynafake
