#!/usr/bin/env python3
"""The arrows between dynafake's headers point one way; this check fails when
one points back.

    python3 tools/check_layers.py [--root DIR]

The core (components/, detail/, model/, expression/, generated/) includes the
standard library and the core only: no third-party header, no front (wire,
http, aws_sdk, gmock, testing), and the components never the Service or the
Client they are assembled into. The two definitions headers that implement a
public class (detail/service_impl.hpp: Service; detail/client_impl.hpp: Client;
detail/gmock_impl.hpp: MockClient) may include that class's header.

Among the components the arrows form no cycle: the include graph of
components/*, each component's files taken as one node (x.hpp, x_impl.hpp and
the definitions headers PARTS names; the assembly — components.hpp,
components_impl.hpp, saved_state.hpp — is left out, it includes them all), has
no cycle but those KNOWN_CYCLES lists, each with why it is needed. A cycle
found is printed with the files that make each arrow; a known cycle that no
longer exists fails too, so the list stays true.

Prints every arrow that points the wrong way and exits 1 when there is one.
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
              "dynafake/detail/client_impl.hpp": {"dynafake/client.hpp"},
              "dynafake/detail/gmock_impl.hpp": {"dynafake/gmock.hpp"}}
# definitions headers of a component that are not named <component>_impl.hpp
PARTS = {"backup_records_impl": "backups",
         "table_lifecycle_impl": "tables", "table_schema_impl": "tables",
         "table_settings_impl": "tables", "table_tags_impl": "tables", "table_record": "tables"}
# the files that assemble the components: they include every one, and nothing includes them but the Service
ASSEMBLY = {"components", "components_impl", "saved_state"}
# component cycles that are needed, as the sorted tuple of the components in it -> why
KNOWN_CYCLES = {
    ("continuous_backups", "items"):
        "disabling point-in-time recovery drops the old versions (Items::CompactTable), and Items keeps versions "
        "as far back as the recovery window reaches (ContinuousBackups::RetentionStartMs)",
}
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


def component_of(name):
    """The component a file of components/ belongs to (its name without .hpp), or None for the assembly."""
    stem = name[:-len(".hpp")]
    if stem in ASSEMBLY:
        return None
    if stem in PARTS:
        return PARTS[stem]
    return stem[:-len("_impl")] if stem.endswith("_impl") else stem


def component_graph(root):
    """{component: {component it includes: [(file, included file), ...]}} among components/*."""
    base = os.path.join(root, "include", "dynafake", "components")
    graph = {}
    for name in sorted(os.listdir(base)):
        source = component_of(name) if name.endswith(".hpp") else None
        if source is None:
            continue
        graph.setdefault(source, {})
        with open(os.path.join(base, name), encoding="utf-8") as f:
            text = f.read()
        for kind, target in INCLUDE.findall(text):
            if kind != '"' or not target.startswith("dynafake/components/"):
                continue
            dest = component_of(target.rsplit("/", 1)[1])
            if dest is not None and dest != source:
                graph[source].setdefault(dest, []).append((name, target.rsplit("/", 1)[1]))
    return graph


def cycles(graph):
    """Every elementary cycle, each once: as the list of its components starting at the least (Johnson's idea,
    by brute force: the graph has a dozen nodes)."""
    found = set()
    out = []

    def walk(start, node, path, on_path):
        for nxt in sorted(graph.get(node, {})):
            if nxt == start:
                key = tuple(path)
                if key not in found:
                    found.add(key)
                    out.append(list(path))
            elif nxt > start and nxt not in on_path:
                on_path.add(nxt)
                path.append(nxt)
                walk(start, nxt, path, on_path)
                path.pop()
                on_path.discard(nxt)

    for start in sorted(graph):
        walk(start, start, [start], {start})
    return out


def cycle_problems(root, known=None):
    known = KNOWN_CYCLES if known is None else known
    graph = component_graph(root)
    out = []
    seen = set()
    for cycle in cycles(graph):
        key = tuple(sorted(set(cycle)))
        seen.add(key)
        if key in known:
            continue
        arrows = []
        for a, b in zip(cycle, cycle[1:] + cycle[:1]):
            made = ", ".join("%s includes %s" % e for e in graph[a][b])
            arrows.append("%s -> %s (%s)" % (a, b, made))
        out.append("components cycle %s: %s" % (" -> ".join(cycle + cycle[:1]), "; ".join(arrows)))
    for key in sorted(set(known) - seen):
        out.append("known cycle %s no longer exists: remove it from KNOWN_CYCLES in tools/check_layers.py"
                   % " <-> ".join(key))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = parser.parse_args()
    found = problems(args.root) + cycle_problems(args.root)
    for p in found:
        print(p)
    if found:
        print("%d arrow(s) point the wrong way or close a cycle (see tools/check_layers.py)" % len(found))
        return 1
    print("the core's includes point one way; the components form no cycle but %d known" % len(KNOWN_CYCLES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
