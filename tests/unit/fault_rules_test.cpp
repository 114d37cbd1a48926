// Fault rules as a test writes them: named by request type or by a checked
// name, the one meaning of OnCall/Times/FromCall, scoped rules, and rules that
// describe themselves (text for failure output, JSON for the HTTP admin API).
// Not parameterised over the transport: none of this depends on it.
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dynafake/dynafake.hpp>

namespace {

namespace M = dynafake::Model;
using dynafake::DynamoDBErrors;
using dynafake::FaultRule;
using dynafake::ScopedFaultRule;
using ::testing::HasSubstr;

class FaultRules : public ::testing::Test {
 protected:
  FaultRules() {
    client.CreateTable(
        M::CreateTableRequest()
            .WithTableName("orders")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  }
  /// Makes `n` ListTables calls; returns the numbers (from 1) of those that failed.
  std::vector<int> FailingCalls(int n) {
    std::vector<int> failed;
    for (int i = 1; i <= n; ++i)
      if (!client.ListTables(M::ListTablesRequest()).IsSuccess()) failed.push_back(i);
    return failed;
  }

  dynafake::ManualClock clock;
  dynafake::Service service{clock, dynafake::ServiceOptions::Instant()};
  dynafake::Client client{service};
};

using Calls = std::vector<int>;

// ---------------------------------------------------------------- naming the operation

TEST_F(FaultRules, NamedByRequestType) {
  service.Faults().Add(FaultRule::On<M::CreateBackupRequest>().Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  EXPECT_EQ(FaultRule::On<M::CreateBackupRequest>().Operation(), "CreateBackup");
  EXPECT_EQ(client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("first"))
                .GetError()
                .GetErrorType(),
            DynamoDBErrors::LIMIT_EXCEEDED);
  EXPECT_TRUE(client.ListTables(M::ListTablesRequest()).IsSuccess()) << "other operations are not matched";
}

TEST_F(FaultRules, AnUnknownOperationNameIsRefusedAtOnce) {
  try {
    FaultRule::On("CreatBackup");
    FAIL() << "On(\"CreatBackup\") should have thrown";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown operation \"CreatBackup\""));
    EXPECT_THAT(e.what(), HasSubstr("CreateBackup, DescribeBackup, ListBackups"));
  }
  EXPECT_THROW(FaultRule::On("createbackup"), std::invalid_argument) << "names are case-sensitive, as on the wire";
  EXPECT_THROW(FaultRule::On("DynamoDB_20120810.CreateBackup"), std::invalid_argument);
  EXPECT_EQ(FaultRule::On("*").Operation(), "") << "\"*\" is any operation";
  EXPECT_EQ(FaultRule::On("").Operation(), "");
  EXPECT_TRUE(service.Faults().List().empty());
}

TEST_F(FaultRules, CountsBelowOneAreRefused) {
  EXPECT_THROW(FaultRule::On("ListTables").OnCall(0), std::invalid_argument);
  EXPECT_THROW(FaultRule::On("ListTables").FromCall(-1), std::invalid_argument);
  EXPECT_THROW(FaultRule::On("ListTables").Times(0), std::invalid_argument);
}

// ---------------------------------------------------------------- when a rule fires

TEST_F(FaultRules, WithNeitherOnCallNorTimesEveryCallFails) {
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>());
  EXPECT_EQ(FailingCalls(4), (Calls{1, 2, 3, 4}));
}

TEST_F(FaultRules, OnCallFailsThatCallOnly) {
  const int id = service.Faults().Add(FaultRule::On<M::ListTablesRequest>().OnCall(3));
  EXPECT_EQ(FailingCalls(6), (Calls{3}));
  EXPECT_EQ(service.Faults().Fired(id), 1);
}

TEST_F(FaultRules, OnCallWithTimesFailsThatManyInARow) {
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().OnCall(3).Times(2));
  EXPECT_EQ(FailingCalls(6), (Calls{3, 4}));
}

TEST_F(FaultRules, FromCallAndOnCallAlwaysFailEveryCallFromThere) {
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().FromCall(3));
  EXPECT_EQ(FailingCalls(5), (Calls{3, 4, 5}));
  service.Faults().Clear();
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().Always().OnCall(2));  // order does not matter
  EXPECT_EQ(FailingCalls(4), (Calls{2, 3, 4}));
}

