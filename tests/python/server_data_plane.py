#!/usr/bin/env python3
"""dynafake-server's data plane against real clients: boto3 and the AWS CLI.

Query (table and indexes, paging through boto3's paginator, filters,
projections, Select COUNT), UpdateItem (expressions and ReturnValues),
conditional writes (ConditionalCheckFailedException with the item under
ReturnValuesOnConditionCheckFailure), BatchGetItem, UntagResource,
Describe/UpdateTimeToLive, the service's validation messages as the clients
receive them, and a restored table answering the same Query as its source.
boto3's Table resource and its Key/Attr condition builders write the
expressions a Python user writes.

Run:   python3 -m unittest -v server_data_plane          (from tests/python)
A missing boto3 or AWS CLI fails the run, saying what to install.
"""
import decimal
import json
import unittest

from server_support import DynafakeServer, require_clients

require_clients()  # fails the module (never skips) with what to install

import botocore.exceptions  # noqa: E402
from boto3.dynamodb.conditions import Attr, Key  # noqa: E402


def music_table(ddb, name="music"):
    ddb.create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": a, "AttributeType": t}
                              for a, t in (("artist", "S"), ("song", "S"), ("genre", "S"), ("plays", "N"))],
        KeySchema=[{"AttributeName": "artist", "KeyType": "HASH"}, {"AttributeName": "song", "KeyType": "RANGE"}],
        GlobalSecondaryIndexes=[{
            "IndexName": "byGenre",
            "KeySchema": [{"AttributeName": "genre", "KeyType": "HASH"}, {"AttributeName": "plays", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["title"]}}],
        BillingMode="PAY_PER_REQUEST")


SONGS = [("abba", "chiquitita", "pop", 300), ("abba", "dancing queen", "pop", 900), ("abba", "fernando", None, None),
         ("abba", "mamma mia", "pop", 700), ("abba", "waterloo", "pop", 80), ("queen", "innuendo", "rock", 70)]


