"""The scenario test_wire_golden.py plays: every served operation with
realistic params, its successes and its documented errors, each answer
checked by a function of the step.
"""
import datetime
import re

UTC = datetime.timezone.utc
START = datetime.datetime(2026, 1, 1, tzinfo=UTC)  # ManualClock's default start
BACKUP_ARN = re.compile(r"^arn:aws:dynamodb:us-east-1:123456789012:table/[A-Za-z0-9_.-]+/backup/\d{14}-[0-9a-f]{8}$")
TABLE_ARN = re.compile(r"^arn:aws:dynamodb:us-east-1:123456789012:table/[A-Za-z0-9_.-]+$")


class Step:
    """One request: an operation and its params (serialised by botocore), or a raw target and body."""

    def __init__(self, op, params=None, expect="ok", advance_ms=0, check=None, raw_target=None, raw_body=None,
                 shape_op=None, capture=None):
        self.op, self.params, self.expect, self.advance_ms, self.check = op, params or {}, expect, advance_ms, check
        self.raw_target, self.raw_body, self.shape_op = raw_target, raw_body, shape_op or op
        self.capture = capture  # capture(context, parsed answer): remembers ARNs for later steps

    def resolve(self, context):
        return self.params(context) if callable(self.params) else self.params


def song(pk, sk):
    return {
        "pk": {"S": pk}, "sk": {"N": str(sk)},
        "title": {"S": "Caf\u00e9 \"live\" \u2013 take %d" % sk},
        "price": {"N": "12345678901234567890.125"},
        "cover": {"B": b"\x00\x01\x02\xfe\xff"},
        "tags": {"SS": ["rock", "live"]}, "scores": {"NS": ["1", "2.5", "-3e10"]},
        "chunks": {"BS": [b"a", b"bc", b"\x00"]},
        "meta": {"M": {"nested": {"L": [{"BOOL": True}, {"NULL": True}, {"M": {"deep": {"S": "x"}}}]}}},
        "flag": {"BOOL": False}, "nothing": {"NULL": True},
    }


def stored_song(pk, sk):
    """A song as the service stores it: numbers in canonical form."""
    item = song(pk, sk)
    item["scores"] = {"NS": ["1", "2.5", "-30000000000"]}
    return item


