// dynafake — what the service checks in the items and keys a request sends,
// and how it measures them: every value well-formed (numbers in range and
// precision, sets non-empty and without duplicates, nesting at most 32 deep),
// numbers stored in canonical form, item size against the 400 KB limit, key
// attributes of the schema's types, not empty, within 2048/1024 bytes, and
// secondary index keys of their declared types. Message texts are the
// service's (quoted from its answers in dynalite's tests and the nubo-db
// conformance suite; DynamoDB Local's ErrorFactory).
#pragma once

#include <cstddef>  // std::size_t
#include <cstdint>  // int64_t
#include <memory>   // std::make_shared
#include <set>      // std::set
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/detail/messages.hpp"         // msg::
#include "dynafake/expression/decimal.hpp"      // Decimal, NumberMessage
#include "dynafake/expression/value_types.hpp"  // TypeOf, TypeSymbol, Base64, types
#include "dynafake/limits.hpp"                  // the documented limits
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace detail {

namespace check {
namespace ex = dynafake::expression;

inline std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return "[" + out + "]";
}

// A number's canonical text, or the service's message.
inline std::string Number(const std::string& text, std::string& canonical) {
  ex::Decimal d;
  ex::NumberStatus status = ex::Decimal::Parse(text, d);
  if (status == ex::NumberStatus::Ok) status = d.Check();
  if (status != ex::NumberStatus::Ok) return ex::NumberMessage(status, text);
  canonical = d.ToString();
  return {};
}
}  // namespace check

/// Validates a value the client sent and writes it to `out` with its numbers
/// in canonical form; "" or the service's message. `level` is 1 for an
/// attribute of an item: maps and lists may nest until level 31.
inline std::string CanonicalValue(const Model::AttributeValue& in, Model::AttributeValue& out, int level = 1) {
  namespace ex = dynafake::expression;
  const ex::TypeSet t = ex::TypeOf(in);
  if (t == 0) return msg::EmptyAttributeValue();
  switch (t) {
    case ex::types::N: {
      std::string canonical;
      std::string e = check::Number(in.GetN(), canonical);
      if (!e.empty()) return e;
      out.SetN(canonical);
      return {};
    }
    case ex::types::NUL:
      if (!in.GetNull()) return msg::NullMustBeTrue();
      out = in;
      return {};
    case ex::types::SS: {
      if (in.GetSS().empty()) return msg::EmptyStringSet();
      std::set<std::string> seen;
      for (const auto& s : in.GetSS()) {
        if (s.empty()) return msg::EmptyStringInSet();
        if (!seen.insert(s).second) return msg::SetDuplicates(check::Join(in.GetSS()));
      }
      out = in;
      return {};
    }
    case ex::types::BS: {
      if (in.GetBS().empty()) return msg::EmptyBinarySet();
      std::set<std::vector<unsigned char>> seen;
      std::vector<std::string> shown;
      for (const auto& b : in.GetBS()) shown.push_back(ex::Base64(b.Bytes()));
      for (const auto& b : in.GetBS()) {
        if (b.GetLength() == 0) return msg::EmptyBinaryInSet();
        if (!seen.insert(b.Bytes()).second) return msg::BinarySetDuplicates(check::Join(shown));
      }
      out = in;
      return {};
    }
    case ex::types::NS: {
      if (in.GetNS().empty()) return msg::EmptyNumberSet();
      std::vector<std::string> canonical;
      for (const auto& n : in.GetNS()) {
        std::string c;
        std::string e = check::Number(n, c);
        if (!e.empty()) return e;
        canonical.push_back(c);
      }
      std::set<std::string> seen;
      for (const auto& c : canonical)
        if (!seen.insert(c).second) return msg::NumberSetDuplicates();
      out.SetNS(canonical);
      return {};
    }
    case ex::types::M:
    case ex::types::L: {
      if (level >= static_cast<int>(limits::kMaxNestingDepth)) return msg::ItemNestingTooDeep();
      if (t == ex::types::M) {
        Model::AttributeValue::Map map;
        for (const auto& kv : in.GetM()) {
          Model::AttributeValue child;
          if (!kv.second) return msg::EmptyAttributeValue();
          std::string e = CanonicalValue(*kv.second, child, level + 1);
          if (!e.empty()) return e;
          map.emplace(kv.first, std::make_shared<Model::AttributeValue>(std::move(child)));
        }
        out.SetM(map);
      } else {
        Model::AttributeValue::List list;
        for (const auto& element : in.GetL()) {
          Model::AttributeValue child;
          if (!element) return msg::EmptyAttributeValue();
          std::string e = CanonicalValue(*element, child, level + 1);
          if (!e.empty()) return e;
          list.push_back(std::make_shared<Model::AttributeValue>(std::move(child)));
        }
        out.SetL(list);
      }
      return {};
    }
    default:
      out = in;  // S, B, BOOL: empty strings and binaries are allowed outside keys
      return {};
  }
}

