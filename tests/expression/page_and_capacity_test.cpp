// The data plane's building blocks below the Service: capacity units as the
// service charges them (table and index arms), the order and selection of a
// Query's partition, pages cut by Limit and by 1 MB, and the legacy
// AttributeUpdates.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <dynafake/detail/data_plane/capacity.hpp>
#include <dynafake/detail/data_plane/page_reader.hpp>
#include <dynafake/expression/legacy_updates.hpp>

#include "expression_support.hpp"

namespace page_and_capacity_test {

using namespace exprtest;  // NOLINT: S, N, L, ... keep the tables short
using dynafake::detail::Consumed;
using dynafake::detail::History;
using dynafake::detail::IndexDef;
using dynafake::detail::KeyAttribute;
using dynafake::detail::TableSchema;
using dynafake::expression::KeyOp;
using dynafake::expression::KeyPredicate;
using Type = dynafake::Model::ScalarAttributeType;
using Projection = dynafake::Model::ProjectionType;

TEST(UnitsTest, ReadsRoundUpTo4KbAndHalveWhenEventuallyConsistent) {
  EXPECT_EQ(dynafake::detail::ReadUnits(0, true), 1.0);
  EXPECT_EQ(dynafake::detail::ReadUnits(0, false), 0.5);
  EXPECT_EQ(dynafake::detail::ReadUnits(4096, true), 1.0);
  EXPECT_EQ(dynafake::detail::ReadUnits(4097, true), 2.0);
  EXPECT_EQ(dynafake::detail::ReadUnits(3500 + 6 * 1024, false), 1.5);  // 9.4 KB: 3 units, halved
  EXPECT_EQ(dynafake::detail::ReadUnits(10 * 1024, false), 1.5);
}

TEST(UnitsTest, WritesRoundUpTo1Kb) {
  EXPECT_EQ(dynafake::detail::WriteUnits(0), 1.0);
  EXPECT_EQ(dynafake::detail::WriteUnits(1024), 1.0);
  EXPECT_EQ(dynafake::detail::WriteUnits(1025), 2.0);
  EXPECT_EQ(dynafake::detail::WriteUnits(400 * 1024), 400.0);
}

// The conformance suite's table: pk/sk, a hash-only GSI projecting "proj",
// and an LSI on lsiSk projecting everything.
TableSchema ConformanceTable() {
  TableSchema t;
  t.hash = KeyAttribute{"pk", Type::S};
  t.range = KeyAttribute{"sk", Type::S};
  IndexDef lsi;
  lsi.name = "lsi1";
  lsi.hash = t.hash;
  lsi.range = KeyAttribute{"lsiSk", Type::S};
  lsi.projection = Projection::ALL;
  IndexDef gsi;
  gsi.name = "gsi-inc";
  gsi.global = true;
  gsi.hash = KeyAttribute{"gsiPk", Type::S};
  gsi.projection = Projection::INCLUDE;
  gsi.nonKeyAttributes = {"proj"};
  t.indexes = {lsi, gsi};
  return t;
}

struct WriteCase {
  const char* name;
  bool hasBefore;
  Item before;
  bool hasAfter;
  Item after;
  double table, gsi, lsi;  // 0: the arm is absent
};

std::ostream& operator<<(std::ostream& os, const WriteCase& c) { return os << c.name; }

class WriteCostTest : public ::testing::TestWithParam<WriteCase> {};

TEST_P(WriteCostTest, ArmsAsTheServiceReportsThem) {
  const WriteCase& c = GetParam();
  const Consumed cost = dynafake::detail::WriteCost(ConformanceTable(), c.hasBefore ? &c.before : nullptr,
                                                    c.hasAfter ? &c.after : nullptr);
  EXPECT_EQ(cost.table, c.table);
  EXPECT_EQ(cost.global.count("gsi-inc") ? cost.global.at("gsi-inc") : 0.0, c.gsi);
  EXPECT_EQ(cost.local.count("lsi1") ? cost.local.at("lsi1") : 0.0, c.lsi);
  EXPECT_EQ(cost.global.size(), c.gsi > 0 ? 1u : 0u) << "an index the write did not touch is not reported";
  EXPECT_EQ(cost.local.size(), c.lsi > 0 ? 1u : 0u);
  EXPECT_EQ(cost.Total(), c.table + c.gsi + c.lsi);
}

const Item kSeed{{"pk", S("p")},     {"sk", S("1")},   {"gsiPk", S("g")},
                 {"lsiSk", S("L1")}, {"proj", S("p")}, {"other", S("o")}};
Item With(Item item, const std::string& name, const AttributeValue& v) {
  item[name] = v;
  return item;
}
Item Without(Item item, const std::string& name) {
  item.erase(name);
  return item;
}

// Every figure measured against the service by nubo-db/dynamodb-conformance
// tests/tier1/putItem/indexConsumedCapacity.test.ts.
INSTANTIATE_TEST_SUITE_P(
    Conformance, WriteCostTest,
    ::testing::Values(
        WriteCase{"PutIntoGsi",
                  false,
                  {},
                  true,
                  Item{{"pk", S("a")}, {"sk", S("1")}, {"gsiPk", S("g1")}, {"proj", S("p")}},
                  1,
                  1,
                  0},
        WriteCase{"SparsePut", false, {}, true, Item{{"pk", S("a")}, {"sk", S("1")}, {"other", S("o")}}, 1, 0, 0},
        WriteCase{"PutIntoLsi", false, {}, true, Item{{"pk", S("a")}, {"sk", S("1")}, {"lsiSk", S("L1")}}, 1, 0, 1},
        WriteCase{"PutIntoBoth", false, {}, true, kSeed, 1, 1, 1},
        WriteCase{"IdenticalOverwrite", true, kSeed, true, kSeed, 1, 0, 0},
        WriteCase{"NonProjectedAttribute", true, kSeed, true, With(kSeed, "other", S("o2")), 1, 0, 1},
        WriteCase{"ProjectedAttribute", true, kSeed, true, With(kSeed, "proj", S("p2")), 1, 1, 1},
        WriteCase{"GsiKeyMoves", true, kSeed, true, With(kSeed, "gsiPk", S("g-moved")), 1, 2, 1},
        WriteCase{"GsiKeyRemoved", true, kSeed, true, Without(kSeed, "gsiPk"), 1, 1, 1},
        WriteCase{"LsiKeyMoves", true, kSeed, true, With(kSeed, "lsiSk", S("L2")), 1, 0, 2},
        WriteCase{"DeleteFromBoth", true, kSeed, false, {}, 1, 1, 1},
        WriteCase{"DeleteSparse", true, Item{{"pk", S("a")}, {"sk", S("1")}}, false, {}, 1, 0, 0},
        WriteCase{"LargerOfBeforeAndAfter", true, With(kSeed, "big", S(std::string(3000, 'x'))), true,
                  Item{{"pk", S("p")}, {"sk", S("1")}}, 3, 1, 3}));  // the LSI deletes the whole (ALL) entry

TEST(ReportTest, TotalCarriesTheSumOnly) {
  Consumed c;
  c.table = 1;
  c.global["g"] = 2;
  auto r = dynafake::detail::Report(dynafake::Model::ReturnConsumedCapacity::TOTAL, "t", c);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->GetTableName(), "t");
  EXPECT_EQ(r->GetCapacityUnits(), 3.0);
  EXPECT_FALSE(r->TableHasBeenSet());
  EXPECT_FALSE(r->GlobalSecondaryIndexesHasBeenSet());
  EXPECT_FALSE(r->ReadCapacityUnitsHasBeenSet()) << "the service reports no read/write split outside transactions";
}

