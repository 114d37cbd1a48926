// dynafake_wire_cli — answers DynamoDB JSON requests with dynafake::Wire, for
// scripts that want to talk to dynafake without HTTP (tests/python/test_wire_golden.py).
//
//   dynafake_wire_cli TARGET [BODY]    one request; BODY defaults to stdin.
//                                      Prints the status line, then the body.
//   dynafake_wire_cli --lines          many requests against one Service:
//                                      each stdin line is
//                                      {"target": "...", "body": "...", "advance_ms": N?}
//                                      each stdout line is
//                                      {"status": N, "headers": {...}, "body": "..."}
//
// The Service runs on a ManualClock at its default start with
// ServiceOptions::Instant(); "advance_ms" moves the clock before the request.
#include <chrono>    // std::chrono::milliseconds
#include <cstdio>    // std::fflush
#include <iostream>  // std::cin, std::cout
#include <iterator>  // std::istreambuf_iterator
#include <string>    // std::string

#include <nlohmann/json.hpp>

#include "dynafake/wire.hpp"

int main(int argc, char** argv) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Wire wire(service);
  const std::string first = argc > 1 ? argv[1] : "";
  if (first == "--lines") {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.empty()) continue;
      const auto request = nlohmann::json::parse(line, nullptr, false);
      if (!request.is_object() || !request.contains("target") || !request.contains("body")) {
        std::cerr << "dynafake_wire_cli: bad request line: " << line << "\n";
        return 2;
      }
      if (request.contains("advance_ms"))
        clock.Advance(std::chrono::milliseconds(request["advance_ms"].get<long long>()));
      const dynafake::Response r =
          wire.Handle(request["target"].get<std::string>(), request["body"].get<std::string>());
      const nlohmann::json answer{{"status", r.status}, {"headers", r.headers}, {"body", r.body}};
      std::cout << answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    }
    return 0;
  }
  if (argc < 2 || first == "--help" || first == "-h") {
    std::cerr << "usage: dynafake_wire_cli TARGET [BODY]   (BODY defaults to stdin)\n"
                 "       dynafake_wire_cli --lines         (JSON lines on stdin, see the source)\n";
    return argc < 2 ? 2 : 0;
  }
  const std::string body =
      argc > 2 ? std::string(argv[2])
               : std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  const dynafake::Response r = wire.Handle(first, body);
  std::cout << r.status << "\n" << r.body << "\n";
  return 0;
}
