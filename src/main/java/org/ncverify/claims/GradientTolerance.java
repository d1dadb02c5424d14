package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;

/**
 * The tolerance rule of an optimizer's double point (proofs-notes/optimizer-tolerances.md).
 * Its entries are exact binary values judged at the reference's precision P, so the checks' own
 * rounding is 10^-(P - slack) as for any candidate; what separates the point from the
 * minimizer set is its distance to it, bounded through the gradient:
 * <pre>
 *   eta   = ||grad f(x)||_2         (all W_l, all N columns, b; at precision P)
 *   delta = eta / lambda_min,       lambda_min = min(lambda_H, lambda_{W_1}, ..., lambda_{W_L})
 *   tol(slack) = min(CAP, A delta) + 10^-(P - slack)
 * </pre>
 * delta is a proven bound for the within-class spread (C1: g_i - g_j = (W^T W / N + lambda_H I)
 * (h_i - h_j), so ||h_i - h_j|| &lt;= ||g_i - g_j|| / lambda_H &lt;= 2 eta / lambda_H), and
 * the balance (C9) and the bias (C2) residuals have similar first-order bounds; for the
 * spectral claims (C3-C7) it is the first-order distance of a point with gradient eta from a
 * minimizer where the penalty's curvature lambda_min dominates, a heuristic. A = 100 covers the
 * norms of the factors in those bounds (measured ratios in the note); CAP = 1e-4 keeps the
 * tolerance from becoming vacuous: a poorly converged point fails instead of passing anything.
 */
final class GradientTolerance {
    /** The digits a double carries (reported as the subject's digits). */
    static final int DOUBLE_DIGITS = 15;
    /** Amplification A of delta. */
    static final long AMPLIFICATION = 100;
    /** Largest gradient part of a tolerance. */
    static final String CAP = "1e-4";

    private GradientTolerance() {
    }

    static Tolerance of(Subject subject, int slack) {
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Instance inst = subject.instance();
        Apfloat lambdaMin = p.of(inst.lambdaH());
        for (int l = 1; l <= inst.depth(); l++) {
            Apfloat lw = p.of(inst.lambdaW(l));
            if (lw.compareTo(lambdaMin) < 0) {
                lambdaMin = lw;
            }
        }
        Apfloat eta = subject.evaluation().gradient().norm();
        Apfloat delta = h.divide(eta, lambdaMin);
        Apfloat grad = h.multiply(delta, p.of(AMPLIFICATION));
        Apfloat cap = p.ofDecimal(CAP);
        boolean capped = grad.compareTo(cap) > 0;
        if (capped) {
            grad = cap;
        }
        Tolerance rounding = Tolerance.fromDigits(p.digits(), slack);
        return Tolerance.of(h.add(grad, rounding.value()),
            "gradient rule: min(1e-4, 100 ||grad f|| / lambda_min) + 10^-(P-" + Math.min(slack, p.digits() / 2)
                + "), ||grad f|| = " + Precision.formatScientific(eta, 3) + ", lambda_min = "
                + Precision.formatScientific(lambdaMin, 3) + (capped ? " (capped: the point is far from stationary)" : ""));
    }
}