class DataPlane(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynafakeServer(["--instant"]).start()
        cls.ddb = cls.server.boto3_client()

    @classmethod
    def tearDownClass(cls):
        cls.ddb.close()
        status = cls.server.stop()
        if status != 0:
            raise AssertionError("dynafake-server exited with %r; stderr: %s" % (status, "".join(cls.server.stderr_lines)))

    def setUp(self):
        self.server.admin("POST", "/reset")
        music_table(self.ddb)
        for artist, song, genre, plays in SONGS:
            item = {"artist": {"S": artist}, "song": {"S": song}, "title": {"S": song.title()}, "lyrics": {"S": "la la"}}
            if genre:
                item["genre"] = {"S": genre}
                item["plays"] = {"N": str(plays)}
            self.ddb.put_item(TableName="music", Item=item)

    def error(self, call, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as ctx:
            call(**kwargs)
        return ctx.exception.response["Error"]["Code"], ctx.exception.response["Error"]["Message"], ctx.exception.response

    def test_query_table_and_index_with_boto3_conditions(self):
        import boto3
        table = boto3.resource("dynamodb", endpoint_url=self.server.url, region_name="us-east-1",
                               aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="dynafake-secret").Table("music")
        got = table.query(KeyConditionExpression=Key("artist").eq("abba") & Key("song").begins_with("m"))
        self.assertEqual([i["song"] for i in got["Items"]], ["mamma mia"])
        got = table.query(IndexName="byGenre", KeyConditionExpression=Key("genre").eq("pop") & Key("plays").gt(100),
                          ScanIndexForward=False)
        self.assertEqual([i["song"] for i in got["Items"]], ["dancing queen", "mamma mia", "chiquitita"])
        self.assertEqual(got["Items"][0]["plays"], decimal.Decimal(900))
        self.assertNotIn("lyrics", got["Items"][0])
        got = table.query(KeyConditionExpression=Key("artist").eq("abba"), FilterExpression=Attr("plays").lt(500),
                          Select="COUNT")
        self.assertEqual((got["Count"], got["ScannedCount"]), (2, 5))
        self.assertNotIn("Items", got)

    def test_query_pages_through_boto3s_paginator(self):
        pages = self.ddb.get_paginator("query").paginate(
            TableName="music", KeyConditionExpression="artist = :a", ExpressionAttributeValues={":a": {"S": "abba"}},
            ProjectionExpression="song", PaginationConfig={"PageSize": 2})
        songs = [i["song"]["S"] for page in pages for i in page["Items"]]
        self.assertEqual(songs, ["chiquitita", "dancing queen", "fernando", "mamma mia", "waterloo"])

    def test_update_item_expressions_and_return_values(self):
        out = self.ddb.update_item(
            TableName="music", Key={"artist": {"S": "abba"}, "song": {"S": "waterloo"}},
            UpdateExpression="SET plays = plays + :n, tags = list_append(if_not_exists(tags, :empty), :t) REMOVE lyrics",
            ExpressionAttributeValues={":n": {"N": "20"}, ":empty": {"L": []}, ":t": {"L": [{"S": "eurovision"}]}},
            ReturnValues="UPDATED_NEW", ReturnConsumedCapacity="INDEXES")
        self.assertEqual(out["Attributes"], {"plays": {"N": "100"}, "tags": {"L": [{"S": "eurovision"}]}})
        self.assertEqual(out["ConsumedCapacity"]["GlobalSecondaryIndexes"]["byGenre"]["CapacityUnits"], 2.0)
        item = self.ddb.get_item(TableName="music", Key={"artist": {"S": "abba"}, "song": {"S": "waterloo"}})["Item"]
        self.assertNotIn("lyrics", item)

    def test_conditional_check_failed_carries_the_item_when_asked(self):
        code, message, response = self.error(
            self.ddb.put_item, TableName="music", Item={"artist": {"S": "abba"}, "song": {"S": "waterloo"}},
            ConditionExpression="attribute_not_exists(song)", ReturnValuesOnConditionCheckFailure="ALL_OLD")
        self.assertEqual((code, message), ("ConditionalCheckFailedException", "The conditional request failed"))
        self.assertEqual(response["Item"]["plays"], {"N": "80"})

    def test_batch_get_item(self):
        out = self.ddb.batch_get_item(RequestItems={"music": {
            "Keys": [{"artist": {"S": "queen"}, "song": {"S": "innuendo"}}, {"artist": {"S": "x"}, "song": {"S": "y"}}],
            "ProjectionExpression": "title"}}, ReturnConsumedCapacity="TOTAL")
        self.assertEqual(out["Responses"]["music"], [{"title": {"S": "Innuendo"}}])
        self.assertEqual(out["UnprocessedKeys"], {})
        self.assertEqual(out["ConsumedCapacity"], [{"TableName": "music", "CapacityUnits": 1.0}])

    def test_tags_and_time_to_live(self):
        arn = self.ddb.describe_table(TableName="music")["Table"]["TableArn"]
        self.ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}])
        self.ddb.untag_resource(ResourceArn=arn, TagKeys=["a"])
        self.assertEqual(self.ddb.list_tags_of_resource(ResourceArn=arn)["Tags"], [{"Key": "b", "Value": "2"}])
        self.assertEqual(self.ddb.describe_time_to_live(TableName="music")["TimeToLiveDescription"],
                         {"TimeToLiveStatus": "DISABLED"})
        out = self.ddb.update_time_to_live(TableName="music",
                                           TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
        self.assertEqual(out["TimeToLiveSpecification"], {"Enabled": True, "AttributeName": "expires"})
        self.assertEqual(self.ddb.describe_time_to_live(TableName="music")["TimeToLiveDescription"],
                         {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires"})

    def test_validation_messages_as_the_clients_receive_them(self):
        cases = [
            (self.ddb.query, dict(TableName="music", KeyConditionExpression="song = :s",
                                  ExpressionAttributeValues={":s": {"S": "x"}}),
             "Query condition missed key schema element: artist"),
            (self.ddb.query, dict(TableName="music", KeyConditionExpression="artist = :a",
                                  ExpressionAttributeValues={":a": {"S": "x"}, ":b": {"S": "y"}}),
             "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}"),
            (self.ddb.update_item, dict(TableName="music", Key={"artist": {"S": "a"}, "song": {"S": "b"}},
                                        UpdateExpression="SET name = :v", ExpressionAttributeValues={":v": {"S": "x"}}),
             "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name"),
            (self.ddb.scan, dict(TableName="music", FilterExpression="plays >"),
             'Invalid FilterExpression: Syntax error; token: "<EOF>", near: ">"'),
        ]
        for call, kwargs, message in cases:
            code, got, _ = self.error(call, **kwargs)
            self.assertEqual((code, got), ("ValidationException", message))
        code, message, _ = self.error(self.ddb.query, TableName="nope", KeyConditionExpression="a = :a",
                                      ExpressionAttributeValues={":a": {"S": "x"}})
        self.assertEqual((code, message), ("ResourceNotFoundException", "Requested resource not found"))

    def test_the_measured_defects_answer_as_the_service_does(self):
        # a JSON value of the wrong type: SerializationException, its text under `Message`
        status, body, _ = self.server.request("POST", "/", {"TableName": 5, "Item": {}}, headers={
            "X-Amz-Target": "DynamoDB_20120810.PutItem", "Content-Type": "application/x-amz-json-1.0"})
        self.assertEqual((status, body), (400, {"__type": "com.amazon.coral.service#SerializationException",
                                                "Message": "NUMBER_VALUE cannot be converted to String"}))
        # numbers are stored canonical
        key = {"artist": {"S": "abba"}, "song": {"S": "sos"}}
        self.ddb.put_item(TableName="music", Item=dict(key, n={"N": "-0015.789e6"}))
        self.assertEqual(self.ddb.get_item(TableName="music", Key=key)["Item"]["n"], {"N": "-15789000"})
        # item validation against every index
        cases = [
            (dict(key, genre={"N": "5"}),
             "One or more parameter values were invalid: Type mismatch for Index Key genre Expected: S Actual: N "
             "IndexName: byGenre"),
            ({"artist": {"S": "a" * 2049}, "song": {"S": "x"}},
             "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"),
            ({"artist": {"S": "a"}, "song": {"S": "s" * 1025}},
             "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit "
             "of 1024 bytes"),
            (dict(key, big={"S": "x" * (400 * 1024)}), "Item size has exceeded the maximum allowed size"),
        ]
        for item, message in cases:
            self.assertEqual(self.error(self.ddb.put_item, TableName="music", Item=item)[:2],
                             ("ValidationException", message))
        # capacity of a batch write, with the index arms
        out = self.ddb.batch_write_item(RequestItems={"music": [
            {"PutRequest": {"Item": dict(key, genre={"S": "pop"}, plays={"N": "1"})}}]}, ReturnConsumedCapacity="INDEXES")
        self.assertEqual(out["ConsumedCapacity"], [{"TableName": "music", "CapacityUnits": 2.0, "Table": {"CapacityUnits": 1.0},
                                                    "GlobalSecondaryIndexes": {"byGenre": {"CapacityUnits": 1.0}}}])
        # an index Projection without a ProjectionType
        code, message, _ = self.error(
            self.ddb.create_table, TableName="other", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "a", "AttributeType": "S"}, {"AttributeName": "c", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "a", "KeyType": "HASH"}],
            GlobalSecondaryIndexes=[{"IndexName": "index3", "KeySchema": [{"AttributeName": "c", "KeyType": "HASH"}],
                                     "Projection": {}}])
        self.assertEqual((code, message),
                         ("ValidationException", "One or more parameter values were invalid: Unknown ProjectionType: null"))
        # UpdateTable checks the request before the table; DeleteTable answers without index details
        code, message, _ = self.error(self.ddb.update_table, TableName="nope", ProvisionedThroughput={
            "ReadCapacityUnits": 1, "WriteCapacityUnits": 1}, BillingMode="PAY_PER_REQUEST")
        self.assertEqual(code, "ValidationException")
        deleted = self.ddb.delete_table(TableName="music")["TableDescription"]
        self.assertEqual(deleted["TableStatus"], "DELETING")
        self.assertNotIn("GlobalSecondaryIndexes", deleted)

    def test_a_restored_table_answers_the_same_query(self):
        before = self.ddb.query(TableName="music", KeyConditionExpression="artist = :a",
                                ExpressionAttributeValues={":a": {"S": "abba"}})["Items"]
        arn = self.ddb.create_backup(TableName="music", BackupName="before-delete")["BackupDetails"]["BackupArn"]
        self.ddb.delete_item(TableName="music", Key={"artist": {"S": "abba"}, "song": {"S": "waterloo"}})
        self.ddb.restore_table_from_backup(TargetTableName="copy", BackupArn=arn)
        after = self.ddb.query(TableName="copy", KeyConditionExpression="artist = :a",
                               ExpressionAttributeValues={":a": {"S": "abba"}})["Items"]
        self.assertEqual(after, before)
        pop = self.ddb.query(TableName="copy", IndexName="byGenre", KeyConditionExpression="genre = :g",
                             ExpressionAttributeValues={":g": {"S": "pop"}})["Items"]
        self.assertEqual([i["song"]["S"] for i in pop], ["waterloo", "chiquitita", "mamma mia", "dancing queen"])

    def test_aws_cli_query_update_and_batch_get(self):
        srv = self.server
        _, out, _ = srv.aws("query", "--table-name", "music", "--key-condition-expression", "artist = :a",
                            "--expression-attribute-values", json.dumps({":a": {"S": "queen"}}))
        self.assertEqual([i["song"]["S"] for i in out["Items"]], ["innuendo"])
        _, out, _ = srv.aws("update-item", "--table-name", "music", "--key",
                            json.dumps({"artist": {"S": "queen"}, "song": {"S": "innuendo"}}),
                            "--update-expression", "ADD plays :one", "--expression-attribute-values",
                            json.dumps({":one": {"N": "1"}}), "--return-values", "ALL_NEW")
        self.assertEqual(out["Attributes"]["plays"], {"N": "71"})
        _, out, _ = srv.aws("batch-get-item", "--request-items",
                            json.dumps({"music": {"Keys": [{"artist": {"S": "queen"}, "song": {"S": "innuendo"}}]}}))
        self.assertEqual(out["Responses"]["music"][0]["plays"], {"N": "71"})
        code, _, err = srv.aws("put-item", "--table-name", "music", "--item",
                               json.dumps({"artist": {"S": "queen"}, "song": {"S": "innuendo"}}),
                               "--condition-expression", "attribute_not_exists(song)", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("ConditionalCheckFailedException", err)
        _, out, _ = srv.aws("describe-time-to-live", "--table-name", "music")
        self.assertEqual(out["TimeToLiveDescription"]["TimeToLiveStatus"], "DISABLED")


if __name__ == "__main__":
    unittest.main()