TEST_F(FaultRules, TimesAloneFailsTheFirstCalls) {
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().Times(2));
  EXPECT_EQ(FailingCalls(4), (Calls{1, 2}));
  service.Faults().Clear();
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().Once());
  EXPECT_EQ(FailingCalls(3), (Calls{1}));
}

TEST_F(FaultRules, OnCallOnceMeansWhatItAlwaysMeant) {
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().OnCall(2).Once());
  EXPECT_EQ(FailingCalls(4), (Calls{2}));
}

TEST_F(FaultRules, CallsAreCountedPerRuleOverTheCallsItMatches) {
  service.Faults().Add(FaultRule::On<M::ListTablesRequest>().OnCall(2));
  EXPECT_TRUE(client.DescribeTable(M::DescribeTableRequest().WithTableName("orders")).IsSuccess());  // not counted
  EXPECT_EQ(FailingCalls(3), (Calls{2}));
}

// ---------------------------------------------------------------- scoped rules

TEST_F(FaultRules, AScopedRuleIsRemovedWithItsHandle) {
  {
    auto rule = service.Faults().AddScoped(FaultRule::On<M::ListTablesRequest>().Times(2));
    EXPECT_NE(rule.Id(), 0);
    EXPECT_EQ(FailingCalls(1), (Calls{1}));
    EXPECT_EQ(rule.Fired(), 1);
    EXPECT_EQ(service.Faults().List().size(), 1u);
  }
  EXPECT_TRUE(service.Faults().List().empty());
  EXPECT_TRUE(FailingCalls(2).empty()) << "its second firing never comes";
}

TEST_F(FaultRules, AScopedRuleCanBeMovedResetOrReleased) {
  ScopedFaultRule outer;
  {
    auto inner = service.Faults().AddScoped(FaultRule::On<M::ListTablesRequest>());
    outer = std::move(inner);
    EXPECT_EQ(inner.Id(), 0);  // NOLINT(bugprone-use-after-move): a moved-from handle owns nothing
  }
  EXPECT_EQ(FailingCalls(1), (Calls{1})) << "the rule moved out of the inner scope";
  outer.Reset();
  EXPECT_TRUE(service.Faults().List().empty());

  int kept = 0;
  {
    auto rule = service.Faults().AddScoped(FaultRule::On<M::ListTablesRequest>().Once());
    kept = rule.Release();
  }
  ASSERT_EQ(service.Faults().List().size(), 1u);
  EXPECT_EQ(service.Faults().List()[0].id, kept);
}

TEST(ScopedFaultRule, OutlivingItsServiceIsHarmless) {
  ScopedFaultRule rule;
  {
    dynafake::ManualClock clock;
    dynafake::Service service(clock);
    rule = service.Faults().AddScoped(FaultRule::On<M::ListTablesRequest>());
  }
  EXPECT_EQ(rule.Fired(), 0);
  rule.Reset();  // the set is gone: nothing to remove, nothing touched
  EXPECT_EQ(rule.Id(), 0);
}

// ---------------------------------------------------------------- the table a call is about

// The model says which members name the table (tools/model_tables.py): a name
// or an ARN, at the request's top or inside it. A rule for a table matches
// every call about it, however the request names it.
class TableScopedRules : public FaultRules {
 protected:
  TableScopedRules() {
    client.CreateTable(
        M::CreateTableRequest()
            .WithTableName("customers")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
            .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  }
  /// The error type a call answered with, or "" when it succeeded.
  template <class O>
  static std::string ErrorOf(const O& outcome) {
    return outcome.IsSuccess() ? std::string() : outcome.GetError().GetExceptionName();
  }
  static M::PutRequest PutOf(const std::string& id) {
    return M::PutRequest().AddItem("id", M::AttributeValue().SetS(id));
  }
  static M::KeysAndAttributes KeysOf(const std::string& id) {
    return M::KeysAndAttributes().AddKeys(
        std::map<std::string, M::AttributeValue>{{"id", M::AttributeValue().SetS(id)}});
  }
  const std::string ordersArn = service.TableArn("orders");
  const std::string kInjected = "LimitExceededException";
};

TEST_F(TableScopedRules, ATableNamedByItsArnIsThatTable) {
  service.Faults().Add(FaultRule::AnyOperation().ForTable("orders").Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  EXPECT_EQ(ErrorOf(client.PutItem(
                M::PutItemRequest().WithTableName(ordersArn).AddItem("id", M::AttributeValue().SetS("a")))),
            kInjected);
  EXPECT_EQ(ErrorOf(client.DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName(ordersArn))),
            kInjected);
  EXPECT_EQ(ErrorOf(client.DescribeTable(M::DescribeTableRequest().WithTableName(ordersArn))), kInjected);
  EXPECT_EQ(ErrorOf(client.TagResource(M::TagResourceRequest().WithResourceArn(ordersArn).WithTags(
                {M::Tag().WithKey("team").WithValue("billing")}))),
            kInjected);
  EXPECT_EQ(ErrorOf(client.ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(ordersArn))), kInjected);
  EXPECT_EQ(ErrorOf(client.UntagResource(M::UntagResourceRequest().WithResourceArn(ordersArn).WithTagKeys({"team"}))),
            kInjected);
  // the other table, by name or ARN, is not matched
  EXPECT_EQ(ErrorOf(client.DescribeTable(M::DescribeTableRequest().WithTableName("customers"))), "");
  EXPECT_EQ(
      ErrorOf(client.ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(service.TableArn("customers")))),
      "");
}

