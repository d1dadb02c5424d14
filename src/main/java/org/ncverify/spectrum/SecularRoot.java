package org.ncverify.spectrum;

import java.math.BigDecimal;
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
 * The high-precision steps run in integer fixed-point arithmetic ({@link DyadicNewton}); the
 * Apfloat iteration ({@link #refine}) is kept for the starts it declines (a zero start).
 */
final class SecularRoot {
    private static final int MAX_FULL_PRECISION_STEPS = 60;
    /** Digits taken for the double-precision root. */
    private static final int DOUBLE_DIGITS = 15;
    private static final Apfloat HALF = new Apfloat("0.5");

    private final int group;
    private final long origin;
    private final Apfloat delta;
    private final Apfloat value;
    private final double sumSquares;
    private final boolean exact;

    private SecularRoot(int group, long origin, Apfloat delta, Apfloat value, double sumSquares, boolean exact) {
        this.group = group;
        this.origin = origin;
        this.delta = delta;
        this.value = value;
        this.sumSquares = sumSquares;
        this.exact = exact;
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

    /** True when mu is the exact midpoint root (f(mid) = 0 proven exactly), not an approximation. */
    boolean exact() {
        return exact;
    }

    /**
     * Solves the root in (c_{j+1}, c_j). The side of the midpoint m = (c_{j+1} + c_j)/2 is
     * decided by the PROVEN sign of f(m) (in double with a rounding-error bound,
     * {@link SecularFunction#provenSign}, else exactly, {@link ExactSecularSign#exactSign}): f(m) &gt; 0 puts the
     * root in (m, c_j), solved from the origin c_j; f(m) &lt; 0 in (c_{j+1}, m), from c_{j+1};
     * f(m) = 0 makes m itself the root, returned exactly (sizes (1, 1, 2): mu = 3/2). A sign
     * taken in double would be 0 or wrong there, leaving the root ON a bracket end that the
     * Newton safeguard below could never reach strictly inside.
     */
    static SecularRoot solve(SizeGroups groups, int j, Precision precision) {
        long hi = groups.value(j);
        long lo = groups.value(j + 1);
        double half = (hi - lo) / 2.0;
        BigDecimal halfExact = BigDecimal.valueOf(hi - lo).divide(BigDecimal.valueOf(2));
        SecularFunction fromLo = new SecularFunction(groups, lo);
        boolean exactInDouble = Math.abs((double) groups.value(0)) < 0x1p51;
        int atMid = exactInDouble ? fromLo.provenSign(half) : 0;
        atMid = atMid != 0 ? atMid : ExactSecularSign.exactSign(groups, BigDecimal.valueOf(lo).add(halfExact));
        FixedPrecisionApfloatHelper h = precision.helper();
        if (atMid == 0) {
            Apfloat delta = h.valueOf(new Apfloat(halfExact.toPlainString(), precision.working()));
            double derivative = fromLo.valueDouble(half)[1];
            return new SecularRoot(j, lo, delta, h.add(new Apint(lo), delta), -derivative * groups.total(), true);
        }
        boolean nearHi = atMid > 0;
        SecularFunction f = nearHi ? new SecularFunction(groups, hi) : fromLo;
        // bracket in delta: f(a) > 0 > f(b), both strict; the pole end is open
        double a = nearHi ? -half : 0.0;
        double b = nearHi ? 0.0 : half;
        double d0 = solveDouble(f, a, b);
        double[] fd = f.valueDouble(d0);
        int extra = conditionDigits(f, d0, fd[1]);
        long full = precision.working() + extra;
        double[] dd = DoubleDoubleSecular.refine(f, d0, a, b);
        double[] start = dd != null ? dd : new double[] {d0, 0.0};
        int known = dd != null ? DoubleDoubleSecular.DIGITS : DOUBLE_DIGITS;
        Apfloat delta = DyadicNewton.refine(f, full, start, known, a, b, -fd[1] * groups.total(), f.curvature(d0));
        delta = delta == null ? refine(f, precision, extra, d0, a, b) : precision.of(delta);
        Apfloat mu = h.add(new Apint(f.origin()), delta);
        return new SecularRoot(j, f.origin(), delta, mu, -fd[1] * groups.total(), false);
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

    /**
     * Precision-doubling Newton from the double root, safeguarded by the bracket (a, b).
     *
     * <p>A step is "resolved" at p digits when |step| &lt;= 10^-(p-2) |x|: the iterate is already
     * correct to the precision it was computed at. Such a step is never replaced by bisection
     * (next = x, and the precision doubles), and at the full precision it ends the iteration,
     * even when x - step is not strictly inside (a, b) -- which happens when Newton lands
     * exactly on a root that is a short decimal and a bracket end was set to that x: bisecting
     * there (the old behaviour) gains one bit per step and ran out of steps ("secular root did
     * not converge", sizes (1, 2, 1, 3, 1) at 40 digits). Safe: f(x) and f'(x) &lt; 0 point the step
     * toward the root, so a step overshooting the bracket is longer than the distance to the root.
     * A computed f(x) = 0 ends the iteration only at the full precision (at lower precision it
     * is cancellation, not convergence).
     */
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
                if (p == full) {
                    return precision.of(x);
                }
                p = Math.min(full, 2 * p);
                continue;
            }
            if (ev.f.signum() > 0) {
                a = x;
            } else {
                b = x;
            }
            Apfloat step = h.divide(ev.f, ev.derivative);
            Apfloat next = h.subtract(x, step);
            Apfloat size = ApfloatMath.abs(x);
            Apfloat absStep = ApfloatMath.abs(step);
            boolean resolved = absStep.compareTo(h.multiply(new Apfloat("1e-" + (p - 2), p), size)) <= 0;
            boolean inside = next.compareTo(a) > 0 && next.compareTo(b) < 0;
            if (!inside) {
                next = resolved ? x : h.multiply(h.add(a, b), HALF);
            }
            if (p == full) {
                fullSteps++;
                // quadratic convergence: error after the step <= |f''/(2f')| step^2 = |s3/s2| step^2
                Apfloat predicted = h.multiply(h.multiply(step, step), ApfloatMath.abs(h.divide(ev.sumCubes, ev.sumSquares)));
                Apfloat limit = h.multiply(tol, size);
                if (resolved || inside && (predicted.compareTo(limit) <= 0 || absStep.compareTo(limit) <= 0)) {
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
