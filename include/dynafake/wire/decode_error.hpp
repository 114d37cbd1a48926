// dynafake — the wire's SerializationException: DecodeError, and the texts the
// service answers with for a JSON member of the wrong type.
#pragma once

#include <cctype>     // std::isalnum, std::toupper
#include <cmath>      // std::isfinite, std::floor
#include <cstddef>    // std::size_t
#include <cstdint>    // int64_t, uint64_t
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <utility>    // std::move

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/model/errors.hpp"  // DynamoDBError, DynamoDBErrors

namespace dynafake {
namespace wire {

/// Why a JSON document could not become a typed value. GetErrorType() is
/// SERIALIZATION for a member of the wrong JSON type (the service's
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

namespace detail {

[[noreturn]] inline void FailSerialization(const std::string& message, const std::string& path) {
  throw DecodeError(DynamoDBErrors::SERIALIZATION, message, path);
}

// The service's SerializationException texts, as architect/dynalite's test
// suite measured them against the service (test/helpers.js assertType;
// validations/index.js checkType): the Java class its JSON reader made of the
// token, then "can not be converted to" and the wanted type, with the
// service's own articles ("an String", "an Long", "an Boolean").

/// The Java class the service's JSON reader makes of a scalar token: numbers by
/// magnitude (Short, Integer, Long; Double with a fraction).
inline std::string JavaClass(const nlohmann::json& j) {
  if (j.is_string()) return "java.lang.String";
  if (j.is_boolean()) return "java.lang.Boolean";
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
  return "java.lang.Object";  // [infer] null and binary never reach here: null is an absent member
}

/// A list or a map where a scalar or a structure was wanted.
[[noreturn]] inline void FailContainer(const nlohmann::json& j, const std::string& path) {
  if (j.is_array()) FailSerialization("Start of list found where not expected", path);
  FailSerialization("Start of structure or map found where not expected.", path);
}

/// Throws the service's SerializationException for `j` where `expected`
/// ("an String", "an Integer", "a Blob", ...) was wanted.
[[noreturn]] inline void WrongType(const nlohmann::json& j, const char* expected, const std::string& path) {
  if (j.is_object() || j.is_array()) FailContainer(j, path);
  // a string where a Boolean was wanted is quoted, upper-cased (dynalite test/helpers.js: '23', validations/index.js)
  if (j.is_string() && std::string(expected) == "an Boolean") {
    std::string text = j.get_ref<const std::string&>();
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    FailSerialization("'" + text + "' can not be converted to " + expected, path);
  }
  FailSerialization("class " + JavaClass(j) + " can not be converted to " + expected, path);
}

/// A structure (or an AttributeValue) was wanted: "Expected null" for a scalar.
inline void ExpectObject(const nlohmann::json& j, const char* what, const std::string& path) {
  if (j.is_object()) return;
  if (j.is_array()) FailContainer(j, path);
  FailSerialization(std::string(what) == "a Map" ? "Expected map or null" : "Expected null", path);
}
inline void ExpectArray(const nlohmann::json& j, const std::string& path) {
  if (j.is_array()) return;
  if (j.is_object()) FailContainer(j, path);
  FailSerialization("Expected list or null", path);
}

/// The service's three texts for a string that is not base64 (architect/dynalite
/// test/helpers.js assertType 'Blob', validations/index.js).
[[noreturn]] inline void FailBlob(const std::string& text, const std::string& path) {
  const std::string quoted = "'" + text + "' can not be converted to a Blob: ";
  if (text.size() % 4 != 0)
    FailSerialization(
        quoted + "Base64 encoded length is expected a multiple of 4 bytes but found: " + std::to_string(text.size()),
        path);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool digit = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/';
    if (!digit && c != '=') FailSerialization(quoted + "Invalid Base64 character: '" + std::string(1, c) + "'", path);
    if (c == '=' && i + 1 < text.size() && text[i + 1] != '=')
      FailSerialization(quoted + "Invalid Base64 character: '='", path);
  }
  FailSerialization(quoted + "Invalid last non-pad Base64 character dectected", path);
}

}  // namespace detail
}  // namespace wire
}  // namespace dynafake
