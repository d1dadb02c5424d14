package org.ncverify.optim;

/**
 * A line search along a descent direction p from x that returns a step satisfying the
 * strong Wolfe conditions (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithms
 * 3.5 and 3.6, bracketing then zoom with safeguarded cubic interpolation):
 * <pre>
 *   phi(a) &lt;= phi(0) + c1 a phi'(0)          (sufficient decrease)
 *   |phi'(a)| &lt;= c2 |phi'(0)|               (strong curvature)
 * </pre>
 * with phi(a) = f(x + a p), 0 &lt; c1 &lt; c2 &lt; 1.
 *
 * <p>Near a minimizer, in double precision, f(x + a p) - f(x) falls below the rounding of f
 * (about eps |f|) before the gradient does, and the decrease test becomes noise. There the
 * search also accepts a step that satisfies the <em>approximate</em> Wolfe conditions of Hager
 * and Zhang (SIAM J. Optim. 16, 2005): phi(a) &lt;= phi(0) + epsF |phi(0)| together with
 * (2 c1 - 1) phi'(0) &gt;= phi'(a) and the strong curvature condition; the derivatives are exact
 * to rounding where the values are not. Each accepted step records which test it passed.
 *
 * <p>Not thread-safe: the trial point and its gradient live in buffers of this object.
 */
public final class WolfeLineSearch {
    /** How a step was accepted. */
    public enum Acceptance {
        /** Both strong Wolfe conditions hold with the computed values. */
        STRONG_WOLFE,
        /** The approximate Wolfe conditions hold (decrease below the rounding of f). */
        APPROXIMATE_WOLFE,
        /** No acceptable step within the evaluation budget, or the bracket shrank to rounding. */
        FAILED
    }

    private final DifferentiableFunction f;
    private final double c1;
    private final double c2;
    private final double epsF;
    private final int maxEvaluations;
    private final double[] trial;
    private final double[] trialGrad;
    private double value;
    private double slope;
    private double step;
    private int evaluations;

    /**
     * @param c1             sufficient-decrease constant, 0 &lt; c1 &lt; 1/2
     * @param c2             curvature constant, c1 &lt; c2 &lt; 1
     * @param epsF           relative rounding level of f for the approximate Wolfe test
     * @param maxEvaluations evaluations allowed per search
     */
    public WolfeLineSearch(DifferentiableFunction f, double c1, double c2, double epsF, int maxEvaluations) {
        if (!(c1 > 0 && c1 < 0.5 && c2 > c1 && c2 < 1)) {
            throw new IllegalArgumentException("Wolfe constants c1 = " + c1 + ", c2 = " + c2
                + ": need 0 < c1 < 1/2 and c1 < c2 < 1");
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations = " + maxEvaluations + ": must be >= 1");
        }
        this.f = f;
        this.c1 = c1;
        this.c2 = c2;
        this.epsF = epsF;
        this.maxEvaluations = maxEvaluations;
        this.trial = new double[f.dimension()];
        this.trialGrad = new double[f.dimension()];
    }

    /**
     * Searches along p from x (f(x) = f0, directional derivative g0 = grad f(x) . p &lt; 0),
     * starting with step a0. On success the accepted point, its gradient, value, slope and
     * step are available through the accessors.
     */
    public Acceptance search(double[] x, double f0, double g0, double[] p, double a0) {
        if (!(g0 < 0)) {
            throw new IllegalArgumentException("not a descent direction: phi'(0) = " + g0);
        }
        evaluations = 0;
        double aPrev = 0;
        double fPrev = f0;
        double gPrev = g0;
        double a = a0;
        for (int i = 0; evaluations < maxEvaluations; i++) {
            eval(x, p, a);
            Acceptance accepted = accepts(f0, g0, a);
            if (accepted != null) {
                return accepted;
            }
            if (!Double.isFinite(value) || value > f0 + c1 * a * g0 || (i > 0 && value >= fPrev)) {
                return zoom(x, p, f0, g0, aPrev, fPrev, gPrev, a, value, slope);
            }
            if (slope >= 0) {
                return zoom(x, p, f0, g0, a, value, slope, aPrev, fPrev, gPrev);
            }
            double next = cubicMinimizer(aPrev, fPrev, gPrev, a, value, slope);
            double lo = a + 1.1 * (a - aPrev);
            double hi = a + 10 * (a - aPrev);
            aPrev = a;
            fPrev = value;
            gPrev = slope;
            a = Double.isFinite(next) ? Math.min(Math.max(next, lo), hi) : hi;
        }
        return Acceptance.FAILED;
    }

