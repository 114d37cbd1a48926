#!/usr/bin/env python3
"""Tests of tools/model_tables.py: which request members name the table a
call is about (what FaultRule::ForTable matches on).

Run over the subset dynafake serves and over botocore's full DynamoDB model,
so an operation added later (a transaction, an export, an import) is known
to name its table before it is served; and over small made-up models, to see
the analysis refuse what it cannot place instead of finding no table.

Run:   python3 -m unittest -v test_table_members          (from tests/python)
"""
import copy
import gzip
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(os.environ.get("DYNAFAKE_SOURCE_DIR", os.path.join(HERE, "..", "..")), "tools")
sys.path.insert(0, TOOLS)
from model import Model  # noqa: E402
from model_tables import TableMemberError, check_table_members, table_arguments_body  # noqa: E402


def full_model():
    """botocore's DynamoDB model, as tools/add_shape.py reads it."""
    import botocore  # installed with boto3 (Debian: python3-botocore)

    base = os.path.join(os.path.dirname(botocore.__file__), "data", "dynamodb", "2012-08-10", "service-2.json")
    opener = (lambda: gzip.open(base + ".gz", "rt")) if os.path.exists(base + ".gz") else (lambda: open(base))
    m = Model.__new__(Model)
    with opener() as f:
        m.raw = json.load(f)
    m.shapes, m.operations = m.raw["shapes"], m.raw["operations"]
    return m


def paths_of(tables, op):
    return [".".join(p) for p in tables[op]]


class SubsetServed(unittest.TestCase):
    def setUp(self):
        self.tables = check_table_members(Model())

    def test_every_operation_about_a_table_names_it(self):
        expected = {
            "CreateBackup": ["TableName"], "DescribeBackup": [], "ListBackups": ["TableName"],
            "DeleteBackup": [], "RestoreTableFromBackup": ["TargetTableName"],
            "RestoreTableToPointInTime": ["TargetTableName"], "DescribeContinuousBackups": ["TableName"],
            "UpdateContinuousBackups": ["TableName"], "CreateTable": ["TableName"], "DescribeTable": ["TableName"],
            "DeleteTable": ["TableName"], "UpdateTable": ["TableName"], "ListTables": [],
            "PutItem": ["TableName"], "GetItem": ["TableName"], "DeleteItem": ["TableName"], "Scan": ["TableName"],
            "Query": ["TableName"], "UpdateItem": ["TableName"], "BatchWriteItem": ["RequestItems.{key}"],
            "BatchGetItem": ["RequestItems.{key}"], "TagResource": ["ResourceArn"],
            "ListTagsOfResource": ["ResourceArn"], "UntagResource": ["ResourceArn"],
            "DescribeTimeToLive": ["TableName"], "UpdateTimeToLive": ["TableName"],
            # nested and ARN-named tables: every action's table, the export's and the import's
            "TransactWriteItems": ["TransactItems.[].ConditionCheck.TableName", "TransactItems.[].Put.TableName",
                                   "TransactItems.[].Delete.TableName", "TransactItems.[].Update.TableName"],
            "TransactGetItems": ["TransactItems.[].Get.TableName"],
            "ExportTableToPointInTime": ["TableArn"], "DescribeExport": [], "ListExports": ["TableArn"],
            "ImportTable": ["TableCreationParameters.TableName"], "DescribeImport": [], "ListImports": ["TableArn"],
        }
        self.assertEqual({op: paths_of(self.tables, op) for op in self.tables}, expected)

    def test_a_batch_walks_every_key(self):
        self.assertEqual(table_arguments_body(self.tables["BatchWriteItem"]),
                         ["for (const auto& e0 : r.GetRequestItems()) {",
                          "  detail::AddTableArgument(out, e0.first);", "}"])


