#!/usr/bin/env python3
"""Median of the measurement iterations of each benchmark in a JMH JSON result (-rf json).

usage: python3 scripts/bench-medians.py target/jmh-spectrum.json
"""
import json
import statistics
import sys

for run in json.load(open(sys.argv[1])):
    metric = run["primaryMetric"]
    samples = [x for fork in metric["rawData"] for x in fork]
    params = ",".join(f"{k}={v}" for k, v in sorted(run.get("params", {}).items()))
    name = run["benchmark"].rsplit(".", 1)[-1] + (f"[{params}]" if params else "")
    print(f"{name:45s} {run['mode']:5s} median {statistics.median(samples):10.2f} {metric['scoreUnit']}"
          f"  (min {min(samples):.2f}, max {max(samples):.2f}, n={len(samples)})")
