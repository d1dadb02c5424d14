package org.ncverify.spectrum;

/**
 * Newton steps on the shifted secular function in double-double arithmetic (an unevaluated sum
 * hi + lo of two doubles, about 32 significant digits; Dekker/Knuth error-free transformations,
 * products through {@link Math#fma}): the cheap first stage of {@link DyadicNewton}, taking the
 * double root from about 15 to about 30 correct digits without any BigInteger division.
 *
 * <p>F(delta) = N - sum_j w_j / (e_j - delta) is formed with e_j - delta exact to double-double
 * (e_j an integer below 2^53, so the distance to the origin pole keeps its relative accuracy) and
 * w_j = m_j c_j^2 split exactly into two doubles; the slope -F' is taken in double (the step only
 * needs the digits it gains, about 15). A solver, not a proof: its result is only a start for the
 * integer iteration, which corrects it (and whose root the certificate then proves), so a start
 * that is worse than claimed costs iterations, never correctness.
 */
final class DoubleDoubleSecular {
    /** Digits a converged double-double root is taken to carry (its last step was below 1e-28). */
    static final int DIGITS = 28;
    private static final int MAX_STEPS = 8;
    private static final double RESOLVED = 1e-28;

    private DoubleDoubleSecular() {
    }

    /**
     * The root as {hi, lo} after Newton steps from {@code start} kept inside (lower, upper), or
     * null when the steps do not settle to a relative step of 1e-28 (then use {@code start}).
     */
    static double[] refine(SecularFunction f, double start, double lower, double upper) {
        SizeGroups g = f.groups();
        int d = g.count();
        double[] e = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = (double) (g.value(j) - f.origin());
        }
        double n = (double) g.total();
        double xHi = start;
        double xLo = 0.0;
        for (int it = 0; it < MAX_STEPS; it++) {
            double[] sum = new double[2];
            for (int j = 0; j < d; j++) {
                // t = w_j / (e_j - x) in double-double
                double dHi = e[j] - xHi;
                addQuotient(sum, g.weightHi(j), g.weightLo(j), dHi, twoSumErr(e[j], -xHi, dHi) - xLo);
            }
            double sHi = sum[0];
            double sLo = sum[1];
            // F = N - sum, in double-double
            double fHi = n - sHi;
            double fLo = twoSumErr(n, -sHi, fHi) - sLo;
            double value = fHi + fLo;
            double slope = f.slopeDouble(xHi);
            double step = value / slope;
            if (!Double.isFinite(step)) {
                return null;
            }
            double nHi = xHi + step;
            double nLo = twoSumErr(xHi, step, nHi) + xLo;
            double hi = nHi + nLo;
            nLo = nLo - (hi - nHi);
            if (!(hi > lower && hi < upper)) {
                return null;
            }
            xHi = hi;
            xLo = nLo;
            if (Math.abs(step) <= RESOLVED * Math.abs(xHi)) {
                return new double[] {xHi, xLo};
            }
        }
        return null;
    }

    /**
     * The slope -F'(x) = sum_j w_j / (e_j - x)^2 at x = xHi + xLo, in double-double {hi, lo}:
     * relative error about D 2^-100, enough for a Newton step that gains up to 28 digits.
     */
    static double[] slope(SizeGroups g, long origin, double xHi, double xLo) {
        return sums(g, origin, xHi, xLo, false)[0];
    }

    /**
     * kappa = s3 / s2 = sum_j w_j r_j^3 / sum_j w_j r_j^2, r_j = 1/(e_j - x), at x = xHi + xLo, in
     * double-double {hi, lo} (F''/(2 F') = kappa for F = N f): the second-order term of the
     * Halley step of {@link DyadicNewton}. Its absolute error is about D 2^-100 sum_j w_j |r_j|^3 /
     * s2 &lt;= D 2^-100 / d, d the distance to the nearest pole: the step needs kappa only to the
     * digits the step has already gained.
     */
    static double[] curvature(SizeGroups g, long origin, double xHi, double xLo) {
        double[][] s = sums(g, origin, xHi, xLo, true);
        double[] q = new double[2];
        addQuotient(q, s[1][0], s[1][1], s[0][0], s[0][1]);
        return q;
    }

    /** {s2, s3} (s3 only when {@code cubes}; else {0, 0}), s_m = sum_j w_j / (e_j - x)^m, in double-double. */
    private static double[][] sums(SizeGroups g, long origin, double xHi, double xLo, boolean cubes) {
        double[] s2 = new double[2];
        double[] s3 = new double[2];
        for (int j = 0; j < g.count(); j++) {
            double ej = (double) (g.value(j) - origin);
            double dHi = ej - xHi;
            double dLo = twoSumErr(ej, -xHi, dHi) - xLo;
            // d^2 (and d^3) in double-double, then w / d^2 (and w / d^3)
            double d2Hi = dHi * dHi;
            double d2Lo = Math.fma(dHi, dHi, -d2Hi) + 2 * dHi * dLo;
            addQuotient(s2, g.weightHi(j), g.weightLo(j), d2Hi, d2Lo);
            if (cubes) {
                double d3Hi = d2Hi * dHi;
                double d3Lo = Math.fma(d2Hi, dHi, -d3Hi) + d2Hi * dLo + d2Lo * dHi;
                addQuotient(s3, g.weightHi(j), g.weightLo(j), d3Hi, d3Lo);
            }
        }
        return new double[][] {s2, s3};
    }

    /** sum += (nHi + nLo) / (dHi + dLo), all in double-double (sum = {hi, lo}). */
    private static void addQuotient(double[] sum, double nHi, double nLo, double dHi, double dLo) {
        double q1 = nHi / dHi;
        double p1 = q1 * dHi;
        double p2 = Math.fma(q1, dHi, -p1) + q1 * dLo;
        double q2 = ((nHi - p1) - p2 + nLo) / dHi;
        double tHi = q1 + q2;
        double tLo = q2 - (tHi - q1);
        double s = sum[0] + tHi;
        double err = twoSumErr(sum[0], tHi, s) + sum[1] + tLo;
        sum[0] = s + err;
        sum[1] = err - (sum[0] - s);
    }

    /** The rounding error of s = fl(a + b): a + b = s + err exactly (Knuth's TwoSum). */
    static double twoSumErr(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }
}
