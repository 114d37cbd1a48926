// dynafake — the DynamoDB JSON 1.0 wire, in process.
//
//   dynafake::Wire wire(service);
//   dynafake::Response r = wire.Handle("DynamoDB_20120810.CreateBackup",
//                                      R"({"TableName":"Music","BackupName":"nightly"})");
//   // r.status == 200, r.body == {"BackupDetails":{...}}
//
// Wire turns the bytes an SDK sends (the X-Amz-Target header and the JSON
// body) into a typed request, calls the Service, and turns the outcome back
// into the status, headers and body DynamoDB would send. It adds no
// behaviour: constraint checks, errors and state are the Service's.
// WireTransport plugs it under the typed client, so
// `BasicClient<WireTransport>` sends every call through JSON and back.
//
// Needs nlohmann_json (CMake target dynafake::wire).
#pragma once

#include <array>        // std::array
#include <atomic>       // std::atomic
#include <cstddef>      // std::size_t
#include <cstdint>      // uint32_t, uint64_t
#include <exception>    // std::exception
#include <map>          // std::map
#include <memory>       // std::shared_ptr
#include <mutex>        // std::mutex
#include <stdexcept>    // std::logic_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include <nlohmann/json.hpp>  // nlohmann::json

#include "dynafake/client.hpp"                      // BasicClient, Client: WireTransport plugs into them
#include "dynafake/dynafake.hpp"                    // the core (with its definitions in header-only builds)
#include "dynafake/generated/operations.hpp"        // OperationTraits, DYNAFAKE_FOR_EACH_OPERATION, kTargetPrefix
#include "dynafake/service.hpp"                     // Service
#include "dynafake/wire/generated/readers.hpp"      // ReadJson: requests and answers without a tree
#include "dynafake/wire/generated/serializers.hpp"  // ToJson, FromJson, DecodeError
#include "dynafake/wire/generated/writers.hpp"      // WriteJson: answers and requests without a tree
#include "dynafake/wire/snapshot.hpp"               // SaveState, LoadState