/// What a number costs, to the byte: 1 + ceil(integer significant digits / 2)
/// + ceil(fraction significant digits / 2) + 1 if negative, over the value
/// with leading and trailing zeros trimmed (measured against the real service:
/// nubo-db/dynamodb-conformance src/item-size.ts; the Developer Guide's
/// "1 byte per two significant digits plus 1" is approximate).
inline int64_t NumberBytes(const std::string& number) {
  const std::string text = number.empty() || (number[0] != '-' && number[0] != '+') ? number : number.substr(1);
  const bool negative = !number.empty() && number[0] == '-';
  std::string canonical;
  if (!check::Number(number, canonical).empty()) return 1 + static_cast<int64_t>(text.size() + 1) / 2;
  if (canonical == "0") return 1;
  const std::string digits = canonical[0] == '-' ? canonical.substr(1) : canonical;
  const std::size_t point = digits.find('.');
  std::string intPart = point == std::string::npos ? digits : digits.substr(0, point);
  std::string fracPart = point == std::string::npos ? std::string() : digits.substr(point + 1);
  if (intPart == "0") intPart.clear();
  std::size_t intDigits = intPart.size(), fracDigits = fracPart.size();
  if (fracPart.empty()) {  // trailing zeros of an integer are not significant
    while (intDigits > 0 && intPart[intDigits - 1] == '0') --intDigits;
  }
  if (intPart.empty()) {  // nor the leading zeros of a pure fraction
    std::size_t lead = 0;
    while (lead < fracPart.size() && fracPart[lead] == '0') ++lead;
    fracDigits -= lead;
  }
  return 1 + static_cast<int64_t>((intDigits + 1) / 2) + static_cast<int64_t>((fracDigits + 1) / 2) +
         (negative ? 1 : 0);
}

/// A value's size as the service counts it against the item limit and for
/// capacity (Developer Guide, "Item sizes and formats").
inline int64_t ValueBytes(const Model::AttributeValue& v) {
  namespace ex = dynafake::expression;
  switch (ex::TypeOf(v)) {
    case ex::types::S:
      return static_cast<int64_t>(v.GetS().size());
    case ex::types::N:
      return NumberBytes(v.GetN());
    case ex::types::B:
      return static_cast<int64_t>(v.GetB().GetLength());
    case ex::types::SS: {
      int64_t n = 0;
      for (const auto& s : v.GetSS()) n += static_cast<int64_t>(s.size());
      return n;
    }
    case ex::types::NS: {
      int64_t n = 0;
      for (const auto& s : v.GetNS()) n += NumberBytes(s);
      return n;
    }
    case ex::types::BS: {
      int64_t n = 0;
      for (const auto& b : v.GetBS()) n += static_cast<int64_t>(b.GetLength());
      return n;
    }
    case ex::types::M: {
      int64_t n = 3;
      for (const auto& kv : v.GetM())
        n += 1 + static_cast<int64_t>(kv.first.size()) + (kv.second ? ValueBytes(*kv.second) : 0);
      return n;
    }
    case ex::types::L: {
      int64_t n = 3;
      for (const auto& e : v.GetL()) n += 1 + (e ? ValueBytes(*e) : 0);
      return n;
    }
    default:
      return 1;  // BOOL, NULL
  }
}

template <class ItemMap>
int64_t ItemBytes(const ItemMap& item) {
  int64_t n = 0;
  for (const auto& kv : item) n += static_cast<int64_t>(kv.first.size()) + ValueBytes(kv.second);
  return n;
}

using limits::kMaxItemBytes;

/// Checks every attribute of an item the client sent (names and values, not
/// its size) and writes it with canonical numbers to `out`.
template <class ItemMap>
std::string CanonicalItemValues(const ItemMap& in, ItemMap& out) {
  ItemMap result;
  for (const auto& kv : in) {
    if (kv.first.empty()) return msg::EmptyAttributeName();
    Model::AttributeValue value;
    std::string e = CanonicalValue(kv.second, value, 1);
    if (!e.empty()) return e;
    result.emplace(kv.first, std::move(value));
  }
  out = std::move(result);
  return {};
}

/// An item within the 400 KB an item may have.
template <class ItemMap>
std::string ItemSizeWithinLimit(const ItemMap& item) {
  return ItemBytes(item) > kMaxItemBytes ? msg::ItemTooLarge() : std::string();
}

/// Checks every attribute of an item the client sent (names, values, size)
/// and writes it with canonical numbers to `out`.
template <class ItemMap>
std::string CanonicalItem(const ItemMap& in, ItemMap& out) {
  ItemMap result;
  std::string e = CanonicalItemValues(in, result);
  if (e.empty()) e = ItemSizeWithinLimit(result);
  if (e.empty()) out = std::move(result);
  return e;
}

}  // namespace detail
}  // namespace dynafake
