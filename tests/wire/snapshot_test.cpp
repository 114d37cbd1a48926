// State snapshots: SaveState / LoadState round-trip a whole world exactly, and
// the loaded world behaves as the original would have.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <dynafake/components/saved_state.hpp>
#include <dynafake/dynafake.hpp>
#include <dynafake/wire.hpp>
#include <dynafake/wire/snapshot.hpp>

namespace {

namespace M = dynafake::Model;
using namespace std::chrono_literals;

M::CreateTableRequest Table(const std::string& name) {
  return M::CreateTableRequest()
      .WithTableName(name)
      .WithKeySchema({M::KeySchemaElement().WithAttributeName("pk").WithKeyType(M::KeyType::HASH),
                      M::KeySchemaElement().WithAttributeName("sk").WithKeyType(M::KeyType::RANGE)})
      .WithAttributeDefinitions(
          {M::AttributeDefinition().WithAttributeName("pk").WithAttributeType(M::ScalarAttributeType::S),
           M::AttributeDefinition().WithAttributeName("sk").WithAttributeType(M::ScalarAttributeType::N)})
      .WithBillingMode(M::BillingMode::PROVISIONED)
      .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(5).WithWriteCapacityUnits(5))
      .WithTags({M::Tag().WithKey("team").WithValue("billing")});
}

M::PutItemRequest Put(const std::string& table, const std::string& pk, int sk, const std::string& note) {
  M::AttributeValue list;
  list.AddLItem(M::AttributeValue("x")).AddLItem(M::AttributeValue().SetBool(true));
  return M::PutItemRequest().WithTableName(table).WithItem(
      {{"pk", M::AttributeValue(pk)},
       {"sk", M::AttributeValue().SetN(sk)},
       {"note", M::AttributeValue(note)},
       {"tags", M::AttributeValue().SetSS({"a", "b"})},
       {"blob", M::AttributeValue().SetB(dynafake::ByteBuffer(std::string("\x01\x02\xff", 3)))},
       {"list", list}});
}

/// A world with every kind of state: items with history, USER backups (one
/// still CREATING), PITR, a SYSTEM backup, a restore in progress, pending transitions.
struct World {
  dynafake::ManualClock clock;
  dynafake::Service service{clock};
  dynafake::Client client{service};
  std::string userBackup;
  dynafake::DateTime beforeEdits;

  World() {
    client.CreateTable(Table("orders"));
    client.CreateTable(Table("archive"));
    clock.Advance(10s);
    client.UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true).WithRecoveryPeriodInDays(7)));
    for (int i = 0; i < 5; ++i) client.PutItem(Put("orders", "p" + std::to_string(i), i, "v1"));
    client.PutItem(Put("archive", "old", 1, "kept"));
    clock.Advance(1min);
    beforeEdits = dynafake::DateTime(clock.Now());
    clock.Advance(1s);
    client.PutItem(Put("orders", "p0", 0, "v2"));
    client.DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey(
        {{"pk", M::AttributeValue("p1")}, {"sk", M::AttributeValue().SetN(1)}}));
    userBackup = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"))
                     .GetResult()
                     .GetBackupDetails()
                     .GetBackupArn();
    clock.Advance(40s);
    client.CreateBackup(M::CreateBackupRequest().WithTableName("archive").WithBackupName("still-creating"));
    client.UpdateContinuousBackups(
        M::UpdateContinuousBackupsRequest().WithTableName("archive").WithPointInTimeRecoverySpecification(
            M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)));
    client.RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithBackupArn(userBackup).WithTargetTableName("orders-copy"));
    clock.Advance(31s);
    client.DeleteTable(M::DeleteTableRequest().WithTableName("archive"));  // SYSTEM backup, table DELETING
  }
};

