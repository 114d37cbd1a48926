// TransactWriteItems and TransactGetItems: all or nothing across tables, the
// CancellationReasons of a cancelled transaction in action order, the checks
// that refuse the whole request, ClientRequestToken idempotency on the
// clock, doubled capacity, and the fault rules that cancel a transaction.
#include "data_plane_fixtures.hpp"

namespace dynafake_test {
namespace transactions_suite {

using data::Item;
using data::N;
using data::S;
using data::Show;
using dynafake::FaultRule;

class TransactionsTest : public data::DataPlaneTest {
 protected:
  void SetUp() override {
    CreateActiveTable("accounts");
    CreateActiveTable("ledger");
    Put("accounts", {{"id", S("alice")}, {"balance", N("100")}});
    Put("accounts", {{"id", S("bob")}, {"balance", N("20")}});
  }
  static Item Key(const std::string& id) { return {{"id", S(id)}}; }
  /// Moves `amount` from alice to bob, only if alice has it; records the transfer in the ledger.
  static M::TransactWriteItemsRequest Transfer(const std::string& amount, const std::string& transferId = "t1") {
    return M::TransactWriteItemsRequest().WithTransactItems(
        {M::TransactWriteItem().WithUpdate(M::Update()
                                               .WithTableName("accounts")
                                               .WithKey(Key("alice"))
                                               .WithUpdateExpression("SET balance = balance - :amount")
                                               .WithConditionExpression("balance >= :amount")
                                               .WithExpressionAttributeValues({{":amount", N(amount)}})),
         M::TransactWriteItem().WithUpdate(M::Update()
                                               .WithTableName("accounts")
                                               .WithKey(Key("bob"))
                                               .WithUpdateExpression("SET balance = balance + :amount")
                                               .WithExpressionAttributeValues({{":amount", N(amount)}})),
         M::TransactWriteItem().WithPut(M::Put()
                                            .WithTableName("ledger")
                                            .WithItem({{"id", S(transferId)}, {"amount", N(amount)}})
                                            .WithConditionExpression("attribute_not_exists(id)"))});
  }
  std::string Stored(const std::string& table, const std::string& id) {
    auto out = client->GetItem(M::GetItemRequest().WithTableName(table).WithKey(Key(id)));
    return out.IsSuccess() ? Show(out.GetResult().GetItem()) : out.GetError().GetMessage();
  }
  static std::string Codes(const dynafake::DynamoDBError& e) {
    std::string out;
    for (const auto& r : e.GetCancellationReasons()) out += (out.empty() ? "" : ", ") + r.GetCode();
    return out;
  }
  static M::TransactWriteItem CheckExists(const std::string& table, const std::string& id) {
    return M::TransactWriteItem().WithConditionCheck(
        M::ConditionCheck().WithTableName(table).WithKey(Key(id)).WithConditionExpression("attribute_exists(id)"));
  }
};

TEST_P(TransactionsTest, AMoneyTransferAppliesEveryWrite) {
  auto out = client->TransactWriteItems(Transfer("30"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Stored("accounts", "alice"), "{balance: N 70, id: S alice}");
  EXPECT_EQ(Stored("accounts", "bob"), "{balance: N 50, id: S bob}");
  EXPECT_EQ(Stored("ledger", "t1"), "{amount: N 30, id: S t1}");
}

TEST_P(TransactionsTest, AMoneyTransferCancelledByAFailedConditionWritesNothing) {
  auto out = client->TransactWriteItems(Transfer("150"));
  ASSERT_FALSE(out.IsSuccess());
  const auto& e = out.GetError();
  EXPECT_EQ(e.GetErrorType(), DynamoDBErrors::TRANSACTION_CANCELED);
  EXPECT_EQ(e.GetExceptionName(), "TransactionCanceledException");
  EXPECT_EQ(e.GetMessage(),
            "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, "
            "None, None]");
  ASSERT_EQ(e.GetCancellationReasons().size(), 3u);
  EXPECT_EQ(e.GetCancellationReasons()[0].GetCode(), "ConditionalCheckFailed");
  EXPECT_EQ(e.GetCancellationReasons()[0].GetMessage(), "The conditional request failed");
  EXPECT_FALSE(e.GetCancellationReasons()[0].ItemHasBeenSet()) << "only with ReturnValuesOnConditionCheckFailure";
  EXPECT_EQ(e.GetCancellationReasons()[1].GetCode(), "None");
  EXPECT_FALSE(e.GetCancellationReasons()[1].MessageHasBeenSet());
  EXPECT_EQ(Stored("accounts", "alice"), "{balance: N 100, id: S alice}");
  EXPECT_EQ(Stored("accounts", "bob"), "{balance: N 20, id: S bob}");
  EXPECT_EQ(Stored("ledger", "t1"), "{}");
}

TEST_P(TransactionsTest, EveryFailedActionGivesItsReasonAndCanReturnTheItem) {
  ASSERT_TRUE(client->TransactWriteItems(Transfer("10", "t1")).IsSuccess());
  auto request = Transfer("200", "t1");  // alice lacks it, and t1 is taken
  auto items = request.GetTransactItems();
  M::Update first = items[0].GetUpdate();
  first.SetReturnValuesOnConditionCheckFailure(M::ReturnValuesOnConditionCheckFailure::ALL_OLD);
  items[0].SetUpdate(first);
  request.SetTransactItems(items);
  auto out = client->TransactWriteItems(request);
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(Codes(out.GetError()), "ConditionalCheckFailed, None, ConditionalCheckFailed");
  const auto& reasons = out.GetError().GetCancellationReasons();
  ASSERT_TRUE(reasons[0].ItemHasBeenSet());
  EXPECT_EQ(Show(reasons[0].GetItem()), "{balance: N 90, id: S alice}");
  EXPECT_FALSE(reasons[2].ItemHasBeenSet());
}

TEST_P(TransactionsTest, PutDeleteUpdateAndConditionCheckAcrossTables) {
  auto out = client->TransactWriteItems(M::TransactWriteItemsRequest().WithTransactItems(
      {CheckExists("accounts", "alice"),
       M::TransactWriteItem().WithDelete(M::Delete().WithTableName("accounts").WithKey(Key("bob"))),
       M::TransactWriteItem().WithPut(M::Put().WithTableName("ledger").WithItem({{"id", S("closed-bob")}})),
       M::TransactWriteItem().WithUpdate(M::Update()
                                             .WithTableName("ledger")
                                             .WithKey(Key("count"))
                                             .WithUpdateExpression("ADD closures :one")
                                             .WithExpressionAttributeValues({{":one", N("1")}}))}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Stored("accounts", "alice"), "{balance: N 100, id: S alice}") << "a ConditionCheck writes nothing";
  EXPECT_EQ(Stored("accounts", "bob"), "{}");
  EXPECT_EQ(Stored("ledger", "closed-bob"), "{id: S closed-bob}");
  EXPECT_EQ(Stored("ledger", "count"), "{closures: N 1, id: S count}");

  auto failed = client->TransactWriteItems(M::TransactWriteItemsRequest().WithTransactItems(
      {CheckExists("accounts", "bob"),
       M::TransactWriteItem().WithPut(M::Put().WithTableName("ledger").WithItem({{"id", S("never")}}))}));
  ASSERT_FALSE(failed.IsSuccess());
  EXPECT_EQ(Codes(failed.GetError()), "ConditionalCheckFailed, None");
  EXPECT_EQ(Stored("ledger", "never"), "{}");
}

TEST_P(TransactionsTest, AnUpdateThatCannotApplyToItsItemIsAValidationErrorReason) {
  Put("accounts", {{"id", S("carol")}, {"balance", S("unknown")}});
  auto out = client->TransactWriteItems(M::TransactWriteItemsRequest().WithTransactItems(
      {M::TransactWriteItem().WithUpdate(M::Update()
                                             .WithTableName("accounts")
                                             .WithKey(Key("carol"))
                                             .WithUpdateExpression("SET balance = balance + :one")
                                             .WithExpressionAttributeValues({{":one", N("1")}})),
       M::TransactWriteItem().WithPut(M::Put().WithTableName("ledger").WithItem({{"id", S("x")}}))}));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TRANSACTION_CANCELED);
  EXPECT_EQ(Codes(out.GetError()), "ValidationError, None");
  EXPECT_EQ(out.GetError().GetCancellationReasons()[0].GetMessage(),
            "An operand in the update expression has an incorrect data type");
  EXPECT_EQ(Stored("ledger", "x"), "{}");
}

TEST_P(TransactionsTest, RequestsTheServiceRefusesWhole) {
  auto refused = [&](const M::TransactWriteItemsRequest& r) {
    auto out = client->TransactWriteItems(r);
    EXPECT_FALSE(out.IsSuccess());
    return out.IsSuccess()
               ? std::string("(succeeded)")
               : dynafake::ExceptionNameFor(out.GetError().GetErrorType()) + ": " + out.GetError().GetMessage();
  };
  auto put = [](const std::string& table, const std::string& id) {
    return M::TransactWriteItem().WithPut(M::Put().WithTableName(table).WithItem({{"id", S(id)}}));
  };
  EXPECT_EQ(refused(M::TransactWriteItemsRequest().WithTransactItems({put("ledger", "a"), put("ledger", "a")})),
            "ValidationException: Transaction request cannot include multiple operations on one item");
  EXPECT_EQ(refused(M::TransactWriteItemsRequest().WithTransactItems(
                {CheckExists("accounts", "alice"),
                 M::TransactWriteItem().WithDelete(M::Delete().WithTableName("accounts").WithKey(Key("alice")))})),
            "ValidationException: Transaction request cannot include multiple operations on one item");
  EXPECT_EQ(refused(M::TransactWriteItemsRequest().WithTransactItems(
                {put("ledger", "b"), M::TransactWriteItem()
                                         .WithPut(M::Put().WithTableName("ledger").WithItem({{"id", S("c")}}))
                                         .WithDelete(M::Delete().WithTableName("ledger").WithKey(Key("c")))})),
            "ValidationException: TransactItems can only contain one of Check, Put, Update or Delete");
  EXPECT_EQ(refused(M::TransactWriteItemsRequest().WithTransactItems({put("ledger", "d"), put("nowhere", "d")})),
            "ResourceNotFoundException: Requested resource not found");
  EXPECT_EQ(refused(M::TransactWriteItemsRequest().WithTransactItems(
                {put("ledger", "e"), M::TransactWriteItem().WithDelete(
                                         M::Delete().WithTableName("accounts").WithKey({{"name", S("alice")}}))})),
            "ValidationException: The provided key element does not match the schema");
  EXPECT_EQ(refused(M::TransactWriteItemsRequest().WithTransactItems(
                {M::TransactWriteItem().WithPut(M::Put()
                                                    .WithTableName("ledger")
                                                    .WithItem({{"id", S("f")}})
                                                    .WithConditionExpression("attribute_not_exists(id"))})),
            "ValidationException: Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"id\"");
  std::vector<M::TransactWriteItem> many;
  for (int i = 0; i < 101; ++i) many.push_back(put("ledger", "n" + std::to_string(i)));
  EXPECT_NE(refused(M::TransactWriteItemsRequest().WithTransactItems(many))
                .find("Member must have length less than or equal to 100"),
            std::string::npos);
  for (const char* id : {"a", "b", "c", "d", "e", "f", "n0"}) EXPECT_EQ(Stored("ledger", id), "{}") << id;
}

TEST_P(TransactionsTest, ARetryWithTheSameTokenAppliesOnce) {
  auto deposit = [](const std::string& amount) {
    return M::TransactWriteItemsRequest()
        .WithClientRequestToken("deposit-0001")
        .WithTransactItems(
            {M::TransactWriteItem().WithUpdate(M::Update()
                                                   .WithTableName("accounts")
                                                   .WithKey(Key("bob"))
                                                   .WithUpdateExpression("ADD balance :amount")
                                                   .WithExpressionAttributeValues({{":amount", N(amount)}}))});
  };
  ASSERT_TRUE(client->TransactWriteItems(deposit("5")).IsSuccess());
  clock.Advance(9min);
  auto retry = client->TransactWriteItems(deposit("5"));
  ASSERT_TRUE(retry.IsSuccess()) << retry.GetError();
  EXPECT_EQ(Stored("accounts", "bob"), "{balance: N 25, id: S bob}") << "the retry wrote nothing";

  auto other = client->TransactWriteItems(deposit("7"));
  ASSERT_FALSE(other.IsSuccess());
  EXPECT_EQ(other.GetError().GetErrorType(), DynamoDBErrors::IDEMPOTENT_PARAMETER_MISMATCH);
  EXPECT_EQ(other.GetError().GetExceptionName(), "IdempotentParameterMismatchException");
  EXPECT_EQ(Stored("accounts", "bob"), "{balance: N 25, id: S bob}");

  clock.Advance(1min);  // ten minutes after the first call: the token is forgotten
  auto later = client->TransactWriteItems(deposit("7"));
  ASSERT_TRUE(later.IsSuccess()) << later.GetError();
  EXPECT_EQ(Stored("accounts", "bob"), "{balance: N 32, id: S bob}");
}

TEST_P(TransactionsTest, AFailedTransactionDoesNotSpendItsToken) {
  auto request = Transfer("150").WithClientRequestToken("transfer-0001");
  EXPECT_EQ(client->TransactWriteItems(request).GetError().GetErrorType(), DynamoDBErrors::TRANSACTION_CANCELED);
  Put("accounts", {{"id", S("alice")}, {"balance", N("500")}});
  auto again = client->TransactWriteItems(request);
  ASSERT_TRUE(again.IsSuccess()) << again.GetError();
  EXPECT_EQ(Stored("accounts", "alice"), "{balance: N 350, id: S alice}");
}

TEST_P(TransactionsTest, TheTokenWindowIsAnOption) {
  dynafake::ServiceOptions options = dynafake::ServiceOptions::Instant();
  options.limits.transactionTokenWindow = std::chrono::minutes(1);
  dynafake::Service short_window(clock, options);
  dynafake::Client direct(short_window);
  ASSERT_TRUE(direct.CreateTable(OrdersTable("accounts")).IsSuccess());
  auto add = [](const std::string& amount) {
    return M::TransactWriteItemsRequest().WithClientRequestToken("t").WithTransactItems(
        {M::TransactWriteItem().WithUpdate(M::Update()
                                               .WithTableName("accounts")
                                               .WithKey(Key("x"))
                                               .WithUpdateExpression("ADD n :n")
                                               .WithExpressionAttributeValues({{":n", N(amount)}}))});
  };
  ASSERT_TRUE(direct.TransactWriteItems(add("1")).IsSuccess());
  EXPECT_EQ(direct.TransactWriteItems(add("2")).GetError().GetErrorType(),
            DynamoDBErrors::IDEMPOTENT_PARAMETER_MISMATCH);
  clock.Advance(1min);
  EXPECT_TRUE(direct.TransactWriteItems(add("2")).IsSuccess());
  auto read = direct.GetItem(M::GetItemRequest().WithTableName("accounts").WithKey(Key("x")));
  EXPECT_EQ(read.GetResult().GetItem().at("n").GetN(), "3");
}

TEST_P(TransactionsTest, CapacityIsChargedTwice) {
  auto out = client->TransactWriteItems(Transfer("30").WithReturnConsumedCapacity(M::ReturnConsumedCapacity::TOTAL));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& capacity = out.GetResult().GetConsumedCapacity();
  ASSERT_EQ(capacity.size(), 2u);  // one entry per table, in the order they first appear
  EXPECT_EQ(capacity[0].GetTableName(), "accounts");
  EXPECT_DOUBLE_EQ(capacity[0].GetCapacityUnits(), 4.0);  // two 1 KB writes, twice each
  EXPECT_EQ(capacity[1].GetTableName(), "ledger");
  EXPECT_DOUBLE_EQ(capacity[1].GetCapacityUnits(), 2.0);

  auto read = client->TransactGetItems(
      M::TransactGetItemsRequest()
          .WithTransactItems({M::TransactGetItem().WithGet(M::Get().WithTableName("accounts").WithKey(Key("alice"))),
                              M::TransactGetItem().WithGet(M::Get().WithTableName("ledger").WithKey(Key("t1")))})
          .WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  ASSERT_TRUE(read.IsSuccess()) << read.GetError();
  ASSERT_EQ(read.GetResult().GetConsumedCapacity().size(), 2u);
  EXPECT_DOUBLE_EQ(read.GetResult().GetConsumedCapacity()[0].GetCapacityUnits(), 2.0);  // a 4 KB read, twice
  EXPECT_DOUBLE_EQ(read.GetResult().GetConsumedCapacity()[0].GetTable().GetCapacityUnits(), 2.0);

  auto none = client->TransactWriteItems(Transfer("1", "t2"));
  ASSERT_TRUE(none.IsSuccess());
  EXPECT_FALSE(none.GetResult().ConsumedCapacityHasBeenSet());
}

TEST_P(TransactionsTest, TransactGetItemsAnswersInRequestOrder) {
  auto out = client->TransactGetItems(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("accounts").WithKey(Key("bob"))),
       M::TransactGetItem().WithGet(M::Get().WithTableName("ledger").WithKey(Key("absent"))),
       M::TransactGetItem().WithGet(
           M::Get().WithTableName("accounts").WithKey(Key("alice")).WithProjectionExpression("balance"))}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& responses = out.GetResult().GetResponses();
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(Show(responses[0].GetItem()), "{balance: N 20, id: S bob}");
  EXPECT_FALSE(responses[1].ItemHasBeenSet()) << "an absent item answers an empty response";
  EXPECT_EQ(Show(responses[2].GetItem()), "{balance: N 100}");

  auto missing = client->TransactGetItems(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("nowhere").WithKey(Key("a")))}));
  EXPECT_EQ(missing.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_NOT_FOUND);
  auto badKey = client->TransactGetItems(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("accounts").WithKey({{"name", S("a")}}))}));
  EXPECT_EQ(badKey.GetError().GetMessage(), "The provided key element does not match the schema");
}

