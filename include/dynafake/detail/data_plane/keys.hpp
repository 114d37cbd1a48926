// dynafake — item keys and values as DynamoDB counts them: key extraction and
// encoding, the canonical form of numbers, item and value sizes.
#pragma once

#include <cstdint>   // int64_t
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "dynafake/detail/messages.hpp"         // msg::
#include "dynafake/detail/storage/history.hpp"  // Item
#include "dynafake/generated/types.hpp"         // KeySchemaElement, AttributeDefinition
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace detail {

/// The canonical text of a DynamoDB number ("1.50" and "1.5" are one key), or
/// nullopt when `text` is not a number DynamoDB accepts (at most 38 significant digits).
inline std::optional<std::string> CanonicalNumber(const std::string& text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string intPart, fracPart;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') intPart += text[i++];
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') fracPart += text[i++];
  }
  if (intPart.empty() && fracPart.empty()) return std::nullopt;
  long long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negExp = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negExp = text[i++] == '-';
    std::string digits;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') digits += text[i++];
    if (digits.empty() || digits.size() > 4) return std::nullopt;
    exponent = std::stoll(digits) * (negExp ? -1 : 1);
  }
  if (i != text.size()) return std::nullopt;
  std::string digits = intPart + fracPart;
  long long point = static_cast<long long>(intPart.size()) + exponent;  // position of the decimal point
  std::size_t lead = 0;
  while (lead < digits.size() && digits[lead] == '0') ++lead;
  if (lead == digits.size()) return std::string("0");
  digits = digits.substr(lead);
  point -= static_cast<long long>(lead);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (digits.size() > 38) return std::nullopt;
  if (point > 126 || point < -129) return std::nullopt;
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out += digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  }
  return out;
}

inline int64_t NumberSize(const std::string& n) {
  int64_t significant = 0;
  for (char c : n)
    if (c >= '0' && c <= '9') ++significant;
  return (significant + 1) / 2 + 1;
}

/// Size in bytes as DynamoDB counts it: attribute names plus values.
inline int64_t ValueSize(const Model::AttributeValue& v) {
  using Model::ValueType;
  if (!v.HasBeenSet()) return 0;
  switch (v.GetType()) {
    case ValueType::STRING:
      return static_cast<int64_t>(v.GetS().size());
    case ValueType::NUMBER:
      return NumberSize(v.GetN());
    case ValueType::BYTEBUFFER:
      return static_cast<int64_t>(v.GetB().GetLength());
    case ValueType::STRING_SET: {
      int64_t n = 0;
      for (const auto& s : v.GetSS()) n += static_cast<int64_t>(s.size());
      return n;
    }
    case ValueType::NUMBER_SET: {
      int64_t n = 0;
      for (const auto& s : v.GetNS()) n += NumberSize(s);
      return n;
    }
    case ValueType::BYTEBUFFER_SET: {
      int64_t n = 0;
      for (const auto& b : v.GetBS()) n += static_cast<int64_t>(b.GetLength());
      return n;
    }
    case ValueType::ATTRIBUTE_MAP: {
      int64_t n = 3;
      for (const auto& kv : v.GetM())
        n += 1 + static_cast<int64_t>(kv.first.size()) + (kv.second ? ValueSize(*kv.second) : 0);
      return n;
    }
    case ValueType::ATTRIBUTE_LIST: {
      int64_t n = 3;
      for (const auto& e : v.GetL()) n += 1 + (e ? ValueSize(*e) : 0);
      return n;
    }
    case ValueType::BOOL:
    case ValueType::NULLVALUE:
      return 1;
  }
  return 0;
}

inline int64_t ItemSize(const Item& item) {
  int64_t n = 0;
  for (const auto& kv : item) n += static_cast<int64_t>(kv.first.size()) + ValueSize(kv.second);
  return n;
}

inline const char* TypeLetter(const Model::AttributeValue& v) {
  using Model::ValueType;
  if (!v.HasBeenSet()) return "(none)";
  switch (v.GetType()) {
    case ValueType::STRING:
      return "S";
    case ValueType::NUMBER:
      return "N";
    case ValueType::BYTEBUFFER:
      return "B";
    case ValueType::STRING_SET:
      return "SS";
    case ValueType::NUMBER_SET:
      return "NS";
    case ValueType::BYTEBUFFER_SET:
      return "BS";
    case ValueType::ATTRIBUTE_MAP:
      return "M";
    case ValueType::ATTRIBUTE_LIST:
      return "L";
    case ValueType::BOOL:
      return "BOOL";
    case ValueType::NULLVALUE:
      return "NULL";
  }
  return "?";
}

