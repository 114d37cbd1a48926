// libFuzzer target: the typed request path — a request decoded into its
// aws-sdk-cpp-shaped Model::XRequest and given to the Service directly, as a
// C++ test's Client calls it (no answer is written to JSON).
//
// An input is one line, "DynamoDB_20120810.<Operation> <JSON body>", run
// against the world the recorded botocore session builds (tables with items
// and indexes, PITR, backups), so mutated requests meet real state. Besides
// crashes and sanitizer reports it stops on a broken promise of the typed
// path: an exception out of the Service, an error without the service's
// exception name or message, an internal error, or a refused request that
// changed the state (SaveState before and after). A request that succeeds
// and changes the state is undone. Mutations are structure-aware
// (json_mutator.hpp); seeds: the hostile matrix's requests (fuzz/seeds.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <dynafake/wire.hpp>

#include "json_mutator.hpp"
#include "recorded_world.hpp"

namespace {

[[noreturn]] void Broken(const std::string& what, std::string_view input) {
  std::fprintf(stderr, "typed request fuzzer: %s\n  request: %.*s\n", what.c_str(),
               static_cast<int>(std::min<std::size_t>(input.size(), 2000)), input.data());
  std::abort();
}

struct World {
  dynafake_test::RecordedWorld world;
  std::string state = dynafake::SaveState(world.service);
};

World& TheWorld() {
  static World w;
  return w;
}

template <class Request>
void Run(std::string_view body, std::string_view input) {
  Request request;
  try {
    if (!dynafake::wire::ReadJson(body, request))
      dynafake::wire::FromJson(dynafake::wire::detail::ParseBody(body), request, std::string());
  } catch (const dynafake::wire::DecodeError&) {
    return;  // a SerializationException: the wire fuzzer's business
  }
  World& w = TheWorld();
  bool ok = false;
  try {
    const auto outcome = w.world.service.Invoke(request);
    ok = outcome.IsSuccess();
    if (!ok) {
      const dynafake::DynamoDBError& e = outcome.GetError();
      if (e.GetExceptionName().empty() || e.GetMessage().empty()) Broken("an error without its name or message", input);
      if (e.GetErrorType() == dynafake::DynamoDBErrors::INTERNAL_FAILURE) Broken("an internal error", input);
    }
  } catch (const std::exception& e) {
    Broken(std::string("an exception out of the Service: ") + e.what(), input);
  }
  const std::string after = dynafake::SaveState(w.world.service);
  if (after == w.state) return;
  if (!ok) Broken("a refused request changed the state", input);
  dynafake::LoadState(w.world.service, w.state);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t space = input.find(' ');
  if (space == std::string_view::npos) return 0;
  const std::string_view target = input.substr(0, space), body = input.substr(space + 1);
  const std::string_view prefix = "DynamoDB_20120810.";
  if (target.substr(0, prefix.size()) != prefix) return 0;
  const std::string_view op = target.substr(prefix.size());
#define DYNAFAKE_TYPED_DISPATCH(Op) \
  if (op == #Op) Run<dynafake::Model::Op##Request>(body, input);
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_TYPED_DISPATCH)
#undef DYNAFAKE_TYPED_DISPATCH
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed) {
  return dynafake_fuzz::MutateSession(data, size, maxSize, seed);
}