/// The World, and every other kind of state a snapshot holds: a global
/// secondary index drawn from, Time to Live changed, the day's throughput
/// decreases, an export still writing and a finished one, an import that failed.
struct RichWorld : World {
  RichWorld() {
    auto gsi = Table("catalog");
    gsi.AddAttributeDefinitions(
        M::AttributeDefinition().WithAttributeName("genre").WithAttributeType(M::ScalarAttributeType::S));
    gsi.AddGlobalSecondaryIndexes(
        M::GlobalSecondaryIndex()
            .WithIndexName("byGenre")
            .WithKeySchema({M::KeySchemaElement().WithAttributeName("genre").WithKeyType(M::KeyType::HASH)})
            .WithProjection(M::Projection().WithProjectionType(M::ProjectionType::ALL))
            .WithProvisionedThroughput(M::ProvisionedThroughput().WithReadCapacityUnits(2).WithWriteCapacityUnits(2)));
    client.CreateTable(gsi);
    clock.Advance(10s);
    M::PutItemRequest put = Put("catalog", "book", 1, "first");
    put.AddItem("genre", M::AttributeValue("poetry"));
    client.PutItem(put);
    client.Query(M::QueryRequest()
                     .WithTableName("catalog")
                     .WithIndexName("byGenre")
                     .WithKeyConditionExpression("genre = :g")
                     .WithExpressionAttributeValues({{":g", M::AttributeValue("poetry")}}));
    client.UpdateTimeToLive(M::UpdateTimeToLiveRequest().WithTableName("catalog").WithTimeToLiveSpecification(
        M::TimeToLiveSpecification().WithEnabled(true).WithAttributeName("expires")));
    client.UpdateTable(M::UpdateTableRequest().WithTableName("catalog").WithProvisionedThroughput(
        M::ProvisionedThroughput().WithReadCapacityUnits(4).WithWriteCapacityUnits(5)));
    client.ExportTableToPointInTime(M::ExportTableToPointInTimeRequest()
                                        .WithTableArn(service.TableArn("orders"))
                                        .WithS3Bucket("lake")
                                        .WithClientToken("nightly"));
    client.ImportTable(
        M::ImportTableRequest()
            .WithS3BucketSource(M::S3BucketSource().WithS3Bucket("nowhere").WithS3KeyPrefix("none/"))
            .WithInputFormat(M::InputFormat::DYNAMODB_JSON)
            .WithTableCreationParameters(
                M::TableCreationParameters()
                    .WithTableName("imported")
                    .WithAttributeDefinitions(
                        {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
                    .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                    .WithBillingMode(M::BillingMode::PAY_PER_REQUEST)));
    clock.Advance(2s);
  }
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The saved format is a promise to the fixture files users keep: a rich world
// saves to the bytes tests/data/wire/snapshot_rich_world.json holds (written by
// the code before each component saved its own state), and that file loads and
// saves back to itself.
TEST(StateSnapshot, TheSavedFormatIsTheOneFixtureFilesHold) {
  const std::string fixture = ReadFile(std::string(DYNAFAKE_TEST_DATA_DIR) + "/wire/snapshot_rich_world.json");
  ASSERT_FALSE(fixture.empty()) << "tests/data/wire/snapshot_rich_world.json is missing";
  RichWorld w;
  const std::string saved = dynafake::SaveState(w.service);
  if (saved != fixture) std::ofstream("snapshot_rich_world.actual.json", std::ios::binary) << saved;
  EXPECT_EQ(saved, fixture) << "the saved bytes changed (what was saved: snapshot_rich_world.actual.json)";
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  dynafake::LoadState(copy, fixture);
  EXPECT_EQ(dynafake::SaveState(copy), fixture);
}

TEST(StateSnapshot, SaveLoadSaveGivesTheSameBytes) {
  World w;
  const std::string saved = dynafake::SaveState(w.service);
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  dynafake::LoadState(copy, saved);
  EXPECT_EQ(dynafake::SaveState(copy), saved);
  EXPECT_EQ(clock.Now(), w.clock.Now()) << "the ManualClock moves to the snapshot's time";
}

// Without JSON: Service::SaveState gives each component's state, and
// Service::LoadState takes it; the saved state holds copies of the item
// histories, so the two Services share nothing.
TEST(StateSnapshot, ASavedStateLoadsIntoAnotherServiceAndSharesNothingWithIt) {
  World w;
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  copy.LoadState(w.service.SaveState());
  EXPECT_EQ(dynafake::SaveState(copy), dynafake::SaveState(w.service));
  ASSERT_TRUE(w.client.PutItem(Put("orders", "p9", 9, "only in the original")).IsSuccess());
  auto scan = dynafake::Client(copy).Scan(M::ScanRequest().WithTableName("orders"));
  ASSERT_TRUE(scan.IsSuccess()) << scan.GetError();
  EXPECT_EQ(scan.GetResult().GetCount(), 4) << "p0, p2, p3, p4: the original's later write is not in the copy";
}

TEST(StateSnapshot, ASavedStateThatBreaksAComponentsInvariantIsRefusedAndChangesNothing) {
  World w;
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  ASSERT_TRUE(dynafake::Client(copy).CreateTable(Table("kept")).IsSuccess());
  const std::string before = dynafake::SaveState(copy);

  auto badPeriod = w.service.SaveState();
  badPeriod.continuous.tables["orders"].recoveryPeriodDays = 36;
  try {
    copy.LoadState(std::move(badPeriod));
    ADD_FAILURE() << "a recovery period of 36 days was loaded";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "LoadState: point-in-time recovery of table orders keeps 36 days: not between 1 and 35");
  }
  auto noHistory = w.service.SaveState();
  noHistory.tables.tables.at("orders").items.history = nullptr;
  EXPECT_THROW(copy.LoadState(std::move(noHistory)), std::invalid_argument);
  auto misfiled = w.service.SaveState();
  misfiled.tables.tables.at("orders").desc.SetTableName("elsewhere");
  EXPECT_THROW(copy.LoadState(std::move(misfiled)), std::invalid_argument);
  EXPECT_EQ(dynafake::SaveState(copy), before) << "a refused state changes nothing, not even the clock";
}

template <class Outcome>
void ExpectSame(const Outcome& a, const Outcome& b, const std::string& what) {
  ASSERT_EQ(a.IsSuccess(), b.IsSuccess()) << what;
  if (a.IsSuccess())
    EXPECT_EQ(a.GetResult(), b.GetResult()) << what;
  else
    EXPECT_EQ(a.GetError(), b.GetError()) << what;
}

TEST(StateSnapshot, LoadedWorldAnswersAsTheOriginal) {
  World w;
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  dynafake::LoadState(copy, dynafake::SaveState(w.service));
  dynafake::Client client(copy);
  // every read agrees, now and after pending transitions fire
  for (int step = 0; step < 3; ++step) {
    ExpectSame(w.client.ListBackups(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL)),
               client.ListBackups(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::ALL)), "ListBackups");
    ExpectSame(w.client.ListTables(M::ListTablesRequest()), client.ListTables(M::ListTablesRequest()), "ListTables");
    for (const std::string table : {"orders", "orders-copy", "archive"}) {
      ExpectSame(w.client.DescribeTable(M::DescribeTableRequest().WithTableName(table)),
                 client.DescribeTable(M::DescribeTableRequest().WithTableName(table)), table);
      ExpectSame(w.client.Scan(M::ScanRequest().WithTableName(table)),
                 client.Scan(M::ScanRequest().WithTableName(table)), table);
      ExpectSame(w.client.DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName(table)),
                 client.DescribeContinuousBackups(M::DescribeContinuousBackupsRequest().WithTableName(table)), table);
    }
    w.clock.Advance(5min);
    clock.Advance(5min);
  }
  // new ARNs continue from the same generator
  auto a = w.client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("after-load"));
  auto b = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("after-load"));
  ASSERT_TRUE(a.IsSuccess() && b.IsSuccess());
  EXPECT_EQ(a.GetResult().GetBackupDetails().GetBackupArn(), b.GetResult().GetBackupDetails().GetBackupArn());
}

