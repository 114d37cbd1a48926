#!/usr/bin/env python3
"""dynafake-server's throughput enforcement against boto3 (docs/throughput.md).

A batch job that loads more rows than a small provisioned table's burst: its
BatchWriteItem calls come back with UnprocessedItems (and, when nothing fits,
ProvisionedThroughputExceededException), it backs off by moving the server's
clock through the admin API where production would sleep, and every row
arrives. boto3's own retry strategy treats the error as throttling and
retries it; an on-demand table with a MaxWriteRequestUnits answers
ThrottlingException; --no-throughput serves any traffic.

Run:   python3 -m unittest -v server_throughput          (from tests/python)
A missing boto3 or AWS CLI fails the run, saying what to install.
"""
import unittest

from server_support import DynafakeServer, require_clients

require_clients()  # fails the module (never skips) with what to install

import botocore.exceptions  # noqa: E402


def provisioned_table(ddb, name, read, write):
    ddb.create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": read, "WriteCapacityUnits": write})


def row(i):
    return {"PutRequest": {"Item": {"id": {"S": "row-%04d" % i}, "n": {"N": str(i)}}}}


class Throughput(unittest.TestCase):
    def setUp(self):
        self.server = DynafakeServer(["--instant"]).start()
        self.ddb = self.server.boto3_client()

    def tearDown(self):
        self.ddb.close()
        status = self.server.stop()
        if status != 0:
            raise AssertionError("dynafake-server exited with %r; stderr: %s"
                                 % (status, "".join(self.server.stderr_lines)))

    def clock(self):
        return self.server.admin("GET", "/clock")["epoch"]

    def test_a_batch_job_backs_off_until_every_row_is_written(self):
        # 2 write units a second keep 600 units of burst: 700 rows do not fit at once
        provisioned_table(self.ddb, "rows", 5, 2)
        start = self.clock()
        throttled = unprocessed_calls = 0
        rows = [row(i) for i in range(700)]
        for at in range(0, len(rows), 25):
            batch, backoff = rows[at:at + 25], 0.05
            while batch:
                try:
                    out = self.ddb.batch_write_item(RequestItems={"rows": batch})
                    batch = out["UnprocessedItems"].get("rows", [])
                    if not batch:
                        break
                    unprocessed_calls += 1
                except self.ddb.exceptions.ProvisionedThroughputExceededException as e:
                    self.assertIn("The level of configured provisioned throughput for the table was exceeded",
                                  e.response["Error"]["Message"])
                    throttled += 1
                # where production sleeps, the test moves the fake's clock
                self.server.admin("POST", "/clock/advance", {"seconds": backoff})
                backoff = min(backoff * 2, 5.0)
        self.assertGreater(unprocessed_calls, 0, "a batch came back partly written")
        self.assertGreater(throttled, 0, "a batch came back with nothing written")
        self.assertGreaterEqual(self.clock() - start, 50, "100 rows past the burst take 50 s at 2 a second")
        count = self.ddb.scan(TableName="rows", Select="COUNT", ConsistentRead=True)["Count"]
        self.assertEqual(count, 700)

    def test_boto3s_retry_strategy_retries_a_throttled_call(self):
        provisioned_table(self.ddb, "tiny", 1, 1)
        for at in range(0, 300, 25):  # the 300 units of burst
            out = self.ddb.batch_write_item(RequestItems={"tiny": [row(i) for i in range(at, at + 25)]})
            self.assertEqual(out["UnprocessedItems"], {})
        retrying = self.server.boto3_client(retries={"total_max_attempts": 3, "mode": "standard"})
        try:
            with self.assertRaises(botocore.exceptions.ClientError) as caught:
                retrying.put_item(TableName="tiny", Item={"id": {"S": "late"}})
        finally:
            retrying.close()
        error = caught.exception.response
        self.assertEqual(error["Error"]["Code"], "ProvisionedThroughputExceededException")
        self.assertEqual(error["ResponseMetadata"]["RetryAttempts"], 2, "boto3 retried it as throttling")
        self.server.admin("POST", "/clock/advance", {"seconds": 1})
        self.ddb.put_item(TableName="tiny", Item={"id": {"S": "late"}})

    def test_on_demand_maximum_answers_throttling_exception(self):
        self.ddb.create_table(
            TableName="capped",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
            OnDemandThroughput={"MaxReadRequestUnits": 10, "MaxWriteRequestUnits": 3})
        for i in range(3):
            self.ddb.put_item(TableName="capped", Item={"id": {"S": "r%d" % i}})
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.ddb.put_item(TableName="capped", Item={"id": {"S": "r3"}})
        self.assertEqual(caught.exception.response["Error"]["Code"], "ThrottlingException")
        self.assertIn("Throughput exceeds the current capacity of your table or index",
                      caught.exception.response["Error"]["Message"])


class ThroughputOff(unittest.TestCase):
    def test_no_throughput_serves_any_traffic(self):
        with DynafakeServer(["--instant", "--no-throughput"]) as server:
            ddb = server.boto3_client()
            try:
                provisioned_table(ddb, "tiny", 1, 1)
                for at in range(0, 400, 25):
                    out = ddb.batch_write_item(RequestItems={"tiny": [row(i) for i in range(at, at + 25)]})
                    self.assertEqual(out["UnprocessedItems"], {})
            finally:
                ddb.close()


if __name__ == "__main__":
    unittest.main()
