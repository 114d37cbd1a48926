// Throughput enforced on the clock: a provisioned table's and each global
// index's read and write capacity, the burst of unused capacity it keeps, the
// messages, batches that return what was throttled, on-demand limits, and the
// switch (ServiceOptions::throughput; docs/throughput.md).
#include "fixtures.hpp"

#include <algorithm>
#include <vector>

namespace dynafake_test {
namespace throughput_suite {

/// `name` with a hash key "id", provisioned at `read` / `write` units a second.
M::CreateTableRequest ProvisionedTable(const std::string& name, long long read, long long write) {
  return OrdersTable(name)
      .WithBillingMode(M::BillingMode::PROVISIONED)
      .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(read).WithWriteCapacityUnits(write));
}

/// Buckets that keep one second of unused capacity (instead of 300): small numbers of calls reach the limit.
dynafake::ServiceOptions OneSecondBurst() {
  auto options = dynafake::ServiceOptions::Instant();
  options.throughput.burstSeconds = 1;
  return options;
}

class ThroughputTest : public ServiceTest {
 protected:
  ThroughputTest() : ServiceTest(OneSecondBurst()) {}
  void Create(const M::CreateTableRequest& table) {
    auto out = client->CreateTable(table);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  }
  /// The error's exception name, or "OK".
  template <class Outcome>
  static std::string Answer(const Outcome& out) {
    return out.IsSuccess() ? "OK" : out.GetError().GetExceptionName();
  }
  bool Exists(const std::string& table, const std::string& id) {
    auto out = service.Inspect(M::GetItemRequest().WithTableName(table).WithKey({{"id", M::AttributeValue(id)}}));
    return out.IsSuccess() && !out.GetResult().GetItem().empty();
  }
  static M::WriteRequest PutOf(const std::string& id) {
    return M::WriteRequest().WithPutRequest(M::PutRequest().WithItem({{"id", M::AttributeValue(id)}}));
  }
};

TEST_P(ThroughputTest, WritesOverTheProvisionedCapacityAreThrottledUntilTheClockRefillsIt) {
  Create(ProvisionedTable("orders", 5, 5));
  for (int i = 0; i < 5; ++i) ASSERT_EQ(Answer(client->PutItem(Order("orders", "o" + std::to_string(i)))), "OK");
  auto throttled = client->PutItem(Order("orders", "o5"));
  ASSERT_FALSE(throttled.IsSuccess());
  EXPECT_EQ(throttled.GetError().GetErrorType(), DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
  EXPECT_EQ(throttled.GetError().GetMessage(),
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
            "provisioning level with the UpdateTable API.");
  EXPECT_FALSE(Exists("orders", "o5"));  // nothing applied
  clock.Advance(200ms);                  // 5 units a second: one unit back
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "o5"))), "OK");
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "o6"))), "ProvisionedThroughputExceededException");
}

TEST_P(ThroughputTest, ThrottledWriteConsumesNothing) {
  Create(ProvisionedTable("orders", 3, 3));
  ASSERT_EQ(Answer(client->PutItem(Order("orders", "small"))), "OK");  // 1 unit, 2 left
  // an item of about 2.5 KB costs 3 write units: more than is left
  auto big = Order("orders", "big");
  big.AddItem("blob", M::AttributeValue(std::string(2500, 'x')));
  EXPECT_EQ(Answer(client->PutItem(big)), "ProvisionedThroughputExceededException");
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "a"))), "OK");  // the 2 units are still there
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "b"))), "OK");
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "c"))), "ProvisionedThroughputExceededException");
}

TEST_P(ThroughputTest, ReadsAreChargedWhatTheirConsumedCapacityReports) {
  Create(ProvisionedTable("orders", 1, 10));
  ASSERT_EQ(Answer(client->PutItem(Order("orders", "o1"))), "OK");
  const auto get = M::GetItemRequest()
                       .WithTableName("orders")
                       .WithKey({{"id", M::AttributeValue("o1")}})
                       .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL);
  auto first = client->GetItem(get);  // eventually consistent: half a unit
  ASSERT_TRUE(first.IsSuccess()) << first.GetError();
  EXPECT_EQ(first.GetResult().GetConsumedCapacity().GetCapacityUnits(), 0.5);
  EXPECT_EQ(Answer(client->GetItem(get)), "OK");  // the second half
  EXPECT_EQ(Answer(client->GetItem(get)), "ProvisionedThroughputExceededException");
  clock.Advance(1s);
  auto consistent = M::GetItemRequest(get).WithConsistentRead(true);  // a whole unit
  EXPECT_EQ(Answer(client->GetItem(consistent)), "OK");
  EXPECT_EQ(Answer(client->GetItem(consistent)), "ProvisionedThroughputExceededException");
}

