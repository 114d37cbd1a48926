// Helpers of the expression suite: values and items written compactly, an
// item rendered as one line (so tables compare whole items), and one call
// that parses a request's expressions and returns the service's message.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <dynafake/expression/expressions.hpp>

namespace exprtest {

using dynafake::Model::AttributeValue;
using Item = dynafake::expression::Item;
using Names = std::map<std::string, std::string>;
using Values = std::map<std::string, AttributeValue>;

inline AttributeValue S(const std::string& s) { return AttributeValue().SetS(s); }
inline AttributeValue N(const std::string& n) { return AttributeValue().SetN(n); }
inline AttributeValue B(const std::string& bytes) { return AttributeValue().SetB(dynafake::ByteBuffer(bytes)); }
inline AttributeValue Bool(bool b) { return AttributeValue().SetBool(b); }
inline AttributeValue Null() { return AttributeValue().SetNull(true); }
inline AttributeValue SS(const std::vector<std::string>& v) { return AttributeValue().SetSS(v); }
inline AttributeValue NS(const std::vector<std::string>& v) { return AttributeValue().SetNS(v); }
inline AttributeValue BS(const std::vector<std::string>& v) {
  std::vector<dynafake::ByteBuffer> out;
  for (const auto& s : v) out.emplace_back(s);
  return AttributeValue().SetBS(out);
}
inline AttributeValue L(const std::vector<AttributeValue>& v) {
  AttributeValue out;
  out.SetL({});
  for (const auto& e : v) out.AddLItem(e);
  return out;
}
inline AttributeValue M(const std::vector<std::pair<std::string, AttributeValue>>& v) {
  AttributeValue out;
  out.SetM({});
  for (const auto& e : v) out.AddMEntry(e.first, e.second);
  return out;
}

/// One line: {a: S x, l: L [N 1, S y], m: M {b: BOOL true}}; sets as stored.
inline std::string Show(const AttributeValue& v);
inline std::string Show(const Item& item) {
  std::string out = "{";
  for (const auto& kv : item) out += (out.size() > 1 ? ", " : "") + kv.first + ": " + Show(kv.second);
  return out + "}";
}
inline std::string Show(const AttributeValue& v) {
  using dynafake::Model::ValueType;
  auto list = [](const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return "[" + out + "]";
  };
  switch (v.GetType()) {
    case ValueType::STRING:
      return "S " + v.GetS();
    case ValueType::NUMBER:
      return "N " + v.GetN();
    case ValueType::BYTEBUFFER:
      return "B " + std::string(v.GetB().Bytes().begin(), v.GetB().Bytes().end());
    case ValueType::STRING_SET:
      return "SS " + list(v.GetSS());
    case ValueType::NUMBER_SET:
      return "NS " + list(v.GetNS());
    case ValueType::BYTEBUFFER_SET: {
      std::vector<std::string> bs;
      for (const auto& b : v.GetBS()) bs.emplace_back(b.Bytes().begin(), b.Bytes().end());
      return "BS " + list(bs);
    }
    case ValueType::ATTRIBUTE_LIST: {
      std::vector<std::string> parts;
      for (const auto& e : v.GetL()) parts.push_back(Show(*e));
      return "L " + list(parts);
    }
    case ValueType::ATTRIBUTE_MAP: {
      Item inner;
      for (const auto& kv : v.GetM()) inner.emplace(kv.first, *kv.second);
      return "M " + Show(inner);
    }
    case ValueType::BOOL:
      return std::string("BOOL ") + (v.GetBool() ? "true" : "false");
    case ValueType::NULLVALUE:
      return "NULL";
  }
  return "?";
}

/// The expressions of one request; an empty optional is a parameter not sent.
struct Spec {
  const char* update = nullptr;
  const char* condition = nullptr;
  const char* filter = nullptr;
  const char* projection = nullptr;
  const char* keyCondition = nullptr;
  bool hasNames = false;
  Names names;
  bool hasValues = false;
  Values values;
};

inline Spec With(Spec s, Names names) {
  s.hasNames = true;
  s.names = std::move(names);
  return s;
}
inline Spec With(Spec s, Values values) {
  s.hasValues = true;
  s.values = std::move(values);
  return s;
}
inline Spec With(Spec s, Names names, Values values) {
  return With(With(std::move(s), std::move(names)), std::move(values));
}

/// Parses `spec` into `out`; the service's message, or "" when valid.
inline std::string Check(const Spec& spec, dynafake::expression::Parsed& out) {
  namespace ex = dynafake::expression;
  ex::Request r;
  std::string update = spec.update ? spec.update : "", condition = spec.condition ? spec.condition : "";
  std::string filter = spec.filter ? spec.filter : "", projection = spec.projection ? spec.projection : "";
  std::string keyCondition = spec.keyCondition ? spec.keyCondition : "";
  if (spec.update) r.update = &update;
  if (spec.condition) r.condition = &condition;
  if (spec.filter) r.filter = &filter;
  if (spec.projection) r.projection = &projection;
  if (spec.keyCondition) r.keyCondition = &keyCondition;
  if (spec.hasNames) r.names = &spec.names;
  if (spec.hasValues) r.values = &spec.values;
  return ex::Parse(r, out);
}

inline std::string Check(const Spec& spec) {
  dynafake::expression::Parsed ignored;
  return Check(spec, ignored);
}

inline Spec Cond(const char* c) {
  Spec s;
  s.condition = c;
  return s;
}
inline Spec Upd(const char* u) {
  Spec s;
  s.update = u;
  return s;
}
inline Spec Proj(const char* p) {
  Spec s;
  s.projection = p;
  return s;
}
inline Spec Filter(const char* f) {
  Spec s;
  s.filter = f;
  return s;
}
/// UpdateItem's pair of expressions.
inline Spec UpdCond(const char* u, const char* c) {
  Spec s;
  s.update = u;
  s.condition = c;
  return s;
}
/// Query's pair of expressions.
inline Spec KeyFilter(const char* k, const char* f) {
  Spec s;
  s.keyCondition = k;
  s.filter = f;
  return s;
}
inline Spec KeyCond(const char* k) {
  Spec s;
  s.keyCondition = k;
  return s;
}

}  // namespace exprtest
