#!/usr/bin/env python3
"""Judge every checkpoint of a train_ufm.py run with `ncverify check` and print one table row each.

    python3 scripts/check_checkpoints.py --lambda-w 5e-3 --lambda-h 5e-3 /tmp/ufm2/ckpt_*.npz

Columns: the iteration, the relative objective gap (f - f*)/f*, ||grad f||, the residual and status
of C1 (within-class collapse), C2 (bias and global mean), C4 (spectrum) and C9 (balance), the
counts of PASS / FAIL / INCONCLUSIVE over C1-C11, and the point's NC1 and equinorm beside the
theory's equinorm. Runs ./ncverify from the checkout (builds it when needed).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lambda-w", required=True)
    ap.add_argument("--lambda-h", required=True)
    ap.add_argument("--digits", default="30")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    print("| iteration | (f - f*)/f* | ‖∇f‖ | C1 | C2 | C4 | C9 | PASS/FAIL/INC | NC1 | equinorm (theory) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for f in a.files:
        p = subprocess.run([os.path.join(HERE, "..", "ncverify"), "check", "--point", f, "--lambda-w", a.lambda_w,
                            "--lambda-h", a.lambda_h, "--digits", a.digits, "--format", "json"],
                           capture_output=True, text=True)
        if p.returncode not in (0, 1):
            sys.exit("check failed on %s: %s" % (f, p.stderr.strip()))
        out = json.loads(p.stdout)
        it = os.path.basename(f).split("_")[-1].split(".")[0].lstrip("0") or "0"
        claims = {c["id"]: c for c in out["claims"]}

        def cell(cid):
            c = claims[cid]
            return "%.1e %s" % (float(c["residual"]), c["status"][:4]) if c["residual"] is not None else c["status"]

        counts = [sum(1 for c in out["claims"] if c["status"] == s) for s in ("PASS", "FAIL", "INCONCLUSIVE")]
        m = out["metrics"]
        nc1 = m["nc1"]["point"]
        print("| %s | %.2e | %.2e | %s | %s | %s | %s | %d/%d/%d | %s | %.3f (%.3f) |" % (
            it, float(out["relativeGap"]), float(out["gradientNorm"]), cell("C1"), cell("C2"), cell("C4"), cell("C9"),
            counts[0], counts[1], counts[2], "%.1e" % nc1 if nc1 is not None else "undefined",
            m["equinorm"]["point"] if m["equinorm"]["point"] is not None else float("nan"), m["equinorm"]["theory"]))


if __name__ == "__main__":
    main()
