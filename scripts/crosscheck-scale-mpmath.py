#!/usr/bin/env python3
"""Independent cross-check at K = 1000 (issue 13): singular values of Yhat from `ncverify solve`
against mpmath at 40 digits on a seeded sample of indices, mpmath solving the secular equation
1 = (1/N) sum_k n_k^2 / (n_k - mu) in its own code (bisection on the interlacing interval, then
findroot), tied sizes compared with sqrt(size) exactly.

Usage: python3 scripts/crosscheck-scale-mpmath.py [samples=50] [seed=2026]   (env NCVERIFY_JAR)
"""
import json, os, random, subprocess, sys
from collections import Counter
import mpmath

samples = int(sys.argv[1]) if len(sys.argv) > 1 else 50
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jar = os.environ.get("NCVERIFY_JAR", os.path.join(here, "target", "ncverify.jar"))
K = 1000
sizes = [round(1e5 * 1000 ** (-k / 999)) for k in range(K)]
cmd = ["java", "-Xmx1g", "-jar", jar, "solve", "--sizes", ",".join(map(str, sizes)), "--dim", "512", "--depth", "2",
       "--lambda-w", "1e-6", "--lambda-h", "1e-6", "--digits", "40", "--format", "json"]
out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
mpmath.mp.dps = 60
groups = Counter(sizes)
N = sum(sizes)
def f(mu):
    return 1 - sum(m * mpmath.mpf(c) ** 2 / (c - mu) for c, m in groups.items()) / N
rng = random.Random(seed)
idx = sorted(rng.sample(range(K - 1), samples))
worst = mpmath.mpf(0)
for i in idx:
    lo, hi = out["interlacingIntervals"][i]
    ours = mpmath.mpf(out["singularValues"][i])
    if lo == hi:
        ref = mpmath.sqrt(lo)
    else:
        a, b = mpmath.mpf(lo), mpmath.mpf(hi)
        for _ in range(60):  # bisection: f > 0 just above lo, f < 0 just below hi
            mid = (a + b) / 2
            if f(mid) > 0:
                a = mid
            else:
                b = mid
        ref = mpmath.sqrt(mpmath.findroot(f, (a + b) / 2))
    rel = abs(ours - ref) / ref
    worst = max(worst, rel)
print(f"K = {K}: {samples} sampled singular values (seed {seed}), largest relative difference to mpmath "
      f"{mpmath.nstr(worst, 3)} (40 digits claimed: {'OK' if worst < mpmath.mpf('1e-39') else 'FAIL'})")
sys.exit(0 if worst < mpmath.mpf("1e-39") else 1)
