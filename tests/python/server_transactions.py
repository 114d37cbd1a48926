#!/usr/bin/env python3
"""dynafake-server's transactions against boto3: TransactWriteItems and
TransactGetItems as a Python user calls them.

A money transfer that commits, one cancelled by a failed condition (the
TransactionCanceledException boto3 raises, with its CancellationReasons in
action order and nothing written), a retry under the same ClientRequestToken
that writes once, the same token with another request, the token forgotten
after ten minutes of the server's clock, the requests refused whole, doubled
capacity, and a fault rule that cancels with a TransactionConflict.

Run:   python3 -m unittest -v server_transactions          (from tests/python)
A missing boto3 fails the run, saying what to install.
"""
import unittest

from server_support import DynafakeServer, require_clients

require_clients()  # fails the module (never skips) with what to install

import botocore.exceptions  # noqa: E402


def transfer(amount, transfer_id="t1", token=None):
    """Moves `amount` from alice to bob, only if alice has it, and records it in the ledger."""
    amount = {":amount": {"N": str(amount)}}
    request = {"TransactItems": [
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "alice"}},
                    "UpdateExpression": "SET balance = balance - :amount",
                    "ConditionExpression": "balance >= :amount", "ExpressionAttributeValues": amount}},
        {"Update": {"TableName": "accounts", "Key": {"id": {"S": "bob"}},
                    "UpdateExpression": "SET balance = balance + :amount", "ExpressionAttributeValues": amount}},
        {"Put": {"TableName": "ledger", "Item": {"id": {"S": transfer_id}, "amount": amount[":amount"]},
                 "ConditionExpression": "attribute_not_exists(id)"}}]}
    if token:
        request["ClientRequestToken"] = token
    return request


