// dynafake_fuzz_seeds — writes a fuzzer's seed corpus and dictionary from
// real requests and real snapshots, so every run starts from the current
// formats (nothing generated is committed).
//
//   dynafake_fuzz_seeds wire_handle DIR DICT   the botocore-built requests of
//                                              tests/data/wire/botocore_requests.jsonl,
//                                              one per file, and the whole
//                                              session and its prefixes
//   dynafake_fuzz_seeds typed_request DIR DICT the hostile matrix's requests
//                                              (tests/robustness/hostile_cases.hpp),
//                                              a few of every member path, and
//                                              the recorded valid requests
//   dynafake_fuzz_seeds load_state DIR DICT    SaveState of that session at
//                                              several points, and of a world
//                                              with pending transitions
//
// DICT gets libFuzzer dictionary entries: operation targets, member names and
// enum values of the service model, the snapshot's own keys.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <dynafake/wire.hpp>

#include "hostile_cases.hpp"
#include "recorded_world.hpp"

namespace {

using Json = nlohmann::json;

struct Recorded {
  std::string target, body;
  long long advanceMs = 0;
};

std::vector<Recorded> Session() {
  std::vector<Recorded> out;
  std::ifstream in(DYNAFAKE_SOURCE_DIR "/tests/data/wire/botocore_requests.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const Json j = Json::parse(line);
    out.push_back({j.at("target").get<std::string>(), j.at("body").get<std::string>(), j.value("advance_ms", 0LL)});
  }
  if (out.empty()) throw std::runtime_error("no recorded requests found");
  return out;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

void WriteDict(const std::string& path, const std::set<std::string>& tokens) {
  std::string text;
  for (const auto& t : tokens) {
    text += "\"";
    for (char c : t) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        text += '\\';
        text += c;
      } else if (u < 0x20 || u >= 0x7f) {  // libFuzzer's dictionaries take printable ASCII and \xNN
        static const char* hex = "0123456789ABCDEF";
        text += "\\x";
        text += hex[u >> 4];
        text += hex[u & 15];
      } else {
        text += c;
      }
    }
    text += "\"\n";
  }
  WriteFile(path, text);
}

/// Operation targets, member names and enum values of the service model.
std::set<std::string> ModelTokens() {
  std::ifstream in(DYNAFAKE_SOURCE_DIR "/tools/dynamodb-2012-08-10-backup-subset.json");
  const Json model = Json::parse(in);
  std::set<std::string> tokens;
  for (auto it = model.at("operations").begin(); it != model.at("operations").end(); ++it)
    tokens.insert("DynamoDB_20120810." + it.key());
  for (const auto& shape : model.at("shapes")) {
    if (shape.contains("members"))
      for (auto it = shape.at("members").begin(); it != shape.at("members").end(); ++it)
        tokens.insert("\"" + it.key() + "\":");
    if (shape.contains("enum"))
      for (const auto& e : shape.at("enum")) tokens.insert("\"" + e.get<std::string>() + "\"");
  }
  return tokens;
}

void CollectKeys(const Json& j, std::set<std::string>& tokens) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      tokens.insert("\"" + it.key() + "\":");
      CollectKeys(it.value(), tokens);
    }
  } else if (j.is_array()) {
    for (const auto& e : j) CollectKeys(e, tokens);
  }
}

std::string Line(const Recorded& r) { return r.target + " " + r.body + "\n"; }

/// Writes every `stride`-th case of the hostile matrix of every operation, one
/// "Target body" line per file (bodies over 16 KiB left out); returns how many.
int HostileSeeds(const std::string& dir, std::size_t stride) {
  int n = 0;
  for (const auto& op : dynafake_test::ModelOperations()) {
    const Json valid = dynafake_test::ValidRequest(op);
    if (!valid.is_object()) continue;
    WriteFile(dir + "/valid-" + op + ".txt", "DynamoDB_20120810." + op + " " + valid.dump());
    const dynafake_test::HostileCases cases(dynafake_test::ServiceModel(), op, valid);
    for (std::size_t i = 0; i < cases.Cases().size(); i += stride) {
      const auto& c = cases.Cases()[i];
      if (c.body.size() > 16384) continue;
      WriteFile(dir + "/hostile-" + op + "-" + std::to_string(i) + ".txt", "DynamoDB_20120810." + op + " " + c.body);
      ++n;
    }
  }
  return n;
}

