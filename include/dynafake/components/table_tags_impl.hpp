// dynafake — Tables' definitions for tags: TagResource, UntagResource and
// ListTagsOfResource, and the checks every tag operation makes of its
// ResourceArn (see tables.hpp).
#pragma once

#include <algorithm>  // std::remove_if
#include <set>        // std::set

#include "dynafake/components/identity.hpp"  // Identity
#include "dynafake/components/tables.hpp"
#include "dynafake/detail/linkage.hpp"   // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"  // msg::
#include "dynafake/limits.hpp"           // the documented limits

namespace dynafake {
namespace detail {

/// dynalite's first test of a ResourceArn, /^.+:.+:.+:.+:.+:.+\/.+$/: six
/// non-empty parts joined by ':', a '/' inside the last. Anything else is no
/// ARN at all, and the service refuses it as a resource the caller may not use.
inline bool LooksLikeAnArn(const std::string& s) {
  std::size_t at = 0;  // the earliest choice of the five colons leaves the most room for the rest
  for (int colon = 0; colon < 5; ++colon) {
    const std::size_t c = s.find(':', at + 1);
    if (c == std::string::npos) return false;
    at = c + 1;  // the next part starts here and must not be empty
    if (at >= s.size()) return false;
  }
  const std::size_t slash = s.find('/', at + 1);
  return slash != std::string::npos && slash + 1 < s.size();
}

/// dynalite's second, /^arn:aws:dynamodb:.+:\d+:table\/[^/]{2}[^/]+$/ (the
/// Service's partition for "aws"): a table's ARN, whose name has 3 characters or
/// more. Its account, or "" when it is not one.
inline std::string TableArnAccount(const std::string& s, const std::string& partition) {
  const std::string prefix = "arn:" + partition + ":dynamodb:";
  if (s.rfind(prefix, 0) != 0) return {};
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos || s.find('/', slash + 1) != std::string::npos) return {};
  if (s.size() - slash - 1 < 3) return {};
  const std::string tableWord = ":table";
  if (slash < prefix.size() + tableWord.size() || s.compare(slash - tableWord.size(), tableWord.size(), tableWord) != 0)
    return {};
  const std::string middle = s.substr(prefix.size(), slash - tableWord.size() - prefix.size());  // region:account
  const std::size_t colon = middle.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == middle.size()) return {};
  const std::string account = middle.substr(colon + 1);
  for (char c : account)
    if (c < '0' || c > '9') return {};
  return account;
}

/// Before the model's constraints: a ResourceArn there, and one the caller may be
/// authorized for (architect/dynalite test/tagResource.js: {} is "Invalid TableArn",
/// {"ResourceArn": ""} an AccessDeniedException, though Tags is missing in both).
DYNAFAKE_IMPL void Tables::PrecheckResourceArn(bool given, const std::string& arn, const char* operation,
                                               const Identity& identity, Validator& v) {
  if (!given) return v.Add(msg::NoResourceArn());
  const std::string principal = "arn:" + identity.Partition() + ":iam::" + identity.AccountId() + ":root";
  if (!LooksLikeAnArn(arn)) v.Deny(msg::NotAuthorized(principal, operation, arn));
}

/// After them (a missing Tags is reported first: test/tagResource.js 'should return
/// ValidationException for null Tags'): a table's ARN, of this account.
DYNAFAKE_IMPL void Tables::ValidateResourceArn(const std::string& arn, const char* operation, const Identity& identity,
                                               Validator& v) {
  const std::string principal = "arn:" + identity.Partition() + ":iam::" + identity.AccountId() + ":root";
  const std::string account = TableArnAccount(arn, identity.Partition());
  if (account.empty()) return v.Add(msg::InvalidTableArn(arn));
  if (account != identity.AccountId()) v.Deny(msg::NotAuthorizedElsewhere(principal, operation, arn));
}

