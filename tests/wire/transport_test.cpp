// BasicClient<WireTransport>: every call goes through JSON and back, and a
// scenario touching every operation gives the same outcomes as Client.
#include <gtest/gtest.h>

#include <chrono>  // std::chrono
#include <set>     // std::set
#include <string>  // std::string

#include "dynafake/client.hpp"
#include "dynafake/generated/print.hpp"  // operator<< for failure messages
#include "dynafake/wire.hpp"
#include "generated/model_samples.hpp"  // FillSample

namespace dynafake {
namespace {

namespace M = Model;
using namespace std::chrono_literals;

/// Two identical worlds, one reached in process and one through the wire.
class SameScenario : public ::testing::Test {
 protected:
  SameScenario()
      : direct(directClock, ServiceOptions::Instant()),
        viaWire(wireClock, ServiceOptions::Instant()),
        inProcess(direct),
        overWire(viaWire) {}

  /// Runs `request` through both clients, expects the same outcome, and
  /// returns the in-process one.
  template <class Request>
  typename OperationTraits<Request>::Outcome Both(const Request& request) {
    using Traits = OperationTraits<Request>;
    covered.insert(Traits::kName);
    SCOPED_TRACE(Traits::kName);
    const auto a = inProcess.GetTransport().Send(request);
    const auto b = overWire.GetTransport().Send(request);
    EXPECT_EQ(a.IsSuccess(), b.IsSuccess());
    if (a.IsSuccess() && b.IsSuccess()) {
      EXPECT_TRUE(a.GetResult() == b.GetResult()) << a.GetResult() << "\n  vs\n" << b.GetResult();
      EXPECT_EQ(wire::ToJson(a.GetResult()), wire::ToJson(b.GetResult()));
    } else if (!a.IsSuccess() && !b.IsSuccess()) {
      EXPECT_EQ(a.GetError().GetErrorType(), b.GetError().GetErrorType());
      EXPECT_EQ(a.GetError().GetExceptionName(), b.GetError().GetExceptionName());
      EXPECT_EQ(a.GetError().GetMessage(), b.GetError().GetMessage());
      EXPECT_EQ(a.GetError().GetResponseCode(), b.GetError().GetResponseCode());
      EXPECT_EQ(a.GetError().ShouldRetry(), b.GetError().ShouldRetry());
      EXPECT_EQ(a.GetError().ItemHasBeenSet(), b.GetError().ItemHasBeenSet());
      EXPECT_TRUE(a.GetError().GetItem() == b.GetError().GetItem());
    } else if (a.IsSuccess()) {
      ADD_FAILURE() << "only the wire failed: " << b.GetError();
    } else {
      ADD_FAILURE() << "only in process failed: " << a.GetError();
    }
    return a;
  }

  template <class D>
  void Advance(D d) {
    directClock.Advance(d);
    wireClock.Advance(d);
  }

  ManualClock directClock, wireClock;
  Service direct, viaWire;
  Client inProcess;
  BasicClient<WireTransport> overWire;
  std::set<std::string> covered;
};

M::CreateTableRequest MusicTable(const std::string& name) {
  return M::CreateTableRequest()
      .WithTableName(name)
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH),
                      M::KeySchemaElement().WithAttributeName("sk").WithKeyType(M::KeyType::RANGE)})
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("pk").WithAttributeType(M::ScalarAttributeType::S),
           M::AttributeDefinition().WithAttributeName("sk").WithAttributeType(M::ScalarAttributeType::N)})
      .WithBillingMode(M::BillingMode::PAY_PER_REQUEST);
}

M::PutItemRequest Song(const std::string& table, const std::string& pk, int sk) {
  M::AttributeValue meta;
  meta.AddMEntry("tags", M::AttributeValue().SetSS({"rock", "live"}))
      .AddMEntry("scores", M::AttributeValue().SetNS({"1", "2.5"}))
      .AddMEntry("raw", M::AttributeValue().SetB(ByteBuffer(std::string("\x00\x01\xfe", 3))))
      .AddMEntry(
          "list",
          M::AttributeValue().AddLItem(M::AttributeValue().SetBool(true)).AddLItem(M::AttributeValue().SetNull(true)));
  return M::PutItemRequest().WithTableName(table).WithItem(
      {{"pk", M::AttributeValue(pk)}, {"sk", M::AttributeValue().SetN(sk)}, {"meta", meta}});
}

