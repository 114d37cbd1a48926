// The hostile matrix: for every operation of the service model, a valid
// request, then every member path of the operation's input — members the
// request has and members it has not, at every depth the model reaches
// (AttributeValue's M and L included, each shape at most twice on a path) —
// given each awkward value in turn, or taken away. Nothing here says what the
// answer must be beyond what every answer must be: 200, or a 4xx with a
// `__type` the service has and its message, and a refused request changes
// nothing. The exact answers are the validation matrix's
// (tests/wire/validation_matrix_test.cpp) and the typed suites'.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace dynafake_test {

using Json = nlohmann::json;

/// One hostile request: `body` is the valid request with `path` replaced (or removed).
struct HostileCase {
  std::string path;  ///< JSON pointer into the request ("" is the whole body)
  std::string what;  ///< the value put there, or "(removed)"
  std::string body;  ///< the request as sent
};

/// The values no member should ever crash on, whatever its type.
inline std::vector<Json> AwkwardValues() {
  std::vector<Json> v = {
      Json::object(),
      Json::array(),
      "",
      nullptr,
      true,
      false,
      0,
      -1,
      1.5,
      -0.0,
      1e308,
      Json::parse("-9223372036854775809"),  // below int64
      Json::parse("18446744073709551616"),  // above uint64
      Json::parse("9223372036854775807"),
      "5",
      std::string("\0", 1),
      "\xf0\x9f\x8e\xb5 \xc3\xa9",  // 4-byte and 2-byte UTF-8
      std::string(70000, 'x'),      // over every string limit of the model
      Json::array({nullptr}),
      Json::array({Json::object()}),
      Json::array({Json::array()}),
      Json::object({{"", Json::object()}}),
      Json::object({{"k", nullptr}}),
      Json::object({{"k", Json::array()}}),
  };
  // nested empties, and depth past the service's 32 levels
  Json deep = Json::object();
  for (int i = 0; i < 40; ++i) deep = Json::object({{"L", Json::array({deep})}});
  v.push_back(deep);
  return v;
}

/// AttributeValues the service refuses or must treat with care, for members of
/// that shape (item attributes, keys, expression values, legacy conditions).
inline std::vector<Json> AwkwardAttributeValues() {
  std::vector<Json> v;
  for (const char* text : {
           R"({"S":""})",
           R"({"N":""})",
           R"({"N":"abc"})",
           R"({"N":"1e126"})",
           R"({"N":"1e-131"})",
           R"({"N":"99999999999999999999999999999999999999999"})",
           R"({"N":" 1"})",
           R"({"N":"0x10"})",
           R"({"B":""})",
           R"({"B":"%%%"})",
           R"({"SS":[]})",
           R"({"SS":["a","a"]})",
           R"({"NS":["x"]})",
           R"({"NS":["1","1.0"]})",
           R"({"BS":[]})",
           R"({"BS":["AA==","AA=="]})",
           R"({"M":{}})",
           R"({"L":[]})",
           R"({"NULL":false})",
           R"({"NULL":true})",
           R"({"BOOL":"x"})",
           R"({"S":"a","N":"1"})",
           R"({"Q":"x"})",
           R"({"M":{"a":{}}})",
           R"({"L":[{}]})",
           R"({"M":{"":{"S":"x"}}})",
           R"({"M":{"a":{"M":{"b":{"L":[{"SS":[]}]}}}}})",
           R"({"L":[{"NS":[]},{"M":{"x":{"N":"-"}}}]})",
       })
    v.push_back(Json::parse(text));
  Json deep = Json::parse(R"({"S":"bottom"})");
  for (int i = 0; i < 34; ++i) deep = Json::object({{"M", Json::object({{"a", deep}})}});
  v.push_back(deep);
  return v;
}

/// The cases of one operation.
class HostileCases {
 public:
  HostileCases(const Json& model, const std::string& operation, const Json& validRequest)
      : shapes_(model.at("shapes")),
        base_(validRequest),
        general_(AwkwardValues()),
        attributeValues_(AwkwardAttributeValues()) {
    const std::string input = model.at("operations").at(operation).at("input").at("shape").get<std::string>();
    std::map<std::string, int> seen;
    Visit(input, Json::json_pointer(), seen);
  }

