// dynafake — items as DynamoDB JSON text, standard library only: the lines an
// export writes ({"Item":{"Id":{"N":"101"}}}) and the reader an import parses
// them with. The reader is strict and bounded (depth, size): anything that is
// not one JSON object of well-formed attribute values is an error with a
// reason, never a crash.
#pragma once

#include <cstddef>  // std::size_t
#include <memory>   // std::make_shared
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/detail/storage/history.hpp"  // Item
#include "dynafake/expression/value_types.hpp"  // Base64
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace detail {
namespace ddbjson {

inline void Quote(std::string& out, const std::string& s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

inline void WriteValue(std::string& out, const Model::AttributeValue& v);

inline void WriteStrings(std::string& out, const std::vector<std::string>& list) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    Quote(out, list[i]);
  }
  out += ']';
}

inline void WriteValue(std::string& out, const Model::AttributeValue& v) {
  using Model::ValueType;
  switch (v.GetType()) {
    case ValueType::STRING:
      out += "{\"S\":";
      Quote(out, v.GetS());
      break;
    case ValueType::NUMBER:
      out += "{\"N\":";
      Quote(out, v.GetN());
      break;
    case ValueType::BYTEBUFFER:
      out += "{\"B\":";
      Quote(out, expression::Base64(v.GetB().Bytes()));
      break;
    case ValueType::STRING_SET:
      out += "{\"SS\":";
      WriteStrings(out, v.GetSS());
      break;
    case ValueType::NUMBER_SET:
      out += "{\"NS\":";
      WriteStrings(out, v.GetNS());
      break;
    case ValueType::BYTEBUFFER_SET: {
      std::vector<std::string> shown;
      for (const auto& b : v.GetBS()) shown.push_back(expression::Base64(b.Bytes()));
      out += "{\"BS\":";
      WriteStrings(out, shown);
      break;
    }
    case ValueType::ATTRIBUTE_MAP: {
      out += "{\"M\":{";
      bool first = true;
      for (const auto& kv : v.GetM()) {
        if (!first) out += ',';
        first = false;
        Quote(out, kv.first);
        out += ':';
        WriteValue(out, kv.second ? *kv.second : Model::AttributeValue());
      }
      out += '}';
      break;
    }
    case ValueType::ATTRIBUTE_LIST: {
      out += "{\"L\":[";
      bool first = true;
      for (const auto& e : v.GetL()) {
        if (!first) out += ',';
        first = false;
        WriteValue(out, e ? *e : Model::AttributeValue());
      }
      out += ']';
      break;
    }
    case ValueType::BOOL:
      out += v.GetBool() ? "{\"BOOL\":true" : "{\"BOOL\":false";
      break;
    case ValueType::NULLVALUE:
      out += "{\"NULL\":true";
      break;
  }
  out += '}';
}

/// An item as a JSON object of attribute values: {"Id":{"N":"101"},...}.
inline void WriteItem(std::string& out, const Item& item) {
  out += '{';
  bool first = true;
  for (const auto& kv : item) {
    if (!first) out += ',';
    first = false;
    Quote(out, kv.first);
    out += ':';
    WriteValue(out, kv.second);
  }
  out += '}';
}

// ---- reading

/// A parsed JSON value (only what DynamoDB JSON needs).
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  bool b = false;
  std::string text;  ///< a string's value or a number's digits
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;
  const Json* Find(const std::string& name) const {
    for (const auto& m : members)
      if (m.first == name) return &m.second;
    return nullptr;
  }
};

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}
  /// One JSON value filling the whole text (whitespace aside), or false with Error().
  bool ParseDocument(Json& out) {
    if (!Value(out, 0)) return false;
    Skip();
    if (i_ != s_.size()) return Fail("unexpected text after the JSON value");
    return true;
  }
  const std::string& Error() const { return error_; }

 private:
  static constexpr int kMaxDepth = 64;
  bool Fail(const char* why) {
    if (error_.empty()) error_ = std::string(why) + " at offset " + std::to_string(i_);
    return false;
  }
  void Skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Literal(const char* word) {
    std::size_t n = 0;
    while (word[n]) ++n;
    if (s_.compare(i_, n, word) != 0) return Fail("invalid literal");
    i_ += n;
    return true;
  }
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool Hex4(unsigned& v) {
    if (s_.size() - i_ < 4) return Fail("truncated \\u escape");
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = Hex(s_[i_++]);
      if (h < 0) return Fail("invalid \\u escape");
      v = v * 16 + static_cast<unsigned>(h);
    }
    return true;
  }
  static void Utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool String(std::string& out) {
    ++i_;  // the opening quote
    for (;;) {
      if (i_ >= s_.size()) return Fail("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return Fail("control character in string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return Fail("unterminated string");
      const char e = s_[i_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          unsigned cp = 0;
          if (!Hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00) {
            unsigned lo = 0;
            if (s_.compare(i_, 2, "\\u") != 0) return Fail("unpaired surrogate");
            i_ += 2;
            if (!Hex4(lo)) return false;
            if (lo < 0xDC00 || lo >= 0xE000) return Fail("unpaired surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp < 0xE000) {
            return Fail("unpaired surrogate");
          }
          Utf8(out, cp);
          break;
        }
        default:
          return Fail("invalid escape");
      }
    }
  }
  bool Number(Json& out) {
    const std::size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    std::size_t digits = 0;
    while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E' ||
                              s_[i_] == '+' || s_[i_] == '-')) {
      ++i_;
      ++digits;
    }
    if (digits == 0) return Fail("invalid number");
    out.kind = Json::Number;
    out.text = s_.substr(start, i_ - start);
    return true;
  }
  bool Value(Json& out, int depth) {
    if (depth > kMaxDepth) return Fail("nesting too deep");
    Skip();
    if (i_ >= s_.size()) return Fail("unexpected end of input");
    const char c = s_[i_];
    if (c == '{') {
      out.kind = Json::Object;
      ++i_;
      Skip();
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return true;
      }
      for (;;) {
        Skip();
        if (i_ >= s_.size() || s_[i_] != '"') return Fail("expected a member name");
        std::string name;
        if (!String(name)) return false;
        Skip();
        if (i_ >= s_.size() || s_[i_] != ':') return Fail("expected ':'");
        ++i_;
        out.members.emplace_back(std::move(name), Json());
        if (!Value(out.members.back().second, depth + 1)) return false;
        Skip();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == '}') {
          ++i_;
          return true;
        }
        return Fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      out.kind = Json::Array;
      ++i_;
      Skip();
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return true;
      }
      for (;;) {
        out.items.emplace_back();
        if (!Value(out.items.back(), depth + 1)) return false;
        Skip();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ']') {
          ++i_;
          return true;
        }
        return Fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      out.kind = Json::String;
      return String(out.text);
    }
    if (c == 't' || c == 'f') {
      out.kind = Json::Bool;
      out.b = c == 't';
      return Literal(out.b ? "true" : "false");
    }
    if (c == 'n') {
      out.kind = Json::Null;
      return Literal("null");
    }
    return Number(out);
  }

  const std::string& s_;
  std::size_t i_ = 0;
  std::string error_;
};