TEST_F(TableScopedRules, AnArnOfAnotherAccountOrOfNoTableNamesNoTableHere) {
  service.Faults().Add(FaultRule::AnyOperation().ForTable("orders").Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  std::vector<std::string> seen;
  service.Faults().Add(FaultRule::AnyOperation()
                           .When("always",
                                 [&](const dynafake::CallInfo& call) {
                                   seen.insert(seen.end(), call.tables.begin(), call.tables.end());
                                   return false;
                                 })
                           .PassThrough());
  const std::string foreign = "arn:aws:dynamodb:us-east-1:210987654321:table/orders";
  EXPECT_NE(ErrorOf(client.ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(foreign))), kInjected);
  EXPECT_NE(
      ErrorOf(client.ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(ordersArn + "/index/byDate"))),
      kInjected);
  EXPECT_TRUE(seen.empty()) << seen.front();
}

TEST_F(TableScopedRules, EachTableOfABatchIsATableTheCallIsAbout) {
  service.Faults().Add(
      FaultRule::On<M::BatchWriteItemRequest>().ForTable("customers").Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  service.Faults().Add(
      FaultRule::On<M::BatchGetItemRequest>().ForTable("customers").Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  const auto write =
      M::BatchWriteItemRequest()
          .AddRequestItems("orders", std::vector<M::WriteRequest>{M::WriteRequest().WithPutRequest(PutOf("a"))})
          .AddRequestItems(service.TableArn("customers"),
                           std::vector<M::WriteRequest>{M::WriteRequest().WithPutRequest(PutOf("c"))});
  EXPECT_EQ(ErrorOf(client.BatchWriteItem(write)), kInjected);
  const auto get =
      M::BatchGetItemRequest().AddRequestItems("orders", KeysOf("a")).AddRequestItems("customers", KeysOf("c"));
  EXPECT_EQ(ErrorOf(client.BatchGetItem(get)), kInjected);
  // a batch of orders alone is not about customers
  EXPECT_EQ(ErrorOf(client.BatchWriteItem(M::BatchWriteItemRequest().AddRequestItems(
                "orders", std::vector<M::WriteRequest>{M::WriteRequest().WithPutRequest(PutOf("b"))}))),
            "");
  EXPECT_EQ(ErrorOf(client.BatchGetItem(M::BatchGetItemRequest().AddRequestItems("orders", KeysOf("a")))), "");
}

TEST_F(TableScopedRules, PredicatesSeeEveryTableOnceAndTheOneTableWhenThereIsOne) {
  std::vector<std::vector<std::string>> tables;
  std::vector<std::string> table;
  service.Faults().Add(FaultRule::AnyOperation()
                           .When("recording",
                                 [&](const dynafake::CallInfo& call) {
                                   tables.push_back(call.tables);
                                   table.push_back(call.table);
                                   return false;
                                 })
                           .PassThrough());
  client.BatchGetItem(M::BatchGetItemRequest()
                          .AddRequestItems("orders", KeysOf("a"))
                          .AddRequestItems(service.TableArn("customers"), KeysOf("c")));
  client.BatchGetItem(
      M::BatchGetItemRequest().AddRequestItems("orders", KeysOf("a")).AddRequestItems(ordersArn, KeysOf("b")));
  client.DescribeTable(M::DescribeTableRequest().WithTableName(ordersArn));
  client.ListTables(M::ListTablesRequest().WithExclusiveStartTableName("orders"));  // a cursor, not a table
  using Tables = std::vector<std::vector<std::string>>;
  // RequestItems is a map: its keys come in their order ("arn:..." before "orders")
  EXPECT_EQ(tables, (Tables{{"customers", "orders"}, {"orders"}, {"orders"}, {}}));
  EXPECT_EQ(table, (std::vector<std::string>{"", "orders", "orders", ""}));
}

TEST_F(TableScopedRules, ARestoreIsAboutTheTableItCreates) {
  client.UpdateContinuousBackups(
      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
  service.Faults().Add(
      FaultRule::On<M::RestoreTableToPointInTimeRequest>().ForTable("orders").Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  service.Faults().Add(FaultRule::On<M::RestoreTableToPointInTimeRequest>()
                           .ForTable("orders-copy")
                           .Fail(DynamoDBErrors::INTERNAL_FAILURE));
  const auto restore = client.RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                            .WithSourceTableArn(ordersArn)
                                                            .WithTargetTableName("orders-copy")
                                                            .WithUseLatestRestorableTime(true));
  EXPECT_EQ(ErrorOf(restore), "InternalServerError") << "the source is not the table the call is about";
}

// ---------------------------------------------------------------- description

TEST(FaultRuleDescription, ReadsLikeWhatItDoes) {
  EXPECT_EQ(FaultRule::On<M::CreateBackupRequest>().ForTable("orders").OnCall(3).ToString(),
            "CreateBackup on table \"orders\", call 3 only: fails with InternalServerError (HTTP 500)");
  EXPECT_EQ(FaultRule::AnyOperation().Fail(DynamoDBErrors::SERVICE_UNAVAILABLE).ToString(),
            "any operation, every call: fails with ServiceUnavailable (HTTP 503)");
  EXPECT_EQ(FaultRule::On("DeleteBackup").ForBackup("arn:x").FromCall(2).PassThrough().ToString(),
            "DeleteBackup on backup \"arn:x\", from call 2 on: passes through");
  EXPECT_EQ(FaultRule::On("CreateBackup")
                .OnCall(2)
                .Times(3)
                .Fail(DynamoDBErrors::THROTTLING, "Slow \"down\"", 429)
                .ToString(),
            "CreateBackup, calls 2 to 4: fails with ThrottlingException (HTTP 429) \"Slow \\\"down\\\"\"");
  EXPECT_EQ(FaultRule::On("CreateBackup").When([](const dynafake::CallInfo&) { return true; }).Once().ToString(),
            "CreateBackup when a C++ predicate holds, call 1 only: fails with InternalServerError (HTTP 500)");
  EXPECT_EQ(
      FaultRule::On("CreateBackup")
          .When("the backup name starts with adhoc-", [](const dynafake::CallInfo&) { return true; })
          .ToString(),
      "CreateBackup when the backup name starts with adhoc-, every call: fails with InternalServerError (HTTP 500)");
}

TEST(FaultRuleDescription, StreamsForFailureOutputWithItsCounters) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  std::ostringstream empty;
  empty << service.Faults();
  EXPECT_EQ(empty.str(), "no fault rules");

  service.Faults().Add(FaultRule::On("ListTables").Times(2).Fail(DynamoDBErrors::LIMIT_EXCEEDED));
  service.Faults().Add(FaultRule::On("DescribeTable").PassThrough());
  dynafake::Client(service).ListTables(M::ListTablesRequest());
  std::ostringstream all;
  all << service.Faults();
  EXPECT_EQ(all.str(),
            "#1 ListTables, calls 1 to 2: fails with LimitExceededException (HTTP 400) [seen 1, fired 1]\n"
            "#2 DescribeTable, every call: passes through [seen 0, fired 0]");
  std::ostringstream one;
  one << service.Faults().List()[1].rule;
  EXPECT_EQ(one.str(), "DescribeTable, every call: passes through");
}

TEST(FaultRuleDescription, ToJsonSpeaksTheAdminApisTerms) {
  EXPECT_EQ(FaultRule::On<M::CreateBackupRequest>()
                .ForTable("orders")
                .OnCall(2)
                .Fail(DynamoDBErrors::INTERNAL_FAILURE, "disk on fire", 503)
                .ToJson(),
            R"({"operation":"CreateBackup","table":"orders","nth":2,"times":1,)"
            R"("error":"InternalServerError","status":503,"message":"disk on fire"})");
  EXPECT_EQ(FaultRule::AnyOperation().ToJson(),
            R"({"operation":"*","times":-1,"error":"InternalServerError","status":500})");
  EXPECT_EQ(FaultRule::On("DeleteBackup").ForBackup("arn:b").Times(3).PassThrough().ToJson(),
            R"({"operation":"DeleteBackup","backup":"arn:b","times":3,"pass":true})");
  EXPECT_EQ(
      FaultRule::On("ListTables").When("it rains", [](const dynafake::CallInfo&) { return true; }).ToJson(),
      R"({"operation":"ListTables","predicate":"it rains","times":-1,"error":"InternalServerError","status":500})");
}

TEST(FaultRuleDescription, ToJsonEscapesWhatJsonMust) {
  const std::string json = FaultRule::On("CreateBackup")
                               .ForTable(std::string("a\"b\\c\n\x01") + "\xc3\xa9" + "\xff" + "\xed\xa0\x80")
                               .ToJson();
  EXPECT_THAT(json, HasSubstr(R"("table":"a\"b\\c\u000a\u0001)"
                              "\xc3\xa9"                         // valid UTF-8 stays as it is
                              R"(\ufffd\ufffd\ufffd\ufffd")"));  // a stray byte, a surrogate's three bytes
}

// ---------------------------------------------------------------- validation comes first

// A request that is invalid on its own is answered with the service's
// ValidationException before any fault rule or rate limit is consulted: for
// the data plane too (its expressions, items and keys are checked alone,
// before the table is looked at). Checks that need the table (the key
// schema, its existence) are state, and come after the rules.
TEST_F(FaultRules, AnInvalidDataPlaneRequestIsAValidationExceptionEvenWhenARuleMatches) {
  service.Faults().Add(FaultRule::On<M::PutItemRequest>().Fail(DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED));
  service.Faults().Add(FaultRule::On<M::QueryRequest>().Fail(DynamoDBErrors::THROTTLING));
  const auto put = client.PutItem(
      M::PutItemRequest().WithTableName("orders").AddItem("id", M::AttributeValue().SetN("not a number")));
  ASSERT_FALSE(put.IsSuccess());
  EXPECT_EQ(put.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_THAT(put.GetError().GetMessage(), HasSubstr("numeric value"));
  const auto query = client.Query(M::QueryRequest().WithTableName("orders").WithKeyConditionExpression("id = "));
  ASSERT_FALSE(query.IsSuccess());
  EXPECT_EQ(query.GetError().GetErrorType(), DynamoDBErrors::VALIDATION);
  // a valid request meets the rule
  EXPECT_EQ(client.PutItem(M::PutItemRequest().WithTableName("orders").AddItem("id", M::AttributeValue().SetS("a")))
                .GetError()
                .GetErrorType(),
            DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
}

// An empty legacy condition map ({}) is no condition: the service accepts it.
// (It used to crash the fake: a join over zero conditions.)
TEST_F(FaultRules, EmptyScanFilterQueryFilterAndExpectedAreNoCondition) {
  ASSERT_TRUE(client.PutItem(M::PutItemRequest().WithTableName("orders").AddItem("id", M::AttributeValue().SetS("a")))
                  .IsSuccess());
  const auto scan = client.Scan(M::ScanRequest().WithTableName("orders").WithScanFilter({}));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError().GetMessage();
  EXPECT_EQ(scan.GetResult().GetCount(), 1);
  const auto query = client.Query(M::QueryRequest().WithTableName("orders").WithQueryFilter({}).AddKeyConditions(
      "id", M::Condition()
                .WithComparisonOperator(M::ComparisonOperator::EQ)
                .WithAttributeValueList({M::AttributeValue().SetS("a")})));
  ASSERT_TRUE(query.IsSuccess()) << query.GetError().GetMessage();
  EXPECT_EQ(query.GetResult().GetCount(), 1);
  const auto put = client.PutItem(
      M::PutItemRequest().WithTableName("orders").AddItem("id", M::AttributeValue().SetS("b")).WithExpected({}));
  EXPECT_TRUE(put.IsSuccess()) << put.GetError().GetMessage();
  // ConditionalOperator over nothing stays the service's error
  const auto orNothing = client.Scan(
      M::ScanRequest().WithTableName("orders").WithScanFilter({}).WithConditionalOperator(M::ConditionalOperator::OR));
  EXPECT_EQ(orNothing.GetError().GetMessage(), "ConditionalOperator cannot be used without Filter or Expected");
}

}  // namespace
