#!/usr/bin/env python3
"""Extracts the ```cpp blocks of README.md and docs/*.md so the tests compile (and run) every one.

    python3 tools/extract_snippets.py OUT_DIR README.md docs/gmock.md ...

writes OUT_DIR/<name>.cpp for each block (only when its text changed, so
builds stay incremental) and prints one line per block: `<name>|<kind>|<fronts>`
where name is `readme_<n>` for README.md's n-th block and `<page>_<n>` for a
page of docs/ (`gmock_2`, dashes as underscores), kind is `gtest` (has
TEST/TEST_F), `program` (has main) or `object` (compile only), and fronts lists
the optional headers it includes (wire, gmock, testing, http, aws_sdk) so
CMake can link the matching targets.
"""
import os
import re
import sys

FRONTS = ("wire", "gmock", "testing", "http", "aws_sdk")


def page_name(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    if os.path.basename(os.path.dirname(os.path.abspath(path))) == "docs":
        return "docs_" + re.sub(r"\W", "_", stem).lower()
    return re.sub(r"\W", "_", stem).lower()


def main():
    out, pages = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    written = set()
    for page in pages:
        text = open(page, encoding="utf-8").read()
        blocks = re.findall(r"^```cpp\n(.*?)^```", text, flags=re.S | re.M)
        shown = os.path.relpath(page, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        for n, block in enumerate(blocks, 1):
            name = "%s_%d" % (page_name(page), n)
            path = os.path.join(out, name + ".cpp")
            body = "// Extracted from %s, code block %d. Edit %s, not this file.\n%s" % (shown, n, shown, block)
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != body:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(body)
            written.add(name + ".cpp")
            if re.search(r"^\s*TEST(_F|_P)?\(", block, flags=re.M):
                kind = "gtest"
            elif re.search(r"\bint main\(", block):
                kind = "program"
            else:
                kind = "object"
            fronts = [f for f in FRONTS if "dynafake/%s.hpp" % f in block]
            print("%s|%s|%s" % (name, kind, ",".join(fronts)))
    # blocks removed from a page leave no stale files behind
    for name in os.listdir(out):
        if name.endswith(".cpp") and name not in written:
            os.remove(os.path.join(out, name))


if __name__ == "__main__":
    main()
