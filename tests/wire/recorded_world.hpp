// The recorded botocore session (tests/data/wire/botocore_requests.jsonl) and
// the service model, as the model-driven suites use them: a valid request of
// every operation, and a world — tables, items, backups, PITR — built by
// replaying the session (the validation matrix, the hostile matrix).
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <dynafake/wire.hpp>

namespace dynafake_test {

using Json = nlohmann::json;

inline Json ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return Json::parse(in);
}

/// tools/dynamodb-2012-08-10-backup-subset.json: the operations served and their shapes.
inline const Json& ServiceModel() {
  static const Json model = ReadJson(DYNAFAKE_SOURCE_DIR "/tools/dynamodb-2012-08-10-backup-subset.json");
  return model;
}

inline std::vector<std::string> ModelOperations() {
  std::vector<std::string> ops;
  for (auto it = ServiceModel().at("operations").begin(); it != ServiceModel().at("operations").end(); ++it)
    ops.push_back(it.key());
  return ops;
}

/// The recorded botocore requests, in order: {"target", "body", "advance_ms", "expect"}.
inline const std::vector<Json>& Recorded() {
  static const std::vector<Json> lines = [] {
    std::vector<Json> out;
    std::ifstream in(DYNAFAKE_SOURCE_DIR "/tests/data/wire/botocore_requests.jsonl");
    if (!in) throw std::runtime_error("cannot read tests/data/wire/botocore_requests.jsonl");
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) out.push_back(Json::parse(line));
    return out;
  }();
  return lines;
}

/// The first recorded request of `op` the service accepted as valid (null when none).
inline Json ValidRequest(const std::string& op) {
  for (const auto& r : Recorded()) {
    const std::string expect = r.at("expect");
    if (r.at("target") == "DynamoDB_20120810." + op && expect != "ValidationException" &&
        expect != "SerializationException")
      return Json::parse(r.at("body").get<std::string>());
  }
  return Json();
}

/// A world with tables, items, backups and PITR: the recorded session replayed.
struct RecordedWorld {
  dynafake::ManualClock clock;
  dynafake::Service service{clock, dynafake::ServiceOptions::Instant()};
  dynafake::Wire wire{service};
  RecordedWorld() {
    for (const auto& r : Recorded()) {
      clock.Advance(std::chrono::milliseconds(r.value("advance_ms", 0LL)));
      wire.Handle(r.at("target").get<std::string>(), r.at("body").get<std::string>());
    }
  }
};

}  // namespace dynafake_test