TEST(ReportTest, IndexesCarriesTheArmsCharged) {
  Consumed c;
  c.table = 1;
  c.local["l"] = 1;
  auto r = dynafake::detail::Report(dynafake::Model::ReturnConsumedCapacity::INDEXES, "t", c);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->GetCapacityUnits(), 2.0);
  EXPECT_EQ(r->GetTable().GetCapacityUnits(), 1.0);
  EXPECT_FALSE(r->GlobalSecondaryIndexesHasBeenSet());
  ASSERT_EQ(r->GetLocalSecondaryIndexes().size(), 1u);
  EXPECT_EQ(r->GetLocalSecondaryIndexes().at("l").GetCapacityUnits(), 1.0);
}

TEST(ReportTest, NoneAndUnsetReportNothing) {
  EXPECT_FALSE(dynafake::detail::Report(dynafake::Model::ReturnConsumedCapacity::NONE, "t", Consumed{}).has_value());
  EXPECT_FALSE(dynafake::detail::Report(dynafake::Model::ReturnConsumedCapacity::NOT_SET, "t", Consumed{}).has_value());
}

// ---------------------------------------------------------------- partitions

TableSchema NumericRangeTable() {
  TableSchema t;
  t.hash = KeyAttribute{"pk", Type::S};
  t.range = KeyAttribute{"n", Type::N};
  IndexDef byTag;
  byTag.name = "byTag";
  byTag.global = true;
  byTag.hash = KeyAttribute{"tag", Type::S};
  byTag.range = KeyAttribute{"rank", Type::N};
  byTag.projection = Projection::KEYS_ONLY;
  t.indexes = {byTag};
  return t;
}

void Put(History& h, const TableSchema& t, int64_t at, const Item& item) {
  dynafake::detail::KeyDef k;
  k.hash = t.hash.name;
  k.range = t.range.name;
  h.Write(dynafake::detail::EncodeKey(k, item), at, false, item, dynafake::detail::ItemBytes(item));
}