TEST_P(ThroughputTest, AGlobalIndexHasItsOwnCapacityAndItsOwnMessage) {
  auto table = ProvisionedTable("orders", 10, 10);
  table.AddAttributeDefinitions(
      M::AttributeDefinition().WithAttributeName("customer").WithAttributeType(M::ScalarAttributeType::S));
  table.AddGlobalSecondaryIndexes(
      M::GlobalSecondaryIndex()
          .WithIndexName("by-customer")
          .WithKeySchema({M::KeySchemaElement().WithAttributeName("customer").WithKeyType(M::KeyType::HASH)})
          .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL))
          .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(1).WithWriteCapacityUnits(1)));
  Create(table);
  auto withCustomer = [](const std::string& id) {
    return Order("orders", id).AddItem("customer", M::AttributeValue("ada"));
  };
  ASSERT_EQ(Answer(client->PutItem(withCustomer("o1"))), "OK");  // the index's one unit
  auto throttled = client->PutItem(withCustomer("o2"));
  ASSERT_FALSE(throttled.IsSuccess());
  EXPECT_EQ(throttled.GetError().GetErrorType(), DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
  EXPECT_EQ(throttled.GetError().GetMessage(),
            "The level of configured provisioned throughput for one or more global secondary indexes of the table "
            "was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary "
            "indexes with the UpdateTable API");
  EXPECT_FALSE(Exists("orders", "o2"));
  // an item the index does not hold costs the index nothing
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "o3"))), "OK");
  // and a Query of the index reads from the index's capacity (1 unit: two eventually consistent pages)
  const auto query = M::QueryRequest()
                         .WithTableName("orders")
                         .WithIndexName("by-customer")
                         .WithKeyConditionExpression("customer = :c")
                         .WithExpressionAttributeValues({{":c", M::AttributeValue("ada")}});
  EXPECT_EQ(Answer(client->Query(query)), "OK");
  EXPECT_EQ(Answer(client->Query(query)), "OK");
  EXPECT_EQ(Answer(client->Query(query)), "ProvisionedThroughputExceededException");
}

TEST_P(ThroughputTest, UnusedCapacityIsKeptForUpTo300Seconds) {
  dynafake::Service defaults(clock, dynafake::ServiceOptions::Instant());  // the documented 300 s burst
  auto c = GetParam().make(defaults);
  ASSERT_TRUE(c->CreateTable(ProvisionedTable("orders", 1, 1)).IsSuccess());
  for (int i = 0; i < 300; ++i) ASSERT_EQ(Answer(c->PutItem(Order("orders", "o" + std::to_string(i)))), "OK") << i;
  EXPECT_EQ(Answer(c->PutItem(Order("orders", "late"))), "ProvisionedThroughputExceededException");
  clock.Advance(std::chrono::hours(1));  // an hour unused still keeps only 300 seconds of it
  for (int i = 0; i < 300; ++i) ASSERT_EQ(Answer(c->PutItem(Order("orders", "o" + std::to_string(i)))), "OK") << i;
  EXPECT_EQ(Answer(c->PutItem(Order("orders", "late"))), "ProvisionedThroughputExceededException");
}

TEST_P(ThroughputTest, BatchWriteReturnsTheThrottledItemsAsUnprocessed) {
  Create(ProvisionedTable("orders", 5, 3));
  std::vector<M::WriteRequest> writes;
  for (int i = 0; i < 5; ++i) writes.push_back(PutOf("o" + std::to_string(i)));
  auto out = client->BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems({{"orders", writes}}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& unprocessed = out.GetResult().GetUnprocessedItems();
  ASSERT_EQ(unprocessed.count("orders"), 1u);
  ASSERT_EQ(unprocessed.at("orders").size(), 2u);
  EXPECT_EQ(unprocessed.at("orders")[0].GetPutRequest().GetItem().at("id").GetS(), "o3");
  EXPECT_TRUE(Exists("orders", "o2"));
  EXPECT_FALSE(Exists("orders", "o3"));
  // nothing at all processed: the whole call is throttled
  auto none = client->BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems(unprocessed));
  ASSERT_FALSE(none.IsSuccess());
  EXPECT_EQ(none.GetError().GetErrorType(), DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
  clock.Advance(1s);
  auto retried = client->BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems(unprocessed));
  ASSERT_TRUE(retried.IsSuccess()) << retried.GetError();
  EXPECT_TRUE(retried.GetResult().GetUnprocessedItems().empty());
  EXPECT_TRUE(Exists("orders", "o4"));
}

