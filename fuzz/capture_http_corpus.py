#!/usr/bin/env python3
"""Writes fuzz/corpus/http_request/: the exact bytes real clients send.

boto3 and the AWS CLI are pointed at a loopback socket that records each
request and answers {} (so every call completes); the admin calls are the
ones tests/python sends with urllib. A few hand-made edge cases (chunked,
pipelined, Expect: 100-continue, HTTP/1.0) complete the set.

    python3 fuzz/capture_http_corpus.py     # rewrites the folder
"""
import os
import socket
import subprocess
import sys
import threading
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "http_request")
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "python"))
from server_support import CLIENT_ENV, aws_cli  # noqa: E402

os.environ.update(CLIENT_ENV)


class Recorder:
    """A loopback HTTP/1.1 listener that stores each request's bytes."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            conn, _ = self.sock.accept()
            threading.Thread(target=self.connection, args=(conn,), daemon=True).start()

    def connection(self, conn):
        data = b""
        while True:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(rest) < length:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                rest += chunk
            self.requests.append(head + b"\r\n\r\n" + rest[:length])
            data = rest[length:]
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                         b"Content-Length: 2\r\n\r\n{}")


def main():
    import boto3
    from botocore.config import Config
    rec = Recorder()
    url = "http://127.0.0.1:%d" % rec.port
    ddb = boto3.client("dynamodb", endpoint_url=url, region_name="us-east-1",
                       config=Config(retries={"total_max_attempts": 1}))
    calls = [
        ("boto3_create_table", lambda: ddb.create_table(
            TableName="orders", BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])),
        ("boto3_put_item", lambda: ddb.put_item(TableName="orders", Item={
            "id": {"S": "a"}, "n": {"N": "1"}, "m": {"M": {"l": {"L": [{"B": b"\x00\x01"}, {"NULL": True}]}}}})),
        ("boto3_create_backup", lambda: ddb.create_backup(TableName="orders", BackupName="nightly")),
        ("boto3_describe_backup", lambda: ddb.describe_backup(
            BackupArn="arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225600000-abcdefgh")),
        ("boto3_list_backups", lambda: ddb.list_backups(TableName="orders", Limit=3, BackupType="ALL")),
        ("boto3_restore", lambda: ddb.restore_table_from_backup(
            TargetTableName="copy",
            BackupArn="arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01767225600000-abcdefgh")),
        ("boto3_update_continuous_backups", lambda: ddb.update_continuous_backups(
            TableName="orders", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})),
        ("boto3_scan", lambda: ddb.scan(TableName="orders", Limit=10)),
    ]
    for name, call in calls:
        before = len(rec.requests)
        try:
            call()
        except Exception:  # the recorder's {} may not satisfy the client's parser; the request is what counts
            pass
        if len(rec.requests) > before:
            write(name, rec.requests[before])
    cli = aws_cli()
    if cli:
        before = len(rec.requests)
        subprocess.run(cli + ["--endpoint-url", url, "dynamodb", "list-tables"], capture_output=True, timeout=60)
        if len(rec.requests) > before:
            write("awscli_list_tables", rec.requests[before])
    for name, method, path, body in [
        ("admin_clock_advance", "POST", "/_dynafake/clock/advance", b'{"seconds": 3024000}'),
        ("admin_fault", "POST", "/_dynafake/faults",
         b'{"operation":"CreateBackup","table":"orders","error":"InternalServerError","nth":2,"times":1}'),
        ("admin_reset", "POST", "/_dynafake/reset", b""),
        ("admin_state_get", "GET", "/_dynafake/state?account=123456789012", None),
        ("admin_fault_delete", "DELETE", "/_dynafake/faults/1", None),
    ]:
        before = len(rec.requests)
        req = urllib.request.Request(url + path, data=body, method=method,
                                     headers={"Content-Type": "application/json"} if body is not None else {})
        urllib.request.urlopen(req, timeout=10).read()
        write(name, rec.requests[before])
    write("chunked", b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1;x=y\r\n}\r\n0\r\n\r\n")
    write("pipelined", b"GET /_dynafake/health HTTP/1.1\r\n\r\nGET / HTTP/1.0\r\n\r\n"
                       b"POST /_dynafake/clock/set HTTP/1.1\r\nContent-Length: 31\r\n\r\n"
                       b'{"time":"2026-02-05T00:00:00Z"}')
    write("expect_continue", b"POST / HTTP/1.1\r\nX-Amz-Target: DynamoDB_20120810.DescribeTable\r\n"
                             b"Expect: 100-continue\r\nContent-Length: 22\r\n\r\n" + b'{"TableName":"orders"}')


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".http"), "wb") as f:
        f.write(data)
    print("%-34s %5d bytes" % (name, len(data)))


if __name__ == "__main__":
    main()