std::string Ranges(const std::vector<Item>& entries, const std::string& attr) {
  std::string out;
  for (const auto& e : entries) out += (out.empty() ? "" : " ") + e.at(attr).GetN();
  return out;
}

class PartitionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* n : {"10", "2", "-1", "2.5", "100"})
      Put(history, table, 1, Item{{"pk", S("a")}, {"n", N(n)}, {"x", S("payload")}});
    // A partition key that extends "a" with the separator the history keys use.
    Put(history, table, 1, Item{{"pk", S(std::string("a\x1fN:3"))}, {"n", N("3")}});
    Put(history, table, 1, Item{{"pk", S("b")}, {"n", N("1")}});
    Put(history, table, 2, Item{{"pk", S("a")}, {"n", N("7")}});  // written after the reads below at 1
  }
  TableSchema table = NumericRangeTable();
  History history;
};

TEST_F(PartitionTest, SortKeysInNumericOrderAndOnlyThePartition) {
  auto all = dynafake::detail::PartitionEntries(history, 1, History::kAll, table, nullptr, S("a"), nullptr, true);
  EXPECT_EQ(Ranges(all, "n"), "-1 2 2.5 10 100");
  auto later = dynafake::detail::PartitionEntries(history, 2, History::kAll, table, nullptr, S("a"), nullptr, true);
  EXPECT_EQ(Ranges(later, "n"), "-1 2 2.5 7 10 100") << "reads as of an instant";
}

TEST_F(PartitionTest, BackwardsWhenScanIndexForwardIsFalse) {
  auto all = dynafake::detail::PartitionEntries(history, 1, History::kAll, table, nullptr, S("a"), nullptr, false);
  EXPECT_EQ(Ranges(all, "n"), "100 10 2.5 2 -1");
}

TEST_F(PartitionTest, SortKeyPredicates) {
  auto query = [&](KeyOp op, std::vector<AttributeValue> values) {
    KeyPredicate p{"n", op, std::move(values)};
    return Ranges(dynafake::detail::PartitionEntries(history, 1, History::kAll, table, nullptr, S("a"), &p, true), "n");
  };
  EXPECT_EQ(query(KeyOp::Eq, {N("2.50")}), "2.5");
  EXPECT_EQ(query(KeyOp::Lt, {N("2.5")}), "-1 2");
  EXPECT_EQ(query(KeyOp::Le, {N("2.5")}), "-1 2 2.5");
  EXPECT_EQ(query(KeyOp::Gt, {N("10")}), "100");
  EXPECT_EQ(query(KeyOp::Ge, {N("10")}), "10 100");
  EXPECT_EQ(query(KeyOp::Between, {N("2"), N("10")}), "2 2.5 10");
}

TEST_F(PartitionTest, IndexEntriesAreSparseProjectedAndTieBrokenByTableKey) {
  Put(history, table, 1, Item{{"pk", S("z")}, {"n", N("1")}, {"tag", S("t")}, {"rank", N("5")}, {"x", S("no")}});
  Put(history, table, 1, Item{{"pk", S("y")}, {"n", N("9")}, {"tag", S("t")}, {"rank", N("5")}});
  Put(history, table, 1, Item{{"pk", S("y")}, {"n", N("2")}, {"tag", S("t")}, {"rank", N("40")}});
  Put(history, table, 1, Item{{"pk", S("y")}, {"n", N("3")}, {"tag", S("t")}});  // no rank: not in the index
  const IndexDef* byTag = table.Find("byTag");
  auto entries = dynafake::detail::PartitionEntries(history, 1, History::kAll, table, byTag, S("t"), nullptr, true);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(Show(entries[0]), "{n: N 9, pk: S y, rank: N 5, tag: S t}");
  EXPECT_EQ(Show(entries[1]), "{n: N 1, pk: S z, rank: N 5, tag: S t}") << "KEYS_ONLY drops x";
  EXPECT_EQ(Show(entries[2]), "{n: N 2, pk: S y, rank: N 40, tag: S t}");
  // Resuming after the first entry's page key starts at the second.
  const Item start = dynafake::detail::PageKey(table, byTag, entries[0]);
  EXPECT_EQ(dynafake::detail::ResumeAt(entries, table, byTag, start, true), 1u);
}

