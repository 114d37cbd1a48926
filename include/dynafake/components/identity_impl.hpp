// dynafake — Identity's definitions (see identity.hpp).
#pragma once

#include "dynafake/components/identity.hpp"
#include "dynafake/detail/linkage.hpp"  // DYNAFAKE_IMPL

namespace dynafake {
namespace detail {

DYNAFAKE_IMPL std::string Identity::TableArn(const std::string& name) const {
  std::string arn;
  arn.reserve(TableArnSize(name) + 32);  // room for a backup ARN's "/backup/<stamp>-<id>"
  AppendTableArn(arn, name);
  return arn;
}

DYNAFAKE_IMPL std::size_t Identity::TableArnSize(const std::string& name) const {
  return 22 + options_->partition.size() + options_->region.size() + options_->accountId.size() + name.size();
}

DYNAFAKE_IMPL void Identity::AppendTableArn(std::string& out, const std::string& name) const {
  out.append("arn:").append(options_->partition).append(":dynamodb:").append(options_->region).append(":");
  out.append(options_->accountId).append(":table/").append(name);
}

DYNAFAKE_IMPL std::string Identity::TableNameOf(const std::string& nameOrArn) const {
  if (nameOrArn.rfind("arn:", 0) != 0) return nameOrArn;
  const std::string prefix = TableArn("");
  if (nameOrArn.rfind(prefix, 0) != 0) return {};  // another account, region or service: no such table here
  std::string rest = nameOrArn.substr(prefix.size());
  return rest.find('/') == std::string::npos ? rest : std::string();
}

DYNAFAKE_IMPL std::string Identity::ShownName(const std::string& nameOrArn) const {
  std::string name = TableNameOf(nameOrArn);
  return name.empty() ? nameOrArn : name;
}

DYNAFAKE_IMPL uint64_t Identity::NextRandom() {  // splitmix64: small, fast, reproducible from the seed
  uint64_t z = (random_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

DYNAFAKE_IMPL std::string Identity::NewTableId() {
  static const char* hex = "0123456789abcdef";
  const uint64_t a = NextRandom(), b = NextRandom();
  std::string out;
  for (int i = 0; i < 32; ++i) {
    const uint64_t word = i < 16 ? a : b;
    int nibble = static_cast<int>((word >> ((i % 16) * 4)) & 15);
    if (i == 12) nibble = 4;                 // version 4
    if (i == 16) nibble = 8 | (nibble & 3);  // RFC 4122 variant
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    out += hex[nibble];
  }
  return out;
}

/// Written digit by digit: no formatting machinery on the CreateBackup path.
DYNAFAKE_IMPL char* Identity::WriteBackupStamp(char* end, int64_t createdMs, uint32_t id) {
  char* p = end;
  for (int i = 0; i < 8; ++i, id >>= 4) *--p = "0123456789abcdef"[id & 15u];
  *--p = '-';
  uint64_t ms = static_cast<uint64_t>(createdMs < 0 ? 0 : createdMs);
  for (int i = 0; i < 14 || ms > 0; ++i, ms /= 10) *--p = static_cast<char>('0' + ms % 10);
  return p;
}

DYNAFAKE_IMPL void Identity::AppendBackupArn(std::string& out, const std::string& table, int64_t createdMs,
                                             uint32_t id) const {
  char stamp[32];
  char* end = stamp + sizeof stamp;
  const char* p = WriteBackupStamp(end, createdMs, id);
  AppendTableArn(out, table);
  out.append("/backup/").append(p, static_cast<std::size_t>(end - p));
}

DYNAFAKE_IMPL std::string Identity::NewBackupArn(const std::string& table, int64_t createdMs) {
  const uint32_t id = NewBackupId();
  std::string arn;
  arn.reserve(BackupArnSize(table));
  AppendBackupArn(arn, table, createdMs, id);
  return arn;
}

DYNAFAKE_IMPL Model::SSEDescription Identity::KmsEncryption(const Model::SSESpecification& spec) const {
  const std::string key = spec.KMSMasterKeyIdHasBeenSet() ? spec.GetKMSMasterKeyId() : "alias/aws/dynamodb";
  const std::string arn = key.rfind("arn:", 0) == 0
                              ? key
                              : "arn:" + options_->partition + ":kms:" + options_->region + ":" + options_->accountId +
                                    ":" + (key.rfind("alias/", 0) == 0 ? key : "key/" + key);
  return Model::SSEDescription()
      .WithStatus(Model::SSEStatus::ENABLED)
      .WithSSEType(Model::SSEType::KMS)
      .WithKMSMasterKeyArn(arn);
}

}  // namespace detail
}  // namespace dynafake
