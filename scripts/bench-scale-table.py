#!/usr/bin/env python3
"""The scale table of issue 13: whole-process `ncverify solve` against the mpmath anchor, side by side.

For each shape (K = 50, 200, 1000, 8142) it runs `java -Xmx.. -jar target/ncverify.jar solve ...` RUNS times
(default 3) and reports the median wall time and the peak of the USED Java heap (from the JVM's own GC log,
-Xlog:gc and gc+heap+exit: the largest "used before collection" of any pause and the used heap at exit; not
RSS). In the same run it times the mpmath anchor on the same instance: mpmath solves the secular equation
1 = (1/N) sum_k n_k^2 / (n_k - mu) per root on its interlacing interval (bisection, then findroot), takes the
tied sizes exactly, then p*(s_i) for i <= r by the scalar law of SPEC section 2 (L = 1 soft threshold,
L >= 2 largest root of (s - p) p^((L-1)/(L+1)) = N lambda_bar above s_crit) and f*, at the solve's digits.
Where the estimated mpmath time (a few roots timed and extrapolated) exceeds the cap, it prints
"mpmath: not run (estimated N s)". It also prints how many digits of f* agree between the two.

Each solve runs through ./ncverify, the README's command (JVM options passed in NCVERIFY_JAVA_OPTS), unless --jar.

usage: scripts/bench-scale-table.sh [--runs 3] [--cap 600] [--only 50,200] [--jar] [--java-opts OPTS]   (env NCVERIFY_JAR, NCVERIFY_SHARED)
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter

import mpmath
from mpmath import mp

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("NCVERIFY_JAR", os.path.join(HERE, "target", "ncverify.jar"))
SHARED = os.environ.get("NCVERIFY_SHARED", os.path.join(HERE, "..", "shared"))


def shapes():
    """(label, K, -Xmx, solve arguments, digits); the sizes of a preset come from the jar itself."""
    case7 = json.load(open(os.path.join(SHARED, "reference-cases.json")))[6]["instance"]
    tail200 = [round(1e5 * 1000 ** (-k / 199)) for k in range(200)]
    return [
        ("K=50 reference case 7 (5000..50), d=64 L=2, 60 digits", 50, "1g",
         ["--sizes", ",".join(map(str, case7["sizes"])), "--dim", str(case7["dim"]), "--depth", str(case7["depth"]),
          "--lambda-w", repr(case7["lambdaW"]), "--lambda-h", repr(case7["lambdaH"]), "--digits", "60"], 60),
        ("K=200 tail round(1e5*1000^(-k/199)), d=2 L=1, lambda 1e-5 (2 directions survive), 60 digits", 200, "1g",
         ["--sizes", ",".join(map(str, tail200)), "--dim", "2", "--depth", "1", "--lambda-w", "1e-5",
          "--lambda-h", "1e-5", "--digits", "60"], 60),
        ("K=200 same tail, lambda 1e-3 (nothing survives: p* = 0), 60 digits", 200, "1g",
         ["--sizes", ",".join(map(str, tail200)), "--dim", "2", "--depth", "1", "--lambda-w", "1e-3",
          "--lambda-h", "1e-3", "--digits", "60"], 60),
        ("K=1000 --preset imagenet-lt, d=512 L=2, 30 digits", 1000, "1g",
         ["--preset", "imagenet-lt", "--dim", "512", "--depth", "2", "--lambda-w", "1e-5", "--lambda-h", "1e-5",
          "--digits", "30"], 30),
        ("K=8142 --preset inat2018-like, d=512 L=2, 30 digits", 8142, "4g",
         ["--preset", "inat2018-like", "--dim", "512", "--depth", "2", "--lambda-w", "1e-5", "--lambda-h", "1e-5",
          "--digits", "30"], 30),
    ]


def peak_heap_mib(log):
    """Largest used heap seen by the GC log: before any pause, after it, and at exit (MiB)."""
    peak = 0.0
    unit = {"K": 1 / 1024, "M": 1.0, "G": 1024.0}
    for m in re.finditer(r"(\d+)([KMG])->(\d+)([KMG])\(", log):
        peak = max(peak, int(m.group(1)) * unit[m.group(2)], int(m.group(3)) * unit[m.group(4)])
    for m in re.finditer(r"used (\d+)K", log):  # gc+heap+exit: "garbage-first heap total ..K, used ..K"
        peak = max(peak, int(m.group(1)) / 1024)
    return peak


def run_solve(xmx, args, launcher, extra=()):
    """One whole-process solve: (wall seconds, peak used heap MiB, parsed JSON result, exit status).

    With `launcher`, through ./ncverify as a user runs it (the JVM options in NCVERIFY_JAVA_OPTS; the launcher
    adds its class-data archive); else `java -jar` on the jar."""
    with tempfile.TemporaryDirectory() as tmp:
        gc = os.path.join(tmp, "gc.log")
        opts = [f"-Xmx{xmx}", f"-Xlog:gc,gc+heap+exit:file={gc}", *extra]
        env = dict(os.environ)
        if launcher:
            env["NCVERIFY_JAVA_OPTS"] = " ".join(opts)
            cmd = [os.path.join(HERE, "ncverify"), "solve", *args, "--format", "json"]
        else:
            cmd = ["java", *opts, "-jar", JAR, "solve", *args, "--format", "json"]
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t0
        log = open(gc).read() if os.path.exists(gc) else ""
    if p.returncode not in (0, 1, 3):
        sys.exit(f"solve failed (exit {p.returncode}): {p.stderr.strip()}")
    return wall, peak_heap_mib(log), json.loads(p.stdout), p.returncode


class Anchor:
    """The mpmath computation of spectrum, p* and f* for one instance (its own code, nothing from ncverify)."""

    def __init__(self, inst, digits):
        self.sizes = inst["sizes"]
        self.depth = inst["depth"]
        self.r = min([len(self.sizes), inst["dim"]] + list(inst.get("widths") or []))
        self.digits = digits
        mp.dps = digits + 5
        self.groups = sorted(Counter(self.sizes).items(), reverse=True)  # (c, multiplicity), decreasing c
        self.n = sum(self.sizes)
        lam = mpmath.mpf(1)
        for x in [inst["lambdaH"]] + (inst["lambdaW"] if isinstance(inst["lambdaW"], list)
                                      else [inst["lambdaW"]] * self.depth):
            lam *= mpmath.mpf(str(x))
        self.lam_bar = lam ** (mpmath.mpf(1) / (self.depth + 1))

    def secular(self, mu):
        return 1 - mpmath.fsum(m * mpmath.mpf(c) ** 2 / (c - mu) for c, m in self.groups) / self.n

    def root(self, j):
        """mu in (c_{j+1}, c_j): f > 0 just above c_{j+1}, < 0 just below c_j."""
        a, b = mpmath.mpf(self.groups[j + 1][0]), mpmath.mpf(self.groups[j][0])
        for _ in range(30):
            mid = (a + b) / 2
            if self.secular(mid) > 0:
                a = mid
            else:
                b = mid
        return mpmath.findroot(self.secular, (a + b) / 2)

    def eigenvalues(self, count=None):
        """All K eigenvalues of A (decreasing), or only the first `count` secular roots when timing."""
        out = []
        d = len(self.groups)
        for j, (c, m) in enumerate(self.groups):
            out += [mpmath.mpf(c)] * (m - 1)
            if j < d - 1:
                out.append(self.root(j))
                if count is not None and j + 1 >= count:
                    return out
        return out + [mpmath.mpf(0)]

    def p_star(self, s):
        L, nl = self.depth, self.n * self.lam_bar
        if L == 1:
            return max(s - nl, mpmath.mpf(0))
        e = mpmath.mpf(L - 1) / (L + 1)
        s_crit = (nl * L * (mpmath.mpf(L) / (L - 1)) ** e) ** (mpmath.mpf(L + 1) / (2 * L))
        if s <= s_crit:
            return mpmath.mpf(0)
        g = lambda p: (s - p) * p ** e - nl  # decreasing on ((L-1) s / L, s): its root is the largest one
        a, b = (L - 1) * s / L, s
        for _ in range(30):
            mid = (a + b) / 2
            a, b = (mid, b) if g(mid) > 0 else (a, mid)
        return mpmath.findroot(g, (a + b) / 2)

    def objective(self, mus):
        L = self.depth
        f = mpmath.mpf(0)
        for i, mu in enumerate(mus):
            s = mpmath.sqrt(mu) if mu > 0 else mpmath.mpf(0)
            p = self.p_star(s) if i < self.r else mpmath.mpf(0)
            f += (p - s) ** 2 / (2 * self.n) + mpmath.mpf(L + 1) / 2 * self.lam_bar * p ** (mpmath.mpf(2) / (L + 1))
        return f

    def solve(self):
        return self.objective(self.eigenvalues())

    def estimate(self, sample=4):
        """Seconds for the whole anchor, from `sample` timed roots (roots dominate: O(D) per evaluation)."""
        roots = len(self.groups) - 1
        t0 = time.perf_counter()
        self.eigenvalues(count=min(sample, roots))
        return (time.perf_counter() - t0) / max(1, min(sample, roots)) * roots


def agreeing_digits(a, b):
    a, b = mpmath.mpf(a), mpmath.mpf(b)
    if a == b:
        return mp.dps
    return int(mpmath.floor(-mpmath.log10(abs(a - b) / abs(b))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cap", type=float, default=600.0, help="largest estimated mpmath time (s) that is run")
    ap.add_argument("--only", default="", help="comma-separated K values, e.g. 50,200")
    ap.add_argument("--jar", action="store_true", help="java -jar target/ncverify.jar instead of the ./ncverify launcher")
    ap.add_argument("--java-opts", default="", help="more JVM options for every solve, e.g. -XX:TieredStopAtLevel=1")
    opt = ap.parse_args()
    launcher = not opt.jar
    if launcher:  # the launcher builds its class-data archive on its first run: not part of any timed run
        subprocess.run([os.path.join(HERE, "ncverify"), "--version"], capture_output=True, check=True)
    only = {int(k) for k in opt.only.split(",") if k}
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"# bench-scale-table {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}: {os.cpu_count()} cores ({cpu}),"
          f" {java}, mpmath {mpmath.__version__} ({mpmath.libmp.BACKEND}), load average at start {load}, {opt.runs} runs,"
          f" {'./ncverify (launcher, class-data archive)' if launcher else 'java -jar target/ncverify.jar'}"
          f"{', JVM options ' + opt.java_opts if opt.java_opts else ''}")
    print()
    print("| shape | -Xmx | solve wall (median) | runs | peak used heap (max) | claims | mpmath (same spectrum, p*, f*) | ratio mpmath/solve | f* digits agreeing |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, k, xmx, args, digits in shapes():
        if only and k not in only:
            continue
        runs = [run_solve(xmx, args, launcher, opt.java_opts.split()) for _ in range(opt.runs)]
        walls = [r[0] for r in runs]
        out = runs[-1][2]
        claims = " ".join(f"{c['id']}:{c['status']}" for c in out["claims"])
        wall = statistics.median(walls)
        anchor = Anchor(out["instance"], digits)
        est = anchor.estimate()
        if est > opt.cap:
            mp_cell, ratio, agree = f"not run (estimated {est:.0f} s)", "-", "-"
        else:
            t0 = time.perf_counter()
            f_star = anchor.solve()
            mp_time = time.perf_counter() - t0
            mp_cell, ratio = f"{mp_time:.2f} s", f"{mp_time / wall:.1f}"
            agree = str(min(agreeing_digits(out["objective"], f_star), digits))
        print(f"| {label} | {xmx} | {wall:.2f} s | {', '.join(f'{w:.2f}' for w in walls)} |"
              f" {max(r[1] for r in runs):.0f} MiB | {claims} | {mp_cell} | {ratio} | {agree} |", flush=True)


if __name__ == "__main__":
    main()