TEST(PageTest, LimitStopsAndReportsTheLastItemReadEvenAtTheEnd) {
  std::vector<Item> items{Item{{"k", N("1")}}, Item{{"k", N("2")}}, Item{{"k", N("3")}}};
  std::size_t i = 0;
  auto next = [&]() -> const Item* { return i < items.size() ? &items[i++] : nullptr; };
  auto keepOdd = [](const Item& item) { return item.at("k").GetN() != "2"; };
  auto page = dynafake::detail::ReadPage(next, 3, keepOdd);
  EXPECT_EQ(page.scanned, 3u);
  EXPECT_EQ(page.kept.size(), 2u);
  ASSERT_TRUE(page.last.has_value()) << "Limit reached: the service cannot know nothing follows";
  EXPECT_EQ(Show(*page.last), "{k: N 3}");
  i = 0;
  auto whole = dynafake::detail::ReadPage(next, 4, nullptr);
  EXPECT_EQ(whole.scanned, 3u);
  EXPECT_FALSE(whole.last.has_value()) << "read to the end before the limit: no LastEvaluatedKey";
}

TEST(PageTest, OneMegabyteEndsThePageAfterTheItemThatCrossesIt) {
  std::vector<Item> items;
  for (int i = 0; i < 5; ++i)
    items.push_back(Item{{"k", N(std::to_string(i))}, {"v", S(std::string(300 * 1024, 'x'))}});
  std::size_t i = 0;
  auto next = [&]() -> const Item* { return i < items.size() ? &items[i++] : nullptr; };
  auto page = dynafake::detail::ReadPage(next, SIZE_MAX, nullptr);
  EXPECT_EQ(page.scanned, 4u);  // 3 x 300 KB is under 1 MB, the fourth crosses it
  ASSERT_TRUE(page.last.has_value());
  EXPECT_EQ(page.last->at("k").GetN(), "3");
}

// ---------------------------------------------------------------- AttributeUpdates

enum class Action { NOT_SET, ADD, PUT, DELETE_ };
struct Update {
  Action action = Action::NOT_SET;
  bool hasValue = false;
  AttributeValue value;
  Action GetAction() const { return action; }
  bool ValueHasBeenSet() const { return hasValue; }
  const AttributeValue& GetValue() const { return value; }
};
Update Act(Action a) { return Update{a, false, AttributeValue()}; }
Update Act(Action a, const AttributeValue& v) { return Update{a, true, v}; }
using Updates = std::map<std::string, Update>;

TEST(AttributeUpdatesTest, RequestChecks) {
  using dynafake::expression::CheckAttributeUpdates;
  const std::string invalid = "One or more parameter values were invalid: ";
  EXPECT_EQ(CheckAttributeUpdates(Updates{{"a", Act(Action::PUT)}}),
            invalid + "Only DELETE action is allowed when no attribute value is specified");
  EXPECT_EQ(CheckAttributeUpdates(Updates{{"a", Act(Action::DELETE_, S("x"))}}),
            invalid + "DELETE action with value is not supported for the type S");
  EXPECT_EQ(CheckAttributeUpdates(Updates{{"a", Act(Action::ADD, M({}))}}),
            invalid + "ADD action is not supported for the type M");
  EXPECT_EQ(CheckAttributeUpdates(Updates{
                {"a", Act(Action::ADD, L({}))}, {"b", Act(Action::DELETE_)}, {"c", Act(Action::NOT_SET, S("x"))}}),
            "");
}

TEST(AttributeUpdatesTest, Apply) {
  Item item{{"n", N("5")}, {"s", SS({"a", "b"})}, {"l", L({S("x")})}, {"gone", S("g")}, {"text", S("t")}};
  Updates updates{{"n", Act(Action::ADD, N("-7.5"))},     {"s", Act(Action::DELETE_, SS({"a"}))},
                  {"l", Act(Action::ADD, L({S("y")}))},   {"gone", Act(Action::DELETE_)},
                  {"fresh", Act(Action::ADD, NS({"1"}))}, {"text", Act(Action::NOT_SET, N("1"))}};
  std::string error;
  ASSERT_TRUE(dynafake::expression::ApplyAttributeUpdates(updates, item, error)) << error;
  EXPECT_EQ(Show(item), "{fresh: NS [1], l: L [S x, S y], n: N -2.5, s: SS [b], text: N 1}");
  EXPECT_EQ(Show(dynafake::expression::UpdatedAttributes(updates, item)),
            "{fresh: NS [1], l: L [S x, S y], n: N -2.5, s: SS [b], text: N 1}");
  Updates emptying{{"s", Act(Action::DELETE_, SS({"b", "zz"}))}};
  ASSERT_TRUE(dynafake::expression::ApplyAttributeUpdates(emptying, item, error));
  EXPECT_EQ(item.count("s"), 0u) << "a set left empty is removed";
  Updates mismatch{{"text", Act(Action::ADD, SS({"q"}))}};
  EXPECT_FALSE(dynafake::expression::ApplyAttributeUpdates(mismatch, item, error));
  EXPECT_EQ(error, "Type mismatch for attribute to update");
}

}  // namespace page_and_capacity_test
