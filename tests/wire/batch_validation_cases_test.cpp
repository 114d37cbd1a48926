// BatchGetItem and BatchWriteItem refused, one row per rule: the service's
// `__type` and message, and where the service is seen answering so
// (validation_cases.hpp runs each row over the Wire and through the typed
// Client). "dynalite" is architect/dynalite's test/batchGetItem.js and
// test/batchWriteItem.js, recorded against the real service. Its rows that
// print a request's objects ('{abc=[com.amazon...PutRequest@1a2b]}') cannot be
// matched by any fake and are left out, as are those on the RequestItems key
// pattern the 2024 model dropped (the keys are TableArn, 1..1024 characters).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "validation_cases.hpp"

namespace dynafake_test {
namespace batch_cases {  // its own names: the suite's files may share one unity build
namespace {

/// {"abc":{"Keys":[{"a":{"S":"0"}}, ...]}} with n keys, from `first` on.
std::string Keys(int first, int n) {
  std::string out;
  for (int i = first; i < first + n; ++i)
    out += (out.empty() ? "" : ",") + std::string(R"({"a":{"S":")") + std::to_string(i) + R"("}})";
  return "[" + out + "]";
}

std::vector<ValidationCase> Cases() {
  const std::string g = "architect/dynalite test/batchGetItem.js ";
  const std::string w = "architect/dynalite test/batchWriteItem.js ";
  const std::string empty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
  return {
      // ---- the model's constraints
      {"NoRequestItems", "BatchGetItem", "{}", "ValidationException",
       "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be "
       "null",
       g + "'should return ValidationException for empty RequestItems'"},
      {"NoRequestItems", "BatchWriteItem", "{}", "ValidationException",
       "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be "
       "null",
       w + "'should return ValidationException for empty body'"},
      {"EmptyRequestItems", "BatchGetItem", R"({"RequestItems":{}})", "ValidationException",
       "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have "
       "length greater than or equal to 1",
       g + "'should return ValidationException for empty RequestItems'"},
      {"EmptyRequestItems", "BatchWriteItem", R"({"RequestItems":{}})", "ValidationException",
       "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have "
       "length greater than or equal to 1",
       w + "'should return ValidationException for empty RequestItems'"},
      // a map's value outside its own length: named at the map, "Map value must satisfy constraint" (the
      // value printed as Java prints the map, {abc=[]})
      {"EmptyListOfRequests", "BatchWriteItem", R"({"RequestItems":{"abc":[]}})", "ValidationException",
       "1 validation error detected: Value '{abc=[]}' at 'requestItems' failed to satisfy constraint: Map value must "
       "satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than "
       "or equal to 1]",
       w + "'should return ValidationException for empty list in RequestItems'"},
      {"EmptyKeys", "BatchGetItem", R"({"RequestItems":{"abc":{"Keys":[]}}})", "ValidationException",
       "1 validation error detected: Value '[]' at 'requestItems.abc.member.keys' failed to satisfy constraint: "
       "Member must have length greater than or equal to 1",
       g + "'should return ValidationException for empty keys'"},
      {"NoKeys", "BatchGetItem", R"({"RequestItems":{"abc":{}}})", "ValidationException",
       "1 validation error detected: Value null at 'requestItems.abc.member.keys' failed to satisfy constraint: "
       "Member must not be null",
       g + "'should return ValidationException for short table name with no keys'"},
      {"ReturnConsumedCapacityNotInEnum", "BatchGetItem",
       R"({"RequestItems":{"hash_table":{"Keys":[{"a":{"S":"x"}}]}},"ReturnConsumedCapacity":"hi"})",
       "ValidationException",
       "1 validation error detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must "
       "satisfy enum value set: [INDEXES, TOTAL, NONE]",
       g + "'should return ValidationException for missing RequestItems'"},
      {"ReturnItemCollectionMetricsNotInEnum", "BatchWriteItem",
       R"({"RequestItems":{"hash_table":[{"PutRequest":{"Item":{"a":{"S":"x"}}}}]},"ReturnItemCollectionMetrics":"hi"})",
       "ValidationException",
       "1 validation error detected: Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member "
       "must satisfy enum value set: [SIZE, NONE]",
       w + "'should return ValidationException for missing RequestItems'"},

      // ---- the operation's own rules: values, then counts and duplicates, then the tables
      {"EmptyAttributeValueInKey", "BatchGetItem", R"({"RequestItems":{"abc":{"Keys":[{"a":{}}]}}})",
       "ValidationException", empty, g + "'should return ValidationException for empty key type'"},
      {"DuplicateAttributesToGet", "BatchGetItem",
       R"({"RequestItems":{"abc":{"Keys":[{}],"AttributesToGet":["a","a"]}}})", "ValidationException",
       "One or more parameter values were invalid: Duplicate value in attribute name: a",
       g + "'should return ValidationException duplicate values in AttributesToGet'"},
      {"MoreThan100KeysOverTwoTables", "BatchGetItem",
       R"({"RequestItems":{"abc":{"Keys":)" + Keys(0, 100) + R"(},"abd":{"Keys":)" + Keys(100, 1) + "}}}",
       "ValidationException", "Too many items requested for the BatchGetItem call",
       g + "'should return ValidationException when fetching more than 100 keys over multiple tables'"},
      {"DuplicateKeys", "BatchGetItem",
       R"({"RequestItems":{"hash_table":{"Keys":[{"a":{"S":"k"}},{"a":{"S":"j"}},{"a":{"S":"k"}}]}}})",
       "ValidationException", "Provided list of item keys contains duplicates",
       g + "'should return ValidationException for duplicated mixed up keys'"},
      {"EmptyKeyOfATable", "BatchGetItem", R"({"RequestItems":{"hash_table":{"Keys":[{}]}}})", "ValidationException",
       "The provided key element does not match the schema",
       g + "'should return ValidationException if key is empty and table does exist'"},
      {"NoSuchTable", "BatchGetItem", R"({"RequestItems":{"no_such_table":{"Keys":[{}]}}})",
       "ResourceNotFoundException", "Requested resource not found",
       g + "'should return ResourceNotFoundException if key is empty and table does not exist'"},
      {"EmptyAttributeValueInItem", "BatchWriteItem", R"({"RequestItems":{"abc":[{"PutRequest":{"Item":{"a":{}}}}]}})",
       "ValidationException", empty, w + "'should return ValidationException for empty key type'"},
      {"NotANumber", "BatchWriteItem", R"({"RequestItems":{"abc":[{"PutRequest":{"Item":{"a":{"N":"b"}}}}]}})",
       "ValidationException", "The parameter cannot be converted to a numeric value: b",
       w + "'should return ValidationException if key has incorrect numeric type'"},
      {"ItemTooBig", "BatchWriteItem",
       R"({"RequestItems":{"abc":[{"PutRequest":{"Item":{"a":{"S":"x"},"b":{"S":")" + std::string(400 * 1024, 'b') +
           R"("}}}}]}})",
       "ValidationException", "Item size has exceeded the maximum allowed size",
       w + "'should return ValidationException if item is too big with small attribute'"},
      {"PutAndDeleteOfOneItem", "BatchWriteItem",
       R"({"RequestItems":{"hash_table":[{"PutRequest":{"Item":{"a":{"S":"k"},"c":{"S":"c"}}}},
           {"DeleteRequest":{"Key":{"a":{"S":"k"}}}}]}})",
       "ValidationException", "Provided list of item keys contains duplicates",
       w + "'should return ValidationException for puts and deletes of the same item with put first'"},
      {"NoSuchTable", "BatchWriteItem",
       R"({"RequestItems":{"no_such_table":[{"PutRequest":{"Item":{"a":{"S":"k"}}}}]}})", "ResourceNotFoundException",
       "Requested resource not found",
       w + "'should return ResourceNotFoundException when fetching exactly 25 items and table does not exist'"},
  };
}

class BatchValidationCases : public testing::TestWithParam<ValidationCase> {};

TEST_P(BatchValidationCases, AnswersAsTheServiceDoes) { RunValidationCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Service, BatchValidationCases, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<ValidationCase>& c) {
                           return c.param.operation + "_" + c.param.name;
                         });

}  // namespace
}  // namespace batch_cases
}  // namespace dynafake_test
