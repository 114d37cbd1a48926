#!/usr/bin/env python3
"""dynafake-server next to moto_server on this machine, same clients, same calls.

    python3 bench/server_compare.py --server build-rel/tools/dynafake-server/dynafake-server \\
                                    --bench build-rel/bench/bench_server_load

Prints, for both servers: start to first answer (spawn, poll GET / until it
answers), one DescribeTable per call through a raw keep-alive client
(bench_server_load's BM_RawKeepAliveCall, pointed at each server) and
through boto3, and the load percentiles of BM_KeepAliveLoad (64 and 256
connections x 100 calls) against dynafake-server. Medians; ratios are
moto / dynafake. A report, not a test: it asserts nothing. Needs boto3 and
moto[server] (moto_server).
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "python"))
from server_support import CLIENT_ENV  # noqa: E402

os.environ.update(CLIENT_ENV)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            return bool(s.recv(64))
    except OSError:
        return False


def start(cmd_for_port, timeout=30):
    """Spawns cmd_for_port(port); returns (process, port, seconds to the first answer)."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd_for_port(port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    while not answers(port):
        if time.perf_counter() - t0 > timeout or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("no answer from %s" % cmd_for_port(port))
    return proc, port, time.perf_counter() - t0


def stop(proc):
    proc.kill()
    proc.wait(timeout=10)


def boto3_per_call(port, calls):
    import boto3
    from botocore.config import Config
    ddb = boto3.client("dynamodb", endpoint_url="http://127.0.0.1:%d" % port, region_name="us-east-1",
                       config=Config(retries={"total_max_attempts": 1}))
    ddb.create_table(TableName="orders", BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
    for _ in range(20):  # warm up the connection pool and botocore's caches
        ddb.describe_table(TableName="orders")
    samples = []
    for _ in range(calls):
        t0 = time.perf_counter()
        ddb.describe_table(TableName="orders")
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def bench(binary, port, name):
    env = dict(os.environ, DYNAFAKE_BENCH_URL="http://127.0.0.1:%d" % port)
    done = subprocess.run([binary, "--benchmark_filter=%s" % name, "--benchmark_format=json"],
                          capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)["benchmarks"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", required=True, help="the dynafake-server binary (a Release build)")
    ap.add_argument("--bench", required=True, help="bench_server_load (a Release build)")
    ap.add_argument("--moto", default=shutil.which("moto_server") or "moto_server")
    ap.add_argument("--starts", type=int, default=20)
    ap.add_argument("--calls", type=int, default=300)
    args = ap.parse_args()

    dyn_cmd = lambda port: [args.server, "--port", str(port), "--instant", "--log-level", "error"]  # noqa: E731
    moto_cmd = lambda port: [args.moto, "-p", str(port)]  # noqa: E731
    rows = []

    starts = {"dynafake-server": [], "moto_server": []}
    for name, cmd, n in [("dynafake-server", dyn_cmd, args.starts), ("moto_server", moto_cmd, max(3, args.starts // 4))]:
        for _ in range(n):
            proc, _, seconds = start(cmd)
            starts[name].append(seconds)
            stop(proc)
    rows.append(("start to first answer (ms)", statistics.median(starts["dynafake-server"]) * 1e3,
                 statistics.median(starts["moto_server"]) * 1e3))

    per_call = {}
    load = []
    for name, cmd in [("dynafake-server", dyn_cmd), ("moto_server", moto_cmd)]:
        proc, port, _ = start(cmd)
        try:
            boto = boto3_per_call(port, args.calls)
            raw = bench(args.bench, port, "BM_RawKeepAliveCall")[0]["real_time"]
            per_call[name] = (raw, boto * 1e6)
            if name == "dynafake-server":
                load = bench(args.bench, port, "BM_KeepAliveLoad")
        finally:
            stop(proc)
    rows.append(("DescribeTable, raw keep-alive (us)", per_call["dynafake-server"][0], per_call["moto_server"][0]))
    rows.append(("DescribeTable, boto3 (us)", per_call["dynafake-server"][1], per_call["moto_server"][1]))

    print("%-38s %14s %14s %9s" % ("median", "dynafake", "moto_server", "ratio"))
    for what, dyn, moto in rows:
        print("%-38s %14.3f %14.3f %8.0fx" % (what, dyn, moto, moto / dyn))
    print("\nload on dynafake-server (DescribeTable, keep-alive, per-request latency in us):")
    for b in load:
        c = b
        print("  %-28s p50 %6.0f  p90 %6.0f  p99 %6.0f  max %7.0f  failed %d of %d" %
              (b["name"], c["p50_us"], c["p90_us"], c["p99_us"], c["max_us"], c["failed"], c["requests"]))


if __name__ == "__main__":
    main()
