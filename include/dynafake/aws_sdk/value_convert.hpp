// dynafake — conversions of single values between dynafake's model and
// aws-sdk-cpp's: strings, numbers, timestamps, bytes and AttributeValue.
// The structures and enums are converted by the generated
// dynafake/aws_sdk/generated/model_convert.hpp, which builds on these.
//
//   ToSdk(ours, sdk)    fills the SDK's value from ours;
//   FromSdk(sdk, ours)  fills ours from the SDK's and says whether the SDK's
//                       value holds anything (used where the SDK keeps no
//                       "has been set" flag, as on its results).
//
// Needs aws-sdk-cpp (dynafake::aws_sdk).
#pragma once

#include <cstdint>      // int64_t
#include <memory>       // std::make_shared, std::shared_ptr
#include <string>       // std::string
#include <type_traits>  // std::enable_if, std::is_arithmetic
#include <vector>       // std::vector

#include <aws/core/utils/Array.h>               // Aws::Utils::ByteBuffer
#include <aws/core/utils/DateTime.h>            // Aws::Utils::DateTime
#include <aws/dynamodb/model/AttributeValue.h>  // Aws::DynamoDB::Model::AttributeValue

#include "dynafake/date_time.hpp"              // DateTime
#include "dynafake/model/attribute_value.hpp"  // AttributeValue, ByteBuffer

