#!/usr/bin/env python3
"""Train the L-extended unconstrained feature model with a bias by plain gradient descent.

The model of ../shared/SPEC.md section 1:

    f(W_1..W_L, H, b) = 1/(2N) ||W_L ... W_1 H + b 1^T - Y||_F^2
                        + sum_l lambda_W/2 ||W_l||_F^2 + lambda_H/2 ||H||_F^2

H is d x N (one column per sample), W_1 is d_1 x d, ..., W_L is K x d_{L-1}, b has K entries
(not regularised), Y is one-hot. numpy only. The start is seeded: every entry N(0, 1) * scale
(the bias starts at 0); the samples' columns are in a seeded random order (labels say which class
each column belongs to), as in a shuffled data set. Plain gradient descent with a fixed step,
the full gradient over all N columns, no momentum, as the numerical experiments of neural-collapse
papers do. Checkpoints are .npz files that `ncverify check --point FILE --lambda-w .. --lambda-h ..`
reads (H, W1..WL, b, labels; float64) with the run's settings beside them (arrays whose names start
with meta_, which check lists as ignored).

Example (the CIFAR-10-LT-shaped run of the README, rho = 10, scaled down):

    python3 scripts/train_ufm.py --lt 10,40,10 --dim 16 --depth 2 --lambda-w 5e-3 --lambda-h 5e-3 \
        --seed 0 --lr 0.5 --iterations 60000 --checkpoints 0,300,1000,3000,10000,30000 --out /tmp/ufm
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def long_tail(k, n_max, rho):
    """CIFAR-10-LT class sizes: n_k = floor(n_max * rho^(-k/(K-1))), k = 0..K-1 (n_max / n_min = rho)."""
    return [int(np.floor(n_max * rho ** (-i / (k - 1)))) for i in range(k)]


def objective_and_gradient(ws, h, b, y, lw, lh):
    n = h.shape[1]
    acts = [h]
    for w in ws:
        acts.append(w @ acts[-1])
    z = acts[-1] + b[:, None] - y
    f = 0.5 * np.sum(z * z) / n + 0.5 * lh * np.sum(h * h) + sum(0.5 * l * np.sum(w * w) for l, w in zip(lw, ws))
    g = z / n
    grads = [None] * len(ws)
    for l in range(len(ws) - 1, -1, -1):
        grads[l] = g @ acts[l].T + lw[l] * ws[l]
        g = ws[l].T @ g
    gh = g + lh * h
    gb = np.sum(z, axis=1) / n
    return f, grads, gh, gb


def save(path, ws, h, b, labels, meta):
    arrays = {"H": h, "b": b, "labels": labels.astype(np.int64)}
    for l, w in enumerate(ws):
        arrays["W%d" % (l + 1)] = w
    for key, value in meta.items():
        arrays["meta_" + key] = np.asarray(value)
    tmp = path + ".part.npz"
    np.savez(tmp, **arrays)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", help="class sizes n_1,...,n_K")
    ap.add_argument("--lt", help="long-tail sizes K,n_max,rho (CIFAR-10-LT: 10,5000,100 or 10,5000,10)")
    ap.add_argument("--dim", type=int, required=True)
    ap.add_argument("--depth", type=int, required=True)
    ap.add_argument("--widths", help="hidden widths d_1..d_{L-1} (default all --dim)")
    ap.add_argument("--lambda-w", type=float, required=True)
    ap.add_argument("--lambda-h", type=float, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scale", type=float, default=0.5, help="start: every entry N(0,1) * scale")
    ap.add_argument("--lr", type=float, default=0.5)
    ap.add_argument("--iterations", type=int, default=50000)
    ap.add_argument("--tol", type=float, default=1e-15, help="stop when ||grad f|| falls below this")
    ap.add_argument("--checkpoints", default="", help="iterations at which to save, e.g. 0,1000,10000 (the end is always saved)")
    ap.add_argument("--out", required=True, help="directory of the checkpoints (created; existing files are not overwritten)")
    a = ap.parse_args(argv)
    if (a.sizes is None) == (a.lt is None):
        ap.error("give exactly one of --sizes and --lt")
    if a.sizes:
        sizes = [int(s) for s in a.sizes.split(",")]
    else:
        k, n_max, rho = a.lt.split(",")
        sizes = long_tail(int(k), int(n_max), float(rho))
    if len(sizes) < 2 or min(sizes) < 1:
        ap.error("--sizes: K >= 2 positive sizes are required, got %s" % sizes)
    k = len(sizes)
    n = sum(sizes)
    widths = [int(w) for w in a.widths.split(",")] if a.widths else [a.dim] * (a.depth - 1)
    if len(widths) != a.depth - 1:
        ap.error("--widths: depth %d needs %d hidden widths" % (a.depth, a.depth - 1))
    dims = [a.dim] + widths + [k]
    rng = np.random.default_rng(a.seed)
    labels = rng.permutation(np.repeat(np.arange(k), sizes))
    y = np.zeros((k, n))
    y[labels, np.arange(n)] = 1.0
    h = rng.standard_normal((a.dim, n)) * a.scale
    ws = [rng.standard_normal((dims[l + 1], dims[l])) * a.scale for l in range(a.depth)]
    b = np.zeros(k)
    lw = [a.lambda_w] * a.depth
    marks = sorted({int(c) for c in a.checkpoints.split(",") if c.strip()})
    os.makedirs(a.out, exist_ok=True)
    meta = {"sizes": sizes, "dims": dims, "lambda_w": a.lambda_w, "lambda_h": a.lambda_h, "seed": a.seed,
            "scale": a.scale, "lr": a.lr}
    t0 = time.time()
    rows = []
    it = 0
    while True:
        f, gw, gh, gb = objective_and_gradient(ws, h, b, y, lw, a.lambda_h)
        gnorm = np.sqrt(sum(np.sum(g * g) for g in gw) + np.sum(gh * gh) + np.sum(gb * gb))
        done = it >= a.iterations or gnorm < a.tol or not np.isfinite(f)
        if it in marks or done:
            path = os.path.join(a.out, "ckpt_%06d.npz" % it)
            if os.path.exists(path):
                sys.exit("train_ufm.py: %s exists; not overwritten" % path)
            save(path, ws, h, b, labels, dict(meta, iteration=it, objective=f, gradient_norm=gnorm))
            rows.append({"iteration": it, "objective": f, "gradientNorm": gnorm, "file": path})
            print("%8d  f = %.15g  ||grad f|| = %.3e  %s" % (it, f, gnorm, path), flush=True)
        if done:
            break
        ws = [w - a.lr * g for w, g in zip(ws, gw)]
        h = h - a.lr * gh
        b = b - a.lr * gb
        it += 1
    if not np.isfinite(f):
        sys.exit("train_ufm.py: diverged (non-finite objective at iteration %d); lower --lr" % it)
    print(json.dumps({"sizes": sizes, "N": n, "dims": dims, "iterations": it, "seconds": round(time.time() - t0, 2),
                      "checkpoints": rows}))


if __name__ == "__main__":
    main()
