// Resource ARNs and table names the service refuses before it looks a table
// up: one row per case, with the exact __type and message. Sources beside the
// messages in include/dynafake/detail/messages.hpp (architect/dynalite's tests,
// checked against the service; ScyllaDB Alternator's test_tag.py).
#include <functional>
#include <string>
#include <vector>

#include "fixtures.hpp"

namespace dynafake_test {
namespace {

struct Refusal {
  std::string what;
  std::function<dynafake::DynamoDBError(dynafake::ClientInterface&, dynafake::Service&)> call;
  std::string type;  // exception name
  std::string message;
};

template <class Outcome>
dynafake::DynamoDBError ErrorOf(const Outcome& out) {
  return out.IsSuccess() ? dynafake::DynamoDBError() : out.GetError();
}

const std::string kHere = "arn:aws:dynamodb:us-east-1:123456789012:table/";
const std::string kOtherAccount = "arn:aws:dynamodb:us-east-1:210987654321:table/orders";
const std::string kUser = "User: arn:aws:iam::123456789012:root is not authorized to perform: dynamodb:";

Refusal ListTags(const std::string& arn, const std::string& type, const std::string& message) {
  return {"ListTagsOfResource " + arn,
          [arn](dynafake::ClientInterface& c, dynafake::Service&) {
            return ErrorOf(c.ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(arn)));
          },
          type, message};
}
Refusal Tag(const std::string& arn, std::vector<M::Tag> tags, const std::string& type, const std::string& message) {
  return {"TagResource " + arn + " with " + std::to_string(tags.size()) + " tags",
          [arn, tags](dynafake::ClientInterface& c, dynafake::Service&) {
            return ErrorOf(c.TagResource(M::TagResourceRequest().WithResourceArn(arn).WithTags(tags)));
          },
          type, message};
}
Refusal Untag(const std::string& arn, std::vector<std::string> keys, const std::string& type,
              const std::string& message) {
  return {"UntagResource " + arn + " with " + std::to_string(keys.size()) + " keys",
          [arn, keys](dynafake::ClientInterface& c, dynafake::Service&) {
            return ErrorOf(c.UntagResource(M::UntagResourceRequest().WithResourceArn(arn).WithTagKeys(keys)));
          },
          type, message};
}

const std::vector<M::Tag> kOneTag = {M::Tag().WithKey("team").WithValue("billing")};
const std::string kNameLength = "TableName must be at least 3 characters long and at most 255 characters long";

std::vector<Refusal> Refusals() {
  const std::string denied = "AccessDeniedException", invalid = "ValidationException";
  std::vector<Refusal> rows = {
      // no ARN at all: the caller may not use it (dynalite test/listTagsOfResource.js)
      ListTags("abcd", denied, kUser + "ListTagsOfResource on resource: abcd"),
      ListTags("a:b:c:d:e:f", denied, kUser + "ListTagsOfResource on resource: a:b:c:d:e:f"),
      ListTags("a:b:c:d:e/f", denied, kUser + "ListTagsOfResource on resource: a:b:c:d:e/f"),
      // shaped like an ARN, but not a table's
      ListTags("a:b:c:d:e:f/g", invalid, "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g"),
      ListTags(kHere + "ab", invalid, "Invalid TableArn: Invalid ResourceArn provided as input " + kHere + "ab"),
      ListTags(kHere + "orders/index/byDate", invalid,
               "Invalid TableArn: Invalid ResourceArn provided as input " + kHere + "orders/index/byDate"),
      // a table of another account
      ListTags(kOtherAccount, denied,
               kUser + "ListTagsOfResource on resource: " + kOtherAccount +
                   " because no resource-based policy allows the dynamodb:ListTagsOfResource action"),
      // a table of this account that is not there
      ListTags(kHere + "missing", "ResourceNotFoundException",
               "Requested resource not found: ResourcArn: " + kHere + "missing not found"),

      Tag("abcd", kOneTag, denied, kUser + "TagResource on resource: abcd"),
      Tag("a:b:c:d:e:f/g", kOneTag, invalid, "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g"),
      Tag(kHere + "ab", {}, invalid, "Invalid TableArn: Invalid ResourceArn provided as input " + kHere + "ab"),
      Tag(kOtherAccount, kOneTag, denied,
          kUser + "TagResource on resource: " + kOtherAccount +
              " because no resource-based policy allows the dynamodb:TagResource action"),
      // no tags: refused before the table is looked for (dynalite validations/tagResource.js)
      Tag(kHere + "orders", {}, invalid, "Atleast one Tag needs to be provided as Input."),
      Tag(kHere + "missing", {}, invalid, "Atleast one Tag needs to be provided as Input."),
      Tag(kHere + "missing", kOneTag, "ResourceNotFoundException",
          "Requested resource not found: ResourcArn: " + kHere + "missing not found"),

      Untag("abcd", {"team"}, denied, kUser + "UntagResource on resource: abcd"),
      Untag("a:b:c:d:e:f/g", {"team"}, invalid,
            "Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g"),
      Untag(kOtherAccount, {"team"}, denied,
            kUser + "UntagResource on resource: " + kOtherAccount +
                " because no resource-based policy allows the dynamodb:UntagResource action"),
      Untag(kHere + "orders", {}, invalid, "Atleast one Tag Key needs to be provided as Input."),
  };
  // a table name outside 3..255 characters that the model's TableArn (1..1024) lets through
  for (const std::string& name : {std::string("ab"), std::string("a;"), std::string(256, 'a')}) {
    rows.push_back({"DescribeTable " + name,
                    [name](dynafake::ClientInterface& c, dynafake::Service&) {
                      return ErrorOf(c.DescribeTable(M::DescribeTableRequest().WithTableName(name)));
                    },
                    invalid, kNameLength});
    rows.push_back({"DeleteTable " + name,
                    [name](dynafake::ClientInterface& c, dynafake::Service&) {
                      return ErrorOf(c.DeleteTable(M::DeleteTableRequest().WithTableName(name)));
                    },
                    invalid, kNameLength});
    rows.push_back({"UpdateTable " + name,
                    [name](dynafake::ClientInterface& c, dynafake::Service&) {
                      return ErrorOf(c.UpdateTable(
                          M::UpdateTableRequest().WithTableName(name).WithBillingMode(M::BillingMode::PROVISIONED)));
                    },
                    invalid, kNameLength});
  }
  return rows;
}

class ResourceArnsAndNames : public ServiceTest {};

TEST_P(ResourceArnsAndNames, EachIsRefusedAsTheServiceRefusesIt) {
  CreateActiveTable("orders");
  const std::string before = service.TableArn("orders");
  for (const Refusal& row : Refusals()) {
    SCOPED_TRACE(row.what);
    const dynafake::DynamoDBError e = row.call(*client, service);
    EXPECT_EQ(e.GetExceptionName(), row.type);
    EXPECT_EQ(e.GetMessage(), row.message);
    EXPECT_EQ(e.GetResponseCode(), 400);
  }
  auto tags = client->ListTagsOfResource(M::ListTagsOfResourceRequest().WithResourceArn(before));
  ASSERT_TRUE(tags.IsSuccess()) << tags.GetError();
  EXPECT_TRUE(tags.GetResult().GetTags().empty()) << "a refused call changed nothing";
}

TEST_P(ResourceArnsAndNames, TheTablesOwnArnAndAThreeCharacterNameAreServed) {
  CreateActiveTable("abc");
  EXPECT_TRUE(client->DescribeTable(M::DescribeTableRequest().WithTableName("abc")).IsSuccess());
  EXPECT_TRUE(client->DescribeTable(M::DescribeTableRequest().WithTableName(service.TableArn("abc"))).IsSuccess());
  auto tagged = client->TagResource(M::TagResourceRequest().WithResourceArn(service.TableArn("abc")).WithTags(kOneTag));
  EXPECT_TRUE(tagged.IsSuccess()) << tagged.GetError();
  auto untagged =
      client->UntagResource(M::UntagResourceRequest().WithResourceArn(service.TableArn("abc")).WithTagKeys({"team"}));
  EXPECT_TRUE(untagged.IsSuccess()) << untagged.GetError();
}

DYNAFAKE_INSTANTIATE(ResourceArnsAndNames);

}  // namespace
}  // namespace dynafake_test