def scenario():
    """Every served operation with realistic params, successes and documented errors."""
    music_key = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
    music_attrs = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}]
    arn_of = lambda t: "arn:aws:dynamodb:us-east-1:123456789012:table/" + t  # noqa: E731
    steps = [
        Step("CreateTable", {"TableName": "Music", "KeySchema": music_key, "AttributeDefinitions": music_attrs,
                             "BillingMode": "PAY_PER_REQUEST", "Tags": [{"Key": "team", "Value": "blue"}],
                             "SSESpecification": {"Enabled": True, "SSEType": "KMS"}},
             check=lambda t, r: t.assertEqual(r["TableDescription"]["TableName"], "Music")),
        Step("CreateTable", {"TableName": "Music", "KeySchema": music_key, "AttributeDefinitions": music_attrs,
                             "BillingMode": "PAY_PER_REQUEST"}, expect="ResourceInUseException"),
        Step("DescribeTable", {"TableName": "Music"},
             check=lambda t, r: t.assertIsInstance(r["Table"]["CreationDateTime"], datetime.datetime)),
        Step("DescribeTable", {"TableName": "Nope"}, expect="ResourceNotFoundException"),
        Step("ListTables", {"Limit": 10}, check=lambda t, r: t.assertEqual(r["TableNames"], ["Music"])),
        Step("PutItem", {"TableName": "Music", "Item": song("artist1", 1)}),
        Step("PutItem", {"TableName": "Music", "Item": song("artist1", 2), "ReturnValues": "NONE",
                         "ReturnConsumedCapacity": "TOTAL"}),
        Step("PutItem", {"TableName": "Music", "Item": {"pk": {"S": "x"}}}, expect="ValidationException"),
        Step("GetItem", {"TableName": "Music", "Key": {"pk": {"S": "artist1"}, "sk": {"N": "1"}},
                         "ConsistentRead": True},
             check=lambda t, r: t.assertEqual(r["Item"], stored_song("artist1", 1))),
        Step("GetItem", {"TableName": "Music", "Key": {"pk": {"S": "none"}, "sk": {"N": "1"}}},
             check=lambda t, r: t.assertNotIn("Item", r)),
        Step("BatchWriteItem", {"RequestItems": {"Music": [
            {"PutRequest": {"Item": song("artist2", 1)}},
            {"DeleteRequest": {"Key": {"pk": {"S": "artist1"}, "sk": {"N": "2"}}}}]}},
             check=lambda t, r: t.assertEqual(r.get("UnprocessedItems", {}), {})),
        Step("Scan", {"TableName": "Music", "Limit": 10},
             check=lambda t, r: t.assertEqual(r["Count"], len(r["Items"]))),
        Step("DeleteItem", {"TableName": "Music", "Key": {"pk": {"S": "artist2"}, "sk": {"N": "1"}},
                            "ReturnValues": "ALL_OLD"},
             check=lambda t, r: t.assertEqual(r["Attributes"]["cover"]["B"], b"\x00\x01\x02\xfe\xff")),
        Step("Query", {"TableName": "Music", "KeyConditionExpression": "pk = :p AND sk BETWEEN :lo AND :hi",
                       "FilterExpression": "contains(tags, :t)", "ProjectionExpression": "sk, meta.nested[2]",
                       "ExpressionAttributeValues": {":p": {"S": "artist1"}, ":lo": {"N": "0"}, ":hi": {"N": "9"},
                                                     ":t": {"S": "rock"}},
                       "Limit": 1, "ReturnConsumedCapacity": "INDEXES"},
             check=lambda t, r: (t.assertEqual(r["Items"], [{"sk": {"N": "1"}, "meta": {"M": {"nested": {"L": [
                 {"M": {"deep": {"S": "x"}}}]}}}}]),
                                 t.assertEqual(r["LastEvaluatedKey"], {"pk": {"S": "artist1"}, "sk": {"N": "1"}}),
                                 t.assertEqual(r["ConsumedCapacity"]["Table"]["CapacityUnits"], 0.5))),
        Step("Query", {"TableName": "Music", "KeyConditionExpression": "sk = :s",
                       "ExpressionAttributeValues": {":s": {"N": "1"}}}, expect="ValidationException"),
        Step("UpdateItem", {"TableName": "Music", "Key": {"pk": {"S": "artist1"}, "sk": {"N": "1"}},
                            "UpdateExpression": "SET price = price + :d ADD tags :t REMOVE nothing",
                            "ExpressionAttributeValues": {":d": {"N": "0.875"}, ":t": {"SS": ["new"]}},
                            "ReturnValues": "UPDATED_NEW"},
             check=lambda t, r: t.assertEqual(r["Attributes"], {"price": {"N": "12345678901234567891"},
                                                                "tags": {"SS": ["rock", "live", "new"]}})),
        Step("UpdateItem", {"TableName": "Music", "Key": {"pk": {"S": "artist1"}, "sk": {"N": "1"}},
                            "UpdateExpression": "SET flag = :f", "ConditionExpression": "attribute_not_exists(pk)",
                            "ExpressionAttributeValues": {":f": {"BOOL": True}},
                            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"},
             expect="ConditionalCheckFailedException",
             check=lambda t, body: (t.assertEqual(body["message"], "The conditional request failed"),
                                    t.assertEqual(body["Item"]["pk"], {"S": "artist1"}))),
        Step("BatchGetItem", {"RequestItems": {"Music": {"Keys": [{"pk": {"S": "artist1"}, "sk": {"N": "1"}}],
                                                         "ProjectionExpression": "cover"}},
                              "ReturnConsumedCapacity": "TOTAL"},
             check=lambda t, r: (t.assertEqual(r["Responses"]["Music"], [{"cover": {"B": b"\x00\x01\x02\xfe\xff"}}]),
                                 t.assertEqual(r["ConsumedCapacity"], [{"TableName": "Music", "CapacityUnits": 0.5}]))),
        Step("TransactWriteItems", {"TransactItems": [
            {"ConditionCheck": {"TableName": "Music", "Key": {"pk": {"S": "artist1"}, "sk": {"N": "1"}},
                                "ConditionExpression": "attribute_exists(pk)"}},
            {"Put": {"TableName": "Music", "Item": {"pk": {"S": "artist3"}, "sk": {"N": "1"}},
                     "ConditionExpression": "attribute_not_exists(pk)"}},
            {"Update": {"TableName": "Music", "Key": {"pk": {"S": "artist3"}, "sk": {"N": "2"}},
                        "UpdateExpression": "ADD plays :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}},
            {"Delete": {"TableName": "Music", "Key": {"pk": {"S": "artist3"}, "sk": {"N": "3"}}}}],
            "ClientRequestToken": "golden-transaction-1", "ReturnConsumedCapacity": "TOTAL"},
             check=lambda t, r: t.assertEqual(r["ConsumedCapacity"], [{"TableName": "Music", "CapacityUnits": 8.0}])),
        Step("TransactWriteItems", {"TransactItems": [
            {"Put": {"TableName": "Music", "Item": {"pk": {"S": "artist3"}, "sk": {"N": "1"}},
                     "ConditionExpression": "attribute_not_exists(pk)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
            {"Put": {"TableName": "Music", "Item": {"pk": {"S": "artist3"}, "sk": {"N": "4"}}}}]},
             expect="TransactionCanceledException",
             check=lambda t, body: (
                 t.assertEqual(body["Message"], "Transaction cancelled, please refer cancellation reasons for "
                                                "specific reasons [ConditionalCheckFailed, None]"),
                 t.assertEqual(body["CancellationReasons"], [
                     {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
                      "Item": {"pk": {"S": "artist3"}, "sk": {"N": "1"}}},
                     {"Code": "None"}]))),
        Step("TransactGetItems", {"TransactItems": [
            {"Get": {"TableName": "Music", "Key": {"pk": {"S": "artist3"}, "sk": {"N": "2"}}}},
            {"Get": {"TableName": "Music", "Key": {"pk": {"S": "artist3"}, "sk": {"N": "4"}}}}]},
             check=lambda t, r: t.assertEqual(r["Responses"], [
                 {"Item": {"pk": {"S": "artist3"}, "sk": {"N": "2"}, "plays": {"N": "1"}}}, {}])),
        Step("DescribeTimeToLive", {"TableName": "Music"},
             check=lambda t, r: t.assertEqual(r["TimeToLiveDescription"], {"TimeToLiveStatus": "DISABLED"})),
        Step("UpdateTimeToLive", {"TableName": "Music",
                                  "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "expires"}},
             check=lambda t, r: t.assertEqual(r["TimeToLiveSpecification"], {"Enabled": True, "AttributeName": "expires"})),
        Step("UpdateTimeToLive", {"TableName": "Nope",
                                  "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "expires"}},
             expect="ResourceNotFoundException"),
        Step("TagResource", {"ResourceArn": arn_of("Music"), "Tags": [{"Key": "env", "Value": "test"}]}),
        Step("UntagResource", {"ResourceArn": arn_of("Music"), "TagKeys": ["team"]}),
        Step("ListTagsOfResource", {"ResourceArn": arn_of("Music")},
             check=lambda t, r: t.assertIn({"Key": "env", "Value": "test"}, r["Tags"])),
        Step("UpdateTable", {"TableName": "Music", "BillingMode": "PROVISIONED",
                             "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}),
        Step("DescribeContinuousBackups", {"TableName": "Music"},
             check=lambda t, r: t.assertEqual(r["ContinuousBackupsDescription"]["ContinuousBackupsStatus"], "ENABLED")),
        Step("DescribeContinuousBackups", {"TableName": "Nope"}, expect="TableNotFoundException"),
        Step("UpdateContinuousBackups", {"TableName": "Music", "PointInTimeRecoverySpecification": {
            "PointInTimeRecoveryEnabled": True, "RecoveryPeriodInDays": 7}},
             check=lambda t, r: t.assertEqual(r["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
                                              ["PointInTimeRecoveryStatus"], "ENABLED")),
        Step("DescribeContinuousBackups", {"TableName": "Music"}, advance_ms=3600 * 1000,
             check=lambda t, r: t.assertIsInstance(r["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
                                                   ["EarliestRestorableDateTime"], datetime.datetime)),
        Step("CreateBackup", {"TableName": "Music", "BackupName": "nightly"}, check=check_backup_details,
             capture=lambda c, r: c.update(backup=r["BackupDetails"]["BackupArn"])),
        Step("DescribeBackup", lambda c: {"BackupArn": c["backup"]},
             check=lambda t, r: t.assertEqual(r["BackupDescription"]["SourceTableDetails"]["TableName"], "Music")),
        Step("CreateBackup", {"TableName": "Nope", "BackupName": "nightly"}, expect="TableNotFoundException"),
        Step("CreateBackup", {"TableName": "Music", "BackupName": "bad name!"}, expect="ValidationException"),
        Step("ListBackups", {"TableName": "Music", "BackupType": "USER", "Limit": 5,
                             "TimeRangeLowerBound": START, "TimeRangeUpperBound": START + datetime.timedelta(days=1)},
             advance_ms=90 * 1000, check=check_backup_summaries),
        Step("ListBackups", {"Limit": 101}, expect="ValidationException"),
        Step("DescribeBackup", {"BackupArn": "arn:aws:dynamodb:us-east-1:123456789012:table/Music/backup/"
                                              "01767225600000-00000000"}, expect="BackupNotFoundException"),
        Step("DescribeEndpoints", {},
             check=lambda t, r: t.assertEqual(r["Endpoints"], [{"Address": "localhost", "CachePeriodInMinutes": 1440}])),
        Step("RestoreTableFromBackup", lambda c: {"BackupArn": c["backup"], "TargetTableName": "MusicCopy"},
             check=check_restore_from_backup),
        Step("RestoreTableFromBackup", lambda c: {"BackupArn": c["backup"], "TargetTableName": "MusicCopy"},
             expect="TableAlreadyExistsException"),
        Step("RestoreTableToPointInTime", {"SourceTableName": "Music", "TargetTableName": "MusicThen",
                                           "RestoreDateTime": START + datetime.timedelta(minutes=61, seconds=0.25)},
             advance_ms=10 * 60 * 1000, check=check_restore),
        Step("RestoreTableToPointInTime", {"SourceTableName": "Music", "TargetTableName": "MusicLatest",
                                           "UseLatestRestorableTime": True}, check=check_restore),
        Step("RestoreTableToPointInTime", {"SourceTableName": "Music", "TargetTableName": "MusicAncient",
                                           "RestoreDateTime": datetime.datetime(2001, 1, 1, tzinfo=UTC)},
             expect="InvalidRestoreTimeException"),
        Step("RestoreTableToPointInTime", {"SourceTableName": "Music", "TargetTableName": "MusicThen",
                                           "UseLatestRestorableTime": True}, expect="TableAlreadyExistsException"),
        Step("DeleteBackup", lambda c: {"BackupArn": c["backup"]},
             check=lambda t, r: t.assertEqual(r["BackupDescription"]["BackupDetails"]["BackupStatus"], "DELETED")),
        Step("DeleteBackup", lambda c: {"BackupArn": c["backup"]}, expect="BackupNotFoundException"),
        Step("DeleteTable", {"TableName": "MusicLatest"},
             check=lambda t, r: t.assertIn(r["TableDescription"]["TableStatus"], ("DELETING", "ACTIVE"))),
        # Exports and imports: the wire CLI's Service writes into its in-memory object store.
        Step("ExportTableToPointInTime", {"TableArn": arn_of("Music"), "S3Bucket": "exports", "S3Prefix": "nightly",
                                          "ClientToken": "nightly-1"},
             capture=lambda c, r: c.update(export=r["ExportDescription"]["ExportArn"]),
             check=lambda t, r: t.assertEqual(r["ExportDescription"]["ExportStatus"], "IN_PROGRESS")),
        Step("DescribeExport", lambda c: {"ExportArn": c["export"]},
             check=lambda t, r: t.assertIn(r["ExportDescription"]["ExportStatus"], ("IN_PROGRESS", "COMPLETED"))),
        Step("ListExports", {"TableArn": arn_of("Music"), "MaxResults": 5},
             check=lambda t, r: t.assertEqual(len(r["ExportSummaries"]), 1)),
        Step("DescribeExport", {"ExportArn": arn_of("Music") + "/export/01767225600000-00000000"},
             expect="ExportNotFoundException"),
        Step("ImportTable", lambda c: {
            "S3BucketSource": {"S3Bucket": "exports",
                               "S3KeyPrefix": "nightly/AWSDynamoDB/%s/data/" % c["export"].rsplit("/", 1)[1]},
            "InputFormat": "DYNAMODB_JSON", "InputCompressionType": "GZIP",
            "TableCreationParameters": {
                "TableName": "MusicImported",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                         {"AttributeName": "sk", "AttributeType": "N"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                "BillingMode": "PAY_PER_REQUEST"}},
             advance_ms=600000,
             capture=lambda c, r: c.update(imported=r["ImportTableDescription"]["ImportArn"]),
             # the scenario's Service is ServiceOptions::Instant(): durations.importTable is zero
             check=lambda t, r: t.assertEqual(r["ImportTableDescription"]["ImportStatus"], "COMPLETED")),
        Step("DescribeImport", lambda c: {"ImportArn": c["imported"]},
             check=lambda t, r: t.assertIn(r["ImportTableDescription"]["ImportStatus"], ("IN_PROGRESS", "COMPLETED"))),
        Step("ListImports", {"PageSize": 5}, check=lambda t, r: t.assertEqual(len(r["ImportSummaryList"]), 1)),
        Step("DescribeImport", {"ImportArn": arn_of("Music") + "/import/01767225600000-00000000"},
             expect="ImportNotFoundException"),
        # Requests no SDK would send, answered as DynamoDB answers them.
        Step("ListTables", raw_target="DynamoDB_20120810.ExecuteStatement", raw_body="{}", expect="UnknownOperationException"),
        Step("ListTables", raw_target="DynamoDB_20120810.ListTables", raw_body='{"Limit": "ten"}',
             expect="SerializationException"),
        Step("ListTables", raw_target="DynamoDB_20120810.ListTables", raw_body="{", expect="SerializationException"),
        Step("ListTables", raw_target="DynamoDB_20120810.ListTables", raw_body="", check=lambda t, r: None),
    ]
    return steps


def check_backup_details(t, r):
    d = r["BackupDetails"]
    t.assertRegex(d["BackupArn"], BACKUP_ARN)
    t.assertEqual(d["BackupName"], "nightly")
    t.assertEqual(d["BackupType"], "USER")
    t.assertIn(d["BackupStatus"], ("CREATING", "AVAILABLE"))
    t.assertEqual(d["BackupCreationDateTime"], START + datetime.timedelta(hours=1))
    t.assertIsInstance(d["BackupSizeBytes"], int)


def check_backup_summaries(t, r):
    summaries = r["BackupSummaries"]
    t.assertEqual(len(summaries), 1)
    t.assertRegex(summaries[0]["TableArn"], TABLE_ARN)
    t.assertEqual(summaries[0]["BackupStatus"], "AVAILABLE")


def check_restore_from_backup(t, r):
    d = r["TableDescription"]
    t.assertEqual(d["TableName"], "MusicCopy")
    t.assertRegex(d["RestoreSummary"]["SourceBackupArn"], BACKUP_ARN)
    t.assertIsInstance(d["RestoreSummary"]["RestoreDateTime"], datetime.datetime)


def check_restore(t, r):
    d = r["TableDescription"]
    t.assertIn(d["TableStatus"], ("CREATING", "ACTIVE"))
    summary = d["RestoreSummary"]
    t.assertIsInstance(summary["RestoreDateTime"], datetime.datetime)
    t.assertIsInstance(summary["RestoreInProgress"], bool)
    t.assertRegex(summary["SourceTableArn"], TABLE_ARN)