TEST_F(SameScenario, EveryOperationAnswersAlikeThroughTheWire) {
  // Tables and items.
  Both(MusicTable("Music"));
  Both(MusicTable("Music"));                         // ResourceInUseException
  Both(M::CreateTableRequest().WithTableName("x"));  // ValidationException
  for (int i = 0; i < 5; ++i) Both(Song("Music", "artist" + std::to_string(i % 2), i));
  Both(M::PutItemRequest().WithTableName("Music").WithItem({{"pk", M::AttributeValue("a")}}));  // missing key part
  Both(M::PutItemRequest().WithTableName("Nope").WithItem({{"pk", M::AttributeValue("a")}}));
  Both(M::GetItemRequest().WithTableName("Music").WithKey(
      {{"pk", M::AttributeValue("artist1")}, {"sk", M::AttributeValue().SetN(1)}}));
  Both(M::GetItemRequest().WithTableName("Music").WithKey(
      {{"pk", M::AttributeValue("zzz")}, {"sk", M::AttributeValue().SetN(1)}}));
  Both(M::DeleteItemRequest().WithTableName("Music").WithKey(
      {{"pk", M::AttributeValue("artist0")}, {"sk", M::AttributeValue().SetN(0)}}));
  Both(M::ScanRequest().WithTableName("Music"));
  Both(M::ScanRequest().WithTableName("Music").WithLimit(2));
  M::BatchWriteItemRequest batch;
  batch.AddRequestItems("Music",
                        std::vector<M::WriteRequest>{
                            M::WriteRequest().WithPutRequest(M::PutRequest().WithItem(Song("Music", "b", 9).GetItem())),
                            M::WriteRequest().WithDeleteRequest(M::DeleteRequest().WithKey(
                                {{"pk", M::AttributeValue("artist1")}, {"sk", M::AttributeValue().SetN(3)}}))});
  Both(batch);
  Both(M::DescribeTableRequest().WithTableName("Music"));
  Both(M::DescribeTableRequest().WithTableName("Nope"));
  Both(M::ListTablesRequest());
  Both(M::ListTablesRequest().WithLimit(0));
  const std::string tableArn = direct.TableArn("Music");
  Both(M::TagResourceRequest().WithResourceArn(tableArn).WithTags({M::Tag().WithKey("team").WithValue("blue")}));
  Both(M::ListTagsOfResourceRequest().WithResourceArn(tableArn));
  Both(M::UntagResourceRequest().WithResourceArn(tableArn).WithTagKeys({"team", "absent"}));
  Both(M::QueryRequest()
           .WithTableName("Music")
           .WithKeyConditionExpression("pk = :p AND sk > :s")
           .WithFilterExpression("attribute_exists(title)")
           .WithProjectionExpression("sk, title")
           .WithExpressionAttributeValues({{":p", M::AttributeValue("artist1")}, {":s", M::AttributeValue().SetN(0)}})
           .WithLimit(1)
           .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  Both(M::QueryRequest().WithTableName("Music").WithKeyConditionExpression("sk = :s").WithExpressionAttributeValues(
      {{":s", M::AttributeValue().SetN(0)}}));  // missed key schema element
  Both(
      M::UpdateItemRequest()
          .WithTableName("Music")
          .WithKey({{"pk", M::AttributeValue("artist1")}, {"sk", M::AttributeValue().SetN(1)}})
          .WithUpdateExpression("SET plays = if_not_exists(plays, :z) + :one")
          .WithReturnValues(M::ReturnValue::ALL_NEW)
          .WithExpressionAttributeValues({{":z", M::AttributeValue().SetN(0)}, {":one", M::AttributeValue().SetN(1)}}));
  Both(M::UpdateItemRequest()
           .WithTableName("Music")
           .WithKey({{"pk", M::AttributeValue("artist1")}, {"sk", M::AttributeValue().SetN(1)}})
           .WithUpdateExpression("REMOVE plays")
           .WithConditionExpression("attribute_not_exists(pk)")
           .WithReturnValuesOnConditionCheckFailure(M::ReturnValuesOnConditionCheckFailure::ALL_OLD));  // with the item
  Both(M::BatchGetItemRequest()
           .WithRequestItems(
               {{"Music", M::KeysAndAttributes().WithKeys(
                              {{{"pk", M::AttributeValue("artist1")}, {"sk", M::AttributeValue().SetN(1)}},
                               {{"pk", M::AttributeValue("none")}, {"sk", M::AttributeValue().SetN(1)}}})}})
           .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  const std::map<std::string, M::AttributeValue> songKey{{"pk", M::AttributeValue("artist1")},
                                                         {"sk", M::AttributeValue().SetN(1)}};
  Both(M::TransactWriteItemsRequest()
           .WithTransactItems({M::TransactWriteItem().WithUpdate(
               M::Update()
                   .WithTableName("Music")
                   .WithKey(songKey)
                   .WithUpdateExpression("SET plays = :p")
                   .WithExpressionAttributeValues({{":p", M::AttributeValue().SetN(3)}}))})
           .WithClientRequestToken("transport-1")
           .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  Both(M::TransactWriteItemsRequest().WithTransactItems(  // cancelled, with the item
      {M::TransactWriteItem().WithConditionCheck(
          M::ConditionCheck()
              .WithTableName("Music")
              .WithKey(songKey)
              .WithConditionExpression("attribute_not_exists(pk)")
              .WithReturnValuesOnConditionCheckFailure(M::ReturnValuesOnConditionCheckFailure::ALL_OLD))}));
  Both(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("Music").WithKey(songKey))}));
  Both(M::DescribeTimeToLiveRequest().WithTableName("Music"));
  Both(M::UpdateTimeToLiveRequest().WithTableName("Music").WithTimeToLiveSpecification(
      M::TimeToLiveSpecification().WithEnabled(true).WithAttributeName("expires")));
  Both(M::UpdateTimeToLiveRequest().WithTableName("Music").WithTimeToLiveSpecification(
      M::TimeToLiveSpecification().WithEnabled(true).WithAttributeName("expires")));  // already enabled
  Both(M::UpdateTableRequest()
           .WithTableName("Music")
           .WithBillingMode(M::BillingMode::PROVISIONED)
           .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5)));

  // Continuous backups and backups.
  Both(M::DescribeContinuousBackupsRequest().WithTableName("Music"));
  Both(M::UpdateContinuousBackupsRequest().WithTableName("Music").WithPointInTimeRecoverySpecification(
      M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true).WithRecoveryPeriodInDays(7)));
  Both(M::UpdateContinuousBackupsRequest().WithTableName("Music").WithPointInTimeRecoverySpecification(
      M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true).WithRecoveryPeriodInDays(99)));
  Advance(1h);
  Both(M::DescribeContinuousBackupsRequest().WithTableName("Music"));
  const auto created = Both(M::CreateBackupRequest().WithTableName("Music").WithBackupName("nightly"));
  ASSERT_TRUE(created.IsSuccess()) << created.GetError();
  const std::string arn = created.GetResult().GetBackupDetails().GetBackupArn();
  Both(M::CreateBackupRequest().WithTableName("Nope").WithBackupName("nightly"));
  Both(M::DescribeBackupRequest().WithBackupArn(arn));
  Both(M::DescribeBackupRequest().WithBackupArn(arn + "0"));
  Advance(90s);
  Both(M::ListBackupsRequest());
  Both(M::ListBackupsRequest().WithTableName("Music").WithBackupType(M::BackupTypeFilter::USER).WithLimit(1));
  Both(M::ListBackupsRequest()
           .WithTimeRangeLowerBound(DateTime(directClock.Now()))
           .WithTimeRangeUpperBound(DateTime(directClock.Now())));
  Both(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilterMapper::GetBackupTypeFilterForName("NIGHTLY")));

  // Restores.
  Both(M::RestoreTableFromBackupRequest().WithTargetTableName("MusicCopy").WithBackupArn(arn));
  Both(M::RestoreTableFromBackupRequest().WithTargetTableName("MusicCopy").WithBackupArn(arn));
  Advance(10min);
  Both(M::RestoreTableToPointInTimeRequest()
           .WithSourceTableName("Music")
           .WithTargetTableName("MusicThen")
           .WithUseLatestRestorableTime(true));
  Both(M::RestoreTableToPointInTimeRequest()
           .WithSourceTableName("Music")
           .WithTargetTableName("MusicEarlier")
           .WithRestoreDateTime(DateTime(directClock.Now())));
  Both(M::RestoreTableToPointInTimeRequest()
           .WithSourceTableName("Music")
           .WithTargetTableName("MusicLongAgo")
           .WithRestoreDateTime(DateTime(static_cast<int64_t>(0))));
  Both(M::ScanRequest().WithTableName("MusicCopy"));

  // Deletion and injected faults.
  Both(M::DeleteBackupRequest().WithBackupArn(arn));
  Both(M::DeleteBackupRequest().WithBackupArn(arn));
  Both(M::DeleteTableRequest().WithTableName("MusicCopy"));
  direct.Faults().Add(FaultRule::On("ListTables").Once());
  viaWire.Faults().Add(FaultRule::On("ListTables").Once());
  const auto failed = Both(M::ListTablesRequest());
  ASSERT_FALSE(failed.IsSuccess());
  EXPECT_EQ(failed.GetError().GetResponseCode(), 500);
  direct.Faults().Add(FaultRule::On("CreateBackup").Fail(DynamoDBErrors::LIMIT_EXCEEDED, "slow down").Once());
  viaWire.Faults().Add(FaultRule::On("CreateBackup").Fail(DynamoDBErrors::LIMIT_EXCEEDED, "slow down").Once());
  Both(M::CreateBackupRequest().WithTableName("Music").WithBackupName("again"));

  // Every operation of the model took part.
  std::set<std::string> all;
