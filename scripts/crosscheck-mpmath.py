#!/usr/bin/env python3
"""Side-by-side check of `ncverify solve --format json` against an independent mpmath
computation at 30 more digits: singular values of Yhat (mp.eigsy on diag(n) - n n^T/N),
the scalar law p*(s) (mp.findroot on (s - p) p^((L-1)/(L+1)) = N lambda_bar, compared with
phi(0)), the threshold s_crit and the objective f* of claim C3. Seeded random instances.

usage (from the project directory): python3 scripts/crosscheck-mpmath.py [count] [digits] [seed]
Prints, per instance, the fewest significant digits on which the two agree; exits 1 if any
field agrees to fewer than `digits` - 1 digits.
"""
import json
import random
import subprocess
import sys

from mpmath import mp, mpf


def matching(a, b):
    a, b = mpf(a), mpf(b)
    if a == b:
        return 999
    if b == 0 or a == 0:
        return 0
    return int(-mp.log10(abs(a - b) / abs(b)))


def reference(sizes, dim, widths, depth, lw, lh):
    K, N = len(sizes), sum(sizes)
    n = [mpf(x) for x in sizes]
    A = mp.matrix(K, K)
    for i in range(K):
        for j in range(K):
            A[i, j] = (n[i] if i == j else 0) - n[i] * n[j] / N
    ev = sorted([max(e, mpf(0)) for e in mp.eigsy(A, eigvals_only=True)], reverse=True)
    ev[-1] = mpf(0)
    s = [mp.sqrt(e) for e in ev]
    lam = mpf(lh)
    for x in lw:
        lam *= mpf(x)
    L = depth
    lbar = lam ** (mpf(1) / (L + 1))
    r = min([K, dim] + widths)
    if L == 1:
        scrit = N * lbar
    else:
        scrit = (N * lbar * L * (mpf(L) / (L - 1)) ** (mpf(L - 1) / (L + 1))) ** (mpf(L + 1) / (2 * L))
    phi = lambda p, si: (p - si) ** 2 / (2 * N) + mpf(L + 1) / 2 * lbar * p ** (mpf(2) / (L + 1))
    ps, f = [], mpf(0)
    for i, si in enumerate(s):
        p = mpf(0)
        if i < r and si > scrit:
            if L == 1:
                p = si - N * lbar
            else:
                g = lambda q: si * q ** (L - 1) - q ** (2 * L) - N * lbar
                q = mp.findroot(g, si ** (mpf(1) / (L + 1)))
                p = q ** (L + 1)
        ps.append(p)
        f += phi(p, si) if p > 0 else si ** 2 / (2 * N)
    return s, ps, f, scrit


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    digits = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
    mp.dps = digits + 30
    worst_all = 999
    for t in range(count):
        K = rnd.randint(2, 12)
        sizes = [rnd.choice([1, 2, 3, 5, 8, 13, 100, 1000, 10**6]) for _ in range(K)]
        depth = rnd.randint(1, 5)
        dim = rnd.randint(1, K + 2)
        widths = [rnd.randint(1, K + 2) for _ in range(depth - 1)]
        lw = [rnd.choice(["1e-3", "5e-4", "2e-2", "1e-6", "0.1"]) for _ in range(depth)]
        lh = rnd.choice(["1e-3", "1e-4", "1e-2"])
        args = ["./ncverify", "solve", "--sizes", ",".join(map(str, sizes)), "--dim", str(dim), "--depth", str(depth),
                "--lambda-w", ",".join(lw), "--lambda-h", lh, "--digits", str(digits), "--format", "json"]
        if widths:
            args[6:6] = ["--widths", ",".join(map(str, widths))]
        out = subprocess.run(args, capture_output=True, text=True)
        if out.returncode not in (0, 1):
            print("instance", t, "exit", out.returncode, out.stderr.strip())
            worst_all = 0
            continue
        got = json.loads(out.stdout)
        s, ps, f, scrit = reference(sizes, dim, widths, depth, lw, lh)
        worst = min([matching(a, b) for a, b in zip(got["singularValues"], s)]
                    + [matching(a, b) for a, b in zip(got["productSingularValues"], ps)]
                    + [matching(got["objective"], f), matching(got["threshold"], scrit)])
        statuses = "".join(c["status"][0] for c in got["claims"])
        print(f"instance {t:3d} K={K:2d} L={depth} r={min([K, dim] + widths)}: agree to {worst if worst < 999 else 'all'} digits,"
              f" claims {statuses}  {' '.join(args[2:-4])}")
        worst_all = min(worst_all, worst)
    print("fewest matching digits over all instances:", worst_all if worst_all < 999 else "all")
    sys.exit(0 if worst_all >= digits - 1 else 1)


if __name__ == "__main__":
    main()
