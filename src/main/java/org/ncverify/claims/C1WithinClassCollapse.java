package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
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
 */
public final class C1WithinClassCollapse extends AbstractClaim {
    public C1WithinClassCollapse() {
        super("C1", "NC1: within each class all feature columns equal the class mean",
            "any instance; the candidate is claimed to be a global minimizer");
    }

    @Override
    public Verdict check(Subject subject) {
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
        Apfloat residual = quotient(worst, max(scale, subject.scaleFloor()),
            "C1 within-class deviation over the largest column", p);
        return Verdict.judge(id(), residual, subject.tolerance(10), "every stored column (all N samples)",
            stored + " stored column(s); largest deviation at class " + (worstClass + 1) + ", column "
                + (worstColumn + 1) + ": " + Precision.formatScientific(worst, 3) + ", largest column norm "
                + Precision.formatScientific(scale, 3));
    }
}