    private Acceptance zoom(double[] x, double[] p, double f0, double g0, double aLo, double fLo, double gLo,
                            double aHi, double fHi, double gHi) {
        while (evaluations < maxEvaluations) {
            double width = Math.abs(aHi - aLo);
            if (width <= 1e-16 * Math.max(Math.abs(aLo), Math.abs(aHi))) {
                return Acceptance.FAILED;
            }
            double a = Double.isFinite(fHi) ? cubicMinimizer(aLo, fLo, gLo, aHi, fHi, gHi) : Double.NaN;
            double lo = Math.min(aLo, aHi) + 0.1 * width;
            double hi = Math.max(aLo, aHi) - 0.1 * width;
            if (!Double.isFinite(a) || a < lo || a > hi) {
                a = 0.5 * (aLo + aHi);
            }
            eval(x, p, a);
            Acceptance accepted = accepts(f0, g0, a);
            if (accepted != null) {
                return accepted;
            }
            if (!Double.isFinite(value) || value > f0 + c1 * a * g0 || value >= fLo) {
                aHi = a;
                fHi = value;
                gHi = slope;
            } else {
                if (slope * (aHi - aLo) >= 0) {
                    aHi = aLo;
                    fHi = fLo;
                    gHi = gLo;
                }
                aLo = a;
                fLo = value;
                gLo = slope;
            }
        }
        return Acceptance.FAILED;
    }

    /**
     * The test at the current trial step a: STRONG_WOLFE when both strong Wolfe conditions
     * hold, else APPROXIMATE_WOLFE when the approximate ones do, else null.
     */
    private Acceptance accepts(double f0, double g0, double a) {
        if (!Double.isFinite(value) || !Double.isFinite(slope)) {
            return null;
        }
        boolean curvature = Math.abs(slope) <= -c2 * g0;
        if (!curvature) {
            return null;
        }
        if (value <= f0 + c1 * a * g0) {
            return Acceptance.STRONG_WOLFE;
        }
        boolean flat = value <= f0 + epsF * Math.abs(f0);
        boolean decrease = (2 * c1 - 1) * g0 >= slope;
        return flat && decrease ? Acceptance.APPROXIMATE_WOLFE : null;
    }

    private void eval(double[] x, double[] p, double a) {
        for (int i = 0; i < trial.length; i++) {
            trial[i] = x[i] + a * p[i];
        }
        value = f.evaluate(trial, trialGrad);
        evaluations++;
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += trialGrad[i] * p[i];
        }
        slope = s;
        step = a;
    }

    /**
     * The minimizer of the cubic interpolating (a, fa, ga) and (b, fb, gb) (Nocedal and Wright
     * eq. 3.59); NaN when the cubic has no minimizer.
     */
    static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }

    /** The accepted (or last tried) point x + a p. Owned by this object. */
    public double[] point() {
        return trial;
    }

    /** The gradient at {@link #point()}. Owned by this object. */
    public double[] gradient() {
        return trialGrad;
    }

    /** f at {@link #point()}. */
    public double value() {
        return value;
    }

    /** phi'(a) = grad f(x + a p) . p at {@link #point()}. */
    public double slope() {
        return slope;
    }

    /** The step a of {@link #point()}. */
    public double step() {
        return step;
    }

    /** Function evaluations spent by the last search. */
    public int evaluations() {
        return evaluations;
    }

    /** c1. */
    public double c1() {
        return c1;
    }

    /** c2. */
    public double c2() {
        return c2;
    }
}
