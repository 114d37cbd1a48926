#!/usr/bin/env python3
"""Every file a comment or a page names exists (the `named_paths` test).

Scans the tracked text files (sources, CMake, scripts, docs) for repository
paths: a top-level folder followed by a file name with an extension
(`tests/unit/pitr_test.cpp`, `tools/amalgamate.py`) and the include-style
`dynafake/...hpp` (looked up under include/). A path that names no file of the
tree is reported with where it was named; the run fails then, and also when it
found no path at all (a scan that reads nothing cannot pass).

    python3 tools/check_paths.py [--root DIR]
"""
import argparse
import os
import re
import subprocess
import sys

TOP = r"(?:src|tests|tools|scripts|bench|docs|examples|fuzz|include/dynafake|cmake|single_include)"
REPO_PATH = re.compile(r"(?<![\w./<-])(" + TOP + r"/[A-Za-z0-9_./-]*[A-Za-z0-9_]\.(?:cpp|hpp|py|sh|md|json|jsonl|txt|cmake|in))\b")
INCLUDE_PATH = re.compile(r"(?<![\w./-])(dynafake/[A-Za-z0-9_/]+\.hpp)\b")
SCANNED = (".cpp", ".hpp", ".py", ".sh", ".md", ".txt", ".cmake", ".in", ".rst")
# Paths named on purpose although they are gone: (file, path) -> why.
HISTORY = {
    ("docs/compile-cost.md", "src/dynafake.cpp"): "the measurement of the core in one TU, before the parts",
}
# What each kind of path is relative to: the repository, or include/.
PATTERNS = ((REPO_PATH, "", ""), (INCLUDE_PATH, "include", " (under include/)"))


def tracked(root):
    out = subprocess.run(["git", "-C", root, "ls-files"], capture_output=True, text=True, check=True).stdout
    return [p for p in out.splitlines() if p.endswith(SCANNED) or os.path.basename(p) in ("run", "CMakeLists.txt")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    root = os.path.abspath(ap.parse_args().root)
    files = tracked(root)
    missing, seen = [], 0
    for rel in files:
        if rel.startswith(("tests/data/", "include/dynafake/generated/", "single_include/")) or rel == "tools/check_paths.py":
            continue  # recorded data and generated text name what their sources named
        try:
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for n, line in enumerate(lines, 1):
            for pattern, base, where in PATTERNS:
                for m in pattern.finditer(line):
                    seen += 1
                    path = m.group(1)
                    if not os.path.exists(os.path.join(root, base, path)) and (rel, path) not in HISTORY:
                        missing.append("%s:%d: %s%s" % (rel, n, path, where))
    if seen == 0:
        print("check_paths: found no path to check in %d files: the scan is broken" % len(files))
        return 1
    if missing:
        print("check_paths: %d named files do not exist:" % len(missing))
        print("\n".join("  " + m for m in missing))
        return 1
    print("check_paths: %d named paths in %d files, all present" % (seen, len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
