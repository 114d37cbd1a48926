// Shared setup for the data-plane suites: a "music" table with a sort key, a
// local and a global secondary index, values written compactly, and one line
// per item so whole results compare as strings.
#pragma once

#include "fixtures.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dynafake_test {
namespace data {

using Item = std::map<std::string, M::AttributeValue>;

inline M::AttributeValue S(const std::string& s) { return M::AttributeValue().SetS(s); }
inline M::AttributeValue N(const std::string& n) { return M::AttributeValue().SetN(n); }
inline M::AttributeValue B(const std::string& b) { return M::AttributeValue().SetB(dynafake::ByteBuffer(b)); }
inline M::AttributeValue Bool(bool b) { return M::AttributeValue().SetBool(b); }
inline M::AttributeValue SS(const std::vector<std::string>& v) { return M::AttributeValue().SetSS(v); }
inline M::AttributeValue NS(const std::vector<std::string>& v) { return M::AttributeValue().SetNS(v); }
inline M::AttributeValue L(const std::vector<M::AttributeValue>& v) {
  M::AttributeValue out;
  out.SetL({});
  for (const auto& e : v) out.AddLItem(e);
  return out;
}
inline M::AttributeValue Map(const std::vector<std::pair<std::string, M::AttributeValue>>& v) {
  M::AttributeValue out;
  out.SetM({});
  for (const auto& e : v) out.AddMEntry(e.first, e.second);
  return out;
}

/// One line: {a: S x, l: L [N 1], m: M {b: BOOL true}}.
std::string Show(const M::AttributeValue& v);
inline std::string Show(const Item& item) {
  std::string out = "{";
  for (const auto& kv : item) out += (out.size() > 1 ? ", " : "") + kv.first + ": " + Show(kv.second);
  return out + "}";
}
inline std::string Show(const std::vector<Item>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "\n") + Show(i);
  return out;
}
inline std::string Show(const M::AttributeValue& v) {
  using M::ValueType;
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
    case ValueType::BYTEBUFFER_SET:
      return "BS";
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

/// The values of one attribute across items, comma-separated ("-" where absent).
inline std::string Column(const std::vector<Item>& items, const std::string& attribute) {
  std::string out;
  for (const auto& i : items) {
    auto it = i.find(attribute);
    std::string v = it == i.end()                                  ? "-"
                    : it->second.GetType() == M::ValueType::NUMBER ? it->second.GetN()
                                                                   : it->second.GetS();
    out += (out.empty() ? "" : ", ") + v;
  }
  return out;
}

inline M::KeySchemaElement Hash(const std::string& n) {
  return M::KeySchemaElement().WithAttributeName(n).WithKeyType(M::KeyType::HASH);
}
inline M::KeySchemaElement Range(const std::string& n) {
  return M::KeySchemaElement().WithAttributeName(n).WithKeyType(M::KeyType::RANGE);
}
inline M::AttributeDefinition Def(const std::string& n, M::ScalarAttributeType t) {
  return M::AttributeDefinition().WithAttributeName(n).WithAttributeType(t);
}

/// "music": artist (S) / song (S); LSI "byYear" on year (N), KEYS_ONLY; GSI
/// "byGenre" on genre (S) / plays (N) projecting "title".
inline M::CreateTableRequest MusicTable(const std::string& name = "music") {
  return M::CreateTableRequest()
      .WithTableName(name)
      .WithKeySchema({Hash("artist"), Range("song")})
      .WithAttributeDefinitions({Def("artist", M::ScalarAttributeType::S), Def("song", M::ScalarAttributeType::S),
                                 Def("year", M::ScalarAttributeType::N), Def("genre", M::ScalarAttributeType::S),
                                 Def("plays", M::ScalarAttributeType::N)})
      .WithLocalSecondaryIndexes(
          {M::LocalSecondaryIndex()
               .WithIndexName("byYear")
               .WithKeySchema({Hash("artist"), Range("year")})
               .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::KEYS_ONLY))})
      .WithGlobalSecondaryIndexes(
          {M::GlobalSecondaryIndex()
               .WithIndexName("byGenre")
               .WithKeySchema({Hash("genre"), Range("plays")})
               .WithProjection(
                   M::Projection().WithProjectionType(M::ProjectionType::INCLUDE).WithNonKeyAttributes({"title"}))})
      .WithBillingMode(M::BillingMode::PAY_PER_REQUEST);
}

/// "scores": player (S) / score (N), no index.
inline M::CreateTableRequest ScoresTable() {
  return M::CreateTableRequest()
      .WithTableName("scores")
      .WithKeySchema({Hash("player"), Range("score")})
      .WithAttributeDefinitions({Def("player", M::ScalarAttributeType::S), Def("score", M::ScalarAttributeType::N)})
      .WithBillingMode(M::BillingMode::PAY_PER_REQUEST);
}

class DataPlaneTest : public ServiceTest {
 protected:
  void Create(const M::CreateTableRequest& r) {
    auto out = client->CreateTable(r);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    clock.Advance(service.Options().durations.tableCreate);
  }
  void Put(const std::string& table, const Item& item) {
    auto out = client->PutItem(M::PutItemRequest().WithTableName(table).WithItem(item));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  /// Eight songs by two artists; genre and plays on most, title on all.
  void SeedMusic() {
    Create(MusicTable());
    const struct {
      const char* artist;
      const char* song;
      const char* year;
      const char* genre;
      const char* plays;
    } songs[] = {
        {"abba", "chiquitita", "1979", "pop", "300"},   {"abba", "dancing queen", "1976", "pop", "900"},
        {"abba", "fernando", "1976", nullptr, nullptr}, {"abba", "mamma mia", "1975", "pop", "700"},
        {"abba", "waterloo", "1974", "pop", "80"},      {"queen", "bohemian rhapsody", "1975", "rock", "1000"},
        {"queen", "innuendo", "1991", "rock", "70"},    {"queen", "mamma mia", "1975", "opera", "5"},
    };
    for (const auto& s : songs) {
      Item item{{"artist", S(s.artist)},
                {"song", S(s.song)},
                {"year", N(s.year)},
                {"title", S(s.song)},
                {"lyrics", S("la la")}};
      if (s.genre) item["genre"] = S(s.genre);
      if (s.plays) item["plays"] = N(s.plays);
      Put("music", item);
    }
  }
};

}  // namespace data
}  // namespace dynafake_test