TEST_P(ThroughputTest, BatchGetReturnsTheThrottledKeysAsUnprocessed) {
  Create(ProvisionedTable("orders", 1, 10));
  for (int i = 0; i < 3; ++i) ASSERT_EQ(Answer(client->PutItem(Order("orders", "o" + std::to_string(i)))), "OK");
  auto keys = M::KeysAndAttributes().WithConsistentRead(true);
  for (int i = 0; i < 3; ++i) keys.AddKeys({{"id", M::AttributeValue("o" + std::to_string(i))}});
  const auto request = M::BatchGetItemRequest().WithRequestItems({{"orders", keys}});
  auto out = client->BatchGetItem(request);  // one unit: one consistent read
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(out.GetResult().GetResponses().at("orders").size(), 1u);
  ASSERT_EQ(out.GetResult().GetUnprocessedKeys().at("orders").GetKeys().size(), 2u);
  EXPECT_TRUE(out.GetResult().GetUnprocessedKeys().at("orders").GetConsistentRead());
  auto none = client->BatchGetItem(request);
  ASSERT_FALSE(none.IsSuccess());
  EXPECT_EQ(none.GetError().GetErrorType(), DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
}

TEST_P(ThroughputTest, OnDemandTablesThrottlePastTheirMaximumWithThrottlingException) {
  auto table = OrdersTable("orders").WithOnDemandThroughput(
      M::OnDemandThroughput().WithMaxReadRequestUnits(-1).WithMaxWriteRequestUnits(2));
  // made on the Service itself: the aws-sdk-cpp the tests build predates OnDemandThroughput
  // (its transport refuses a request it cannot express); the writes go through every transport
  ASSERT_TRUE(service.CreateTable(table).IsSuccess());
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "o1"))), "OK");
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "o2"))), "OK");
  auto throttled = client->PutItem(Order("orders", "o3"));
  ASSERT_FALSE(throttled.IsSuccess());
  EXPECT_EQ(throttled.GetError().GetErrorType(), DynamoDBErrors::THROTTLING);
  EXPECT_EQ(throttled.GetError().GetMessage(),
            "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your "
            "table or index so please try again shortly. If exceptions persist, check if you have a hot key: "
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html");
  clock.Advance(500ms);
  EXPECT_EQ(Answer(client->PutItem(Order("orders", "o3"))), "OK");
}

TEST_P(ThroughputTest, ABatchJobBacksOffUntilEveryRowIsWritten) {
  Create(ProvisionedTable("rows", 5, 10));  // 10 rows a second, one second of them saved up
  const auto start = clock.Now();
  int partial = 0, throttledCalls = 0;
  for (int first = 0; first < 100; first += 25) {
    std::vector<M::WriteRequest> batch;
    for (int i = first; i < first + 25; ++i) batch.push_back(PutOf("row-" + std::to_string(i)));
    auto backoff = 50ms;
    while (!batch.empty()) {
      auto out = client->BatchWriteItem(M::BatchWriteItemRequest().WithRequestItems({{"rows", batch}}));
      if (out.IsSuccess()) {
        const auto& left = out.GetResult().GetUnprocessedItems();
        batch = left.count("rows") ? left.at("rows") : std::vector<M::WriteRequest>{};
        if (batch.empty()) break;
        ++partial;
      } else {
        ASSERT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
        ++throttledCalls;
      }
      clock.Advance(backoff);  // where the job would sleep
      backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
    }
  }
  EXPECT_GT(partial, 0);
  EXPECT_GT(throttledCalls, 0);
  EXPECT_GE(clock.Now() - start, 9s) << "90 rows past the first second's 10, at 10 a second";
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(Exists("rows", "row-" + std::to_string(i))) << i;
}

TEST_P(ThroughputTest, InspectionsAreNotCharged) {
  Create(ProvisionedTable("orders", 1, 1));
  ASSERT_EQ(Answer(client->PutItem(Order("orders", "o1"))), "OK");
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(Exists("orders", "o1"));  // Service::Inspect
  const auto get = M::GetItemRequest().WithTableName("orders").WithKey({{"id", M::AttributeValue("o1")}});
  EXPECT_EQ(Answer(client->GetItem(get)), "OK");
  EXPECT_EQ(Answer(client->GetItem(get)), "OK");
  EXPECT_EQ(Answer(client->GetItem(get)), "ProvisionedThroughputExceededException");
}

DYNAFAKE_INSTANTIATE(ThroughputTest);

dynafake::ServiceOptions PartitionOf(double writeUnits) {
  auto options = OneSecondBurst();
  options.throughput.partitionWriteUnits = writeUnits;
  return options;
}

