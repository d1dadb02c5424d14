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
 * in the denominator. Above {@link FactoredGeometry#DENSE_GEOMETRY_BUDGET} the closed form is judged
 * in factored form ({@link #judgeFactored}).
 */
public final class C9LayerBalance extends AbstractClaim {
    public C9LayerBalance() {
        super("C9", "Balance across layers: lambda_{W_{l+1}} W_{l+1}^T W_{l+1} = lambda_{W_l} W_l W_l^T,"
            + " and lambda_{W_1} W_1^T W_1 = lambda_H H H^T", "any instance; the candidate is claimed to be a global minimizer");
    }

    @Override
    public Verdict check(Subject subject) {
        if (FactoredGeometry.applies(subject)) {
            return judgeFactored(subject.factoredGeometry());
        }
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

    /**
     * Equation l on the factored form, in the coordinates E (m x m blocks; E^T E = I): W_l^T W_l =
     * diag(a_l^2) and W_l W_l^T = diag(a_l^2) for l &lt; L, W_L^T W_L = diag(a_L) G_U diag(a_L),
     * H H^T = X X^T = diag(x') G_V diag(x'). The diagonals are formed (g_ii = ||u_i||^2, ||v_i||^2);
     * the off-diagonal part of diag(a) G diag(a) has Frobenius norm at most max a^2 ||G - I||_F
     * (the Gram defect bounds, rounding included, {@link FactoredGeometry#gramDefects()}), so with D the diagonal
     * difference and o_A, o_B those bounds, ||D|| / max(||diag A|| + o_A, ||diag B|| + o_B) &lt;= rho_l
     * &lt;= (||D|| + o_A + o_B) / max(||diag A||, ||diag B||): an interval on the dense residual,
     * which is this claim's own definition (no frame enters).
     */
    Verdict judgeFactored(FactoredGeometry f) {
        String range = f.beyondDoubleRange();
        if (range != null) {
            return FactoredGeometry.inconclusive(id(), range, f.subject());
        }
        Precision p = f.precision();
        org.apfloat.FixedPrecisionApfloatHelper h = p.helper();
        Instance inst = f.instance();
        int m = f.directions();
        int depth = inst.depth();
        double[] defect = f.gramDefects();
        Apfloat[] gu = new Apfloat[m];
        Apfloat[] gv = new Apfloat[m];
        for (int i = 0; i < m; i++) {
            gu[i] = f.pairs().leftGram(i, i);
            gv[i] = f.pairs().rightGram(i, i);
        }
        double upper = 0;
        double lower = 0;
        int worstLayer = 1;
        StringBuilder each = new StringBuilder();
        for (int l = 1; l <= depth; l++) {
            Apfloat[] a = f.factor(l);
            Apfloat[] before = f.factor(l - 1);
            Apfloat lambda = p.of(inst.lambdaW(l));
            Apfloat lambdaBefore = p.of(l == 1 ? inst.lambdaH() : inst.lambdaW(l - 1));
            double diff = 0;
            double normA = 0;
            double normB = 0;
            for (int i = 0; i < m; i++) {
                Apfloat ai = h.multiply(lambda, h.multiply(a[i], a[i]));
                ai = l == depth ? h.multiply(ai, gu[i]) : ai;
                Apfloat bi = h.multiply(lambdaBefore, h.multiply(before[i], before[i]));
                bi = l == 1 ? h.multiply(bi, gv[i]) : bi;
                double e = h.subtract(ai, bi).doubleValue();
                diff += e * e;
                normA += ai.doubleValue() * ai.doubleValue();
                normB += bi.doubleValue() * bi.doubleValue();
            }
            double offA = l == depth ? lambda.doubleValue() * maxSquare(a) * defect[0] * 1.01 : 0;
            double offB = l == 1 ? lambdaBefore.doubleValue() * maxSquare(before) * defect[1] * 1.01 : 0;
            double floor = f.subject().scaleFloor().doubleValue() * Math.max(lambda.doubleValue(), lambdaBefore.doubleValue());
            double den = Math.max(Math.max(Math.sqrt(normA), Math.sqrt(normB)), floor);
            double up = den == 0 ? (diff == 0 && offA + offB == 0 ? 0 : Double.POSITIVE_INFINITY)
                : (Math.sqrt(diff) + offA + offB) / den;
            double denLow = Math.max(Math.max(Math.sqrt(normA) + offA, Math.sqrt(normB) + offB), floor);
            double low = denLow == 0 ? 0 : Math.sqrt(diff) / denLow;
            each.append(l == 1 ? "" : ", ").append(l == 1 ? "W_1 vs H: " : "W_" + l + " vs W_" + (l - 1) + ": ")
                .append(String.format("%.3e", up));
            worstLayer = l == 1 || up > upper ? l : worstLayer;
            upper = Math.max(upper, up);
            lower = Math.max(lower, low);
        }
        Reading r = new FactoredReadings(f, f.subject().tolerance(10)).bounded("relative Frobenius, every layer (factored)",
            upper, lower, "Gram defects ||G_U - I||_F = " + String.format("%.2e", defect[0]) + ", ||G_V - I||_F = "
                + String.format("%.2e", defect[1]));
        return FactoredReadings.verdict(id(), r, each + "; worst at equation " + worstLayer);
    }

    private static double maxSquare(Apfloat[] a) {
        double s = 0;
        for (Apfloat v : a) {
            s = Math.max(s, v.doubleValue() * v.doubleValue());
        }
        return s;
    }

    /** ||A - B||_F / max(||A||_F, ||B||_F, floor), 0 when all vanish. */
    private static Apfloat balanceGap(ApMatrix a, ApMatrix b, Apfloat floor, int layer, Precision p) {
        Apfloat den = max(max(a.frobeniusNorm(), b.frobeniusNorm()), floor);
        return quotient(a.subtract(b).frobeniusNorm(), den, "C9 balance equation " + layer, p);
    }
}
