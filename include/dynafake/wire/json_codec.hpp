// dynafake — the hand-written half of the JSON codec: scalar
// readers in the service's strictness, base64, and AttributeValue (whose
// wire form — an object with exactly one type key — the model cannot describe).
// The generated half, dynafake/wire/generated/serializers.hpp, builds on these.
#pragma once

#include <cmath>        // std::isfinite, std::floor
#include <cstddef>      // std::size_t
#include <cstdint>      // int64_t, uint64_t
#include <limits>       // std::numeric_limits
#include <memory>       // std::make_shared
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/date_time.hpp"              // DateTime
#include "dynafake/model/attribute_value.hpp"  // AttributeValue, ByteBuffer
#include "dynafake/model/errors.hpp"           // DynamoDBError, DynamoDBErrors
#include "dynafake/wire/decode_error.hpp"      // DecodeError, WrongType, Expect*, FailBlob, FailValidation

namespace dynafake {
namespace wire {

using Json = nlohmann::json;

/// Deepest JSON nesting a request may have. DynamoDB allows attribute values
/// nested 32 levels deep (two JSON levels each), so real requests stay far
/// below this; anything deeper is refused before it is parsed.
inline constexpr int kMaxJsonDepth = 128;

namespace detail {

inline std::string Child(const std::string& path, const char* member) {
  return path.empty() ? std::string(member) : path + "." + member;
}
inline std::string Child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}
inline std::string Index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

inline void DecodeString(const Json& j, std::string& out, const std::string& path) {
  if (!j.is_string()) WrongType(j, Scalar::kString, path);
  out = j.get_ref<const std::string&>();
}

inline void DecodeBool(const Json& j, bool& out, const std::string& path) {
  if (!j.is_boolean()) WrongType(j, Scalar::kBoolean, path);
  out = j.get<bool>();
}

/// An integral JSON number within [lo, hi]; fractions and out-of-range values are refused.
inline long long DecodeIntegral(const Json& j, long long lo, long long hi, Scalar expected, const std::string& path) {
  if (j.is_number_integer() && !j.is_number_unsigned()) {
    const auto v = j.get<int64_t>();
    if (v >= lo && v <= hi) return v;
  } else if (j.is_number_unsigned()) {
    const auto v = j.get<uint64_t>();
    if (v <= static_cast<uint64_t>(hi)) return static_cast<long long>(v);
  } else if (j.is_number_float()) {
    const double v = j.get<double>();
    // 2^63 as a double is exact; the comparison keeps the cast defined.
    if (std::isfinite(v) && v == std::floor(v) && v >= static_cast<double>(lo) && v < 9223372036854775808.0) {
      const auto i = static_cast<long long>(v);
      if (i >= lo && i <= hi) return i;
    }
  }
  WrongType(j, expected, path);
}

inline void DecodeInt(const Json& j, int& out, const std::string& path) {
  out = static_cast<int>(
      DecodeIntegral(j, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), Scalar::kInteger, path));
}
inline void DecodeLong(const Json& j, long long& out, const std::string& path) {
  out = DecodeIntegral(j, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max(), Scalar::kLong,
                       path);
}
inline void DecodeDouble(const Json& j, double& out, const std::string& path) {
  if (!j.is_number()) WrongType(j, Scalar::kDouble, path);
  out = j.get<double>();
}

/// Epoch seconds with a millisecond fraction: the only form SDKs send in the
/// JSON protocol. Strings (ISO-8601 or not) are refused as the service does,
/// so a test cannot pass here with a request real DynamoDB would reject.
inline void DecodeTimestamp(const Json& j, DateTime& out, const std::string& path) {
  if (!j.is_number()) WrongType(j, Scalar::kTimestamp, path);
  const double seconds = j.get<double>();
  // Keep seconds * 1000 inside int64 (and exact in a double): about +/- 285,000 years.
  if (!std::isfinite(seconds) || seconds > 9.0e12 || seconds < -9.0e12) FailNumberRange(j, Scalar::kTimestamp, path);
  out = DateTime(seconds);
}

inline Json EncodeTimestamp(const DateTime& t) { return Json(static_cast<double>(t.Millis()) / 1000.0); }

// ---------------------------------------------------------------- base64
inline std::string Base64Encode(const ByteBuffer& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto& in = bytes.Bytes();
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned>(in[i]) << 16) | (static_cast<unsigned>(in[i + 1]) << 8) | in[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned>(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned>(in[i]) << 16) | (static_cast<unsigned>(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

inline int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/// Standard base64 with or without '=' padding; anything else is refused.
inline bool Base64Decode(std::string_view text, std::vector<unsigned char>& out) {
  std::size_t n = text.size();
  std::size_t pad = 0;
  while (n > 0 && text[n - 1] == '=' && pad < 2) {
    --n;
    ++pad;
  }
  if (pad > 0 && text.size() % 4 != 0) return false;
  if (n % 4 == 1) return false;
  out.clear();
  out.reserve(n / 4 * 3 + 2);
  unsigned acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int d = Base64Digit(text[i]);
    if (d < 0) return false;
    acc = (acc << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((acc >> bits) & 0xFF));
    }
  }
  // Leftover bits must be zero, as in canonical encodings.
  return (acc & ((1u << bits) - 1)) == 0;
}

inline void DecodeBlob(const Json& j, ByteBuffer& out, const std::string& path) {
  if (!j.is_string()) WrongType(j, Scalar::kBlob, path);
  std::vector<unsigned char> bytes;
  const std::string& text = j.get_ref<const std::string&>();
  if (!Base64Decode(text, bytes)) FailBlob(text, path);
  out = ByteBuffer(std::move(bytes));
}

inline Json EncodeBlob(const ByteBuffer& b) { return Json(Base64Encode(b)); }

// ---------------------------------------------------------------- AttributeValue
inline Json EncodeAttributeValue(const Model::AttributeValue& v);

inline Json EncodeAttributeValuePtr(const std::shared_ptr<Model::AttributeValue>& p) {
  return p ? EncodeAttributeValue(*p) : Json::object();
}

inline Json EncodeAttributeValue(const Model::AttributeValue& v) {
  Json out = Json::object();
  if (!v.HasBeenSet()) return out;
  using Model::ValueType;
  switch (v.GetType()) {
    case ValueType::STRING:
      out["S"] = v.GetS();
      break;
    case ValueType::NUMBER:
      out["N"] = v.GetN();
      break;
    case ValueType::BYTEBUFFER:
      out["B"] = EncodeBlob(v.GetB());
      break;
    case ValueType::STRING_SET:
      out["SS"] = v.GetSS();
      break;
    case ValueType::NUMBER_SET:
      out["NS"] = v.GetNS();
      break;
    case ValueType::BYTEBUFFER_SET: {
      Json a = Json::array();
      for (const auto& b : v.GetBS()) a.push_back(EncodeBlob(b));
      out["BS"] = std::move(a);
      break;
    }
    case ValueType::ATTRIBUTE_MAP: {
      Json m = Json::object();
      for (const auto& e : v.GetM()) m[e.first] = EncodeAttributeValuePtr(e.second);
      out["M"] = std::move(m);
      break;
    }
    case ValueType::ATTRIBUTE_LIST: {
      Json a = Json::array();
      for (const auto& e : v.GetL()) a.push_back(EncodeAttributeValuePtr(e));
      out["L"] = std::move(a);
      break;
    }
    case ValueType::BOOL:
      out["BOOL"] = v.GetBool();
      break;
    case ValueType::NULLVALUE:
      out["NULL"] = v.GetNull();
      break;
  }
  return out;
}

/// SS and NS: members of an AttributeValue.
inline void DecodeStringList(const Json& j, std::vector<std::string>& out, const std::string& path) {
  ExpectList(j, Slot::kField, path);
  out.clear();
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    std::string s;
    DecodeString(j[i], s, Index(path, i));
    out.push_back(std::move(s));
  }
}

inline void DecodeAttributeValueAt(const Json& j, Model::AttributeValue& out, const std::string& path, int depth) {
  if (depth > kMaxJsonDepth) FailSerialization(msg::kTooDeep, path);
  ExpectObject(j, "an AttributeValue", path);  // not a message: the shape expected
  out = Model::AttributeValue();
  int types = 0;
  // Members the service does not know are ignored, like unknown members anywhere;
  // null stands for an absent member.
  const auto member = [&](const char* key) -> const Json* {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    ++types;
    return &*it;
  };
  if (const Json* s = member("S")) {
    std::string v;
    DecodeString(*s, v, Child(path, "S"));
    out.SetS(v);
  }
  if (const Json* n = member("N")) {
    std::string v;
    DecodeString(*n, v, Child(path, "N"));
    out.SetN(v);
  }
  if (const Json* b = member("B")) {
    ByteBuffer v;
    DecodeBlob(*b, v, Child(path, "B"));
    out.SetB(v);
  }
  if (const Json* ss = member("SS")) {
    std::vector<std::string> v;
    DecodeStringList(*ss, v, Child(path, "SS"));
    out.SetSS(v);
  }
  if (const Json* ns = member("NS")) {
    std::vector<std::string> v;
    DecodeStringList(*ns, v, Child(path, "NS"));
    out.SetNS(v);
  }
  if (const Json* bs = member("BS")) {
    const std::string p = Child(path, "BS");
    ExpectList(*bs, Slot::kField, p);
    std::vector<ByteBuffer> v;
    v.reserve(bs->size());
    for (std::size_t i = 0; i < bs->size(); ++i) {
      ByteBuffer b;
      DecodeBlob((*bs)[i], b, Index(p, i));
      v.push_back(std::move(b));
    }
    out.SetBS(v);
  }
  if (const Json* m = member("M")) {
    const std::string p = Child(path, "M");
    ExpectMap(*m, "com.amazonaws.dynamodb.v20120810.AttributeValue", Slot::kField, p);
    Model::AttributeValue::Map v;
    for (auto it = m->begin(); it != m->end(); ++it) {
      auto child = std::make_shared<Model::AttributeValue>();
      if (!it.value().is_object()) NotAStructure(it.value(), "AttributeValue", Slot::kValue, Child(p, it.key()));
      DecodeAttributeValueAt(it.value(), *child, Child(p, it.key()), depth + 1);
      v.emplace(it.key(), std::move(child));
    }
    out.SetM(v);
  }
  if (const Json* l = member("L")) {
    const std::string p = Child(path, "L");
    ExpectList(*l, Slot::kField, p);
    Model::AttributeValue::List v;
    v.reserve(l->size());
    for (std::size_t i = 0; i < l->size(); ++i) {
      auto child = std::make_shared<Model::AttributeValue>();
      if (!(*l)[i].is_object()) NotAStructure((*l)[i], "AttributeValue", Slot::kValue, Index(p, i));
      DecodeAttributeValueAt((*l)[i], *child, Index(p, i), depth + 1);
      v.push_back(std::move(child));
    }
    out.SetL(v);
  }
  if (const Json* n = member("NULL")) {
    bool v = false;
    DecodeBool(*n, v, Child(path, "NULL"));
    out.SetNull(v);
  }
  if (const Json* b = member("BOOL")) {
    bool v = false;
    DecodeBool(*b, v, Child(path, "BOOL"));
    out.SetBool(v);
  }
  // A ValidationException, found once the whole request has decoded (FailValidation).
  if (types > 1) FailValidation(msg::kMoreThanOneDatatype, path);
  // No type at all leaves `out` unset: the Service refuses it as an empty AttributeValue.
}

}  // namespace detail

/// An AttributeValue as the wire carries it: `{"S": "text"}`, `{"N": "42"}`,
/// `{"B": "<base64>"}`, `{"M": {...}}`, `{"NULL": true}`, ... An unset value is `{}`.
inline Json ToJson(const Model::AttributeValue& value) { return detail::EncodeAttributeValue(value); }

/// Reads one AttributeValue; throws DecodeError on a member of the wrong JSON
/// type or on more than one type key.
inline void FromJson(const Json& json, Model::AttributeValue& out, const std::string& path) {
  detail::DecodeAttributeValueAt(json, out, path, 0);
}

}  // namespace wire
}  // namespace dynafake
