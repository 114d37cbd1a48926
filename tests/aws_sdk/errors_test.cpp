// dynafake::DynamoDBErrors numbers every error as aws-sdk-cpp's
// Aws::DynamoDB::DynamoDBErrors does, so a value converts by static_cast.
// Checked three ways against the installed SDK: its header's text (every
// enumerator, including the DynamoDB errors of operations dynafake does not
// serve), its own name-to-error mapping, and the compiler.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include <aws/core/client/CoreErrors.h>
#include <aws/dynamodb/DynamoDBErrors.h>

#include <dynafake/dynafake.hpp>

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

/// The enumerators of `enum class <name>` in a C++ header, with their values:
/// `A = 3`, `B` (previous + 1), and `C = static_cast<int>(...RANGE_NAME) + 1`
/// where RANGE_NAME is looked up in `known`.
std::map<std::string, int> ParseEnum(const std::string& text, const std::string& name,
                                     const std::map<std::string, int>& known = {}) {
  const auto start = text.find("enum class " + name);
  if (start == std::string::npos) throw std::runtime_error("no enum class " + name);
  const auto open = text.find('{', start);
  const auto close = text.find('}', open);
  std::string body = text.substr(open + 1, close - open - 1);
  std::string clean;  // without // comments
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) clean += line.substr(0, line.find("//")) + "\n";

  std::map<std::string, int> out;
  int next = 0;
  std::istringstream items(clean);
  for (std::string item; std::getline(items, item, ',');) {
    item = Trim(item);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    const std::string enumerator = Trim(item.substr(0, eq));
    int value = next;
    if (eq != std::string::npos) {
      const std::string expr = Trim(item.substr(eq + 1));
      if (std::isdigit(static_cast<unsigned char>(expr[0])) || expr[0] == '-') {
        value = std::stoi(expr);
      } else {
        // static_cast<int>(Aws::Client::CoreErrors::SERVICE_EXTENSION_START_RANGE) + 1
        bool found = false;
        for (const auto& k : known) {
          if (expr.find("::" + k.first + ")") != std::string::npos) {
            const auto plus = expr.rfind('+');
            value = k.second + (plus == std::string::npos ? 0 : std::stoi(expr.substr(plus + 1)));
            found = true;
          }
        }
        if (!found) throw std::runtime_error("cannot evaluate '" + expr + "' in enum class " + name);
      }
    }
    out[enumerator] = value;
    next = value + 1;
  }
  return out;
}

std::map<std::string, int> SdkDynamoDBErrors() {
  const std::string dir = DYNAFAKE_AWSSDK_INCLUDE_DIR;
  const auto core = ParseEnum(ReadFile(dir + "/aws/core/client/CoreErrors.h"), "CoreErrors");
  return ParseEnum(ReadFile(dir + "/aws/dynamodb/DynamoDBErrors.h"), "DynamoDBErrors", core);
}

std::map<std::string, int> DynafakeErrors() {
  std::map<std::string, int> out;
  for (const auto& e : dynafake::detail::kErrorEnumerators) out[e.name] = static_cast<int>(e.type);
  return out;
}

TEST(SdkErrorNumbering, HeaderParsesToTheSdksOwnValues) {
  // The parser is checked against the compiler on a few enumerators first.
  const auto sdk = SdkDynamoDBErrors();
  EXPECT_EQ(sdk.at("UNKNOWN"), static_cast<int>(Aws::DynamoDB::DynamoDBErrors::UNKNOWN));
  EXPECT_EQ(sdk.at("BACKUP_IN_USE"), static_cast<int>(Aws::DynamoDB::DynamoDBErrors::BACKUP_IN_USE));
  EXPECT_EQ(sdk.at("TABLE_NOT_FOUND"), static_cast<int>(Aws::DynamoDB::DynamoDBErrors::TABLE_NOT_FOUND));
  EXPECT_GT(sdk.size(), 50u);
}

TEST(SdkErrorNumbering, EveryEnumeratorOfTheSdkExistsInDynafakeWithTheSameValue) {
  const auto ours = DynafakeErrors();
  for (const auto& [name, value] : SdkDynamoDBErrors()) {
    const auto it = ours.find(name);
    ASSERT_NE(it, ours.end()) << "dynafake::DynamoDBErrors lacks " << name;
    EXPECT_EQ(it->second, value) << name;
  }
}

TEST(SdkErrorNumbering, EnumeratorsOnlyDynafakeHasUseNoValueOfTheSdk) {
  const auto sdk = SdkDynamoDBErrors();
  std::set<int> sdkValues;
  for (const auto& e : sdk) sdkValues.insert(e.second);
  std::set<std::string> onlyOurs;
  for (const auto& [name, value] : DynafakeErrors()) {
    if (sdk.count(name)) continue;
    onlyOurs.insert(name);
    EXPECT_EQ(sdkValues.count(value), 0u) << name << " = " << value << " is another error in the SDK";
  }
  // The wire's own errors, and one newer than this SDK's model.
  EXPECT_EQ(onlyOurs, (std::set<std::string>{"REPLICATED_WRITE_CONFLICT", "SERIALIZATION", "UNKNOWN_OPERATION"}));
}

