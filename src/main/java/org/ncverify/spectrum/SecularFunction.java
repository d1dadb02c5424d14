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
    private volatile Apfloat[] e;
    private final Apfloat total;

    SecularFunction(SizeGroups groups, long origin) {
        this.groups = groups;
        this.origin = origin;
        int d = groups.count();
        this.wD = groups.weightsDouble(); // w_j rounded to double, shared by every root (read only)
        this.eD = new double[d];
        for (int j = 0; j < d; j++) {
            eD[j] = (double) (groups.value(j) - origin);
        }
        this.total = new org.apfloat.Apint(groups.total());
    }

    /** The exact e_j = c_j - c_o as Apint, built on the first high-precision evaluation only. */
    private Apfloat[] shifts() {
        Apfloat[] s = e;
        if (s == null) {
            s = new Apfloat[wD.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = new org.apfloat.Apint(groups.value(j) - origin);
            }
            e = s;
        }
        return s;
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

    /** -F'(delta) = sum_j w_j / (e_j - delta)^2 = -N f'(delta), in double. */
    double slopeDouble(double delta) {
        return -valueDouble(delta)[1] * groups.total();
    }

    /** |f''/(2 f')| = |sum_j w_j r_j^3 / sum_j w_j r_j^2|, r_j = 1/(e_j - delta), in double. */
    double curvature(double delta) {
        double[] s = moments(delta);
        return Math.abs(s[1] / s[0]);
    }

    /** {s2, s3, s4}, s_m = sum_j w_j r_j^m, r_j = 1/(e_j - delta), in double. */
    private double[] moments(double delta) {
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int j = 0; j < wD.length; j++) {
            double r = 1.0 / (eD[j] - delta);
            double t = wD[j] * r * r;
            s2 += t;
            s3 += t * r;
            s4 += t * r * r;
        }
        return new double[] {s2, s3, s4};
    }

    /**
     * |kappa|^2 + |s4 / s2| with kappa = s3 / s2, s_m = sum_j w_j r_j^m, r_j = 1/(e_j - delta), in
     * double: a bound of the constant C of Halley's iteration, e' = C e^3 + O(e^4),
     * C = (F''/(2F'))^2 - F'''/(6F') = kappa^2 - s4/s2 (for the stopping rule of
     * {@link DyadicNewton}).
     */
    double halleyConstant(double delta) {
        double[] s = moments(delta);
        double kappa = s[1] / s[0];
        return kappa * kappa + Math.abs(s[2] / s[0]);
    }

    /**
     * The sign of f(delta) when its evaluation in double proves it, else 0, for a delta with
     * every e_j - delta exact in double (a half-integer delta, all |e_j| &lt; 2^51). Each term
     * w_j / (e_j - delta) is then formed with two roundings (w_j to double, the division), so
     * with unit roundoff u = 2^-53 and recursive summation of D + 1 numbers (Higham, Accuracy and
     * Stability, section 4.2: error at most gamma_D sum |x_i|, gamma_D = D u / (1 - D u)) the
     * computed F = N - sum_j t_j has |F~ - F| &lt;= (D + 4) u (N + sum_j |t_j|) for D u &lt; 0.01.
     * The sign is returned when |F~| exceeds twice that bound (no underflow: |t_j| &gt;= w_j /
     * (2 max e) is far above the smallest normal double).
     */
    int provenSign(double delta) {
        double s = 0;
        double a = 0;
        for (int j = 0; j < wD.length; j++) {
            double t = wD[j] / (eD[j] - delta);
            s += t;
            a += Math.abs(t);
        }
        double n = (double) groups.total();
        double value = n - s;
        double bound = 2 * (wD.length + 4) * 0x1p-53 * (n + a);
        if (!Double.isFinite(value) || !(Math.abs(value) > bound)) {
            return 0;
        }
        return value > 0 ? 1 : -1;
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
        Apfloat[] e = shifts();
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

    /** sum_j w_j r_j^2 (= -N f') from the reciprocals r_j = 1/(e_j - delta) (2D operations). */
    Apfloat sumSquares(Apfloat[] r, FixedPrecisionApfloatHelper h) {
        Apfloat s2 = Apfloat.ZERO;
        for (int j = 0; j < r.length; j++) {
            s2 = h.add(s2, h.multiply(h.multiply(groups.exactWeight(j), r[j]), r[j])); // (w r) r, as evaluate
        }
        return s2;
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
            Apfloat t = h.multiply(groups.exactWeight(j), r[j]);
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