DYNAFAKE_IMPL void Tables::Validate(const Model::TagResourceRequest& r, const Identity& identity, Validator& v) {
  ValidateResourceArn(r.GetResourceArn(), "TagResource", identity, v);
  if (v.Ok() && r.GetTags().empty()) v.Add(msg::NoTagsGiven());
}

DYNAFAKE_IMPL void Tables::Validate(const Model::UntagResourceRequest& r, const Identity& identity, Validator& v) {
  ValidateResourceArn(r.GetResourceArn(), "UntagResource", identity, v);
  if (v.Ok() && r.GetTagKeys().empty()) v.Add(msg::NoTagKeysGiven());
}

DYNAFAKE_IMPL void Tables::Validate(const Model::ListTagsOfResourceRequest& r, const Identity& identity, Validator& v) {
  ValidateResourceArn(r.GetResourceArn(), "ListTagsOfResource", identity, v);
}

DYNAFAKE_IMPL TableRecord* Tables::TaggedTable(const std::string& resourceArn, std::optional<DynamoDBError>& error) {
  TableRecord* t = resourceArn.rfind("arn:", 0) == 0 ? Find(resourceArn) : nullptr;
  if (!t) error = DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::ArnResourceNotFound(resourceArn));
  return t;
}

DYNAFAKE_IMPL Model::TagResourceOutcome Tables::TagResource(const Model::TagResourceRequest& r, int64_t) {
  std::optional<DynamoDBError> missing;
  TableRecord* t = TaggedTable(r.GetResourceArn(), missing);
  if (!t) return *missing;
  if (t->status != Model::TableStatus::ACTIVE && t->status != Model::TableStatus::UPDATING)
    return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::TableNotActive(t->desc.GetTableName()));
  std::set<std::string> keys;  // a tag whose key is already there replaces it: count distinct keys
  for (const auto& tag : t->tags) keys.insert(tag.GetKey());
  for (const auto& tag : r.GetTags()) keys.insert(tag.GetKey());
  if (keys.size() > limits::kMaxTagsPerResource)
    return DynamoDBError(DynamoDBErrors::LIMIT_EXCEEDED, msg::TooManyTags());
  for (const auto& tag : r.GetTags()) {
    bool replaced = false;
    for (auto& existing : t->tags)
      if (existing.GetKey() == tag.GetKey()) existing.SetValue(tag.GetValue()), replaced = true;
    if (!replaced) t->tags.push_back(tag);
  }
  return Model::TagResourceResult();
}

DYNAFAKE_IMPL Model::UntagResourceOutcome Tables::UntagResource(const Model::UntagResourceRequest& r, int64_t) {
  std::optional<DynamoDBError> missing;
  TableRecord* t = TaggedTable(r.GetResourceArn(), missing);
  // UntagResource's not-found names no ARN (architect/dynalite test/untagResource.js)
  if (!t) return DynamoDBError(DynamoDBErrors::RESOURCE_NOT_FOUND, msg::DataPlaneResourceNotFound());
  if (t->status != Model::TableStatus::ACTIVE && t->status != Model::TableStatus::UPDATING)
    return DynamoDBError(DynamoDBErrors::RESOURCE_IN_USE, msg::TableNotActive(t->desc.GetTableName()));
  const std::set<std::string> gone(r.GetTagKeys().begin(), r.GetTagKeys().end());  // keys not there are ignored
  t->tags.erase(std::remove_if(t->tags.begin(), t->tags.end(),
                               [&](const Model::Tag& tag) { return gone.count(tag.GetKey()) > 0; }),
                t->tags.end());
  return Model::UntagResourceResult();
}

DYNAFAKE_IMPL Model::ListTagsOfResourceOutcome Tables::ListTagsOfResource(const Model::ListTagsOfResourceRequest& r,
                                                                          int64_t) {
  std::optional<DynamoDBError> missing;
  const TableRecord* t = TaggedTable(r.GetResourceArn(), missing);
  if (!t) return *missing;
  Model::ListTagsOfResourceResult out;
  out.SetTags(t->tags);
  return out;
}

}  // namespace detail
}  // namespace dynafake
