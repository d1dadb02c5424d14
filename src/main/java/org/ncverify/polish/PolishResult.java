package org.ncverify.polish;

import java.time.Duration;
import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;

/**
 * The outcome of {@link Polish#refine}: the refined point (one feature column per sample, at
 * the working precision), f there, the final gradient norm (absolute and relative to
 * {@link org.ncverify.model.Gradient#scale()}), the counts of Newton steps, Hessian-vector
 * products and objective evaluations, the wall time, the trace of gradient norms (one entry
 * per visited iterate, the start first) and why the iteration stopped. Immutable.
 */
public final class PolishResult {
    /** Why the iteration stopped. */
    public enum Stop {
        /** The gradient norm reached the target (absolute and relative). */
        CONVERGED,
        /**
         * Linear convergence (less than a digit a step on average) over
         * {@link ConvergenceMonitor#STOP_WINDOW} steps in spite of the extrapolated steps: a degenerate minimum (vanishing curvature along some direction),
         * where the distance to the minimizer is no longer ||g|| over a curvature (see
         * {@link #convergenceRate()}, {@link #smallestCurvature()}).
         */
        DEGENERATE_LINEAR,
        /** The Newton step budget ran out. */
        ITERATION_BUDGET,
        /** The Hessian-vector product budget ran out. */
        PRODUCT_BUDGET,
        /** No step length along the Newton-CG direction decreased f (down to its rounding level). */
        LINE_SEARCH_FAILED
    }

    private final Point point;
    private final Precision precision;
    private final Apfloat value;
    private final Apfloat gradientNorm;
    private final Apfloat relativeGradientNorm;
    private final Apfloat gradientFloor;
    private final int iterations;
    private final int hessianProducts;
    private final int evaluations;
    private final Duration wallTime;
    private final List<Apfloat> trace;
    private final Stop stop;
    private final double convergenceRate;
    private final Apfloat smallestCurvature;
    private final int extrapolatedSteps;

    PolishResult(Point point, Precision precision, Apfloat value, Apfloat gradientNorm, Apfloat relativeGradientNorm,
                 Apfloat gradientFloor, int iterations, int hessianProducts, int evaluations, Duration wallTime,
                 List<Apfloat> trace, Stop stop, double convergenceRate, Apfloat smallestCurvature,
                 int extrapolatedSteps) {
        this.point = point;
        this.precision = precision;
        this.value = value;
        this.gradientNorm = gradientNorm;
        this.relativeGradientNorm = relativeGradientNorm;
        this.gradientFloor = gradientFloor;
        this.iterations = iterations;
        this.hessianProducts = hessianProducts;
        this.evaluations = evaluations;
        this.wallTime = wallTime;
        this.trace = List.copyOf(trace);
        this.stop = stop;
        this.convergenceRate = convergenceRate;
        this.smallestCurvature = smallestCurvature;
        this.extrapolatedSteps = extrapolatedSteps;
    }

    /** The refined point (multiplicities 1, at {@link #precision()}). */
    public Point point() {
        return point;
    }

    /** The working precision of the polish. */
    public Precision precision() {
        return precision;
    }

    /** f at the refined point. */
    public Apfloat value() {
        return value;
    }

    /** ||grad f|| at the refined point (all N sample columns). */
    public Apfloat gradientNorm() {
        return gradientNorm;
    }

    /** ||grad f|| / scale at the refined point. */
    public Apfloat relativeGradientNorm() {
        return relativeGradientNorm;
    }

    /**
     * eps * scale at the refined point (eps = 10^-(P+G)): the rounding level of the computed
     * gradient. A {@link #gradientNorm()} below it (even an exact 0, which happens when a
     * Newton step lands below it) means "stationary to working precision", nothing smaller.
     */
    public Apfloat gradientFloor() {
        return gradientFloor;
    }

    /** Newton steps taken. */
    public int iterations() {
        return iterations;
    }

    /** Hessian-vector products used (by the CG inner solves). */
    public int hessianProducts() {
        return hessianProducts;
    }

    /** Evaluations of f and its gradient (start and line-search trials). */
    public int evaluations() {
        return evaluations;
    }

    public Duration wallTime() {
        return wallTime;
    }

    /** ||grad f|| at the start and after each Newton step (unmodifiable). */
    public List<Apfloat> trace() {
        return trace;
    }

    public Stop stop() {
        return stop;
    }

    /**
     * The observed rate: the geometric mean of the ratios ||g_{k+1}|| / ||g_k|| over the last
     * min({@link ConvergenceMonitor#STOP_WINDOW}, steps) Newton steps (NaN when no step was taken). Near 0: quadratic convergence;
     * steady in [0.1, 1): linear (a degenerate minimum).
     */
    public double convergenceRate() {
        return convergenceRate;
    }

    /**
     * The smallest Rayleigh quotient d^T H d / d^T d over the CG directions of every Newton step
     * (an upper bound on the smallest curvature of H on the Krylov spaces of the gradients, the
     * spaces the steps move in), or null when no step was taken. Near 0 (against the decays): a
     * degenerate direction.
     */
    public Apfloat smallestCurvature() {
        return smallestCurvature;
    }

    /** The largest curvature the distance estimate trusts: a nondegenerate minimum is assumed no flatter. */
    public static final double TRUSTED_CURVATURE = 1e-5;

    /**
     * -log10 of the distance estimate delta = ||g|| / kappa_eff to the minimizer set, with
     * kappa_eff = max(min(kappa, 1e-5), ||g||^(2/3)) and kappa = {@link #smallestCurvature()}
     * (1e-5 when no step was taken): at a nondegenerate minimum of curvature kappa the distance is
     * ||g|| / kappa, never trusted for a curvature above 1e-5; at a quartic one (f ~ t^4) the
     * gradient is ~ t^3 and the curvature ~ t^2 = ||g||^(2/3), so delta ~ ||g||^(1/3). +infinity
     * for an exact zero gradient (then {@link #gradientFloor()} is the honest level).
     */
    public double distanceDigits() {
        double lg = ConvergenceMonitor.log10(gradientNorm);
        double trusted = Math.log10(TRUSTED_CURVATURE);
        double lk;
        if (smallestCurvature == null) {
            lk = trusted;
        } else {
            lk = smallestCurvature.signum() <= 0 ? Double.NEGATIVE_INFINITY
                : Math.min(ConvergenceMonitor.log10(smallestCurvature), trusted);
        }
        double effective = Math.max(lk, 2 * lg / 3);
        return -(lg - effective);
    }

    /** Steps accepted with an extrapolation factor above 1 (the rule for linear convergence). */
    public int extrapolatedSteps() {
        return extrapolatedSteps;
    }

    /** True when the target was reached. */
    public boolean converged() {
        return stop == Stop.CONVERGED;
    }

    @Override
    public String toString() {
        return "PolishResult[" + stop + ", |grad|=" + Precision.formatScientific(gradientNorm, 3)
            + ", rel=" + Precision.formatScientific(relativeGradientNorm, 3)
            + ", floor=" + Precision.formatScientific(gradientFloor, 2) + ", rate=" + String.format("%.3g", convergenceRate)
            + ", minCurvature=" + (smallestCurvature == null ? "-" : Precision.formatScientific(smallestCurvature, 2))
            + ", extrapolated=" + extrapolatedSteps + ", iterations=" + iterations
            + ", Hv=" + hessianProducts + ", evaluations=" + evaluations + ", " + wallTime.toMillis() + " ms]";
    }
}
