#!/usr/bin/env python3
"""What including dynafake costs a test file to compile: user CPU and peak
memory of one translation unit, for the TUs a test suite is made of.

    python3 bench/compile_cost.py [--build DIR] [--runs N] [--build-type-flags]

Compiles each TU once (or N times, keeping the fastest) with the compiler and
CMAKE_CXX_FLAGS of an existing build tree (default ./build), at -O0 as a test
build compiles (--build-type-flags adds the build type's flags too, e.g. -g),
under /usr/bin/time -v, and prints user CPU seconds and peak memory per TU.
Compiles only (-c): nothing is linked or run. The TUs:

  gtest           #include <gtest/gtest.h> and one TEST (the floor)
  gtest+json      the same with <nlohmann/json.hpp> and one parse
  client          <dynafake/dynafake.hpp>, one Client, one CreateBackup
  mock            <dynafake/gmock.hpp>, one NiceMock<MockClient>, one call
  client, header-only   the client TU with DYNAFAKE_HEADER_ONLY (no compiled part)
  compiled part: core   the parts of dynafake::dynafake (one TU per definitions
                        header in detail/implementation.hpp), summed, and the largest
  compiled part: gmock  src/gmock.cpp, compiled once per build (dynafake::gmock)

Timings are not pass/fail; this is a benchmark, not a test. On a busy machine
run it with --runs 3.
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GTEST = """#include <gtest/gtest.h>
TEST(Cost, Nothing) { EXPECT_EQ(1, 1); }
"""
GTEST_JSON = """#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
TEST(Cost, OneParse) { EXPECT_EQ(nlohmann::json::parse(R"({"a": 1})")["a"], 1); }
"""
CLIENT = """#include <gtest/gtest.h>
#include <dynafake/dynafake.hpp>
TEST(Cost, OneBackup) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  dynafake::Client client(service);
  auto out = client.CreateBackup(dynafake::Model::CreateBackupRequest().WithTableName("orders").WithBackupName("b"));
  EXPECT_FALSE(out.IsSuccess()) << out;
}
"""
MOCK = """#include <gtest/gtest.h>
#include <dynafake/gmock.hpp>
TEST(Cost, OneMockCall) {
  dynafake::ManualClock clock;
  dynafake::Service service(clock);
  testing::NiceMock<dynafake::MockClient> client(service);
  auto out = client.CreateBackup(dynafake::Model::CreateBackupRequest().WithTableName("orders").WithBackupName("b"));
  EXPECT_FALSE(out.IsSuccess()) << out;
}
"""


def cache_value(cache, name, default=""):
    m = re.search(r"^%s(?::[A-Z]+)?=(.*)$" % re.escape(name), cache, re.M)
    return m.group(1).strip() if m else default


def measure(command, runs):
    """(user seconds, peak KB) of the fastest of `runs` compiles."""
    best = None
    for _ in range(runs):
        if shutil.which("/usr/bin/time"):
            done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit("compile failed:\n%s\n%s" % (" ".join(command), done.stderr[-4000:]))
            user = float(re.search(r"User time \(seconds\): ([0-9.]+)", done.stderr).group(1))
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
        else:  # same figures, from the kernel's accounting of the compiler and its children
            proc = subprocess.Popen(command, stderr=subprocess.PIPE)
            _, status, usage = os.wait4(proc.pid, 0)
            if status != 0:
                sys.exit("compile failed: %s\n%s" % (" ".join(command), proc.stderr.read().decode()[-4000:]))
            user, peak = usage.ru_utime, usage.ru_maxrss
        if best is None or user < best[0]:
            best = (user, peak)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="a configured build tree (default ./build)")
    ap.add_argument("--runs", type=int, default=1, help="compile each TU this many times, keep the fastest")
    ap.add_argument("--build-type-flags", action="store_true", help="add CMAKE_CXX_FLAGS_<BUILD_TYPE> (e.g. -g)")
    args = ap.parse_args()

    cache_path = os.path.join(args.build, "CMakeCache.txt")
    if not os.path.exists(cache_path):
        sys.exit("no CMakeCache.txt in %s: configure a build first (cmake -S . -B build)" % args.build)
    with open(cache_path) as f:
        cache = f.read()
    compiler = cache_value(cache, "CMAKE_CXX_COMPILER", "c++")
    flags = shlex.split(cache_value(cache, "CMAKE_CXX_FLAGS"))
    if args.build_type_flags:
        build_type = cache_value(cache, "CMAKE_BUILD_TYPE", "Debug").upper()
        flags += shlex.split(cache_value(cache, "CMAKE_CXX_FLAGS_" + build_type))
    base = [compiler] + flags + ["-std=c++17", "-O0", "-I" + os.path.join(ROOT, "include")]
    print("compiler: %s" % " ".join(base))

    with tempfile.TemporaryDirectory() as tmp:
        def tu(name, text):
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(text)
            return path

        rows = [
            ("gtest", [tu("gtest.cpp", GTEST)]),
            ("gtest+json", [tu("json.cpp", GTEST_JSON)]),
            ("client", [tu("client.cpp", CLIENT)]),
            ("mock", [tu("mock.cpp", MOCK)]),
            ("client, header-only", ["-DDYNAFAKE_HEADER_ONLY", os.path.join(tmp, "client.cpp")]),
            ("compiled part: gmock", [os.path.join(ROOT, "src", "gmock.cpp")]),
        ]
        print("%-22s %10s %10s" % ("TU", "user CPU", "peak mem"))
        for name, source in rows:
            user, peak = measure(base + ["-c"] + source + ["-o", os.devnull], args.runs)
            print("%-22s %9.2fs %7d MB" % (name, user, peak // 1024))
        # the core's compiled part: what a full build pays (the sum) and what an
        # edit to one component pays (that part alone; the largest shown)
        parts = []
        with open(os.path.join(ROOT, "include", "dynafake", "detail", "implementation.hpp")) as f:
            for header in re.findall(r'^#include "(dynafake/.*_impl\.hpp)"$', f.read(), re.M):
                text = '#include "dynafake/dynafake.hpp"\n#include "%s"\n' % header
                part = tu(os.path.basename(header).replace(".hpp", ".cpp"), text)
                parts.append((os.path.basename(header), measure(base + ["-c", part, "-o", os.devnull], args.runs)))
        total = sum(user for _, (user, _) in parts)
        name, (user, peak) = max(parts, key=lambda p: p[1][0])
        print("%-22s %9.2fs %7d MB  (%d parts; the largest, %s: %.2f s)" %
              ("compiled part: core", total, max(p for _, (_, p) in parts) // 1024, len(parts), name, user))
    return 0


if __name__ == "__main__":
    sys.exit(main())
