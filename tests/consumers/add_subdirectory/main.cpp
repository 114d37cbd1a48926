// Consumer check: a program that uses dynafake the way the README shows.
// Creates a table and a backup through dynafake::Client; exits non-zero if
// either call fails.
#include <dynafake/dynafake.hpp>

#include <iostream>  // std::cout, std::cerr

int main() {
  dynafake::ManualClock clock;  // starts 2026-01-01T00:00:00Z
  dynafake::Service service(clock, dynafake::ServiceOptions::Instant());
  dynafake::Client client(service);
  namespace M = dynafake::Model;

  auto t = client.CreateTable(
      M::CreateTableRequest()
          .WithTableName("orders")
          .WithKeySchema({M::KeySchemaElement().WithAttributeName("id").WithKeyType(M::KeyType::HASH)})
          .WithAttributeDefinitions(
              {M::AttributeDefinition().WithAttributeName("id").WithAttributeType(M::ScalarAttributeType::S)})
          .WithBillingMode(M::BillingMode::PAY_PER_REQUEST));
  if (!t.IsSuccess()) {
    std::cerr << "CreateTable failed: " << t.GetError().GetMessage() << "\n";
    return 1;
  }

  auto b = client.CreateBackup(M::CreateBackupRequest().WithTableName("orders").WithBackupName("nightly"));
  if (!b.IsSuccess()) {
    std::cerr << "CreateBackup failed: " << b.GetError().GetMessage() << "\n";
    return 1;
  }
  std::cout << "backup " << b.GetResult().GetBackupDetails().GetBackupArn() << "\n";
  return 0;
}
