#!/usr/bin/env python3
"""The arrows between dynafake's headers point one way; this check fails when
one points back.

    python3 tools/check_layers.py [--root DIR]

The core (components/, detail/, model/, expression/, generated/) includes the
standard library and the core only: no third-party header, no front (wire,
http, aws_sdk, gmock, testing), and the components never the Service or the
Client they are assembled into. The two definitions headers that implement a
public class (detail/service_impl.hpp: Service; detail/gmock_impl.hpp:
MockClient) may include that class's header. Prints every arrow that points
the wrong way and exits 1 when there is one.
"""
import argparse
import os
import re
import sys

CORE = ("components", "detail", "model", "expression", "generated")
# public headers of the core a core file may include (what they declare is core too)
CORE_PUBLIC = {"dynafake/options.hpp", "dynafake/stats.hpp", "dynafake/date_time.hpp", "dynafake/clock.hpp",
               "dynafake/object_store.hpp",
               "dynafake/faults.hpp", "dynafake/journal.hpp", "dynafake/limits.hpp"}
# a definitions header may include the one public header whose class it defines
IMPLEMENTS = {"dynafake/detail/service_impl.hpp": {"dynafake/service.hpp"},
              "dynafake/detail/gmock_impl.hpp": {"dynafake/gmock.hpp"}}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def problems(root):
    out = []
    inc = os.path.join(root, "include")
    for folder in CORE:
        base = os.path.join(inc, "dynafake", folder)
        for dirpath, _, files in os.walk(base):
            for name in sorted(files):
                if not name.endswith(".hpp"):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, inc).replace(os.sep, "/")
                allowed_extra = IMPLEMENTS.get(rel, set())
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for kind, target in INCLUDE.findall(text):
                    if rel == "dynafake/detail/gmock_impl.hpp" and kind == "<" and target.startswith("gmock/"):
                        continue  # MockClient's definitions use gMock, as gmock.hpp does
                    if kind == "<":
                        if "/" in target or "." in target:
                            out.append("%s includes <%s>: the core includes only the standard library" % (rel, target))
                        continue
                    if target in allowed_extra:
                        continue
                    top = target.split("/")[1] if target.count("/") >= 2 else None
                    if top in CORE or target in CORE_PUBLIC:
                        continue
                    out.append('%s includes "%s": the core never includes a front, the Service or the Client'
                               % (rel, target))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = parser.parse_args()
    found = problems(args.root)
    for p in found:
        print(p)
    if found:
        print("%d arrow(s) point the wrong way (see tools/check_layers.py)" % len(found))
        return 1
    print("the core's includes point one way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
