package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;

/**
 * Precision-doubling Newton iteration for one secular root in integer (dyadic fixed-point)
 * arithmetic: delta = X / 2^b in the variable shifted to the origin pole c_o, each step
 * evaluated by the exact enclosure {@link SecularEnclosure} instead of Apfloat (whose per-operation
 * overhead dominated the whole {@code solve}: about 6D Apfloat operations per evaluation against
 * D BigInteger divisions here).
 *
 * <p>Levels p = 30, 60, ... digits, capped at the full precision P + G + x of
 * {@link SecularRoot}. At level p the iterate has resolution 2^-b &lt;= 10^-(p+3) |delta_0| and the
 * enclosure scale 2^S makes its error in F, W 2^-S, at most 10^-(p+5) |F'| |delta_0|: below the
 * resolution once divided by |F'|. One Newton step per level below the full one (Newton doubles
 * the correct digits, so doubling the precision with it wastes nothing); at the full level steps
 * repeat until the quadratic error estimate |f''/(2 f')| step^2, or the step, is below
 * 10^-(full-2) |delta| (as the Apfloat iteration it replaces). Where one Newton level would not reach
 * the full precision but a cubic step does (2 known &lt; full &lt;= 3 known - 6: P = 50 and 60 from a
 * double-double start), the first step is Halley's ({@link #halleyStep}: exact value and exact
 * integer slope from the same D divisions, the second-order term in double-double), so that one
 * integer evaluation replaces two (issue 13: the cold start of {@code solve} at 60 digits); its
 * stopping rule is the cubic estimate C step^3 ({@link SecularFunction#halleyConstant}), and
 * Newton steps follow where it does not hold. Every step is kept strictly inside
 * a bracket (lo, hi) whose end signs the enclosure has proven (bisection otherwise). A point whose
 * enclosure contains 0 at the full level is the root to the resolution.
 *
 * <p>This is the solver, not the proof: the root is certified afterwards by
 * {@link SpectrumCertificate}. It returns null where it cannot proceed (a zero or non-finite start,
 * no convergence), and {@link SecularRoot} then uses the Apfloat iteration.
 */
final class DyadicNewton {
    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final int FIRST_LEVEL = 30;
    private static final int MAX_FULL_STEPS = 60;
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    /** Digits kept in reserve by the Halley jump: used when full &lt;= 3 known - this. */
    private static final int HALLEY_MARGIN = 6;

    private DyadicNewton() {
    }

    /**
     * The root delta (to {@code full} significant digits) of the shifted secular function.
     *
     * @param start the start startHi + startLo (double or double-double), strictly inside (lower, upper)
     * @param known the digits the start is taken to carry (15 for a double root, 28 after
     *        {@link DoubleDoubleSecular#refine})
     * @param lower bracket end with f &gt; 0 (or the origin pole 0)
     * @param upper bracket end with f &lt; 0 (or the origin pole 0)
     * @param sumSquares -N f'(start) = sum_j w_j / (e_j - start)^2, in double (for the scales)
     * @param curvature |f''/(2 f')| at the start, in double (for the stopping rule)
     * @return delta with {@code full} digits, or null (use the Apfloat iteration)
     */
    static Apfloat refine(SecularFunction f, long full, double[] start, int known, double lower, double upper,
                          double sumSquares, double curvature) {
        SizeGroups g = f.groups();
        long origin = f.origin();
        double startHi = start[0];
        if (startHi == 0.0 || !Double.isFinite(startHi) || !(sumSquares > 0) || !Double.isFinite(sumSquares)
            || !Double.isFinite(curvature)) {
            return null;
        }
        double log2Delta = Math.log(Math.abs(startHi)) / Math.log(2);
        double log2Slope = Math.log(sumSquares) / Math.log(2);
        long have = known;
        // one Halley step (cubic) reaches the full level where two Newton steps would be needed
        boolean halleyFirst = 2 * have < full && full <= 3 * have - HALLEY_MARGIN;
        double halleyConstant = halleyFirst ? f.halleyConstant(startHi) : 0.0;
        long p = halleyFirst ? full : Math.min(full, 2 * have);
        int b = resolutionBits(p, log2Delta);
        BigInteger x = scaled(startHi, b).add(scaled(start[1], b));
        BigInteger lo = scaled(lower, b);
        BigInteger hi = scaled(upper, b);
        int fullSteps = 0;
        while (true) {
            int s = scaleBits(p, g.weightSum().bitLength(), log2Slope, log2Delta);
            // the slope needs the digits the step gains, p - have: double-double up to 28 of them
            boolean halley = halleyFirst && fullSteps == 0;
            boolean exactSlope = halley || p - have > DoubleDoubleSecular.DIGITS;
            BigInteger scaleB = BigInteger.ONE.shiftLeft(b);
            SecularEnclosure e = exactSlope ? SecularEnclosure.at(g, origin, x, scaleB, s)
                : SecularEnclosure.valueAt(g, origin, x, scaleB, s);
            int sign = e.sign();
            if (sign > 0) {
                lo = x;
            } else if (sign < 0) {
                hi = x;
            } else if (p == full) {
                return toApfloat(x, b, full);
            }
            // Newton in X: (F / (-F')) 2^b = center 2^(b+S) / G, or with the slope in double-double
            BigInteger step = exactSlope ? e.center().shiftLeft(b + s).divide(e.slopeLower())
                : newtonStep(e.center(), b, s, slopeAt(g, origin, x, b));
            if (halley) {
                step = halleyStep(step, curvatureAt(g, origin, x, b), b, full);
            }
            BigInteger next = x.add(step);
            boolean resolved = step.abs().multiply(BigInteger.TEN.pow((int) Math.max(0, p - 2))).compareTo(x.abs()) <= 0;
            boolean inside = next.compareTo(lo) > 0 && next.compareTo(hi) < 0;
            if (!inside) {
                BigInteger mid = lo.add(hi).shiftRight(1);
                next = resolved || mid.compareTo(lo) <= 0 ? x : mid;
            }
            if (p == full) {
                fullSteps++;
                double slopeError = exactSlope ? 0.0 : g.count() * 0x1p-100;
                boolean done = halley ? convergedCubic(step, x, halleyConstant, g.count(), b, full)
                    : converged(step, x, curvature, slopeError, b, full);
                if (resolved || inside && done) {
                    return toApfloat(next, b, full);
                }
                if (fullSteps > MAX_FULL_STEPS) {
                    return null;
                }
            }
            x = next;
            have = inside ? p : have;
            if (p < full) {
                p = Math.min(full, 2 * have);
                int nb = resolutionBits(p, log2Delta);
                x = x.shiftLeft(nb - b);
                lo = lo.shiftLeft(nb - b);
                hi = hi.shiftLeft(nb - b);
                b = nb;
            }
        }
    }

