#!/usr/bin/env python3
"""dynafake-server's life as a process, driven by boto3.

The timed server (tables CREATING, backups CREATING until the admin clock
moves; boto3's table_exists waiter), per-access-key accounts, and the command
line: flags, the listening line, --state loaded at start and saved on
shutdown, bad flags refused, exit 0 on SIGINT/SIGTERM. The helpers and the
base class come from server_conformance.py.

Run:   python3 -m unittest -v server_lifecycle          (from tests/python)
A missing boto3 or AWS CLI fails the run, saying what to install.
"""
import json
import os
import signal
import tempfile
import threading
import unittest

import botocore.exceptions

from server_conformance import DAY, ServerCase, error_code, table_args
from server_support import DynafakeServer


class TimedServer(ServerCase):
    """Default durations: tables CREATING for 10 s and backups CREATING for 30 s of the manual clock."""
    SERVER_ARGS = []

    def test_table_in_use_while_the_table_is_still_creating(self):
        self.ddb.create_table(**table_args("orders"))
        with self.assertRaises(self.ddb.exceptions.TableInUseException):
            self.ddb.create_backup(TableName="orders", BackupName="nightly")
        self.advance(10)
        details = self.ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]
        self.assertEqual(details["BackupStatus"], "CREATING")
        with self.assertRaises(self.ddb.exceptions.BackupInUseException):
            self.ddb.create_backup(TableName="orders", BackupName="again")
        self.advance(30)
        self.assertEqual(self.ddb.describe_backup(BackupArn=details["BackupArn"])
                         ["BackupDescription"]["BackupDetails"]["BackupStatus"], "AVAILABLE")

    def test_table_exists_waiter_polls_until_the_admin_clock_makes_it_active(self):
        self.ddb.create_table(**table_args("orders"))
        polls = []
        first_poll = threading.Event()

        def on_describe(**_):
            polls.append(1)
            first_poll.set()

        waiter_client = self.server.boto3_client()
        waiter_client.meta.events.register("after-call.dynamodb.DescribeTable", on_describe)
        # Once the waiter has seen CREATING, time moves on and the next poll sees ACTIVE.
        mover = threading.Thread(target=lambda: first_poll.wait(10) and self.advance(10), daemon=True)
        mover.start()
        waiter_client.get_waiter("table_exists").wait(TableName="orders",
                                                      WaiterConfig={"Delay": 1, "MaxAttempts": 10})
        mover.join(10)
        waiter_client.close()
        self.assertGreaterEqual(len(polls), 2)
        self.assertEqual(self.ddb.describe_table(TableName="orders")["Table"]["TableStatus"], "ACTIVE")


class Accounts(unittest.TestCase):
    """--accounts FILE: the access key id picks the account; accounts are isolated."""

    def test_access_keys_map_to_isolated_accounts(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "accounts.json")
            with open(path, "w") as f:
                json.dump({"AKIDALICE": "111111111111", "AKIDBOB": "222222222222"}, f)
            with DynafakeServer(["--instant", "--accounts", path]) as server:
                alice, bob = server.boto3_client("AKIDALICE"), server.boto3_client("AKIDBOB")
                alice.create_table(**table_args("orders"))
                arn = alice.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]["BackupArn"]
                self.assertIn(":111111111111:", arn)
                self.assertEqual(bob.list_tables()["TableNames"], [])
                self.assertEqual(bob.list_backups()["BackupSummaries"], [])
                with self.assertRaises(bob.exceptions.TableNotFoundException):
                    bob.create_backup(TableName="orders", BackupName="nightly")
                stranger = server.boto3_client("AKIDMALLORY")
                with self.assertRaises(botocore.exceptions.ClientError) as ctx:
                    stranger.list_tables()
                self.assertEqual(error_code(ctx), "UnrecognizedClientException")
                for c in (alice, bob, stranger):
                    c.close()


class Lifecycle(unittest.TestCase):
    """The command line: flags, the listening line, exit 0 on SIGINT and SIGTERM."""

    def test_exits_0_on_sigint(self):
        server = DynafakeServer(["--instant"]).start()
        self.assertRegex(server.url, r"^http://127\.0\.0\.1:\d+$")
        self.assertEqual(server.admin("GET", "/health"), {"status": "ok"})
        self.assertEqual(server.stop(signal.SIGINT), 0)

    def test_flags_shape_the_world(self):
        args = ["--instant", "--start-time", "2030-05-01T12:00:00Z", "--account-id", "210987654321",
                "--region", "eu-west-1", "--seed", "7", "--log-level", "debug"]
        with DynafakeServer(args) as server:
            self.assertEqual(server.admin("GET", "/clock")["now"], "2030-05-01T12:00:00.000Z")
            ddb = server.boto3_client()
            ddb.create_table(**table_args("orders"))
            arn = ddb.create_backup(TableName="orders", BackupName="nightly")["BackupDetails"]["BackupArn"]
            # backup/<creation time in epoch milliseconds, 14 digits>-<8 hex digits>
            self.assertRegex(arn, r"^arn:aws:dynamodb:eu-west-1:210987654321:table/orders/backup/01903867200000-[0-9a-f]{8}$")
            ddb.close()
        self.assertTrue(any("CreateBackup" in line for line in server.stderr_lines),
                        "--log-level debug logs requests: %r" % server.stderr_lines)

    def test_system_clock_cannot_be_moved(self):
        with DynafakeServer(["--clock", "system"]) as server:
            self.assertGreater(server.admin("GET", "/clock")["epoch"], 1.7e9)
            self.assertIn("system", server.admin("POST", "/clock/advance", {"seconds": 1}, expect=400)["error"])

    def test_state_file_is_loaded_at_start_and_saved_on_shutdown_and_on_request(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "world.json")
            with DynafakeServer(["--instant", "--state", path]) as server:
                ddb = server.boto3_client()
                self.make_world(ddb, server)
                self.assertEqual(server.admin("POST", "/state/save")["path"], path)
                with open(path) as f:
                    self.assertEqual(json.load(f)["format"], "dynafake-state")
                ddb.put_item(TableName="orders", Item={"pk": {"S": "b"}, "v": {"S": "2"}})
                ddb.close()
            self.assertFalse(os.path.exists(path + ".tmp"))
            with DynafakeServer(["--instant", "--state", path]) as server:  # loads what SIGTERM saved
                ddb = server.boto3_client()
                self.assertEqual(server.admin("GET", "/clock")["now"], "2026-01-02T00:00:00.000Z")
                items = ddb.scan(TableName="orders")["Items"]
                self.assertEqual(sorted(i["pk"]["S"] for i in items), ["a", "b"])
                self.assertEqual([b["BackupName"] for b in ddb.list_backups()["BackupSummaries"]], ["nightly"])
                ddb.close()

    @staticmethod
    def make_world(ddb, server):
        ddb.create_table(**table_args("orders"))
        ddb.put_item(TableName="orders", Item={"pk": {"S": "a"}, "v": {"S": "1"}})
        ddb.create_backup(TableName="orders", BackupName="nightly")
        server.admin("POST", "/clock/advance", {"seconds": DAY})

    def test_bad_flags_are_refused(self):
        import subprocess
        from server_support import server_binary
        for args in (["--clock", "lunar"], ["--start-time", "soon"], ["--account-id", "12"], ["--port", "70000"]):
            with self.subTest(args=args):
                done = subprocess.run([server_binary()] + args, capture_output=True, text=True, timeout=30)
                self.assertNotEqual(done.returncode, 0)
                self.assertTrue(done.stderr.strip())


if __name__ == "__main__":
    unittest.main()
