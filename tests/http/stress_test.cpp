// Concurrency through the server: 8 clients on their own connections run
// mixed operations (PutItem, CreateBackup, DescribeBackup, ListBackups
// paging, DeleteBackup, RestoreTableFromBackup, DeleteTable) while another
// connection moves the clock; then the invariants are checked over HTTP:
// no ARN handed out twice, every listed backup describable, the listing is
// exactly the backups created and not deleted, and each backup restores to
// exactly the items its table held when it was taken. Bounded: 8 x 30
// iterations on loopback.
#include <atomic>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "dynafake/http.hpp"

namespace {

using Json = nlohmann::json;

/// One connection speaking DynamoDB JSON; records any answer that is not a 200.
class Caller {
 public:
  Caller(int port, std::atomic<int>& failures) : client_("127.0.0.1", port, 10000), failures_(failures) {}
  Json Call(const std::string& op, const Json& body) {
    const auto r = client_.Send("POST", "/", body.dump(), {{"X-Amz-Target", "DynamoDB_20120810." + op}},
                                "application/x-amz-json-1.0");
    if (r.status != 200) {
      ++failures_;
      ADD_FAILURE() << op << " " << body.dump() << " -> " << r.status << " " << r.body;
      return Json::object();
    }
    return Json::parse(r.body);
  }
  dynafake::http::Client& Raw() { return client_; }

 private:
  dynafake::http::Client client_;
  std::atomic<int>& failures_;
};

Json StressTable(const std::string& name) {
  return Json{{"TableName", name},
              {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
              {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
              {"BillingMode", "PAY_PER_REQUEST"}};
}

/// The table's items as id -> value, read with Scan.
std::map<std::string, std::string> ItemsOf(Caller& c, const std::string& table) {
  std::map<std::string, std::string> items;
  const Json scan = c.Call("Scan", {{"TableName", table}});
  if (!scan.contains("Items")) return items;
  for (const auto& item : scan["Items"]) items[item["id"]["S"].get<std::string>()] = item["v"]["N"].get<std::string>();
  return items;
}

struct Taken {
  std::string arn;
  std::map<std::string, std::string> items;  // the table's content when the backup was taken
  bool deleted = false;
};

TEST(HttpStress, ConcurrentClientsKeepEveryInvariant) {
  constexpr int kClients = 8;
  constexpr int kIterations = 30;
  dynafake::ServerConfig config;
  config.service = dynafake::ServiceOptions::Instant();
  config.service.limits.callsPerSecond.clear();  // the clock moves only a little; no rate limit in the way
  dynafake::HttpServer server(config);
  server.Start();

  std::atomic<int> failures{0};
  std::atomic<bool> done{false};
  std::vector<std::vector<Taken>> taken(kClients);
  std::vector<std::thread> threads;
  for (int t = 0; t < kClients; ++t) {
    threads.emplace_back([&, t] {
      Caller c(server.Port(), failures);
      const std::string table = "table_" + std::to_string(t);
      c.Call("CreateTable", StressTable(table));
      std::map<std::string, std::string> items;  // what this client wrote (it alone writes its table)
      for (int i = 0; i < kIterations; ++i) {
        const std::string id = "k" + std::to_string(i % 7);
        const std::string value = std::to_string(t * 1000 + i);
        c.Call("PutItem", {{"TableName", table}, {"Item", {{"id", {{"S", id}}}, {"v", {{"N", value}}}}}});
        items[id] = value;
        if (i % 3 == 0) {
          const Json b = c.Call("CreateBackup", {{"TableName", table}, {"BackupName", "backup_" + std::to_string(i)}});
          if (!b.contains("BackupDetails")) return;  // the failure is recorded
          taken[t].push_back(Taken{b["BackupDetails"]["BackupArn"].get<std::string>(), items});
          c.Call("DescribeBackup", {{"BackupArn", taken[t].back().arn}});
        }
        if (i % 7 == 6) {  // delete the oldest backup still there, never the latest (restored below)
          for (std::size_t k = 0; k + 1 < taken[t].size(); ++k)
            if (!taken[t][k].deleted) {
              c.Call("DeleteBackup", {{"BackupArn", taken[t][k].arn}});
              taken[t][k].deleted = true;
              break;
            }
        }
        if (i % 5 == 4) {  // page through this table's backups, three at a time
          Json request{{"TableName", table}, {"Limit", 3}};
          for (int page = 0; page < 50; ++page) {
            const Json r = c.Call("ListBackups", request);
            if (!r.contains("LastEvaluatedBackupArn")) break;
            request["ExclusiveStartBackupArn"] = r["LastEvaluatedBackupArn"];
          }
        }
        if (i % 10 == 9 && !taken[t].empty()) {  // restore the latest backup somewhere else, then drop the copy
          const std::string target = table + "_r" + std::to_string(i);
          c.Call("RestoreTableFromBackup", {{"TargetTableName", target}, {"BackupArn", taken[t].back().arn}});
          c.Call("DeleteTable", {{"TableName", target}});
        }
      }
    });
  }
  std::thread mover([&] {  // the clock moves under the clients' feet
    dynafake::http::Client admin("127.0.0.1", server.Port());
    for (int i = 0; i < 200 && !done.load(); ++i)
      if (admin.Send("POST", "/_dynafake/clock/advance", R"({"seconds": 1})").status != 200) ++failures;
  });
  for (auto& th : threads) th.join();
  done = true;
  mover.join();
  ASSERT_EQ(failures.load(), 0);

  // Invariants, checked through the server like any client would.
  Caller c(server.Port(), failures);
  std::set<std::string> arns;
  std::set<std::string> alive;
  std::size_t created = 0;
  for (const auto& perClient : taken)
    for (const auto& b : perClient) {
      ++created;
      arns.insert(b.arn);
      if (!b.deleted) alive.insert(b.arn);
    }
  EXPECT_EQ(arns.size(), created) << "an ARN was handed out twice";

  std::set<std::string> listed;
  Json request{{"Limit", 7}};
  for (int page = 0; page < 1000; ++page) {
    const Json r = c.Call("ListBackups", request);
    for (const auto& s : r["BackupSummaries"]) listed.insert(s["BackupArn"].get<std::string>());
    if (!r.contains("LastEvaluatedBackupArn")) break;
    request["ExclusiveStartBackupArn"] = r["LastEvaluatedBackupArn"];
  }
  EXPECT_EQ(listed, alive);
  for (const auto& arn : listed)
    EXPECT_EQ(c.Call("DescribeBackup", {{"BackupArn", arn}})["BackupDescription"]["BackupDetails"]["BackupStatus"],
              "AVAILABLE");

  int restored = 0;
  for (const auto& perClient : taken)
    for (const auto& b : perClient) {
      if (b.deleted) continue;
      const std::string target = "check_" + std::to_string(restored++);
      c.Call("RestoreTableFromBackup", {{"TargetTableName", target}, {"BackupArn", b.arn}});
      EXPECT_EQ(ItemsOf(c, target), b.items) << b.arn;
    }
  EXPECT_GT(restored, kClients);
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
