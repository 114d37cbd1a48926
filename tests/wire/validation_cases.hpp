// The runner of the table-driven validation suites (item_, query_scan_,
// batch_ and table_validation_cases_test.cpp): each row is one refused
// request and the service's answer to it, with the source that shows the
// service answers so.
//
// A row runs twice, against a fresh world each time (a hash-keyed table
// "hash_table", a hash-and-range table "range_table", both ACTIVE):
//  - over the Wire, JSON in and JSON out: the status, `__type` and message
//    the service sends, and the world unchanged (SaveState before and after);
//  - in process, through the typed Client, when the JSON reads into the
//    typed request without a decode error (a request of the wrong JSON types
//    cannot be written with the typed API): the same error name and message.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <dynafake/wire.hpp>

namespace dynafake_test {

/// One refused request and the service's answer.
struct ValidationCase {
  std::string name;       ///< what the row breaks (a gtest name: letters, digits, '_')
  std::string operation;  ///< "PutItem"
  std::string request;    ///< the request body, JSON
  std::string type;       ///< the error's name, "ValidationException" (its `__type` after '#')
  std::string message;    ///< the service's message, exactly
  std::string source;     ///< where the service is seen answering so
};

inline std::ostream& operator<<(std::ostream& os, const ValidationCase& c) { return os << c.name; }

/// The world every row runs against.
struct ValidationWorld {
  dynafake::ManualClock clock;
  dynafake::Service service{clock, dynafake::ServiceOptions::Instant()};
  dynafake::Wire wire{service};
  dynafake::Client client{service};

  ValidationWorld() {
    Create(R"({"TableName":"hash_table","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}],
               "KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"})");
    Create(R"({"TableName":"range_table","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},
               {"AttributeName":"b","AttributeType":"S"}],"KeySchema":[{"AttributeName":"a","KeyType":"HASH"},
               {"AttributeName":"b","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST"})");
  }
  void Create(const std::string& body) {
    const dynafake::Response r = wire.Handle("DynamoDB_20120810.CreateTable", body);
    if (r.status != 200) ADD_FAILURE() << "the world's CreateTable failed: " << r.body;
  }
};

/// The typed request the JSON reads into, sent through the Client; false when
/// the JSON is not a typed request (a decode error: a wrong JSON type, a
/// value the typed API cannot hold).
template <class Request, class Outcome>
bool TypedCall(const std::string& body, Outcome (dynafake::Client::*call)(const Request&) const,
               const dynafake::Client& client, dynafake::DynamoDBError& error, bool& failed) {
  Request request;
  try {
    dynafake::wire::detail::DeferValidation deferred;
    dynafake::wire::FromJson(dynafake::wire::Json::parse(body), request, std::string());
    deferred.ThrowIfAny();
  } catch (const std::exception&) {
    return false;
  }
  const auto outcome = (client.*call)(request);
  failed = !outcome.IsSuccess();
  if (failed) error = outcome.GetError();
  return true;
}

/// Runs one row over the Wire and, where expressible, through the typed Client.
inline void RunValidationCase(const ValidationCase& c) {
  SCOPED_TRACE(c.operation + " " + c.name + " (source: " + c.source + ")");
  const int status = c.type == "InternalServerError" ? 500 : 400;
  {
    ValidationWorld world;
    const std::string before = dynafake::SaveState(world.service);
    const dynafake::Response r = world.wire.Handle("DynamoDB_20120810." + c.operation, c.request);
    EXPECT_EQ(r.status, status) << r.body;
    const auto answer = dynafake::wire::Json::parse(r.body, nullptr, false);
    ASSERT_TRUE(answer.is_object()) << r.body;
    const std::string wireType = answer.value("__type", "");
    EXPECT_EQ(wireType.substr(wireType.find('#') + 1), c.type) << r.body;
    // SerializationException carries `Message`, every other error `message` (wire.hpp MessageKey)
    EXPECT_EQ(answer.value("message", answer.value("Message", "")), c.message);
    EXPECT_EQ(dynafake::SaveState(world.service), before) << "a refused request changed the state";
  }
  {
    ValidationWorld world;
    dynafake::DynamoDBError error(dynafake::DynamoDBErrors::UNKNOWN);
    bool failed = false, typed = false;
#define DYNAFAKE_VALIDATION_CASE_CALL(Op) \
  if (c.operation == #Op) typed = TypedCall(c.request, &dynafake::Client::Op, world.client, error, failed);
    DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_VALIDATION_CASE_CALL)
#undef DYNAFAKE_VALIDATION_CASE_CALL
    if (typed) {
      EXPECT_TRUE(failed) << "the typed Client accepted the request";
      EXPECT_EQ(error.GetExceptionName(), c.type);
      EXPECT_EQ(error.GetMessage(), c.message);
    }
  }
}

}  // namespace dynafake_test
