// dynafake — Identity: who a Service is (account, region, partition) and the
// names it hands out: table ARNs, table ids, backup ARNs, KMS key ARNs. Ids and
// ARN suffixes come from a generator seeded by ServiceOptions::seed, so the
// same test gets the same names on every run.
#pragma once

#include <cstddef>  // std::size_t
#include <cstdint>  // int64_t, uint64_t
#include <string>   // std::string

#include "dynafake/generated/types.hpp"  // SSESpecification, SSEDescription
#include "dynafake/options.hpp"          // ServiceOptions

namespace dynafake {
namespace detail {

class Identity {
 public:
  explicit Identity(const ServiceOptions& options) : options_(&options), random_(options.seed) {}

  /// arn:<partition>:dynamodb:<region>:<account>:table/<name>
  std::string TableArn(const std::string& name) const;
  /// The table an argument names: the name itself, or the name inside a table
  /// ARN of this account and region; "" for an ARN of anything else.
  std::string TableNameOf(const std::string& nameOrArn) const;
  /// The table as messages show it: TableNameOf, or the argument itself when it names no table here.
  std::string ShownName(const std::string& nameOrArn) const;

  const std::string& AccountId() const { return options_->accountId; }
  const std::string& Partition() const { return options_->partition; }

  /// A random (version 4) UUID, as DynamoDB's table ids are.
  std::string NewTableId();
  /// <table ARN>/backup/<14-digit creation millis>-<8 hex digits>
  std::string NewBackupArn(const std::string& table, int64_t createdMs);
  /// The random part of a new backup ARN (its last 8 hex digits).
  uint32_t NewBackupId() { return static_cast<uint32_t>(NextRandom() & 0xffffffffu); }
  /// Appends the ARN of backup `id` of `table` created at `createdMs`: a
  /// backup record keeps these three, not the ARN's text.
  void AppendBackupArn(std::string& out, const std::string& table, int64_t createdMs, uint32_t id) const;
  /// A backup ARN's last part, "<14-digit creation millis>-<8 hex digits>",
  /// written backwards ending at `end` (room for 32 characters); returns its start.
  static char* WriteBackupStamp(char* end, int64_t createdMs, uint32_t id);
  std::size_t BackupArnSize(const std::string& table) const { return TableArnSize(table) + 31; }
  /// The next number of the seeded generator (splitmix64).
  uint64_t NextRandom();
  /// Encryption with a KMS key: the one the specification names, else DynamoDB's managed key.
  Model::SSEDescription KmsEncryption(const Model::SSESpecification& spec) const;

  /// What a snapshot keeps: the generator's state (the account and region are
  /// the ServiceOptions'); Reset() returns it to the seed.
  struct State {
    uint64_t random = 0;
  };
  State Save() const { return State{random_}; }
  void Load(State s) { random_ = s.random; }
  void Reset() { random_ = options_->seed; }

 private:
  std::size_t TableArnSize(const std::string& name) const;
  void AppendTableArn(std::string& out, const std::string& name) const;

  const ServiceOptions* options_;
  uint64_t random_;
};

}  // namespace detail
}  // namespace dynafake