    /** The double-double slope -F' at X / 2^b. */
    private static double[] slopeAt(SizeGroups g, long origin, BigInteger x, int b) {
        double[] xd = doubleDouble(x, b);
        return DoubleDoubleSecular.slope(g, origin, xd[0], xd[1]);
    }

    /** The double-double kappa = F''/(2F') at X / 2^b ({@link DoubleDoubleSecular#curvature}). */
    private static double[] curvatureAt(SizeGroups g, long origin, BigInteger x, int b) {
        double[] xd = doubleDouble(x, b);
        return DoubleDoubleSecular.curvature(g, origin, xd[0], xd[1]);
    }

    /** X / 2^b rounded to double-double {hi, lo} (no overflow at any b). */
    private static double[] doubleDouble(BigInteger x, int b) {
        int shift = Math.max(0, x.abs().bitLength() - 110);
        BigInteger top = x.shiftRight(shift);
        double hi = top.doubleValue();
        double lo = top.subtract(new BigDecimal(hi).toBigInteger()).doubleValue();
        return new double[] {Math.scalb(hi, shift - b), Math.scalb(lo, shift - b)};
    }

    /**
     * Halley's step from the Newton step n (in X units, from the exact value and exact slope):
     * n / (1 + u), u = n 2^-b kappa, kappa = F''/(2F') (for F = N - sum_j w_j / (e_j - delta), with
     * G = -F' and kappa = s3/s2, Halley's x - 2FF'/(2F'^2 - FF'') is x + n/(1 + n kappa)). u is
     * formed with 2^-M resolution, M = (full + 5) log2 10 bits, so that its rounding moves the step
     * by less than 10^-(full+5) of it; kappa is the double-double value (a relative error about
     * D 2^-100 in kappa moves the step by about that times n^2 kappa: far below the resolution
     * once n is below 10^-25 |delta|).
     */
    static BigInteger halleyStep(BigInteger newton, double[] kappa, int b, long full) {
        if (kappa[0] == 0.0 || !Double.isFinite(kappa[0]) || !Double.isFinite(kappa[1])) {
            return newton;
        }
        int k = 104 - Math.getExponent(kappa[0]); // kappa = K / 2^k with K an integer of about 105 bits
        BigInteger bigK = scaled(kappa[0], k).add(scaled(kappa[1], k));
        int m = (int) Math.ceil((full + 5) * LOG2_10);
        int shift = b + k - m;
        BigInteger product = newton.multiply(bigK);
        BigInteger u = shift >= 0 ? product.shiftRight(shift) : product.shiftLeft(-shift);
        BigInteger den = BigInteger.ONE.shiftLeft(m).add(u);
        if (den.signum() <= 0) {
            return newton;
        }
        return newton.shiftLeft(m).divide(den);
    }

