// Requests that break exactly one constraint of the DynamoDB service model,
// derived from the model itself (tools/dynamodb-2012-08-10-backup-subset.json)
// and from a valid request of each operation, with the ValidationException
// message the service answers each with.
//
// Message form (Coral's validation, as DynamoDB answers): "1 validation error
// detected: Value '<value>' at '<path>' failed to satisfy constraint: Member
// must <rule>", paths in lowerCamelCase, list elements as "<list>.<n>.member".
// Values are printed as Java prints them: an empty list '[]' (seen from
// DynamoDB: "Value '[]' at 'keySchema' failed to satisfy constraint: Member
// must have length greater than or equal to 1", issue #5 of
// mandarzope/loopback-connector-dynamodb), a list of strings '[a, b]', a map
// '{k=v}'. Where Java would print an object's identity
// ("...PhysicalTable@cdda30d") no fake can match it, and the case accepts any
// value there. Map keys: "Map keys must satisfy constraint: [<every rule of
// the key>]" (as AWS answers, e.g. boto/boto3#2601).
#pragma once

#include <dynafake/generated/enums.hpp>  // Model::ValueSetOf
#include <nlohmann/json.hpp>

#include <regex>  // the model's patterns (short values only)
#include <string>
#include <vector>

namespace dynafake_test {

using Json = nlohmann::json;

/// One request breaking one constraint, and the answer it must get.
struct ConstraintCase {
  std::string what;                 ///< e.g. "backupName: length below 3"
  Json body;                        ///< the request
  std::vector<std::string> errors;  ///< the violations, in the service's order; "\x01" stands for any value
};

class ConstraintCases {
 public:
  ConstraintCases(const Json& model, std::string operation, Json validRequest)
      : shapes_(model.at("shapes")), op_(std::move(operation)), base_(std::move(validRequest)) {
    const std::string input = model.at("operations").at(op_).at("input").at("shape").get<std::string>();
    Structure(input, base_, Json::json_pointer(), "", 0);
  }

  const std::vector<ConstraintCase>& Cases() const { return cases_; }

