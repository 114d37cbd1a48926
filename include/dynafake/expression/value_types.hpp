// dynafake — the ten DynamoDB data types as the expression checker sees
// them: sets of types an operator accepts, and the names the service prints
// for a type in its messages ("N" in "operand type: N", "NUMBER" in
// "operand type: NUMBER, typeSet: ALLOWED_FOR_ADD_OPERAND").
#pragma once

#include <cstddef>  // std::size_t
#include <cstdint>  // uint16_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/model/attribute_value.hpp"  // AttributeValue, ValueType

namespace dynafake {
namespace expression {

/// A set of DynamoDB data types, one bit each.
using TypeSet = std::uint16_t;

namespace types {
constexpr TypeSet S = 1u << 0, N = 1u << 1, B = 1u << 2, SS = 1u << 3, NS = 1u << 4, BS = 1u << 5;
constexpr TypeSet M = 1u << 6, L = 1u << 7, BOOL = 1u << 8, NUL = 1u << 9;
constexpr TypeSet All = S | N | B | SS | NS | BS | M | L | BOOL | NUL;
constexpr TypeSet Ordered = S | N | B;  // <, <=, >, >=, BETWEEN
constexpr TypeSet Sets = SS | NS | BS;
constexpr TypeSet Iterable = S | B | SS | NS | BS | L | M;  // size()
constexpr TypeSet AllowedForAdd = N | SS | NS | BS;         // ADD in an update expression
constexpr TypeSet AllowedForDelete = Sets;                  // DELETE in an update expression
}  // namespace types

/// The type bit of a value (0 for a value with nothing set).
inline TypeSet TypeOf(const Model::AttributeValue& v) {
  using Model::ValueType;
  if (!v.HasBeenSet()) return 0;
  switch (v.GetType()) {
    case ValueType::STRING:
      return types::S;
    case ValueType::NUMBER:
      return types::N;
    case ValueType::BYTEBUFFER:
      return types::B;
    case ValueType::STRING_SET:
      return types::SS;
    case ValueType::NUMBER_SET:
      return types::NS;
    case ValueType::BYTEBUFFER_SET:
      return types::BS;
    case ValueType::ATTRIBUTE_MAP:
      return types::M;
    case ValueType::ATTRIBUTE_LIST:
      return types::L;
    case ValueType::BOOL:
      return types::BOOL;
    case ValueType::NULLVALUE:
      return types::NUL;
  }
  return 0;
}

/// The short name of one type bit: "S", "NS", "BOOL", ...
inline const char* TypeSymbol(TypeSet t) {
  switch (t) {
    case types::S:
      return "S";
    case types::N:
      return "N";
    case types::B:
      return "B";
    case types::SS:
      return "SS";
    case types::NS:
      return "NS";
    case types::BS:
      return "BS";
    case types::M:
      return "M";
    case types::L:
      return "L";
    case types::BOOL:
      return "BOOL";
    case types::NUL:
      return "NULL";
    default:
      return "";
  }
}

/// The long name of one type bit, as the service prints an update operand's
/// type: "STRING", "NUMBER_SET", "BOOLEAN", ...
inline const char* TypeLongName(TypeSet t) {
  switch (t) {
    case types::S:
      return "STRING";
    case types::N:
      return "NUMBER";
    case types::B:
      return "BINARY";
    case types::SS:
      return "STRING_SET";
    case types::NS:
      return "NUMBER_SET";
    case types::BS:
      return "BINARY_SET";
    case types::M:
      return "MAP";
    case types::L:
      return "LIST";
    case types::BOOL:
      return "BOOLEAN";
    case types::NUL:
      return "NULL";
    default:
      return "";
  }
}

/// The operand types of an operand in an error message: one symbol, or for
/// an operand that could be of any type (a document path) the brace-list the
/// service prints (as quoted by dynalite, db/conditionParser.pegjs).
inline std::string TypeSymbols(TypeSet t) {
  if (t == types::All) return "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";
  std::string out;
  int count = 0;
  for (TypeSet bit = 1; bit != 0 && bit <= types::NUL; bit = static_cast<TypeSet>(bit << 1)) {
    if (!(t & bit)) continue;
    if (count++) out += ',';
    out += TypeSymbol(bit);
  }
  return count > 1 ? "{" + out + "}" : out;
}

/// Standard base64 of raw bytes (how a binary value is written on the wire).
inline std::string Base64(const std::vector<unsigned char>& bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8) | unsigned{bytes[i + 2]};
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = unsigned{bytes[i]} << 16;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (unsigned{bytes[i]} << 16) | (unsigned{bytes[i + 1]} << 8);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

/// A scalar value as the service prints it inside a message:
/// "AttributeValue: {N:5}" (BETWEEN's bounds; dynalite, db/conditionParser.pegjs).
inline std::string DescribeValue(const Model::AttributeValue& v) {
  const TypeSet t = TypeOf(v);
  std::string text;
  if (t == types::S)
    text = v.GetS();
  else if (t == types::N)
    text = v.GetN();
  else if (t == types::B)
    text = Base64(v.GetB().Bytes());
  return std::string("AttributeValue: {") + TypeSymbol(t) + ":" + text + "}";
}

}  // namespace expression
}  // namespace dynafake
