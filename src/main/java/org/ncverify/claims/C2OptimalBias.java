package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/**
 * C2, bias and global mean: the optimal bias is the class-frequency vector b = n/N, and the
 * weighted global mean of the features vanishes, sum_k n_k m_k = M n = 0.
 *
 * <p>Residual rho = max(rho_b, rho_m) with
 * <pre>  rho_b = max_k |b_k - n_k/N|                     (absolute: the entries are in [0, 1]),
 *  rho_m = ||M n|| / sum_k n_k ||m_k||              (0 when every m_k = 0),  </pre>
 * n_k/N the exact rational rounded to the working precision (never the reference's bias), M
 * the candidate's class means recomputed from its columns. The denominator of rho_m is the
 * magnitude of the terms that cancel in M n, so rho_m is scale-free and first order in a moved
 * mean; it is exactly 0 over 0 only when every m_k is 0. For an inexact candidate the
 * denominator is at least N ({@link Subject#scaleFloor()} times N: unit means), so that the
 * rounding noise of a point at the origin is not divided by itself. Tolerance {@code subject.tolerance(10)}:
 * M n sums K terms, each with relative error about (q_k + 1) eps.
 */
public final class C2OptimalBias extends AbstractClaim {
    public C2OptimalBias() {
        super("C2", "Optimal bias is the class-frequency vector b = n/N, and the weighted global mean of features"
            + " is 0 (sum_k n_k m_k = 0)", "any instance; the candidate is claimed to be a global minimizer");
    }

    /**
     * The same residual on a point given by its bias and, for each class k, the column x_k =
     * sqrt(n_k) m_k of X (the factored closed form: {@link FactoredGeometry#classColumn}, O(m)
     * each, one at a time): M n = sum_k sqrt(n_k) x_k and sum_k n_k ||m_k|| = sum_k sqrt(n_k) ||x_k||,
     * the definition itself summed class by class (no d x K matrix); n_k / N formed once per
     * distinct size.
     */
    Verdict judgeColumns(Apfloat[] b, java.util.function.IntFunction<Apfloat[]> column, Subject subject) {
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Instance inst = subject.instance();
        java.util.Map<Long, Apfloat> target = new java.util.HashMap<>();
        java.util.Map<Long, Apfloat> root = new java.util.HashMap<>();
        Apfloat biasGap = Apfloat.ZERO;
        int worstBias = 0;
        Apfloat[] sum = null;
        Apfloat magnitude = Apfloat.ZERO;
        for (int k = 0; k < inst.classes(); k++) {
            long nk = inst.size(k);
            Apfloat gap = ApfloatMath.abs(h.subtract(p.of(b[k]),
                target.computeIfAbsent(nk, n -> p.of(Rationals.of(n, inst.total())))));
            if (gap.compareTo(biasGap) > 0) {
                biasGap = gap;
                worstBias = k;
            }
            Apfloat sq = root.computeIfAbsent(nk, n -> h.sqrt(p.of(n)));
            Apfloat[] x = column.apply(k);
            sum = sum == null ? new Apfloat[x.length] : sum;
            for (int i = 0; i < x.length; i++) {
                Apfloat t = h.multiply(sq, x[i]);
                sum[i] = sum[i] == null ? t : h.add(sum[i], t);
            }
            magnitude = h.add(magnitude, h.multiply(sq, ApMatrix.norm(x, p)));
        }
        magnitude = max(magnitude, h.multiply(p.of(inst.total()), subject.scaleFloor()));
        Apfloat weighted = sum == null || sum.length == 0 ? Apfloat.ZERO : ApMatrix.norm(sum, p);
        Apfloat meanGap = quotient(weighted, magnitude, "C2 ||M n|| over sum_k n_k ||m_k||", p);
        return Verdict.judge(id(), max(biasGap, meanGap), subject.tolerance(10), "bias and weighted global mean (by class)",
            "max_k |b_k - n_k/N| = " + Precision.formatScientific(biasGap, 3) + " (at k = " + (worstBias + 1)
                + "); ||M n|| / sum_k n_k ||m_k|| = " + Precision.formatScientific(meanGap, 3));
    }

    /** {@link #judgeColumns} on the factored point: b = n / N ({@link org.ncverify.theory.ClosedForm#bias()}), columns x_k. */
    Verdict judgeFactored(FactoredGeometry f) {
        int[] groups = f.pairs().classGroups();
        return judgeColumns(f.subject().reference().bias(), k -> f.classColumn(k, groups), f.subject());
    }

    @Override
    public Verdict check(Subject subject) {
        if (FactoredGeometry.applies(subject)) {
            return judgeFactored(subject.factoredGeometry());
        }
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Instance inst = subject.instance();
        Apfloat[] b = subject.candidate().bias();
        Apfloat biasGap = Apfloat.ZERO;
        int worstBias = 0;
        for (int k = 0; k < b.length; k++) {
            Apfloat target = p.of(Rationals.of(inst.size(k), inst.total()));
            Apfloat gap = ApfloatMath.abs(h.subtract(p.of(b[k]), target));
            if (gap.compareTo(biasGap) > 0) {
                biasGap = gap;
                worstBias = k;
            }
        }
        ApMatrix m = subject.classMeans();
        Apfloat[] n = new Apfloat[inst.classes()];
        Apfloat magnitude = Apfloat.ZERO;
        Apfloat[] norms = ProductGeometry.columnNorms(m, p);
        for (int k = 0; k < n.length; k++) {
            n[k] = p.of(inst.size(k));
            magnitude = h.add(magnitude, h.multiply(n[k], norms[k]));
        }
        magnitude = max(magnitude, h.multiply(p.of(inst.total()), subject.scaleFloor()));
        Apfloat weighted = ApMatrix.norm(m.multiply(n), p);
        Apfloat meanGap = quotient(weighted, magnitude, "C2 ||M n|| over sum_k n_k ||m_k||", p);
        return Verdict.judge(id(), max(biasGap, meanGap), subject.tolerance(10), "bias and weighted global mean",
            "max_k |b_k - n_k/N| = " + Precision.formatScientific(biasGap, 3) + " (at k = " + (worstBias + 1)
                + "); ||M n|| / sum_k n_k ||m_k|| = " + Precision.formatScientific(meanGap, 3));
    }
}
