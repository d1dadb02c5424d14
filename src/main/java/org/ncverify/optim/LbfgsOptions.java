package org.ncverify.optim;

import org.ncverify.instance.InputException;

/**
 * Settings of {@link Lbfgs}: memory m (pairs kept), the stopping rule on the relative
 * gradient norm ||grad f||_2 / |f| (or ||grad f||_2 when f = 0), and the budgets.
 * Line search constants are the usual c1 = 1e-4, c2 = 0.9 with at most 40 evaluations per
 * search; epsF = 64 u (u = 2^-53) is the relative rounding level of f for the approximate
 * Wolfe test.
 *
 * @param memory            m, 1..100
 * @param gradientTolerance stop when ||g|| / |f| &lt;= this (&gt;= 0)
 * @param maxIterations     iteration budget (&gt;= 1)
 * @param maxEvaluations    function evaluation budget (&gt;= 1)
 */
public record LbfgsOptions(int memory, double gradientTolerance, int maxIterations, int maxEvaluations) {
    /** c1 of the Wolfe conditions. */
    public static final double C1 = 1e-4;
    /** c2 of the Wolfe conditions. */
    public static final double C2 = 0.9;
    /** Relative rounding level of f used by the approximate Wolfe test: 64 u. */
    public static final double EPS_F = 64 * 0x1p-53;
    /** Evaluations per line search. */
    public static final int LINE_SEARCH_EVALUATIONS = 40;

    public LbfgsOptions {
        if (memory < 1 || memory > 100) {
            throw new InputException("memory", " = " + memory + ": must be in 1..100");
        }
        if (!(gradientTolerance >= 0)) {
            throw new InputException("gradientTolerance", " = " + gradientTolerance + ": must be >= 0");
        }
        if (maxIterations < 1) {
            throw new InputException("maxIterations", " = " + maxIterations + ": must be >= 1");
        }
        if (maxEvaluations < 1) {
            throw new InputException("maxEvaluations", " = " + maxEvaluations + ": must be >= 1");
        }
    }

    /** Memory 10, relative gradient 1e-13, the given iteration budget and twice as many evaluations + 100. */
    public static LbfgsOptions defaults(int maxIterations) {
        return new LbfgsOptions(10, 1e-13, maxIterations, 2 * maxIterations + 100);
    }
}
