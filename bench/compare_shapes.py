"""Compare the shapes of dynafake-server's and moto_server's answers to the same
boto3 calls (`bench/compare --shapes`).

Starts both on free 127.0.0.1 ports and runs one scenario against each: a
valid call of every operation dynafake serves (CreateTable on-demand and
provisioned, with GSIs, LSIs, streams and SSE; DescribeTable, UpdateTable,
ListTables; items, Query and Scan, batches, transactions; tags, TTL, PITR,
backups and restores; exports and imports; DescribeEndpoints) plus a few
errors. Each answer is reduced to its shape: every key path with the JSON type
of its value, list elements merged (`GlobalSecondaryIndexes[].IndexName`).
Values (ARNs, times, ids, counts) are not compared. The differences are printed
in three classes:

    dynafake-missing   moto answers the path, dynafake does not
    moto-missing       dynafake answers the path, moto does not
    type mismatch      both answer it, with different JSON types (or error codes)

A call one server answers and the other refuses counts as its whole answer
missing from the one that refused. Enum-like values that differ (statuses,
types) are printed as notes; they are not shape differences.

    bench/compare --shapes [--server build/tools/dynafake-server/dynafake-server] [--check]

`--check` exits 1 when a difference is not in KNOWN_MOTO_DEVIATIONS (each
entry says why moto, not the service, is the one answering that way, with a
source); otherwise it exits 0 whatever the differences (a report). 2 when a
server cannot be started or moto_server is not installed. Needs boto3 and
moto[server] (moto_server).
"""
import fnmatch
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import os

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "python"))

from server_support import DynafakeServer, server_binary  # noqa: E402

MOTO_HINT = "install moto's server with `pip install 'moto[server]'` (it provides moto_server)"

ENUM_KEYS = {"TableStatus", "IndexStatus", "BackupStatus", "BackupType", "ContinuousBackupsStatus",
             "PointInTimeRecoveryStatus", "BillingMode", "KeyType", "AttributeType", "TableClass", "ProjectionType",
             "StreamViewType", "SSEType", "Status", "TimeToLiveStatus", "ExportStatus", "ImportStatus", "ExportType",
             "ExportFormat", "InputFormat", "InputCompressionType"}

API = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/"

# Differences that are moto's, not dynafake's: (call pattern, class, path pattern) -> why moto answers
# differently from the service, with the source. Patterns are fnmatch patterns ("*" matches dots too).
# A difference listed here does not fail --check; every other difference does.
NO_INDEX_CALLS = ("CreateTable(PAY_PER_REQUEST)", "DescribeTable(PAY_PER_REQUEST)", "UpdateTable(BillingMode=PROVISIONED)",
                  "Restore*", "DeleteTable")
KNOWN_MOTO_DEVIATIONS = {}
for _call in NO_INDEX_CALLS + ("*(PAY_PER_REQUEST,GSI)",):
    KNOWN_MOTO_DEVIATIONS[(_call, "dynafake-missing", "*.LocalSecondaryIndexes")] = (
        "moto answers an empty list for a table without local indexes; the service leaves the member out: it is "
        "optional in botocore's model (TableDescription) and absent from DescribeTable's examples of tables without "
        "indexes (%sAPI_DescribeTable.html, https://docs.aws.amazon.com/cli/latest/reference/dynamodb/describe-table.html)"
        % API)
for _call in NO_INDEX_CALLS:
    KNOWN_MOTO_DEVIATIONS[(_call, "dynafake-missing", "*.GlobalSecondaryIndexes")] = (
        "moto answers an empty list for a table without global indexes; the service leaves the member out (as "
        "LocalSecondaryIndexes); and a table being deleted is described without its global indexes (architect/dynalite "
        "test/deleteTable.js, run against the service)")