inline bool Base64Decode(const std::string& in, std::vector<unsigned char>& out) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  if (in.size() % 4 != 0) return false;
  for (std::size_t i = 0; i < in.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = in[i + k];
      if (c == '=' && i + 4 == in.size() && k >= 2) {
        v[k] = 0;
        ++pad;
      } else {
        if (pad) return false;
        v[k] = val(c);
        if (v[k] < 0) return false;
      }
    }
    const unsigned n = (unsigned(v[0]) << 18) | (unsigned(v[1]) << 12) | (unsigned(v[2]) << 6) | unsigned(v[3]);
    out.push_back(static_cast<unsigned char>(n >> 16));
    if (pad < 2) out.push_back(static_cast<unsigned char>((n >> 8) & 0xFF));
    if (pad < 1) out.push_back(static_cast<unsigned char>(n & 0xFF));
  }
  return true;
}

/// `j` as an attribute value ({"S":"x"}, {"M":{...}}, ...); "" or the reason it is not one.
inline std::string ToValue(const Json& j, Model::AttributeValue& out) {
  if (j.kind != Json::Object || j.members.size() != 1) return "an attribute value must be an object of one type";
  const std::string& type = j.members[0].first;
  const Json& v = j.members[0].second;
  auto strings = [&](std::vector<std::string>& list) -> std::string {
    if (v.kind != Json::Array || v.items.empty()) return type + " must be a non-empty array";
    for (const auto& e : v.items) {
      if (e.kind != Json::String) return type + " members must be strings";
      list.push_back(e.text);
    }
    return {};
  };
  if (type == "S" || type == "N") {
    if (v.kind != Json::String) return type + " must be a string";
    if (type == "S")
      out.SetS(v.text);
    else
      out.SetN(v.text);
    return {};
  }
  if (type == "B") {
    std::vector<unsigned char> bytes;
    if (v.kind != Json::String || !Base64Decode(v.text, bytes)) return "B must be a base64 string";
    out.SetB(ByteBuffer(std::move(bytes)));
    return {};
  }
  if (type == "SS" || type == "NS" || type == "BS") {
    std::vector<std::string> list;
    std::string e = strings(list);
    if (!e.empty()) return e;
    if (type == "SS") {
      out.SetSS(list);
    } else if (type == "NS") {
      out.SetNS(list);
    } else {
      std::vector<ByteBuffer> bs;
      for (const auto& s : list) {
        std::vector<unsigned char> bytes;
        if (!Base64Decode(s, bytes)) return "BS members must be base64 strings";
        bs.emplace_back(std::move(bytes));
      }
      out.SetBS(bs);
    }
    return {};
  }
  if (type == "M") {
    if (v.kind != Json::Object) return "M must be an object";
    Model::AttributeValue::Map m;
    for (const auto& kv : v.members) {
      auto inner = std::make_shared<Model::AttributeValue>();
      std::string e = ToValue(kv.second, *inner);
      if (!e.empty()) return e;
      m.emplace(kv.first, inner);
    }
    out.SetM(m);
    return {};
  }
  if (type == "L") {
    if (v.kind != Json::Array) return "L must be an array";
    Model::AttributeValue::List l;
    for (const auto& e : v.items) {
      auto inner = std::make_shared<Model::AttributeValue>();
      std::string err = ToValue(e, *inner);
      if (!err.empty()) return err;
      l.push_back(inner);
    }
    out.SetL(l);
    return {};
  }
  if (type == "BOOL") {
    if (v.kind != Json::Bool) return "BOOL must be true or false";
    out.SetBool(v.b);
    return {};
  }
  if (type == "NULL") {
    if (v.kind != Json::Bool || !v.b) return "NULL must be true";
    out.SetNull(true);
    return {};
  }
  return "unknown attribute type " + type;
}

/// A JSON object of attribute values as an item; "" or the reason it is not one.
inline std::string ToItem(const Json& j, Item& out) {
  if (j.kind != Json::Object) return "an item must be an object";
  for (const auto& kv : j.members) {
    Model::AttributeValue v;
    std::string e = ToValue(kv.second, v);
    if (!e.empty()) return e;
    out[kv.first] = std::move(v);
  }
  return {};
}

}  // namespace ddbjson
}  // namespace detail
}  // namespace dynafake
