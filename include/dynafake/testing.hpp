// dynafake — scenarios in a few lines, for GoogleTest: the whole core plus
//
//   Sandbox                     a ManualClock, a Service and a Client in one line;
//                               CreateActiveTable(request) creates a table and lets it become ACTIVE
//   HashKeyTable("orders"),     CreateTableRequest builders for the common tables
//   HashRangeTable, WithGlobalIndex, WithLocalIndex
//   IsSuccess(), IsError(type[, message])   outcome matchers that print the outcome on failure
//   HasTableName(m), ...        matchers on requests and results
//   JournalPrinter              prints the journal of every Sandbox of a failed test
//                               (installed before main); PrintJournalOnFailure for a Service of your own
//
//   #include <dynafake/testing.hpp>
//   using namespace dynafake::testing;
//   TEST(Backups, FiftyFirstInASecondIsThrottled) {
//     Sandbox fake(dynafake::ServiceOptions::Instant());
//     fake.CreateActiveTable(HashKeyTable("orders"));
//     ...
//     EXPECT_THAT(fake.client.CreateBackup(request), IsError(dynafake::DynamoDBErrors::LIMIT_EXCEEDED));
//   }
//
// It includes <gmock/gmock.h> (for the matchers), but not the MockClient
// (dynafake/gmock.hpp). Link the CMake target dynafake::testing
// (dynafake::dynafake + GTest::gmock).
#pragma once

#include "dynafake/dynafake.hpp"                 // the core: Service, Client, clocks, FaultRule, Model
#include "dynafake/testing/exports.hpp"          // ExportedLines, ExportedKeys
#include "dynafake/testing/journal_printer.hpp"  // JournalPrinter, PrintJournalOnFailure
#include "dynafake/testing/matchers.hpp"         // IsSuccess, IsError, HasTableName, ...
#include "dynafake/testing/sandbox.hpp"          // Sandbox
#include "dynafake/testing/tables.hpp"           // Key, HashKeyTable, HashRangeTable, WithGlobalIndex, WithLocalIndex

namespace dynafake {
namespace testing {

// The matchers live in namespace dynafake (dynafake/gmock.hpp has always
// offered them there); `using namespace dynafake::testing;` brings them too.
using ::dynafake::HasBackupArn;
using ::dynafake::HasBackupName;
using ::dynafake::HasResourceArn;
using ::dynafake::HasSourceTableName;
using ::dynafake::HasTableName;
using ::dynafake::HasTargetTableName;
using ::dynafake::IsError;
using ::dynafake::IsSuccess;

}  // namespace testing
}  // namespace dynafake
