// CreateTable, UpdateTable, DescribeTable, DeleteTable, ListTables,
// TagResource, UntagResource and ListTagsOfResource refused, one row per rule:
// the service's `__type` and message, and where the service is seen answering
// so (validation_cases.hpp runs each row over the Wire and through the typed
// Client). "dynalite" is architect/dynalite's test/<operation>.js, recorded
// against the real service. The world's account is 123456789012 in us-east-1
// (ServiceOptions), its tables "hash_table" and "range_table".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "validation_cases.hpp"

namespace dynafake_test {
namespace table_cases {  // its own names: the suite's files may share one unity build
namespace {

const std::string kArn = "arn:aws:dynamodb:us-east-1:123456789012:table/";
const std::string kRoot = "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:";

std::vector<ValidationCase> Cases() {
  const std::string dl = "architect/dynalite test/";
  const std::string length = "TableName must be at least 3 characters long and at most 255 characters long";
  const std::string pattern =
      "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy "
      "regular expression pattern: [a-zA-Z0-9_.-]+";
  const std::string required = "The parameter 'TableName' is required but was not present in the request";
  const std::string requiredSource =
      "architect/dynalite test/updateTable.js 'should return ValidationException for no TableName' and "
      "nubo-db/dynoxide "
      "src/actions/describe_table.rs (dynalite's older describeTable.js and deleteTable.js expect \"The paramater "
      "'tableName' ...\", the service's earlier spelling)";
  const std::string longName(256, 'a');
  const std::string pay = R"("BillingMode":"PAY_PER_REQUEST")";
  return {
      // ---- DescribeTable, DeleteTable, UpdateTable: the table name first, in the operation's own words
      {"NoTableName", "DescribeTable", "{}", "ValidationException", required, requiredSource},
      {"NoTableName", "DeleteTable", "{}", "ValidationException", required, requiredSource},
      {"NoTableName", "UpdateTable", "{}", "ValidationException", required, requiredSource},
      {"EmptyTableName", "DescribeTable", R"({"TableName":""})", "ValidationException", length,
       dl + "describeTable.js 'should return ValidationException for empty TableName'"},
      {"ShortTableName", "DescribeTable", R"({"TableName":"a;"})", "ValidationException", length,
       dl + "describeTable.js 'should return ValidationException for short TableName'"},
      {"LongTableName", "DescribeTable", R"({"TableName":")" + longName + R"("})", "ValidationException", length,
       dl + "describeTable.js 'should return ValidationException for long TableName'"},
      {"TableNameOutsideThePattern", "DescribeTable", R"({"TableName":"abc;"})", "ValidationException", pattern,
       dl + "describeTable.js 'should return ValidationException for null attributes'"},
      {"NoSuchTable", "DescribeTable", R"({"TableName":"no_such_table"})", "ResourceNotFoundException",
       "Requested resource not found: Table: no_such_table not found",
       dl + "describeTable.js 'should return ResourceNotFoundException if table does not exist'"},
      {"EmptyTableName", "DeleteTable", R"({"TableName":""})", "ValidationException", length,
       dl + "deleteTable.js 'should return ValidationException for empty TableName'"},
      {"TableNameOutsideThePattern", "DeleteTable", R"({"TableName":"abc;"})", "ValidationException", pattern,
       dl + "deleteTable.js 'should return ValidationException for null attributes'"},
      {"NoSuchTable", "DeleteTable", R"({"TableName":"no_such_table"})", "ResourceNotFoundException",
       "Requested resource not found: Table: no_such_table not found",
       dl + "deleteTable.js 'should return ResourceNotFoundException if table does not exist'"},
      {"ShortTableName", "UpdateTable", R"({"TableName":"a;"})", "ValidationException", length,
       dl + "updateTable.js 'should return ValidationException for short TableName'"},
      {"TableNameOutsideThePattern", "UpdateTable", R"({"TableName":"abc;"})", "ValidationException", pattern,
       dl + "updateTable.js 'should return ValidationException for null attributes'"},

      // ---- UpdateTable's own rules
      {"NegativeWriteCapacity", "UpdateTable",
       R"({"TableName":"abc","ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":-1}})",
       "ValidationException",
       "1 validation error detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy "
       "constraint: Member must have value greater than or equal to 1",
       dl + "updateTable.js 'should return ValidationException for high ProvisionedThroughput.ReadCapacityUnits and "
            "neg'"},
      {"ReadCapacityOutOfBounds", "UpdateTable",
       R"({"TableName":"abc","ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":1000000000001}})",
       "ValidationException", "Given value 1000000000001 for ReadCapacityUnits is out of bounds",
       dl + "updateTable.js 'should return ValidationException for high ProvisionedThroughput.ReadCapacityUnits'"},
      {"WriteCapacityOutOfBounds", "UpdateTable",
       R"({"TableName":"abc","ProvisionedThroughput":{"ReadCapacityUnits":1000000000000,"WriteCapacityUnits":1000000000001}})",
       "ValidationException", "Given value 1000000000001 for WriteCapacityUnits is out of bounds",
       dl + "updateTable.js 'should return ValidationException for high ProvisionedThroughput.WriteCapacityUnits'"},
      {"EmptyIndexUpdate", "UpdateTable", R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[{}]})",
       "ValidationException",
       "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, "
       "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null",
       dl + "updateTable.js 'should return ValidationException for empty index struct'"},
      {"TwoUpdatesOfOneIndex", "UpdateTable",
       R"({"TableName":"abc","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"abc"}},{"Delete":{"IndexName":"abc"}}]})",
       "ValidationException",
       "One or more parameter values were invalid: Only one global secondary index update per index is allowed "
       "simultaneously. Index: abc",
       dl + "updateTable.js 'should return ValidationException for repeated GlobalSecondaryIndexUpdates'"},
      {"NoSuchTable", "UpdateTable",
       R"({"TableName":"no_such_table","ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ResourceNotFoundException", "Requested resource not found: Table: no_such_table not found",
       dl + "updateTable.js 'should return ResourceNotFoundException if table does not exist'"},

      // ---- CreateTable
      {"ShortTableName", "CreateTable", R"({"TableName":"a;"})", "ValidationException", length,
       dl + "createTable.js 'should return ValidationException for short TableName'"},
      {"TableNameOutsideThePattern", "CreateTable",
       R"({"TableName":"drucaas-dev,","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],)" +
           pay + "}",
       "ValidationException",
       "1 validation error detected: Value 'drucaas-dev,' at 'tableName' failed to satisfy constraint: Member must "
       "satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
       "serverless/serverless#5120, the service's answer to a CreateTable quoted"},
      {"AttributeTypeNotInEnum", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"b","AttributeType":"SS"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"},{"KeyType":"HASH","AttributeName":"a"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException",
       "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy "
       "constraint: Member must satisfy enum value set: [B, N, S]",
       dl + "createTable.js 'should return ValidationException for SS in attr definition'"},
      {"ReadCapacityOutOfBounds", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[],"KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1000000000001,"WriteCapacityUnits":1000000000001}})",
       "ValidationException", "Given value 1000000000001 for ReadCapacityUnits is out of bounds",
       dl + "createTable.js 'should return ValidationException for high ProvisionedThroughput.ReadCapacityUnits'"},
      {"KeyAttributeNotDefined", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"b","AttributeType":"S"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException",
       "One or more parameter values were invalid: Some index key attributes are not defined in "
       "AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]",
       dl + "createTable.js 'should return ValidationException for missing key attr definition'"},
      {"TwoHashKeysOfOneName", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},
           {"AttributeName":"b","AttributeType":"S"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"},{"KeyType":"HASH","AttributeName":"a"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException", "Both the Hash Key and the Range Key element in the KeySchema have the same name",
       dl + "createTable.js 'should return ValidationException for 5'"},
      {"SecondKeyNotRange", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},
           {"AttributeName":"b","AttributeType":"S"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"},{"KeyType":"HASH","AttributeName":"b"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException", "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
       dl + "createTable.js 'should return ValidationException for 6'"},
      {"FirstKeyNotHash", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},
           {"AttributeName":"b","AttributeType":"S"}],
           "KeySchema":[{"KeyType":"RANGE","AttributeName":"a"},{"KeyType":"HASH","AttributeName":"b"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
       dl + "createTable.js 'should return ValidationException for 7'"},
      {"MoreDefinitionsThanKeys", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},
           {"AttributeName":"b","AttributeType":"S"}],"KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],
           "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException",
       "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number "
       "of attributes defined in AttributeDefinitions",
       dl + "createTable.js 'should return ValidationException for 10'"},
      {"EmptyLocalSecondaryIndexes", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"},
           {"AttributeName":"b","AttributeType":"S"}],"KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],
           "LocalSecondaryIndexes":[],"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}})",
       "ValidationException", "One or more parameter values were invalid: List of indexes is empty",
       dl + "createTable.js 'should return ValidationException for 11'"},
      // more than ten violations: the service counts and lists the first ten ("10 validation errors detected", of
      // the 27 its request breaks, in dynalite's row; here eleven definitions without a name)
      {"ElevenViolationsListTen", "CreateTable",
       R"({"TableName":"abc","AttributeDefinitions":[{"AttributeType":"S"},{"AttributeType":"S"},{"AttributeType":"S"},
           {"AttributeType":"S"},{"AttributeType":"S"},{"AttributeType":"S"},{"AttributeType":"S"},
           {"AttributeType":"S"},{"AttributeType":"S"},{"AttributeType":"S"},{"AttributeType":"S"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],)" +
           pay + "}",
       "ValidationException",
       [] {
         std::string m = "10 validation errors detected: ";
         for (int i = 1; i <= 10; ++i)
           m += (i > 1 ? "; " : "") + std::string("Value null at 'attributeDefinitions.") + std::to_string(i) +
                ".member.attributeName' failed to satisfy constraint: Member must not be null";
         return m;
       }(),
       dl + "createTable.js 'should return ValidationException for 12' (ten of 27 violations listed)"},
      {"TableExists", "CreateTable",
       R"({"TableName":"hash_table","AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}],
           "KeySchema":[{"KeyType":"HASH","AttributeName":"a"}],)" +
           pay + "}",
       "ResourceInUseException", "Table already exists: hash_table",
       "the service's message as a boto user's code compares it, body['message'] == \"Table already exists: "
       "DB1_table\" (ResourceInUseException)"},

      // ---- ListTables
      {"LimitBelowOne", "ListTables", R"({"Limit":0})", "ValidationException",
       "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value "
       "greater than or equal to 1",
       dl + "listTables.js 'should return ValidationException for low Limit'"},
      {"LimitAbove100", "ListTables", R"({"Limit":101})", "ValidationException",
       "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value "
       "less than or equal to 100",
       dl + "listTables.js 'should return ValidationException for high Limit'"},
      // a value breaking its pattern and its length: the pattern first (dynalite; nubo-db/dynoxide
      // src/validation.rs table_name_constraint_errors orders them so too)
      {"EmptyExclusiveStartTableName", "ListTables", R"({"ExclusiveStartTableName":""})", "ValidationException",
       "2 validation errors detected: Value '' at 'exclusiveStartTableName' failed to satisfy constraint: Member "
       "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'exclusiveStartTableName' failed to "
       "satisfy constraint: Member must have length greater than or equal to 3",
       dl + "listTables.js 'should return ValidationException for empty ExclusiveStartTableName'"},
      {"LongExclusiveStartTableName", "ListTables", R"({"ExclusiveStartTableName":")" + longName + R"("})",
       "ValidationException",
       "1 validation error detected: Value '" + longName +
           "' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length less than or "
           "equal to 255",
       dl + "listTables.js 'should return ValidationException for long ExclusiveStartTableName'"},

      // ---- TagResource, UntagResource, ListTagsOfResource: the ARN is authorized first, then the members
      {"NoResourceArn", "TagResource", "{}", "ValidationException", "Invalid TableArn",
       dl + "tagResource.js 'should return ValidationException for no ResourceArn'"},
      {"EmptyResourceArn", "TagResource", R"({"ResourceArn":""})", "AccessDeniedException",
       kRoot + "TagResource on resource: *",
       dl + "tagResource.js 'should return AccessDeniedException for empty ResourceArn'"},
      {"ShortResourceArn", "TagResource", R"({"ResourceArn":"abcd"})", "AccessDeniedException",
       kRoot + "TagResource on resource: abcd",
       dl + "tagResource.js 'should return AccessDeniedException for short unauthorized ResourceArn'"},
      {"ResourceArnWithoutASlash", "TagResource", R"({"ResourceArn":"a:b:c:d:e:f"})", "AccessDeniedException",
       kRoot + "TagResource on resource: a:b:c:d:e:f",
       dl + "tagResource.js 'should return AccessDeniedException for long unauthorized ResourceArn'"},
      {"ResourceArnOfFiveParts", "TagResource", R"({"ResourceArn":"a:b:c:d:e/f"})", "AccessDeniedException",
       kRoot + "TagResource on resource: a:b:c:d:e/f",
       dl + "tagResource.js 'should return AccessDeniedException for longer unauthorized ResourceArn'"},
      {"NoTags", "TagResource", R"({"ResourceArn":"a:b:c:d:e:f/g"})", "ValidationException",
       "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
       dl + "tagResource.js 'should return ValidationException for null Tags'"},
      {"NotATableArn", "TagResource", R"({"ResourceArn":"a:b:c:d:e:f/g","Tags":[]})", "ValidationException",
       "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g",
       dl + "tagResource.js 'should return ValidationException for invalid ResourceArn'"},
      {"ShortTableNameInArn", "TagResource", R"({"ResourceArn":")" + kArn + R"(ab","Tags":[]})", "ValidationException",
       "Invalid TableArn: Invalid ResourceArn provided as input " + kArn + "ab",
       dl + "tagResource.js 'should return ValidationException for short table name'"},
      {"EmptyTags", "TagResource", R"({"ResourceArn":")" + kArn + R"(no_such_table","Tags":[]})", "ValidationException",
       "Atleast one Tag needs to be provided as Input.",
       dl + "tagResource.js 'should return ResourceNotFoundException if Tags are empty'"},
      {"NoSuchTable", "TagResource",
       R"({"ResourceArn":")" + kArn + R"(no_such_table","Tags":[{"Key":"a","Value":"b"}]})",
       "ResourceNotFoundException", "Requested resource not found: ResourcArn: " + kArn + "no_such_table not found",
       dl + "tagResource.js 'should return ResourceNotFoundException if ResourceArn does not exist'"},
      // a table of another account: IAM's implicit deny (AWS IAM User Guide, "Troubleshooting access denied
      // error messages": "... because no resource-based policy allows the <action> action")
      {"TableOfAnotherAccount", "TagResource",
       R"({"ResourceArn":"arn:aws:dynamodb:us-east-1:210987654321:table/hash_table","Tags":[{"Key":"a","Value":"b"}]})",
       "AccessDeniedException",
       kRoot + "TagResource on resource: arn:aws:dynamodb:us-east-1:210987654321:table/hash_table because no "
               "resource-based policy allows the dynamodb:TagResource action",
       "AWS IAM User Guide, troubleshoot_access-denied.html (the implicit-deny wording)"},
      {"NoResourceArn", "UntagResource", "{}", "ValidationException", "Invalid TableArn",
       dl + "untagResource.js 'should return ValidationException for no ResourceArn'"},
      {"EmptyResourceArn", "UntagResource", R"({"ResourceArn":""})", "AccessDeniedException",
       kRoot + "UntagResource on resource: *",
       dl + "untagResource.js 'should return AccessDeniedException for empty ResourceArn'"},
      {"NoTagKeys", "UntagResource", R"({"ResourceArn":"a:b:c:d:e:f/g"})", "ValidationException",
       "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
       dl + "untagResource.js 'should return ValidationException for null TagKeys'"},
      {"NotATableArn", "UntagResource", R"({"ResourceArn":"a:b:c:d:e:f/g","TagKeys":[]})", "ValidationException",
       "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g",
       dl + "untagResource.js 'should return ValidationException for invalid ResourceArn'"},
      {"EmptyTagKeys", "UntagResource", R"({"ResourceArn":")" + kArn + R"(no_such_table","TagKeys":[]})",
       "ValidationException", "Atleast one Tag Key needs to be provided as Input.",
       dl + "untagResource.js 'should return ResourceNotFoundException if TagKeys are empty'"},
      // UntagResource names no ARN in its not-found message, unlike TagResource and ListTagsOfResource
      {"NoSuchTable", "UntagResource", R"({"ResourceArn":")" + kArn + R"(no_such_table","TagKeys":["a"]})",
       "ResourceNotFoundException", "Requested resource not found",
       dl + "untagResource.js 'should return ResourceNotFoundException if ResourceArn does not exist'"},
      {"NoResourceArn", "ListTagsOfResource", "{}", "ValidationException", "Invalid TableArn",
       dl + "listTagsOfResource.js 'should return ValidationException for no ResourceArn'"},
      {"ShortResourceArn", "ListTagsOfResource", R"({"ResourceArn":"abcd"})", "AccessDeniedException",
       kRoot + "ListTagsOfResource on resource: abcd",
       dl + "listTagsOfResource.js 'should return AccessDeniedException for unauthorized ResourceArn'"},
      {"NotATableArn", "ListTagsOfResource", R"({"ResourceArn":"a:b:c:d:e:f/g"})", "ValidationException",
       "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g",
       dl + "listTagsOfResource.js 'should return ValidationException for no ResourceArn' (a:b:c:d:e:f/g)"},
      {"NoSuchTable", "ListTagsOfResource", R"({"ResourceArn":")" + kArn + R"(no_such_table"})",
       "ResourceNotFoundException", "Requested resource not found: ResourcArn: " + kArn + "no_such_table not found",
       dl + "listTagsOfResource.js 'should return ResourceNotFoundException if ResourceArn does not exist'"},
  };
}

class TableValidationCases : public testing::TestWithParam<ValidationCase> {};

TEST_P(TableValidationCases, AnswersAsTheServiceDoes) { RunValidationCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(Service, TableValidationCases, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<ValidationCase>& c) {
                           return c.param.operation + "_" + c.param.name;
                         });

}  // namespace
}  // namespace table_cases
}  // namespace dynafake_test
