// dynafake — AttributeValue: one DynamoDB value, in aws-sdk-cpp's shape.
#pragma once

#include <cstdio>   // std::snprintf
#include <map>      // std::map
#include <memory>   // std::shared_ptr
#include <ostream>  // std::ostream
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

namespace dynafake {

/// Raw bytes of a binary attribute (aws-sdk-cpp: Aws::Utils::ByteBuffer).
class ByteBuffer {
 public:
  ByteBuffer() = default;
  ByteBuffer(const unsigned char* data, std::size_t size) : bytes_(data, data + size) {}
  explicit ByteBuffer(std::vector<unsigned char> bytes) : bytes_(std::move(bytes)) {}
  explicit ByteBuffer(const std::string& bytes) : bytes_(bytes.begin(), bytes.end()) {}

  std::size_t GetLength() const { return bytes_.size(); }
  const unsigned char* GetUnderlyingData() const { return bytes_.data(); }
  const std::vector<unsigned char>& Bytes() const { return bytes_; }
  unsigned char operator[](std::size_t i) const { return bytes_[i]; }

  friend bool operator==(const ByteBuffer& a, const ByteBuffer& b) { return a.bytes_ == b.bytes_; }
  friend bool operator!=(const ByteBuffer& a, const ByteBuffer& b) { return a.bytes_ != b.bytes_; }
  friend bool operator<(const ByteBuffer& a, const ByteBuffer& b) { return a.bytes_ < b.bytes_; }

 private:
  std::vector<unsigned char> bytes_;
};

namespace Model {

/// Which member of an AttributeValue is set (aws-sdk-cpp: ValueType).
enum class ValueType {
  STRING,
  NUMBER,
  BYTEBUFFER,
  STRING_SET,
  NUMBER_SET,
  BYTEBUFFER_SET,
  ATTRIBUTE_MAP,
  ATTRIBUTE_LIST,
  BOOL,
  NULLVALUE
};

/// One attribute value: exactly one of S, N, B, SS, NS, BS, M, L, NULL, BOOL.
/// Setting one member replaces whatever was set before, so a value is never
/// two types at once.
class AttributeValue {
 public:
  using Map = std::map<std::string, const std::shared_ptr<AttributeValue>>;
  using List = std::vector<std::shared_ptr<AttributeValue>>;

  AttributeValue() = default;
  explicit AttributeValue(const std::string& s) { SetS(s); }

  /// The type held, or nullptr-like NOT_SET state when nothing was set.
  bool HasBeenSet() const { return set_; }
  ValueType GetType() const { return type_; }

