#!/usr/bin/env python3
"""The "generic eigensolver" figure: mpmath's mp.eigsy on A = diag(n) - n n^T / N for the
50-class long-tail reference case (7th case of ../shared/reference-cases.json: 5000, 4551, ..., 50)
at 60 digits (mp.dps = 60). Prints the median wall time of 3 runs and the first singular values
s_i = sqrt(mu_i) for a cross-check against YhatSpectrum / reference-cases.json.

usage (from the project directory): python3 scripts/bench-mpmath.py [path/to/reference-cases.json]
"""
import json
import os
import statistics
import sys
import time

import mpmath
from mpmath import mp

RUNS = 3
CASE = 7  # 1-based index in reference-cases.json


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("NCVERIFY_SHARED", "../shared"), "reference-cases.json")
    cases = json.load(open(path))
    case = cases[CASE - 1]
    sizes = case["instance"]["sizes"]
    expected = case["expected"]["singularValues"]
    mp.dps = 60
    k = len(sizes)
    total = sum(sizes)
    # exact rationals rounded once to 60 digits: A_ij = delta_ij n_i - n_i n_j / N
    a = mp.matrix(k, k)
    for i in range(k):
        for j in range(k):
            a[i, j] = (mp.mpf(sizes[i]) if i == j else 0) - mp.mpf(sizes[i] * sizes[j]) / total
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        e, q = mp.eigsy(a)
        times.append(time.perf_counter() - t0)
    mus = sorted((e[i] for i in range(k)), reverse=True)
    svals = [mp.sqrt(mu) if mu > 0 else mp.mpf(0) for mu in mus]
    print(f"mpmath {mpmath.__version__} eigsy, K={k}, dps={mp.dps}: median {statistics.median(times):.3f} s "
          f"over {RUNS} runs ({', '.join(f'{t:.3f}' for t in times)})")
    worst = None
    for i in range(k - 1):
        ref = mp.mpf(expected[i])
        rel = abs(svals[i] - ref) / ref
        worst = rel if worst is None or rel > worst else worst
    for i in range(3):
        print(f"s_{i + 1} = {mp.nstr(svals[i], 60)}")
        print(f"  ref {expected[i]}")
    print(f"mu_K (exact 0) from eigsy: {mp.nstr(mus[-1], 5)}")
    print(f"max relative difference to reference over s_1..s_{k - 1}: {mp.nstr(worst, 3)}")


if __name__ == "__main__":
    main()
