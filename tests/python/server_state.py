"""dynafake-server's --state file: written atomically, never lost to a crash, never loaded when broken.

Real processes, real files: the server is killed with SIGKILL while a client
keeps changing the world and asking for saves; the file must always load and
hold every change acknowledged before the last save that completed. A
truncated or corrupt file stops the server at start with the file's name and
the position of the damage, and the file is left as it was.

What a kill can show: a save that is not one replace of the file (truncated
first and written in pieces, or two saves sharing a temporary file) fails the
kill test (checked by hand with a writer that writes 4 KB at a time). A
SIGKILL cannot split a single write(), so a plain truncate-and-write in one
call would pass it too; the fsyncs around the rename guard against power
loss, which no test here can cause.
"""
import json
import os
import random
import signal
import subprocess
import tempfile
import threading
import time
import unittest

from server_support import DynafakeServer, require_clients, server_binary

TABLE = "kill_table"
PADDING_ITEMS = 200  # ~1 KB each: every save writes a few hundred KB, so kills land inside saves


def item_ids(ddb, table):
    ids = set()
    for page in ddb.get_paginator("scan").paginate(TableName=table):
        ids.update(item["id"]["S"] for item in page["Items"])
    return ids


class StateFileSurvivesKill(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_clients()

    def test_sigkill_during_repeated_saves_never_loses_an_acknowledged_change(self):
        rng = random.Random(20120810)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "state.json")
            must_hold = set()  # ids acknowledged before the last save that completed
            saves_completed = 0
            for round_no in range(5):
                server = DynafakeServer(["--instant", "--state", path]).start()
                try:
                    ddb = server.boto3_client()
                    if round_no == 0:
                        ddb.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST",
                                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                         KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
                        for i in range(PADDING_ITEMS):
                            ddb.put_item(TableName=TABLE, Item={"id": {"S": "pad%d" % i}, "v": {"S": "x" * 1000}})
                    else:
                        # The file the last round's kill left behind loaded, and holds every acknowledged change.
                        present = item_ids(ddb, TABLE)
                        self.assertTrue(must_hold <= present,
                                        "round %d lost %s" % (round_no, sorted(must_hold - present)[:5]))

                    acked = []
                    stop = threading.Event()
                    outcome = {"completed": 0}

                    def writer():
                        client = server.boto3_client(connect_timeout=2, read_timeout=5)
                        i = 0
                        while not stop.is_set():
                            try:
                                key = "r%d_%d" % (round_no, i)
                                client.put_item(TableName=TABLE, Item={"id": {"S": key}})
                                acked.append(key)
                                status, _, _ = server.request("POST", "/_dynafake/state/save", b"", timeout=5)
                                if status == 200:
                                    must_hold.update(acked)
                                    outcome["completed"] += 1
                            except Exception:  # the server is gone: this round is over
                                return
                            i += 1

                    thread = threading.Thread(target=writer)
                    thread.start()
                    # Kill after a few completed saves (whatever the machine's speed), at a
                    # random moment of the next ones.
                    wanted = rng.randint(2, 6)
                    deadline = time.monotonic() + 120
                    while outcome["completed"] < wanted and thread.is_alive() and time.monotonic() < deadline:
                        time.sleep(0.005)
                    self.assertGreaterEqual(outcome["completed"], wanted, "the saves did not get going")
                    time.sleep(rng.uniform(0, 0.05))
                    server.proc.send_signal(signal.SIGKILL)
                    server.proc.wait(timeout=10)
                    stop.set()
                    thread.join(timeout=20)
                    self.assertFalse(thread.is_alive())
                    saves_completed += outcome["completed"]
                finally:
                    if server.proc.poll() is None:
                        server.proc.kill()
                    server._reap()
                with open(path, "rb") as f:
                    json.loads(f.read())  # never half a file
            self.assertGreater(saves_completed, 10, "too few saves to say anything")
            print("\n%d saves completed across 5 SIGKILLs; none lost an acknowledged change" % saves_completed)
            # A last, orderly start: everything acknowledged before the last completed save is there.
            with DynafakeServer(["--instant", "--state", path]) as server:
                present = item_ids(server.boto3_client(), TABLE)
                self.assertTrue(must_hold <= present)
                self.assertEqual(len([i for i in present if i.startswith("pad")]), PADDING_ITEMS)