class OnDemandPartitionTest : public ServiceTest {
 protected:
  OnDemandPartitionTest() : ServiceTest(PartitionOf(3)) {}
};

TEST_P(OnDemandPartitionTest, AnOnDemandTableIsOnePartitionAndMeetsItsLimit) {
  CreateActiveTable("orders");
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(client->PutItem(Order("orders", "o" + std::to_string(i))).IsSuccess());
  auto throttled = client->PutItem(Order("orders", "o3"));
  ASSERT_FALSE(throttled.IsSuccess());
  EXPECT_EQ(throttled.GetError().GetErrorType(), DynamoDBErrors::THROTTLING);
}

DYNAFAKE_INSTANTIATE(OnDemandPartitionTest);

dynafake::ServiceOptions NotEnforced() {
  auto options = OneSecondBurst();
  options.throughput.enforce = false;
  return options;
}

class ThroughputOffTest : public ServiceTest {
 protected:
  ThroughputOffTest() : ServiceTest(NotEnforced()) {}
};

TEST_P(ThroughputOffTest, EnforcementSwitchedOffServesAnyTraffic) {
  ASSERT_TRUE(client->CreateTable(ProvisionedTable("orders", 1, 1)).IsSuccess());
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(client->PutItem(Order("orders", "o" + std::to_string(i))).IsSuccess()) << i;
}

DYNAFAKE_INSTANTIATE(ThroughputOffTest);

class ThroughputDecreasesTest : public ServiceTest {
 protected:
  /// UpdateTable to `read` read units (write stays 10).
  M::UpdateTableOutcome SetRead(long long read) {
    return client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithProvisionedThroughput(
        M::ProvisionedThroughput().WithReadCapacityUnits(read).WithWriteCapacityUnits(10)));
  }
};