  const std::vector<HostileCase>& Cases() const { return cases_; }
  std::size_t Paths() const { return paths_.size(); }

 private:
  const Json& Shape(const std::string& name) const { return shapes_.at(name); }

  /// Every value at `at` (a member of shape `shape`), then below it.
  void Visit(const std::string& shape, const Json::json_pointer& at, std::map<std::string, int>& seen) {
    if (++seen[shape] > 2 || at.to_string().size() > 200) {
      --seen[shape];
      return;
    }
    paths_.insert(at.to_string());
    // Below four levels the same code paths are met again and again (an
    // attribute value inside a map inside a list): a third of the values
    // there, a different third at each path, keeps every value at every
    // depth without the matrix's cost growing with the tree.
    const std::size_t depth = Depth(at), stride = depth > 4 ? 3 : 1, offset = paths_.size() % stride;
    for (std::size_t i = offset; i < general_.size(); i += stride) Add(at, general_[i]);
    if (shape == "AttributeValue")
      for (std::size_t i = offset; i < attributeValues_.size(); i += stride) Add(at, attributeValues_[i]);
    if (!at.empty()) Remove(at);

    const Json& s = Shape(shape);
    const std::string type = s.at("type");
    if (type == "structure") {
      for (auto it = s.at("members").begin(); it != s.at("members").end(); ++it)
        Visit(it.value().at("shape").get<std::string>(), at / it.key(), seen);
    } else if (type == "list") {
      Visit(s.at("member").at("shape").get<std::string>(), at / 0, seen);
    } else if (type == "map") {
      // the first key the valid request has there, else a key of our own
      std::string key = "k";
      const Json* here = Find(at);
      if (here && here->is_object() && !here->empty()) key = here->begin().key();
      Visit(s.at("value").at("shape").get<std::string>(), at / key, seen);
    }
    --seen[shape];
  }

  static std::size_t Depth(const Json::json_pointer& at) {
    const std::string text = at.to_string();
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '/'));
  }

  const Json* Find(const Json::json_pointer& at) const { return base_.contains(at) ? &base_.at(at) : nullptr; }

  /// The valid request with `value` at `at`; containers the request lacks on
  /// the way are made (an object for a member or key, an array for index 0).
  void Add(const Json::json_pointer& at, const Json& value) {
    Json body = base_;
    Place(body, at, value);
    std::string what = value.dump();
    if (what.size() > 60) what = what.substr(0, 57) + "...";
    cases_.push_back(HostileCase{at.to_string(), std::move(what), body.dump()});
  }

  void Remove(const Json::json_pointer& at) {
    if (!base_.contains(at)) return;  // absent already: the valid request is that case
    Json body = base_;
    Json& parent = body.at(at.parent_pointer());
    if (parent.is_object())
      parent.erase(at.back());
    else if (parent.is_array() && !parent.empty())
      parent.erase(parent.begin());
    cases_.push_back(HostileCase{at.to_string(), "(removed)", body.dump()});
  }

  /// Sets `body` at `at`, making the containers on the way (a scalar in the
  /// way is replaced; a container of the right kind is kept).
  static void Place(Json& body, const Json::json_pointer& at, const Json& value) {
    std::vector<std::string> tokens;  // root first
    for (Json::json_pointer p = at; !p.empty(); p = p.parent_pointer()) tokens.insert(tokens.begin(), p.back());
    Json* node = &body;
    for (const std::string& token : tokens) {
      const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
      if (index) {
        if (!node->is_array()) *node = Json::array();
        if (node->empty()) node->push_back(nullptr);
        node = &(*node)[0];
      } else {
        if (!node->is_object()) *node = Json::object();
        node = &(*node)[token];
      }
    }
    *node = value;
  }

  const Json& shapes_;
  Json base_;
  std::vector<Json> general_;
  std::vector<Json> attributeValues_;
  std::set<std::string> paths_;
  std::vector<HostileCase> cases_;
};

}  // namespace dynafake_test
