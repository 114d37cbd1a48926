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

from golden_scenario import scenario  # noqa: E402 (after the botocore probe)

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("DYNAFAKE_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(SOURCE_DIR, "tests", "data", "wire", "botocore_requests.jsonl")


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
        with open(os.path.join(SOURCE_DIR, "tools", "dynamodb-2012-08-10-backup-subset.json")) as f:
            self.assertEqual(served, set(json.load(f)["operations"]))
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
