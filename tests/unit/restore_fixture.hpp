// Shared by the RestoreTableFromBackup tests (restore_from_backup_test.cpp,
// restore_overrides_test.cpp): a table with everything a restore may copy, and
// a fixture that restores, describes and reads.
#pragma once

#include <map>
#include <string>

#include "fixtures.hpp"

namespace dynafake_test {
namespace restore {

inline M::KeySchemaElement KeyElement(const std::string& name, M::KeyType type) {
  return M::KeySchemaElement().WithAttributeName(name).WithKeyType(type);
}
inline M::AttributeDefinition Attr(const std::string& name) {
  return M::AttributeDefinition().WithAttributeName(name).WithAttributeType(M::ScalarAttributeType::S);
}
inline M::ProvisionedThroughput Capacity(int64_t read, int64_t write) {
  return M::ProvisionedThroughput().WithReadCapacityUnits(read).WithWriteCapacityUnits(write);
}
inline M::Projection All() { return M::Projection().WithProjectionType(M::ProjectionType::ALL); }

/// "customers": hash "pk" + range "sk", an LSI, two GSIs, provisioned 5/7,
/// KMS encryption, a stream and a tag — everything a restore may or may not copy.
inline M::CreateTableRequest CustomersTable() {
  return M::CreateTableRequest()
      .WithTableName("customers")
      .WithKeySchema({KeyElement("pk", M::KeyType::HASH), KeyElement("sk", M::KeyType::RANGE)})
      .WithAttributeDefinitions({Attr("pk"), Attr("sk"), Attr("created"), Attr("email"), Attr("region")})
      .WithLocalSecondaryIndexes(
          {M::LocalSecondaryIndex()
               .WithIndexName("by-created")
               .WithKeySchema({KeyElement("pk", M::KeyType::HASH), KeyElement("created", M::KeyType::RANGE)})
               .WithProjection(All())})
      .WithGlobalSecondaryIndexes({M::GlobalSecondaryIndex()
                                       .WithIndexName("by-email")
                                       .WithKeySchema({KeyElement("email", M::KeyType::HASH)})
                                       .WithProjection(All())
                                       .WithProvisionedThroughput(Capacity(2, 3)),
                                   M::GlobalSecondaryIndex()
                                       .WithIndexName("by-region")
                                       .WithKeySchema({KeyElement("region", M::KeyType::HASH)})
                                       .WithProjection(All())
                                       .WithProvisionedThroughput(Capacity(4, 4))})
      .WithBillingMode(M::BillingMode::PROVISIONED)
      .WithProvisionedThroughput(Capacity(5, 7))
      .WithSSESpecification(
          M::SSESpecification().WithEnabled(true).WithSSEType(M::SSEType::KMS).WithKMSMasterKeyId("alias/customers"))
      .WithStreamSpecification(
          M::StreamSpecification().WithStreamEnabled(true).WithStreamViewType(M::StreamViewType::NEW_IMAGE))
      .WithTags({M::Tag().WithKey("team").WithValue("billing")});
}

}  // namespace restore

/// A world to restore in, with helpers to restore, describe and read the result.
class RestoreFromBackupTest : public ServiceTest {
 protected:
  M::RestoreTableFromBackupOutcome Restore(const std::string& arn, const std::string& target = "orders-restored") {
    return client->RestoreTableFromBackup(
        M::RestoreTableFromBackupRequest().WithTargetTableName(target).WithBackupArn(arn));
  }
  M::TableDescription Describe(const std::string& table) {
    auto out = client->DescribeTable(M::DescribeTableRequest().WithTableName(table));
    EXPECT_TRUE(out.IsSuccess()) << out.GetError();
    return out.IsSuccess() ? out.GetResult().GetTable() : M::TableDescription();
  }
  std::map<std::string, std::string> Quantities(const std::string& table) {
    auto scan = client->Scan(M::ScanRequest().WithTableName(table));
    EXPECT_TRUE(scan.IsSuccess()) << scan.GetError();
    std::map<std::string, std::string> out;
    if (scan.IsSuccess())
      for (const auto& item : scan.GetResult().GetItems()) out[item.at("id").GetS()] = item.at("quantity").GetN();
    return out;
  }
  std::string CustomersBackup() {
    auto created = client->CreateTable(restore::CustomersTable());
    EXPECT_TRUE(created.IsSuccess()) << created.GetError();
    return Backup("customers");
  }
  const M::GlobalSecondaryIndexDescription* Gsi(const M::TableDescription& d, const std::string& name) {
    for (const auto& g : d.GetGlobalSecondaryIndexes())
      if (g.GetIndexName() == name) return &g;
    return nullptr;
  }
};

}  // namespace dynafake_test