int WireSeeds(const std::string& dir, const std::string& dict) {
  const auto session = Session();
  std::string all;
  int n = 0;
  for (const auto& r : session) {
    WriteFile(dir + "/request-" + std::to_string(n) + ".txt", Line(r));
    if (r.advanceMs > 0) all += "+" + std::to_string(r.advanceMs) + "\n";
    all += Line(r);
    if (++n % 10 == 0) WriteFile(dir + "/session-" + std::to_string(n) + ".txt", all);
  }
  WriteFile(dir + "/session.txt", all);
  const int hostile = HostileSeeds(dir, 23);  // the corpus grows from the matrix
  auto tokens = ModelTokens();
  tokens.insert("+3024000000");  // 35 days: SYSTEM backups expire
  WriteDict(dict, tokens);
  std::cout << "wire_handle: " << n << " requests, " << (n / 10 + 1) << " sessions and " << hostile
            << " hostile matrix requests in " << dir << "\n";
  return 0;
}

/// A world in motion: realistic durations, so the snapshot holds tables and
/// backups in CREATING, a restore in progress and a SYSTEM backup.
std::string WorldInMotion() {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  dynafake::Wire wire(service);
  const Json table = {
      {"TableName", "orders"},
      {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}, {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
      {"AttributeDefinitions",
       {{{"AttributeName", "pk"}, {"AttributeType", "S"}}, {{"AttributeName", "sk"}, {"AttributeType", "N"}}}},
      {"BillingMode", "PAY_PER_REQUEST"}};
  auto ask = [&](const std::string& op, Json body) { return wire.Handle("DynamoDB_20120810." + op, body.dump()); };
  ask("CreateTable", table);
  Json other = table;
  other["TableName"] = "archive";
  ask("CreateTable", other);
  clock.Advance(std::chrono::seconds(10));
  ask("UpdateContinuousBackups",
      {{"TableName", "orders"}, {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  for (int i = 0; i < 6; ++i)
    ask("PutItem", {{"TableName", i % 2 ? "orders" : "archive"},
                    {"Item",
                     {{"pk", {{"S", "p" + std::to_string(i)}}},
                      {"sk", {{"N", std::to_string(i)}}},
                      {"tags", {{"SS", {"a", "b"}}}}}}});
  const auto first = Json::parse(ask("CreateBackup", {{"TableName", "orders"}, {"BackupName", "first"}}).body);
  clock.Advance(std::chrono::minutes(2));
  ask("DeleteItem", {{"TableName", "orders"}, {"Key", {{"pk", {{"S", "p1"}}}, {"sk", {{"N", "1"}}}}}});
  ask("CreateBackup", {{"TableName", "archive"}, {"BackupName", "creating"}});
  ask("RestoreTableFromBackup", {{"TargetTableName", "restoring"}, {"BackupArn", first["BackupDetails"]["BackupArn"]}});
  ask("DeleteTable", {{"TableName", "orders"}});
  return dynafake::SaveState(service);
}

int TypedSeeds(const std::string& dir, const std::string& dict) {
  const int n = HostileSeeds(dir, 11);
  WriteDict(dict, ModelTokens());
  std::cout << "typed_request: " << n << " hostile matrix requests in " << dir << "\n";
  return 0;
}

int StateSeeds(const std::string& dir, const std::string& dict) {
  const auto session = Session();
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Wire wire(service);
  std::set<std::string> tokens;
  int n = 0;
  for (std::size_t i = 0; i < session.size(); ++i) {
    clock.Advance(std::chrono::milliseconds(session[i].advanceMs));
    wire.Handle(session[i].target, session[i].body);
    if (i % 8 == 7 || i + 1 == session.size()) {
      const std::string snapshot = dynafake::SaveState(service);
      CollectKeys(Json::parse(snapshot), tokens);
      WriteFile(dir + "/snapshot-" + std::to_string(n++) + ".json", snapshot);
    }
  }
  const std::string moving = WorldInMotion();
  CollectKeys(Json::parse(moving), tokens);
  WriteFile(dir + "/snapshot-in-motion.json", moving);
  for (const char* t : {"CREATING", "ACTIVE", "DELETING", "AVAILABLE", "USER", "SYSTEM", "AWS_BACKUP", "TableSettled",
                        "TableGone", "BackupAvailable", "BackupExpired", "dynafake-state"})
    tokens.insert(std::string("\"") + t + "\"");
  WriteDict(dict, tokens);
  std::cout << "load_state: " << n + 1 << " snapshots in " << dir << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: dynafake_fuzz_seeds wire_handle|typed_request|load_state DIR DICT\n";
    return 2;
  }
  const std::string which = argv[1];
  try {
    std::filesystem::create_directories(argv[2]);
    if (which == "wire_handle") return WireSeeds(argv[2], argv[3]);
    if (which == "load_state") return StateSeeds(argv[2], argv[3]);
    if (which == "typed_request") return TypedSeeds(argv[2], argv[3]);
  } catch (const std::exception& e) {
    std::cerr << "dynafake_fuzz_seeds: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "dynafake_fuzz_seeds: no seeds for '" << which << "'\n";
  return 2;
}
