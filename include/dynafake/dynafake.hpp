// dynafake — an in-memory Amazon DynamoDB for testing programs that take,
// list, expire and restore backups. Core umbrella header: standard library only.
//
//   dynafake::ManualClock clock;
//   dynafake::Service service(clock);
//   dynafake::Client client(service);
//
// The headers declare; the definitions are compiled once: link the CMake
// target dynafake::dynafake, or (single header) define DYNAFAKE_IMPLEMENTATION
// in one file of yours before including this header, or define
// DYNAFAKE_HEADER_ONLY in every file (see dynafake/detail/linkage.hpp).
//
// Optional fronts live in their own headers: dynafake/wire.hpp (JSON protocol,
// needs nlohmann_json), dynafake/gmock.hpp (MockClient, needs GoogleMock),
// dynafake/http.hpp (loopback server, needs nlohmann_json and POSIX sockets).
//
// Two guards, as in doctest: the declarations are read once per file, and the
// definitions once, whenever DYNAFAKE_IMPLEMENTATION (or DYNAFAKE_HEADER_ONLY)
// is defined at an inclusion, so a file that reached this header through
// another one can still define DYNAFAKE_IMPLEMENTATION and include it again.
#ifndef DYNAFAKE_DYNAFAKE_HPP_DECLARATIONS
#define DYNAFAKE_DYNAFAKE_HPP_DECLARATIONS

#define DYNAFAKE_VERSION_MAJOR 0
#define DYNAFAKE_VERSION_MINOR 1
#define DYNAFAKE_VERSION_PATCH 0

#include "dynafake/client.hpp"                // Client, BasicClient, ClientInterface, Api
#include "dynafake/clock.hpp"                 // Clock, AdjustableClock, ManualClock, SystemClock
#include "dynafake/date_time.hpp"             // DateTime
#include "dynafake/faults.hpp"                // FaultRule, FaultSet
#include "dynafake/generated/operations.hpp"  // Model::XRequest, XResult, XOutcome
#include "dynafake/generated/print.hpp"       // operator<< for every model type
#include "dynafake/journal.hpp"               // Call, CallJournal, CallCause
#include "dynafake/limits.hpp"                // limits::kMaxItemBytes and the other documented limits
#include "dynafake/model/errors.hpp"          // DynamoDBError, DynamoDBErrors
#include "dynafake/options.hpp"               // ServiceOptions
#include "dynafake/service.hpp"               // Service

#endif  // DYNAFAKE_DYNAFAKE_HPP_DECLARATIONS

#if defined(DYNAFAKE_IMPLEMENTATION) || defined(DYNAFAKE_HEADER_ONLY)
#include "dynafake/detail/implementation.hpp"  // every definition the headers above declare
#endif