#define DYNAFAKE_NAME(Op) all.insert(#Op);
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_NAME)
#undef DYNAFAKE_NAME
  EXPECT_EQ(covered, all);
}

TEST(WireTransport, EveryRequestTypeReachesTheServiceUnchanged) {
  // Full samples of every request (usually invalid for the Service): whatever
  // the Service answers in process, it answers through the wire.
  ManualClock c1, c2;
  Service s1(c1, ServiceOptions::Instant()), s2(c2, ServiceOptions::Instant());
  Client a(s1);
  BasicClient<WireTransport> b(s2);
  int ops = 0;
#define DYNAFAKE_SAME(Op)                                                              \
  {                                                                                    \
    SCOPED_TRACE(#Op);                                                                 \
    ++ops;                                                                             \
    M::Op##Request r;                                                                  \
    wire_test::FillSample(r);                                                          \
    const auto x = a.Op(r);                                                            \
    const auto y = b.Op(r);                                                            \
    ASSERT_EQ(x.IsSuccess(), y.IsSuccess());                                           \
    if (x.IsSuccess()) {                                                               \
      EXPECT_EQ(wire::ToJson(x.GetResult()), wire::ToJson(y.GetResult()));             \
    } else {                                                                           \
      EXPECT_EQ(x.GetError(), y.GetError()) << x.GetError() << " vs " << y.GetError(); \
    }                                                                                  \
  }
  DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_SAME)
#undef DYNAFAKE_SAME
  EXPECT_EQ(ops, dynafake::kOperationCount);
}

