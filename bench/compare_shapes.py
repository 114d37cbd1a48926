"""Compare response shapes of dynafake-server and moto_server for common calls
(`bench/compare --shapes`).

Starts both on free 127.0.0.1 ports, runs the same boto3 calls against each,
and prints, per call, the members one answers and the other does not, values
of different JSON types, and differing error codes. Values themselves (ARNs,
times, ids) are expected to differ and are not compared, except enum-like
strings (statuses, types), which are printed when they differ.

    bench/compare --shapes [--server build/tools/dynafake-server/dynafake-server]

Exits 0 whatever the differences (it is a report, not a test); 2 when a
server cannot be started. Needs boto3 and moto[server] (moto_server).
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "python"))

from server_support import DynafakeServer, server_binary  # noqa: E402

import boto3  # noqa: E402
import botocore.exceptions  # noqa: E402
from botocore.config import Config  # noqa: E402

ENUM_KEYS = {"TableStatus", "BackupStatus", "BackupType", "ContinuousBackupsStatus", "PointInTimeRecoveryStatus",
             "BillingMode", "KeyType", "AttributeType", "TableClass"}


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
        cmd = [exe] if exe else [sys.executable, "-m", "moto.server"]
        port = free_port()
        self.url = "http://127.0.0.1:%d" % port
        self.proc = subprocess.Popen(cmd + ["-H", "127.0.0.1", "-p", str(port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # bounded polling for the socket
            if self.proc.poll() is not None:
                raise RuntimeError("moto_server exited with %s" % self.proc.returncode)
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


def client(url):
    return boto3.client("dynamodb", endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
                        aws_secret_access_key="secret",
                        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}))


def scenario(ddb, ctx):
    """(name, thunk) pairs; thunks may read ctx filled by earlier calls."""
    key = [{"AttributeName": "pk", "KeyType": "HASH"}]
    attrs = [{"AttributeName": "pk", "AttributeType": "S"}]
    return [
        ("CreateTable", lambda: ddb.create_table(TableName="orders", KeySchema=key, AttributeDefinitions=attrs,
                                                 BillingMode="PAY_PER_REQUEST")),
        ("DescribeTable", lambda: ddb.describe_table(TableName="orders")),
        ("ListTables", lambda: ddb.list_tables()),
        ("PutItem", lambda: ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"N": "1"}})),
        ("GetItem", lambda: ddb.get_item(TableName="orders", Key={"pk": {"S": "a"}})),
        ("Scan", lambda: ddb.scan(TableName="orders")),
        ("CreateBackup", lambda: ctx.setdefault("backup", ddb.create_backup(TableName="orders", BackupName="nightly"))),
        ("DescribeBackup", lambda: ddb.describe_backup(BackupArn=ctx["backup"]["BackupDetails"]["BackupArn"])),
        ("ListBackups", lambda: ddb.list_backups()),
        ("ListBackups(TableName,Limit=1)", lambda: ddb.list_backups(TableName="orders", Limit=1)),
        ("DescribeContinuousBackups", lambda: ddb.describe_continuous_backups(TableName="orders")),
        ("UpdateContinuousBackups", lambda: ddb.update_continuous_backups(
            TableName="orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})),
        ("RestoreTableFromBackup", lambda: ddb.restore_table_from_backup(
            TargetTableName="restored", BackupArn=ctx["backup"]["BackupDetails"]["BackupArn"])),
        ("RestoreTableToPointInTime", lambda: ddb.restore_table_to_point_in_time(
            SourceTableName="orders", TargetTableName="pitr", UseLatestRestorableTime=True)),
        ("DeleteBackup", lambda: ddb.delete_backup(BackupArn=ctx["backup"]["BackupDetails"]["BackupArn"])),
        ("CreateBackup(missing table)", lambda: ddb.create_backup(TableName="nope", BackupName="nightly")),
        ("DescribeBackup(missing)", lambda: ddb.describe_backup(
            BackupArn="arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225600000-00000000")),
        ("DeleteTable", lambda: ddb.delete_table(TableName="restored")),
    ]


def run(url):
    ddb = client(url)
    ctx = {}
    out = []
    for name, thunk in scenario(ddb, ctx):
        try:
            r = thunk()
            r.pop("ResponseMetadata", None)
            out.append((name, "ok", r))
        except botocore.exceptions.ClientError as e:
            out.append((name, "error", e.response["Error"].get("Code")))
        except Exception as e:  # a crash of one server is a difference too
            out.append((name, "exception", "%s: %s" % (type(e).__name__, e)))
    return out


def type_name(v):
    return type(v).__name__


def diff(a, b, path=""):
    """Shape differences between a (dynafake) and b (moto)."""
    lines = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            p = path + "." + k if path else k
            if k not in b:
                lines.append("  only dynafake: %s" % p)
            elif k not in a:
                lines.append("  only moto:     %s" % p)
            else:
                lines += diff(a[k], b[k], p)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            lines.append("  %s: %d elements (dynafake) vs %d (moto)" % (path or "<list>", len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            lines += diff(x, y, "%s[%d]" % (path, i))
    elif type(a) is not type(b):
        lines.append("  %s: %s (dynafake) vs %s (moto)" % (path, type_name(a), type_name(b)))
    elif isinstance(a, str) and path.split(".")[-1].split("[")[0] in ENUM_KEYS and a != b:
        lines.append("  %s: %r (dynafake) vs %r (moto)" % (path, a, b))
    return lines


def main(server=None):
    """Prints the differences; `server` is dynafake-server's path (default: found as the tests find it)."""
    try:
        binary = server or server_binary()
        with DynafakeServer(["--instant"], binary=binary) as dyna, MotoServer() as moto:
            print("dynafake-server %s   moto_server %s" % (dyna.url, moto.url))
            ours, theirs = run(dyna.url), run(moto.url)
    except RuntimeError as e:
        print("compare --shapes: %s" % e, file=sys.stderr)
        return 2
    differing = 0
    for (name, kind_a, a), (_, kind_b, b) in zip(ours, theirs):
        if kind_a != kind_b:
            lines = ["  dynafake: %s %s" % (kind_a, a if kind_a != "ok" else "(answer)"),
                     "  moto:     %s %s" % (kind_b, b if kind_b != "ok" else "(answer)")]
        elif kind_a == "ok":
            lines = diff(a, b)
        else:
            lines = [] if a == b else ["  error code: %s (dynafake) vs %s (moto)" % (a, b)]
        status = "same shape" if not lines else "%d difference(s)" % len(lines)
        print("%-32s %s" % (name, status))
        for line in lines:
            print(line)
        differing += bool(lines)
    print("\n%d of %d calls differ in shape" % (differing, len(ours)))
    return 0
