// dynafake — readable printing of model values, used by the generated operator<<
// (and through it by GoogleTest when an expectation fails).
#pragma once

#include <map>      // std::map
#include <memory>   // std::shared_ptr
#include <ostream>  // std::ostream
#include <string>   // std::string
#include <vector>   // std::vector

#include "dynafake/date_time.hpp"              // DateTime
#include "dynafake/model/attribute_value.hpp"  // AttributeValue, ByteBuffer

namespace dynafake {
namespace detail {

inline void PrintValue(std::ostream& os, const std::string& v) {
  os << '"';
  for (char c : v) {
    if (c == '"' || c == '\\') os << '\\';
    os << c;
  }
  os << '"';
}
inline void PrintValue(std::ostream& os, bool v) { os << (v ? "true" : "false"); }
inline void PrintValue(std::ostream& os, int v) { os << v; }
inline void PrintValue(std::ostream& os, long long v) { os << v; }
inline void PrintValue(std::ostream& os, double v) { os << v; }
inline void PrintValue(std::ostream& os, const DateTime& v) { os << v.ToIso8601(); }
inline void PrintValue(std::ostream& os, const ByteBuffer& v) { os << "<" << v.GetLength() << " bytes>"; }
void PrintValue(std::ostream& os, const Model::AttributeValue& v);
template <class T>
void PrintValue(std::ostream& os, const std::vector<T>& v);
template <class T>
void PrintValue(std::ostream& os, const std::shared_ptr<T>& v);
template <class K, class T>
void PrintValue(std::ostream& os, const std::map<K, T>& v);

template <class T>
auto PrintValue(std::ostream& os, const T& v) -> decltype(os << v, void()) {
  os << v;
}
template <class T>
void PrintValue(std::ostream& os, const std::vector<T>& v) {
  os << '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) os << ", ";
    PrintValue(os, v[i]);
  }
  os << ']';
}
template <class T>
void PrintValue(std::ostream& os, const std::shared_ptr<T>& v) {
  if (v)
    PrintValue(os, *v);
  else
    os << "null";
}
template <class K, class T>
void PrintValue(std::ostream& os, const std::map<K, T>& v) {
  os << '{';
  bool first = true;
  for (const auto& kv : v) {
    if (!first) os << ", ";
    first = false;
    PrintValue(os, kv.first);
    os << ": ";
    PrintValue(os, kv.second);
  }
  os << '}';
}

inline void PrintValue(std::ostream& os, const Model::AttributeValue& v) {
  using Model::ValueType;
  if (!v.HasBeenSet()) {
    os << "{}";
    return;
  }
  switch (v.GetType()) {
    case ValueType::STRING:
      os << "{S: ";
      PrintValue(os, v.GetS());
      break;
    case ValueType::NUMBER:
      os << "{N: " << v.GetN();
      break;
    case ValueType::BYTEBUFFER:
      os << "{B: ";
      PrintValue(os, v.GetB());
      break;
    case ValueType::STRING_SET:
      os << "{SS: ";
      PrintValue(os, v.GetSS());
      break;
    case ValueType::NUMBER_SET:
      os << "{NS: ";
      PrintValue(os, v.GetNS());
      break;
    case ValueType::BYTEBUFFER_SET:
      os << "{BS: ";
      PrintValue(os, v.GetBS());
      break;
    case ValueType::ATTRIBUTE_MAP:
      os << "{M: ";
      PrintValue(os, v.GetM());
      break;
    case ValueType::ATTRIBUTE_LIST:
      os << "{L: ";
      PrintValue(os, v.GetL());
      break;
    case ValueType::BOOL:
      os << "{BOOL: " << (v.GetBool() ? "true" : "false");
      break;
    case ValueType::NULLVALUE:
      os << "{NULL: " << (v.GetNull() ? "true" : "false");
      break;
  }
  os << '}';
}

/// Prints `Name{Member: value, ...}` for the members that were set.
class StructPrinter {
 public:
  StructPrinter(std::ostream& os, const char* name) : os_(os) { os_ << name << '{'; }
  template <class T>
  void Field(const char* name, const T& value) {
    if (!first_) os_ << ", ";
    first_ = false;
    os_ << name << ": ";
    PrintValue(os_, value);
  }
  std::ostream& Done() { return os_ << '}'; }

 private:
  std::ostream& os_;
  bool first_ = true;
};

}  // namespace detail

namespace Model {
inline std::ostream& operator<<(std::ostream& os, const AttributeValue& v) {
  detail::PrintValue(os, v);
  return os;
}
}  // namespace Model

}  // namespace dynafake
