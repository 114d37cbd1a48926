// UpdateItem: update expressions (SET with arithmetic, if_not_exists and
// list_append, REMOVE, ADD, DELETE, nested paths) and the legacy
// AttributeUpdates, on an existing item or a new one made from the key;
// ReturnValues; conditions; the checks of the result (key attributes, index
// key types, size); capacity; and the service's messages.
#include "data_plane_fixtures.hpp"

namespace dynafake_test {
namespace update_item_suite {

using data::B;
using data::Bool;
using data::Column;
using data::DataPlaneTest;
using data::Item;
using data::L;
using data::Map;
using data::MusicTable;
using data::N;
using data::NS;
using data::S;
using data::ScoresTable;
using data::Show;
using data::SS;

class UpdateItemTest : public DataPlaneTest {
 protected:
  void SetUp() override {
    SeedMusic();
    Put("music", {{"artist", S("abba")},
                  {"song", S("sos")},
                  {"plays", N("10")},
                  {"genre", S("pop")},
                  {"tags", SS({"70s", "disco"})},
                  {"charts", L({N("1"), N("3")})},
                  {"meta", Map({{"label", S("polar")}})}});
  }
  static M::UpdateItemRequest U(const std::string& song, const std::string& expression,
                                std::map<std::string, M::AttributeValue> values = {}) {
    M::UpdateItemRequest r;
    r.WithTableName("music").WithKey({{"artist", S("abba")}, {"song", S(song)}}).WithUpdateExpression(expression);
    if (!values.empty()) r.SetExpressionAttributeValues(std::move(values));
    return r;
  }
  std::string Stored(const std::string& song) {
    auto out = client->GetItem(M::GetItemRequest()
                                   .WithTableName("music")
                                   .WithKey({{"artist", S("abba")}, {"song", S(song)}})
                                   .WithProjectionExpression("plays, tags, charts, meta, #n, genre")
                                   .WithExpressionAttributeNames({{"#n", "note"}}));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return Show(out.GetResult().GetItem());
  }
  std::string Error(const M::UpdateItemRequest& r) {
    auto out = client->UpdateItem(r);
    if (out.IsSuccess()) return "(succeeded)";
    return out.GetError().GetMessage();
  }
};

TEST_P(UpdateItemTest, SetRemoveAddDeleteOnNestedPaths) {
  auto out =
      client->UpdateItem(U("sos", "SET plays = plays + :one, meta.#y = :y, charts[5] = :c REMOVE genre ADD tags :t",
                           {{":one", N("1")}, {":y", N("1975")}, {":c", N("9")}, {":t", SS({"hit"})}})
                             .WithExpressionAttributeNames({{"#y", "year"}}));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(
      Stored("sos"),
      "{charts: L [N 1, N 3, N 9], meta: M {label: S polar, year: N 1975}, plays: N 11, tags: SS [70s, disco, hit]}");
  ASSERT_TRUE(
      client->UpdateItem(U("sos", "DELETE tags :d REMOVE charts[0]", {{":d", SS({"disco", "absent"})}})).IsSuccess());
  EXPECT_EQ(Stored("sos"),
            "{charts: L [N 3, N 9], meta: M {label: S polar, year: N 1975}, plays: N 11, tags: SS [70s, hit]}");
}

TEST_P(UpdateItemTest, ANewItemIsMadeFromTheKey) {
  auto out = client->UpdateItem(
      U("new", "SET plays = if_not_exists(plays, :zero) + :one, charts = list_append(:l, :l) ADD #n :n",
        {{":zero", N("0")}, {":one", N("1")}, {":l", L({S("x")})}, {":n", N("-2.50")}})
          .WithExpressionAttributeNames({{"#n", "note"}})
          .WithReturnValues(M::ReturnValue::ALL_NEW));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Show(out.GetResult().GetAttributes()),
            "{artist: S abba, charts: L [S x, S x], note: N -2.5, plays: N 1, song: S new}");
}

TEST_P(UpdateItemTest, ArithmeticIsExactToThirtyEightDigits) {
  ASSERT_TRUE(client->UpdateItem(U("sos", "SET plays = :big", {{":big", N("99999999999999999999999999999999999998")}}))
                  .IsSuccess());
  ASSERT_TRUE(client->UpdateItem(U("sos", "SET plays = plays + :one", {{":one", N("1")}})).IsSuccess());
  auto get =
      client->GetItem(M::GetItemRequest().WithTableName("music").WithKey({{"artist", S("abba")}, {"song", S("sos")}}));
  EXPECT_EQ(get.GetResult().GetItem().at("plays").GetN(), "99999999999999999999999999999999999999");
  auto small = client->UpdateItem(U("sos", "SET plays = :a - :b", {{":a", N("0.1")}, {":b", N("0.3")}}));
  ASSERT_TRUE(small.IsSuccess()) << small.GetError();
  get =
      client->GetItem(M::GetItemRequest().WithTableName("music").WithKey({{"artist", S("abba")}, {"song", S("sos")}}));
  EXPECT_EQ(get.GetResult().GetItem().at("plays").GetN(), "-0.2");
}

TEST_P(UpdateItemTest, ReturnValues) {
  auto values = [&](M::ReturnValue rv) {
    auto out =
        client->UpdateItem(U("sos", "SET plays = plays + :one, fresh = :one", {{":one", N("1")}}).WithReturnValues(rv));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return Show(out.GetResult().GetAttributes());
  };
  EXPECT_EQ(values(M::ReturnValue::NONE), "{}");
  EXPECT_EQ(values(M::ReturnValue::UPDATED_OLD), "{fresh: N 1, plays: N 11}");
  EXPECT_EQ(values(M::ReturnValue::UPDATED_NEW), "{fresh: N 1, plays: N 13}");
  EXPECT_NE(values(M::ReturnValue::ALL_OLD).find("plays: N 13"), std::string::npos);
  EXPECT_NE(values(M::ReturnValue::ALL_NEW).find("plays: N 15"), std::string::npos);
}

TEST_P(UpdateItemTest, AFailedConditionChangesNothingAndCanReturnTheItem) {
  auto out =
      client->UpdateItem(U("sos", "SET plays = :n", {{":n", N("0")}, {":min", N("100")}})
                             .WithConditionExpression("plays >= :min")
                             .WithReturnValuesOnConditionCheckFailure(M::ReturnValuesOnConditionCheckFailure::ALL_OLD));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
  EXPECT_EQ(out.GetError().GetMessage(), "The conditional request failed");
  ASSERT_TRUE(out.GetError().ItemHasBeenSet());
  EXPECT_EQ(out.GetError().GetItem().at("plays").GetN(), "10");
  EXPECT_NE(Stored("sos").find("plays: N 10"), std::string::npos);
  auto passes = client->UpdateItem(
      U("sos", "SET plays = :n", {{":n", N("0")}, {":max", N("100")}}).WithConditionExpression("plays < :max"));
  EXPECT_TRUE(passes.IsSuccess()) << passes.GetError();
  auto absent = client->UpdateItem(
      U("nothing", "SET plays = :n", {{":n", N("0")}}).WithConditionExpression("attribute_exists(song)"));
  ASSERT_FALSE(absent.IsSuccess());
  EXPECT_FALSE(absent.GetError().ItemHasBeenSet()) << "no item: nothing to return";
}

TEST_P(UpdateItemTest, LegacyAttributeUpdatesAndExpected) {
  auto cond = M::ExpectedAttributeValue().WithValue(N("10"));
  auto out = client->UpdateItem(
      M::UpdateItemRequest()
          .WithTableName("music")
          .WithKey({{"artist", S("abba")}, {"song", S("sos")}})
          .WithAttributeUpdates(
              {{"plays", M::AttributeValueUpdate().WithAction(M::AttributeAction::ADD).WithValue(N("5"))},
               {"genre", M::AttributeValueUpdate().WithAction(M::AttributeAction::DELETE_)},
               {"note", M::AttributeValueUpdate().WithValue(S("put"))}})
          .WithExpected({{"plays", cond}})
          .WithReturnValues(M::ReturnValue::UPDATED_NEW));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  EXPECT_EQ(Show(out.GetResult().GetAttributes()), "{note: S put, plays: N 15}");
  auto failed = client->UpdateItem(M::UpdateItemRequest()
                                       .WithTableName("music")
                                       .WithKey({{"artist", S("abba")}, {"song", S("sos")}})
                                       .WithAttributeUpdates({{"plays", M::AttributeValueUpdate().WithValue(N("0"))}})
                                       .WithExpected({{"plays", cond}}));
  EXPECT_EQ(failed.GetError().GetErrorType(), DynamoDBErrors::CONDITIONAL_CHECK_FAILED);
}

TEST_P(UpdateItemTest, CapacityOfTheTableAndTheIndexesChanged) {
  auto out = client->UpdateItem(
      U("sos", "SET plays = :n", {{":n", N("11")}}).WithReturnConsumedCapacity(M::ReturnConsumedCapacity::INDEXES));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto& c = out.GetResult().GetConsumedCapacity();
  EXPECT_EQ(c.GetCapacityUnits(), 3.0) << "the table, and the global index entry moved: a delete and a put";
  EXPECT_EQ(c.GetTable().GetCapacityUnits(), 1.0);
  EXPECT_EQ(c.GetGlobalSecondaryIndexes().at("byGenre").GetCapacityUnits(), 2.0);
  EXPECT_FALSE(c.LocalSecondaryIndexesHasBeenSet()) << "the item has no year: not in the local index";
}

TEST_P(UpdateItemTest, Misuses) {
  EXPECT_EQ(
      Error(U("sos", "SET artist = :a", {{":a", S("x")}})),
      "One or more parameter values were invalid: Cannot update attribute artist. This attribute is part of the key");
  EXPECT_EQ(Error(U("sos", "SET genre = :g", {{":g", N("1")}})),
            "One or more parameter values were invalid: Type mismatch for Index Key genre Expected: S Actual: N "
            "IndexName: byGenre");
  EXPECT_EQ(Error(U("sos", "SET genre = plays")),
            "The update expression attempted to update the secondary index key to unsupported type");
  EXPECT_EQ(
      Error(U("sos", "SET genre = :g", {{":g", S("")}})),
      "One or more parameter values are not valid. The update expression attempted to update a secondary index key "
      "to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.");
  EXPECT_EQ(Error(U("sos", "ADD genre :n", {{":n", N("1")}})),
            "An operand in the update expression has an incorrect data type");
  EXPECT_EQ(Error(U("sos", "SET a = :a, a.b = :a", {{":a", S("x")}})),
            "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these "
            "paths; path one: [a], path two: [a, b]");
  EXPECT_EQ(Error(U("sos", "SET #name = :a", {{":a", S("x")}})),
            "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
            "attribute name: #name");
  EXPECT_EQ(Error(U("sos", "SET name = :a", {{":a", S("x")}})),
            "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name");
  EXPECT_EQ(Error(U("sos", "SET a = :a", {{":a", S("x")}, {":b", S("y")}})),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
  EXPECT_EQ(Error(U("sos", "SET big = :v", {{":v", S(std::string(400 * 1024, 'x'))}})),
            "Item size to update has exceeded the maximum allowed size");
  EXPECT_EQ(Error(U("sos", "SET a = :a", {{":a", S("x")}})
                      .WithAttributeUpdates({{"b", M::AttributeValueUpdate().WithValue(S("y"))}})),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: "
            "{AttributeUpdates} Expression parameters: {UpdateExpression}");
  EXPECT_EQ(Error(U("sos", "SET plays = :n", {{":n", N("1")}}).WithKey({{"artist", S("abba")}})),
            "The provided key element does not match the schema");
  EXPECT_EQ(Error(U("sos", "SET meta.label = :n", {{":n", N("1")}}).WithTableName("missing")),
            "Requested resource not found");
  EXPECT_NE(Stored("sos").find("plays: N 10"), std::string::npos) << "no failed call changed the item";
}

DYNAFAKE_INSTANTIATE(UpdateItemTest);

}  // namespace update_item_suite
}  // namespace dynafake_test
