package org.ncverify.claims;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.Curvature;
import org.ncverify.optim.CurvatureEstimator;
import org.ncverify.optim.FullObjective;
import org.ncverify.polish.FlatPoints;

/**
 * The tolerance rule of an inexact candidate: an optimizer's double point or a polished
 * high-precision point (proofs-notes/optimizer-tolerances.md). Its entries are exact values
 * judged at the reference's precision P, so a check's own rounding is 10^-(P - slack) as for
 * any candidate; what separates the point from the minimizer set is its distance to it, which
 * is bounded from the gradient and the curvature:
 * <pre>
 *   eta    = max(||grad f(x)||_2, gradient floor)      (all W_l, all N columns, b)
 *   mu     = the smallest curvature of f at x on the complement of the symmetry tangents
 *            (Lanczos, {@link CurvatureEstimator}), less its Ritz residual and its Hv error
 *   mu_eff = min(mu, lambda_min),  lambda_min = min(lambda_H, lambda_{W_1}, ..., lambda_{W_L})
 *   delta  = eta / mu_eff                               (distance to the minimizer set)
 *   tol(slack)  = A delta + 10^-(P - slack)             (first-order claims, A = 100)
 *   value tol   = A eta^2 / (2 mu_eff f*) + 10^-(P - 10) (C3, C13: the gap is second order)
 * </pre>
 * The bound delta holds inside the region where the quadratic model of f dominates; the rule
 * therefore states when it does NOT apply, and the subject's verdicts are then INCONCLUSIVE
 * with every reason that holds ({@link #reason()}):
 * <ul>
 * <li><b>not converged</b>: the run or the polish stopped on its budget (or on a non-finite
 *     value), or delta &gt; {@link #QUADRATIC} mu_eff (the point lies outside the region where a
 *     third derivative of unit size leaves the quadratic model valid);</li>
 * <li><b>near-degenerate curvature</b>: mu &lt; {@link #DEGENERATE} lambda_min, or mu below
 *     {@link #MEASURABLE} Hessian-vector errors (a degenerate, e.g. quartic, minimum: the
 *     distance is not bounded by eta / mu);</li>
 * <li><b>not the global minimizer</b>: the optimizer's best run is not classified GLOBAL, or
 *     f(x) exceeds f* by more than the value tolerance (a stationary point other than the global
 *     minimizer: the claims about the global minimizer say nothing about it).</li>
 * </ul>
 * <p><b>A point from outside</b> ({@link Subject#ofExternal}) also carries the unit roundoff u of
 * the file it came from (2^-53 for float64, 2^-24 for float32). A global minimizer stored in that
 * precision lies within delta_r = u ||x||_2 of the minimizer set, so its first-order residuals stay
 * below {@link #roundingTolerance} = A delta_r + 10^-(P - slack). Where the curvature rule cannot
 * bound the distance, a residual above that refutes "x is a global minimizer stored in its file's
 * precision" for the claim's property: the verdict is a FAIL about the point (never about the
 * theorem, which {@code verify} certifies); a residual below it stays INCONCLUSIVE.
 *
 * <p>Immutable apart from the record of the tolerances it issued; built once per subject.
 */
final class InexactRule {
    /** Amplification A of delta (covers the factor norms of the first-order bounds). */
    static final double AMPLIFICATION = 100;
    /** mu below this fraction of lambda_min is near-degenerate. */
    static final double DEGENERATE = 1e-6;
    /** mu must exceed this many Hessian-vector errors to count as measured. */
    static final double MEASURABLE = 10;
    /** delta must stay below this times mu_eff (quadratic region). */
    static final double QUADRATIC = 1e-2;
    /** Lanczos steps and the seed of its start vector. */
    static final int LANCZOS_STEPS = CurvatureEstimator.DEFAULT_STEPS;
    static final long LANCZOS_SEED = 0x5EED_C0A7L;

    private final Precision p;
    private final Apfloat eta;
    private final Apfloat muEff;
    private final Apfloat delta;
    private final Apfloat valueTolerance;
    private final Curvature curvature;
    private final String reason;
    private final String summary;
    private final Apfloat roundingDistance;
    private final String roundingSummary;
    /** The first-order tolerances this rule issued, with their slack (identity keys). */
    private final Map<Tolerance, Integer> issued = new ConcurrentHashMap<>();

