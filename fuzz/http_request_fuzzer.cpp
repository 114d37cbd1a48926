// libFuzzer target: the HTTP request path of dynafake-server without the
// socket. The input is the byte stream a client sends on one connection.
//
// 1. It is parsed twice, whole and one byte at a time: both must yield the
//    same requests and the same error (the parser may not depend on how
//    bytes are split across reads).
// 2. Each request is answered by HttpServer::Handle (routes, admin units,
//    wire, Service) and serialized; the answer must be a real status.
// Every input starts from an empty world, so a finding replays alone.
//
//   CXX=clang++ cmake -S . -B build-fuzz -DDYNAFAKE_BUILD_FUZZERS=ON
//   cmake --build build-fuzz --target fuzz_http_request
//   build-fuzz/fuzz/fuzz_http_request -max_total_time=600 -max_len=65536 corpus-dir fuzz/corpus/http_request
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "dynafake/http.hpp"

namespace {

struct Outcome {
  std::vector<dynafake::http::Request> requests;
  int error = 0;
};

Outcome ParseAll(const std::string& input, std::size_t step, const dynafake::http::Limits& limits) {
  dynafake::http::RequestParser parser(limits);
  Outcome out;
  std::string buffer;
  for (std::size_t at = 0; at < input.size() && out.error == 0; at += step) {
    buffer.append(input, at, step);
    while (true) {
      const auto status = parser.Parse(buffer);
      if (status == dynafake::http::RequestParser::Status::Complete) {
        out.requests.push_back(parser.TakeRequest());
        continue;
      }
      if (status == dynafake::http::RequestParser::Status::Error) out.error = parser.ErrorStatus();
      break;
    }
  }
  return out;
}

bool Same(const dynafake::http::Request& a, const dynafake::http::Request& b) {
  return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query &&
         a.minorVersion == b.minorVersion && a.headers == b.headers && a.body == b.body && a.keepAlive == b.keepAlive;
}

dynafake::HttpServer& Server() {
  static dynafake::HttpServer* server = [] {
    dynafake::ServerConfig config;
    config.http.maxRequestBytes = 1 << 20;
    return new dynafake::HttpServer(config);  // never started: Handle() needs no socket
  }();
  return *server;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  dynafake::http::Limits limits;
  limits.maxHeaderBytes = 8192;
  limits.maxHeaderCount = 64;
  limits.maxBodyBytes = 1 << 20;
  const Outcome whole = ParseAll(input, input.size() + 1, limits);
  const Outcome bytewise = ParseAll(input, 1, limits);
  if (whole.error != bytewise.error || whole.requests.size() != bytewise.requests.size()) std::abort();
  for (std::size_t i = 0; i < whole.requests.size(); ++i)
    if (!Same(whole.requests[i], bytewise.requests[i])) std::abort();
  if (whole.error != 0 && (whole.error < 400 || whole.error > 505)) std::abort();

  dynafake::HttpServer& server = Server();
  server.ResetWorld();
  std::string wire;
  for (const auto& request : whole.requests) {
    const dynafake::http::HttpResponse response = server.Handle(request);
    if (response.status < 200 || response.status > 599) std::abort();
    dynafake::http::AppendResponse(wire, response, request.keepAlive, request.minorVersion == 0,
                                   request.method == "HEAD");
  }
  return 0;
}