KNOWN_MOTO_DEVIATIONS.update({
    ("CreateTable*", "dynafake-missing", "TableDescription.WarmThroughput"): (
        "CreateTable's answer lacks WarmThroughput unless the request set one; DescribeTable has it (ack-api-quirks' "
        "dynamodb probe against the service, 'Echo shape' rule; ScyllaDB alternator test_warm_throughput.py, run "
        "against DynamoDB, expects it in CreateTable's answer only when configured); moto echoes its default"),
    ("CreateTable*", "dynafake-missing", "TableDescription.GlobalSecondaryIndexes[].WarmThroughput"): (
        "as the table's WarmThroughput: CreateTable's answer carries none unless asked for (for an index: by analogy, "
        "unverified); DescribeTable has it"),
    ("*", "dynafake-missing", "ConsumedCapacity"): (
        "moto returns ConsumedCapacity although the request did not ask: the service returns it 'only if the request "
        "asked for it' (ReturnConsumedCapacity TOTAL or INDEXES; %sAPI_UpdateItem.html#DDB-UpdateItem-response-"
        "ConsumedCapacity, API_BatchWriteItem.html, API_BatchGetItem.html, API_TransactWriteItems.html)" % API),
    ("*", "dynafake-missing", "ItemCollectionMetrics"): (
        "moto returns ItemCollectionMetrics although ReturnItemCollectionMetrics was not SIZE; the service returns "
        "them only then (%sAPI_BatchWriteItem.html#DDB-BatchWriteItem-response-ItemCollectionMetrics, "
        "API_TransactWriteItems.html)" % API),
    ("ExportTableToPointInTime", "dynafake-missing", "ExportDescription.ItemCount"): (
        "moto counts the items in the answer that starts the export; ItemCount is 'the number of items exported' "
        "(%sAPI_ExportDescription.html), none yet while IN_PROGRESS; DescribeExport has it once COMPLETED" % API),
    ("ExportTableToPointInTime", "dynafake-missing", "ExportDescription.BilledSizeBytes"): (
        "as ItemCount: moto bills the export before it ran; BilledSizeBytes is 'the billable size of the table export' "
        "(%sAPI_ExportDescription.html), known once it completed" % API),
    ("*Export*", "dynafake-missing", "ExportDescription.S3BucketOwner"): (
        "moto fills S3BucketOwner with its own account when the request named none; the member is 'the ID of the AWS "
        "account that owns the bucket' (%sAPI_ExportDescription.html) and the bucket 'does not need to have the same "
        "owner as the source table' (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
        "S3DataExport_Requesting.html), so the service cannot know it unasked; dynafake echoes the request's "
        "(unverified against the service)" % API),
    ("List*ports", "moto-missing", "<answer>"): (
        "moto_server answers ListExports and ListImports with HTTP 500; both are plain paginated listings in the API "
        "reference (%sAPI_ListExports.html, API_ListImports.html)" % API),
    ("*", "moto-missing", "*TableId"): (
        "moto omits TableId; the service returns it in TableDescription, SourceTableDetails (where it is required), "
        "BackupSummary, ExportDescription and ImportTableDescription (%sAPI_TableDescription.html, "
        "API_SourceTableDetails.html, API_BackupSummary.html)" % API),
    ("*", "moto-missing", "*Indexes[].IndexArn"): (
        "moto omits IndexArn; the service returns each index's ARN (%sAPI_GlobalSecondaryIndexDescription.html, "
        "API_LocalSecondaryIndexDescription.html)" % API),
    ("*", "moto-missing", "*.LocalSecondaryIndexes[].ItemCount"): (
        "moto omits a local index's ItemCount; the service returns it, updated about every six hours "
        "(%sAPI_LocalSecondaryIndexDescription.html)" % API),
    ("*", "moto-missing", "*.LocalSecondaryIndexes[].IndexSizeBytes"): (
        "moto omits a local index's IndexSizeBytes; the service returns it (%sAPI_LocalSecondaryIndexDescription.html)"
        % API),
    ("*", "moto-missing", "*ProvisionedThroughput.NumberOfDecreasesToday"): (
        "moto omits NumberOfDecreasesToday on global indexes and after UpdateTable; the service always returns it in "
        "ProvisionedThroughputDescription, 0 on demand (%sAPI_ProvisionedThroughputDescription.html; DescribeTable "
        "examples show it for tables and indexes alike)" % API),
    ("UpdateTable*", "moto-missing", "TableDescription.ProvisionedThroughput.LastIncreaseDateTime"): (
        "moto applies the new throughput at once and records no increase; UpdateTable's answer keeps the old "
        "capacity with the time of the increase asked for (architect/dynalite test/updateTable.js, run against the "
        "service; %sAPI_ProvisionedThroughputDescription.html)" % API),
    # not CreateTable's answer, which lacks it (ack-api-quirks' dynamodb probe, 'Echo shape'), as moto's does
    ("[!C]*", "moto-missing", "*.BillingModeSummary.LastUpdateToPayPerRequestDateTime"): (
        "moto never records when a table became on-demand; DescribeTable of an on-demand table shows it "
        "(%sAPI_BillingModeSummary.html; the DescribeTable examples of on-demand tables)" % API),
    ("*", "moto-missing", "*.BillingModeSummary.BillingMode"): (
        "moto answers an empty BillingModeSummary for a restored table; the summary's BillingMode is the table's "
        "(%sAPI_BillingModeSummary.html, API_RestoreTableFromBackup.html: a restore keeps the billing mode unless "
        "overridden)" % API),
    ("*Backup", "moto-missing", "BackupDescription.SourceTableDetails.BillingMode"): (
        "moto omits the source table's BillingMode; the service records it (%sAPI_SourceTableDetails.html)" % API),
    ("*Backup", "moto-missing", "BackupDescription.SourceTableFeatureDetails"): (
        "moto omits SourceTableFeatureDetails; the service describes the indexes, stream, TTL and SSE the backup "
        "copied (%sAPI_BackupDescription.html, API_SourceTableFeatureDetails.html)" % API),
    ("*Export*", "moto-missing", "ExportDescription.*"): (
        "moto's export descriptions lack what the service reports of an export: StartTime, EndTime, ExportTime, "
        "ClientToken (autopopulated when not given), S3SseAlgorithm, ExportManifest (%sAPI_ExportDescription.html; "
        "API_ExportTableToPointInTime.html: 'This field is autopopulated if not provided')" % API),
    ("*Import", "moto-missing", "ImportTableDescription.*"): (
        "moto's import descriptions lack what the service reports of an import: the source, format, compression, "
        "table creation parameters, CloudWatch log group, client token, start and end times "
        "(%sAPI_ImportTableDescription.html)" % API),
    ("ImportTable", "moto-missing", "ImportTableDescription.*"): (
        "as DescribeImport (%sAPI_ImportTableDescription.html)" % API),
})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServer:
    def __init__(self):
        self.proc = None
        self.url = None

    def __enter__(self):
        exe = shutil.which("moto_server")
        if not exe:
            try:
                import moto.server  # noqa: F401
            except ImportError as e:
                raise RuntimeError("moto_server not found (%s); %s" % (e, MOTO_HINT))
        cmd = [exe] if exe else [sys.executable, "-m", "moto.server"]
        port = free_port()
        self.url = "http://127.0.0.1:%d" % port
        self.proc = subprocess.Popen(cmd + ["-H", "127.0.0.1", "-p", str(port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # bounded polling for the socket
            if self.proc.poll() is not None:
                raise RuntimeError("moto_server exited with %s; %s" % (self.proc.returncode, MOTO_HINT))
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).read()
                return self
            except Exception:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("moto_server did not answer within 30 s")

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def client(url, service="dynamodb"):
    import boto3
    from botocore.config import Config
    return boto3.client(service, endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key="secret",
                        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}))


