#!/usr/bin/env python3
"""Draws bench/compare's results as a PNG: per operation, the median per call
of each client, on a log scale.

    python3 bench/compare_chart.py bench/results/compare.json bench/results/compare.png

Runs under any python3 with matplotlib (Debian: python3-matplotlib);
bench/compare calls it.
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ORDER = ["dynafake in process", "dynafake through the wire", "moto in process (boto3)",
         "dynafake-server, raw client", "moto_server, raw client", "dynafake-server, boto3", "moto_server, boto3"]
OPS = ["CreateTable", "PutItem", "CreateBackup", "DescribeBackup", "ListBackups, all pages", "RestoreTableFromBackup",
       "DescribeTable, C++ keep-alive client", "start to first answer"]


def main(json_path, png_path):
    with open(json_path) as f:
        data = json.load(f)
    results = data["results"]
    clients = [c for c in ORDER if c in results] + sorted(c for c in results if c not in ORDER)
    ops = [op for op in OPS if any(op in results[c] for c in clients)]
    fig, ax = plt.subplots(figsize=(13, 6))
    width = 0.8 / len(clients)
    for i, client in enumerate(clients):
        xs, ys = [], []
        for j, op in enumerate(ops):
            if op in results[client]:
                xs.append(j + (i - (len(clients) - 1) / 2) * width)
                ys.append(results[client][op]["median_ns"] / 1e3)
        ax.bar(xs, ys, width, label=client, color=plt.cm.tab10(i % 10), hatch="//" if "moto" in client else "")
    ax.set_yscale("log")
    ax.set_ylabel("median per call, µs (log scale)")
    ax.set_xticks(range(len(ops)))
    ax.set_xticklabels(ops, rotation=12)
    ax.grid(axis="y", which="major", alpha=0.3)
    ax.legend(fontsize=8, ncol=2)
    ax.set_title("dynafake and moto, same calls, same machine (%s)" % data["meta"]["date"][:10])
    fig.text(0.01, 0.01, "%s — %s" % (data["meta"]["command"], data["meta"]["machine"]), fontsize=7, color="gray")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(png_path, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