TEST(SdkErrorNumbering, TheSdkMapsEveryExceptionNameToDynafakesValue) {
  for (const auto& row : dynafake::detail::kErrorTable) {
    auto sdk = Aws::DynamoDB::DynamoDBErrorMapper::GetErrorForName(row.exception_name);
    if (sdk.GetErrorType() == Aws::Client::CoreErrors::UNKNOWN)
      sdk = Aws::Client::CoreErrorsMapper::GetErrorForName(row.exception_name);
    if (sdk.GetErrorType() == Aws::Client::CoreErrors::UNKNOWN) {
      // The SDK does not know the name: it surfaces it as UNKNOWN.
      EXPECT_TRUE(row.type == dynafake::DynamoDBErrors::REPLICATED_WRITE_CONFLICT ||
                  row.type == dynafake::DynamoDBErrors::SERIALIZATION ||
                  row.type == dynafake::DynamoDBErrors::UNKNOWN_OPERATION)
          << row.exception_name;
      continue;
    }
    EXPECT_EQ(static_cast<int>(sdk.GetErrorType()), static_cast<int>(row.type)) << row.exception_name;
  }
}

// And the compiler: every name both enums have, value for value.
#define DYNAFAKE_SAME_AS_SDK(N)                                                                                      \
  static_assert(static_cast<int>(dynafake::DynamoDBErrors::N) == static_cast<int>(Aws::DynamoDB::DynamoDBErrors::N), \
                #N " differs from aws-sdk-cpp");
DYNAFAKE_SAME_AS_SDK(INCOMPLETE_SIGNATURE)
DYNAFAKE_SAME_AS_SDK(INTERNAL_FAILURE)
DYNAFAKE_SAME_AS_SDK(INVALID_ACTION)
DYNAFAKE_SAME_AS_SDK(INVALID_CLIENT_TOKEN_ID)
DYNAFAKE_SAME_AS_SDK(INVALID_PARAMETER_COMBINATION)
DYNAFAKE_SAME_AS_SDK(INVALID_QUERY_PARAMETER)
DYNAFAKE_SAME_AS_SDK(INVALID_PARAMETER_VALUE)
DYNAFAKE_SAME_AS_SDK(MISSING_ACTION)
DYNAFAKE_SAME_AS_SDK(MISSING_AUTHENTICATION_TOKEN)
DYNAFAKE_SAME_AS_SDK(MISSING_PARAMETER)
DYNAFAKE_SAME_AS_SDK(OPT_IN_REQUIRED)
DYNAFAKE_SAME_AS_SDK(REQUEST_EXPIRED)
DYNAFAKE_SAME_AS_SDK(SERVICE_UNAVAILABLE)
DYNAFAKE_SAME_AS_SDK(THROTTLING)
DYNAFAKE_SAME_AS_SDK(VALIDATION)
DYNAFAKE_SAME_AS_SDK(ACCESS_DENIED)
DYNAFAKE_SAME_AS_SDK(RESOURCE_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(UNRECOGNIZED_CLIENT)
DYNAFAKE_SAME_AS_SDK(MALFORMED_QUERY_STRING)
DYNAFAKE_SAME_AS_SDK(SLOW_DOWN)
DYNAFAKE_SAME_AS_SDK(REQUEST_TIME_TOO_SKEWED)
DYNAFAKE_SAME_AS_SDK(INVALID_SIGNATURE)
DYNAFAKE_SAME_AS_SDK(SIGNATURE_DOES_NOT_MATCH)
DYNAFAKE_SAME_AS_SDK(INVALID_ACCESS_KEY_ID)
DYNAFAKE_SAME_AS_SDK(REQUEST_TIMEOUT)
DYNAFAKE_SAME_AS_SDK(NETWORK_CONNECTION)
DYNAFAKE_SAME_AS_SDK(UNKNOWN)
DYNAFAKE_SAME_AS_SDK(BACKUP_IN_USE)
DYNAFAKE_SAME_AS_SDK(BACKUP_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(CONDITIONAL_CHECK_FAILED)
DYNAFAKE_SAME_AS_SDK(CONTINUOUS_BACKUPS_UNAVAILABLE)
DYNAFAKE_SAME_AS_SDK(DUPLICATE_ITEM)
DYNAFAKE_SAME_AS_SDK(EXPORT_CONFLICT)
DYNAFAKE_SAME_AS_SDK(EXPORT_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(GLOBAL_TABLE_ALREADY_EXISTS)
DYNAFAKE_SAME_AS_SDK(GLOBAL_TABLE_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(IDEMPOTENT_PARAMETER_MISMATCH)
DYNAFAKE_SAME_AS_SDK(IMPORT_CONFLICT)
DYNAFAKE_SAME_AS_SDK(IMPORT_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(INDEX_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(INVALID_EXPORT_TIME)
DYNAFAKE_SAME_AS_SDK(INVALID_RESTORE_TIME)
DYNAFAKE_SAME_AS_SDK(ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED)
DYNAFAKE_SAME_AS_SDK(LIMIT_EXCEEDED)
DYNAFAKE_SAME_AS_SDK(POINT_IN_TIME_RECOVERY_UNAVAILABLE)
DYNAFAKE_SAME_AS_SDK(PROVISIONED_THROUGHPUT_EXCEEDED)
DYNAFAKE_SAME_AS_SDK(REPLICA_ALREADY_EXISTS)
DYNAFAKE_SAME_AS_SDK(REPLICA_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(REQUEST_LIMIT_EXCEEDED)
DYNAFAKE_SAME_AS_SDK(RESOURCE_IN_USE)
DYNAFAKE_SAME_AS_SDK(TABLE_ALREADY_EXISTS)
DYNAFAKE_SAME_AS_SDK(TABLE_IN_USE)
DYNAFAKE_SAME_AS_SDK(TABLE_NOT_FOUND)
DYNAFAKE_SAME_AS_SDK(TRANSACTION_CANCELED)
DYNAFAKE_SAME_AS_SDK(TRANSACTION_CONFLICT)
DYNAFAKE_SAME_AS_SDK(TRANSACTION_IN_PROGRESS)
#undef DYNAFAKE_SAME_AS_SDK

}  // namespace