def S(v):
    return {"S": v}


def N(v):
    return {"N": str(v)}


def scenario(ddb, ctx):
    """(name, thunk) pairs, in order; thunks may read ctx filled by earlier calls."""
    hash_key = [{"AttributeName": "pk", "KeyType": "HASH"}]
    composite = [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
    attrs = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
             {"AttributeName": "g", "AttributeType": "S"}, {"AttributeName": "n", "AttributeType": "N"}]
    throughput = {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    by_g = {"IndexName": "by_g", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}}
    by_n = {"IndexName": "by_n", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                               {"AttributeName": "n", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"}}

    def arn(table):
        return ctx["arns"][table]

    def keep(table, answer):
        ctx.setdefault("arns", {})[table] = answer["TableDescription"]["TableArn"]
        return answer

    def exported():
        """Waits (bounded) for the export to complete, then answers its last DescribeExport."""
        deadline = time.monotonic() + 20
        while True:
            d = ddb.describe_export(ExportArn=ctx["export"]["ExportDescription"]["ExportArn"])
            if d["ExportDescription"]["ExportStatus"] != "IN_PROGRESS" or time.monotonic() > deadline:
                ctx["export_done"] = d
                return d
            time.sleep(0.2)

    def import_source():
        prefix = ctx["export_done"]["ExportDescription"].get("ExportManifest", "nightly/AWSDynamoDB/x/manifest")
        prefix = prefix.rsplit("/", 1)[0] + "/data/"
        return {"S3Bucket": "exports", "S3KeyPrefix": prefix}

    items = [{"pk": S("a"), "sk": S("1"), "g": S("x"), "n": N(1), "v": S("one")},
             {"pk": S("a"), "sk": S("2"), "g": S("y"), "n": N(2)},
             {"pk": S("b"), "sk": S("1"), "g": S("x"), "n": N(3)}]
    return [
        ("CreateTable(PAY_PER_REQUEST)", lambda: keep("orders", ddb.create_table(
            TableName="orders", KeySchema=hash_key, AttributeDefinitions=attrs[:1], BillingMode="PAY_PER_REQUEST"))),
        ("CreateTable(PROVISIONED,GSI,LSI,stream,SSE)", lambda: keep("catalog", ddb.create_table(
            TableName="catalog", KeySchema=composite, AttributeDefinitions=attrs, BillingMode="PROVISIONED",
            ProvisionedThroughput=throughput,
            GlobalSecondaryIndexes=[dict(by_g, ProvisionedThroughput=throughput)], LocalSecondaryIndexes=[by_n],
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
            SSESpecification={"Enabled": True, "SSEType": "KMS"},
            Tags=[{"Key": "team", "Value": "shop"}]))),
        ("CreateTable(PAY_PER_REQUEST,GSI)", lambda: keep("events", ddb.create_table(
            TableName="events", KeySchema=composite, AttributeDefinitions=attrs[:3], BillingMode="PAY_PER_REQUEST",
            GlobalSecondaryIndexes=[by_g]))),
        ("DescribeTable(PAY_PER_REQUEST)", lambda: ddb.describe_table(TableName="orders")),
        ("DescribeTable(PROVISIONED,GSI,LSI,stream,SSE)", lambda: ddb.describe_table(TableName="catalog")),
        ("DescribeTable(PAY_PER_REQUEST,GSI)", lambda: ddb.describe_table(TableName="events")),
        ("ListTables", lambda: ddb.list_tables()),
        ("ListTables(Limit=1)", lambda: ddb.list_tables(Limit=1)),
        ("PutItem", lambda: [ddb.put_item(TableName="catalog", Item=i) for i in items][0]),
        ("PutItem(ReturnValues=ALL_OLD,ReturnConsumedCapacity)", lambda: ddb.put_item(
            TableName="catalog", Item=items[0], ReturnValues="ALL_OLD", ReturnConsumedCapacity="TOTAL")),
        ("PutItem(orders)", lambda: ddb.put_item(TableName="orders", Item={"pk": S("a"), "v": N(1)})),
        ("GetItem", lambda: ddb.get_item(TableName="catalog", Key={"pk": S("a"), "sk": S("1")})),
        ("GetItem(missing item)", lambda: ddb.get_item(TableName="catalog", Key={"pk": S("zz"), "sk": S("1")})),
        ("GetItem(ReturnConsumedCapacity=TOTAL)", lambda: ddb.get_item(
            TableName="orders", Key={"pk": S("a")}, ReturnConsumedCapacity="TOTAL")),
        ("UpdateItem(ALL_NEW)", lambda: ddb.update_item(
            TableName="catalog", Key={"pk": S("a"), "sk": S("2")}, UpdateExpression="SET v = :v",
            ExpressionAttributeValues={":v": S("two")}, ReturnValues="ALL_NEW")),
        ("UpdateItem(NONE)", lambda: ddb.update_item(
            TableName="orders", Key={"pk": S("a")}, UpdateExpression="ADD v :one",
            ExpressionAttributeValues={":one": N(1)})),
        ("Query", lambda: ddb.query(TableName="catalog", KeyConditionExpression="pk = :p",
                                    ExpressionAttributeValues={":p": S("a")})),
        ("Query(GSI)", lambda: ddb.query(TableName="catalog", IndexName="by_g", KeyConditionExpression="g = :g",
                                         ExpressionAttributeValues={":g": S("x")})),
        ("Query(Limit=1)", lambda: ddb.query(TableName="catalog", KeyConditionExpression="pk = :p",
                                             ExpressionAttributeValues={":p": S("a")}, Limit=1)),
        ("Query(Select=COUNT)", lambda: ddb.query(TableName="catalog", KeyConditionExpression="pk = :p",
                                                  ExpressionAttributeValues={":p": S("a")}, Select="COUNT")),
        ("Scan", lambda: ddb.scan(TableName="catalog")),
        ("Scan(Limit=1)", lambda: ddb.scan(TableName="catalog", Limit=1)),
        ("Scan(Segment=0,TotalSegments=2)", lambda: ddb.scan(TableName="catalog", Segment=0, TotalSegments=2)),
        ("Scan(FilterExpression)", lambda: ddb.scan(TableName="catalog", FilterExpression="n > :z",
                                                    ExpressionAttributeValues={":z": N(1)})),
        ("BatchWriteItem", lambda: ddb.batch_write_item(RequestItems={"orders": [
            {"PutRequest": {"Item": {"pk": S("b")}}}, {"DeleteRequest": {"Key": {"pk": S("c")}}}]})),
        ("BatchGetItem", lambda: ddb.batch_get_item(RequestItems={"orders": {"Keys": [{"pk": S("a")},
                                                                                     {"pk": S("b")}]}})),
        ("TransactWriteItems", lambda: ddb.transact_write_items(TransactItems=[
            {"Put": {"TableName": "orders", "Item": {"pk": S("t1")}}},
            {"Update": {"TableName": "orders", "Key": {"pk": S("t2")}, "UpdateExpression": "SET v = :v",
                        "ExpressionAttributeValues": {":v": N(2)}}}])),
        ("TransactGetItems", lambda: ddb.transact_get_items(TransactItems=[
            {"Get": {"TableName": "orders", "Key": {"pk": S("t1")}}},
            {"Get": {"TableName": "orders", "Key": {"pk": S("t2")}}}])),
        ("DeleteItem(ALL_OLD)", lambda: ddb.delete_item(TableName="orders", Key={"pk": S("t1")},
                                                        ReturnValues="ALL_OLD")),
        ("TagResource", lambda: ddb.tag_resource(ResourceArn=arn("orders"), Tags=[{"Key": "env", "Value": "test"}])),
        ("ListTagsOfResource", lambda: ddb.list_tags_of_resource(ResourceArn=arn("orders"))),
        ("UntagResource", lambda: ddb.untag_resource(ResourceArn=arn("orders"), TagKeys=["env"])),
        ("DescribeTimeToLive", lambda: ddb.describe_time_to_live(TableName="orders")),
        ("UpdateTimeToLive", lambda: ddb.update_time_to_live(
            TableName="orders", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})),
        ("DescribeTimeToLive(enabled)", lambda: ddb.describe_time_to_live(TableName="orders")),
        ("UpdateTable(ProvisionedThroughput)", lambda: ddb.update_table(
            TableName="catalog", ProvisionedThroughput={"ReadCapacityUnits": 10, "WriteCapacityUnits": 10})),
        ("UpdateTable(BillingMode=PROVISIONED)", lambda: ddb.update_table(
            TableName="orders", BillingMode="PROVISIONED", ProvisionedThroughput=throughput)),
        ("DescribeContinuousBackups", lambda: ddb.describe_continuous_backups(TableName="orders")),
        ("UpdateContinuousBackups", lambda: ddb.update_continuous_backups(
            TableName="orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})),
        ("CreateBackup", lambda: ctx.setdefault("backup", ddb.create_backup(TableName="orders", BackupName="nightly"))),
        ("DescribeBackup", lambda: ddb.describe_backup(BackupArn=ctx["backup"]["BackupDetails"]["BackupArn"])),
        ("ListBackups", lambda: ddb.list_backups()),
        ("ListBackups(TableName,Limit=1)", lambda: ddb.list_backups(TableName="orders", Limit=1)),
        ("RestoreTableFromBackup", lambda: ddb.restore_table_from_backup(
            TargetTableName="restored", BackupArn=ctx["backup"]["BackupDetails"]["BackupArn"])),
        ("RestoreTableToPointInTime", lambda: ddb.restore_table_to_point_in_time(
            SourceTableName="orders", TargetTableName="pitr", UseLatestRestorableTime=True)),
        ("DeleteBackup", lambda: ddb.delete_backup(BackupArn=ctx["backup"]["BackupDetails"]["BackupArn"])),
        ("ExportTableToPointInTime", lambda: ctx.setdefault("export", ddb.export_table_to_point_in_time(
            TableArn=arn("orders"), S3Bucket="exports", S3Prefix="nightly", ExportFormat="DYNAMODB_JSON"))),
        ("DescribeExport", exported),
        ("ListExports", lambda: ddb.list_exports()),
        ("ImportTable", lambda: ctx.setdefault("import", ddb.import_table(
            S3BucketSource=import_source(), InputFormat="DYNAMODB_JSON", InputCompressionType="GZIP",
            TableCreationParameters={"TableName": "imported", "AttributeDefinitions": attrs[:1],
                                     "KeySchema": hash_key, "BillingMode": "PAY_PER_REQUEST"}))),
        ("DescribeImport", lambda: ddb.describe_import(
            ImportArn=ctx["import"]["ImportTableDescription"]["ImportArn"])),
        ("ListImports", lambda: ddb.list_imports()),
        ("DescribeEndpoints", lambda: ddb.describe_endpoints()),
        ("DescribeTable(missing)", lambda: ddb.describe_table(TableName="nope")),
        ("CreateBackup(missing table)", lambda: ddb.create_backup(TableName="nope", BackupName="nightly")),
        ("DescribeBackup(missing)", lambda: ddb.describe_backup(
            BackupArn="arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225600000-00000000")),
        ("GetItem(missing table)", lambda: ddb.get_item(TableName="nope", Key={"pk": S("a")})),
        ("DeleteTable", lambda: ddb.delete_table(TableName="restored")),
    ]


def run(url, prepare=None):
    import botocore.exceptions
    ddb = client(url)
    if prepare:
        prepare(url)
    ctx = {}
    out = []
    for name, thunk in scenario(ddb, ctx):
        try:
            r = thunk()
            r.pop("ResponseMetadata", None)
            out.append((name, "ok", r))
        except botocore.exceptions.ClientError as e:
            out.append((name, "error", e.response["Error"].get("Code")))
        except Exception as e:  # a crash of one server, or a call the other's state made impossible
            out.append((name, "exception", "%s: %s" % (type(e).__name__, e)))
    return out


def prepare_moto(url):
    """moto's exports and imports use moto's S3: the bucket must exist there (dynafake's object store needs none)."""
    client(url, "s3").create_bucket(Bucket="exports")


def kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)) or type(v).__name__ == "Decimal":
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, (bytes, bytearray)):
        return "bytes"
    if isinstance(v, dict):
        return "object"
    if isinstance(v, list):
        return "list"
    if v is None:
        return "null"
    return type(v).__name__  # boto3 parses timestamps into datetime