namespace dynafake {

/// One HTTP answer: status, headers and body, as DynamoDB would send them.
struct Response {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
};

namespace wire {

inline constexpr const char* kContentType = "application/x-amz-json-1.0";

/// True when no object or array in `body` nests deeper than `maxDepth`.
/// Runs before parsing, so a hostile body never builds a deep tree: the wire
/// and the server's admin API check every body with it.
inline bool NestingWithin(std::string_view body, int maxDepth) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > maxDepth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

namespace detail {

/// CRC-32 (IEEE 802.3, as zlib computes it): DynamoDB's x-amz-crc32 header.
/// Eight bytes a step (slicing-by-8): every answer's body goes through it.
inline uint32_t Crc32(std::string_view data) {
  using Table = std::array<uint32_t, 256>;
  static const std::array<Table, 8> t = [] {
    std::array<Table, 8> tables{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      tables[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; ++i)
      for (std::size_t s = 1; s < 8; ++s) tables[s][i] = (tables[s - 1][i] >> 8) ^ tables[0][tables[s - 1][i] & 0xFFu];
    return tables;
  }();
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t n = data.size();
  uint32_t crc = 0xFFFFFFFFu;
  for (; n >= 8; p += 8, n -= 8) {
    const uint32_t a = crc ^ (static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
                              static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24);
    const uint32_t b = static_cast<uint32_t>(p[4]) | static_cast<uint32_t>(p[5]) << 8 |
                       static_cast<uint32_t>(p[6]) << 16 | static_cast<uint32_t>(p[7]) << 24;
    crc = t[7][a & 0xFFu] ^ t[6][(a >> 8) & 0xFFu] ^ t[5][(a >> 16) & 0xFFu] ^ t[4][a >> 24] ^ t[3][b & 0xFFu] ^
          t[2][(b >> 8) & 0xFFu] ^ t[1][(b >> 16) & 0xFFu] ^ t[0][b >> 24];
  }
  for (; n > 0; ++p, --n) crc = t[0][(crc ^ *p) & 0xFFu] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

/// A request id in DynamoDB's shape (52 characters of [0-9A-Z]), derived from
/// the request's number so that the same sequence of calls gives the same ids.
inline std::string RequestId(uint64_t n) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";  // base32hex, as DynamoDB's ids look
  const auto mix = [](uint64_t z) {                                        // splitmix64's finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  std::string id;
  id.reserve(52);
  uint64_t state = mix(n + 0xD1B54A32D192ED03ull);
  while (id.size() < 52) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = mix(state);
    for (int i = 0; i < 12 && id.size() < 52; ++i, z >>= 5) id += kAlphabet[z & 31u];
  }
  return id;
}

/// JSON text that never throws: bytes that are not UTF-8 become U+FFFD.
inline std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

/// Parses a request body: empty means `{}`; too deep or not JSON is the
/// service's SerializationException.
inline Json ParseBody(std::string_view body) {
  const auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Json::object();
  // A raw NUL is never valid JSON, but the parser would take it for the end of input.
  if (body.find('\0') != std::string_view::npos) FailSerialization(wire::msg::NulByte(), "");
  if (!wire::NestingWithin(body, kMaxJsonDepth)) FailSerialization(wire::msg::kTooDeep, "");
  try {
    return Json::parse(body.begin(), body.end());
  } catch (const Json::exception& e) {
    std::string detail = e.what();
    // "[json.exception.parse_error.101] parse error at ..." -> "parse error at ..."
    if (const auto close = detail.find("] "); detail.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
      detail = detail.substr(close + 2);
    FailSerialization(wire::msg::NotJson(detail), "");
  }
}

/// The first `budget` values of `doc` in document order (each object member's
/// and array element's value one, the root the first), as a tree.
inline Json DocumentPrefix(const nlohmann::ordered_json& doc, std::size_t& budget) {
  --budget;
  if (doc.is_object()) {
    Json out = Json::object();
    for (auto it = doc.begin(); it != doc.end() && budget > 0; ++it) out[it.key()] = DocumentPrefix(it.value(), budget);
    return out;
  }
  if (doc.is_array()) {
    Json out = Json::array();
    for (auto it = doc.begin(); it != doc.end() && budget > 0; ++it) out.push_back(DocumentPrefix(*it, budget));
    return out;
  }
  return Json(doc);
}

inline std::size_t CountValues(const nlohmann::ordered_json& doc) {
  std::size_t n = 1;
  if (doc.is_structured())
    for (const auto& child : doc) n += CountValues(child);
  return n;
}

/// The SerializationException of the first value, in the body's order, that
/// is of the wrong JSON type. The service reads a request as a stream and
/// stops at the first such token (hectorvent/floci DynamoDbRequestShapesTest
/// firstBadMemberInBodyOrderWins: {"Limit":"5","IndexName":5} is Limit's error,
/// {"IndexName":5,"Limit":"5"} IndexName's); the tree FromJson reads is in
/// the model's member order and sorts map keys. A wrong type is local to its
/// value, and a prefix of the body keeps every value's type, so the shortest
/// prefix that fails holds just one, the first: a binary search finds it.
/// Runs only on a body that already failed, so a valid request pays nothing;
/// a body of more than kMaxOrderedSearch values (no SDK sends one with a wrong
/// type) keeps the model-order error rather than pay log2(n) decodes of it.
inline constexpr std::size_t kMaxOrderedSearch = 100000;
template <class Request>
DecodeError FirstInBodyOrder(std::string_view body, const DecodeError& failed) {
  const auto doc = nlohmann::ordered_json::parse(body.begin(), body.end(), nullptr, false);
  if (doc.is_discarded()) return failed;
  const auto fails = [&](std::size_t n, DecodeError* error) {
    Request request;
    DeferValidation deferred;  // only the SerializationException is sought
    try {
      FromJson(DocumentPrefix(doc, n), request, std::string());
    } catch (const DecodeError& e) {
      if (e.GetErrorType() != DynamoDBErrors::SERIALIZATION) return false;
      if (error) *error = e;
      return true;
    }
    return false;
  };
  std::size_t lo = 1, hi = CountValues(doc);  // fails(hi): the whole body
  if (hi > kMaxOrderedSearch) return failed;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (fails(mid, nullptr))
      hi = mid;
    else
      lo = mid + 1;
  }
  DecodeError first = failed;
  return fails(lo, &first) ? first : failed;
}

/// The key an error body carries its text under: `Message` for a
/// SerializationException, `message` for every other error, as the service
/// writes them (architect/dynalite test/helpers.js assertSerialization and
/// assertValidation, run against the service).
inline const char* MessageKey(const DynamoDBError& error) {
  // a TransactionCanceledException writes `Message` too, beside its CancellationReasons
  // (moto dynamodb/exceptions.py TransactionCanceledException, which mirrors the service's body)
  return error.GetErrorType() == DynamoDBErrors::SERIALIZATION || error.CancellationReasonsHaveBeenSet() ? "Message"
                                                                                                         : "message";
}

inline Json ErrorBody(const DynamoDBError& error) {
  Json body{{"__type", error.GetWireType()}, {MessageKey(error), error.GetMessage()}};
  if (error.ItemHasBeenSet()) {  // ConditionalCheckFailedException under ReturnValuesOnConditionCheckFailure ALL_OLD
    Json item = Json::object();
    for (const auto& kv : error.GetItem()) item[kv.first] = ToJson(kv.second);
    body["Item"] = std::move(item);
  }
  if (error.CancellationReasonsHaveBeenSet()) {  // TransactionCanceledException: one reason per action, in order
    Json reasons = Json::array();
    for (const auto& reason : error.GetCancellationReasons()) reasons.push_back(ToJson(reason));
    body["CancellationReasons"] = std::move(reasons);
  }
  return body;
}

/// Dump(ErrorBody(error)), written directly.
inline std::string ErrorText(const DynamoDBError& error) {
  std::string out;
  out.reserve(64 + error.GetMessage().size());
  // in the tree's (sorted) key order: "CancellationReasons" < "Message" < "__type" < "message"
  const bool capital = MessageKey(error)[0] == 'M';
  out += '{';
  if (error.CancellationReasonsHaveBeenSet()) {  // as ErrorBody: a TransactionCanceledException's reasons
    out.append("\"CancellationReasons\":[");
    bool first = true;
    for (const auto& reason : error.GetCancellationReasons()) {
      if (!first) out += ',';
      first = false;
      WriteJson(out, reason);
    }
    out.append("],");
  }
  out.append(capital ? "\"Message\":" : "\"__type\":");
  WriteString(out, capital ? error.GetMessage() : error.GetWireType());
  out.append(capital ? ",\"__type\":" : ",\"message\":");
  WriteString(out, capital ? error.GetWireType() : error.GetMessage());
  if (error.ItemHasBeenSet()) {  // as ErrorBody: the Item of a ConditionalCheckFailedException
    out.append(",\"Item\":{");
    bool first = true;
    for (const auto& kv : error.GetItem()) {
      if (!first) out += ',';
      first = false;
      WriteString(out, kv.first);
      out += ':';
      WriteJson(out, kv.second);
    }
    out += '}';
  }
  out += '}';
  return out;
}

/// Dump(ToJson(value)), written directly.
template <class T>
std::string JsonText(const T& value) {
  std::string out;
  out.reserve(256);
  WriteJson(out, value);
  return out;
}

/// The error an answer carries: `__type` after '#', `message` (or `Message`), the status.
inline DynamoDBError ParseErrorResponse(int status, const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  std::string type = "UnknownError";
  std::string message;
  if (j.is_object()) {
    if (auto t = j.find("__type"); t != j.end() && t->is_string()) type = t->get<std::string>();
    for (const char* key : {"message", "Message"})
      if (auto m = j.find(key); m != j.end() && m->is_string()) {
        message = m->get<std::string>();
        break;
      }
  }
  if (const auto hash = type.rfind('#'); hash != std::string::npos) type = type.substr(hash + 1);
  DynamoDBError error = DynamoDBError::FromExceptionName(type, std::move(message), status);
  if (j.is_object())
    if (auto item = j.find("Item"); item != j.end() && item->is_object()) {
      std::map<std::string, Model::AttributeValue> attributes;
      try {
        for (auto it = item->begin(); it != item->end(); ++it)
          FromJson(it.value(), attributes[it.key()], "Item." + it.key());
        error.SetItem(std::move(attributes));
      } catch (const DecodeError&) {  // an item that does not decode is left out, as a client would
      }
    }
  if (j.is_object())
    if (auto reasons = j.find("CancellationReasons"); reasons != j.end() && reasons->is_array()) {
      std::vector<Model::CancellationReason> list;
      try {
        for (std::size_t i = 0; i < reasons->size(); ++i) {
          list.emplace_back();
          FromJson((*reasons)[i], list.back(), "CancellationReasons[" + std::to_string(i) + "]");
        }
        error.SetCancellationReasons(std::move(list));
      } catch (const DecodeError&) {  // reasons that do not decode are left out, as a client would
      }
    }
  return error;
}

}  // namespace detail
}  // namespace wire

/// The DynamoDB JSON 1.0 protocol over a Service, in process.
///
/// Handle() never throws and never crashes on input: malformed JSON, members
/// of the wrong type, bodies that are not objects, bad UTF-8, deep nesting and
/// huge numbers are answered with HTTP 400
/// `com.amazon.coral.service#SerializationException` before the Service is
/// called, so they change no state. Thread-safe when the Service is.
class Wire {
 public:
  explicit Wire(Service& service) : service_(&service) {}
  Wire(const Wire&) = delete;
  Wire& operator=(const Wire&) = delete;