TEST(StateSnapshot, ItemHistorySurvivesForPointInTimeRestores) {
  World w;
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  dynafake::LoadState(copy, dynafake::SaveState(w.service));
  dynafake::Client client(copy);
  clock.Advance(10min);
  auto restore = client.RestoreTableToPointInTime(M::RestoreTableToPointInTimeRequest()
                                                      .WithSourceTableName("orders")
                                                      .WithTargetTableName("orders-then")
                                                      .WithRestoreDateTime(w.beforeEdits));
  ASSERT_TRUE(restore.IsSuccess()) << restore.GetError();
  clock.Advance(copy.Options().durations.restore);
  auto items = client.Scan(M::ScanRequest().WithTableName("orders-then")).GetResult().GetItems();
  ASSERT_EQ(items.size(), 5u) << "p1 was deleted after the restore point";
  for (const auto& item : items) {
    if (item.at("pk").GetS() == "p0") {
      EXPECT_EQ(item.at("note").GetS(), "v1");
    }
  }
}

TEST(StateSnapshot, SystemBackupStillExpiresAfterLoading) {
  World w;
  dynafake::ManualClock clock;
  dynafake::Service copy(clock);
  dynafake::LoadState(copy, dynafake::SaveState(w.service));
  dynafake::Client client(copy);
  auto system = client.ListBackups(M::ListBackupsRequest().WithBackupType(M::BackupTypeFilter::SYSTEM))
                    .GetResult()
                    .GetBackupSummaries();
  ASSERT_EQ(system.size(), 1u);
  clock.Advance(std::chrono::hours(24 * 35));
  EXPECT_EQ(client.DescribeBackup(M::DescribeBackupRequest().WithBackupArn(system[0].GetBackupArn()))
                .GetError()
                .GetErrorType(),
            dynafake::DynamoDBErrors::BACKUP_NOT_FOUND);
}

