package org.ncverify.runs;

import org.ncverify.optim.FullObjective;
import org.ncverify.optim.LbfgsResult;

/**
 * One start of a {@link MultiStart}: how it was started, where it ended and how it got there.
 * Immutable (the trace is copied in and out).
 *
 * @param start            0-based start index
 * @param seed             seed of its random start point
 * @param initScale        the start point is N(0, 1) * initScale, entry by entry
 * @param value            final f, computed in double
 * @param valueErrorBound  bound on the rounding error of {@code value} ({@link FullObjective#valueErrorBound})
 * @param relativeGap      (f - f*) / f*
 * @param gradientNorm     final ||grad f||_2 (double)
 * @param iterations       L-BFGS iterations
 * @param evaluations      function evaluations
 * @param seconds          wall time of the run (from its start point, set-up excluded)
 * @param secondsToGap     wall time at which |f - f*| / f* first fell below 1e-10, NaN if never
 * @param iterationsToGap  the iteration at which it did, -1 if never
 * @param stop             why L-BFGS stopped
 * @param classification   where it ended ({@link RunClassifier})
 * @param directions       surviving directions of W_L...W_1 X at the end point ({@code count.observed()})
 * @param trace            f after each iteration, start point first
 * @param count            the direction count with its threshold, collapse radius, admissible counts and
 *                         ambiguity ({@link DirectionRule})
 */
public record RunSummary(int start, long seed, double initScale, double value, double valueErrorBound,
                         double relativeGap, double gradientNorm, int iterations, int evaluations, double seconds,
                         double secondsToGap, int iterationsToGap, LbfgsResult.Stop stop, StartClass classification,
                         int directions, double[] trace, DirectionCount count) {
    public RunSummary {
        trace = trace.clone();
        if (count == null || count.observed() != directions) {
            throw new IllegalArgumentException("directions = " + directions + " must be the count's observed value");
        }
    }

    /**
     * A summary without its end point's geometry (e.g. a synthetic run): the count is
     * {@link DirectionCount#unmeasured}, i.e. ambiguous.
     */
    public RunSummary(int start, long seed, double initScale, double value, double valueErrorBound,
                      double relativeGap, double gradientNorm, int iterations, int evaluations, double seconds,
                      double secondsToGap, int iterationsToGap, LbfgsResult.Stop stop, StartClass classification,
                      int directions, double[] trace) {
        this(start, seed, initScale, value, valueErrorBound, relativeGap, gradientNorm, iterations, evaluations, seconds,
            secondsToGap, iterationsToGap, stop, classification, directions, trace, DirectionCount.unmeasured(directions));
    }

    @Override
    public double[] trace() {
        return trace.clone();
    }

    /**
     * A distinct local minimizer whose value is within the value test of f*: PARTIAL, EXCESS or
     * ORIGIN with |gap| &lt; {@link RunClassifier#GLOBAL_GAP} (a landscape finding, not a refutation:
     * the value test alone would have called it GLOBAL).
     */
    public boolean nearDegenerateLocalMinimum() {
        return Math.abs(relativeGap) < RunClassifier.GLOBAL_GAP && (classification == StartClass.PARTIAL
            || classification == StartClass.EXCESS || classification == StartClass.ORIGIN);
    }

    /** ||grad f|| / |f|. */
    public double relativeGradientNorm() {
        return value == 0 ? gradientNorm : gradientNorm / Math.abs(value);
    }
}