    /**
     * The error after a Halley step, C step^3 plus the kappa term D 2^-100 step^2 / |x| (in X
     * units), below 10^-(full-2) |x| with a factor 4 to spare, or the step itself below that (a
     * stopping rule, the certificate is the proof).
     */
    private static boolean convergedCubic(BigInteger step, BigInteger x, double constant, int count, int b, long full) {
        if (step.signum() == 0) {
            return true;
        }
        double log2Limit = x.abs().bitLength() - 1 - (full - 2) * LOG2_10;
        double log2Step = step.abs().bitLength();
        if (!(constant > 0) || !Double.isFinite(constant)) {
            return log2Step <= log2Limit;
        }
        double log2Cubic = Math.log(constant) / Math.log(2) + 3 * log2Step - 2.0 * b;
        double log2Kappa = Math.log(count) / Math.log(2) - 100 + 2 * log2Step - (x.abs().bitLength() - 1);
        return Math.max(log2Cubic, log2Kappa) + 2 <= log2Limit || log2Step <= log2Limit;
    }

    /**
     * The Newton step in X, (F / (-F')) 2^b = center 2^(b-S) / slope, with the slope -F' in
     * double-double {hi, lo}: the step needs only the digits it gains (the error after it is the
     * slope's relative error, about D 2^-100, times the step, plus the quadratic term), while
     * the value F carries every digit.
     */
    static BigInteger newtonStep(BigInteger center, int b, int s, double[] slope) {
        int e = Math.getExponent(slope[0]) - 104;
        // slope ~ m 2^e with the integer m of about 105 bits
        BigInteger m = scaled(slope[0], -e).add(scaled(slope[1], -e));
        int shift = b - s - e;
        BigInteger num = shift >= 0 ? center.shiftLeft(shift) : center.shiftRight(-shift);
        return num.divide(m);
    }

    /** b with 2^-b &lt;= 10^-(p+3) |delta_0|. */
    static int resolutionBits(long p, double log2Delta) {
        return (int) Math.max(1, Math.ceil((p + 3) * LOG2_10 - log2Delta));
    }

    /** S with W 2^-S &lt;= 10^-(p+5) |F'| |delta_0| (and S &gt;= 0). */
    static int scaleBits(long p, int log2WeightSum, double log2Slope, double log2Delta) {
        return (int) Math.max(0, Math.ceil(log2WeightSum - log2Slope - log2Delta + (p + 5) * LOG2_10));
    }

    /**
     * The error after the step, |f''/(2f')| step^2 + slopeError |step|, or the step itself, below
     * 10^-(full-2) |x| (in bits: a stopping rule, the certificate is the proof).
     */
    private static boolean converged(BigInteger step, BigInteger x, double curvature, double slopeError, int b, long full) {
        double log2Limit = x.abs().bitLength() - 1 - (full - 2) * LOG2_10;
        if (step.signum() == 0) {
            return true;
        }
        double log2Step = step.abs().bitLength();
        double log2Quadratic = Math.log(Math.max(curvature, Double.MIN_NORMAL)) / Math.log(2) + 2 * log2Step - b;
        double log2Slope = slopeError > 0 ? Math.log(slopeError) / Math.log(2) + log2Step : Double.NEGATIVE_INFINITY;
        return Math.max(log2Quadratic, log2Slope) + 1 <= log2Limit || log2Step <= log2Limit;
    }

    /**
     * round(v 2^b) (half to even) for a finite double v and any integer b, in exact integer
     * arithmetic: v = m 2^e with the integer m of at most 53 bits, so v 2^b = m 2^(e+b) is a shift
     * of m, rounded when e + b &lt; 0.
     */
    static BigInteger scaled(double v, int b) {
        if (v == 0.0) {
            return BigInteger.ZERO;
        }
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("non-finite " + v);
        }
        int e = Math.max(Math.getExponent(v), Double.MIN_EXPONENT) - 52;
        long m = (long) Math.scalb(v, -e); // exact: |m| < 2^53 (subnormals included)
        long shift = (long) e + b;
        if (shift >= 0) {
            return BigInteger.valueOf(m).shiftLeft((int) shift);
        }
        if (shift < -63) {
            return BigInteger.ZERO; // |v 2^b| < 2^53 2^-64 < 1/2
        }
        long abs = Math.abs(m);
        int k = (int) -shift;
        long q = abs >>> k;
        long rem = abs - (q << k);
        long half = 1L << (k - 1);
        if (rem > half || rem == half && (q & 1) == 1) {
            q++;
        }
        return BigInteger.valueOf(m < 0 ? -q : q);
    }

    /** x / 2^b rounded to {@code digits} significant digits, as an Apfloat of that precision. */
    static Apfloat toApfloat(BigInteger x, int b, long digits) {
        if (x.signum() == 0) {
            return Apfloat.ZERO;
        }
        BigDecimal exact = new BigDecimal(x.multiply(FIVE.pow(b)), b);
        BigDecimal rounded = exact.round(new MathContext((int) digits, RoundingMode.HALF_EVEN));
        return new Apfloat(rounded.toString(), digits);
    }
}
