// dynafake — what expressions do with values, by DynamoDB's rules: equality
// (numbers by value, sets regardless of order, lists and maps element by
// element), ordering of strings (UTF-8 bytes), numbers and binaries, contains,
// begins_with, size, set union and difference, and finding the value at a
// document path (DynamoDB Local, OperatorExecutor and ExpressionExecutor).
#pragma once

#include <algorithm>  // std::lexicographical_compare, std::search
#include <cstddef>    // std::size_t
#include <map>        // std::map
#include <string>     // std::string
#include <vector>     // std::vector

#include "dynafake/expression/ast.hpp"          // DocPath
#include "dynafake/expression/decimal.hpp"      // Decimal
#include "dynafake/expression/value_types.hpp"  // TypeOf, types
#include "dynafake/model/attribute_value.hpp"   // AttributeValue

namespace dynafake {
namespace expression {

/// An item: attribute name to value (the same type as the Service's items).
using Item = std::map<std::string, Model::AttributeValue>;

/// The number a stored N value holds (stored numbers are valid).
inline Decimal NumberOf(const std::string& text) {
  Decimal d;
  Decimal::Parse(text, d);
  return d;
}

namespace values {
inline bool NumberIn(const std::vector<std::string>& set, const std::string& n) {
  const Decimal d = NumberOf(n);
  for (const auto& x : set)
    if (NumberOf(x) == d) return true;
  return false;
}
template <class T>
bool SameMembers(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) return false;
  return true;
}
inline std::string Bytes(const Model::AttributeValue& v) {
  const auto& b = v.GetB().Bytes();
  return std::string(b.begin(), b.end());
}
}  // namespace values

/// Equality as the = operator sees it: same type and same content.
inline bool Equal(const Model::AttributeValue& a, const Model::AttributeValue& b) {
  const TypeSet t = TypeOf(a);
  if (t != TypeOf(b)) return false;
  switch (t) {
    case types::S:
      return a.GetS() == b.GetS();
    case types::N:
      return NumberOf(a.GetN()) == NumberOf(b.GetN());
    case types::B:
      return a.GetB() == b.GetB();
    case types::BOOL:
      return a.GetBool() == b.GetBool();
    case types::NUL:
      return true;
    case types::SS:
      return values::SameMembers(a.GetSS(), b.GetSS());
    case types::BS:
      return values::SameMembers(a.GetBS(), b.GetBS());
    case types::NS: {
      if (a.GetNS().size() != b.GetNS().size()) return false;
      for (const auto& n : a.GetNS())
        if (!values::NumberIn(b.GetNS(), n)) return false;
      return true;
    }
    case types::L: {
      const auto &x = a.GetL(), &y = b.GetL();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!x[i] || !y[i] || !Equal(*x[i], *y[i])) return false;
      return true;
    }
    case types::M: {
      const auto &x = a.GetM(), &y = b.GetM();
      if (x.size() != y.size()) return false;
      for (const auto& kv : x) {
        auto it = y.find(kv.first);
        if (it == y.end() || !kv.second || !it->second || !Equal(*kv.second, *it->second)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/// Order of two values of one ordered type (S, N or B): -1, 0 or 1.
inline int CompareOrdered(const Model::AttributeValue& a, const Model::AttributeValue& b) {
  const TypeSet t = TypeOf(a);
  if (t == types::N) return Decimal::Compare(NumberOf(a.GetN()), NumberOf(b.GetN()));
  const std::string x = t == types::S ? a.GetS() : values::Bytes(a);
  const std::string y = t == types::S ? b.GetS() : values::Bytes(b);
  auto less = [](char p, char q) { return static_cast<unsigned char>(p) < static_cast<unsigned char>(q); };
  if (std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), less)) return -1;
  if (std::lexicographical_compare(y.begin(), y.end(), x.begin(), x.end(), less)) return 1;
  return 0;
}

/// contains(a, b): substring of a string or binary, element of a set of the
/// matching scalar type, or element of a list.
inline bool Contains(const Model::AttributeValue& a, const Model::AttributeValue& b) {
  const TypeSet ta = TypeOf(a), tb = TypeOf(b);
  if (ta == types::S || ta == types::B) {
    if (ta != tb) return false;
    const std::string x = ta == types::S ? a.GetS() : values::Bytes(a);
    const std::string y = ta == types::S ? b.GetS() : values::Bytes(b);
    return x.find(y) != std::string::npos;
  }
  if (ta == types::L) {
    for (const auto& e : a.GetL())
      if (e && Equal(*e, b)) return true;
    return false;
  }
  if (ta == types::SS && tb == types::S)
    return std::find(a.GetSS().begin(), a.GetSS().end(), b.GetS()) != a.GetSS().end();
  if (ta == types::NS && tb == types::N) return values::NumberIn(a.GetNS(), b.GetN());
  if (ta == types::BS && tb == types::B)
    return std::find(a.GetBS().begin(), a.GetBS().end(), b.GetB()) != a.GetBS().end();
  return false;
}

/// begins_with(a, b) for two strings or two binaries.
inline bool BeginsWith(const Model::AttributeValue& a, const Model::AttributeValue& b) {
  const TypeSet t = TypeOf(a);
  if (t != TypeOf(b) || (t != types::S && t != types::B)) return false;
  const std::string x = t == types::S ? a.GetS() : values::Bytes(a);
  const std::string y = t == types::S ? b.GetS() : values::Bytes(b);
  return x.compare(0, y.size(), y) == 0 && x.size() >= y.size();
}

/// The length of UTF-8 text in UTF-16 code units, as java.lang.String counts
/// (a 4-byte sequence is a surrogate pair).
inline std::size_t Utf16Length(const std::string& text) {
  std::size_t n = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

/// size(a): the length of a string (in UTF-16 code units, as the service's
/// java.lang.String counts), of a binary (bytes), or the number of elements of
/// a set, list or map; false for the other types.
inline bool Size(const Model::AttributeValue& a, std::size_t& out) {
  switch (TypeOf(a)) {
    case types::S:
      out = Utf16Length(a.GetS());
      return true;
    case types::B:
      out = a.GetB().GetLength();
      return true;
    case types::SS:
      out = a.GetSS().size();
      return true;
    case types::NS:
      out = a.GetNS().size();
      return true;
    case types::BS:
      out = a.GetBS().size();
      return true;
    case types::L:
      out = a.GetL().size();
      return true;
    case types::M:
      out = a.GetM().size();
      return true;
    default:
      return false;
  }
}

/// a with the members of b it lacks (two sets of one type).
inline Model::AttributeValue SetUnion(const Model::AttributeValue& a, const Model::AttributeValue& b) {
  Model::AttributeValue out = a;
  if (TypeOf(a) == types::SS) {
    for (const auto& s : b.GetSS())
      if (std::find(a.GetSS().begin(), a.GetSS().end(), s) == a.GetSS().end()) out.AddSItem(s);
  } else if (TypeOf(a) == types::NS) {
    for (const auto& n : b.GetNS())
      if (!values::NumberIn(out.GetNS(), n)) out.AddNItem(n);
  } else {
    for (const auto& x : b.GetBS())
      if (std::find(a.GetBS().begin(), a.GetBS().end(), x) == a.GetBS().end()) out.AddBItem(x);
  }
  return out;
}

/// a without the members of b; false when nothing is left (the service then
/// removes the attribute).
inline bool SetDifference(const Model::AttributeValue& a, const Model::AttributeValue& b, Model::AttributeValue& out) {
  std::size_t left = 0;
  if (TypeOf(a) == types::SS) {
    std::vector<std::string> keep;
    for (const auto& s : a.GetSS())
      if (std::find(b.GetSS().begin(), b.GetSS().end(), s) == b.GetSS().end()) keep.push_back(s);
    left = keep.size();
    out.SetSS(keep);
  } else if (TypeOf(a) == types::NS) {
    std::vector<std::string> keep;
    for (const auto& n : a.GetNS())
      if (!values::NumberIn(b.GetNS(), n)) keep.push_back(n);
    left = keep.size();
    out.SetNS(keep);
  } else {
    std::vector<ByteBuffer> keep;
    for (const auto& x : a.GetBS())
      if (std::find(b.GetBS().begin(), b.GetBS().end(), x) == b.GetBS().end()) keep.push_back(x);
    left = keep.size();
    out.SetBS(keep);
  }
  return left > 0;
}

/// The child of a map or list value at one path step, or nullptr.
inline const Model::AttributeValue* Child(const Model::AttributeValue& v, const PathElement& e) {
  if (e.IsIndex()) {
    if (TypeOf(v) != types::L || e.index >= v.GetL().size()) return nullptr;
    return v.GetL()[e.index].get();
  }
  if (TypeOf(v) != types::M) return nullptr;
  auto it = v.GetM().find(e.name);
  return it == v.GetM().end() ? nullptr : it->second.get();
}

/// The value at `path` in `item` (names resolved), or nullptr when absent.
inline const Model::AttributeValue* Lookup(const Item& item, const DocPath& path) {
  if (path.elements.empty() || path.elements[0].IsIndex()) return nullptr;
  auto it = item.find(path.elements[0].name);
  if (it == item.end()) return nullptr;
  const Model::AttributeValue* v = &it->second;
  for (std::size_t i = 1; i < path.elements.size() && v; ++i) v = Child(*v, path.elements[i]);
  return v;
}

}  // namespace expression
}  // namespace dynafake