  /// Answers one request. `target` is the X-Amz-Target header
  /// ("DynamoDB_20120810.CreateBackup"), `body` the request body.
  Response Handle(std::string_view target, std::string_view body) {
    const uint64_t n = ++requests_;
    try {
      return Dispatch(target, body, n);
    } catch (const wire::DecodeError& e) {
      return Error(e.ToError(), n);
    } catch (const std::exception& e) {
      return Error(DynamoDBError(DynamoDBErrors::INTERNAL_FAILURE, wire::msg::Internal(e.what())), n);
    }
  }

  /// The address DescribeEndpoints answers with ("host:port"); the HTTP
  /// server sets its own. Default "localhost".
  void SetEndpointAddress(std::string address) {
    std::lock_guard<std::mutex> lock(mu_);
    endpoint_ = std::move(address);
  }
  std::string GetEndpointAddress() const {
    std::lock_guard<std::mutex> lock(mu_);
    return endpoint_;
  }

  Service& GetService() const { return *service_; }
  /// How many requests Handle() has answered (the last x-amzn-RequestId's number).
  uint64_t RequestCount() const { return requests_.load(); }

 private:
  Response Dispatch(std::string_view target, std::string_view body, uint64_t n) {
    static const std::string prefix = std::string(kTargetPrefix) + ".";
    if (target.size() > prefix.size() && target.substr(0, prefix.size()) == prefix) {
      const std::string_view op = target.substr(prefix.size());
#define DYNAFAKE_WIRE_DISPATCH(Op) \
  if (op == #Op) return Call<Model::Op##Request>(body, n);
      DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_WIRE_DISPATCH)
#undef DYNAFAKE_WIRE_DISPATCH
      if (op == "DescribeEndpoints") return DescribeEndpoints(body, n);
    }
    // Not echoing the target: it is arbitrary bytes from the caller.
    return Error(DynamoDBError(DynamoDBErrors::UNKNOWN_OPERATION, wire::msg::kUnknownOperation), n);
  }