TEST_P(TransactionsTest, AFaultRuleCancelsWithATransactionConflict) {
  service.Faults().Add(FaultRule::On<M::TransactWriteItemsRequest>().Once().Fail(DynamoDBErrors::TRANSACTION_CANCELED));
  auto out = client->TransactWriteItems(Transfer("30"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetMessage(),
            "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None, "
            "None]");
  ASSERT_EQ(out.GetError().GetCancellationReasons().size(), 3u);
  EXPECT_EQ(out.GetError().GetCancellationReasons()[0].GetMessage(), "Transaction is ongoing for the item");
  EXPECT_EQ(Stored("accounts", "alice"), "{balance: N 100, id: S alice}");
  ASSERT_TRUE(client->TransactWriteItems(Transfer("30")).IsSuccess()) << "the rule fired once";

  service.Faults().Add(
      FaultRule::On<M::TransactGetItemsRequest>().Once().Fail(DynamoDBErrors::TRANSACTION_IN_PROGRESS));
  auto read = client->TransactGetItems(M::TransactGetItemsRequest().WithTransactItems(
      {M::TransactGetItem().WithGet(M::Get().WithTableName("accounts").WithKey(Key("bob")))}));
  EXPECT_EQ(read.GetError().GetExceptionName(), "TransactionInProgressException");
  EXPECT_EQ(read.GetError().GetMessage(), "Transaction from previous request is still in progress");

  service.Faults().Add(FaultRule::On<M::TransactWriteItemsRequest>().Once().Fail(DynamoDBErrors::TRANSACTION_CONFLICT));
  EXPECT_EQ(client->TransactWriteItems(Transfer("1", "t9")).GetError().GetMessage(),
            "Transaction is ongoing for the item");
}

TEST_P(TransactionsTest, EveryWriteLandsAtOneInstantOfThePointInTimeHistory) {
  ASSERT_TRUE(
      client
          ->UpdateContinuousBackups(M::UpdateContinuousBackupsRequest()
                                        .WithTableName("accounts")
                                        .WithPointInTimeRecoverySpecification(
                                            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
          .IsSuccess());
  clock.Advance(1s);
  const auto before = clock.Now();
  clock.Advance(1s);
  ASSERT_TRUE(client->TransactWriteItems(Transfer("30")).IsSuccess());
  const auto after = clock.Now();
  clock.Advance(service.Options().durations.pitrLatestLag + 1s);  // both instants in the restorable window
  auto restore = [&](const std::string& target, dynafake::DateTime at) {
    auto out = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                     .WithSourceTableName("accounts")
                                                     .WithTargetTableName(target)
                                                     .WithRestoreDateTime(at));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  };
  restore("accounts-before", dynafake::DateTime(before));
  restore("accounts-after", dynafake::DateTime(after));
  clock.Advance(1s);
  EXPECT_EQ(Stored("accounts-before", "alice"), "{balance: N 100, id: S alice}");
  EXPECT_EQ(Stored("accounts-before", "bob"), "{balance: N 20, id: S bob}");
  EXPECT_EQ(Stored("accounts-after", "alice"), "{balance: N 70, id: S alice}");
  EXPECT_EQ(Stored("accounts-after", "bob"), "{balance: N 50, id: S bob}");
}

DYNAFAKE_INSTANTIATE(TransactionsTest);

}  // namespace transactions_suite
}  // namespace dynafake_test
