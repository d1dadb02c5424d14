#!/usr/bin/env python3
"""Independent cross-check of the spectrum of Yhat at K = 1000 (issue 13): the singular values
s_i = sqrt(mu_i) of Yhat for the 1000-class long tail round(1e5 * 1000^(-k/999)), k = 0..999,
on a seeded sample of 50 secular-root indices, computed by mpmath 1.3.0 alone: the secular
equation f(mu) = 1 - (1/N) sum_j m_j c_j^2 / (c_j - mu) = 0 (c_j the distinct sizes, m_j their
multiplicities) solved by mp.findroot (Anderson-Bjorck bracketing solver) in each interval
(c_{j+1}, c_j) at mp.dps = 70, printed to 40 significant digits. Nothing of ncverify is used.

Writes the fixture read by SpectrumMpmathCrossCheckTest:
  src/test/resources/org/ncverify/spectrum/mpmath-k1000-40.json

usage (from the project directory): python3 scripts/crosscheck-spectrum-mpmath.py [seed]
"""
import json
import random
import sys
import time

import mpmath
from mpmath import mp, mpf

K = 1000
DIGITS = 40
SAMPLE = 50
OUT = "src/test/resources/org/ncverify/spectrum/mpmath-k1000-40.json"


def sizes():
    # the same rule as the Java side: Math.round(1e5 * Math.pow(1000, -k / 999.0)); doubles
    # agree with Python floats, and no value here is a .5 tie
    return [int(round(1e5 * 1000.0 ** (-k / (K - 1)))) for k in range(K)]


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 2026
    n = sizes()
    total = sum(n)
    distinct = sorted(set(n), reverse=True)
    mult = {c: n.count(c) for c in distinct}
    mp.dps = DIGITS + 30
    weights = [(mpf(c), mpf(mult[c]) * mpf(c) ** 2) for c in distinct]
    big_n = mpf(total)

    def f(mu):
        return 1 - mp.fsum(w / (c - mu) for c, w in weights) / big_n

    # 0-based index, in the decreasing spectrum, of the root in (c_{j+1}, c_j): after the tied
    # copies of c_0..c_j (m_l - 1 each) and the roots of the intervals before it
    index_of = []
    at = 0
    for j, c in enumerate(distinct[:-1]):
        at += mult[c] - 1
        index_of.append(at)
        at += 1
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(distinct) - 1), SAMPLE))
    t0 = time.perf_counter()
    rows = []
    for j in chosen:
        lo, hi = mpf(distinct[j + 1]), mpf(distinct[j])
        eps = (hi - lo) * mpf(10) ** (-DIGITS - 20)
        a, b = lo + eps, hi - eps
        assert f(a) > 0 > f(b), j
        mu = mp.findroot(f, (a, b), solver="anderson", tol=mpf(10) ** (-2 * (DIGITS + 25)))
        assert lo < mu < hi and abs(f(mu)) < mpf(10) ** (-(DIGITS + 15)), (j, f(mu))
        rows.append({"index": index_of[j] + 1, "interval": [distinct[j + 1], distinct[j]],
                     "singularValue": mp.nstr(mp.sqrt(mu), DIGITS, strip_zeros=False, min_fixed=-1, max_fixed=20)})
    elapsed = time.perf_counter() - t0
    doc = {"schemaVersion": 1,
           "source": f"scripts/crosscheck-spectrum-mpmath.py {seed} (mpmath {mpmath.__version__}, "
                     f"findroot anderson at dps {mp.dps}, {elapsed:.1f} s)",
           "sizesRule": "round(1e5 * 1000^(-k/999)), k = 0..999",
           "classes": K, "total": total, "digits": DIGITS, "seed": seed, "roots": rows}
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print(f"K={K} N={total} D={len(distinct)}: {SAMPLE} roots at {DIGITS} digits in {elapsed:.1f} s -> {OUT}")


if __name__ == "__main__":
    main()
