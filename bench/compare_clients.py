"""The servers and Python clients bench/compare drives, and the call sequence.

The sequence is the one bench/sequence_benchmark.cpp runs in C++: create a
table, put 100 items, 200 CreateBackup, 200 DescribeBackup, ListBackups page
by page (Limit 25), one RestoreTableFromBackup. Every call is timed alone
(time.perf_counter_ns around it; ListBackups: all its pages together); a
failed call stops the run.
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "python"))
from server_support import CLIENT_ENV  # noqa: E402

os.environ.update(CLIENT_ENV)

ITEMS, BACKUPS, PAGE = 100, 200, 25
TARGET = "DynamoDB_20120810."
# A fixed SigV4-shaped header: neither server checks the signature, moto reads the region from it.
AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0" * 64)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RawClient:
    """DynamoDB JSON over one keep-alive HTTP/1.1 connection, nothing else."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def call(self, op, body):
        self.conn.request("POST", "/", body=json.dumps(body), headers={
            "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": TARGET + op,
            "X-Amz-Date": "20260101T000000Z", "Authorization": AUTH})
        r = self.conn.getresponse()
        data = r.read()
        if r.status != 200:
            raise RuntimeError("%s answered %d: %s" % (op, r.status, data[:300]))
        return json.loads(data)

    def close(self):
        self.conn.close()


class Boto3Client:
    """boto3's DynamoDB client: the wire call names, snake_case methods."""

    def __init__(self, endpoint_url=None):
        import boto3
        from botocore.config import Config
        self.ddb = boto3.client("dynamodb", endpoint_url=endpoint_url, region_name="us-east-1",
                                config=Config(retries={"total_max_attempts": 1, "mode": "standard"}))

    def call(self, op, body):
        method = "".join("_" + c.lower() if c.isupper() else c for c in op).lstrip("_")
        return getattr(self.ddb, method)(**body)

    def close(self):
        pass


def answers(port):
    """True once the server answers a DynamoDB call on `port`."""
    try:
        c = RawClient(port)
        c.conn.timeout = 2
        c.call("ListTables", {})
        c.close()
        return True
    except (OSError, RuntimeError, http.client.HTTPException, ValueError):
        return False


class Server:
    """A server process on a free port; `started_s` is spawn to first answer."""

    def __init__(self, cmd_for_port, timeout=60):
        self.port = free_port()
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd_for_port(self.port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not answers(self.port):  # bounded: the deadline below
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %s" % (cmd_for_port(self.port)[0], self.proc.returncode))
            if time.perf_counter() - t0 > timeout:
                self.stop()
                raise RuntimeError("%s did not answer within %d s" % (cmd_for_port(self.port)[0], timeout))
            time.sleep(0.0005)
        self.started_s = time.perf_counter() - t0
        self.url = "http://127.0.0.1:%d" % self.port

    def post(self, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("POST", path, body=json.dumps(body or {}), headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        conn.close()
        if r.status >= 300:
            raise RuntimeError("POST %s answered %d" % (path, r.status))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def dynafake_server(binary):
    return Server(lambda port: [binary, "--port", str(port), "--instant", "--log-level", "error"])


def moto_server():
    exe = shutil.which("moto_server")
    cmd = [exe] if exe else [sys.executable, "-m", "moto.server"]
    return Server(lambda port: cmd + ["-H", "127.0.0.1", "-p", str(port)])


def sequence(client, samples, between_backups=None):
    """Runs the sequence once on `client`, appending ns per call to samples[op]."""

    def timed(op, body, key=None):
        t0 = time.perf_counter_ns()
        out = client.call(op, body)
        samples.setdefault(key or op, []).append(time.perf_counter_ns() - t0)
        return out

    timed("CreateTable", {"TableName": "bench", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                          "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                          "BillingMode": "PAY_PER_REQUEST"})
    for i in range(ITEMS):
        timed("PutItem", {"TableName": "bench", "Item": {"pk": {"S": "item-%d" % i}, "n": {"N": str(i)}}})
    arns = []
    for i in range(BACKUPS):
        if i and i % 50 == 0 and between_backups:
            between_backups()  # untimed: lets dynafake's clock pass CreateBackup's 50 calls per second
        arns.append(timed("CreateBackup", {"TableName": "bench", "BackupName": "b-%d" % i})["BackupDetails"]["BackupArn"])
    for arn in arns:
        timed("DescribeBackup", {"BackupArn": arn})
    # All pages as one sample: moto ignores Limit and answers all 200 at once.
    page, pages = {"Limit": PAGE}, {}
    while True:
        t0 = time.perf_counter_ns()
        out = client.call("ListBackups", page)
        pages.setdefault("page", []).append(time.perf_counter_ns() - t0)
        if not out.get("LastEvaluatedBackupArn"):
            break
        page["ExclusiveStartBackupArn"] = out["LastEvaluatedBackupArn"]
    samples.setdefault("ListBackups, all pages", []).append(sum(pages["page"]))
    timed("RestoreTableFromBackup", {"TargetTableName": "restored", "BackupArn": arns[0]})


def run_server_client(server, make_client, reset, repeat, samples, between_backups=None):
    for _ in range(repeat):
        reset()
        client = make_client()
        try:
            sequence(client, samples, between_backups)
        finally:
            client.close()


def moto_in_process(repeat, samples):
    from moto import mock_aws
    for _ in range(repeat):
        with mock_aws():
            sequence(Boto3Client(), samples)
