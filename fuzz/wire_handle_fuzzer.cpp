// libFuzzer target: dynafake::Wire::Handle, fed sessions of requests.
//
// An input is a session, one request per line, run against a fresh Service
// (ManualClock, ServiceOptions::Instant()) so state built by earlier lines
// (tables, items, backups, PITR) reaches the deeper paths of later ones:
//
//   DynamoDB_20120810.CreateTable {"TableName":"Music",...}   <target> <body>
//   +86400000                                                 move the clock (ms)
//
// Besides crashes and sanitizer reports, it stops on any broken promise of
// the wire: an answer that is not 200/400 (500 means an exception escaped
// the model: no faults are scripted here), a body that is not a JSON object,
// a wrong x-amz-crc32, or a refused request that changed the state
// (SaveState before and after every request but the reads, in one input out
// of four, chosen by the input's bytes so that a finding replays: snapshots
// cost most of the fuzzer's time otherwise). Seeds: fuzz/seeds.cpp (the
// recorded session and the hostile matrix's requests). Mutations are
// structure-aware (json_mutator.hpp): a line's JSON body is changed as a
// tree, its target swapped for another operation, or its bytes mutated.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <dynafake/wire.hpp>

#include "json_mutator.hpp"

namespace {

[[noreturn]] void Broken(const char* what, std::string_view line, const dynafake::Response& r) {
  std::fprintf(stderr, "wire fuzzer: %s\n  request: %.*s\n  answer %d: %.*s\n", what,
               static_cast<int>(std::min<std::size_t>(line.size(), 2000)), line.data(), r.status,
               static_cast<int>(std::min<std::size_t>(r.body.size(), 2000)), r.body.data());
  std::abort();
}

/// Whether `target` names an operation that only reads: the generated
/// OperationTraits<>::kReadOnly of every served operation (so a new one is
/// classified when it is generated), and DescribeEndpoints, which the wire
/// answers itself. Anything else, an unknown target included, is checked.
bool ReadOnly(std::string_view target) {
  const std::string_view prefix = dynafake::kTargetPrefix;
  if (target.size() <= prefix.size() || target.substr(0, prefix.size()) != prefix || target[prefix.size()] != '.')
    return false;
  const std::string_view op = target.substr(prefix.size() + 1);
  if (op == "DescribeEndpoints") return true;
#define DYNAFAKE_FUZZ_READ_ONLY(Op) \
  if (op == #Op) return dynafake::OperationTraits<dynafake::Model::Op##Request>::kReadOnly;
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_FUZZ_READ_ONLY)
#undef DYNAFAKE_FUZZ_READ_ONLY
  return false;
}

void Advance(dynafake::ManualClock& clock, std::string_view digits) {
  long long ms = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') break;
    ms = ms * 10 + (c - '0');
    if (ms > 20LL * 365 * 86400 * 1000) return;  // twenty years at most: keeps times printable
  }
  clock.Advance(std::chrono::milliseconds(ms));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Wire wire(service);
  std::size_t pos = 0;
  int requests = 0;
  std::string state;  // SaveState as of the last change, when not `stale`
  bool stale = true;
  uint32_t hash = 2166136261u;  // FNV-1a of the input: whether this input checks the state
  for (char c : input) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  const bool checkState = hash % 4 == 0;
  while (pos < input.size() && requests < 32) {
    std::size_t end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line[0] == '+') {
      Advance(clock, line.substr(1));
      stale = true;  // due transitions are applied when the Service is next observed
      continue;
    }
    const std::size_t space = line.find(' ');
    const std::string_view target = line.substr(0, space);
    const std::string_view body = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    ++requests;

    const bool check = checkState && !ReadOnly(target);
    if (check && stale) {
      state = dynafake::SaveState(service);
      stale = false;
    }
    const dynafake::Response r = wire.Handle(target, body);
    if (r.status != 200 && r.status != 400) Broken("status other than 200 or 400", line, r);
    const auto parsed = nlohmann::json::parse(r.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) Broken("answer body is not a JSON object", line, r);
    if (r.headers.count("x-amz-crc32") == 0 ||
        r.headers.at("x-amz-crc32") != std::to_string(dynafake::wire::detail::Crc32(r.body)))
      Broken("x-amz-crc32 does not match the body", line, r);
    // SerializationException and TransactionCanceledException carry their text under "Message", as the service
    // writes them; every other error under "message".
    const char* text = parsed.value("__type", "").find("SerializationException") != std::string::npos ||
                               parsed.value("__type", "").find("TransactionCanceledException") != std::string::npos
                           ? "Message"
                           : "message";
    if (r.status != 200 && (!parsed.contains("__type") || !parsed.contains(text)))
      Broken("error without __type and its message", line, r);
    if (check && r.status != 200 && dynafake::SaveState(service) != state)
      Broken("a refused request changed the state", line, r);
    if (r.status == 200) stale = true;
  }
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(uint8_t* data, std::size_t size, std::size_t maxSize, unsigned seed) {
  return dynafake_fuzz::MutateSession(data, size, maxSize, seed);
}
