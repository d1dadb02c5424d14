#!/usr/bin/env python3
"""Side-by-side timing of the independent optimizer against the scipy reference.

usage: python3 scripts/bench-optimizer.py [--starts 8] [--blas-threads 1] [config ...]
  config = "K d L lambda nmax ratio" (default: "6 16 2 1e-3 200 20" and "10 32 3 5e-4 500 50")

For each config, in one run: ../shared/anchors/scipy_ufm.py (scipy L-BFGS-B, maxcor 20, analytic
numpy gradient on the full objective) and `./ncverify optimize --format json` (our L-BFGS, memory 10),
both from seeded N(0, 1) * 1.0 starts (different generators: numpy default_rng(s) vs Java
SplittableRandom(s)) on the same long-tail sizes n_k = max(1, round(nmax * ratio^(-k/(K-1)))),
all weight decays = lambda, widths = d. Both report per start the wall time from the start of
the optimisation to the first iterate with |f - f*| / f* < 1e-10 (measured in-process); this
script prints the medians. Our JVM starts cold: start 0 includes JIT compilation, so the median
without start 0 is printed too. OpenBLAS gets --blas-threads threads (default 1: on this
2-core shared machine the default multi-threading made one evaluation ~13x slower).
"""
import argparse, json, os, re, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REFERENCE = os.path.join(ROOT, "..", "shared", "anchors", "scipy_ufm.py")


def longtail(K, nmax, ratio):
    return [max(1, round(nmax * ratio ** (-k / (K - 1)))) for k in range(K)]


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def scipy_run(cfg, starts, threads):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, REFERENCE, *cfg.split(), str(starts), "1.0"], capture_output=True,
                         text=True, env=env, check=True).stdout
    times, its, gaps = [], [], []
    for line in out.splitlines():
        m = re.match(r"start (\d+) seconds-to-1e-10 (\S+) iterations-to-1e-10 (\S+) final-gap (\S+)", line)
        if m:
            times.append(None if m.group(2) == "None" else float(m.group(2)))
            its.append(None if m.group(3) == "None" else int(m.group(3)))
            gaps.append(float(m.group(4)))
    return times, its, gaps


def our_run(cfg, starts):
    K, d, L, lam, nmax, ratio = cfg.split()
    sizes = ",".join(str(n) for n in longtail(int(K), int(nmax), float(ratio)))
    cmd = [os.path.join(ROOT, "ncverify"), "optimize", "--sizes", sizes, "--dim", d, "--depth", L, "--lambda-w", lam,
           "--lambda-h", lam, "--starts", str(starts), "--seed", "0", "--init-scale", "1.0", "--digits", "20",
           "--format", "json"]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode not in (0, 1):
        sys.exit("ncverify failed: " + res.stderr)
    j = json.loads(res.stdout)
    runs = j["runs"]
    claims = {c["id"]: c["status"] for c in j["claims"]}
    return ([r["secondsToGap"] for r in runs], [r["iterationsToGap"] if r["iterationsToGap"] >= 0 else None for r in runs],
            [r["relativeGap"] for r in runs], claims, j["counts"])


def fmt(x, spec=".3f"):
    return "-" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=8)
    ap.add_argument("--blas-threads", type=int, default=1)
    ap.add_argument("configs", nargs="*", default=["6 16 2 1e-3 200 20", "10 32 3 5e-4 500 50"])
    a = ap.parse_args()
    print("machine: nproc", os.cpu_count(), "|", subprocess.run("lscpu | grep 'Model name'", shell=True,
          capture_output=True, text=True).stdout.strip(), "| load", os.getloadavg())
    for cfg in a.configs:
        st, si, sg = scipy_run(cfg, a.starts, a.blas_threads)
        ot, oi, og, claims, counts = our_run(cfg, a.starts)
        print(f"\nconfig K d L lambda nmax ratio = {cfg}; sizes {longtail(int(cfg.split()[0]), int(cfg.split()[4]), float(cfg.split()[5]))}")
        print(f"{'start':>5}  {'scipy s':>8} {'its':>6} {'final gap':>10}   {'ours s':>8} {'its':>6} {'final gap':>10}")
        for i in range(a.starts):
            print(f"{i:>5}  {fmt(st[i]):>8} {fmt(si[i], 'd'):>6} {sg[i]:>10.2e}   {fmt(ot[i]):>8} {fmt(oi[i], 'd'):>6} {og[i]:>10.2e}")
        print(f"median seconds to gap 1e-10: scipy {fmt(median(st))} (reached {sum(t is not None for t in st)}/{a.starts}),"
              f" ours {fmt(median(ot))} (reached {sum(t is not None for t in ot)}/{a.starts});"
              f" without start 0 (JIT warm-up): scipy {fmt(median(st[1:]))}, ours {fmt(median(ot[1:]))}")
        print(f"median iterations to gap: scipy {fmt(median(si), '.0f')}, ours {fmt(median(oi), '.0f')};"
              f" our classes {dict((k, v) for k, v in counts.items() if v)}; claims on our best run {claims}")


if __name__ == "__main__":
    main()
