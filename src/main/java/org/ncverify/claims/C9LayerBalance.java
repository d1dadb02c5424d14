package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;

/**
 * C9, balance across layers: lambda_{W_{l+1}} W_{l+1}^T W_{l+1} = lambda_{W_l} W_l W_l^T for
 * l = 1..L-1, and lambda_{W_1} W_1^T W_1 = lambda_H H H^T.
 *
 * <p>Equation l (l = 1..L) compares A_l = lambda_{W_l} W_l^T W_l with B_l = lambda_{l-1}
 * F_{l-1} F_{l-1}^T, where F_0 = H (lambda_0 = lambda_H) and F_l = W_l, both d_{l-1} x d_{l-1};
 * for L = 1 only the H equation exists. H H^T = sum_k w_k B_k B_k^T over the stored columns
 * with their multiplicities ({@link ProductGeometry#featureGram}; N columns are never formed).
 * Residual
 * <pre>  rho = max_l ||A_l - B_l||_F / max(||A_l||_F, ||B_l||_F)   (0 for an equation with A_l = B_l = 0),  </pre>
 * scale-free, first order in a perturbed factor, and sensitive to a rotation W_l -&gt; Q W_l that
 * keeps the product's penalty but not W_l W_l^T. For an inexact candidate the denominator is at
 * least max(lambda_l, lambda_{l-1}) ({@link Subject#scaleFloor()} times the Gram of a unit factor),
 * so that a point at the origin is judged by its absolute imbalance. Tolerance {@code subject.tolerance(10)}: each
 * Gram entry is a sum of at most max(d_l, N) products whose magnitudes are bounded by the norms
 * in the denominator.
 */
public final class C9LayerBalance extends AbstractClaim {
    public C9LayerBalance() {
        super("C9", "Balance across layers: lambda_{W_{l+1}} W_{l+1}^T W_{l+1} = lambda_{W_l} W_l W_l^T,"
            + " and lambda_{W_1} W_1^T W_1 = lambda_H H H^T", "any instance; the candidate is claimed to be a global minimizer");
    }

    @Override
    public Verdict check(Subject subject) {
        Precision p = subject.precision();
        Instance inst = subject.instance();
        Point x = subject.candidate();
        ApMatrix previous = ProductGeometry.featureGram(x, p).scale(p.of(inst.lambdaH()));
        Apfloat worst = Apfloat.ZERO;
        int worstLayer = 1;
        StringBuilder each = new StringBuilder();
        for (int l = 1; l <= inst.depth(); l++) {
            ApMatrix w = x.weight(l).withPrecision(p);
            Apfloat lambda = p.of(inst.lambdaW(l));
            ApMatrix a = w.transpose().multiply(w).scale(lambda);
            Apfloat lambdaBefore = p.of(l == 1 ? inst.lambdaH() : inst.lambdaW(l - 1));
            Apfloat floor = p.helper().multiply(subject.scaleFloor(), max(lambda, lambdaBefore));
            Apfloat gap = balanceGap(a, previous, floor, l, p);
            each.append(l == 1 ? "" : ", ").append(l == 1 ? "W_1 vs H: " : "W_" + l + " vs W_" + (l - 1) + ": ")
                .append(Precision.formatScientific(gap, 3));
            if (gap.compareTo(worst) > 0) {
                worst = gap;
                worstLayer = l;
            }
            previous = w.multiply(w.transpose()).scale(lambda);
        }
        return Verdict.judge(id(), worst, subject.tolerance(10), "relative Frobenius, every layer",
            each + "; worst at equation " + worstLayer);
    }

    /** ||A - B||_F / max(||A||_F, ||B||_F, floor), 0 when all vanish. */
    private static Apfloat balanceGap(ApMatrix a, ApMatrix b, Apfloat floor, int layer, Precision p) {
        Apfloat den = max(max(a.frobeniusNorm(), b.frobeniusNorm()), floor);
        return quotient(a.subtract(b).frobeniusNorm(), den, "C9 balance equation " + layer, p);
    }
}