TEST(WireTransport, CopiesShareOneWireAndClientsBuildFromAService) {
  ManualClock clock;
  Service service(clock, ServiceOptions::Instant());
  BasicClient<WireTransport> client(service);
  const WireTransport copy = client.GetTransport();
  EXPECT_EQ(&copy.GetWire(), &client.GetTransport().GetWire());
  EXPECT_EQ(&copy.GetService(), &service);
  ASSERT_TRUE(client.ListTables(M::ListTablesRequest()).IsSuccess());
  EXPECT_EQ(copy.GetWire().RequestCount(), 1u);
  const ClientInterface& generic = client;
  const auto out = generic.DescribeTable(M::DescribeTableRequest().WithTableName("none"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(out.GetError().GetResponseCode(), 400);
}

TEST(WireTransport, ErrorResponsesParseAsTheSdkDoes) {
  auto e = wire::detail::ParseErrorResponse(
      400, R"({"__type":"com.amazonaws.dynamodb.v20120810#TableInUseException","message":"busy"})");
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::TABLE_IN_USE);
  EXPECT_EQ(e.GetMessage(), "busy");
  e = wire::detail::ParseErrorResponse(400,
                                       R"({"__type":"com.amazon.coral.validate#ValidationException","Message":"bad"})");
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::VALIDATION);
  EXPECT_EQ(e.GetMessage(), "bad");
  e = wire::detail::ParseErrorResponse(500, "not json");
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::UNKNOWN);
  EXPECT_EQ(e.GetResponseCode(), 500);
  e = wire::detail::ParseErrorResponse(400, R"({"__type":"com.amazon.coral.service#SerializationException"})");
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::SERIALIZATION);
}

}  // namespace
}  // namespace dynafake