def shape(v, path="", out=None, enums=None):
    """{path: set of kinds}; list elements merged under path[]. enums collects enum-like string values."""
    if out is None:
        out = {}
    out.setdefault(path or "<answer>", set()).add(kind(v))
    if isinstance(v, dict):
        # AttributeValue maps (items, keys) are user data: their attribute names are not shape, their types are
        data = path.rsplit(".", 1)[-1].rstrip("[]") in ("Item", "Attributes", "Key", "LastEvaluatedKey", "Items",
                                                         "Responses", "UnprocessedItems", "UnprocessedKeys")
        for k, x in v.items():
            shape(x, "%s.%s" % (path, "<attr>" if data and not k[:1].isupper() else k) if path else k, out, enums)
    elif isinstance(v, list):
        for x in v:
            shape(x, path + "[]", out, enums)
    elif isinstance(v, str) and enums is not None and path.rsplit(".", 1)[-1].rstrip("[]") in ENUM_KEYS:
        enums.setdefault(path, set()).add(v)
    return out


def differences(ours, theirs):
    """[(call, class, path, detail)] and [(call, note)] for the enum values."""
    diffs, notes = [], []
    for (name, kind_a, a), (_, kind_b, b) in zip(ours, theirs):
        if kind_a != "ok" or kind_b != "ok":
            if kind_a == kind_b == "error":
                if a != b:
                    diffs.append((name, "type mismatch", "<error>", "%s (dynafake) vs %s (moto)" % (a, b)))
            elif kind_a != kind_b:
                cls = "dynafake-missing" if kind_b == "ok" else "moto-missing" if kind_a == "ok" else "type mismatch"
                detail = "dynafake: %s %s; moto: %s %s" % (kind_a, "" if kind_a == "ok" else a, kind_b,
                                                          "" if kind_b == "ok" else b)
                diffs.append((name, cls, "<answer>", detail))
            elif a != b:  # both raised something other than a service error
                diffs.append((name, "type mismatch", "<answer>", "dynafake: %s; moto: %s" % (a, b)))
            continue
        ea, eb = {}, {}
        sa, sb = shape(a, enums=ea), shape(b, enums=eb)
        for p in sorted(set(sa) | set(sb)):
            if p not in sa:
                diffs.append((name, "dynafake-missing", p, "/".join(sorted(sb[p]))))
            elif p not in sb:
                diffs.append((name, "moto-missing", p, "/".join(sorted(sa[p]))))
            elif sa[p] != sb[p] and not (sa[p] | sb[p]) <= {"number"}:
                diffs.append((name, "type mismatch", p, "%s (dynafake) vs %s (moto)" % (
                    "/".join(sorted(sa[p])), "/".join(sorted(sb[p])))))
        for p in sorted(set(ea) & set(eb)):
            if ea[p] != eb[p]:
                notes.append((name, "%s: %s (dynafake) vs %s (moto)" % (p, sorted(ea[p]), sorted(eb[p]))))
    return _collapse(diffs), notes


