// Query and Scan refused, one row per rule: the service's `__type` and
// message, and where the service is seen answering so (validation_cases.hpp
// runs each row over the Wire and through the typed Client). "dynalite" is
// architect/dynalite's test/query.js and test/scan.js, recorded against the
// real service; rows on the data plane's table name are left out where the
// 2024 model changed it (see item_validation_cases_test.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "validation_cases.hpp"

namespace dynafake_test {
namespace query_scan_cases {  // its own names: the suite's files may share one unity build
namespace {

std::vector<ValidationCase> Cases() {
  const std::string q = "architect/dynalite test/query.js ";
  const std::string s = "architect/dynalite test/scan.js ";
  const std::string count = "The attempted filter operation is not supported for the provided filter argument count";
  return {
      // ---- the model's constraints
      {"NoTableName", "Query", "{}", "ValidationException",
       "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
       q + "'should return ValidationException for no TableName'"},
      {"NoTableName", "Scan", "{}", "ValidationException",
       "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
       s + "'should return ValidationException for no TableName'"},
      // an index name breaking its pattern and its length: the pattern is reported first
      {"EmptyIndexName", "Query", R"({"TableName":"hash_table","IndexName":""})", "ValidationException",
       "2 validation errors detected: Value '' at 'indexName' failed to satisfy constraint: Member must satisfy "
       "regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'indexName' failed to satisfy constraint: Member "
       "must have length greater than or equal to 3",
       q + "'should return ValidationException for empty IndexName'"},
      {"ShortIndexName", "Scan", R"({"TableName":"hash_table","IndexName":"a;"})", "ValidationException",
       "2 validation errors detected: Value 'a;' at 'indexName' failed to satisfy constraint: Member must satisfy "
       "regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'indexName' failed to satisfy constraint: Member "
       "must have length greater than or equal to 3",
       s + "'should return ValidationException for short IndexName'"},
      {"LongIndexName", "Query", R"({"TableName":"hash_table","IndexName":")" + std::string(256, 'a') + R"("})",
       "ValidationException",
       "1 validation error detected: Value '" + std::string(256, 'a') +
           "' at 'indexName' failed to satisfy constraint: Member must have length less than or equal to 255",
       q + "'should return ValidationException for long IndexName'"},
      {"LimitBelowOne", "Scan", R"({"TableName":"hash_table","Limit":-1})", "ValidationException",
       "1 validation error detected: Value '-1' at 'limit' failed to satisfy constraint: Member must have value "
       "greater than or equal to 1",
       s + "'should return ValidationException for incorrect attributes' (limit)"},
      {"SelectNotInEnum", "Query", R"({"TableName":"hash_table","Select":"hi","KeyConditionExpression":"a = :a",
           "ExpressionAttributeValues":{":a":{"S":"x"}}})",
       "ValidationException",
       "1 validation error detected: Value 'hi' at 'select' failed to satisfy constraint: Member must satisfy enum "
       "value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
       q + "'should return ValidationException for incorrect attributes' (select)"},
      {"NegativeSegment", "Scan", R"({"TableName":"hash_table","Segment":-1,"TotalSegments":1})", "ValidationException",
       "1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value "
       "greater than or equal to 0",
       s + "'should return ValidationException for incorrect attributes' (segment)"},
      {"TotalSegmentsBelowOne", "Scan", R"({"TableName":"hash_table","Segment":0,"TotalSegments":-1})",
       "ValidationException",
       "1 validation error detected: Value '-1' at 'totalSegments' failed to satisfy constraint: Member must have "
       "value greater than or equal to 1",
       s + "'should return ValidationException for incorrect attributes' (totalSegments)"},

      // ---- the operation's own rules
      {"EmptyKeyConditions", "Query", R"({"TableName":"hash_table","KeyConditions":{}})", "ValidationException",
       "Conditions can be of length 1 or 2 only", q + "'should return ValidationException for empty conditions'"},
      {"NullWithAnArgument", "Query",
       R"({"TableName":"hash_table","KeyConditions":{"a":{"ComparisonOperator":"NULL","AttributeValueList":[{"S":"a"}]}}})",
       "ValidationException", count, q + "'should return ValidationException for 1 arg to NULL'"},
      {"BetweenWithThreeArguments", "Query",
       R"({"TableName":"hash_table","KeyConditions":{"a":{"ComparisonOperator":"BETWEEN",
           "AttributeValueList":[{"S":"a"},{"S":"a"},{"S":"a"}]}}})",
       "ValidationException", count, q + "'should return ValidationException for 3 args to BETWEEN'"},
      // a ScanFilter's wrong argument count is worded otherwise than Query's KeyConditions'
      {"EqWithoutArguments", "Scan", R"({"TableName":"hash_table","ScanFilter":{"a":{"ComparisonOperator":"EQ"}}})",
       "ValidationException",
       "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator",
       s + "'should return ValidationException for incorrect number of ScanFilter arguments'"},
      {"NotANumberInKeyConditions", "Query",
       R"({"TableName":"hash_table","KeyConditions":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"b"}]}}})",
       "ValidationException", "The parameter cannot be converted to a numeric value: b",
       q + "'should return empty response if key has incorrect numeric type'"},
      {"SegmentWithoutTotalSegments", "Scan", R"({"TableName":"hash_table","Segment":0})", "ValidationException",
       "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
       s + "'should return ValidationException for missing TotalSegments'"},
      {"TotalSegmentsWithoutSegment", "Scan", R"({"TableName":"hash_table","TotalSegments":1})", "ValidationException",
       "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
       s + "'should return ValidationException for missing Segment'"},
      {"SegmentNotBelowTotalSegments", "Scan", R"({"TableName":"hash_table","Segment":1,"TotalSegments":1})",
       "ValidationException",
       "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is not less "
       "than TotalSegments: 1",
       s + "'should return ValidationException for Segment more than TotalSegments'"},
      {"EmptyExpressionAttributeNames", "Scan",
       R"({"TableName":"hash_table","FilterExpression":"","ExpressionAttributeNames":{},"ExpressionAttributeValues":{}})",
       "ValidationException", "ExpressionAttributeNames must not be empty",
       s + "'should return ValidationException for empty ExpressionAttributeNames'"},
      {"NoKeyConditions", "Query", R"({"TableName":"hash_table"})", "ValidationException",
       "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
       "architect/dynalite validations/query.js (its newer text: test/query.js still expects the older "
       "'Conditions must not be null'), as the service's ValidationException is quoted in user reports"},

      // ---- the table
      {"NoSuchTable", "Scan", R"({"TableName":"no_such_table"})", "ResourceNotFoundException",
       "Requested resource not found", s + "'should return ResourceNotFoundException if table does not exist'"},
      {"NoSuchIndex", "Query",
       R"({"TableName":"hash_table","IndexName":"no_such_index","KeyConditionExpression":"a = :a",
           "ExpressionAttributeValues":{":a":{"S":"x"}}})",
       "ValidationException", "The table does not have the specified index: no_such_index",
       "getmoto/moto dynamodb/models/table.py InvalidIndexNameError, as the service's \"ValidationException: The "
       "table does not have the specified index: <name>\" is quoted in users' code"},
  };
}

class QueryScanValidationCases : public testing::TestWithParam<ValidationCase> {};

TEST_P(QueryScanValidationCases, AnswersAsTheServiceDoes) { RunValidationCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Service, QueryScanValidationCases, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<ValidationCase>& c) {
                           return c.param.operation + "_" + c.param.name;
                         });

}  // namespace
}  // namespace query_scan_cases
}  // namespace dynafake_test
