#!/usr/bin/env python3
"""Golden tests of dynafake's DynamoDB JSON wire against the real client.

botocore (the library under boto3 and the AWS CLI) serialises a request for
every operation dynafake serves, with its own serializer and its own copy of
the DynamoDB service model; dynafake answers it through dynafake::Wire (the
tests/wire/cli/wire_cli.cpp program, one Service for the whole scenario); and
botocore's own response parser reads the answer against the operation's
output shape. On top of what the parser accepts, every answer is walked
against botocore's shapes: no member the model does not name, JSON types as
the model says, enum values in their enum, timestamps that parse, and the
x-amz-crc32 header matching the body.

Run:   python3 -m unittest -v test_wire_golden          (from tests/python)
       python3 tests/python/test_wire_golden.py --write-fixtures
           rewrites tests/data/wire/botocore_requests.jsonl, the same requests
           as stored fixtures that tests/wire/fixtures_test.cpp replays without Python.

The CLI is found through DYNAFAKE_WIRE_CLI, else as dynafake_wire_cli under
DYNAFAKE_BUILD_DIR, else it is compiled here with $CXX (default c++) against
nlohmann-json. A missing botocore fails the run: install python3-boto3.
"""
import base64
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zlib

try:
    import botocore.parsers
    import botocore.serialize
    import botocore.session
    BOTOCORE_ERROR = None
