#!/usr/bin/env python3
"""dynafake-server against real clients: boto3 and the AWS CLI.

Starts the built dynafake-server on 127.0.0.1 port 0 (found through
DYNAFAKE_SERVER, which ctest sets) and drives it as a user would: every
operation dynafake serves, every CreateBackup error reachable from state or
from an admin fault rule, SYSTEM-backup expiry through the admin clock,
restores checked by Scan, ListBackups through boto3's paginator,
DescribeEndpoints and the size limit. server_lifecycle.py has the timed
server, accounts and the command line.

Run:   python3 -m unittest -v server_conformance          (from tests/python)
A missing boto3 or AWS CLI fails the run, saying what to install.
"""
import datetime
import gzip
import hashlib
import json
import urllib.request
import os
import re
import unittest

from server_support import DynafakeServer, SOURCE_DIR, require_clients

require_clients()  # fails the module (never skips) with what to install

import botocore.exceptions  # noqa: E402

UTC = datetime.timezone.utc
START = datetime.datetime(2026, 1, 1, tzinfo=UTC)
DAY = 86400
BACKUP_ARN = re.compile(r"^arn:aws:dynamodb:us-east-1:123456789012:table/[A-Za-z0-9_.-]+/backup/\d{14}-[0-9a-f]{8}$")


def served_operations():
    """The operations the model serves, read from DYNAFAKE_FOR_EACH_OPERATION."""
    path = os.path.join(SOURCE_DIR, "include", "dynafake", "generated", "operations.hpp")
    with open(path) as f:
        text = f.read()
    block = text[text.index("#define DYNAFAKE_FOR_EACH_OPERATION"):]
    block = block[:block.index("\n\n")]
    return set(re.findall(r"X\((\w+)\)", block))


def table_args(name):
    return dict(TableName=name,
                AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                BillingMode="PAY_PER_REQUEST")


def error_code(ctx):
    return ctx.exception.response["Error"]["Code"]


class ServerCase(unittest.TestCase):
    """One server per class, an empty world (and the clock at its start) per test."""
    SERVER_ARGS = ["--instant"]
    called = None

    @classmethod
    def setUpClass(cls):
        cls.server = DynafakeServer(cls.SERVER_ARGS).start()
        cls.ddb = cls.server.boto3_client()
        cls.called = set()
        cls.ddb.meta.events.register("before-call.dynamodb.*", cls._record)

    @classmethod
    def _record(cls, model, **_):
        cls.called.add(model.name)

    @classmethod
    def tearDownClass(cls):
        cls.ddb.close()
        status = cls.server.stop()
        if status != 0:
            raise AssertionError("dynafake-server exited with %r on SIGTERM; stderr: %s"
                                 % (status, "".join(cls.server.stderr_lines)))

    def setUp(self):
        self.server.admin("POST", "/reset")

    def advance(self, seconds):
        return self.server.admin("POST", "/clock/advance", {"seconds": seconds})

    def make_table(self, name, items=()):
        self.ddb.create_table(**table_args(name))
        for pk, value in items:
            self.ddb.put_item(TableName=name, Item={"pk": {"S": pk}, "v": {"S": value}})

    def scan(self, name):
        items = self.ddb.scan(TableName=name)["Items"]
        return {i["pk"]["S"]: i.get("v", {}).get("S") for i in items}


