#!/usr/bin/env python3
"""Checks that every error message text lives in a catalogue, and that every
catalogue entry is used.

    python3 tools/check_messages.py [--root ROOT]

The catalogues:
  include/dynafake/detail/messages.hpp                  the service's texts (namespace msg)
  include/dynafake/expression/expression_messages.hpp   the expression language's texts
  include/dynafake/wire/decode_error.hpp                the wire's SerializationException texts

Fails (naming file and line) when
  - a message-like string literal appears in code of a checked header outside
    the catalogues: a literal holding two words (letters, a space, letters).
    A literal that is no message (a shape's name, a printer's text, a
    programmer's error thrown as an exception) says so with the comment
    `// not a message` on its line, or on a comment line above it in the same
    block of lines (no blank line between);
  - an entry of a catalogue (an `inline std::string Name(` or a
    `constexpr const char* kName` in a namespace msg) is named nowhere else
    under include/ and nowhere else in its own catalogue: a dead text.

Checked: the core (components/, detail/, expression/, model/) and the wire
(wire.hpp, wire/), but for the headers NOT_YET_MOVED lists. Generated files
are not: their texts come from the model.
"""
import argparse
import collections
import os
import re
import sys

CATALOGUES = (
    "include/dynafake/detail/messages.hpp",
    "include/dynafake/expression/expression_messages.hpp",
    "include/dynafake/wire/decode_error.hpp",
)
CHECKED_FOLDERS = ("components", "detail", "expression", "model", "wire")
CHECKED_FILES = ("wire.hpp",)
MARKER = "not a message"
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
# Headers whose texts are not yet moved into a catalogue: dynafake's own
# parse errors of an import's DynamoDB JSON and gzip input (an import's
# FailureMessage) and of a LoadState snapshot (the exception LoadState
# throws). They are listed here so that the check passes meanwhile; moving
# them means deleting their line. Every other header is checked.
NOT_YET_MOVED = (
    "include/dynafake/detail/formats/dynamodb_json.hpp",
    "include/dynafake/detail/formats/gzip.hpp",
    "include/dynafake/wire/snapshot.hpp",
    # LoadState's texts for a malformed file, one header per component's JSON
    "include/dynafake/wire/snapshot/common.hpp",
    "include/dynafake/wire/snapshot/histories.hpp",
    "include/dynafake/wire/snapshot/tables.hpp",
    "include/dynafake/wire/snapshot/timeline.hpp",
)
ENTRY = re.compile(r"^\s*(?:inline\s+std::string\s+([A-Z]\w*)\s*\(|constexpr\s+const\s+char\s*\*\s*(k\w+)\s*=)", re.M)


def literals(text):
    """Yields (line, literal text, comment on that line) of every string literal in C++ code."""
    i, n, line = 0, len(text), 1
    comments = {}  # line -> comment text on it
    found = []
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            comments[line] = comments.get(line, "") + text[i:end]
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            comments[line] = comments.get(line, "") + text[i:end]
            line += text.count("\n", i, end)
            i = end
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            open_paren = text.find("(", i + 2)
            delim = text[i + 2:open_paren]
            end = text.find(")" + delim + '"', open_paren)
            end = n if end < 0 else end
            found.append((line, text[open_paren + 1:end]))
            line += text.count("\n", i, end)
            i = end + len(delim) + 2
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            found.append((line, text[i + 1:j]))
            i = j + 1
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'" and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == "#" and text.startswith("#include", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            comment = text.find("//", i, end)
            if comment >= 0:
                comments[line] = comments.get(line, "") + text[comment:end]
            i = end
        else:
            i += 1
    lines = text.split("\n")
    for ln, lit in found:
        yield ln, lit, comments.get(ln, "") + marker_above(lines, ln)


def marker_above(lines, ln):
    """The comment lines directly above line `ln`'s block of lines (up to a blank line) holding the marker."""
    i = ln - 2
    while i >= 0 and lines[i].strip():
        if lines[i].strip().startswith("//") and MARKER in lines[i]:
            return lines[i]
        i -= 1
    return ""


def message_like(literal):
    return bool(re.search(r"[A-Za-z]{2,} +[A-Za-z(\[{'\"]|[A-Za-z.:;,)] +[A-Za-z]{2,}", literal))


def checked_files(root):
    base = os.path.join(root, "include", "dynafake")
    out = [os.path.join(base, f) for f in CHECKED_FILES if os.path.exists(os.path.join(base, f))]
    for folder in CHECKED_FOLDERS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(base, folder)):
            dirnames[:] = sorted(d for d in dirnames if d != "generated")
            out += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".hpp")]
    skipped = {os.path.normpath(os.path.join(root, c)) for c in CATALOGUES + NOT_YET_MOVED}
    return [f for f in out if os.path.normpath(f) not in skipped]


def stray_literals(root):
    problems = []
    for path in checked_files(root):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        rel = os.path.relpath(path, root)
        for line, lit, comment in literals(text):
            if message_like(lit) and MARKER not in comment:
                problems.append('%s:%d: "%s" is a message outside the catalogues (%s); move it there, or mark it '
                                "`// %s`" % (rel, line, lit[:80], ", ".join(CATALOGUES), MARKER))
    return problems


def unused_entries(root):
    problems = []
    sources = {}
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, "include", "dynafake")):
        for f in filenames:
            if f.endswith(".hpp"):
                p = os.path.join(dirpath, f)
                with open(p, encoding="utf-8") as fh:
                    sources[os.path.normpath(p)] = fh.read()
    words = collections.Counter()  # every identifier under include/, counted once per occurrence
    for text in sources.values():
        words.update(IDENTIFIER.findall(text))
    for catalogue in CATALOGUES:
        path = os.path.normpath(os.path.join(root, catalogue))
        if path not in sources:
            problems.append("%s: the catalogue is missing" % catalogue)
            continue
        text = sources[path]
        for m in ENTRY.finditer(text):
            name = m.group(1) or m.group(2)
            if words[name] <= 1:  # its definition only
                line = text.count("\n", 0, m.start()) + 1
                problems.append("%s:%d: %s is in the catalogue but nothing uses it; delete it" % (catalogue, line, name))
    return problems


def stale_backlog(root):
    """A NOT_YET_MOVED header that is gone, or holds no message any more, leaves the list."""
    out = []
    for rel in NOT_YET_MOVED:
        path = os.path.join(root, rel)
        if not os.path.exists(path):
            out.append("%s: listed in NOT_YET_MOVED but missing; delete its line" % rel)
            continue
        with open(path, encoding="utf-8") as f:
            if not any(message_like(lit) and MARKER not in c for _, lit, c in literals(f.read())):
                out.append("%s: listed in NOT_YET_MOVED but holds no message; delete its line" % rel)
    return out


def problems(root):
    return stray_literals(root) + unused_entries(root) + stale_backlog(root)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = parser.parse_args()
    found = problems(args.root)
    for p in found:
        print(p)
    if found:
        print("check_messages: %d problem(s)" % len(found))
        return 1
    print("check_messages: every message is in a catalogue, and every catalogue entry is used")
    return 0


if __name__ == "__main__":
    sys.exit(main())
