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
 * @param directions       significant singular values of W_L...W_1 X at the end point
 * @param trace            f after each iteration, start point first
 */
public record RunSummary(int start, long seed, double initScale, double value, double valueErrorBound,
                         double relativeGap, double gradientNorm, int iterations, int evaluations, double seconds,
                         double secondsToGap, int iterationsToGap, LbfgsResult.Stop stop, StartClass classification,
                         int directions, double[] trace) {
    public RunSummary {
        trace = trace.clone();
    }

    @Override
    public double[] trace() {
        return trace.clone();
    }

    /** ||grad f|| / |f|. */
    public double relativeGradientNorm() {
        return value == 0 ? gradientNorm : gradientNorm / Math.abs(value);
    }
}
