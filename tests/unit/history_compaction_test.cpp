// detail::History::Compact visits only the keys that can lose a version (an
// older version, or a lone deletion), so a compaction every few hundred writes
// costs what changed, not the table. These tests pin what it must still drop
// and keep, including keys that come back after a compaction left only their
// deletion, and histories rebuilt from a snapshot.
#include <gtest/gtest.h>

#include <string>

#include "dynafake/detail/storage/history.hpp"

namespace dynafake_test {
namespace {

using dynafake::detail::History;
using dynafake::detail::Item;
using dynafake::Model::AttributeValue;

Item Named(const std::string& v) { return Item{{"id", AttributeValue(v)}}; }

TEST(HistoryCompactionTest, DropsSupersededVersionsAndDeletedKeysBeforeTheHorizon) {
  History h;
  h.Write("a", 10, false, Named("a1"), 10);
  h.Write("a", 20, false, Named("a2"), 10);
  h.Write("b", 10, false, Named("b1"), 10);
  h.Write("b", 20, true, Item{}, 0);
  h.Write("c", 10, false, Named("c1"), 10);  // never rewritten: nothing to drop
  ASSERT_EQ(h.VersionCount(), 5u);

  EXPECT_EQ(h.Compact(30), 3u);  // a1, b1 and b's deletion
  EXPECT_EQ(h.VersionCount(), 2u);
  EXPECT_EQ(h.KeyCount(), 2u);
  ASSERT_NE(h.At("a", 30), nullptr);
  EXPECT_EQ(h.At("a", 30)->item.at("id").GetS(), "a2");
  EXPECT_EQ(h.At("b", 30), nullptr);
  EXPECT_NE(h.At("c", 30), nullptr);
}

TEST(HistoryCompactionTest, KeepsWhatAReaderAtTheHorizonOrAPinCanStillAskFor) {
  History h;
  h.Write("a", 10, false, Named("a1"), 10);
  h.Write("a", 20, false, Named("a2"), 10);
  h.Write("a", 30, false, Named("a3"), 10);
  h.Pin(15);
  EXPECT_EQ(h.Compact(100), 0u) << "a reader pinned at 15 still sees a1";
  ASSERT_NE(h.At("a", 15), nullptr);
  EXPECT_EQ(h.At("a", 15)->item.at("id").GetS(), "a1");
  h.Unpin(15);
  EXPECT_EQ(h.Compact(20), 0u) << "versions at the horizon itself stay";
  EXPECT_EQ(h.Compact(25), 1u);
  EXPECT_EQ(h.Compact(100), 1u);
  EXPECT_EQ(h.VersionCount(), 1u);
}

TEST(HistoryCompactionTest, AKeyDeletedAndWrittenAgainIsCompactedEachTime) {
  History h;
  h.Write("a", 10, false, Named("a1"), 10);
  h.Write("a", 20, true, Item{}, 0);
  h.Pin(20);
  EXPECT_EQ(h.Compact(100), 0u) << "a reader at 20 may cut between a1 and the deletion";
  h.Write("a", 30, false, Named("a2"), 10);  // the key comes back while its deletion is still held
  h.Unpin(20);
  EXPECT_EQ(h.Compact(100), 2u) << "a1 and the deletion go; a2 stays";
  ASSERT_NE(h.At("a", 100), nullptr);
  EXPECT_EQ(h.At("a", 100)->item.at("id").GetS(), "a2");

  h.Write("a", 110, true, Item{}, 0);
  EXPECT_EQ(h.Compact(200), 2u) << "deleted before the horizon: the key goes altogether";
  EXPECT_EQ(h.KeyCount(), 0u);

  h.Write("a", 210, false, Named("a3"), 10);  // a new key under the old name
  h.Write("a", 220, false, Named("a4"), 10);
  EXPECT_EQ(h.Compact(300), 1u);
  EXPECT_EQ(h.VersionCount(), 1u);
  EXPECT_EQ(h.At("a", 300)->item.at("id").GetS(), "a4");
}

TEST(HistoryCompactionTest, AnExpiryBeforeTheHorizonDropsTheKeyAtOnceAndKeepsTheTotals) {
  History h;
  h.Write("a", 10, false, Named("a1"), 10);
  h.Write("b", 10, false, Named("b1"), 7);
  const auto always = [](const dynafake::detail::Version&) { return true; };
  EXPECT_TRUE(h.ExpireIf("a", 20, /*horizonMs=*/50, always));
  EXPECT_EQ(h.KeyCount(), 1u) << "nobody can read a before 50: it goes without a deletion version";
  EXPECT_EQ(h.VersionCount(), 1u);
  EXPECT_EQ(h.TotalsAt(60).items, 1);
  EXPECT_EQ(h.TotalsAt(60).bytes, 7);
  EXPECT_FALSE(h.ExpireIf("a", 30, 50, always)) << "already gone";
  EXPECT_FALSE(h.ExpireIf("b", 30, 50, [](const dynafake::detail::Version&) { return false; }))
      << "written again since: not due";
}

TEST(HistoryCompactionTest, AnExpiryAPinCanStillSeeIsRecordedAsAnExpiredDeletion) {
  History h;
  h.Write("a", 10, false, Named("a1"), 10);
  h.Pin(15);  // a backup cut at 15
  EXPECT_TRUE(h.ExpireIf("a", 20, 50, [](const dynafake::detail::Version&) { return true; }));
  ASSERT_NE(h.At("a", 15), nullptr) << "the backup still holds the item";
  const auto* deletion = h.At("a", 20);
  ASSERT_NE(deletion, nullptr);
  EXPECT_TRUE(deletion->deleted);
  EXPECT_TRUE(deletion->expired) << "a service deletion, not a caller's";
  EXPECT_EQ(h.TotalsAt(15).items, 1);
  EXPECT_EQ(h.TotalsAt(20).items, 0);
  h.Unpin(15);
  EXPECT_EQ(h.Compact(50), 2u);
  EXPECT_EQ(h.KeyCount(), 0u);
}

TEST(HistoryCompactionTest, AHistoryRebuiltFromASnapshotCompactsLikeTheOriginal) {
  History original;
  original.Write("a", 10, false, Named("a1"), 10);
  original.Write("a", 20, false, Named("a2"), 10);
  original.Write("b", 10, false, Named("b1"), 10);
  original.Write("b", 20, true, Item{}, 0);

  History rebuilt;
  rebuilt.Restore(original.Keys(), original.TotalsLog(), original.LastSeq());
  EXPECT_EQ(rebuilt.Compact(30), original.Compact(30));
  EXPECT_EQ(rebuilt.VersionCount(), original.VersionCount());
  EXPECT_EQ(rebuilt.KeyCount(), original.KeyCount());
}

}  // namespace
}  // namespace dynafake_test
