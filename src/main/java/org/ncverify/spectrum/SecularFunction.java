package org.ncverify.spectrum;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * The secular function of A = diag(n) - n n^T / N written in a variable shifted to a pole
 * (R.-C. Li's "middle way", LAPACK dlaed4): with origin c_o (one of the distinct sizes) and
 * mu = c_o + delta,
 *
 * <pre>
 *   f(delta) = 1 - (1/N) sum_j w_j / (e_j - delta),   w_j = m_j c_j^2,  e_j = c_j - c_o (exact),
 *   f'(delta) = -(1/N) sum_j w_j / (e_j - delta)^2  &lt; 0.
 * </pre>
 *
 * The differences e_j - delta are formed from the exact integer e_j, so the distance to the
 * nearest pole keeps full relative accuracy even when a root lies within 10^-9 of a size.
 * Between consecutive distinct sizes f decreases strictly from +inf to -inf.
 *
 * <p>The high-precision evaluation obtains all D reciprocals 1/(e_j - delta) with a single
 * division (Montgomery's batch inversion: prefix products, one inverse, back-substitution),
 * so one evaluation costs one division and about 6D multiplications; the relative rounding
 * error grows like 3D eps, covered by the guard digits.
 */
final class SecularFunction {
    private final SizeGroups groups;
    private final long origin;
    private final double[] wD;
    private final double[] eD;
    private final Apfloat[] w;
    private final Apfloat[] e;
    private final Apfloat total;

    SecularFunction(SizeGroups groups, long origin) {
        this.groups = groups;
        this.origin = origin;
        int d = groups.count();
        this.wD = new double[d];
        this.eD = new double[d];
        this.w = new Apfloat[d];
        this.e = new Apfloat[d];
        org.apfloat.Apint o = new org.apfloat.Apint(origin);
        for (int j = 0; j < d; j++) {
            w[j] = groups.exactWeight(j);
            e[j] = groups.exactValue(j).subtract(o);
            wD[j] = w[j].doubleValue();
            eD[j] = (double) (groups.value(j) - origin);
        }
        this.total = new org.apfloat.Apint(groups.total());
    }

    long origin() {
        return origin;
    }

    SizeGroups groups() {
        return groups;
    }

    /** f(delta) and f'(delta) in double precision: {f, f'}. */
    double[] valueDouble(double delta) {
        double s = 0;
        double s2 = 0;
        for (int j = 0; j < wD.length; j++) {
            double r = 1.0 / (eD[j] - delta);
            double t = wD[j] * r;
            s += t;
            s2 += t * r;
        }
        double n = (double) groups.total();
        return new double[] {1.0 - s / n, -s2 / n};
    }

    /** sum_j |w_j / (e_j - delta)| in double: the magnitude that cancels in N f. */
    double absoluteSum(double delta) {
        double s = 0;
        for (int j = 0; j < wD.length; j++) {
            s += Math.abs(wD[j] / (eD[j] - delta));
        }
        return s;
    }

    /** Reciprocals 1/(e_j - delta), j = 0..D-1, at the helper's precision (batch inversion). */
    Apfloat[] reciprocals(Apfloat delta, FixedPrecisionApfloatHelper h) {
        int d = e.length;
        Apfloat[] diff = new Apfloat[d];
        Apfloat[] prefix = new Apfloat[d];
        Apfloat acc = null;
        for (int j = 0; j < d; j++) {
            diff[j] = h.subtract(e[j], delta);
            acc = acc == null ? diff[j] : h.multiply(acc, diff[j]);
            prefix[j] = acc;
        }
        Apfloat[] r = new Apfloat[d];
        Apfloat inv = h.divide(Apfloat.ONE, acc);
        for (int j = d - 1; j > 0; j--) {
            r[j] = h.multiply(inv, prefix[j - 1]);
            inv = h.multiply(inv, diff[j]);
        }
        r[0] = inv;
        return r;
    }

    /**
     * Values at delta: {f, f', sum_j w_j r_j^2 (= -N f'), sum_j w_j r_j^3}, plus the
     * reciprocals r_j = 1/(e_j - delta), at the helper's precision.
     */
    Evaluation evaluate(Apfloat delta, FixedPrecisionApfloatHelper h) {
        Apfloat[] r = reciprocals(delta, h);
        Apfloat s1 = Apfloat.ZERO;
        Apfloat s2 = Apfloat.ZERO;
        Apfloat s3 = Apfloat.ZERO;
        for (int j = 0; j < r.length; j++) {
            Apfloat t = h.multiply(w[j], r[j]);
            Apfloat t2 = h.multiply(t, r[j]);
            s1 = h.add(s1, t);
            s2 = h.add(s2, t2);
            s3 = h.add(s3, h.multiply(t2, r[j]));
        }
        Apfloat f = h.subtract(Apfloat.ONE, h.divide(s1, total));
        Apfloat fp = h.negate(h.divide(s2, total));
        return new Evaluation(f, fp, s2, s3, r);
    }

    /** One evaluation of the secular function and its first derivatives. */
    static final class Evaluation {
        final Apfloat f;
        final Apfloat derivative;
        final Apfloat sumSquares;
        final Apfloat sumCubes;
        final Apfloat[] reciprocals;

        Evaluation(Apfloat f, Apfloat derivative, Apfloat sumSquares, Apfloat sumCubes, Apfloat[] reciprocals) {
            this.f = f;
            this.derivative = derivative;
            this.sumSquares = sumSquares;
            this.sumCubes = sumCubes;
            this.reciprocals = reciprocals;
        }
    }
}
