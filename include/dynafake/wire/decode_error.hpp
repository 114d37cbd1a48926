// dynafake — the wire's SerializationException: DecodeError, and the texts the
// service answers with for a JSON value of the wrong type.
#pragma once

#include <cctype>     // std::isalnum, std::toupper
#include <cmath>      // std::isfinite, std::floor
#include <cstddef>    // std::size_t
#include <cstdint>    // int64_t, uint64_t
#include <memory>     // std::unique_ptr, std::make_unique
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <utility>    // std::move

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/model/errors.hpp"  // DynamoDBError, DynamoDBErrors

namespace dynafake {
namespace wire {

/// Why a JSON document could not become a typed value. GetErrorType() is
/// SERIALIZATION for a value of the wrong JSON type (the service's
/// `com.amazon.coral.service#SerializationException`) and VALIDATION for the
/// one shape rule the typed model cannot carry (an AttributeValue with two
/// type keys). The message is worded as DynamoDB words it; GetPath() names the
/// member ("Item.name.M.inner") for people reading a failing test.
class DecodeError : public std::runtime_error {
 public:
  DecodeError(DynamoDBErrors type, const std::string& message, std::string path)
      : std::runtime_error(message), type_(type), path_(std::move(path)) {}

  DynamoDBErrors GetErrorType() const { return type_; }
  std::string GetMessage() const { return what(); }
  const std::string& GetPath() const { return path_; }
  /// The error the service would answer with.
  DynamoDBError ToError() const { return DynamoDBError(type_, what()); }

 private:
  DynamoDBErrors type_;
  std::string path_;
};

namespace msg {
/// A request body that is no JSON at all (the service: "SerializationException"
/// with no message of its own we could find quoted; dynafake names the parse error).
inline std::string NotJson(const std::string& detail) { return "Could not parse the request body as JSON: " + detail; }
inline std::string NulByte() { return NotJson("unexpected NUL byte"); }
/// A request nesting deeper than kMaxJsonDepth (dynafake's guard; unsourced text).
constexpr const char* kTooDeep = "Nesting depth of the request exceeds the supported limit.";
/// A target naming no DynamoDB_20120810 operation dynafake serves: UnknownOperationException
/// (the service answers one with no message we could find quoted; this text is dynafake's).
constexpr const char* kUnknownOperation = "dynafake serves DynamoDB_20120810 operations only, and not this one";
/// An AttributeValue with two type keys: the service's ValidationException (dynalite
/// validations/index.js, checked against the service).
constexpr const char* kMoreThanOneDatatype =
    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
/// An exception that escaped the model: InternalFailure (dynafake's text, a dynafake bug).
inline std::string Internal(const char* what) { return std::string("Internal error: ") + what; }
}  // namespace msg

namespace detail {

[[noreturn]] inline void FailSerialization(const std::string& message, const std::string& path) {
  throw DecodeError(DynamoDBErrors::SERIALIZATION, message, path);
}

// ---------------------------------------------------------------- deferred validation
// The service reads the whole request before it validates it: a value of the
// wrong JSON type anywhere is a SerializationException even when an earlier
// AttributeValue has two type keys (a ValidationException). A decode that runs
// under a DeferValidation scope records the first validation error instead of
// throwing it, and the scope throws it once the whole request has decoded.
struct PendingValidation {
  std::unique_ptr<DecodeError> first;
};
inline PendingValidation*& CurrentPendingValidation() {
  static thread_local PendingValidation* pending = nullptr;
  return pending;
}

class DeferValidation {
 public:
  DeferValidation() : previous_(CurrentPendingValidation()) { CurrentPendingValidation() = &state_; }
  ~DeferValidation() { CurrentPendingValidation() = previous_; }
  DeferValidation(const DeferValidation&) = delete;
  DeferValidation& operator=(const DeferValidation&) = delete;

  /// Forgets what an abandoned attempt recorded (the fast path, before the full one reads again).
  void Clear() { state_.first.reset(); }
  /// Throws the first validation error recorded, if any.
  void ThrowIfAny() const {
    if (state_.first) throw *state_.first;
  }

