#!/usr/bin/env python3
"""Pulls operations (or single shapes) from botocore's full DynamoDB service
model into dynafake's subset, tools/dynamodb-2012-08-10-backup-subset.json.

    python3 tools/add_shape.py Query UpdateItem    # serve two more operations
    python3 tools/add_shape.py --shape TimeToLiveSpecification
    python3 tools/add_shape.py                     # re-pull what the subset has

The subset keeps the operations it had, in their order (the order of
DYNAFAKE_FOR_EACH_OPERATION), then the new ones; and every shape those
operations reach (input, output, errors, recursively), sorted by name, plus
the shapes asked for with --shape. AWS's documentation prose is left out: only
facts are kept. One fact is taken from the prose, because the model has no
field for it: the calls per second an operation's documentation states ("You
can call CreateBackup at a maximum rate of 50 times per second"), recorded as
"dynafake": {"callsPerSecond": 50} on the operation. The botocore version the
model came from is recorded as "dynafake": {"botocoreVersion": ...} at the top.
Then run
tools/generate_model.py and tools/generate_wire.py (see CONTRIBUTING.md).
"""
import argparse
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SUBSET = os.path.join(HERE, "dynamodb-2012-08-10-backup-subset.json")
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
# "at a maximum rate of 50 times per second", "a maximum of five times per second"
RATE = re.compile(r"(?:at a maximum rate of|a maximum of) (\d+|[a-z]+) times per second")


def botocore_version():
    import botocore  # installed with boto3 (Debian: python3-botocore)

    return botocore.__version__


def botocore_model():
    import botocore  # installed with boto3 (Debian: python3-botocore)

    base = os.path.join(os.path.dirname(botocore.__file__), "data", "dynamodb", "2012-08-10", "service-2.json")
    if os.path.exists(base):
        with open(base) as f:
            return json.load(f)
    with gzip.open(base + ".gz") as f:
        return json.load(f)


def strip_prose(value):
    if isinstance(value, dict):
        return {k: strip_prose(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [strip_prose(v) for v in value]
    return value


def documented_rate(operation):
    match = RATE.search(re.sub(r"<[^>]+>", "", operation.get("documentation", "")))
    if not match:
        return 0
    n = match.group(1)
    return int(n) if n.isdigit() else WORDS.get(n, 0)


def reach(full, shape, into):
    if shape in into:
        return
    into.add(shape)
    s = full["shapes"][shape]
    for member in s.get("members", {}).values():
        reach(full, member["shape"], into)
    for key in ("member", "key", "value"):
        if key in s:
            reach(full, s[key]["shape"], into)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("operations", nargs="*", help="operations to add (e.g. Query)")
    ap.add_argument("--shape", action="append", default=[], help="a shape to add on its own (repeatable)")
    ap.add_argument("--subset", default=SUBSET, help="the subset file to update")
    args = ap.parse_args()

    full = botocore_model()
    with open(args.subset) as f:
        subset = json.load(f)
    operations = list(subset["operations"]) + [op for op in args.operations if op not in subset["operations"]]
    for op in operations:
        if op not in full["operations"]:
            sys.exit("add_shape.py: botocore's model has no operation %r" % op)
    # shapes already there stay (some were added on their own), plus what the operations reach
    shapes = set(subset["shapes"])
    for name in args.shape:
        if name not in full["shapes"]:
            sys.exit("add_shape.py: botocore's model has no shape %r" % name)
        reach(full, name, shapes)
    for op in operations:
        spec = full["operations"][op]
        for key in ("input", "output"):
            if key in spec:
                reach(full, spec[key]["shape"], shapes)
        for error in spec.get("errors", []):
            reach(full, error["shape"], shapes)

    out = {"metadata": full["metadata"], "dynafake": {"botocoreVersion": botocore_version()},
           "operations": {}, "shapes": {}}
    for op in operations:
        spec = strip_prose(full["operations"][op])
        rate = documented_rate(full["operations"][op])
        if rate:
            spec["dynafake"] = {"callsPerSecond": rate}
        out["operations"][op] = spec
    for name in sorted(shapes):
        out["shapes"][name] = strip_prose(full["shapes"][name])
    with open(args.subset, "w") as f:
        json.dump(out, f, indent=1)
    added = [op for op in operations if op not in subset["operations"]]
    new_shapes = sorted(shapes - set(subset["shapes"]))
    print("subset from botocore %s: %d operations (%s new), %d shapes (%d new)" % (
        botocore_version(), len(operations), ", ".join(added) or "none", len(shapes), len(new_shapes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