  template <class Request>
  Response Call(std::string_view body, uint64_t n) {
    Request request;
    // A value of the wrong JSON type anywhere is a SerializationException before any ValidationException
    // (an AttributeValue with two types): validation errors found while decoding wait for the whole body.
    wire::detail::DeferValidation deferred;
    // the fast path takes plainly written JSON; anything else (and every error) is the full parser's
    if (!wire::ReadJson(body, request)) {
      deferred.Clear();
      const wire::Json tree = wire::detail::ParseBody(body);
      try {
        wire::FromJson(tree, request, std::string());
      } catch (const wire::DecodeError& e) {
        if (e.GetErrorType() != DynamoDBErrors::SERIALIZATION || !tree.is_object()) throw;
        throw wire::detail::FirstInBodyOrder<Request>(body, e);
      }
    }
    deferred.ThrowIfAny();
    const auto outcome = service_->Invoke(request);
    if (!outcome.IsSuccess()) return Error(outcome.GetError(), n);
    return Finish(200, wire::detail::JsonText(outcome.GetResult()), n);
  }

  Response DescribeEndpoints(std::string_view body, uint64_t n) {
    const wire::Json request = wire::detail::ParseBody(body);
    wire::detail::ExpectObject(request, "a Structure", "");  // not a message: the shape expected
    const wire::Json answer{{"Endpoints", wire::Json::array({wire::Json{{"Address", GetEndpointAddress()},
                                                                        {"CachePeriodInMinutes", 1440}}})}};
    return Finish(200, wire::detail::Dump(answer), n);
  }

