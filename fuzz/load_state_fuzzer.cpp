// libFuzzer target: dynafake::LoadState, fed snapshots.
//
// A snapshot either loads or is refused with std::invalid_argument, and a
// refused one changes nothing. One that loads must save back to a snapshot
// that loads to the same bytes, and the loaded world must answer every read
// — tables, items, backups, PITR — now and 40 days later (pending
// transitions and SYSTEM backup expiry run), and restore its backups,
// without crash, sanitizer report or an answer other than 200/400.
// Seeds: SaveState output of several worlds (fuzz/seeds.cpp). Mutations are
// snapshot-shaped (json_mutator.hpp): the snapshot is changed as a JSON tree
// (awkward values, members removed, copied or renamed) or as bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <dynafake/wire.hpp>

#include "json_mutator.hpp"

namespace {

using Json = nlohmann::json;

[[noreturn]] void Broken(const std::string& what) {
  std::fprintf(stderr, "load_state fuzzer: %s\n", what.c_str());
  std::abort();
}

Json Ask(dynafake::Wire& wire, const std::string& op, const Json& body) {
  const dynafake::Response r = wire.Handle("DynamoDB_20120810." + op, body.dump());
  if (r.status != 200 && r.status != 400) Broken(op + " answered " + std::to_string(r.status) + ": " + r.body);
  const Json answer = Json::parse(r.body, nullptr, false);
  if (!answer.is_object()) Broken(op + " answered a body that is not a JSON object");
  return r.status == 200 ? answer : Json::object();
}

/// Reads everything the loaded world holds, through the wire.
void ReadAll(dynafake::Wire& wire, int restores) {
  std::vector<std::string> tables;
  for (const auto& t : Ask(wire, "ListTables", Json::object()).value("TableNames", Json::array()))
    if (t.is_string()) tables.push_back(t.get<std::string>());
  for (const auto& t : tables) {
    Ask(wire, "DescribeTable", {{"TableName", t}});
    Ask(wire, "DescribeContinuousBackups", {{"TableName", t}});
    Ask(wire, "Scan", {{"TableName", t}});
    Ask(wire, "ListTagsOfResource", {{"ResourceArn", "arn:aws:dynamodb:us-east-1:123456789012:table/" + t}});
  }
  Json page = {{"BackupType", "ALL"}};
  for (int pages = 0; pages < 50; ++pages) {
    const Json listed = Ask(wire, "ListBackups", page);
    for (const auto& s : listed.value("BackupSummaries", Json::array())) {
      const std::string arn = s.value("BackupArn", "");
      Ask(wire, "DescribeBackup", {{"BackupArn", arn}});
      if (restores-- > 0)
        Ask(wire, "RestoreTableFromBackup",
            {{"BackupArn", arn}, {"TargetTableName", "fuzz-restored-" + std::to_string(restores)}});
    }
    if (!listed.contains("LastEvaluatedBackupArn")) break;
    page["ExclusiveStartBackupArn"] = listed["LastEvaluatedBackupArn"];
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string snapshot(reinterpret_cast<const char*>(data), size);
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  const std::string empty = dynafake::SaveState(service);
  try {
    dynafake::LoadState(service, snapshot);
  } catch (const std::invalid_argument&) {
    if (dynafake::SaveState(service) != empty) Broken("a refused snapshot changed the Service");
    return 0;
  }
  const std::string saved = dynafake::SaveState(service);
  {
    dynafake::ManualClock otherClock;
    dynafake::Service other(otherClock);
    try {
      dynafake::LoadState(other, saved);
    } catch (const std::invalid_argument& e) {
      Broken(std::string("SaveState wrote a snapshot LoadState refuses: ") + e.what());
    }
    if (dynafake::SaveState(other) != saved) Broken("save, load, save gave different bytes");
  }
  dynafake::Wire wire(service);
  ReadAll(wire, 3);
  clock.Advance(std::chrono::hours(24 * 40));
  ReadAll(wire, 0);
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed) {
  return dynafake_fuzz::MutateDocument(data, size, maxSize, seed);
}