// Time to Live: the setting and its one-hour interval are saved; the pending
// deletions are not, they follow from the items when the state is loaded; a
// deletion TTL made is marked as such ("expired") in the saved history.
TEST(StateSnapshot, TimeToLiveDeletionsStillFallDueAfterLoading) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Client client(service);
  ASSERT_TRUE(client.CreateTable(Table("sessions")).IsSuccess());
  ASSERT_TRUE(
      client
          .UpdateTimeToLive(M::UpdateTimeToLiveRequest()
                                .WithTableName("sessions")
                                .WithTimeToLiveSpecification(
                                    M::TimeToLiveSpecification().WithEnabled(true).WithAttributeName("expires")))
          .IsSuccess());
  // PITR keeps the deletion in the history (without it nothing could read the old version)
  ASSERT_TRUE(
      client
          .UpdateContinuousBackups(M::UpdateContinuousBackupsRequest()
                                       .WithTableName("sessions")
                                       .WithPointInTimeRecoverySpecification(
                                           M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
          .IsSuccess());
  const int64_t now = dynafake::DateTime(clock.Now()).Seconds();
  for (int sk : {1, 2}) {
    M::PutItemRequest put = Put("sessions", "user", sk, "session");
    put.AddItem("expires", M::AttributeValue().SetN(std::to_string(now + (sk == 1 ? -10 : 3600))));
    ASSERT_TRUE(client.PutItem(put).IsSuccess());
  }
  const std::string savedEarly = dynafake::SaveState(service);
  clock.Advance(std::chrono::hours(49));  // the first is deleted, the second expired and pending
  const std::string saved = dynafake::SaveState(service);
  EXPECT_NE(saved.find("\"expired\": true"), std::string::npos) << "the TTL deletion is marked in the history";

  dynafake::ManualClock copyClock;
  dynafake::Service copy(copyClock, dynafake::ServiceOptions::Instant());
  dynafake::LoadState(copy, saved);
  dynafake::Client copied(copy);
  auto count = [&] { return copied.Scan(M::ScanRequest().WithTableName("sessions")).GetResult().GetCount(); };
  EXPECT_EQ(count(), 1);
  copyClock.Advance(std::chrono::hours(1));
  EXPECT_EQ(count(), 0) << "the second item's deletion fell due on the loaded Service's clock";
  // saved within the hour of the change: the loaded table still refuses a second one
  dynafake::ManualClock earlyClock;
  dynafake::Service early(earlyClock, dynafake::ServiceOptions::Instant());
  dynafake::LoadState(early, savedEarly);
  auto again = dynafake::Client(early).UpdateTimeToLive(
      M::UpdateTimeToLiveRequest()
          .WithTableName("sessions")
          .WithTimeToLiveSpecification(M::TimeToLiveSpecification().WithEnabled(false).WithAttributeName("expires")));
  EXPECT_EQ(again.GetError().GetMessage(), "Time to live has been modified multiple times within a fixed interval");
}

TEST(StateSnapshot, CapacityLeftAndDecreasesSurviveLoading) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Client client(service);
  ASSERT_TRUE(client.CreateTable(Table("orders")).IsSuccess());  // 5 write units a second, 300 s of burst
  for (int sk = 0; sk < 1500; ++sk) ASSERT_TRUE(client.PutItem(Put("orders", "a", sk, "x")).IsSuccess()) << sk;
  for (long long read = 4; read >= 1; --read)  // the day's four decreases at any time
    ASSERT_TRUE(client
                    .UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithProvisionedThroughput(
                        M::ProvisionedThroughput().WithReadCapacityUnits(read).WithWriteCapacityUnits(5)))
                    .IsSuccess());
  const std::string saved = dynafake::SaveState(service);

  dynafake::ManualClock copyClock;
  dynafake::Service copy(copyClock, dynafake::ServiceOptions::Instant());
  dynafake::LoadState(copy, saved);
  EXPECT_EQ(dynafake::SaveState(copy), saved);
  dynafake::Client loaded(copy);
  // the burst is spent in the loaded world too
  auto put = loaded.PutItem(Put("orders", "a", 9999, "x"));
  ASSERT_FALSE(put.IsSuccess());
  EXPECT_EQ(put.GetError().GetErrorType(), dynafake::DynamoDBErrors::PROVISIONED_THROUGHPUT_EXCEEDED);
  copyClock.Advance(200ms);  // one unit back
  EXPECT_TRUE(loaded.PutItem(Put("orders", "a", 9999, "x")).IsSuccess());
  // and the day's decreases are used up
  auto fifth = loaded.UpdateTable(M::UpdateTableRequest().WithTableName("orders").WithProvisionedThroughput(
      M::ProvisionedThroughput().WithReadCapacityUnits(1).WithWriteCapacityUnits(4)));
  ASSERT_FALSE(fifth.IsSuccess());
  EXPECT_EQ(fifth.GetError().GetErrorType(), dynafake::DynamoDBErrors::LIMIT_EXCEEDED);
}