  Response Error(const DynamoDBError& error, uint64_t n) {
    return Finish(error.GetResponseCode(), wire::detail::ErrorText(error), n);
  }

  static Response Finish(int status, std::string body, uint64_t n) {
    Response r;
    r.status = status;
    r.headers["Content-Type"] = wire::kContentType;
    r.headers["x-amzn-RequestId"] = wire::detail::RequestId(n);
    r.headers["x-amz-crc32"] = std::to_string(wire::detail::Crc32(body));
    r.body = std::move(body);
    return r;
  }

  Service* service_;
  std::atomic<uint64_t> requests_{0};
  mutable std::mutex mu_;
  std::string endpoint_ = "localhost";
};

/// A client transport that sends every call through the JSON wire: the
/// request is serialised, answered by Wire::Handle, and the answer parsed
/// back into the typed outcome, as an SDK would. Copies share one Wire.
class WireTransport {
 public:
  explicit WireTransport(Service& service) : wire_(std::make_shared<Wire>(service)) {}
  explicit WireTransport(std::shared_ptr<Wire> wire) : wire_(std::move(wire)) {
    if (!wire_) throw std::invalid_argument("WireTransport: null Wire");  // not a message: a caller's bug
  }

  template <class Request>
  typename OperationTraits<Request>::Outcome Send(const Request& request) const {
    using Traits = OperationTraits<Request>;
    static const std::string target = std::string(kTargetPrefix) + "." + Traits::kName;
    const Response response = wire_->Handle(target, wire::detail::JsonText(request));
    if (response.status != 200) return wire::detail::ParseErrorResponse(response.status, response.body);
    typename Traits::Result result;
    if (wire::ReadJson(response.body, result)) return result;
    try {
      wire::FromJson(wire::Json::parse(response.body), result, std::string());
    } catch (const std::exception& e) {
      // Our own answer did not read back: a dynafake bug, not a service error (not a message).
      throw std::logic_error(std::string("dynafake: the wire answer to ") + Traits::kName +
                             " did not parse: " + e.what());
    }
    return result;
  }

  Wire& GetWire() const { return *wire_; }
  Service& GetService() const { return wire_->GetService(); }

 private:
  std::shared_ptr<Wire> wire_;
};

}  // namespace dynafake