except ImportError as e:  # pragma: no cover - the message is the point
    BOTOCORE_ERROR = e

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("DYNAFAKE_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(SOURCE_DIR, "tests", "data", "wire", "botocore_requests.jsonl")
UTC = datetime.timezone.utc
START = datetime.datetime(2026, 1, 1, tzinfo=UTC)  # ManualClock's default start

BACKUP_ARN = re.compile(r"^arn:aws:dynamodb:us-east-1:123456789012:table/[A-Za-z0-9_.-]+/backup/\d{14}-[0-9a-f]{8}$")
TABLE_ARN = re.compile(r"^arn:aws:dynamodb:us-east-1:123456789012:table/[A-Za-z0-9_.-]+$")


def require_botocore():
    if BOTOCORE_ERROR is not None:
        raise RuntimeError("botocore is not importable (%s): install python3-boto3 (or `pip install boto3`) "
                           "to run the wire golden tests" % BOTOCORE_ERROR)


# ---------------------------------------------------------------- the CLI
def find_or_build_cli(workdir):
    explicit = os.environ.get("DYNAFAKE_WIRE_CLI")
    if explicit and os.access(explicit, os.X_OK):
        return explicit
    if explicit:
        print("DYNAFAKE_WIRE_CLI=%s is not built; building the CLI here instead" % explicit, file=sys.stderr)
    build = os.environ.get("DYNAFAKE_BUILD_DIR")
    if build:
        for path in glob.glob(os.path.join(build, "**", "dynafake_wire_cli"), recursive=True):
            if os.access(path, os.X_OK):
                return path
    cxx = os.environ.get("CXX") or shutil.which("c++") or shutil.which("g++") or shutil.which("clang++")
    if not cxx:
        raise RuntimeError("no dynafake_wire_cli (set DYNAFAKE_WIRE_CLI) and no C++ compiler to build one")
    out = os.path.join(workdir, "dynafake_wire_cli")
    cmd = [cxx, "-std=c++17", "-O1", "-I", os.path.join(SOURCE_DIR, "include"),
           os.path.join(SOURCE_DIR, "tests", "wire", "cli", "wire_cli.cpp"), "-o", out, "-pthread"]
    subprocess.run(cmd, check=True)
    return out


class CliSession:
    """One dynafake_wire_cli --lines process: one Service for a whole scenario."""

    def __init__(self, cli):
        self.proc = subprocess.Popen([cli, "--lines"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def ask(self, target, body, advance_ms=0):
        line = json.dumps({"target": target, "body": body, "advance_ms": advance_ms}) + "\n"
        self.proc.stdin.write(line.encode())
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError("dynafake_wire_cli exited (%s)" % self.proc.poll())
        return json.loads(answer)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


# ---------------------------------------------------------------- the scenario
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


# ---------------------------------------------------------------- shape walking
def walk_json(t, value, shape, path):
    """The raw JSON answer against botocore's shape: names and JSON types."""
    kind = shape.type_name
    if kind == "structure":
        t.assertIsInstance(value, dict, path)
        for key, member in value.items():
            t.assertIn(key, shape.members, "%s.%s is not in botocore's %s" % (path, key, shape.name))
            walk_json(t, member, shape.members[key], path + "." + key)
        for required in shape.required_members:
            t.assertIn(required, value, "%s.%s is required" % (path, required))
    elif kind == "list":
        t.assertIsInstance(value, list, path)
        for i, v in enumerate(value):
            walk_json(t, v, shape.member, "%s[%d]" % (path, i))
    elif kind == "map":
        t.assertIsInstance(value, dict, path)
        for k, v in value.items():
            walk_json(t, v, shape.value, "%s.%s" % (path, k))
    elif kind == "string":
        t.assertIsInstance(value, str, path)
        if shape.enum:
            t.assertIn(value, shape.enum, "%s: %r is not in enum %s" % (path, value, shape.name))
    elif kind == "boolean":
        t.assertIsInstance(value, bool, path)
    elif kind in ("integer", "long"):
        t.assertTrue(isinstance(value, int) and not isinstance(value, bool), "%s: %r" % (path, value))
    elif kind in ("double", "float"):
        t.assertTrue(isinstance(value, (int, float)) and not isinstance(value, bool), "%s: %r" % (path, value))
    elif kind == "timestamp":
        t.assertTrue(isinstance(value, (int, float)) and not isinstance(value, bool),
                     "%s: timestamps are epoch seconds, got %r" % (path, value))
        t.assertEqual(round(value * 1000), value * 1000, "%s: more than millisecond precision" % path)
    elif kind == "blob":
        t.assertIsInstance(value, str, path)
        base64.b64decode(value, validate=True)


def walk_parsed(t, value, shape, path):
    """botocore's parsed answer: timestamps became datetimes, blobs bytes."""
    kind = shape.type_name
    if kind == "structure":
        for key, member in value.items():
            if key != "ResponseMetadata":
                walk_parsed(t, member, shape.members[key], path + "." + key)
    elif kind == "list":
        for i, v in enumerate(value):
            walk_parsed(t, v, shape.member, "%s[%d]" % (path, i))
    elif kind == "map":
        for k, v in value.items():
            walk_parsed(t, v, shape.value, "%s.%s" % (path, k))
    elif kind == "timestamp":
        t.assertIsInstance(value, datetime.datetime, path)
        t.assertIsNotNone(value.tzinfo, path)
    elif kind == "blob":
        t.assertIsInstance(value, bytes, path)


# ---------------------------------------------------------------- the test
def run_scenario(cli, model, serializer, parser):
    """Runs every step against one CLI process; yields (step, request, answer, parsed)."""
    session = CliSession(cli)
    context = {}
    try:
        for step in scenario():
            if step.raw_target is not None:
                target, body = step.raw_target, step.raw_body
            else:
                req = serializer.serialize_to_request(step.resolve(context), model.operation_model(step.op))
                target = req["headers"]["X-Amz-Target"]
                body = req["body"].decode("utf-8") if isinstance(req["body"], bytes) else req["body"]
            answer = session.ask(target, body, step.advance_ms)
            # HTTP header names are case-insensitive; botocore reads them lower-cased.
            headers = {k.lower(): v for k, v in answer["headers"].items()}
            parsed = parser.parse({"status_code": answer["status"], "headers": headers,
                                   "body": answer["body"].encode("utf-8")},
                                  model.operation_model(step.shape_op).output_shape)
            if step.capture and answer["status"] == 200:
                step.capture(context, parsed)
            request = {"target": target, "body": body, "advance_ms": step.advance_ms, "expect": step.expect}
            yield step, request, answer, parsed
    finally:
        session.close()


class WireGolden(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_botocore()
        session = botocore.session.get_session()
        cls.model = session.get_service_model("dynamodb")
        cls.serializer = botocore.serialize.create_serializer("json", include_validation=True)
        cls.parser = botocore.parsers.create_parser("json")
        cls.workdir = tempfile.mkdtemp(prefix="dynafake_golden_")
        cls.cli = find_or_build_cli(cls.workdir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def test_every_served_operation_is_in_the_scenario(self):
        with open(os.path.join(SOURCE_DIR, "include", "dynafake", "generated", "operations.hpp")) as f:
            served = set(re.findall(r"^  X\((\w+)\)", f.read(), re.M))
        self.assertEqual(len(served), 26)
        in_scenario = {s.op for s in scenario() if s.raw_target is None}
        self.assertEqual(served - in_scenario, set())
        for op in served:
            self.assertIn(op, self.model.operation_names, "%s is not a DynamoDB operation in botocore" % op)

    def test_botocore_requests_get_answers_botocore_parses(self):
        answered = 0
        for step, request, answer, parsed in run_scenario(self.cli, self.model, self.serializer, self.parser):
            answered += 1
            with self.subTest(op=request["target"], body=request["body"][:120]):
                body = answer["body"].encode("utf-8")
                headers = answer["headers"]
                self.assertEqual(headers["Content-Type"], "application/x-amz-json-1.0")
                self.assertEqual(int(headers["x-amz-crc32"]), zlib.crc32(body))
                self.assertRegex(headers["x-amzn-RequestId"], r"^[0-9A-Z]{52}$")
                self.assertEqual(parsed["ResponseMetadata"]["RequestId"], headers["x-amzn-RequestId"])
                op_model = self.model.operation_model(step.shape_op)
                if step.expect == "ok":
                    self.assertEqual(answer["status"], 200, answer["body"])
                    self.assertNotIn("Error", parsed)
                    if op_model.output_shape is not None:
                        walk_json(self, json.loads(answer["body"]), op_model.output_shape, step.op)
                        walk_parsed(self, parsed, op_model.output_shape, step.op)
                    if step.check:
                        step.check(self, parsed)
                else:
                    self.assertIn("Error", parsed, answer["body"])
                    self.assertEqual(parsed["Error"]["Code"], step.expect, answer["body"])
                    self.assertEqual(answer["status"], 500 if step.expect == "InternalServerError" else 400)
                    self.assertIsInstance(parsed["Error"]["Message"], str)
                    if step.check:  # an error's own members, as sent
                        step.check(self, json.loads(answer["body"]))
                    if step.raw_target is None:
                        documented = {e.name for e in op_model.error_shapes}
                        undocumented_ok = {"ValidationException", "SerializationException"}
                        self.assertIn(step.expect, documented | undocumented_ok,
                                      "%s is not a documented error of %s" % (step.expect, step.op))
        self.assertEqual(answered, len(scenario()))

    def test_fixtures_are_current(self):
        """tests/data/wire/botocore_requests.jsonl is what this botocore serialises."""
        if not os.path.exists(FIXTURES):
            self.fail("missing %s: run python3 tests/python/test_wire_golden.py --write-fixtures" % FIXTURES)
        with open(FIXTURES) as f:
            stored = [json.loads(line) for line in f if line.strip()]
        fresh = [r for _, r, _, _ in run_scenario(self.cli, self.model, self.serializer, self.parser)]
        # Bodies may differ across botocore versions in spacing only; compare as JSON.
        self.assertEqual(len(stored), len(fresh))
        for s, r in zip(stored, fresh):
            self.assertEqual(s["target"], r["target"])
            self.assertEqual(s["expect"], r["expect"])
            if s["body"].strip() and r["body"].strip() and s["body"] != "{":
                self.assertEqual(json.loads(s["body"]), json.loads(r["body"]))


def write_fixtures():
    require_botocore()
    model = botocore.session.get_session().get_service_model("dynamodb")
    serializer = botocore.serialize.create_serializer("json", include_validation=True)
    parser = botocore.parsers.create_parser("json")
    workdir = tempfile.mkdtemp(prefix="dynafake_golden_")
    try:
        cli = find_or_build_cli(workdir)
        os.makedirs(os.path.dirname(FIXTURES), exist_ok=True)
        with open(FIXTURES, "w") as f:
            for _, request, _, _ in run_scenario(cli, model, serializer, parser):
                f.write(json.dumps(request, sort_keys=True) + "\n")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("wrote %s" % os.path.relpath(FIXTURES, SOURCE_DIR))


if __name__ == "__main__":
    if "--write-fixtures" in sys.argv:
        write_fixtures()
    else:
        unittest.main()
