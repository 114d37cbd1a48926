// dynafake — collects constraint violations and words them as DynamoDB does:
// "1 validation error detected: Value 'ab' at 'backupName' failed to satisfy
// constraint: Member must have length greater than or equal to 3".
#pragma once

#include <cstddef>  // std::size_t
#include <map>      // std::map
#include <string>   // std::string
#include <utility>  // std::move
#include <vector>   // std::vector

#include "dynafake/detail/messages.hpp"  // msg:: (the texts of constraint violations)

namespace dynafake {
namespace detail {

/// Number of Unicode code points in UTF-8 text (the service counts characters, not bytes).
inline std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

inline bool MatchesNamePattern(const std::string& s) {  // [a-zA-Z0-9_.-]+
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

inline bool MatchesUuidPattern(const std::string& s) {  // 8-4-4-4-12 lowercase hex
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// The patterns of the export and import operations' members (the service model's).
inline bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
inline bool MatchesClientTokenPattern(const std::string& s) {  // ^[^\$]+$
  return !s.empty() && s.find('$') == std::string::npos;
}
inline bool MatchesCsvDelimiterPattern(const std::string& s) {  // [,;:|\t ]
  return s.size() == 1 && std::string(",;:|\t ").find(s[0]) != std::string::npos;
}
inline bool MatchesCsvHeaderPattern(const std::string& s) {  // [\x20-\x21\x23-\x2B\x2D-\x7E]*: printable, no '"' or ','
  for (char c : s)
    if (c < 0x20 || c > 0x7E || c == '"' || c == ',') return false;
  return true;
}
inline bool MatchesImportNextTokenPattern(const std::string& s) {  // ([0-9a-f]{16})+
  if (s.empty() || s.size() % 16 != 0) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}
inline bool MatchesS3BucketPattern(const std::string& s) {  // ^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$
  if (s.size() < 2 || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s)
    if (!IsAlnum(c) && c != '.' && c != '-' && c != '_') return false;
  return true;
}
inline bool MatchesS3BucketOwnerPattern(const std::string& s) {  // [0-9]{12}
  if (s.size() != 12) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

inline std::string Join(const std::string& path, const char* member) { return path + "." + member; }

class Validator {
 public:
  void Missing(const std::string& path) { errors_.push_back(msg::NotNull(path)); }

  void Length(const std::string& path, const std::string& value, long long min, long long max) {
    const auto n = static_cast<long long>(CodePoints(value));
    if (min >= 0 && n < min) Fail(Quote(value), path, msg::LengthAtLeast(min));
    if (max >= 0 && n > max) Fail(Quote(value), path, msg::LengthAtMost(max));
  }

  void Pattern(const std::string& path, const std::string& value, bool matches, const char* pattern) {
    if (!matches) Fail(Quote(value), path, msg::MatchesPattern(pattern));
  }

  template <class Container>
  void Count(const std::string& path, const Container& value, long long min, long long max) {
    const auto n = static_cast<long long>(value.size());
    if (min >= 0 && n < min) Fail(Quote(Shown(value)), path, msg::LengthAtLeast(min));
    if (max >= 0 && n > max) Fail(Quote(Shown(value)), path, msg::LengthAtMost(max));
  }

  /// A map with a key outside the key's constraints: one error naming every
  /// rule of the key, as the service words it ("Map keys must satisfy
  /// constraint: [Member must have length less than or equal to 64, Member
  /// must have length greater than or equal to 1, ...]", seen in
  /// boto/boto3#2601). `matches`/`pattern` are null when the key has no pattern.
  template <class Map>
  void MapKeys(const std::string& path, const Map& value, long long min, long long max,
               bool (*matches)(const std::string&), const char* pattern) {
    bool broken = false;
    for (const auto& kv : value) {
      const auto n = static_cast<long long>(CodePoints(kv.first));
      broken = broken || (min >= 0 && n < min) || (max >= 0 && n > max) || (matches && !matches(kv.first));
    }
    if (!broken) return;
    errors_.push_back(
        msg::ConstraintViolation(Quote(Shown(value)), path, msg::MapKeysMust(MemberRules(min, max, pattern))));
  }

  /// A map with a value outside the value's own constraints: one error at the
  /// map, naming every rule of the value, longest first ("Value '{abc=[]}' at
  /// 'requestItems' failed to satisfy constraint: Map value must satisfy
  /// constraint: [Member must have length less than or equal to 25, Member
  /// must have length greater than or equal to 1]", architect/dynalite
  /// test/batchWriteItem.js, recorded against the service; the rule order
  /// with a pattern as another Coral service answers it, SWO-GS/auto-tag#77).
  template <class Map>
  void MapValues(const std::string& path, const Map& value, long long min, long long max,
                 bool (*matches)(const std::string&), const char* pattern) {
    bool broken = false;
    for (const auto& kv : value) {
      const auto n = static_cast<long long>(Size(kv.second));
      broken = broken || (min >= 0 && n < min) || (max >= 0 && n > max) || (matches && !Matches(matches, kv.second));
    }
    if (!broken) return;
    errors_.push_back(
        msg::ConstraintViolation(Quote(Shown(value)), path, msg::MapValuesMust(MemberRules(min, max, pattern))));
  }

  void Range(const std::string& path, long long value, bool hasMin, long long min, bool hasMax, long long max) {
    if (hasMin && value < min) Fail(Quote(std::to_string(value)), path, msg::ValueAtLeast(min));
    if (hasMax && value > max) Fail(Quote(std::to_string(value)), path, msg::ValueAtMost(max));
  }

  void Enum(const std::string& path, bool known, const std::string& name, const char* valueSet) {
    if (!known) Fail(Quote(name.empty() ? std::string("NOT_SET") : name), path, msg::InValueSet(valueSet));
  }

  /// A free-text violation (e.g. two members that exclude each other).
  void Add(std::string message) { free_.push_back(std::move(message)); }

  /// A refusal that is not a ValidationException: the caller may not use the
  /// resource (AccessDeniedException). It is the whole answer.
  void Deny(std::string message) { denied_ = std::move(message); }
  bool Denied() const { return !denied_.empty(); }

  bool Ok() const { return errors_.empty() && free_.empty() && denied_.empty(); }

  /// The most violations one message names: the service counts and lists the
  /// first ten ("10 validation errors detected: ..." for a CreateTable of nine
  /// empty LocalSecondaryIndexes, 27 violations: architect/dynalite
  /// test/createTable.js 'should return ValidationException for 12', recorded
  /// against the service).
  static constexpr std::size_t kMostErrorsNamed = 10;

  /// The message DynamoDB would send.
  std::string Message() const {
    if (!denied_.empty()) return denied_;
    if (errors_.empty()) {
      std::string out;
      for (const auto& f : free_) out += (out.empty() ? "" : "; ") + f;
      return out;
    }
    const std::size_t named = errors_.size() < kMostErrorsNamed ? errors_.size() : kMostErrorsNamed;
    std::string out = msg::ValidationErrors(named);
    for (std::size_t i = 0; i < named; ++i) out += (i ? "; " : "") + errors_[i];
    return out;
  }

 private:
  static std::string Quote(const std::string& v) { return "'" + v + "'"; }
  /// The rules a map's keys or values must meet, longest first, as MapKeys and
  /// MapValues name them: "Member must have length less than or equal to 64, ...".
  /// `pattern` is null when there is none.
  static std::string MemberRules(long long min, long long max, const char* pattern) {
    std::string rules;
    const auto add = [&rules](const std::string& rule) { rules += (rules.empty() ? "" : ", ") + rule; };
    if (max >= 0) add(msg::MemberMust(msg::LengthAtMost(max)));
    if (min >= 0) add(msg::MemberMust(msg::LengthAtLeast(min)));
    if (pattern) add(msg::MemberMust(msg::MatchesPattern(pattern)));
    return rules;
  }

  // A collection as the service prints it (Java's toString): "[a, b]" for
  // strings, "[]" / "{}" when empty. The service prints its own objects by
  // identity ("...KeySchemaElement@1b2c3d"), which no fake can reproduce:
  // those print as a count instead.
  static std::string Shown(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out + "]";
  }
  template <class T>
  static std::string Shown(const std::vector<T>& v) {
    return v.empty() ? "[]" : "[" + std::to_string(v.size()) + " elements]";
  }
  static std::string Shown(const std::map<std::string, std::string>& m) {
    std::string out = "{";
    for (const auto& kv : m) out += (out.size() > 1 ? ", " : "") + kv.first + "=" + kv.second;
    return out + "}";
  }
  template <class T>
  static std::string Shown(const std::map<std::string, T>& m) {
    return m.empty() ? "{}" : "{" + std::to_string(m.size()) + " entries}";
  }
  /// A map of lists as Java prints it, each list as above: "{abc=[]}".
  template <class T>
  static std::string Shown(const std::map<std::string, std::vector<T>>& m) {
    std::string out = "{";
    for (const auto& kv : m) out += (out.size() > 1 ? ", " : "") + kv.first + "=" + Shown(kv.second);
    return out + "}";
  }
  static std::size_t Size(const std::string& s) { return CodePoints(s); }
  template <class C>
  static std::size_t Size(const C& c) {
    return c.size();
  }
  static bool Matches(bool (*matches)(const std::string&), const std::string& s) { return matches(s); }
  template <class C>
  static bool Matches(bool (*)(const std::string&), const C&) {
    return true;
  }
  void Fail(const std::string& value, const std::string& path, const std::string& rule) {
    errors_.push_back(msg::ConstraintViolation(value, path, msg::MemberMust(rule)));
  }

  std::vector<std::string> errors_;
  std::string denied_;
  std::vector<std::string> free_;
};

}  // namespace detail
}  // namespace dynafake