  const std::string& GetS() const { return s_; }
  AttributeValue& SetS(const std::string& v) {
    Reset(ValueType::STRING);
    s_ = v;
    return *this;
  }
  const std::string& GetN() const { return n_; }
  AttributeValue& SetN(const std::string& v) {
    Reset(ValueType::NUMBER);
    n_ = v;
    return *this;
  }
  AttributeValue& SetN(int v) { return SetN(std::to_string(v)); }
  AttributeValue& SetN(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return SetN(std::string(buf));
  }
  const ByteBuffer& GetB() const { return b_; }
  AttributeValue& SetB(const ByteBuffer& v) {
    Reset(ValueType::BYTEBUFFER);
    b_ = v;
    return *this;
  }
  const std::vector<std::string>& GetSS() const { return ss_; }
  AttributeValue& SetSS(const std::vector<std::string>& v) {
    Reset(ValueType::STRING_SET);
    ss_ = v;
    return *this;
  }
  AttributeValue& AddSItem(const std::string& v) {
    Ensure(ValueType::STRING_SET);
    ss_.push_back(v);
    return *this;
  }
  const std::vector<std::string>& GetNS() const { return ns_; }
  AttributeValue& SetNS(const std::vector<std::string>& v) {
    Reset(ValueType::NUMBER_SET);
    ns_ = v;
    return *this;
  }
  AttributeValue& AddNItem(const std::string& v) {
    Ensure(ValueType::NUMBER_SET);
    ns_.push_back(v);
    return *this;
  }
  const std::vector<ByteBuffer>& GetBS() const { return bs_; }
  AttributeValue& SetBS(const std::vector<ByteBuffer>& v) {
    Reset(ValueType::BYTEBUFFER_SET);
    bs_ = v;
    return *this;
  }
  AttributeValue& AddBItem(const ByteBuffer& v) {
    Ensure(ValueType::BYTEBUFFER_SET);
    bs_.push_back(v);
    return *this;
  }
  const Map& GetM() const { return m_; }
  AttributeValue& SetM(const Map& v) {
    Reset(ValueType::ATTRIBUTE_MAP);
    m_ = v;
    return *this;
  }
  AttributeValue& AddMEntry(const std::string& key, const std::shared_ptr<AttributeValue>& value) {
    Ensure(ValueType::ATTRIBUTE_MAP);
    m_.erase(key);
    m_.emplace(key, value);
    return *this;
  }
  AttributeValue& AddMEntry(const std::string& key, const AttributeValue& value) {
    return AddMEntry(key, std::make_shared<AttributeValue>(value));
  }
  const List& GetL() const { return l_; }
  AttributeValue& SetL(const List& v) {
    Reset(ValueType::ATTRIBUTE_LIST);
    l_ = v;
    return *this;
  }
  AttributeValue& AddLItem(const std::shared_ptr<AttributeValue>& v) {
    Ensure(ValueType::ATTRIBUTE_LIST);
    l_.push_back(v);
    return *this;
  }
  AttributeValue& AddLItem(const AttributeValue& v) { return AddLItem(std::make_shared<AttributeValue>(v)); }
  bool GetNull() const { return set_ && type_ == ValueType::NULLVALUE && null_; }
  bool GetNULL() const { return GetNull(); }
  AttributeValue& SetNull(bool v) {
    Reset(ValueType::NULLVALUE);
    null_ = v;
    return *this;
  }
  AttributeValue& SetNULL(bool v) { return SetNull(v); }
  bool GetBool() const { return bool_; }
  bool GetBOOL() const { return bool_; }
  AttributeValue& SetBool(bool v) {
    Reset(ValueType::BOOL);
    bool_ = v;
    return *this;
  }
  AttributeValue& SetBOOL(bool v) { return SetBool(v); }

  friend bool operator==(const AttributeValue& a, const AttributeValue& b) {
    if (a.set_ != b.set_) return false;
    if (!a.set_) return true;
    if (a.type_ != b.type_) return false;
    switch (a.type_) {
      case ValueType::STRING:
        return a.s_ == b.s_;
      case ValueType::NUMBER:
        return a.n_ == b.n_;
      case ValueType::BYTEBUFFER:
        return a.b_ == b.b_;
      case ValueType::STRING_SET:
        return a.ss_ == b.ss_;
      case ValueType::NUMBER_SET:
        return a.ns_ == b.ns_;
      case ValueType::BYTEBUFFER_SET:
        return a.bs_ == b.bs_;
      case ValueType::BOOL:
        return a.bool_ == b.bool_;
      case ValueType::NULLVALUE:
        return a.null_ == b.null_;
      case ValueType::ATTRIBUTE_MAP: {
        if (a.m_.size() != b.m_.size()) return false;
        auto ib = b.m_.begin();
        for (const auto& ea : a.m_) {
          if (ea.first != ib->first || !Same(ea.second, ib->second)) return false;
          ++ib;
        }
        return true;
      }
      case ValueType::ATTRIBUTE_LIST: {
        if (a.l_.size() != b.l_.size()) return false;
        for (std::size_t i = 0; i < a.l_.size(); ++i)
          if (!Same(a.l_[i], b.l_[i])) return false;
        return true;
      }
    }
    return false;
  }
  friend bool operator!=(const AttributeValue& a, const AttributeValue& b) { return !(a == b); }

 private:
  static bool Same(const std::shared_ptr<AttributeValue>& a, const std::shared_ptr<AttributeValue>& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  }
  void Reset(ValueType t) {
    *this = AttributeValue();
    set_ = true;
    type_ = t;
  }
  void Ensure(ValueType t) {
    if (!set_ || type_ != t) Reset(t);
  }

  bool set_ = false;
  ValueType type_ = ValueType::NULLVALUE;
  std::string s_, n_;
  ByteBuffer b_;
  std::vector<std::string> ss_, ns_;
  std::vector<ByteBuffer> bs_;
  Map m_;
  List l_;
  bool null_ = false;
  bool bool_ = false;
};

}  // namespace Model
}  // namespace dynafake