class FullBotocoreModel(unittest.TestCase):
    """Operations dynafake does not serve yet: each must name its table by the time it is."""

    @classmethod
    def setUpClass(cls):
        cls.tables = check_table_members(full_model())  # raises if any operation cannot be placed

    def test_tables_named_by_arn(self):
        self.assertEqual(paths_of(self.tables, "ExportTableToPointInTime"), ["TableArn"])
        self.assertEqual(paths_of(self.tables, "ListExports"), ["TableArn"])
        self.assertEqual(paths_of(self.tables, "PutResourcePolicy"), ["ResourceArn"])

    def test_nested_tables(self):
        self.assertEqual(paths_of(self.tables, "TransactGetItems"), ["TransactItems.[].Get.TableName"])
        self.assertEqual(sorted(paths_of(self.tables, "TransactWriteItems")),
                         sorted("TransactItems.[].%s.TableName" % a
                                for a in ("ConditionCheck", "Put", "Delete", "Update")))
        self.assertEqual(paths_of(self.tables, "ImportTable"), ["TableCreationParameters.TableName"])

    def test_a_transaction_walks_its_items_once(self):
        body = table_arguments_body(self.tables["TransactWriteItems"])
        self.assertEqual(body[0], "for (const auto& e0 : r.GetTransactItems()) {")
        self.assertEqual(sum(line.startswith("for") for line in body), 1)
        self.assertIn("  detail::AddTableArgument(out, e0.GetPut().GetTableName());", body)

    def test_cursors_and_sources_are_not_the_calls_table(self):
        self.assertEqual(paths_of(self.tables, "ListTables"), [])
        self.assertEqual(paths_of(self.tables, "ListGlobalTables"), [])
        self.assertEqual(paths_of(self.tables, "CreateTable"), ["TableName"])
        self.assertEqual(paths_of(self.tables, "RestoreTableToPointInTime"), ["TargetTableName"])

    def test_partiql_names_its_tables_in_text(self):
        for op in ("ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction"):
            self.assertEqual(paths_of(self.tables, op), [], op)


class Refusals(unittest.TestCase):
    """What the analysis does not know stops the generator, naming what to decide."""

    def setUp(self):
        self.m = Model()
        self.m.raw = copy.deepcopy(self.m.raw)
        self.m.shapes, self.m.operations = self.m.raw["shapes"], self.m.raw["operations"]

    def add_operation(self, name, members, errors=("ResourceNotFoundException",)):
        self.m.shapes[name + "Input"] = {"type": "structure", "members": members}
        self.m.operations[name] = {"name": name, "input": {"shape": name + "Input"},
                                   "errors": [{"shape": e} for e in errors]}

    def test_a_table_member_of_an_unknown_shape(self):
        self.m.shapes["SomeString"] = {"type": "string"}
        self.add_operation("ExportThings", {"SourceTableArn": {"shape": "SomeString"}})
        with self.assertRaisesRegex(TableMemberError, r"ExportThings: member SourceTableArn looks like it names a table"):
            check_table_members(self.m)

    def test_an_operation_answering_a_tables_errors_without_a_table(self):
        self.m.shapes["Statement"] = {"type": "string"}
        self.add_operation("RunThings", {"Statement": {"shape": "Statement"}})
        with self.assertRaisesRegex(TableMemberError, r"RunThings answers ResourceNotFoundException but no member"):
            check_table_members(self.m)

    def test_an_operation_without_a_tables_errors_may_name_none(self):
        self.m.shapes["Statement"] = {"type": "string"}
        self.add_operation("DescribeThings", {"Statement": {"shape": "Statement"}}, errors=("InternalServerError",))
        self.assertEqual(check_table_members(self.m)["DescribeThings"], [])

    def test_a_stale_exclusion(self):
        self.m.shapes["ListTablesInput"]["members"].pop("ExclusiveStartTableName")
        with self.assertRaisesRegex(TableMemberError, r"NOT_THE_CALLS_TABLE names ListTables ExclusiveStartTableName"):
            check_table_members(self.m)


if __name__ == "__main__":
    unittest.main()
