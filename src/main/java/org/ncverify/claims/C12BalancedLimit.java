package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarSolution;

/**
 * C12, balanced limit: with all n_k equal, Mbar is a simplex ETF (equal norms, cosines
 * -1/(K-1)) and the rows of W_L...W_1 are positive multiples of the centred class means
 * (self-duality).
 *
 * <p>Hypotheses, each checked from the instance and the theory (else NOT_APPLICABLE with the
 * reason): all n_k equal (then Yhat = sqrt(n)(I - 11^T/K) and s_1 = ... = s_{K-1} = sqrt(n));
 * bottleneck r &gt;= K-1 (otherwise only r of the K-1 tied directions survive, and which ones
 * is arbitrary); p*(sqrt n) &gt; 0 (otherwise the minimizer is W = 0, H = 0).
 *
 * <p>With x_k = sqrt(n) mbar_k the columns of X = Mbar D (D = sqrt(n) I here) and
 * W = W_L...W_1 (K x d), the residual is the largest of
 * <pre>  spread = (max_k ||x_k|| - min_k ||x_k||) / max_k ||x_k||,
 *  etf    = max_{i&lt;j} |cos(x_i, x_j) + 1/(K-1)|,
 *  dual   = || W^T / ||W||_F - X / ||X||_F ||_F,  </pre>
 * all scale-free and first order in a perturbation (for an inexact candidate {@code spread}
 * divides by max(max_k ||x_k||, 1), {@link Subject#scaleFloor()}). The theory gives W = gamma X^T with one
 * gamma &gt; 0 for every class, so {@code dual} measures the direction of each row and the common
 * multiple at once (a row-wise 1 - cos would be second order). A zero X or W where the theory
 * says positive is a FAIL with residual 1 and a detail, never 0/0; a zero class mean makes
 * {@code spread} = 1 (and its cosines are not formed).
 *
 * <p>At s = s_crit (L &gt;= 2) both p = 0 and the jump minimize phi: a candidate whose centred
 * means and product W both vanish to the tolerance (absolute) is read as the collapsed branch
 * and passes. A candidate taking different branches inside the tied block is also a global
 * minimizer but not an ETF: it FAILs (documented in proofs-notes, a hypothesis the statement
 * lacks). Tolerance {@code subject.tolerance(10)}.
 */
public final class C12BalancedLimit extends AbstractClaim {
    public C12BalancedLimit() {
        super("C12", "Balanced limit: with all n_k equal, Mbar is a simplex ETF (equal norms, cosines -1/(K-1))"
            + " and the rows of W_L...W_1 are positive multiples of the centred class means (self-duality)",
            "all n_k equal; bottleneck r >= K-1; p*(sqrt(n_1)) > 0; at s = s_crit (L >= 2) one branch for the whole"
                + " tied block (both uniform branches pass, a mixed one FAILs)");
    }