class BrokenStateFileIsRefused(unittest.TestCase):
    def run_server(self, path):
        return subprocess.run([server_binary(), "--host", "127.0.0.1", "--port", "0", "--state", path],
                              capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)

    def saved_state(self, tmp):
        path = os.path.join(tmp, "state.json")
        with DynafakeServer(["--instant", "--state", path]) as server:
            ddb = server.boto3_client()
            ddb.create_table(TableName="orders", BillingMode="PAY_PER_REQUEST",
                             AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                             KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
            ddb.create_backup(TableName="orders", BackupName="nightly")
        with open(path, "rb") as f:
            return path, f.read()

    def assert_refused(self, path, content, *expected):
        with open(path, "wb") as f:
            f.write(content)
        done = self.run_server(path)
        self.assertNotEqual(done.returncode, 0, done.stdout)
        self.assertNotIn("listening", done.stdout)
        self.assertIn(path, done.stderr)
        for text in expected:
            self.assertIn(text, done.stderr)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), content, "the broken file was overwritten")
        return done.stderr

    def test_truncated_file_names_the_file_and_the_position(self):
        with tempfile.TemporaryDirectory() as tmp:
            path, good = self.saved_state(tmp)
            cut = len(good) // 2
            line = good[:cut].count(b"\n") + 1
            self.assert_refused(path, good[:cut], "at line %d, column" % line, "of %d)" % cut)

    def test_corrupt_byte_names_the_file_and_the_position(self):
        with tempfile.TemporaryDirectory() as tmp:
            path, good = self.saved_state(tmp)
            at = good.index(b'"orders"')
            line = good[:at].count(b"\n") + 1
            column = at - good.rfind(b"\n", 0, at)
            self.assert_refused(path, good[:at] + b"#" + good[at + 1:],
                                "at line %d, column %d" % (line, column), "(byte %d of %d)" % (at + 1, len(good)))

    def test_json_that_is_not_a_snapshot_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "state.json")
            self.assert_refused(path, b"[1, 2, 3]\n", "not a JSON object")

    def test_a_good_file_loads(self):
        with tempfile.TemporaryDirectory() as tmp:
            path, _ = self.saved_state(tmp)
            with DynafakeServer(["--state", path]) as server:
                names = [b["BackupName"] for b in server.boto3_client().list_backups()["BackupSummaries"]]
                self.assertEqual(names, ["nightly"])


class Progress(unittest.TestCase):
    def test_progress_reports_each_stage_of_loading_and_saving(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "state.json")
            with DynafakeServer(["--instant", "--progress", "--state", path]) as server:
                server.boto3_client().create_table(
                    TableName="orders", BillingMode="PAY_PER_REQUEST",
                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
            first = "".join(server.stderr_lines)
            self.assertIn("progress: no state file %s yet: starting empty in " % path, first)
            self.assertIn("progress: wrote the state out (", first)
            self.assertIn("progress: saved %s (" % path, first)
            with DynafakeServer(["--progress", "--state", path]) as server:
                self.assertEqual(server.boto3_client().list_tables()["TableNames"], ["orders"])
            second = "".join(server.stderr_lines)
            self.assertIn("progress: read %s (0.0 MB) in " % path, second)
            self.assertIn("progress: loaded the state (0.0 MB) in ", second)
            with DynafakeServer(["--state", path]) as server:
                pass
            self.assertNotIn("progress:", "".join(server.stderr_lines))


if __name__ == "__main__":
    unittest.main()