    /**
     * @param subject      the candidate (its gradient and f at P)
     * @param floor        the rounding level of the gradient (0 when the gradient is exact in binary terms)
     * @param stopReason   why the producing iteration stopped short of convergence, null when it did not
     * @param classReason  why the point is not the global minimizer by its run's class, null when it is
     */
    InexactRule(Subject subject, Apfloat floor, String stopReason, String classReason) {
        this(subject, floor, stopReason, classReason, Double.NaN, null);
    }

    /**
     * @param unitRoundoff u of the file a point from outside came from (NaN: no rounded-minimizer rule)
     * @param dtype        the file's precision as named to the user (e.g. "float64"), or null
     */
    InexactRule(Subject subject, Apfloat floor, String stopReason, String classReason, double unitRoundoff,
                String dtype) {
        this.p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Instance inst = subject.instance();
        Apfloat lambdaMin = p.of(inst.lambdaH());
        for (int l = 1; l <= inst.depth(); l++) {
            Apfloat lw = p.of(inst.lambdaW(l));
            lambdaMin = lw.compareTo(lambdaMin) < 0 ? lw : lambdaMin;
        }
        Apfloat g = subject.evaluation().gradient().norm();
        this.eta = g.compareTo(floor) < 0 ? floor : g;
        FullObjective f = FullObjective.of(inst);
        double[] flat = FlatPoints.doubles(subject.candidate());
        this.curvature = CurvatureEstimator.estimate(f, flat, LANCZOS_STEPS, LANCZOS_SEED);
        double norm = 0;
        for (double v : flat) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        this.roundingDistance = Double.isNaN(unitRoundoff) ? null : p.ofBinary(unitRoundoff * norm);
        this.roundingSummary = Double.isNaN(unitRoundoff) ? null : String.format("u = %.3g (%s), ||x|| = %.3g",
            unitRoundoff, dtype, norm);
        double mu = curvature.finite() ? curvature.lowerBound() : Double.NaN;
        double lm = lambdaMin.doubleValue();
        StringBuilder why = new StringBuilder();
        if (stopReason != null) {
            append(why, "not converged: " + stopReason);
        }
        if (classReason != null) {
            append(why, "not the global minimizer: " + classReason);
        }
        boolean degenerate = degenerate(mu, lm, curvature.productError());
        if (degenerate) {
            append(why, String.format("near-degenerate curvature: mu = %.2e on the complement of the symmetries"
                + (mu < -MEASURABLE * curvature.productError() ? " (negative: a saddle, or a point outside the quadratic"
                + " region)" : "") + ", below"
                + " %.0e lambda_min = %.2e or %.0f Hv errors (%.1e): the distance to the minimizer set is not bounded by"
                + " ||grad f|| / mu", mu, DEGENERATE, DEGENERATE * lm, MEASURABLE, curvature.productError()));
        }
        this.muEff = effectiveCurvature(mu, lambdaMin, degenerate, p);
        this.delta = h.divide(eta, muEff);
        if (!degenerate && outsideQuadraticRegion(delta, muEff, p)) {
            append(why, "not converged: ||grad f|| / mu = " + Precision.formatScientific(delta, 3) + " exceeds "
                + QUADRATIC + " mu = " + Precision.formatScientific(h.multiply(p.ofBinary(QUADRATIC), muEff), 3)
                + " (outside the quadratic region)");
        }
        Apfloat fStar = subject.reference().objective();
        this.valueTolerance = valueTolerance(eta, muEff, fStar, p);
        Apfloat gap = h.divide(h.subtract(subject.evaluation().value(), fStar), fStar);
        if (why.length() == 0 && gap.compareTo(valueTolerance) > 0) {
            append(why, "not the global minimizer: f exceeds f* by " + Precision.formatScientific(gap, 3)
                + " f*, beyond the second-order gap " + Precision.formatScientific(valueTolerance, 3)
                + " f* of a point this close to a minimizer: a stationary point other than the global minimizer");
        }
        this.reason = why.length() == 0 ? null : why.toString();
        this.summary = "||grad f|| = " + Precision.formatScientific(eta, 3) + ", mu = "
            + (degenerate ? "lambda_min = " + Precision.formatScientific(muEff, 3) + " (the curvature is near-degenerate:"
                + " this tolerance is not a bound)" : "min(curvature, lambda_min) = " + Precision.formatScientific(muEff, 3))
            + " [" + curvature + "]";
    }

