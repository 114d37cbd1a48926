// Which secondary indexes a backup and a point-in-time restore copy: every
// local index, and the global ones that are part of the table. An index still
// CREATING is not part of it yet; an index DELETING no longer is (its
// deletion was asked for and it answers no queries) — both kinds of copy
// agree, so a restore never brings back an index the user was deleting.
#include "fixtures.hpp"

namespace dynafake_test {
namespace {

class IndexCopiesTest : public RealisticServiceTest {
 protected:
  static M::GlobalSecondaryIndex Index(const std::string& name, const std::string& key) {
    return M::GlobalSecondaryIndex()
        .WithIndexName(name)
        .WithKeySchema({M::KeySchemaElement().WithAttributeName(key).WithKeyType(M::KeyType::HASH)})
        .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL));
  }

  /// "orders" with the indexes by_customer and by_date, ACTIVE, point-in-time recovery on.
  void SetUp() override {
    auto created = client->CreateTable(
        OrdersTable()
            .WithAttributeDefinitions(
                {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S),
                 M::AttributeDefinition().WithAttributeName("customer").WithAttributeType(M::ScalarAttributeType::S),
                 M::AttributeDefinition().WithAttributeName("date").WithAttributeType(M::ScalarAttributeType::S)})
            .WithGlobalSecondaryIndexes({Index("by_customer", "customer"), Index("by_date", "date")}));
    ASSERT_TRUE(created.IsSuccess()) << created.GetError();
    clock.Advance(service.Options().durations.tableCreate);
    auto pitr = client->UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
    ASSERT_TRUE(pitr.IsSuccess()) << pitr.GetError();
  }

  /// Asks for `index` to be deleted: the table is UPDATING and the index DELETING until the update ends.
  void StartDeleting(const std::string& index) {
    auto updated = client->UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithGlobalSecondaryIndexUpdates(
        {M::GlobalSecondaryIndexUpdate().WithDelete(M::DeleteGlobalSecondaryIndexAction().WithIndexName(index))}));
    ASSERT_TRUE(updated.IsSuccess()) << updated.GetError();
    auto described = client->DescribeTable(M::DescribeTableRequest().WithTableName("orders"));
    ASSERT_TRUE(described.IsSuccess()) << described.GetError();
    bool deleting = false;
    for (const auto& g : described.GetResult().GetTable().GetGlobalSecondaryIndexes())
      deleting = deleting || (g.GetIndexName() == index && g.GetIndexStatus() == M::IndexStatus::DELETING);
    ASSERT_TRUE(deleting) << "the index should be DELETING while the update runs";
  }

  template <class Indexes>
  static std::vector<std::string> Names(const Indexes& indexes) {
    std::vector<std::string> names;
    for (const auto& i : indexes) names.push_back(i.GetIndexName());
    return names;
  }

  std::vector<std::string> IndexesOfTable(const std::string& table) {
    auto described = client->DescribeTable(M::DescribeTableRequest().WithTableName(table));
    EXPECT_TRUE(described.IsSuccess()) << described.GetError();
    return described.IsSuccess() ? Names(described.GetResult().GetTable().GetGlobalSecondaryIndexes())
                                 : std::vector<std::string>{"(DescribeTable failed)"};
  }
};

TEST_P(IndexCopiesTest, ABackupTakenWhileAnIndexIsDeletingLeavesItOut) {
  StartDeleting("by_date");
  const std::string arn = Backup("orders");
  auto described = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(described.IsSuccess()) << described.GetError();
  EXPECT_EQ(
      Names(described.GetResult().GetBackupDescription().GetSourceTableFeatureDetails().GetGlobalSecondaryIndexes()),
      std::vector<std::string>{"by_customer"});

  // and a table restored from it has only the index that was not being deleted
  clock.Advance(service.Options().durations.backupCreate);
  auto restored = client->RestoreTableFromBackup(
      M::RestoreTableFromBackupRequest().WithBackupArn(arn).WithTargetTableName("orders-from-backup"));
  ASSERT_TRUE(restored.IsSuccess()) << restored.GetError();
  EXPECT_EQ(IndexesOfTable("orders-from-backup"), std::vector<std::string>{"by_customer"});
}

TEST_P(IndexCopiesTest, APointInTimeRestoreWhileAnIndexIsDeletingLeavesItOut) {
  StartDeleting("by_date");
  auto restored = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                        .WithSourceTableName("orders")
                                                        .WithTargetTableName("orders-restored")
                                                        .WithUseLatestRestorableTime(true));
  ASSERT_TRUE(restored.IsSuccess()) << restored.GetError();
  EXPECT_EQ(IndexesOfTable("orders-restored"), std::vector<std::string>{"by_customer"});
}

TEST_P(IndexCopiesTest, WithNoIndexDeletingBothCopiesKeepEveryIndex) {
  const std::string arn = Backup("orders");
  auto described = client->DescribeBackup(M::DescribeBackupRequest().WithBackupArn(arn));
  ASSERT_TRUE(described.IsSuccess()) << described.GetError();
  EXPECT_EQ(
      Names(described.GetResult().GetBackupDescription().GetSourceTableFeatureDetails().GetGlobalSecondaryIndexes()),
      (std::vector<std::string>{"by_customer", "by_date"}));
  auto restored = client->RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                        .WithSourceTableName("orders")
                                                        .WithTargetTableName("orders-restored")
                                                        .WithUseLatestRestorableTime(true));
  ASSERT_TRUE(restored.IsSuccess()) << restored.GetError();
  EXPECT_EQ(IndexesOfTable("orders-restored"), (std::vector<std::string>{"by_customer", "by_date"}));
}

DYNAFAKE_INSTANTIATE(IndexCopiesTest);

}  // namespace
}  // namespace dynafake_test