  /// Text of the message the service sends for these violations.
  static std::string Message(const std::vector<std::string>& errors) {
    std::string out = std::to_string(errors.size()) +
                      (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    for (std::size_t i = 0; i < errors.size(); ++i) out += (i ? "; " : "") + errors[i];
    return out;
  }

  /// Whether `message` is Message(errors), where "\x01" in errors matches any
  /// value (a run of characters without a quote). No std::regex: the
  /// messages hold values of 64 KiB, which its recursive matcher cannot take.
  static bool Matches(const std::string& message, const std::vector<std::string>& errors) {
    const std::string expected = Message(errors);
    std::size_t m = 0;
    for (std::size_t e = 0; e < expected.size(); ++e) {
      if (expected[e] == kAny) {
        while (m < message.size() && message[m] != '\'') ++m;
      } else if (m >= message.size() || message[m++] != expected[e]) {
        return false;
      }
    }
    return m == message.size();
  }

 private:
  static constexpr char kAny = '\x01';

  const Json& Shape(const std::string& name) const { return shapes_.at(name); }
  static std::string LowerCamel(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
  }

  /// A value of `shape` that satisfies every constraint.
  Json Valid(const std::string& shape, int depth = 0) const {
    const Json& s = Shape(shape);
    const std::string type = s.at("type");
    if (type == "string") {
      if (s.contains("enum")) return s.at("enum").at(0);
      if (s.value("pattern", "") == "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        return "0123abcd-0123-4567-89ab-0123456789ab";
      return std::string(static_cast<std::size_t>(std::max<long long>(s.value("min", 1LL), 1)), 'a');
    }
    if (type == "boolean") return true;
    if (type == "integer" || type == "long") return std::max<long long>(s.value("min", 1LL), 1);
    if (type == "double") return 1.0;
    if (type == "timestamp") return 1767225600;
    if (type == "blob") return "AA==";
    if (type == "list") {
      Json a = Json::array();
      for (long long i = 0; i < std::max<long long>(s.value("min", 1LL), 1); ++i)
        a.push_back(Valid(s.at("member").at("shape"), depth + 1));
      return a;
    }
    if (type == "map") {
      Json m = Json::object();
      for (long long i = 0; i < std::max<long long>(s.value("min", 1LL), 1); ++i)
        m["k" + std::to_string(i)] = Valid(s.at("value").at("shape"), depth + 1);
      return m;
    }
    if (shape == "AttributeValue") return Json{{"S", "x"}};
    Json o = Json::object();
    for (const auto& r : s.value("required", Json::array())) {
      const std::string member = r.get<std::string>();
      o[member] = Valid(s.at("members").at(member).at("shape"), depth + 1);
    }
    return o;
  }

  void Add(std::string what, Json body, std::vector<std::string> errors) {
    cases_.push_back(ConstraintCase{op_ + " " + std::move(what), std::move(body), std::move(errors)});
  }

  static std::string Quoted(const std::string& value) { return "'" + value + "'"; }
  static std::string Fails(const std::string& value, const std::string& path, const std::string& rule) {
    return "Value " + value + " at '" + path + "' failed to satisfy constraint: " + rule;
  }

  /// How Java prints a JSON value the service decoded: strings as they are,
  /// lists "[a, b]", maps "{k=v}"; a structure has only an identity (any value).
  std::string JavaText(const std::string& shape, const Json& v) const {
    const Json& s = Shape(shape);
    const std::string type = s.at("type");
    if (type == "string") return v.get<std::string>();
    if (type == "integer" || type == "long") return std::to_string(v.get<long long>());
    if (type == "list" || type == "map") {
      const bool list = type == "list";
      std::string out = list ? "[" : "{";
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string inner = JavaText(
            list ? s.at("member").at("shape").get<std::string>() : s.at("value").at("shape").get<std::string>(), *it);
        if (inner == std::string(1, kAny)) return std::string(1, kAny);
        out += (first ? "" : ", ") + (list ? inner : it.key() + "=" + inner);
        first = false;
      }
      return out + (list ? "]" : "}");
    }
    return std::string(1, kAny);
  }

  /// The rules a string value breaks, in the service's order (pattern, then length: architect/dynalite
  /// test/listTables.js, recorded against the service).
  /// The shape's pattern, matched by libstdc++'s breadth-first executor
  /// (__polynomial): its default depth-first one recurses once per character and
  /// overflows the stack on a value of 65 537 characters (CsvHeader's max + 1).
  static std::regex Pattern(const Json& s) {
    return std::regex(s.at("pattern").get<std::string>(), std::regex::ECMAScript | std::regex_constants::__polynomial);
  }

  static std::vector<std::string> StringRules(const Json& s, const std::string& v) {
    std::vector<std::string> broken;
    if (s.contains("pattern") && !std::regex_match(v, Pattern(s)))
      broken.push_back("Member must satisfy regular expression pattern: " + s.at("pattern").get<std::string>());
    std::size_t n = 0;
    for (unsigned char c : v) n += (c & 0xC0) != 0x80;
    if (s.contains("min") && static_cast<long long>(n) < s.at("min").get<long long>())
      broken.push_back("Member must have length greater than or equal to " +
                       std::to_string(s.at("min").get<long long>()));
    if (s.contains("max") && static_cast<long long>(n) > s.at("max").get<long long>())
      broken.push_back("Member must have length less than or equal to " + std::to_string(s.at("max").get<long long>()));
    return broken;
  }

  /// Cases for the constraints of the value at `at` (of `shape`) in `body`.
  void Value(const std::string& shape, const Json& body, const Json::json_pointer& at, const std::string& path) {
    const Json& s = Shape(shape);
    const std::string type = s.at("type");
    auto with = [&](const Json& value) {
      Json b = body;
      b[at] = value;
      return b;
    };
    if (type == "string" && s.contains("enum")) {
      std::string set;
      for (const auto& e : s.at("enum")) set += (set.empty() ? "" : ", ") + e.get<std::string>();
      set = "[" + set + "]";
      // the service lists some enums in its own order (tools/model.py PRINTED_VALUE_SETS, which
      // the generator checks against the model's values)
      if (const char* printed = dynafake::Model::ValueSetOf(shape)) set = printed;
      Add(path + ": not in the enum", with("NOT_A_VALUE"),
          {Fails("'NOT_A_VALUE'", path, "Member must satisfy enum value set: " + set)});
    } else if (type == "string") {
      std::vector<std::pair<std::string, std::string>> values;
      if (s.value("min", 0LL) > 0)
        values.emplace_back("length below min",
                            std::string(static_cast<std::size_t>(s.at("min").get<long long>() - 1), 'a'));
      if (s.contains("max"))
        values.emplace_back("length above max",
                            std::string(static_cast<std::size_t>(s.at("max").get<long long>() + 1), 'a'));
      if (s.contains("pattern")) {
        // the first of a few characters that the pattern refuses in the middle
        // of a valid value ('!' for most; '$' for ClientToken's ^[^\$]+$)
        const std::regex pattern = Pattern(s);
        for (char c : {'!', '$', '"', ','}) {
          std::string v = Valid(shape).get<std::string>();
          v[v.size() / 2] = c;
          if (std::regex_match(v, pattern)) continue;
          values.emplace_back("outside the pattern", v);
          break;
        }
      }
      for (const auto& kv : values) {
        std::vector<std::string> errors;
        for (const auto& rule : StringRules(s, kv.second)) errors.push_back(Fails(Quoted(kv.second), path, rule));
        Add(path + ": " + kv.first, with(kv.second), errors);
      }
    } else if (type == "integer" || type == "long") {
      if (s.contains("min")) {
        const long long v = s.at("min").get<long long>() - 1;
        Add(path + ": below min", with(v),
            {Fails(Quoted(std::to_string(v)), path,
                   "Member must have value greater than or equal to " + std::to_string(v + 1))});
      }
      if (s.contains("max")) {
        const long long v = s.at("max").get<long long>() + 1;
        Add(path + ": above max", with(v),
            {Fails(Quoted(std::to_string(v)), path,
                   "Member must have value less than or equal to " + std::to_string(v - 1))});
      }
    } else if (type == "list" || type == "map") {
      const bool list = type == "list";
      const std::string inner = list ? s.at("member").at("shape") : s.at("value").at("shape");
      auto sized = [&](long long n) {
        Json c = list ? Json::array() : Json::object();
        for (long long i = 0; i < n; ++i) {
          if (list)
            c.push_back(Valid(inner));
          else
            c["k" + std::to_string(i)] = Valid(inner);
        }
        return c;
      };
      if (s.value("min", 0LL) > 0) {
        const Json c = sized(s.at("min").get<long long>() - 1);
        Add(path + ": fewer elements than min", with(c),
            {Fails(
                Quoted(JavaText(shape, c)), path,
                "Member must have length greater than or equal to " + std::to_string(s.at("min").get<long long>()))});
      }
      if (s.contains("max")) {
        const Json c = sized(s.at("max").get<long long>() + 1);
        Add(path + ": more elements than max", with(c),
            {Fails(Quoted(JavaText(shape, c)), path,
                   "Member must have length less than or equal to " + std::to_string(s.at("max").get<long long>()))});
      }
      if (!list) MapKey(s, shape, body, at, path);
    }
  }

  /// A map whose key breaks the key shape's constraints.
  void MapKey(const Json& s, const std::string& shape, const Json& body, const Json::json_pointer& at,
              const std::string& path) {
    const Json& key = Shape(s.at("key").at("shape"));
    std::string bad;
    if (key.value("min", 0LL) > 0)
      bad = "";
    else if (key.contains("max"))
      bad = std::string(static_cast<std::size_t>(key.at("max").get<long long>() + 1), 'a');
    else
      return;
    std::vector<std::string> rules;  // every rule of the key, in the order AWS lists them
    if (key.contains("max"))
      rules.push_back("Member must have length less than or equal to " +
                      std::to_string(key.at("max").get<long long>()));
    if (key.contains("min"))
      rules.push_back("Member must have length greater than or equal to " +
                      std::to_string(key.at("min").get<long long>()));
    if (key.contains("pattern"))
      rules.push_back("Member must satisfy regular expression pattern: " + key.at("pattern").get<std::string>());
    std::string list;
    for (const auto& r : rules) list += (list.empty() ? "" : ", ") + r;
    Json b = body;
    Json m = b[at].is_object() && !b[at].empty() ? b[at] : Valid(shape);
    const Json first = m.begin().value();
    m.erase(m.begin());
    m[bad] = first;
    b[at] = m;
    Add(path + ": map key breaks its constraints", b,
        {Fails(Quoted(JavaText(shape, m)), path, "Map keys must satisfy constraint: [" + list + "]")});
  }

  /// Cases for every member of the structure at `at`, and below it.
  void Structure(const std::string& shape, const Json& body, const Json::json_pointer& at, const std::string& path,
                 int depth) {
    if (shape == "AttributeValue" || depth > 8) return;
    const Json& s = Shape(shape);
    const Json required = s.value("required", Json::array());
    for (auto it = s.at("members").begin(); it != s.at("members").end(); ++it) {
      const std::string member = it.key();
      const std::string mshape = it.value().at("shape");
      const std::string mpath = path.empty() ? LowerCamel(member) : path + "." + LowerCamel(member);
      const Json::json_pointer mat = at / member;
      if (std::find(required.begin(), required.end(), member) != required.end()) {
        Json b = body;
        b[at].erase(member);
        Add(mpath + ": missing", b, {Fails("null", mpath, "Member must not be null")});
      }
      Json b = body;
      if (!b.contains(mat)) b[mat] = Valid(mshape);
      Value(mshape, b, mat, mpath);
      Below(mshape, b, mat, mpath, depth);
    }
  }

  /// Recurses into the elements of a list or map, or a structure.
  void Below(const std::string& shape, Json body, const Json::json_pointer& at, const std::string& path, int depth) {
    const Json& s = Shape(shape);
    const std::string type = s.at("type");
    if (type == "structure") {
      Structure(shape, body, at, path, depth + 1);
    } else if (type == "list") {
      if (body[at].empty()) body[at] = Valid(shape);
      const std::string inner = s.at("member").at("shape");
      Value(inner, body, at / 0, path + ".1.member");
      Below(inner, body, at / 0, path + ".1.member", depth + 1);
    } else if (type == "map") {
      if (body[at].empty()) body[at] = Valid(shape);
      const std::string key = body[at].begin().key();
      const std::string inner = s.at("value").at("shape");
      if (!MapValue(shape, body, at, path)) Value(inner, body, at / key, path + "." + key + ".member");
      Below(inner, body, at / key, path + "." + key + ".member", depth + 1);
    }
  }

  /// A map whose value breaks the value shape's own length or pattern: one
  /// error at the map, "Map value must satisfy constraint: [<every rule of the
  /// value, longest first>]" (architect/dynalite test/batchWriteItem.js, recorded
  /// against the service; the pattern last, as SWO-GS/auto-tag#77 quotes another
  /// Coral service). False when the value shape has no such rule of its own.
  bool MapValue(const std::string& shape, const Json& body, const Json::json_pointer& at, const std::string& path) {
    const Json& value = Shape(Shape(shape).at("value").at("shape"));
    const std::string type = value.at("type");
    if ((type != "string" && type != "list" && type != "map") || value.contains("enum") ||
        !(value.contains("min") || value.contains("max") || value.contains("pattern")))
      return false;
    std::string rules;
    const auto add = [&rules](const std::string& rule) { rules += (rules.empty() ? "" : ", ") + rule; };
    if (value.contains("max"))
      add("Member must have length less than or equal to " + std::to_string(value.at("max").get<long long>()));
    if (value.contains("min"))
      add("Member must have length greater than or equal to " + std::to_string(value.at("min").get<long long>()));
    if (value.contains("pattern"))
      add("Member must satisfy regular expression pattern: " + value.at("pattern").get<std::string>());
    auto sized = [&](long long n) {
      if (type == "string") return Json(std::string(static_cast<std::size_t>(n), 'a'));
      Json c = type == "list" ? Json::array() : Json::object();
      const std::string element = type == "list" ? value.at("member").at("shape") : value.at("value").at("shape");
      for (long long i = 0; i < n; ++i) {
        if (type == "list")
          c.push_back(Valid(element));
        else
          c["k" + std::to_string(i)] = Valid(element);
      }
      return c;
    };
    auto add_case = [&](const std::string& what, const Json& broken) {
      Json b = body;
      b[at][b[at].begin().key()] = broken;
      Add(path + ": map value " + what, b,
          {Fails(Quoted(JavaText(shape, b[at])), path, "Map value must satisfy constraint: [" + rules + "]")});
    };
    if (value.value("min", 0LL) > 0) add_case("below min", sized(value.at("min").get<long long>() - 1));
    if (value.contains("max")) add_case("above max", sized(value.at("max").get<long long>() + 1));
    return true;
  }

  const Json& shapes_;
  std::string op_;
  Json base_;
  std::vector<ConstraintCase> cases_;
};

}  // namespace dynafake_test
