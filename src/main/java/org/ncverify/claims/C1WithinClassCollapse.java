package org.ncverify.claims;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;

/**
 * C1, NC1 (within-class collapse): within each class all feature columns equal the class mean.
 *
 * <p>Residual, over every stored column j of every class block B_k (a stored column stands for
 * w_k identical samples, so this is the maximum over all N samples):
 * <pre>  rho = max_k max_j ||B_k[:, j] - m_k|| / scale,   scale = max_k max_j ||B_k[:, j]||,  </pre>
 * with m_k = (1/n_k) sum over the samples of class k (= the plain mean of the q_k stored
 * columns, which all carry the weight w_k), recomputed at the working precision from the
 * candidate's columns. If every column is exactly 0 the numerator is exactly 0 too and rho = 0.
 * For an inexact candidate the scale is max(scale, 1) ({@link Subject#scaleFloor()}: a feature
 * column of unit size), so that a point at the origin, whose columns are rounding noise, is
 * judged by its absolute spread, which the tolerance rule bounds.
 * The residual is relative to the largest feature column, so it is invariant under a common
 * rescaling of H and first order in a moved column. Tolerance {@code subject.tolerance(10)}:
 * forming m_k sums q_k columns of norm at most scale (relative error about q_k eps).
 *
 * <p>At scale ({@link FactoredGeometry#applies}) the closed form is read class by class
 * ({@link #judgeColumns}): each class is one stored column m_k = x_k / sqrt(n_k) standing for its
 * n_k samples, so the deviation measures the representation (a class given by several columns,
 * or by columns that do not account for its n_k samples, FAILs), never a d x N matrix.
 */
public final class C1WithinClassCollapse extends AbstractClaim {
    public C1WithinClassCollapse() {
        super("C1", "NC1: within each class all feature columns equal the class mean",
            "any instance; the candidate is claimed to be a global minimizer");
    }

    /**
     * The same residual on a point given class by class as its stored columns and the number of
     * samples each stands for (the factored closed form: one column m_k = x_k / sqrt(n_k) standing
     * for all n_k samples, {@link FactoredGeometry#classColumn}; nothing d x N or d x K is formed).
     * The multiplicities of a class must add up to n_k exactly, else the columns do not represent
     * its samples and the verdict is a FAIL naming the class; the mean is recomputed from the
     * columns with their multiplicities.
     *
     * @param columns      class k's stored columns (each an array of the same length)
     * @param multiplicity class k's samples per stored column
     */
    Verdict judgeColumns(IntFunction<Apfloat[][]> columns, IntFunction<long[]> multiplicity, Subject subject) {
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Instance inst = subject.instance();
        Apfloat scale = Apfloat.ZERO;
        Apfloat worst = Apfloat.ZERO;
        int worstClass = 0;
        int stored = 0;
        for (int k = 0; k < inst.classes(); k++) {
            Apfloat[][] cols = columns.apply(k);
            long[] mult = multiplicity.apply(k);
            long count = 0;
            for (long c : mult) {
                count += c;
            }
            if (count != inst.size(k) || mult.length != cols.length) {
                return Verdict.fail(id(), Apfloat.ONE, subject.tolerance(10), "every stored column (by class)",
                    "class " + (k + 1) + " is represented by " + count + " sample(s) in " + cols.length
                        + " column(s), the instance has n_k = " + inst.size(k) + ": its samples are not all judged");
            }
            Apfloat[] mean = new Apfloat[cols[0].length];
            Apfloat nk = p.of(inst.size(k));
            for (int i = 0; i < mean.length; i++) {
                Apfloat s = Apfloat.ZERO;
                for (int j = 0; j < cols.length; j++) {
                    s = h.add(s, h.multiply(p.of(mult[j]), cols[j][i]));
                }
                mean[i] = h.divide(s, nk);
            }
            for (Apfloat[] col : cols) {
                scale = max(scale, ApMatrix.norm(col, p));
                Apfloat[] dev = new Apfloat[col.length];
                Arrays.setAll(dev, i -> h.subtract(col[i], mean[i]));
                Apfloat d = dev.length == 0 ? Apfloat.ZERO : ApMatrix.norm(dev, p);
                worstClass = d.compareTo(worst) > 0 ? k : worstClass;
                worst = max(worst, d);
            }
            stored += cols.length;
        }
        return verdict(subject, worst, scale, "every stored column (by class, all N samples)", stored
            + " stored column(s) standing for " + inst.total() + " samples; largest deviation at class " + (worstClass + 1));
    }

    /** The verdict of a largest deviation {@code worst} over the largest column norm {@code scale}. */
    private Verdict verdict(Subject subject, Apfloat worst, Apfloat scale, String reading, String where) {
        Apfloat residual = quotient(worst, max(scale, subject.scaleFloor()),
            "C1 within-class deviation over the largest column", subject.precision());
        return Verdict.judge(id(), residual, subject.tolerance(10), reading, where + ": "
            + Precision.formatScientific(worst, 3) + ", largest column norm " + Precision.formatScientific(scale, 3));
    }

    /** {@link #judgeColumns} on the factored point: class k one column x_k / sqrt(n_k) of multiplicity n_k. */
    Verdict judgeFactored(FactoredGeometry f) {
        int[] groups = f.pairs().classGroups();
        Instance inst = f.instance();
        Precision p = f.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        java.util.Map<Long, Apfloat> inverseRoot = new java.util.HashMap<>();
        return judgeColumns(k -> {
            Apfloat[] x = f.classColumn(k, groups);
            Apfloat inv = inverseRoot.computeIfAbsent(inst.size(k), n -> h.divide(Apfloat.ONE, h.sqrt(p.of(n))));
            for (int i = 0; i < x.length; i++) {
                x[i] = h.multiply(x[i], inv);
            }
            return new Apfloat[][] {x};
        }, k -> new long[] {inst.size(k)}, f.subject());
    }

    @Override
    public Verdict check(Subject subject) {
        if (FactoredGeometry.applies(subject)) {
            return judgeFactored(subject.factoredGeometry());
        }
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Point x = subject.candidate();
        ApMatrix means = subject.classMeans();
        Apfloat scale = Apfloat.ZERO;
        Apfloat worst = Apfloat.ZERO;
        int worstClass = 0;
        int worstColumn = 0;
        int stored = 0;
        for (int k = 0; k < x.classes(); k++) {
            ApMatrix b = x.classBlock(k).withPrecision(p);
            Apfloat[] m = means.column(k);
            for (int j = 0; j < b.cols(); j++) {
                Apfloat[] col = b.column(j);
                scale = max(scale, ApMatrix.norm(col, p));
                for (int i = 0; i < col.length; i++) {
                    col[i] = h.subtract(col[i], m[i]);
                }
                Apfloat dev = ApMatrix.norm(col, p);
                if (dev.compareTo(worst) > 0) {
                    worst = dev;
                    worstClass = k;
                    worstColumn = j;
                }
                stored++;
            }
        }
        return verdict(subject, worst, scale, "every stored column (all N samples)", stored
            + " stored column(s); largest deviation at class " + (worstClass + 1) + ", column " + (worstColumn + 1));
    }
}
