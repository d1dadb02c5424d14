package org.ncverify.spectrum;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.Precision;

/**
 * One root of the secular equation f(mu) = 0 in the open interval (c_{j+1}, c_j) between
 * consecutive distinct sizes, stored as mu = origin + delta with origin the nearer of the
 * two poles (an exact integer) and delta carried to the working precision.
 *
 * <p>Solver: a safeguarded Newton/bisection iteration in double precision on the shifted
 * function gives about 15 digits; Newton steps then double the precision each time
 * (30, 60, ... digits, capped at the working precision P + G plus the digits lost to the
 * root's conditioning, see conditionDigits) and stop once the quadratic
 * error estimate |f''/(2 f')| step^2 falls below 10^-(P+G-2) |delta|. A step leaving the
 * current bracket is replaced by bisection. Typically 3 or 4 high-precision evaluations.
 */
final class SecularRoot {
    private static final int MAX_FULL_PRECISION_STEPS = 60;
    private static final Apfloat HALF = new Apfloat("0.5");

    private final int group;
    private final long origin;
    private final Apfloat delta;
    private final Apfloat value;
    private final double sumSquares;

    private SecularRoot(int group, long origin, Apfloat delta, Apfloat value, double sumSquares) {
        this.group = group;
        this.origin = origin;
        this.delta = delta;
        this.value = value;
        this.sumSquares = sumSquares;
    }

    /** Index j of the interval (c_{j+1}, c_j). */
    int group() {
        return group;
    }

    long origin() {
        return origin;
    }

    Apfloat delta() {
        return delta;
    }

    /** mu at the working precision. */
    Apfloat value() {
        return value;
    }

    /** sum_j w_j / (c_j - mu)^2 = -N f'(mu), in double (for scaling certificates). */
    double sumSquares() {
        return sumSquares;
    }

    /** Solves the root in (c_{j+1}, c_j). */
    static SecularRoot solve(SizeGroups groups, int j, Precision precision) {
        long hi = groups.value(j);
        long lo = groups.value(j + 1);
        double half = (hi - lo) / 2.0;
        SecularFunction fromLo = new SecularFunction(groups, lo);
        boolean nearHi = fromLo.valueDouble(half)[0] > 0;
        SecularFunction f = nearHi ? new SecularFunction(groups, hi) : fromLo;
        // bracket in delta: f(a) > 0 > f(b); the pole end is open
        double a = nearHi ? -half : 0.0;
        double b = nearHi ? 0.0 : half;
        double d0 = solveDouble(f, a, b);
        double[] fd = f.valueDouble(d0);
        int extra = conditionDigits(f, d0, fd[1]);
        Apfloat delta = refine(f, precision, extra, d0, nearHi ? -half : 0.0, nearHi ? 0.0 : half);
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat mu = h.add(new Apint(f.origin()), delta);
        return new SecularRoot(j, f.origin(), delta, mu, -fd[1] * groups.total());
    }

    /**
     * Digits lost to the conditioning of the root: f is evaluated with absolute error about
     * eps sum_j |w_j / (e_j - delta)| / N, which moves the root by that over |f'|; relative
     * to mu this is eps times kappa = sum_j |w_j/(e_j - delta)| / (N |f'| |mu|). The root is
     * refined with ceil(log10 kappa) + 2 extra digits so that it is still correct to the
     * working precision (kappa reaches 10^11 for sizes like 10^12, 10^12 - 1, 3, 1).
     */
    private static int conditionDigits(SecularFunction f, double delta, double derivative) {
        double kappa = f.absoluteSum(delta) / (f.groups().total() * Math.abs(derivative)
            * Math.abs(f.origin() + delta));
        if (!(kappa > 1) || !Double.isFinite(kappa)) {
            return 0;
        }
        return (int) Math.ceil(Math.log10(kappa)) + 2;
    }

    /** Safeguarded Newton/bisection in double on (a, b). */
    private static double solveDouble(SecularFunction f, double a, double b) {
        double x = 0.5 * (a + b);
        for (int it = 0; it < 400; it++) {
            double[] v = f.valueDouble(x);
            if (v[0] == 0.0 || !Double.isFinite(v[0])) {
                return x;
            }
            if (v[0] > 0) {
                a = x;
            } else {
                b = x;
            }
            double next = x - v[0] / v[1];
            if (!(next > a && next < b)) {
                next = 0.5 * (a + b);
            }
            if (Math.abs(next - x) <= 4 * Math.ulp(x) || b - a <= 4 * Math.ulp(Math.max(Math.abs(a), Math.abs(b)))) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** Precision-doubling Newton from the double root, safeguarded by the bracket (a, b). */
    private static Apfloat refine(SecularFunction f, Precision precision, int extra, double start, double aD, double bD) {
        long full = precision.working() + extra;
        long p = Math.min(full, 30);
        Apfloat a = aD == 0.0 ? Apfloat.ZERO : new Apfloat(Double.toString(aD), full);
        Apfloat b = bD == 0.0 ? Apfloat.ZERO : new Apfloat(Double.toString(bD), full);
        Apfloat x = new Apfloat(Double.toString(start), p);
        Apfloat tol = new Apfloat("1e-" + (full - 2), full);
        int fullSteps = 0;
        while (true) {
            FixedPrecisionApfloatHelper h = new FixedPrecisionApfloatHelper(p);
            x = h.valueOf(x);
            SecularFunction.Evaluation ev = f.evaluate(x, h);
            if (ev.f.signum() == 0) {
                return precision.of(x);
            }
            if (ev.f.signum() > 0) {
                a = x;
            } else {
                b = x;
            }
            Apfloat step = h.divide(ev.f, ev.derivative);
            Apfloat next = h.subtract(x, step);
            boolean inside = next.compareTo(a) > 0 && next.compareTo(b) < 0;
            if (!inside) {
                next = h.multiply(h.add(a, b), HALF);
            }
            if (p == full) {
                fullSteps++;
                Apfloat size = ApfloatMath.abs(x);
                // quadratic convergence: error after the step <= |f''/(2f')| step^2 = |s3/s2| step^2
                Apfloat predicted = h.multiply(h.multiply(step, step), ApfloatMath.abs(h.divide(ev.sumCubes, ev.sumSquares)));
                if (inside && (predicted.compareTo(h.multiply(tol, size)) <= 0
                    || ApfloatMath.abs(step).compareTo(h.multiply(tol, size)) <= 0)) {
                    return precision.of(next);
                }
                if (fullSteps > MAX_FULL_PRECISION_STEPS) {
                    throw new ArithmeticException("secular root did not converge at " + full + " digits");
                }
            }
            x = next;
            p = Math.min(full, 2 * p);
        }
    }
}
