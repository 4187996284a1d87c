#!/usr/bin/env python3
"""Start-up of the CLI, cold and side by side: `hoist --version`, `hoist render overlays/prod` and
`kubectl kustomize overlays/prod`, each run RUNS times, interleaved (one run of each in turn, so load
from other work on the machine falls on all of them alike); prints the medians and the ratio of the
render to kubectl's.

usage: bench/startup/run.py [RUNS]        (default 30; needs `mvn package` and kubectl on PATH)
       OTHER=/path/to/another/checkout/hoist bench/startup/run.py
              also times another build's launcher (before/after a change) in the same rounds
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    hoist = os.path.join(ROOT, "hoist")
    cases = [
        ("hoist --version", [hoist, "--version"]),
        ("hoist render overlays/prod", [hoist, "render", "overlays/prod"]),
        ("kubectl kustomize overlays/prod", ["kubectl", "kustomize", "overlays/prod"]),
    ]
    other = os.environ.get("OTHER")
    if other:
        cases += [
            ("other: hoist --version", [other, "--version"]),
            ("other: hoist render overlays/prod", [other, "render", "overlays/prod"]),
        ]
    for _, command in cases:  # warm-up: page cache, the class-data sharing archive
        for _ in range(3):
            run(command)
    times = {name: [] for name, _ in cases}
    for _ in range(runs):
        for name, command in cases:
            times[name].append(run(command))
    load = os.getloadavg()[0]
    print(f"| command | median (ms) | min (ms) | runs: {runs}, load average {load:.1f} |")
    print("| --- | ---: | ---: | --- |")
    for name, _ in cases:
        print(f"| `{name}` | {statistics.median(times[name]):.1f} | {min(times[name]):.1f} | |")
    render = statistics.median(times["hoist render overlays/prod"])
    kubectl = statistics.median(times["kubectl kustomize overlays/prod"])
    print(f"\nrender / kubectl: {render / kubectl:.2f}x")


def run(command):
    start = time.perf_counter_ns()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter_ns() - start) / 1e6
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.decode()}")
    return elapsed


if __name__ == "__main__":
    main()