namespace dynafake {
namespace aws {

// ---- strings: std::string <-> Aws::String
template <class S>
void ToSdk(const std::string& in, S& out) {
  out = S(in.data(), in.size());
}
template <class S>
bool FromSdk(const S& in, std::string& out) {
  out.assign(in.data(), in.size());
  return !out.empty();
}

// ---- numbers and booleans: the same C++ types on both sides
template <class T, class S, typename std::enable_if<std::is_arithmetic<T>::value, int>::type = 0>
void ToSdk(T in, S& out) {
  out = static_cast<S>(in);
}
template <class S, class T, typename std::enable_if<std::is_arithmetic<T>::value, int>::type = 0>
bool FromSdk(S in, T& out) {
  out = static_cast<T>(in);
  return true;
}

// ---- timestamps, to the millisecond (what both sides keep)
inline void ToSdk(const DateTime& in, Aws::Utils::DateTime& out) {
  out = Aws::Utils::DateTime(static_cast<int64_t>(in.Millis()));
}
inline bool FromSdk(const Aws::Utils::DateTime& in, DateTime& out) {
  out = DateTime(static_cast<int64_t>(in.Millis()));
  return in.Millis() != 0;  // the SDK's unset DateTime is the epoch
}

// ---- bytes
inline void ToSdk(const ByteBuffer& in, Aws::Utils::ByteBuffer& out) {
  out = Aws::Utils::ByteBuffer(in.GetUnderlyingData(), in.GetLength());
}
inline bool FromSdk(const Aws::Utils::ByteBuffer& in, ByteBuffer& out) {
  out = ByteBuffer(in.GetUnderlyingData(), in.GetLength());
  return in.GetLength() > 0;
}

// ---- AttributeValue: one of S, N, B, SS, NS, BS, M, L, NULL, BOOL
namespace convert_detail {
using SdkValue = Aws::DynamoDB::Model::AttributeValue;
using SdkValueType = Aws::DynamoDB::Model::ValueType;

template <class In, class Out, class Fn>
Out Each(const In& in, Fn fn) {
  Out out;
  for (const auto& e : in) out.push_back(fn(e));
  return out;
}
// Aws::String is std::string unless the SDK was built with its own allocator.
template <class To, class From>
To Str(const From& s) {
  return To(s.data(), s.size());
}
inline Aws::Utils::ByteBuffer Bytes(const ByteBuffer& b) {
  return Aws::Utils::ByteBuffer(b.GetUnderlyingData(), b.GetLength());
}
inline ByteBuffer Bytes(const Aws::Utils::ByteBuffer& b) { return ByteBuffer(b.GetUnderlyingData(), b.GetLength()); }
}  // namespace convert_detail

inline void ToSdk(const Model::AttributeValue& in, Aws::DynamoDB::Model::AttributeValue& out) {
  using namespace convert_detail;
  out = SdkValue();
  if (!in.HasBeenSet()) return;
  switch (in.GetType()) {
    case Model::ValueType::STRING:
      out.SetS(Str<Aws::String>(in.GetS()));
      break;
    case Model::ValueType::NUMBER:
      out.SetN(Str<Aws::String>(in.GetN()));
      break;
    case Model::ValueType::BYTEBUFFER:
      out.SetB(Bytes(in.GetB()));
      break;
    case Model::ValueType::STRING_SET:
      out.SetSS(Each<std::vector<std::string>, Aws::Vector<Aws::String>>(
          in.GetSS(), [](const std::string& s) { return Str<Aws::String>(s); }));
      break;
    case Model::ValueType::NUMBER_SET:
      out.SetNS(Each<std::vector<std::string>, Aws::Vector<Aws::String>>(
          in.GetNS(), [](const std::string& s) { return Str<Aws::String>(s); }));
      break;
    case Model::ValueType::BYTEBUFFER_SET:
      out.SetBS(Each<std::vector<ByteBuffer>, Aws::Vector<Aws::Utils::ByteBuffer>>(
          in.GetBS(), [](const ByteBuffer& b) { return Bytes(b); }));
      break;
    case Model::ValueType::ATTRIBUTE_MAP: {
      Aws::Map<Aws::String, const std::shared_ptr<SdkValue>> map;
      for (const auto& entry : in.GetM()) {
        auto value = std::make_shared<SdkValue>();
        if (entry.second) ToSdk(*entry.second, *value);
        map.emplace(Str<Aws::String>(entry.first), value);
      }
      out.SetM(map);
      break;
    }
    case Model::ValueType::ATTRIBUTE_LIST: {
      Aws::Vector<std::shared_ptr<SdkValue>> list;
      for (const auto& element : in.GetL()) {
        auto value = std::make_shared<SdkValue>();
        if (element) ToSdk(*element, *value);
        list.push_back(value);
      }
      out.SetL(list);
      break;
    }
    case Model::ValueType::BOOL:
      out.SetBool(in.GetBool());
      break;
    case Model::ValueType::NULLVALUE:
      out.SetNull(in.GetNull());
      break;
  }
}

inline bool FromSdk(const Aws::DynamoDB::Model::AttributeValue& in, Model::AttributeValue& out) {
  using namespace convert_detail;
  out = Model::AttributeValue();
  // GetType() dereferences the value the SDK holds; an empty one holds none.
  if (in.Jsonize().View().GetAllObjects().empty()) return false;
  switch (in.GetType()) {
    case SdkValueType::STRING:
      out.SetS(Str<std::string>(in.GetS()));
      break;
    case SdkValueType::NUMBER:
      out.SetN(Str<std::string>(in.GetN()));
      break;
    case SdkValueType::BYTEBUFFER:
      out.SetB(Bytes(in.GetB()));
      break;
    case SdkValueType::STRING_SET:
      out.SetSS(Each<Aws::Vector<Aws::String>, std::vector<std::string>>(
          in.GetSS(), [](const Aws::String& s) { return Str<std::string>(s); }));
      break;
    case SdkValueType::NUMBER_SET:
      out.SetNS(Each<Aws::Vector<Aws::String>, std::vector<std::string>>(
          in.GetNS(), [](const Aws::String& s) { return Str<std::string>(s); }));
      break;
    case SdkValueType::BYTEBUFFER_SET:
      out.SetBS(Each<Aws::Vector<Aws::Utils::ByteBuffer>, std::vector<ByteBuffer>>(
          in.GetBS(), [](const Aws::Utils::ByteBuffer& b) { return Bytes(b); }));
      break;
    case SdkValueType::ATTRIBUTE_MAP: {
      Model::AttributeValue::Map map;
      for (const auto& entry : in.GetM()) {
        auto value = std::make_shared<Model::AttributeValue>();
        if (entry.second) FromSdk(*entry.second, *value);
        map.emplace(Str<std::string>(entry.first), value);
      }
      out.SetM(map);
      break;
    }
    case SdkValueType::ATTRIBUTE_LIST: {
      Model::AttributeValue::List list;
      for (const auto& element : in.GetL()) {
        auto value = std::make_shared<Model::AttributeValue>();
        if (element) FromSdk(*element, *value);
        list.push_back(value);
      }
      out.SetL(list);
      break;
    }
    case SdkValueType::BOOL:
      out.SetBool(in.GetBool());
      break;
    case SdkValueType::NULLVALUE:
      out.SetNull(in.GetNull());
      break;
  }
  return true;
}

}  // namespace aws
}  // namespace dynafake
