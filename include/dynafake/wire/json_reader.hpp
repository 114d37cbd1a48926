// dynafake — a pull reader for the JSON the wire's hot paths read: typed
// values are read straight from the text, without building an nlohmann tree.
//
// It is a fast path only. It takes the common, plainly written JSON (printable
// ASCII strings with the usual escapes, numbers within 64 bits, no nulls on
// known members) and answers false on anything else — malformed JSON, a wrong
// type, a null, a \u escape, a byte outside ASCII, too deep a nesting. The
// caller then reads the same text with the full parser and the generated
// FromJson (serializers.hpp), which decides, with every error text as before.
// So what this reader accepts it reads exactly as the full path would, and
// what it does not accept it leaves to the full path: the wire's strictness
// is the full path's.
//
// Scalars are handed to the same decoders the full path uses (DecodeInt,
// DecodeTimestamp, ...), as nlohmann values made without a tree, so their
// rules live in one place; values the model cannot describe (AttributeValue)
// are parsed by nlohmann alone, from their own extent of the text.
#pragma once

#include <cmath>        // std::isfinite
#include <cstddef>      // std::size_t
#include <cstdint>      // int64_t, uint64_t
#include <cstdlib>      // std::strtod
#include <cstring>      // std::memcmp, std::memcpy
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/wire/json_codec.hpp"  // Json, kMaxJsonDepth

namespace dynafake {
namespace wire {
namespace detail {

class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  /// The path a decoder reports errors under: the fast path never reports one.
  static const std::string& NoPath() {
    static const std::string empty;
    return empty;
  }

  bool AtEnd() {
    Ws();
    return p_ == end_;
  }
  /// A JSON null, consumed; false (consuming nothing) for anything else.
  bool Null() {
    Ws();
    if (end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
      p_ += 4;
      return true;
    }
    return false;
  }

  /// An object: `member(key)` reads each member's value (keys are viewed in place).
  template <class F>
  bool Object(F&& member) {
    if (!Consume('{') || ++depth_ > kMaxJsonDepth) return false;
    if (!Consume('}')) {
      do {
        std::string_view key;
        if (!Key(key) || !Consume(':') || !member(key)) return false;
      } while (Consume(','));
      if (!Consume('}')) return false;
    }
    --depth_;
    return true;
  }

  /// An array: `element()` reads each element.
  template <class F>
  bool Array(F&& element) {
    if (!Consume('[') || ++depth_ > kMaxJsonDepth) return false;
    if (!Consume(']')) {
      do {
        if (!element()) return false;
      } while (Consume(','));
      if (!Consume(']')) return false;
    }
    --depth_;
    return true;
  }

  bool String(std::string& out) {
    Ws();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    const char* run = p_;
    out.clear();
    while (p_ < end_) {
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out.append(run, static_cast<std::size_t>(p_ - run));
        ++p_;
        return true;
      }
      if (c < 0x20 || c >= 0x80) return false;  // control characters are invalid; UTF-8 is the full path's to check
      if (c == '\\') {
        out.append(run, static_cast<std::size_t>(p_ - run));
        if (++p_ == end_) return false;
        switch (*p_) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
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
          default:
            return false;  // \u (surrogates and all) is the full path's
        }
        run = ++p_;
        continue;
      }
      ++p_;
    }
    return false;
  }

  bool Bool(bool& out) {
    Ws();
    if (end_ - p_ >= 4 && std::memcmp(p_, "true", 4) == 0) {
      p_ += 4;
      out = true;
      return true;
    }
    if (end_ - p_ >= 5 && std::memcmp(p_, "false", 5) == 0) {
      p_ += 5;
      out = false;
      return true;
    }
    return false;
  }

  /// A number, as nlohmann's parser makes it: an unsigned integer, a negative
  /// integer, or a double read by strtod. Integers beyond 64 bits are the full path's.
  bool Number(Json& out) {
    Ws();
    const char* start = p_;
    const char* q = p_;
    const bool negative = q < end_ && *q == '-';
    if (negative) ++q;
    if (q == end_ || *q < '0' || *q > '9') return false;
    if (*q == '0') {
      ++q;
    } else {
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    const char* intEnd = q;
    bool integral = true;
    if (q < end_ && *q == '.') {
      integral = false;
      ++q;
      if (q == end_ || *q < '0' || *q > '9') return false;
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    if (q < end_ && (*q == 'e' || *q == 'E')) {
      integral = false;
      ++q;
      if (q < end_ && (*q == '+' || *q == '-')) ++q;
      if (q == end_ || *q < '0' || *q > '9') return false;
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
    }
    if (integral) {
      const char* d = negative ? start + 1 : start;
      if (intEnd - d > 19) return false;
      uint64_t v = 0;
      for (; d < intEnd; ++d) v = v * 10 + static_cast<uint64_t>(*d - '0');  // at most 19 digits: no overflow
      if (negative) {
        if (v > static_cast<uint64_t>(INT64_MAX)) return false;
        out = Json(-static_cast<int64_t>(v));
      } else {
        out = Json(v);
      }
    } else {
      char buffer[64];
      const std::size_t n = static_cast<std::size_t>(q - start);
      if (n >= sizeof buffer) return false;
      std::memcpy(buffer, start, n);
      buffer[n] = '\0';
      // strtod follows the C locale's decimal point: under a locale whose point is not '.', it stops early, and
      // the full path (nlohmann reads numbers whatever the locale) decides instead.
      char* parsedEnd = nullptr;
      const double d = std::strtod(buffer, &parsedEnd);
      if (parsedEnd != buffer + n) return false;
      if (!std::isfinite(d)) return false;  // nlohmann refuses an overflowing number (1e999)
      out = Json(d);
    }
    p_ = q;
    return true;
  }

  /// Any value, parsed by nlohmann from its own extent of the text.
  bool Value(Json& out) {
    Ws();
    const char* start = p_;
    if (!Skip()) return false;
    out = Json::parse(start, p_, nullptr, false);
    return !out.is_discarded();
  }

  /// Passes over any value, checking it is JSON this reader takes.
  bool Skip() {
    Ws();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        return Object([&](std::string_view) { return Skip(); });
      case '[':
        return Array([&] { return Skip(); });
      case '"':
        return String(scratch_);
      case 't':
      case 'f': {
        bool b;
        return Bool(b);
      }
      case 'n':
        return Null();
      default: {
        Json n;
        return Number(n);
      }
    }
  }

 private:
  void Ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Consume(char c) {
    Ws();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  /// A member name without escapes, viewed in place.
  bool Key(std::string_view& key) {
    Ws();
    if (p_ == end_ || *p_ != '"') return false;
    const char* start = ++p_;
    while (p_ < end_) {
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        key = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;
      ++p_;
    }
    return false;
  }

  const char* p_;
  const char* end_;
  int depth_ = 0;
  std::string scratch_;
};

}  // namespace detail
}  // namespace wire
}  // namespace dynafake