TEST(StateSnapshot, AThrottledCallChangesNothingNotEvenTheBuckets) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Client client(service);
  ASSERT_TRUE(client.CreateTable(Table("orders")).IsSuccess());
  for (int sk = 0; sk < 1500; ++sk) ASSERT_TRUE(client.PutItem(Put("orders", "a", sk, "x")).IsSuccess()) << sk;
  clock.Advance(100ms);  // half a unit back: the refill is due when the bucket is next looked at
  const std::string before = dynafake::SaveState(service);
  ASSERT_FALSE(client.PutItem(Put("orders", "a", 9999, "x")).IsSuccess());
  EXPECT_EQ(dynafake::SaveState(service), before);
}

TEST(StateSnapshot, MalformedSnapshotIsRefusedAndChangesNothing) {
  World w;
  const std::string before = dynafake::SaveState(w.service);
  for (const std::string& bad :
       {std::string("not json"), std::string("[]"), std::string("{\"format\":\"other\"}"),
        std::string("{\"format\":\"dynafake-state\",\"version\":1}"),
        // members of the wrong type (found by fuzz_load_state)
        std::string("{\"format\":1}"), std::string("{\"format\":\"dynafake-state\",\"version\":\"2\"}"),
        before.substr(0, before.size() / 2)}) {
    EXPECT_THROW(dynafake::LoadState(w.service, bad), std::invalid_argument) << bad.substr(0, 40);
    EXPECT_EQ(dynafake::SaveState(w.service), before);
  }
}

// Found by fuzz_load_state: a fraction or a number out of range where a whole number belongs was undefined
// behaviour (a float-to-integer cast), not an error.
TEST(StateSnapshot, NumbersThatAreNotWholeOrInRangeAreRefused) {
  World w;
  const std::string before = dynafake::SaveState(w.service);
  for (const char* bad : {"3.4e96", "1.5", "-1"}) {
    std::string text = before;
    const auto at = text.find("\"eventSeq\": ");
    ASSERT_NE(at, std::string::npos);
    const auto end = text.find_first_of(",\n", at);
    text.replace(at, end - at, std::string("\"eventSeq\": ") + bad);
    EXPECT_THROW(dynafake::LoadState(w.service, text), std::invalid_argument) << bad;
    EXPECT_EQ(dynafake::SaveState(w.service), before);
  }
}

