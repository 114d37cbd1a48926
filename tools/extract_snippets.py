#!/usr/bin/env python3
"""Extracts the ```cpp blocks of README.md (or a page of docs/) so the tests compile (and run) every one.

    python3 tools/extract_snippets.py README.md OUT_DIR

writes OUT_DIR/readme_<n>.cpp for each block (only when its text changed, so
builds stay incremental) and prints one line per block: `<n>|<kind>|<fronts>`
where kind is `gtest` (has TEST/TEST_F), `program` (has main) or `object`
(compile only), and fronts lists the optional headers it includes
(wire, gmock, testing, http, aws_sdk) so CMake can link the matching targets.
"""
import os
import re
import sys


def main():
    readme, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    text = open(readme, encoding="utf-8").read()
    blocks = re.findall(r"^```cpp\n(.*?)^```", text, flags=re.S | re.M)
    for n, block in enumerate(blocks, 1):
        path = os.path.join(out, "readme_%d.cpp" % n)
        name = os.path.basename(readme)
        body = "// Extracted from %s, code block %d. Edit %s, not this file.\n%s" % (name, n, name, block)
        if not os.path.exists(path) or open(path, encoding="utf-8").read() != body:
            with open(path, "w", encoding="utf-8") as f:
                f.write(body)
        if re.search(r"^\s*TEST(_F|_P)?\(", block, flags=re.M):
            kind = "gtest"
        elif re.search(r"\bint main\(", block):
            kind = "program"
        else:
            kind = "object"
        fronts = [f for f in ("wire", "gmock", "testing", "http", "aws_sdk") if "dynafake/%s.hpp" % f in block]
        print("%d|%s|%s" % (n, kind, ",".join(fronts)))
    # blocks removed from the README leave no stale files behind
    for name in os.listdir(out):
        m = re.match(r"readme_(\d+)\.cpp$", name)
        if m and int(m.group(1)) > len(blocks):
            os.remove(os.path.join(out, name))


if __name__ == "__main__":
    main()