class Transactions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DynafakeServer(["--instant"]).start()
        cls.ddb = cls.server.boto3_client()

    @classmethod
    def tearDownClass(cls):
        cls.ddb.close()
        status = cls.server.stop()
        if status != 0:
            raise AssertionError("dynafake-server exited with %r; stderr: %s" % (status, "".join(cls.server.stderr_lines)))

    def setUp(self):
        self.server.admin("POST", "/reset")
        for table in ("accounts", "ledger"):
            self.ddb.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                                  AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                  KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
        self.ddb.put_item(TableName="accounts", Item={"id": {"S": "alice"}, "balance": {"N": "100"}})
        self.ddb.put_item(TableName="accounts", Item={"id": {"S": "bob"}, "balance": {"N": "20"}})

    def balance(self, who):
        item = self.ddb.get_item(TableName="accounts", Key={"id": {"S": who}}, ConsistentRead=True).get("Item")
        return int(item["balance"]["N"]) if item else None

    def error(self, call, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as ctx:
            call(**kwargs)
        return ctx.exception.response

    def test_a_money_transfer_commits_every_write(self):
        self.ddb.transact_write_items(**transfer(30))
        self.assertEqual((self.balance("alice"), self.balance("bob")), (70, 50))
        self.assertIn("Item", self.ddb.get_item(TableName="ledger", Key={"id": {"S": "t1"}}))

    def test_a_money_transfer_cancelled_by_a_failed_condition_writes_nothing(self):
        with self.assertRaises(self.ddb.exceptions.TransactionCanceledException) as ctx:
            self.ddb.transact_write_items(**transfer(150))
        response = ctx.exception.response
        self.assertEqual(response["Error"]["Code"], "TransactionCanceledException")
        self.assertEqual(response["Error"]["Message"], "Transaction cancelled, please refer cancellation reasons for "
                                                       "specific reasons [ConditionalCheckFailed, None, None]")
        self.assertEqual(response["CancellationReasons"], [
            {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"},
            {"Code": "None"}, {"Code": "None"}])
        self.assertEqual((self.balance("alice"), self.balance("bob")), (100, 20))
        self.assertNotIn("Item", self.ddb.get_item(TableName="ledger", Key={"id": {"S": "t1"}}))

    def test_a_failed_condition_can_return_the_item(self):
        request = transfer(150)
        request["TransactItems"][0]["Update"]["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
        response = self.error(self.ddb.transact_write_items, **request)
        self.assertEqual(response["CancellationReasons"][0]["Item"], {"id": {"S": "alice"}, "balance": {"N": "100"}})

    def test_a_retry_with_the_same_token_applies_once(self):
        self.ddb.transact_write_items(**transfer(30, token="transfer-0001"))
        self.server.admin("POST", "/clock/advance", {"seconds": 540})
        self.ddb.transact_write_items(**transfer(30, token="transfer-0001"))  # the SDK's retry: no second transfer
        self.assertEqual((self.balance("alice"), self.balance("bob")), (70, 50))

        response = self.error(self.ddb.transact_write_items, **transfer(40, token="transfer-0001"))
        self.assertEqual(response["Error"]["Code"], "IdempotentParameterMismatchException")
        self.assertEqual((self.balance("alice"), self.balance("bob")), (70, 50))

        self.server.admin("POST", "/clock/advance", {"seconds": 60})  # ten minutes: the token is forgotten
        self.ddb.transact_write_items(**transfer(40, "t2", token="transfer-0001"))
        self.assertEqual((self.balance("alice"), self.balance("bob")), (30, 90))

    def test_requests_refused_whole(self):
        put = {"Put": {"TableName": "ledger", "Item": {"id": {"S": "a"}}}}
        response = self.error(self.ddb.transact_write_items, TransactItems=[put, put])
        self.assertEqual(response["Error"]["Code"], "ValidationException")
        self.assertEqual(response["Error"]["Message"], "Transaction request cannot include multiple operations on one item")
        response = self.error(self.ddb.transact_write_items, TransactItems=[
            put, {"Delete": {"TableName": "nowhere", "Key": {"id": {"S": "a"}}}}])
        self.assertEqual(response["Error"]["Code"], "ResourceNotFoundException")
        response = self.error(self.ddb.transact_get_items, TransactItems=[
            {"Get": {"TableName": "accounts", "Key": {"name": {"S": "alice"}}}}])
        self.assertEqual(response["Error"]["Message"], "The provided key element does not match the schema")
        self.assertNotIn("Item", self.ddb.get_item(TableName="ledger", Key={"id": {"S": "a"}}))

    def test_transact_get_items_and_doubled_capacity(self):
        got = self.ddb.transact_get_items(TransactItems=[
            {"Get": {"TableName": "accounts", "Key": {"id": {"S": "bob"}}}},
            {"Get": {"TableName": "ledger", "Key": {"id": {"S": "absent"}}}},
            {"Get": {"TableName": "accounts", "Key": {"id": {"S": "alice"}}, "ProjectionExpression": "balance"}}],
            ReturnConsumedCapacity="TOTAL")
        self.assertEqual(got["Responses"], [{"Item": {"id": {"S": "bob"}, "balance": {"N": "20"}}}, {},
                                            {"Item": {"balance": {"N": "100"}}}])
        self.assertEqual(got["ConsumedCapacity"], [{"TableName": "accounts", "CapacityUnits": 4.0},
                                                   {"TableName": "ledger", "CapacityUnits": 2.0}])
        wrote = self.ddb.transact_write_items(**transfer(1), ReturnConsumedCapacity="TOTAL")
        self.assertEqual(wrote["ConsumedCapacity"], [{"TableName": "accounts", "CapacityUnits": 4.0},
                                                     {"TableName": "ledger", "CapacityUnits": 2.0}])

    def test_a_fault_rule_cancels_with_a_transaction_conflict(self):
        self.server.admin("POST", "/faults", {"operation": "TransactWriteItems", "error": "TransactionCanceledException",
                                              "times": 1})
        response = self.error(self.ddb.transact_write_items, **transfer(30))
        self.assertEqual([r["Code"] for r in response["CancellationReasons"]], ["TransactionConflict", "None", "None"])
        self.assertEqual((self.balance("alice"), self.balance("bob")), (100, 20))
        self.ddb.transact_write_items(**transfer(30))
        self.assertEqual(self.balance("alice"), 70)


if __name__ == "__main__":
    unittest.main()
