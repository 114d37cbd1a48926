// Structure-aware mutation for the fuzzers whose inputs are JSON (requests,
// snapshots): random bytes rarely make JSON of the right shape, so most
// mutations parse the input, change one node of the tree — give it an
// awkward value of the hostile matrix (tests/robustness/hostile_cases.hpp),
// a member name or enum value of the service model, remove it, duplicate
// it, wrap it, copy another node over it — and print it again. The rest are
// libFuzzer's own byte mutations, so the parser's edges stay covered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hostile_cases.hpp"  // AwkwardValues, AwkwardAttributeValues

extern "C" std::size_t LLVMFuzzerMutate(uint8_t* data, std::size_t size, std::size_t maxSize);

namespace dynafake_fuzz {

using Json = nlohmann::json;

/// What the mutator draws from: the model's names and the matrix's values.
struct Vocabulary {
  std::vector<std::string> operations;  ///< "CreateTable", ...
  std::vector<std::string> members;     ///< every member name of every shape
  std::vector<std::string> enums;       ///< every enum value
  std::vector<Json> awkward;            ///< the hostile matrix's values, both kinds

  static const Vocabulary& Get() {
    static const Vocabulary v = [] {
      Vocabulary out;
      std::ifstream in(DYNAFAKE_SOURCE_DIR "/tools/dynamodb-2012-08-10-backup-subset.json");
      const Json model = Json::parse(in);
      for (auto it = model.at("operations").begin(); it != model.at("operations").end(); ++it)
        out.operations.push_back(it.key());
      for (const auto& shape : model.at("shapes")) {
        if (shape.contains("members"))
          for (auto it = shape.at("members").begin(); it != shape.at("members").end(); ++it)
            out.members.push_back(it.key());
        if (shape.contains("enum"))
          for (const auto& e : shape.at("enum")) out.enums.push_back(e.get<std::string>());
      }
      for (auto& a : dynafake_test::AwkwardValues())
        if (a.dump().size() < 4096) out.awkward.push_back(std::move(a));  // the 70 000-byte string is too dear here
      for (auto& a : dynafake_test::AwkwardAttributeValues()) out.awkward.push_back(std::move(a));
      return out;
    }();
    return v;
  }
};

class JsonMutator {
 public:
  explicit JsonMutator(unsigned seed) : rng_(seed) {}

  /// Mutates `text` in place when it is JSON; false when it is not (the caller
  /// then mutates bytes).
  bool Mutate(std::string& text) {
    Json doc = Json::parse(text, nullptr, false);
    if (doc.is_discarded()) return false;
    const int rounds = 1 + static_cast<int>(Pick(3));
    for (int i = 0; i < rounds; ++i) MutateOnce(doc);
    text = doc.dump(-1, ' ', false, Json::error_handler_t::replace);
    return true;
  }