    private static void append(StringBuilder b, String s) {
        b.append(b.length() == 0 ? "" : "; ").append(s);
    }

    /** A delta + 10^-(P - slack), the slack capped at half the digits (as {@link Tolerance#fromDigits}). */
    Tolerance tolerance(int slack) {
        FixedPrecisionApfloatHelper h = p.helper();
        Tolerance rounding = Tolerance.fromDigits(p.digits(), slack);
        Tolerance t = Tolerance.of(h.add(h.multiply(p.ofBinary(AMPLIFICATION), delta), rounding.value()),
            "curvature rule: 100 ||grad f|| / mu + 10^-(P-" + Math.min(slack, p.digits() / 2) + "), " + summary);
        issued.put(t, slack);
        return t;
    }

    /**
     * For a first-order tolerance {@code t} this rule issued, the tolerance a global minimizer
     * stored in the file's precision meets: A u ||x|| + 10^-(P - slack); null when {@code t} was not
     * issued here as a first-order tolerance or the subject is not a point from outside.
     */
    Tolerance roundingTolerance(Tolerance t) {
        Integer slack = t == null || roundingDistance == null ? null : issued.get(t);
        if (slack == null) {
            return null;
        }
        FixedPrecisionApfloatHelper h = p.helper();
        return Tolerance.of(h.add(h.multiply(p.ofBinary(AMPLIFICATION), roundingDistance),
            Tolerance.fromDigits(p.digits(), slack).value()), "rounded-minimizer rule: 100 u ||x|| + 10^-(P-"
            + Math.min(slack, p.digits() / 2) + "), " + roundingSummary + ": what a global minimizer stored in the file's"
            + " precision meets");
    }

    /** A eta^2 / (2 mu f*) + 10^-(P-10): the relative value gap of a point at distance delta. */
    Tolerance valueTolerance() {
        return Tolerance.of(valueTolerance, "second-order rule: 100 ||grad f||^2 / (2 mu f*) + 10^-(P-10), " + summary);
    }

    /** Why the distance to the minimizer set cannot be bounded, or null when the rule applies. */
    String reason() {
        return reason;
    }

    /**
     * Near-degenerate curvature: not (mu &gt;= {@link #DEGENERATE} lambda_min and mu &gt;=
     * {@link #MEASURABLE} hvError); a NaN mu is degenerate.
     */
    static boolean degenerate(double mu, double lambdaMin, double hvError) {
        return !(mu >= DEGENERATE * lambdaMin) || !(mu >= MEASURABLE * hvError);
    }

    /** mu_eff = min(mu, lambda_min), or lambda_min when the curvature is degenerate (then no bound). */
    static Apfloat effectiveCurvature(double mu, Apfloat lambdaMin, boolean degenerate, Precision p) {
        return !degenerate && mu < lambdaMin.doubleValue() ? p.ofBinary(mu) : lambdaMin;
    }

    /** delta &gt; {@link #QUADRATIC} mu_eff: the point lies outside the region where f is quadratic. */
    static boolean outsideQuadraticRegion(Apfloat delta, Apfloat muEff, Precision p) {
        return delta.compareTo(p.helper().multiply(p.ofBinary(QUADRATIC), muEff)) > 0;
    }

    /** The value claims' relative tolerance {@link #AMPLIFICATION} ||g||^2 / (2 mu_eff f*) + 10^-(P-10). */
    static Apfloat valueTolerance(Apfloat eta, Apfloat muEff, Apfloat fStar, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat second = h.divide(h.multiply(eta, eta), h.multiply(p.of(2L), h.multiply(muEff, fStar)));
        return h.add(h.multiply(p.ofBinary(AMPLIFICATION), second), Tolerance.fromDigits(p.digits(), 10).value());
    }

    /** The curvature estimate at the point. */
    Curvature curvature() {
        return curvature;
    }

}