TEST_P(ThroughputDecreasesTest, FourDecreasesAnyTimeThenOneAnHour) {
  ASSERT_TRUE(client->CreateTable(ProvisionedTable("orders", 100, 10)).IsSuccess());
  for (long long read = 99; read >= 96; --read) ASSERT_TRUE(SetRead(read).IsSuccess()) << read;
  EXPECT_TRUE(SetRead(200).IsSuccess());  // increases are not limited
  clock.Advance(10min);
  auto fifth = SetRead(150);
  ASSERT_FALSE(fifth.IsSuccess());
  EXPECT_EQ(fifth.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
  EXPECT_EQ(fifth.GetError().GetMessage(),
            "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After "
            "the first 4 decreases, each subsequent decrease in the same UTC day can be performed at most once every "
            "3600 seconds. Number of decreases today: 4. Last decrease at Thursday, January 1, 2026 12:00:00 AM UTC. "
            "Next decrease can be made at Thursday, January 1, 2026 1:00:00 AM UTC");
  auto table = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
  EXPECT_EQ(table.GetResult().GetTable().GetProvisionedThroughput().GetReadCapacityUnits(), 200);  // unchanged
  clock.Advance(50min);  // an hour after the last decrease
  EXPECT_TRUE(SetRead(150).IsSuccess());
  EXPECT_FALSE(SetRead(140).IsSuccess());
  clock.Advance(24h);  // a new UTC day: four more at any time
  for (long long read = 130; read >= 127; --read) EXPECT_TRUE(SetRead(read).IsSuccess()) << read;
  EXPECT_FALSE(SetRead(120).IsSuccess());
}

TEST_P(ThroughputDecreasesTest, AtMost27DecreasesInAUtcDay) {
  ASSERT_TRUE(client->CreateTable(ProvisionedTable("orders", 1000, 10)).IsSuccess());
  long long read = 1000;
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(SetRead(--read).IsSuccess()) << i;
  for (int hour = 1; hour <= 23; ++hour) {
    clock.Advance(1h);
    ASSERT_TRUE(SetRead(--read).IsSuccess()) << hour;
  }
  clock.Advance(59min);  // 23:59 UTC, more than an hour after the 27th: still refused until midnight
  auto refused = SetRead(--read);
  ASSERT_FALSE(refused.IsSuccess());
  EXPECT_NE(refused.GetError().GetMessage().find("Number of decreases today: 27."), std::string::npos);
  EXPECT_NE(
      refused.GetError().GetMessage().find("Next decrease can be made at Friday, January 2, 2026 12:00:00 AM UTC"),
      std::string::npos);
  clock.Advance(1min);
  EXPECT_TRUE(SetRead(read).IsSuccess());
}

DYNAFAKE_INSTANTIATE(ThroughputDecreasesTest);

// A transaction is charged twice the units of its reads and writes, all or
// none: when one table cannot take its part the transaction is cancelled with
// the ProvisionedThroughputExceeded reason the service model documents for
// that action, nothing is written and no table's capacity is consumed.
class TransactionThroughputTest : public ThroughputTest {
 protected:
  static M::TransactWriteItem PutIn(const std::string& table, const std::string& id) {
    return M::TransactWriteItem().WithPut(M::Put().WithTableName(table).WithItem({{"id", M::AttributeValue(id)}}));
  }
};

TEST_P(TransactionThroughputTest, ATransactionItsTableCannotTakeIsCancelledAndWritesNothing) {
  Create(ProvisionedTable("ledger", 1, 1));  // a bucket of one unit a second, kept for one second
  // a full bucket takes any one request (it goes into debt): 2 units, the doubled write
  ASSERT_EQ(
      Answer(client->TransactWriteItems(M::TransactWriteItemsRequest().WithTransactItems({PutIn("ledger", "a")}))),
      "OK");
  auto throttled = client->TransactWriteItems(M::TransactWriteItemsRequest().WithTransactItems({PutIn("ledger", "b")}));
  ASSERT_FALSE(throttled.IsSuccess());
  EXPECT_EQ(throttled.GetError().GetErrorType(), DynamoDBErrors::TRANSACTION_CANCELED);
  ASSERT_EQ(throttled.GetError().GetCancellationReasons().size(), 1u);
  EXPECT_EQ(throttled.GetError().GetCancellationReasons()[0].GetCode(), "ProvisionedThroughputExceeded");
  EXPECT_EQ(throttled.GetError().GetCancellationReasons()[0].GetMessage(),
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your "
            "provisioning level with the UpdateTable API.");
  EXPECT_FALSE(Exists("ledger", "b"));
  clock.Advance(2s);  // the debt of one unit paid back, the bucket full again
  EXPECT_EQ(
      Answer(client->TransactWriteItems(M::TransactWriteItemsRequest().WithTransactItems({PutIn("ledger", "b")}))),
      "OK");
  EXPECT_TRUE(Exists("ledger", "b"));
}

TEST_P(TransactionThroughputTest, AThrottledTableCancelsTheWholeTransactionAndTheOtherTablesKeepTheirCapacity) {
  Create(ProvisionedTable("accounts", 1, 1));
  Create(ProvisionedTable("audit", 1, 1));
  ASSERT_EQ(Answer(client->PutItem(Order("audit", "first"))), "OK");  // audit's bucket is in debt now
  auto out = client->TransactWriteItems(
      M::TransactWriteItemsRequest().WithTransactItems({PutIn("accounts", "alice"), PutIn("audit", "entry")}));
  ASSERT_FALSE(out.IsSuccess());
  ASSERT_EQ(out.GetError().GetCancellationReasons().size(), 2u);
  EXPECT_EQ(out.GetError().GetCancellationReasons()[0].GetCode(), "None");
  EXPECT_EQ(out.GetError().GetCancellationReasons()[1].GetCode(), "ProvisionedThroughputExceeded");
  EXPECT_EQ(out.GetError().GetMessage(),
            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, "
            "ProvisionedThroughputExceeded]");
  EXPECT_FALSE(Exists("accounts", "alice"));
  EXPECT_FALSE(Exists("audit", "entry"));
  // accounts' bucket was charged and put back: still full, it takes the next write
  EXPECT_EQ(Answer(client->PutItem(Order("accounts", "bob"))), "OK");
}

TEST_P(TransactionThroughputTest, TransactGetItemsIsThrottledAsAWholeToo) {
  Create(ProvisionedTable("ledger", 1, 1));
  ASSERT_EQ(
      Answer(client->GetItem(M::GetItemRequest().WithTableName("ledger").WithKey({{"id", M::AttributeValue("x")}}))),
      "OK");  // a full bucket's one read: half a unit, the bucket at half
  ASSERT_EQ(
      Answer(client->GetItem(M::GetItemRequest().WithTableName("ledger").WithKey({{"id", M::AttributeValue("y")}}))),
      "OK");  // and now at zero
  auto out = client->TransactGetItems(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("ledger").WithKey({{"id", M::AttributeValue("x")}}))}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TRANSACTION_CANCELED);
  ASSERT_EQ(out.GetError().GetCancellationReasons().size(), 1u);
  EXPECT_EQ(out.GetError().GetCancellationReasons()[0].GetCode(), "ProvisionedThroughputExceeded");
}

DYNAFAKE_INSTANTIATE(TransactionThroughputTest);

}  // namespace throughput_suite
}  // namespace dynafake_test