def _collapse(diffs):
    """Drops paths under a path already missing from the same answer: its children are the same difference."""
    missing = {(n, c, p) for n, c, p, _ in diffs if c != "type mismatch"}
    out = []
    for n, c, p, d in diffs:
        parent = p
        covered = False
        while "." in parent or parent.endswith("[]"):
            parent = parent[:-2] if parent.endswith("[]") else parent.rsplit(".", 1)[0]
            if (n, c, parent) in missing:
                covered = True
                break
        if not covered:
            out.append((n, c, p, d))
    return out


def known(call, cls, path):
    for (call_pattern, cls_known, path_pattern), why in KNOWN_MOTO_DEVIATIONS.items():
        if cls == cls_known and fnmatch.fnmatchcase(call, call_pattern) and fnmatch.fnmatchcase(path, path_pattern):
            return why
    return None


def report(ours, theirs, out=sys.stdout):
    """Prints the differences by class; answers how many are not known moto deviations."""
    diffs, notes = differences(ours, theirs)
    unexplained = 0
    for cls in ("dynafake-missing", "moto-missing", "type mismatch"):
        rows = [d for d in diffs if d[1] == cls]
        print("\n== %s (%d)" % (cls, len(rows)), file=out)
        for name, _, path, detail in rows:
            why = known(name, cls, path)
            unexplained += why is None
            print("  %s %-44s %s  [%s]" % ("  " if why else "!!", name, path, detail), file=out)
            if why:
                print("       known moto deviation: %s" % why, file=out)
    if notes:
        print("\n== notes: enum values that differ (not shape)", file=out)
        for name, note in notes:
            print("     %-44s %s" % (name, note), file=out)
    calls = len(ours)
    same = calls - len({d[0] for d in diffs})
    print("\n%d calls; %d with the same shape; %d difference(s), %d not listed in KNOWN_MOTO_DEVIATIONS"
          % (calls, same, len(diffs), unexplained), file=out)
    return unexplained


def main(server=None, check=False):
    """Prints the differences; `server` is dynafake-server's path (default: found as the tests find it)."""
    try:
        import boto3  # noqa: F401
    except ImportError as e:
        print("compare --shapes: boto3 missing (%s): pip install boto3" % e, file=sys.stderr)
        return 2
    try:
        binary = server or server_binary()
        with DynafakeServer(["--instant"], binary=binary) as dyna, MotoServer() as moto:
            print("dynafake-server %s   moto_server %s" % (dyna.url, moto.url))
            ours, theirs = run(dyna.url), run(moto.url, prepare_moto)
    except RuntimeError as e:
        print("compare --shapes: %s" % e, file=sys.stderr)
        return 2
    unexplained = report(ours, theirs)
    if check and unexplained:
        print("compare --shapes --check: %d difference(s) marked !! are neither fixed nor a known moto deviation"
              % unexplained, file=sys.stderr)
        return 1
    return 0