  std::size_t Pick(std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

 private:
  template <class T>
  const T& From(const std::vector<T>& v) {
    return v[Pick(v.size())];
  }

  /// Every node of the tree, in document order.
  static void Nodes(Json& j, std::vector<Json*>& out) {
    out.push_back(&j);
    if (j.is_object() || j.is_array())
      for (auto& child : j) Nodes(child, out);
  }

  Json Scalar() {
    const Vocabulary& v = Vocabulary::Get();
    switch (Pick(6)) {
      case 0:
        return From(v.enums);
      case 1:
        return From(v.members);
      case 2:
        return static_cast<int64_t>(Pick(100000)) - 50;
      case 3:
        return std::string(Pick(300), static_cast<char>('a' + Pick(26)));
      case 4:
        return Pick(2) == 0;
      default:
        return From(v.awkward);
    }
  }

  void MutateOnce(Json& doc) {
    std::vector<Json*> nodes;
    Nodes(doc, nodes);
    Json& node = *nodes[Pick(nodes.size())];
    const Vocabulary& v = Vocabulary::Get();
    switch (Pick(9)) {
      case 0:  // an awkward value of the matrix
      case 1:
        node = From(v.awkward);
        break;
      case 2:  // a model name or value, or a number
        node = Scalar();
        break;
      case 3:  // a member of the model, added
        if (node.is_object()) {
          node[From(v.members)] = Pick(2) ? Scalar() : From(v.awkward);
        } else if (node.is_array()) {
          node.push_back(Pick(2) && !node.empty() ? node[Pick(node.size())] : Scalar());
        } else {
          node = Json::object({{From(v.members), node}});
        }
        break;
      case 4:  // something removed
        if (node.is_object() && !node.empty()) {
          auto it = node.begin();
          std::advance(it, static_cast<std::ptrdiff_t>(Pick(node.size())));
          node.erase(it);
        } else if (node.is_array() && !node.empty()) {
          node.erase(node.begin() + static_cast<std::ptrdiff_t>(Pick(node.size())));
        } else {
          node = nullptr;
        }
        break;
      case 5: {  // wrapped: in a list, an attribute value, an object
        const Json inner = node;
        switch (Pick(3)) {
          case 0:
            node = Json::array({inner});
            break;
          case 1:
            node = Json::object({{Pick(2) ? "M" : "L", Pick(2) ? Json::object({{"a", inner}}) : Json::array({inner})}});
            break;
          default:
            node = Json::object({{"k", inner}});
        }
        break;
      }
      case 6: {  // another node copied over this one
        const Json other = *nodes[Pick(nodes.size())];
        node = other;
        break;
      }
      case 7:  // a key renamed to a model member (or an awkward key)
        if (node.is_object() && !node.empty()) {
          auto it = node.begin();
          std::advance(it, static_cast<std::ptrdiff_t>(Pick(node.size())));
          Json value = it.value();
          const std::string key = it.key();
          node.erase(it);
          const std::string name = Pick(4) ? From(v.members) : (Pick(2) ? std::string() : key + key);
          node[name] = std::move(value);
        }
        break;
      default:  // a string's bytes, as libFuzzer mutates them
        if (node.is_string()) {
          std::string s = node.get<std::string>();
          s.resize(s.size() + 16);
          const std::size_t n = LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(&s[0]), s.size() - 16, s.size());
          s.resize(n);
          node = s;  // nlohmann keeps invalid UTF-8 as is; dump() below replaces it
        } else {
          node = Scalar();
        }
    }
  }

  std::mt19937 rng_;
};

/// Writes `text` into libFuzzer's buffer; 0 (no mutation) when it does not fit.
inline std::size_t Emit(const std::string& text, uint8_t* data, std::size_t maxSize) {
  if (text.size() > maxSize) return 0;
  std::memcpy(data, text.data(), text.size());
  return text.size();
}

}  // namespace dynafake_fuzz

namespace dynafake_fuzz {

/// Mutates a session (one "Target body" request a line, or "+ms" to move the
/// clock): one line's JSON body by structure, or its target, or the bytes.
inline std::size_t MutateSession(uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed) {
  JsonMutator m(seed);
  if (size == 0 || m.Pick(5) == 0) return LLVMFuzzerMutate(data, size, maxSize);
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos <= input.size();) {
    std::size_t end = input.find('\n', pos);
    if (end == std::string::npos) end = input.size();
    lines.push_back(input.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string& line = lines[m.Pick(lines.size())];
  const std::size_t space = line.find(' ');
  if (line.empty() || line[0] == '+' || space == std::string::npos) return LLVMFuzzerMutate(data, size, maxSize);
  std::string target = line.substr(0, space), body = line.substr(space + 1);
  if (m.Pick(8) == 0)
    target = "DynamoDB_20120810." + Vocabulary::Get().operations[m.Pick(Vocabulary::Get().operations.size())];
  else if (!m.Mutate(body))
    return LLVMFuzzerMutate(data, size, maxSize);
  line = target + " " + body;
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
  const std::size_t n = Emit(out, data, maxSize);
  return n ? n : LLVMFuzzerMutate(data, size, maxSize);
}

/// Mutates a whole JSON document (a snapshot) by structure, or its bytes.
inline std::size_t MutateDocument(uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed) {
  JsonMutator m(seed);
  if (m.Pick(5) == 0) return LLVMFuzzerMutate(data, size, maxSize);
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!m.Mutate(text)) return LLVMFuzzerMutate(data, size, maxSize);
  const std::size_t n = Emit(text, data, maxSize);
  return n ? n : LLVMFuzzerMutate(data, size, maxSize);
}

}  // namespace dynafake_fuzz
