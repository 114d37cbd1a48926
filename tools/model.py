"""Reads the DynamoDB service model and answers the questions every generator asks.

The model file beside this script is botocore's service model for the
operations dynafake serves, with AWS's documentation prose removed: only the
facts (shapes, members, constraints, errors) are kept.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_PATH = os.path.join(HERE, "dynamodb-2012-08-10-backup-subset.json")

# Shapes written by hand because the SDK gives them a hand-made surface.
HAND_WRITTEN = {"AttributeValue"}

# Enum values that collide with common macros get a trailing underscore, as in aws-sdk-cpp.
MACRO_NAMES = {"NULL", "TRUE", "FALSE", "DELETE", "IN", "OUT", "ERROR", "DOMAIN"}


# The order in which the service prints an enum's values in "Member must satisfy
# enum value set: [...]" where it is not the model's order (the service's own
# set iteration order: it cannot be derived from the model, only observed). Each
# must list exactly the model's values (Model.enum_value_set refuses otherwise).
PRINTED_VALUE_SETS = {
    # architect/dynalite validations/putItem.js (checked against the service);
    # nubo-db/dynoxide's test pinned against real DynamoDB (eu-west-2, 2026)
    "ReturnValue": (["ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"]),
    # architect/dynalite validations/putItem.js, query.js, scan.js and test/query.js, test/scan.js
    "ComparisonOperator": (["IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE",
                            "BEGINS_WITH", "GE", "CONTAINS"]),
    # architect/dynalite validations/putItem.js, query.js, scan.js
    "ConditionalOperator": (["OR", "AND"]),
    # architect/dynalite validations/query.js, scan.js and test/query.js
    "Select": (["SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"]),
    # architect/dynalite test/createTable.js 'should return ValidationException for SS in attr definition'
    "ScalarAttributeType": (["B", "N", "S"]),
}


class Writer:
    """Collects the lines of one generated file."""

    def __init__(self):
        self.lines = []

    def __call__(self, text=""):
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines) + "\n"


class Model:
    def __init__(self, path=MODEL_PATH):
        with open(path) as f:
            self.raw = json.load(f)
        self.shapes = self.raw["shapes"]
        self.operations = self.raw["operations"]
        self.target_prefix = self.raw["metadata"]["targetPrefix"]
        self.input_shapes = {op["input"]["shape"]: name for name, op in self.operations.items()}
        self.output_shapes = {
            op["output"]["shape"]: name for name, op in self.operations.items() if "output" in op
        }

    # ---- naming ---------------------------------------------------------
    def class_name(self, shape):
        if shape in self.input_shapes:
            return self.input_shapes[shape] + "Request"
        if shape in self.output_shapes:
            return self.output_shapes[shape] + "Result"
        return shape

    @staticmethod
    def enum_value(value):
        ident = value.upper().replace("-", "_").replace(".", "_").replace(":", "_")
        return ident + "_" if ident in MACRO_NAMES else ident

    @staticmethod
    def lower_camel(name):
        return name[0].lower() + name[1:]

    @staticmethod
    def upper_camel(name):
        return name[0].upper() + name[1:]

    # ---- classification --------------------------------------------------
    def is_exception(self, shape):
        return bool(self.shapes[shape].get("exception"))

    def is_enum(self, shape):
        s = self.shapes[shape]
        return s["type"] == "string" and "enum" in s

    def enum_value_set(self, shape):
        """The enum's values in the order the service prints them (PRINTED_VALUE_SETS, else the model's)."""
        values = self.shapes[shape]["enum"]
        printed = PRINTED_VALUE_SETS.get(shape)
        if printed is None:
            return list(values)
        if sorted(printed) != sorted(values):
            raise ValueError("PRINTED_VALUE_SETS[%s] lists %s but the model has %s: observe the service's order again"
                             % (shape, printed, values))
        return list(printed)

    def enums(self):
        return sorted(n for n in self.shapes if self.is_enum(n))

    def exceptions(self):
        return sorted(n for n in self.shapes if self.is_exception(n))

    def structures(self):
        """Structures to generate, in an order where each follows what it holds by value."""
        wanted = [
            n
            for n, s in self.shapes.items()
            if s["type"] == "structure" and not self.is_exception(n) and n not in HAND_WRITTEN
        ]
        order, seen = [], set()

        def visit(name):
            if name in seen or name in HAND_WRITTEN:
                return
            seen.add(name)
            for dep in self.value_dependencies(name):
                visit(dep)
            if name in wanted:
                order.append(name)

        for n in sorted(wanted):
            visit(n)
        # operations without an output still get an empty result
        return order

    def value_dependencies(self, shape):
        s = self.shapes[shape]
        out = []
        if s["type"] == "structure":
            for m in s["members"].values():
                out.extend(self._held(m["shape"]))
        return sorted(set(out))

    def _held(self, shape):
        s = self.shapes[shape]
        if s["type"] == "structure":
            return [shape]
        if s["type"] == "list":
            return self._held(s["member"]["shape"])
        if s["type"] == "map":
            return self._held(s["value"]["shape"])
        return []

    # ---- C++ types ---------------------------------------------------------
    def cpp_type(self, shape):
        s = self.shapes[shape]
        t = s["type"]
        if t == "string":
            return self.class_name(shape) if "enum" in s else "std::string"
        if t == "boolean":
            return "bool"
        if t == "integer":
            return "int"
        if t == "long":
            return "long long"
        if t == "double":
            return "double"
        if t == "timestamp":
            return "DateTime"
        if t == "blob":
            return "ByteBuffer"
        if t == "list":
            return "std::vector<%s>" % self.cpp_type(s["member"]["shape"])
        if t == "map":
            return "std::map<std::string, %s>" % self.cpp_type(s["value"]["shape"])
        if t == "structure":
            return self.class_name(shape)
        raise ValueError("unknown shape type %s for %s" % (t, shape))

    def is_scalar(self, shape):
        s = self.shapes[shape]
        return s["type"] in ("boolean", "integer", "long", "double") or self.is_enum(shape)

    # ---- per-operation facts the Service's pipeline needs --------------------
    def input_members(self, op):
        return self.shapes[self.operations[op]["input"]["shape"]]["members"]

    def backup_argument(self, op):
        """How a request names the backup the call is about, or None."""
        return "r.GetBackupArn()" if "BackupArn" in self.input_members(op) else None

    def documented_rate(self, op):
        """Calls per second the service documents for the operation (recorded in
        the subset by tools/add_shape.py from the operation's documentation), or 0."""
        return self.operations[op].get("dynafake", {}).get("callsPerSecond", 0)

    def members(self, shape):
        s = self.shapes[shape]
        required = set(s.get("required", []))
        for name, m in s["members"].items():
            yield name, m["shape"], name in required