 private:
  PendingValidation state_;
  PendingValidation* previous_;
};

/// A ValidationException found while decoding: thrown at once, or recorded
/// when a DeferValidation scope is open (the decode then goes on).
inline void FailValidation(const std::string& message, const std::string& path) {
  if (PendingValidation* pending = CurrentPendingValidation()) {
    if (!pending->first) pending->first = std::make_unique<DecodeError>(DynamoDBErrors::VALIDATION, message, path);
    return;
  }
  throw DecodeError(DynamoDBErrors::VALIDATION, message, path);
}

// ---------------------------------------------------------------- the texts
// The service's SerializationException texts, as architect/dynalite's test
// suite (test/helpers.js assertType, commit 6caa634, run against the live
// service with REMOTE=1) records them. The service names the JSON token it
// read (STRING_VALUE, NUMBER_VALUE, DECIMAL_VALUE, TRUE_VALUE, FALSE_VALUE)
// and the type it wanted; a list where a single value was wanted is an
// "Unrecognized collection type" of that value's Java type; an object where
// a scalar or a list was wanted is "Start of structure or map found where not
// expected"; a scalar where a structure, a list or a map was wanted is
// "Unexpected field type" for a structure's member and "Unexpected value type
// in payload" for a list's element or a map's value (a list or a map there:
// the Java reflection error below). Each text below notes its source:
// [dynalite] that test suite, [floci] hectorvent/floci's DynamoDbRequestShapesTest
// (an emulator's own table of the service's texts), [infer] by analogy with
// a sourced sibling, [kept] dynafake's earlier text, for want of a source.

/// The scalar types a member can have, as the service names them.
enum class Scalar { kString, kBoolean, kInteger, kLong, kDouble, kBlob, kTimestamp };

/// Where a value sits: a member of a structure, or an element of a list or a
/// value of a map. The service's texts for a scalar in place of a structure,
/// a list or a map differ between the two.
enum class Slot { kField, kValue };

/// The type after "cannot be converted to".
inline const char* ScalarName(Scalar s) {
  switch (s) {
    case Scalar::kString:
      return "String";  // [dynalite]
    case Scalar::kBoolean:
      return "Boolean";  // [dynalite]
    case Scalar::kInteger:
      return "Integer";  // [dynalite]
    case Scalar::kLong:
      return "Long";  // [dynalite]
    case Scalar::kDouble:
      return "Double";  // [floci] STRING_VALUE cannot be converted to Double
    case Scalar::kBlob:
      return "ByteBuffer";  // never reached: a Blob has texts of its own
    case Scalar::kTimestamp:
      return "Date";  // [floci] STRING_VALUE cannot be converted to Date (ListBackups TimeRangeLowerBound)
  }
  return "Object";
}

/// The Java class an "Unrecognized collection type" names for a list in place of the scalar.
inline const char* ScalarJavaClass(Scalar s) {
  switch (s) {
    case Scalar::kString:
      return "java.lang.String";  // [dynalite]
    case Scalar::kBoolean:
      return "java.lang.Boolean";  // [dynalite]
    case Scalar::kInteger:
      return "java.lang.Integer";  // [dynalite]
    case Scalar::kLong:
      return "java.lang.Long";  // [dynalite]
    case Scalar::kDouble:
      return "java.lang.Double";  // [infer] from Integer and Long
    case Scalar::kBlob:
      return "java.nio.ByteBuffer";  // [dynalite]
    case Scalar::kTimestamp:
      return "java.util.Date";  // [infer] from "cannot be converted to Date"
  }
  return "java.lang.Object";
}

/// The token name the service reports for a JSON scalar. A number with a
/// fraction or an exponent is DECIMAL_VALUE ([dynalite] 34.56; [floci] 1e3).
inline const char* TokenName(const nlohmann::json& j) {
  if (j.is_boolean()) return j.get<bool>() ? "TRUE_VALUE" : "FALSE_VALUE";
  if (j.is_string()) return "STRING_VALUE";
  if (j.is_number_float())
    return "DECIMAL_VALUE";  // [infer] also an integer beyond 64 bits, which nlohmann reads as one
  if (j.is_number()) return "NUMBER_VALUE";
  return "NULL_VALUE";  // never reached: a null member is an absent one, and a null element has its own text
}

/// The article-bearing wording of dynafake's earlier texts ("an String"), kept
/// where no current text is known.
inline const char* KeptExpected(Scalar s) {
  switch (s) {
    case Scalar::kString:
      return "an String";
    case Scalar::kBoolean:
      return "an Boolean";
    case Scalar::kInteger:
      return "an Integer";
    case Scalar::kLong:
      return "an Long";
    case Scalar::kDouble:
      return "an Double";
    case Scalar::kBlob:
      return "a Blob";
    case Scalar::kTimestamp:
      return "a Timestamp";
  }
  return "an Object";
}

/// The Java class of a number, for the [kept] text of a number out of a
/// member's range: Short, Integer, Long by magnitude; Double with a fraction.
inline std::string JavaNumberClass(const nlohmann::json& j) {
  if (j.is_number_unsigned()) {
    const auto v = j.get<uint64_t>();
    return v <= 32767u ? "java.lang.Short" : v <= 2147483647u ? "java.lang.Integer" : "java.lang.Long";
  }
  if (j.is_number_integer()) {
    const auto v = j.get<int64_t>();
    return v >= -32768 && v <= 32767                 ? "java.lang.Short"
           : v >= -2147483648LL && v <= 2147483647LL ? "java.lang.Integer"
                                                     : "java.lang.Long";
  }
  if (j.is_number_float()) {
    const double v = j.get<double>();
    if (!std::isfinite(v) || v != std::floor(v)) return "java.lang.Double";
    return v >= -32768.0 && v <= 32767.0             ? "java.lang.Short"
           : v >= -2147483648.0 && v <= 2147483647.0 ? "java.lang.Integer"
                                                     : "java.lang.Long";
  }
  return "java.lang.Object";
}

/// [kept] A number the member cannot hold (a fraction for an Integer, beyond
/// 32 or 64 bits, a timestamp beyond any clock). No source gives the current
/// service's answer (an emulator, hectorvent/floci, says the service takes any
/// number for an Integer), so dynafake's earlier text stays.
[[noreturn]] inline void FailNumberRange(const nlohmann::json& j, Scalar s, const std::string& path) {
  FailSerialization("class " + JavaNumberClass(j) + " can not be converted to " + KeptExpected(s), path);
}

/// An object where a scalar or a list was wanted. [dynalite] (no final period).
[[noreturn]] inline void FailObjectNotExpected(const std::string& path) {
  FailSerialization("Start of structure or map found where not expected", path);
}

/// The Java reflection error the service answers with for a scalar where a
/// list or a map sits as a map's value or a list's element ([dynalite]
/// ParameterizedList: BatchWriteItem RequestItems.<table>; ParameterizedMap:
/// BatchGetItem RequestItems.<table>.Keys[0]).
[[noreturn]] inline void FailParameterized(const std::string& path) {
  FailSerialization(
      "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class "
      "(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of "
      "loader 'bootstrap')",
      path);
}

/// Throws the service's SerializationException for `j` where a scalar of type `s` was wanted.
[[noreturn]] inline void WrongType(const nlohmann::json& j, Scalar s, const std::string& path) {
  if (j.is_object()) FailObjectNotExpected(path);
  if (j.is_array()) FailSerialization(std::string("Unrecognized collection type class ") + ScalarJavaClass(s), path);
  // [kept] a null element of a list or value of a map (a null member is an absent one): no source
  if (j.is_null())
    FailSerialization(std::string("class java.lang.Object can not be converted to ") + KeptExpected(s), path);
  if (s == Scalar::kBlob)
    FailSerialization("only base-64-encoded strings are convertible to bytes", path);  // [dynalite]
  if (s == Scalar::kBoolean && j.is_string())
    FailSerialization("Unexpected token received from parser", path);  // [dynalite] '23'; [floci] 'abc'
  if (j.is_number() && s != Scalar::kString && s != Scalar::kBoolean) FailNumberRange(j, s, path);
  // [dynalite] for String, Boolean, Integer, Long; [floci] Double, Date; [infer] the other tokens of Double and Date
  FailSerialization(std::string(TokenName(j)) + " cannot be converted to " + ScalarName(s), path);
}

/// A structure (an AttributeValue too) was wanted where `j`, not an object,
/// sits: `shape` is its model name, the Java class com.amazonaws.dynamodb.v20120810.<shape>.
[[noreturn]] inline void NotAStructure(const nlohmann::json& j, const char* shape, Slot slot, const std::string& path) {
  if (j.is_array())  // [dynalite] FieldStruct and ValueStruct
    FailSerialization(std::string("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.") + shape,
                      path);
  if (j.is_null()) FailSerialization("Expected null", path);  // [kept] a null element or map value: no source
  // [dynalite] FieldStruct ("ProvisionedThroughput"); ValueStruct ("KeySchema.0", "Item.Attr", "L.0", "M.a")
  FailSerialization(slot == Slot::kField ? "Unexpected field type" : "Unexpected value type in payload", path);
}
inline void ExpectStructure(const nlohmann::json& j, const char* shape, Slot slot, const std::string& path) {
  if (!j.is_object()) NotAStructure(j, shape, slot, path);
}

/// A list was wanted where `j`, not an array, sits.
[[noreturn]] inline void NotAList(const nlohmann::json& j, Slot slot, const std::string& path) {
  if (j.is_object()) FailObjectNotExpected(path);                     // [dynalite] List, ParameterizedList
  if (j.is_null()) FailSerialization("Expected list or null", path);  // [kept] a null map value: no source
  if (slot == Slot::kValue) FailParameterized(path);                  // [dynalite] ParameterizedList
  FailSerialization("Unexpected field type", path);                   // [dynalite] List (SS, NS, BS, L too)
}
inline void ExpectList(const nlohmann::json& j, Slot slot, const std::string& path) {
  if (!j.is_array()) NotAList(j, slot, path);
}

/// A map was wanted where `j`, not an object, sits: `valueType` is the Java
/// type of its values ("com.amazonaws.dynamodb.v20120810.AttributeValue", "java.lang.String", ...).
[[noreturn]] inline void NotAMap(const nlohmann::json& j, const char* valueType, Slot slot, const std::string& path) {
  if (j.is_array())  // [dynalite] Map<...> and ParameterizedMap; JuliaCloud/AWS.jl#246 (PutItem Item as a list)
    FailSerialization(std::string("Unrecognized collection type java.util.Map<java.lang.String, ") + valueType + ">",
                      path);
  if (j.is_null()) FailSerialization("Expected map or null", path);  // [kept] a null list element: no source
  if (slot == Slot::kValue) FailParameterized(path);                 // [dynalite] ParameterizedMap
  FailSerialization("Unexpected field type", path);                  // [dynalite] Map (M too); JuliaCloud/AWS.jl#673
}
inline void ExpectMap(const nlohmann::json& j, const char* valueType, Slot slot, const std::string& path) {
  if (!j.is_object()) NotAMap(j, valueType, slot, path);
}

/// [kept] A whole request (or a value decoded on its own) that is not an
/// object: no source gives the current service's text for a body that is
/// JSON but not an object, so dynafake's earlier texts stay.
inline void ExpectObject(const nlohmann::json& j, const char* what, const std::string& path) {
  if (j.is_object()) return;
  if (j.is_array()) FailSerialization("Start of list found where not expected", path);
  FailSerialization(std::string(what) == "a Map" ? "Expected map or null" : "Expected null", path);
}
/// [kept] As ExpectObject, for a list decoded on its own.
inline void ExpectArray(const nlohmann::json& j, const std::string& path) {
  if (j.is_array()) return;
  if (j.is_object()) FailObjectNotExpected(path);
  FailSerialization("Expected list or null", path);
}

/// The service's texts for a string that is not base64. [dynalite] Blob:
/// '23456' (length), '=+/=' and '+/+=' (a misplaced pad or stray bits), no
/// longer prefixed by the string itself; [infer] a character outside the
/// alphabet keeps its earlier wording without that prefix, as its siblings lost it.
[[noreturn]] inline void FailBlob(const std::string& text, const std::string& path) {
  if (text.size() % 4 != 0)
    FailSerialization(
        "Base64 encoded length is expected a multiple of 4 bytes but found: " + std::to_string(text.size()), path);
  for (const char c : text) {
    const bool digit = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/';
    if (!digit && c != '=') FailSerialization("Invalid Base64 character: '" + std::string(1, c) + "'", path);
  }
  FailSerialization("Invalid last non-pad Base64 character dectected", path);
}

}  // namespace detail
}  // namespace wire
}  // namespace dynafake
