package org.ncverify.optim;

/**
 * The outcome of one {@link Lbfgs} run. Immutable: arrays are copied in and out.
 *
 * @param iterations  accepted steps
 * @param evaluations function-and-gradient evaluations (line searches included)
 * @param nanos       wall time of the run
 * @param stop        why the run stopped
 * @param strongSteps steps accepted by the strong Wolfe conditions
 * @param approximateSteps steps accepted by the approximate Wolfe conditions (decrease below rounding)
 */
public record LbfgsResult(double[] point, double value, double[] gradient, double gradientNorm, int iterations,
                          int evaluations, long nanos, Stop stop, double[] trace, int strongSteps,
                          int approximateSteps) {
    /** Why a run stopped. */
    public enum Stop {
        /** ||g|| / |f| reached the tolerance. */
        GRADIENT,
        /** No acceptable step, even after clearing the memory: the rounding floor of double precision. */
        LINE_SEARCH,
        /** Iteration budget spent. */
        MAX_ITERATIONS,
        /** Evaluation budget spent. */
        MAX_EVALUATIONS,
        /** f or its gradient became NaN or infinite. */
        NON_FINITE
    }

    public LbfgsResult {
        point = point.clone();
        gradient = gradient.clone();
        trace = trace.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /** f after each iteration, the start point first (iterations + 1 entries). */
    @Override
    public double[] trace() {
        return trace.clone();
    }

    /** Wall time in seconds. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** True when the run ended within budget at a stationary point (gradient test or rounding floor). */
    public boolean converged() {
        return stop == Stop.GRADIENT || stop == Stop.LINE_SEARCH;
    }
}
