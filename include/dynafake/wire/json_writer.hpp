// dynafake — the hand-written half of the direct JSON writer: scalars,
// strings, timestamps, blobs and AttributeValue appended straight to a
// std::string. The generated half, dynafake/wire/generated/writers.hpp,
// writes every structure with these.
//
// The text is byte for byte what ToJson(value) followed by a compact
// nlohmann dump (invalid UTF-8 replaced) gives: members in nlohmann's order
// (sorted by name), numbers formatted by nlohmann's own routines, strings
// escaped by nlohmann whenever they hold anything to escape. It only skips
// building the intermediate tree, which dominated the wire's cost (one heap
// node per member and per string).
#pragma once

#include <charconv>     // std::to_chars
#include <cmath>        // std::isfinite
#include <cstddef>      // std::size_t
#include <memory>       // std::shared_ptr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <nlohmann/json.hpp>  // nlohmann::detail::to_chars, the escaping fallback

#include "dynafake/date_time.hpp"              // DateTime
#include "dynafake/model/attribute_value.hpp"  // AttributeValue, ByteBuffer
#include "dynafake/wire/json_codec.hpp"        // Json, Base64Encode

namespace dynafake {
namespace wire {
namespace detail {

/// A JSON string. Text with nothing to escape (printable ASCII without '"'
/// or '\\') is copied as is; anything else goes through nlohmann's escaper,
/// so control characters, non-ASCII and invalid UTF-8 (replaced by U+FFFD)
/// come out exactly as a dump of the tree would write them.
inline void WriteString(std::string& out, std::string_view s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
      out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
  }
  out += '"';
  out.append(s.data(), s.size());
  out += '"';
}

inline void WriteBool(std::string& out, bool v) { out.append(v ? "true" : "false"); }

inline void WriteInteger(std::string& out, long long v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// nlohmann's float format: null for NaN and infinities, else its shortest
/// round-trip form (Grisu2, with ".0" on whole numbers).
inline void WriteDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(end - buf));
}

inline void WriteTimestamp(std::string& out, const DateTime& t) {
  WriteDouble(out, static_cast<double>(t.Millis()) / 1000.0);
}

inline void WriteBlob(std::string& out, const ByteBuffer& b) {
  out += '"';
  out += Base64Encode(b);  // the base64 alphabet needs no escaping
  out += '"';
}

/// Opens an object on construction; Key() writes the separator and the
/// member's name (given as the literal `"Name":`); Close() ends it.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  template <std::size_t N>
  void Key(const char (&quotedNameColon)[N]) {
    if (!first_) out_ += ',';
    first_ = false;
    out_.append(quotedNameColon, N - 1);
  }
  /// A key that is data (a map's key), escaped as any string.
  void DataKey(const std::string& key) {
    if (!first_) out_ += ',';
    first_ = false;
    WriteString(out_, key);
    out_ += ':';
  }
  void Close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

inline void WriteStringList(std::string& out, const std::vector<std::string>& list) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ',';
    WriteString(out, list[i]);
  }
  out += ']';
}

inline void WriteAttributeValue(std::string& out, const Model::AttributeValue& v);

inline void WriteAttributeValuePtr(std::string& out, const std::shared_ptr<Model::AttributeValue>& p) {
  if (p)
    WriteAttributeValue(out, *p);
  else
    out.append("{}");
}

/// The same text as EncodeAttributeValue: `{}` when unset, else one type key.
inline void WriteAttributeValue(std::string& out, const Model::AttributeValue& v) {
  if (!v.HasBeenSet()) {
    out.append("{}");
    return;
  }
  using Model::ValueType;
  switch (v.GetType()) {
    case ValueType::STRING:
      out.append("{\"S\":");
      WriteString(out, v.GetS());
      break;
    case ValueType::NUMBER:
      out.append("{\"N\":");
      WriteString(out, v.GetN());
      break;
    case ValueType::BYTEBUFFER:
      out.append("{\"B\":");
      WriteBlob(out, v.GetB());
      break;
    case ValueType::STRING_SET:
      out.append("{\"SS\":");
      WriteStringList(out, v.GetSS());
      break;
    case ValueType::NUMBER_SET:
      out.append("{\"NS\":");
      WriteStringList(out, v.GetNS());
      break;
    case ValueType::BYTEBUFFER_SET: {
      out.append("{\"BS\":[");
      const auto& bs = v.GetBS();
      for (std::size_t i = 0; i < bs.size(); ++i) {
        if (i > 0) out += ',';
        WriteBlob(out, bs[i]);
      }
      out += ']';
      break;
    }
    case ValueType::ATTRIBUTE_MAP: {
      out.append("{\"M\":");
      ObjectWriter m(out);
      for (const auto& e : v.GetM()) {
        m.DataKey(e.first);
        WriteAttributeValuePtr(out, e.second);
      }
      m.Close();
      break;
    }
    case ValueType::ATTRIBUTE_LIST: {
      out.append("{\"L\":[");
      const auto& l = v.GetL();
      for (std::size_t i = 0; i < l.size(); ++i) {
        if (i > 0) out += ',';
        WriteAttributeValuePtr(out, l[i]);
      }
      out += ']';
      break;
    }
    case ValueType::BOOL:
      out.append("{\"BOOL\":");
      WriteBool(out, v.GetBool());
      break;
    case ValueType::NULLVALUE:
      out.append("{\"NULL\":");
      WriteBool(out, v.GetNull());
      break;
  }
  out += '}';
}

}  // namespace detail

/// An AttributeValue as JSON text, appended to `out`.
inline void WriteJson(std::string& out, const Model::AttributeValue& value) { detail::WriteAttributeValue(out, value); }

}  // namespace wire
}  // namespace dynafake
