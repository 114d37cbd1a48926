// Replays the requests botocore serialised (tests/data/wire/botocore_requests.jsonl,
// written by tests/python/test_wire_golden.py --write-fixtures) through Wire,
// so the bytes real SDKs send are checked even where Python is not installed.
#include <gtest/gtest.h>

#include <chrono>   // std::chrono::milliseconds
#include <fstream>  // std::ifstream
#include <string>   // std::string

#include "dynafake/wire.hpp"

namespace dynafake {
namespace {

using wire::Json;

std::string DataDir() {
#ifdef DYNAFAKE_TEST_DATA_DIR
  return DYNAFAKE_TEST_DATA_DIR;
#else
  const std::string self = __FILE__;  // .../tests/wire/fixtures_test.cpp -> .../tests/data
  const auto slash = self.find_last_of('/');
  return (slash == std::string::npos ? std::string(".") : self.substr(0, slash)) + "/../data";
#endif
}

TEST(WireFixtures, BotocoreRequestsGetTheExpectedAnswers) {
  const std::string path = DataDir() + "/wire/botocore_requests.jsonl";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path;
  // The same world the golden script talks to (tests/wire/cli/wire_cli.cpp).
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  Wire wire(service);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++n;
    const Json request = Json::parse(line);
    SCOPED_TRACE(request.dump().substr(0, 200));
    clock.Advance(std::chrono::milliseconds(request.value("advance_ms", 0LL)));
    const Response r = wire.Handle(request["target"].get<std::string>(), request["body"].get<std::string>());
    const std::string expect = request["expect"];
    if (expect == "ok") {
      EXPECT_EQ(r.status, 200) << r.body;
    } else {
      EXPECT_NE(r.status, 200);
      const Json body = Json::parse(r.body);
      const std::string type = body.value("__type", "");
      EXPECT_EQ(type.substr(type.find('#') + 1), expect) << r.body;
    }
  }
  EXPECT_GT(n, 30);
}

}  // namespace
}  // namespace dynafake