inline const char* ScalarLetter(Model::ScalarAttributeType t) {
  switch (t) {
    case Model::ScalarAttributeType::S:
      return "S";
    case Model::ScalarAttributeType::N:
      return "N";
    case Model::ScalarAttributeType::B:
      return "B";
    default:
      return "?";
  }
}

/// A table's primary key: attribute names and types.
struct KeyDef {
  std::string hash, range;
  Model::ScalarAttributeType hashType = Model::ScalarAttributeType::NOT_SET;
  Model::ScalarAttributeType rangeType = Model::ScalarAttributeType::NOT_SET;
};

inline KeyDef MakeKeyDef(const std::vector<Model::KeySchemaElement>& schema,
                         const std::vector<Model::AttributeDefinition>& defs) {
  KeyDef k;
  auto typeOf = [&](const std::string& name) {
    for (const auto& d : defs)
      if (d.GetAttributeName() == name) return d.GetAttributeType();
    return Model::ScalarAttributeType::NOT_SET;
  };
  for (const auto& e : schema) {
    if (e.GetKeyType() == Model::KeyType::HASH) {
      k.hash = e.GetAttributeName();
      k.hashType = typeOf(k.hash);
    } else if (e.GetKeyType() == Model::KeyType::RANGE) {
      k.range = e.GetAttributeName();
      k.rangeType = typeOf(k.range);
    }
  }
  return k;
}

inline std::string EncodePart(const Model::AttributeValue& v) {
  using Model::ValueType;
  if (v.GetType() == ValueType::NUMBER) {
    auto c = CanonicalNumber(v.GetN());
    return "N:" + (c ? *c : v.GetN());
  }
  if (v.GetType() == ValueType::BYTEBUFFER) {
    static const char* hex = "0123456789abcdef";
    std::string out = "B:";
    for (unsigned char c : v.GetB().Bytes()) {
      out += hex[c >> 4];
      out += hex[c & 15];
    }
    return out;
  }
  return "S:" + v.GetS();
}

/// Checks that `attrs` holds exactly a valid key (when `exact`) or at least
/// one (for items); returns a service-style message, or "" when it does.
inline std::string CheckKey(const KeyDef& k, const Item& attrs, bool exact) {
  auto check = [&](const std::string& name, Model::ScalarAttributeType type) -> std::string {
    auto it = attrs.find(name);
    if (it == attrs.end()) {
      return exact ? msg::KeyDoesNotMatchSchema() : msg::MissingKey(name);
    }
    const std::string want = ScalarLetter(type);
    const std::string got = TypeLetter(it->second);
    if (want != got) {
      return exact ? msg::KeyDoesNotMatchSchema() : msg::KeyTypeMismatch(name, want, got);
    }
    if ((got == "S" && it->second.GetS().empty()) || (got == "B" && it->second.GetB().GetLength() == 0)) {
      return msg::EmptyKeyValue(got == "S" ? "string" : "binary", name);
    }
    if (got == "N" && !CanonicalNumber(it->second.GetN())) {
      return msg::NotANumber(it->second.GetN());
    }
    return {};
  };
  std::string err = check(k.hash, k.hashType);
  if (err.empty() && !k.range.empty()) err = check(k.range, k.rangeType);
  if (err.empty() && exact && attrs.size() != (k.range.empty() ? 1u : 2u)) err = msg::KeyDoesNotMatchSchema();
  return err;
}

/// The history key of an item: hash and range parts, typed and canonical.
inline std::string EncodeKey(const KeyDef& k, const Item& attrs) {
  std::string out = EncodePart(attrs.at(k.hash));
  if (!k.range.empty()) {
    out += '\x1f';
    out += EncodePart(attrs.at(k.range));
  }
  return out;
}

inline Item KeyOf(const KeyDef& k, const Item& item) {
  Item key;
  key.emplace(k.hash, item.at(k.hash));
  if (!k.range.empty()) key.emplace(k.range, item.at(k.range));
  return key;
}

}  // namespace detail
}  // namespace dynafake
