// Exports and imports (ExportTableToPointInTime, DescribeExport, ListExports,
// ImportTable, DescribeImport, ListImports): the files an export writes into
// the Service's ObjectStore, read back line by line; an incremental export of
// a day's changes; an export imported back into a table; an import with a bad
// line. Each runs in process and through the JSON wire.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <dynafake/detail/formats/gzip.hpp>
#include <dynafake/directory_object_store.hpp>

#include "fixtures.hpp"

namespace dynafake_test {
namespace {

using dynafake::DateTime;

/// Instant tables; exports and imports take their realistic five minutes.
dynafake::ServiceOptions ExportOptions() {
  auto o = dynafake::ServiceOptions::Instant();
  o.durations.exportTable = std::chrono::minutes(5);
  o.durations.importTable = std::chrono::minutes(2);
  return o;
}

class ExportTest : public ServiceTest {
 protected:
  ExportTest() : ServiceTest(ExportOptions()) {}

  void SetUp() override {
    CreateActiveTable("orders");
    ASSERT_TRUE(
        client
            ->UpdateContinuousBackups(
                M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                    M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
            .IsSuccess());
  }
  void Put(const std::string& id, int quantity) {
    ASSERT_TRUE(client->PutItem(Order("orders", id, quantity)).IsSuccess());
  }
  void Delete(const std::string& id) {
    ASSERT_TRUE(
        client->DeleteItem(M::DeleteItemRequest().WithTableName("orders").WithKey({{"id", M::AttributeValue(id)}}))
            .IsSuccess());
  }
  M::ExportTableToPointInTimeRequest ExportOrders(const std::string& prefix = "nightly") {
    return M::ExportTableToPointInTimeRequest()
        .WithTableArn(service.TableArn("orders"))
        .WithS3Bucket("backups")
        .WithS3Prefix(prefix);
  }
  M::ExportDescription Describe(const std::string& arn) {
    auto out = client->DescribeExport(M::DescribeExportRequest().WithExportArn(arn));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetExportDescription() : M::ExportDescription();
  }
  std::string Object(const std::string& key, const std::string& bucket = "backups") {
    auto bytes = service.Objects().Get(bucket, key);
    EXPECT_TRUE(bytes.has_value()) << "no object " << bucket << "/" << key;
    return bytes.value_or(std::string());
  }
  /// The JSON string member `name` of a one-line JSON object.
  static std::string Member(const std::string& json, const std::string& name) {
    const std::string tag = "\"" + name + "\":\"";
    const auto at = json.find(tag);
    if (at == std::string::npos) return {};
    return json.substr(at + tag.size(), json.find('"', at + tag.size()) - at - tag.size());
  }
  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
      const auto end = text.find('\n', at);
      out.push_back(text.substr(at, end - at));
      at = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
  }
  /// The data lines of a COMPLETED export, through its manifests, sorted.
  std::vector<std::string> DataLines(const M::ExportDescription& d) {
    const std::string summary = Object(d.GetExportManifest());
    const std::string files = Object(Member(summary, "manifestFilesS3Key"));
    std::vector<std::string> lines;
    for (const std::string& entry : Lines(files)) {
      const dynafake::detail::gzip::Result data =
          dynafake::detail::gzip::Decompress(Object(Member(entry, "dataFileS3Key")));
      EXPECT_TRUE(data.Ok()) << data.error;
      for (auto& l : Lines(data.data)) lines.push_back(l);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  }
  std::map<std::string, std::string> Quantities(const std::string& table) {
    std::map<std::string, std::string> out;
    auto scan = client->Scan(M::ScanRequest().WithTableName(table));
    EXPECT_TRUE(scan.IsSuccess()) << scan.GetError();
    if (scan.IsSuccess())
      for (const auto& item : scan.GetResult().GetItems()) out[item.at("id").GetS()] = item.at("quantity").GetN();
    return out;
  }
  M::ImportTableRequest ImportInto(const std::string& table, const std::string& prefix) {
    return M::ImportTableRequest()
        .WithS3BucketSource(M::S3BucketSource().WithS3Bucket("backups").WithS3KeyPrefix(prefix))
        .WithInputFormat(M::InputFormat::DYNAMODB_JSON)
        .WithInputCompressionType(M::InputCompressionType::GZIP)
        .WithTableCreationParameters(
            M::TableCreationParameters()
                .WithTableName(table)
                .WithAttributeDefinitions(
                    {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
                .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
                .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  }
  M::ImportTableDescription DescribeImport(const std::string& arn) {
    auto out = client->DescribeImport(M::DescribeImportRequest().WithImportArn(arn));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetImportTableDescription() : M::ImportTableDescription();
  }
};

// ---- the scenarios

TEST_P(ExportTest, NightlyExportCheckedLineByLine) {
  Put("o-1", 3);
  Put("o-2", 5);
  clock.Advance(1h);
  auto out = client->ExportTableToPointInTime(ExportOrders());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const M::ExportDescription started = out.GetResult().GetExportDescription();
  EXPECT_EQ(started.GetExportStatus(), M::ExportStatus::IN_PROGRESS);
  EXPECT_EQ(started.GetExportFormat(), M::ExportFormat::DYNAMODB_JSON);
  EXPECT_EQ(started.GetExportTime(), DateTime(clock.Now()));
  EXPECT_FALSE(started.ExportManifestHasBeenSet());
  Put("o-3", 7);  // after the export time: not in the export
  Delete("o-1");  // likewise: the export still holds o-1

  clock.Advance(5min);
  const M::ExportDescription done = Describe(started.GetExportArn());
  ASSERT_EQ(done.GetExportStatus(), M::ExportStatus::COMPLETED) << done.GetFailureMessage();
  EXPECT_EQ(done.GetItemCount(), 2);
  EXPECT_EQ(done.GetEndTime().Millis() - done.GetStartTime().Millis(), 5 * 60 * 1000);
  const std::string id = started.GetExportArn().substr(started.GetExportArn().rfind('/') + 1);
  EXPECT_EQ(done.GetExportManifest(), "nightly/AWSDynamoDB/" + id + "/manifest-summary.json");
  EXPECT_EQ(DataLines(done),
            (std::vector<std::string>{"{\"Item\":{\"id\":{\"S\":\"o-1\"},\"quantity\":{\"N\":\"3\"}}}",
                                      "{\"Item\":{\"id\":{\"S\":\"o-2\"},\"quantity\":{\"N\":\"5\"}}}"}));

  const std::string summary = Object(done.GetExportManifest());
  EXPECT_EQ(Member(summary, "exportArn"), started.GetExportArn());
  EXPECT_EQ(Member(summary, "outputFormat"), "DYNAMODB_JSON");
  EXPECT_EQ(Member(summary, "s3Bucket"), "backups");
  EXPECT_NE(summary.find("\"itemCount\":2"), std::string::npos) << summary;
  EXPECT_EQ(service.Objects().List("backups", "nightly/AWSDynamoDB/" + id + "/").size(), 6u)
      << "_started, two manifests and their checksums, one data file";
}

TEST_P(ExportTest, ExportOfAnEarlierInstantHoldsTheItemsOfThatInstant) {
  Put("o-1", 1);
  clock.Advance(1h);
  const DateTime earlier(clock.Now());
  clock.Advance(1min);
  Put("o-1", 2);
  Put("o-2", 2);
  auto out = client->ExportTableToPointInTime(ExportOrders().WithExportTime(earlier));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  clock.Advance(5min);
  const M::ExportDescription done = Describe(out.GetResult().GetExportDescription().GetExportArn());
  EXPECT_EQ(done.GetExportTime(), earlier);
  EXPECT_EQ(DataLines(done),
            (std::vector<std::string>{"{\"Item\":{\"id\":{\"S\":\"o-1\"},\"quantity\":{\"N\":\"1\"}}}"}));
}

TEST_P(ExportTest, IncrementalExportOfOneDaysChanges) {
  Put("kept", 1);
  Put("changed", 1);
  Put("removed", 1);
  clock.Advance(1h);
  const DateTime from(clock.Now());
  clock.Advance(1h);
  Put("changed", 2);
  Delete("removed");
  Put("added", 1);
  clock.Advance(22h);
  const DateTime to(clock.Now());
  auto out = client->ExportTableToPointInTime(
      ExportOrders("daily")
          .WithExportType(M::ExportType::INCREMENTAL_EXPORT)
          .WithIncrementalExportSpecification(
              M::IncrementalExportSpecification().WithExportFromTime(from).WithExportToTime(to).WithExportViewType(
                  M::ExportViewType::NEW_AND_OLD_IMAGES)));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  clock.Advance(5min);
  const M::ExportDescription done = Describe(out.GetResult().GetExportDescription().GetExportArn());
  ASSERT_EQ(done.GetExportStatus(), M::ExportStatus::COMPLETED) << done.GetFailureMessage();
  EXPECT_EQ(done.GetExportType(), M::ExportType::INCREMENTAL_EXPORT);
  EXPECT_EQ(done.GetItemCount(), 3) << "three keys changed; 'kept' did not";
  const std::string at = std::to_string((from.Millis() + 3600 * 1000) * 1000);  // micros of the writes
  EXPECT_EQ(DataLines(done),
            (std::vector<std::string>{
                "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + at +
                    "\"}},\"Keys\":{\"id\":{\"S\":\"added\"}},\"NewImage\":{\"id\":{\"S\":\"added\"},\"quantity\":{"
                    "\"N\":\"1\"}}}",
                "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + at +
                    "\"}},\"Keys\":{\"id\":{\"S\":\"changed\"}},\"NewImage\":{\"id\":{\"S\":\"changed\"},\"quantity\":{"
                    "\"N\":\"2\"}},\"OldImage\":{\"id\":{\"S\":\"changed\"},\"quantity\":{\"N\":\"1\"}}}",
                "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + at +
                    "\"}},\"Keys\":{\"id\":{\"S\":\"removed\"}},\"OldImage\":{\"id\":{\"S\":\"removed\"},\"quantity\":{"
                    "\"N\":\"1\"}}}"}));
}

TEST_P(ExportTest, ExportImportedIsTheSameTable) {
  for (int i = 0; i < 50; ++i) Put("o-" + std::to_string(i), i);
  clock.Advance(1h);
  auto out = client->ExportTableToPointInTime(ExportOrders());
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  clock.Advance(5min);
  const std::string arn = out.GetResult().GetExportDescription().GetExportArn();
  const std::string id = arn.substr(arn.rfind('/') + 1);
  auto imported = client->ImportTable(ImportInto("orders-copy", "nightly/AWSDynamoDB/" + id + "/data/"));
  ASSERT_TRUE(imported.IsSuccess()) << imported.GetError();
  const auto& started = imported.GetResult().GetImportTableDescription();
  EXPECT_EQ(started.GetImportStatus(), M::ImportStatus::IN_PROGRESS);
  EXPECT_EQ(started.GetTableArn(), service.TableArn("orders-copy"));
  clock.Advance(2min);
  const M::ImportTableDescription done = DescribeImport(started.GetImportArn());
  EXPECT_EQ(done.GetImportStatus(), M::ImportStatus::COMPLETED) << done.GetFailureMessage();
  EXPECT_EQ(done.GetImportedItemCount(), 50);
  EXPECT_EQ(done.GetErrorCount(), 0);
  EXPECT_EQ(Quantities("orders-copy"), Quantities("orders"));
}

TEST_P(ExportTest, BadLineInAnImportIsCountedAndSkipped) {
  service.Objects().Put("backups", "incoming/orders.json",
                        "{\"Item\":{\"id\":{\"S\":\"o-1\"},\"quantity\":{\"N\":\"1\"}}}\n"
                        "{\"Item\":{\"id\":{\"S\":\"o-2\"},\"quantity\":\n"  // not JSON
                        "{\"Item\":{\"sku\":{\"S\":\"no key\"}}}\n"          // no key attribute
                        "{\"Item\":{\"id\":{\"S\":\"o-3\"},\"quantity\":{\"N\":\"3\"}}}\n");
  auto out =
      client->ImportTable(ImportInto("orders-in", "incoming/").WithInputCompressionType(M::InputCompressionType::NONE));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  clock.Advance(2min);
  const M::ImportTableDescription done = DescribeImport(out.GetResult().GetImportTableDescription().GetImportArn());
  EXPECT_EQ(done.GetImportStatus(), M::ImportStatus::COMPLETED);
  EXPECT_EQ(done.GetProcessedItemCount(), 4);
  EXPECT_EQ(done.GetImportedItemCount(), 2);
  EXPECT_EQ(done.GetErrorCount(), 2);
  EXPECT_EQ(done.GetCloudWatchLogGroupArn(), "arn:aws:logs:us-east-1:123456789012:log-group:/aws-dynamodb/imports:*");
  EXPECT_EQ(Quantities("orders-in"), (std::map<std::string, std::string>{{"o-1", "1"}, {"o-3", "3"}}));
}

TEST_P(ExportTest, CsvImportReadsAHeaderAndStrings) {
  service.Objects().Put("backups", "csv/orders.csv", "id,quantity\no-1,4\n\"o,2\",5\nbroken\n");
  auto out = client->ImportTable(ImportInto("orders-csv", "csv/")
                                     .WithInputFormat(M::InputFormat::CSV)
                                     .WithInputCompressionType(M::InputCompressionType::NONE));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  clock.Advance(2min);
  const auto done = DescribeImport(out.GetResult().GetImportTableDescription().GetImportArn());
  EXPECT_EQ(done.GetImportedItemCount(), 2);
  EXPECT_EQ(done.GetErrorCount(), 1);
  auto item =
      client->GetItem(M::GetItemRequest().WithTableName("orders-csv").WithKey({{"id", M::AttributeValue("o,2")}}));
  ASSERT_TRUE(item.IsSuccess()) << item.GetError();
  EXPECT_EQ(item.GetResult().GetItem().at("quantity").GetS(), "5") << "CSV values import as Strings";
}

// ---- the errors

TEST_P(ExportTest, ExportWithoutPitrIsRefused) {
  CreateActiveTable("plain");
  auto out = client->ExportTableToPointInTime(ExportOrders().WithTableArn(service.TableArn("plain")));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::POINT_IN_TIME_RECOVERY_UNAVAILABLE);
  EXPECT_EQ(out.GetError().GetMessage(), "Point in time recovery is not enabled for table 'plain'");
}

TEST_P(ExportTest, ExportTimeOutsideTheWindowIsRefused) {
  clock.Advance(1h);
  auto before = client->ExportTableToPointInTime(
      ExportOrders().WithExportTime(DateTime(DateTime(clock.Now()).Millis() - 2 * 3600 * 1000)));
  ASSERT_FALSE(before.IsSuccess());
  EXPECT_EQ(before.GetError().GetErrorType(), DynamoDBErrors::INVALID_EXPORT_TIME);
  auto future = client->ExportTableToPointInTime(
      ExportOrders().WithExportTime(DateTime(DateTime(clock.Now()).Millis() + 60 * 1000)));
  ASSERT_FALSE(future.IsSuccess());
  EXPECT_EQ(future.GetError().GetErrorType(), DynamoDBErrors::INVALID_EXPORT_TIME);
}

TEST_P(ExportTest, ExportOfATableThatDoesNotExist) {
  auto out = client->ExportTableToPointInTime(ExportOrders().WithTableArn(service.TableArn("nope")));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::TABLE_NOT_FOUND);
}

TEST_P(ExportTest, UnknownExportAndImportArnsAreNotFound) {
  const std::string arn = service.TableArn("orders") + "/export/01767225600000-00000000";
  auto e = client->DescribeExport(M::DescribeExportRequest().WithExportArn(arn));
  ASSERT_FALSE(e.IsSuccess());
  EXPECT_EQ(e.GetError().GetErrorType(), DynamoDBErrors::EXPORT_NOT_FOUND);
  auto i = client->DescribeImport(
      M::DescribeImportRequest().WithImportArn(service.TableArn("orders") + "/import/01767225600000-00000000"));
  ASSERT_FALSE(i.IsSuccess());
  EXPECT_EQ(i.GetError().GetErrorType(), DynamoDBErrors::IMPORT_NOT_FOUND);
}

TEST_P(ExportTest, ClientTokenMakesExportsIdempotent) {
  auto first = client->ExportTableToPointInTime(ExportOrders().WithClientToken("nightly-2026-01-01"));
  ASSERT_TRUE(first.IsSuccess()) << first.GetError();
  auto again = client->ExportTableToPointInTime(ExportOrders().WithClientToken("nightly-2026-01-01"));
  ASSERT_TRUE(again.IsSuccess()) << again.GetError();
  EXPECT_EQ(again.GetResult().GetExportDescription().GetExportArn(),
            first.GetResult().GetExportDescription().GetExportArn());
  auto other = client->ExportTableToPointInTime(ExportOrders("elsewhere").WithClientToken("nightly-2026-01-01"));
  ASSERT_FALSE(other.IsSuccess());
  EXPECT_EQ(other.GetError().GetErrorType(), DynamoDBErrors::EXPORT_CONFLICT);
}

TEST_P(ExportTest, ExportIntoAMissingBucketFails) {
  service.Objects().MarkBucketMissing("gone");
  auto out = client->ExportTableToPointInTime(ExportOrders().WithS3Bucket("gone"));
  ASSERT_TRUE(out.IsSuccess()) << "the bucket is checked when the export runs";
  clock.Advance(5min);
  const auto done = Describe(out.GetResult().GetExportDescription().GetExportArn());
  EXPECT_EQ(done.GetExportStatus(), M::ExportStatus::FAILED);
  EXPECT_EQ(done.GetFailureCode(), "S3NoSuchBucket");
  EXPECT_EQ(done.GetFailureMessage(), "The specified bucket does not exist");
  EXPECT_TRUE(service.Objects().List("gone").empty());
}

TEST_P(ExportTest, ConcurrentExportsAreLimited) {
  auto options = ExportOptions();
  options.limits.concurrentExports = 1;
  dynafake::Service small(clock, options);
  auto c = GetParam().make(small);
  ASSERT_TRUE(c->CreateTable(OrdersTable()).IsSuccess());
  ASSERT_TRUE(c->UpdateContinuousBackups(
                   M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                       M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  const auto request = ExportOrders().WithTableArn(small.TableArn("orders"));
  ASSERT_TRUE(c->ExportTableToPointInTime(request).IsSuccess());
  auto second = c->ExportTableToPointInTime(request);
  ASSERT_FALSE(second.IsSuccess());
  EXPECT_EQ(second.GetError().GetErrorType(), DynamoDBErrors::LIMIT_EXCEEDED);
  clock.Advance(5min);
  EXPECT_TRUE(c->ExportTableToPointInTime(request).IsSuccess()) << "the first one has finished";
}

TEST_P(ExportTest, ListExportsPagesThroughATablesExports) {
  std::vector<std::string> arns;
  for (int i = 0; i < 3; ++i) {
    auto out = client->ExportTableToPointInTime(ExportOrders("p" + std::to_string(i)));
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    arns.push_back(out.GetResult().GetExportDescription().GetExportArn());
  }
  std::vector<std::string> listed;
  M::ListExportsRequest request = M::ListExportsRequest().WithTableArn(service.TableArn("orders")).WithMaxResults(2);
  for (int page = 0; page < 5; ++page) {
    auto out = client->ListExports(request);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    for (const auto& s : out.GetResult().GetExportSummaries()) {
      listed.push_back(s.GetExportArn());
      EXPECT_EQ(s.GetExportStatus(), M::ExportStatus::IN_PROGRESS);
    }
    if (!out.GetResult().NextTokenHasBeenSet()) break;
    request.SetNextToken(out.GetResult().GetNextToken());
  }
  EXPECT_EQ(listed, arns);
}

TEST_P(ExportTest, ImportIntoATableThatExistsIsRefused) {
  auto out = client->ImportTable(ImportInto("orders", "x/"));
  ASSERT_FALSE(out.IsSuccess());
  EXPECT_EQ(out.GetError().GetErrorType(), DynamoDBErrors::RESOURCE_IN_USE);
  EXPECT_EQ(out.GetError().GetMessage(), "Table already exists: orders");
}

TEST_P(ExportTest, ZstdInputFailsTheImportSayingWhy) {
  service.Objects().Put("backups", "z/orders.json.zst", std::string("\x28\xb5\x2f\xfd", 4));
  auto out = client->ImportTable(ImportInto("orders-z", "z/").WithInputCompressionType(M::InputCompressionType::ZSTD));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  clock.Advance(2min);
  const auto done = DescribeImport(out.GetResult().GetImportTableDescription().GetImportArn());
  EXPECT_EQ(done.GetImportStatus(), M::ImportStatus::FAILED);
  EXPECT_NE(done.GetFailureMessage().find("ZSTD"), std::string::npos);
  EXPECT_FALSE(client->DescribeTable(M::DescribeTableRequest().WithTableName("orders-z")).IsSuccess());
}

TEST_P(ExportTest, ListImportsShowsEveryImport) {
  service.Objects().Put("backups", "in/a.json", "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");
  for (const char* name : {"t-1", "t-2", "t-3"})
    ASSERT_TRUE(client->ImportTable(ImportInto(name, "in/").WithInputCompressionType(M::InputCompressionType::NONE))
                    .IsSuccess());
  std::vector<std::string> tables;
  M::ListImportsRequest request = M::ListImportsRequest().WithPageSize(2);
  for (int page = 0; page < 5; ++page) {
    auto out = client->ListImports(request);
    ASSERT_TRUE(out.IsSuccess()) << out.GetError();
    for (const auto& s : out.GetResult().GetImportSummaryList()) tables.push_back(s.GetTableArn());
    if (!out.GetResult().NextTokenHasBeenSet()) break;
    request.SetNextToken(out.GetResult().GetNextToken());
  }
  EXPECT_EQ(tables,
            (std::vector<std::string>{service.TableArn("t-1"), service.TableArn("t-2"), service.TableArn("t-3")}));
}

DYNAFAKE_INSTANTIATE(ExportTest);

// ---- the object stores

TEST(ObjectStores, DirectoryStoreKeepsObjectsAsFiles) {
  const auto root = std::filesystem::temp_directory_path() / "dynafake-objects-test";
  std::filesystem::remove_all(root);
  dynafake::DirectoryObjectStore store(root);
  store.Put("b", "p/AWSDynamoDB/1/manifest-summary.json", "{}");
  store.Put("b", "p/other", "x");
  store.Put("b", "../escape", "no");
  EXPECT_EQ(store.Get("b", "p/AWSDynamoDB/1/manifest-summary.json"), std::optional<std::string>("{}"));
  EXPECT_TRUE(std::filesystem::exists(root / "b" / "p" / "AWSDynamoDB" / "1" / "manifest-summary.json"));
  EXPECT_EQ(store.List("b", "p/AWSDynamoDB/"), (std::vector<std::string>{"p/AWSDynamoDB/1/manifest-summary.json"}));
  EXPECT_FALSE(store.Get("b", "../escape").has_value());
  EXPECT_FALSE(std::filesystem::exists(root / "escape"));
  std::filesystem::remove_all(root);
}

TEST(ObjectStores, AServiceWritesExportsIntoTheStoreItIsGiven) {
  const auto root = std::filesystem::temp_directory_path() / "dynafake-objects-service-test";
  std::filesystem::remove_all(root);
  dynafake::ManualClock clock;
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  service.SetObjectStore(std::make_shared<dynafake::DirectoryObjectStore>(root));
  dynafake::Client client(service);
  ASSERT_TRUE(client.CreateTable(OrdersTable()).IsSuccess());
  ASSERT_TRUE(client
                  .UpdateContinuousBackups(
                      M::UpdateContinuousBackupsRequest().WithTableName("orders").WithPointInTimeRecoverySpecification(
                          M::PointInTimeRecoverySpecification().WithPointInTimeRecoveryEnabled(true)))
                  .IsSuccess());
  auto out = client.ExportTableToPointInTime(
      M::ExportTableToPointInTimeRequest().WithTableArn(service.TableArn("orders")).WithS3Bucket("disk"));
  ASSERT_TRUE(out.IsSuccess()) << out.GetError();
  const auto d = client.DescribeExport(
      M::DescribeExportRequest().WithExportArn(out.GetResult().GetExportDescription().GetExportArn()));
  ASSERT_TRUE(d.IsSuccess());
  EXPECT_EQ(d.GetResult().GetExportDescription().GetExportStatus(), M::ExportStatus::COMPLETED)
      << "Instant(): an export is done when the call that started it ends";
  EXPECT_TRUE(std::filesystem::exists(root / "disk" / d.GetResult().GetExportDescription().GetExportManifest()));
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace dynafake_test