// Found by fuzz_load_state: a clock time near int64's limit overflowed the conversion to the clock's nanoseconds.
// Every instant, count and size of a snapshot must be one the service can go on computing with.
TEST(StateSnapshot, InstantsAClockCannotHoldAndImpossibleValuesAreRefused) {
  World w;
  const std::string before = dynafake::SaveState(w.service);
  const auto replaced = [&](const std::string& member, const std::string& value) {
    std::string text = before;
    const auto at = text.find("\"" + member + "\": ");
    EXPECT_NE(at, std::string::npos) << member;
    const auto end = text.find_first_of(",\n", at);
    return text.replace(at, end - at, "\"" + member + "\": " + value);
  };
  for (const auto& [member, value] : std::vector<std::pair<std::string, std::string>>{
           {"ms", "9223372036854775000"},     // the clock, in the year 292 million
           {"ms", "-9223372036854775000"},    // and before 1677
           {"cutMs", "9223372036854775807"},  // a backup's cut: its expiry would overflow
           {"createdMs", "9300000000000000"},
           {"recoveryPeriodInDays", "0"},  // PITR keeps 1 to 35 days
           {"recoveryPeriodInDays", "2147483647"},
           {"size", "-5"}}) {  // an item version's size
    EXPECT_THROW(dynafake::LoadState(w.service, replaced(member, value)), std::invalid_argument)
        << member << " = " << value;
    EXPECT_EQ(dynafake::SaveState(w.service), before);
  }
}

TEST(StateSnapshot, SnapshotOlderThanTheClockIsRefused) {
  World w;
  const std::string saved = dynafake::SaveState(w.service);
  dynafake::ManualClock later(w.clock.Now() + std::chrono::hours(1));
  dynafake::Service other(later);
  EXPECT_THROW(dynafake::LoadState(other, saved), std::invalid_argument);
}

}  // namespace

namespace {

// Exports and imports are records of the Service and survive a snapshot; an
// export still IN_PROGRESS writes its files after loading, from the saved
// history and cut (the files themselves are the ObjectStore's: not saved).
TEST(StateSnapshot, ExportsAndImportsSurviveAndAPendingExportStillWritesItsFiles) {
  auto options = dynafake::ServiceOptions::Instant();
  options.durations.exportTable = 5min;
  dynafake::ManualClock clock;
  dynafake::Service service(clock, options);
  dynafake::Client client(service);
  ASSERT_TRUE(client.CreateTable(Table("orders")).IsSuccess());
  ASSERT_TRUE(client
                  .UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  ASSERT_TRUE(client.PutItem(Put("orders", "a", 1, "kept")).IsSuccess());
  auto exported = client.ExportTableToPointInTime(M::ExportTableToPointInTimeRequest()
                                                      .WithTableArn(service.TableArn("orders"))
                                                      .WithS3Bucket("lake")
                                                      .WithClientToken("nightly"));
  ASSERT_TRUE(exported.IsSuccess()) << exported.GetError();
  ASSERT_TRUE(client.PutItem(Put("orders", "b", 2, "after the export")).IsSuccess());
  const std::string arn = exported.GetResult().GetExportDescription().GetExportArn();
  const std::string saved = dynafake::SaveState(service);

  dynafake::ManualClock clock2;
  dynafake::Service loaded(clock2, options);
  dynafake::LoadState(loaded, saved);
  EXPECT_EQ(dynafake::SaveState(loaded), saved);
  dynafake::Client again(loaded);
  clock2.Advance(5min);
  auto d = again.DescribeExport(M::DescribeExportRequest().WithExportArn(arn));
  ASSERT_TRUE(d.IsSuccess()) << d.GetError();
  EXPECT_EQ(d.GetResult().GetExportDescription().GetExportStatus(), M::ExportStatus::COMPLETED);
  EXPECT_EQ(d.GetResult().GetExportDescription().GetItemCount(), 1) << "the item written after the cut is not in it";
  EXPECT_TRUE(loaded.Objects().Get("lake", d.GetResult().GetExportDescription().GetExportManifest()).has_value());
  auto same = again.ExportTableToPointInTime(M::ExportTableToPointInTimeRequest()
                                                 .WithTableArn(loaded.TableArn("orders"))
                                                 .WithS3Bucket("lake")
                                                 .WithClientToken("nightly"));
  ASSERT_TRUE(same.IsSuccess()) << same.GetError();
  EXPECT_EQ(same.GetResult().GetExportDescription().GetExportArn(), arn) << "the ClientToken is remembered";
}

}  // namespace