    @Override
    public Verdict check(Subject subject) {
        String reason = outsideHypotheses(subject.reference());
        if (reason != null) {
            return Verdict.notApplicable(id(), reason);
        }
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Tolerance tol = subject.tolerance(10);
        ApMatrix x = subject.centredMeans();
        ApMatrix w = subject.weightProduct();
        Apfloat[] norms = ProductGeometry.columnNorms(x, p);
        int big = 0;
        int small = 0;
        for (int k = 1; k < norms.length; k++) {
            big = norms[k].compareTo(norms[big]) > 0 ? k : big;
            small = norms[k].compareTo(norms[small]) < 0 ? k : small;
        }
        Apfloat wNorm = w.frobeniusNorm();
        ScalarSolution tied = subject.reference().solutions().get(0);
        if (tied.branch() == Branch.AT_THRESHOLD) {
            Apfloat largestMean = h.divide(norms[big], h.sqrt(p.of(subject.instance().size(0))));
            Apfloat collapsed = max(largestMean, wNorm);
            if (tol.admits(collapsed)) {
                return Verdict.judge(id(), collapsed, tol, "collapsed branch at s = s_crit",
                    "s = s_crit: max_k ||mbar_k|| = " + Precision.formatScientific(largestMean, 3)
                        + ", ||W_L...W_1||_F = " + Precision.formatScientific(wNorm, 3) + " (the p = 0 minimizer)");
            }
        }
        String positive = "but p*(s) = " + Precision.format(tied.p(), 6) + " > 0";
        if (norms[big].signum() == 0) {
            return Verdict.fail(id(), Apfloat.ONE, tol, "simplex ETF and self-duality",
                "every centred class mean is 0, " + positive);
        }
        if (wNorm.signum() == 0) {
            return Verdict.fail(id(), Apfloat.ONE, tol, "simplex ETF and self-duality", "W_L...W_1 = 0, " + positive);
        }
        Apfloat spread = h.divide(h.subtract(norms[big], norms[small]), max(norms[big], subject.scaleFloor()));
        String etfText;
        Apfloat etf = Apfloat.ZERO;
        if (norms[small].signum() == 0) {
            etfText = "cosines undefined: ||mbar_" + (small + 1) + "|| = 0, " + positive;
        } else {
            int[] pair = new int[2];
            etf = worstCosineGap(x, norms, pair, p);
            etfText = "max |cos + 1/(K-1)| = " + Precision.formatScientific(etf, 3) + " (classes " + (pair[0] + 1)
                + ", " + (pair[1] + 1) + ")";
        }
        Apfloat xNorm = x.frobeniusNorm();
        ApMatrix gap = w.transpose().scale(h.divide(Apfloat.ONE, wNorm)).subtract(x.scale(h.divide(Apfloat.ONE, xNorm)));
        Apfloat dual = gap.frobeniusNorm();
        return Verdict.judge(id(), max(spread, max(etf, dual)), tol, "simplex ETF and self-duality",
            "norm spread " + Precision.formatScientific(spread, 3) + " (classes " + (big + 1) + ", " + (small + 1)
                + "); " + etfText + "; ||W^T/||W|| - Mbar/||Mbar|| ||_F = " + Precision.formatScientific(dual, 3));
    }

    /** max_{i&lt;j} |cos(x_i, x_j) + 1/(K-1)| over the columns of x (norms all positive); the pair in {@code at}. */
    private static Apfloat worstCosineGap(ApMatrix x, Apfloat[] norms, int[] at, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        int k = norms.length;
        Apfloat target = h.divide(p.of(-1L), p.of(k - 1L));
        Apfloat worst = Apfloat.ZERO;
        for (int j = 1; j < k; j++) {
            for (int i = 0; i < j; i++) {
                Apfloat cos = h.divide(ApMatrix.dot(x.column(i), x.column(j), p), h.multiply(norms[i], norms[j]));
                Apfloat gap = ApfloatMath.abs(h.subtract(cos, target));
                if (gap.compareTo(worst) >= 0) {
                    worst = gap;
                    at[0] = i;
                    at[1] = j;
                }
            }
        }
        return worst;
    }

    /** The reason the claim does not apply to the reference's instance, or null when it does. */
    static String outsideHypotheses(ClosedForm reference) {
        Instance inst = reference.instance();
        int k = inst.classes();
        int big = 0;
        int small = 0;
        for (int c = 1; c < k; c++) {
            big = inst.size(c) > inst.size(big) ? c : big;
            small = inst.size(c) < inst.size(small) ? c : small;
        }
        if (inst.size(big) != inst.size(small)) {
            return "class sizes are not all equal (n_" + (big + 1) + " = " + inst.size(big) + ", n_" + (small + 1)
                + " = " + inst.size(small) + ")";
        }
        int r = inst.bottleneck();
        if (r < k - 1) {
            return "bottleneck r = " + r + " < K-1 = " + (k - 1) + ": only r of the K-1 tied directions survive,"
                + " so Mbar cannot be a simplex ETF";
        }
        ScalarSolution tied = reference.solutions().get(0);
        if (tied.p().signum() == 0) {
            return "every p* = 0 (s = sqrt(n) = " + Precision.format(tied.s(), 6) + " below s_crit = "
                + Precision.format(reference.threshold(), 6) + "): the minimizer is W = 0, H = 0";
        }
        return null;
    }
}