class InstantServer(ServerCase):
    """--instant: tables ACTIVE and backups AVAILABLE at once."""

    def test_01_every_operation_is_served(self):
        ddb = self.ddb
        self.make_table("orders", [("a", "1"), ("b", "2")])
        ddb.describe_table(TableName="orders")
        self.assertEqual(ddb.list_tables()["TableNames"], ["orders"])
        arn = ddb.describe_table(TableName="orders")["Table"]["TableArn"]
        ddb.update_table(TableName="orders", BillingMode="PROVISIONED",
                         ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5})
        ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "storage"}])
        self.assertEqual(ddb.list_tags_of_resource(ResourceArn=arn)["Tags"], [{"Key": "team", "Value": "storage"}])
        self.assertEqual(ddb.get_item(TableName="orders", Key={"pk": {"S": "a"}})["Item"]["v"], {"S": "1"})
        ddb.delete_item(TableName="orders", Key={"pk": {"S": "b"}})
        ddb.batch_write_item(RequestItems={"orders": [
            {"PutRequest": {"Item": {"pk": {"S": "c"}, "v": {"S": "3"}}}}]})
        self.assertEqual(self.scan("orders"), {"a": "1", "c": "3"})

        backup = ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]
        self.assertRegex(backup["BackupArn"], BACKUP_ARN)
        self.assertEqual(backup["BackupStatus"], "AVAILABLE")
        self.assertEqual(backup["BackupCreationDateTime"], START)
        described = ddb.describe_backup(BackupArn=backup["BackupArn"])["BackupDescription"]
        self.assertEqual(described["SourceTableDetails"]["TableName"], "orders")
        self.assertEqual([b["BackupName"] for b in ddb.list_backups()["BackupSummaries"]], ["nightly"])

        ddb.update_continuous_backups(TableName="orders",
                                      PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        pitr = ddb.describe_continuous_backups(TableName="orders")["ContinuousBackupsDescription"]
        self.assertEqual(pitr["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"], "ENABLED")

        restored = ddb.restore_table_from_backup(TargetTableName="from_backup", BackupArn=backup["BackupArn"])
        self.assertEqual(restored["TableDescription"]["TableName"], "from_backup")
        self.advance(600)
        ddb.restore_table_to_point_in_time(SourceTableName="orders", TargetTableName="from_pitr",
                                           UseLatestRestorableTime=True)
        self.assertEqual(self.scan("from_pitr"), {"a": "1", "c": "3"})

        # The data plane's operations (in depth in server_data_plane.py).
        updated = ddb.update_item(TableName="orders", Key={"pk": {"S": "a"}}, UpdateExpression="SET v = :v",
                                  ExpressionAttributeValues={":v": {"S": "10"}}, ReturnValues="UPDATED_NEW")
        self.assertEqual(updated["Attributes"], {"v": {"S": "10"}})
        queried = ddb.query(TableName="orders", KeyConditionExpression="pk = :k",
                            ExpressionAttributeValues={":k": {"S": "c"}})
        self.assertEqual(queried["Items"], [{"pk": {"S": "c"}, "v": {"S": "3"}}])
        got = ddb.batch_get_item(RequestItems={"orders": {"Keys": [{"pk": {"S": "a"}}]}})
        self.assertEqual(got["Responses"]["orders"], [{"pk": {"S": "a"}, "v": {"S": "10"}}])
        ddb.untag_resource(ResourceArn=arn, TagKeys=["team"])
        self.assertEqual(ddb.list_tags_of_resource(ResourceArn=arn)["Tags"], [])
        ddb.update_time_to_live(TableName="orders",
                                TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
        self.assertEqual(ddb.describe_time_to_live(TableName="orders")["TimeToLiveDescription"],
                         {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires"})

        ddb.delete_backup(BackupArn=backup["BackupArn"])
        ddb.delete_table(TableName="from_backup")
        endpoints = ddb.describe_endpoints()["Endpoints"]
        self.assertEqual(endpoints[0]["Address"], self.server.host_port)

        # Exports and imports (in depth in test_export_files_read_with_python and the import tests).
        exported = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket="exports")["ExportDescription"]
        self.assertEqual(ddb.describe_export(ExportArn=exported["ExportArn"])["ExportDescription"]["ExportStatus"],
                         "COMPLETED")
        self.assertEqual([e["ExportArn"] for e in ddb.list_exports(TableArn=arn)["ExportSummaries"]],
                         [exported["ExportArn"]])
        export_id = exported["ExportArn"].rsplit("/", 1)[1]
        imported = ddb.import_table(
            S3BucketSource={"S3Bucket": "exports", "S3KeyPrefix": "AWSDynamoDB/%s/data/" % export_id},
            InputFormat="DYNAMODB_JSON", InputCompressionType="GZIP",
            TableCreationParameters=table_args("from_export"))["ImportTableDescription"]
        self.assertEqual(ddb.describe_import(ImportArn=imported["ImportArn"])["ImportTableDescription"]
                         ["ImportStatus"], "COMPLETED")
        self.assertEqual(len(ddb.list_imports()["ImportSummaryList"]), 1)

        # Transactions (in depth in server_transactions.py).
        ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": "orders", "Item": {"pk": {"S": "t"}, "v": {"S": "7"}}}},
            {"ConditionCheck": {"TableName": "orders", "Key": {"pk": {"S": "a"}},
                                "ConditionExpression": "attribute_exists(pk)"}}])
        got = ddb.transact_get_items(TransactItems=[{"Get": {"TableName": "orders", "Key": {"pk": {"S": "t"}}}}])
        self.assertEqual(got["Responses"], [{"Item": {"pk": {"S": "t"}, "v": {"S": "7"}}}])

        missing = served_operations() - self.called
        self.assertFalse(missing, "operations not driven through boto3: %s" % sorted(missing))

    def test_export_files_read_with_python(self):
        """The files an export writes, read through the admin routes with python's gzip and json."""
        ddb = self.ddb
        self.make_table("orders", [("a", "1"), ("b", "2")])
        ddb.update_continuous_backups(TableName="orders",
                                      PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        arn = ddb.describe_table(TableName="orders")["Table"]["TableArn"]
        export = ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket="lake", S3Prefix="daily")
        export_arn = export["ExportDescription"]["ExportArn"]
        self.assertRegex(export_arn, r"^arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/\d{14}-[0-9a-f]{8}$")
        done = ddb.describe_export(ExportArn=export_arn)["ExportDescription"]
        self.assertEqual(done["ExportStatus"], "COMPLETED")
        self.assertEqual(done["ItemCount"], 2)
        root = "daily/AWSDynamoDB/%s/" % export_arn.rsplit("/", 1)[1]
        listed = self.server.admin("GET", "/objects/lake?prefix=" + root)
        self.assertEqual(listed["bucket"], "lake")
        self.assertIn(root + "manifest-summary.json", listed["keys"])
        self.assertIn(root + "_started", listed["keys"])
        status, summary, _ = self.server.request("GET", "/_dynafake/objects/lake/" + done["ExportManifest"])
        self.assertEqual(status, 200)
        self.assertEqual(summary["exportArn"], export_arn)
        self.assertEqual(summary["itemCount"], 2)
        self.assertEqual(summary["outputFormat"], "DYNAMODB_JSON")
        status, files, _ = self.server.request("GET", "/_dynafake/objects/lake/" + summary["manifestFilesS3Key"])
        self.assertEqual(status, 200)
        entry = files if isinstance(files, dict) else json.loads(files.splitlines()[0])
        req = urllib.request.Request(self.server.url + "/_dynafake/objects/lake/" + entry["dataFileS3Key"])
        with urllib.request.urlopen(req, timeout=30) as r:
            data = r.read()
        self.assertEqual(hashlib.md5(data).hexdigest(), entry["etag"])
        lines = sorted(gzip.decompress(data).decode().splitlines())
        self.assertEqual([json.loads(line) for line in lines],
                         [{"Item": {"pk": {"S": "a"}, "v": {"S": "1"}}}, {"Item": {"pk": {"S": "b"}, "v": {"S": "2"}}}])
        status, _, _ = self.server.request("GET", "/_dynafake/objects/lake/" + root + "nothing-here")
        self.assertEqual(status, 404)

    def test_import_reads_what_python_gzip_writes(self):
        ddb = self.ddb
        lines = "".join(json.dumps({"Item": {"pk": {"S": "k%03d" % i}, "v": {"S": str(i)}}}) + "\n"
                        for i in range(300)) + "not json\n"
        self.server.admin("PUT", "/objects/incoming/batch/part-1.json.gz", gzip.compress(lines.encode()))
        imported = ddb.import_table(S3BucketSource={"S3Bucket": "incoming", "S3KeyPrefix": "batch/"},
                                    InputFormat="DYNAMODB_JSON", InputCompressionType="GZIP",
                                    TableCreationParameters=table_args("batch"))["ImportTableDescription"]
        done = ddb.describe_import(ImportArn=imported["ImportArn"])["ImportTableDescription"]
        self.assertEqual(done["ImportStatus"], "COMPLETED")
        self.assertEqual(done["ImportedItemCount"], 300)
        self.assertEqual(done["ErrorCount"], 1)
        self.assertEqual(ddb.describe_table(TableName="batch")["Table"]["ItemCount"], 300)

    def test_export_errors(self):
        ddb = self.ddb
        self.make_table("orders")
        arn = ddb.describe_table(TableName="orders")["Table"]["TableArn"]
        with self.assertRaises(ddb.exceptions.PointInTimeRecoveryUnavailableException):
            ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket="lake")
        with self.assertRaises(ddb.exceptions.ExportNotFoundException):
            ddb.describe_export(ExportArn=arn + "/export/01767225600000-00000000")
        with self.assertRaises(ddb.exceptions.ImportNotFoundException):
            ddb.describe_import(ImportArn=arn + "/import/01767225600000-00000000")
        with self.assertRaises(ddb.exceptions.ResourceInUseException):
            ddb.import_table(S3BucketSource={"S3Bucket": "incoming"}, InputFormat="DYNAMODB_JSON",
                             TableCreationParameters=table_args("orders"))

    def test_create_backup_errors_from_state(self):
        ddb = self.ddb
        with self.assertRaises(ddb.exceptions.TableNotFoundException):
            ddb.create_backup(TableName="nope", BackupName="nightly")
        with self.assertRaises(botocore.exceptions.ParamValidationError):
            ddb.create_backup(TableName="orders", BackupName="x")  # botocore checks the length first
        # Bytes botocore would refuse still reach the server's validation.
        status, body, _ = self.server.request(
            "POST", "/", {"TableName": "orders", "BackupName": "x"},
            headers={"X-Amz-Target": "DynamoDB_20120810.CreateBackup",
                     "Content-Type": "application/x-amz-json-1.0"})
        self.assertEqual(status, 400)
        self.assertTrue(body["__type"].endswith("#ValidationException"), body)

    def test_create_backup_limit_exceeded_on_the_51st_call_in_one_second(self):
        self.make_table("orders")
        for i in range(50):
            self.ddb.create_backup(TableName="orders", BackupName="b%02d" % i)
        with self.assertRaises(self.ddb.exceptions.LimitExceededException) as ctx:
            self.ddb.create_backup(TableName="orders", BackupName="b50")
        self.assertEqual(ctx.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.advance(1)  # a new clock second
        self.ddb.create_backup(TableName="orders", BackupName="b51")

    def test_create_backup_internal_server_error_from_a_fault_rule(self):
        self.make_table("orders")
        rule = self.server.admin("POST", "/faults", {
            "operation": "CreateBackup", "table": "orders", "error": "InternalServerError",
            "message": "the backup service is having a bad day", "status": 500, "nth": 2, "times": 1})
        self.ddb.create_backup(TableName="orders", BackupName="first")
        with self.assertRaises(self.ddb.exceptions.InternalServerError) as ctx:
            self.ddb.create_backup(TableName="orders", BackupName="second")
        self.assertEqual(ctx.exception.response["Error"]["Message"], "the backup service is having a bad day")
        self.assertEqual(ctx.exception.response["ResponseMetadata"]["HTTPStatusCode"], 500)
        self.ddb.create_backup(TableName="orders", BackupName="third")
        faults = self.server.admin("GET", "/faults")["faults"]
        self.assertEqual([(f["id"], f["fired"]) for f in faults], [(rule["id"], 1)])
        self.server.admin("DELETE", "/faults/" + rule["id"])
        self.assertEqual(self.server.admin("GET", "/faults")["faults"], [])

    def test_every_create_backup_error_is_reachable_from_a_fault_rule(self):
        self.make_table("orders")
        for name in ["BackupInUseException", "ContinuousBackupsUnavailableException", "InternalServerError",
                     "LimitExceededException", "TableInUseException", "TableNotFoundException"]:
            with self.subTest(error=name):
                self.server.admin("POST", "/faults", {"operation": "CreateBackup", "error": name, "times": 1})
                with self.assertRaises(botocore.exceptions.ClientError) as ctx:
                    self.ddb.create_backup(TableName="orders", BackupName="nightly")
                self.assertEqual(error_code(ctx), name)

    def test_system_backup_expires_after_35_days_on_the_admin_clock(self):
        ddb = self.ddb
        self.make_table("orders", [("a", "1")])
        ddb.update_continuous_backups(TableName="orders",
                                      PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        ddb.delete_table(TableName="orders")  # with PITR on, the service keeps a SYSTEM backup
        system = ddb.list_backups(BackupType="SYSTEM")["BackupSummaries"]
        self.assertEqual(len(system), 1)
        self.assertEqual(system[0]["BackupType"], "SYSTEM")
        self.assertEqual(system[0]["BackupExpiryDateTime"], START + datetime.timedelta(days=35))
        arn = system[0]["BackupArn"]

        self.advance(35 * DAY - 1)
        self.assertEqual(len(ddb.list_backups(BackupType="SYSTEM")["BackupSummaries"]), 1)
        clock = self.advance(1)
        self.assertEqual(clock["now"], "2026-02-05T00:00:00.000Z")
        self.assertEqual(ddb.list_backups(BackupType="SYSTEM")["BackupSummaries"], [])
        with self.assertRaises(ddb.exceptions.BackupNotFoundException):
            ddb.describe_backup(BackupArn=arn)

    def test_restore_from_backup_holds_the_data_of_the_backup(self):
        ddb = self.ddb
        self.make_table("orders", [("a", "1"), ("b", "2")])
        arn = ddb.create_backup(TableName="orders", BackupName="before")["BackupDetails"]["BackupArn"]
        ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "changed"}})
        ddb.delete_item(TableName="orders", Key={"pk": {"S": "b"}})
        ddb.restore_table_from_backup(TargetTableName="restored", BackupArn=arn)
        self.assertEqual(ddb.describe_table(TableName="restored")["Table"]["TableStatus"], "ACTIVE")
        self.assertEqual(self.scan("restored"), {"a": "1", "b": "2"})
        self.assertEqual(self.scan("orders"), {"a": "changed"})

    def test_restore_to_point_in_time_holds_the_data_of_that_instant(self):
        ddb = self.ddb
        self.make_table("orders")
        ddb.update_continuous_backups(TableName="orders",
                                      PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "v1"}})
        self.advance(600)
        ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "v2"}})
        ddb.put_item(TableName="orders", Item={"pk": {"S": "b"}, "v": {"S": "new"}})
        self.advance(600)
        ddb.restore_table_to_point_in_time(SourceTableName="orders", TargetTableName="at_5min",
                                           RestoreDateTime=START + datetime.timedelta(minutes=5))
        self.assertEqual(self.scan("at_5min"), {"a": "v1"})
        with self.assertRaises(ddb.exceptions.InvalidRestoreTimeException):
            ddb.restore_table_to_point_in_time(SourceTableName="orders", TargetTableName="future",
                                               RestoreDateTime=START + datetime.timedelta(days=1))

    def test_list_backups_pages_through_boto3s_paginator(self):
        self.make_table("orders")
        made = []
        for i in range(7):
            made.append(self.ddb.create_backup(TableName="orders", BackupName="bak%d" % i)["BackupDetails"]["BackupArn"])
            self.advance(1)
        pages = list(self.ddb.get_paginator("list_backups").paginate(PaginationConfig={"PageSize": 2}))
        self.assertEqual([len(p["BackupSummaries"]) for p in pages], [2, 2, 2, 1])
        self.assertTrue(all("LastEvaluatedBackupArn" in p for p in pages[:-1]))
        seen = [s["BackupArn"] for p in pages for s in p["BackupSummaries"]]
        self.assertEqual(sorted(seen), sorted(made))
        self.assertEqual(len(set(seen)), 7)
        capped = self.ddb.get_paginator("list_backups").paginate(PaginationConfig={"PageSize": 3, "MaxItems": 4})
        self.assertEqual(len(capped.build_full_result()["BackupSummaries"]), 4)

    def test_table_exists_waiter_on_an_instant_table(self):
        self.ddb.create_table(**table_args("orders"))
        self.ddb.get_waiter("table_exists").wait(TableName="orders", WaiterConfig={"Delay": 1, "MaxAttempts": 2})

    def test_aws_cli_end_to_end(self):
        srv = self.server
        _, out, _ = srv.aws("create-table", "--table-name", "orders",
                            "--attribute-definitions", "AttributeName=pk,AttributeType=S",
                            "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST")
        self.assertEqual(out["TableDescription"]["TableStatus"], "ACTIVE")
        srv.aws("put-item", "--table-name", "orders", "--item", json.dumps({"pk": {"S": "a"}, "v": {"S": "1"}}))
        _, out, _ = srv.aws("create-backup", "--table-name", "orders", "--backup-name", "nightly")
        arn = out["BackupDetails"]["BackupArn"]
        self.assertRegex(arn, BACKUP_ARN)
        _, out, _ = srv.aws("describe-backup", "--backup-arn", arn)
        self.assertEqual(out["BackupDescription"]["BackupDetails"]["BackupStatus"], "AVAILABLE")
        for i in range(4):
            srv.aws("create-backup", "--table-name", "orders", "--backup-name", "more%d" % i)
        _, out, _ = srv.aws("list-backups", "--page-size", "2")  # the CLI pages through all of them
        self.assertEqual(len(out["BackupSummaries"]), 5)
        _, out, _ = srv.aws("list-backups", "--table-name", "orders", "--backup-type", "USER", "--max-items", "2")
        self.assertEqual(len(out["BackupSummaries"]), 2)
        self.assertIn("NextToken", out)
        srv.aws("restore-table-from-backup", "--target-table-name", "copy", "--backup-arn", arn)
        _, out, _ = srv.aws("scan", "--table-name", "copy")
        self.assertEqual(out["Items"], [{"pk": {"S": "a"}, "v": {"S": "1"}}])
        srv.aws("wait", "table-exists", "--table-name", "copy")
        _, out, _ = srv.aws("delete-backup", "--backup-arn", arn)
        self.assertEqual(out["BackupDescription"]["BackupDetails"]["BackupStatus"], "DELETED")
        code, _, err = srv.aws("create-backup", "--table-name", "nope", "--backup-name", "nightly", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("TableNotFoundException", err)
        srv.admin("POST", "/faults", {"operation": "CreateBackup", "error": "InternalServerError", "times": 1})
        code, _, err = srv.aws("create-backup", "--table-name", "orders", "--backup-name", "boom", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("InternalServerError", err)
        code, out, _ = srv.aws("describe-endpoints")
        self.assertEqual(out["Endpoints"][0]["Address"], srv.host_port)

    def test_admin_api_shapes_and_errors(self):
        srv = self.server
        self.assertEqual(srv.admin("GET", "/health"), {"status": "ok"})
        self.assertEqual(srv.admin("GET", "/clock"), {"now": "2026-01-01T00:00:00.000Z", "epoch": 1767225600.0})
        self.assertEqual(srv.admin("POST", "/clock/advance", {"seconds": 3024000})["now"], "2026-02-05T00:00:00.000Z")
        self.assertEqual(srv.admin("POST", "/clock/set", {"time": "2026-03-01T00:00:00Z"})["epoch"], 1772323200.0)
        back = srv.admin("POST", "/clock/set", {"time": "2026-02-01T00:00:00Z"}, expect=400)
        self.assertIn("backwards", back["error"])
        self.assertIn("MakeCoffee", srv.admin("POST", "/faults", {"operation": "MakeCoffee"}, expect=400)["error"])
        self.assertIn("id", srv.admin("DELETE", "/faults/999", expect=404)["error"])
        srv.admin("POST", "/faults", {"operation": "ListTables"})
        srv.admin("POST", "/faults", {"operation": "DescribeTable"})
        self.assertEqual(srv.admin("DELETE", "/faults"), {"deleted": 2})
        self.make_table("orders")
        reset = srv.admin("POST", "/reset")
        self.assertEqual(reset["now"], "2026-01-01T00:00:00.000Z")
        self.assertEqual(self.ddb.list_tables()["TableNames"], [])

    def test_state_snapshot_round_trips_through_the_admin_api(self):
        self.make_table("orders", [("a", "1")])
        self.advance(60)
        snapshot = self.server.admin("GET", "/state")
        self.assertEqual(snapshot["format"], "dynafake-state")
        self.server.admin("POST", "/reset")
        self.assertEqual(self.ddb.list_tables()["TableNames"], [])
        loaded = self.server.admin("PUT", "/state", snapshot)
        self.assertEqual(loaded["now"], "2026-01-01T00:01:00.000Z")
        self.assertEqual(self.scan("orders"), {"a": "1"})
        self.assertIn("backwards", self.server.admin("PUT", "/state", dict(snapshot, clock={"ms": 0}),
                                                     expect=400)["error"])

    def test_requests_over_16_mb_get_413_with_a_json_error(self):
        body = b"{" + b" " * (16 * 1024 * 1024 + 10) + b"}"
        status, parsed, _ = self.server.request("POST", "/", body, headers={
            "X-Amz-Target": "DynamoDB_20120810.ListTables", "Content-Type": "application/x-amz-json-1.0"})
        self.assertEqual(status, 413)
        self.assertIsInstance(parsed, dict)
        self.assertIn("16777216", parsed["message"])
        self.assertEqual(self.ddb.list_tables()["TableNames"], [])  # still serving


if __name__ == "__main__":
    unittest.main()
