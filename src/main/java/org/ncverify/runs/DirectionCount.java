package org.ncverify.runs;

/**
 * The number of surviving directions of a run's end point: k = #{i : sigma_i &gt; tau}, sigma_i
 * the singular values of P = W_L...W_1 X, against the counts a global minimizer may have
 * (rules and derivation in proofs-notes/optimizer.md, computed by {@link DirectionRule}).
 * The count is <em>ambiguous</em> when the run's accuracy does not separate the collapsed
 * singular values (at most the collapse radius zeta) from the positive stationary ones (at
 * least 2 tau): then {@link #ambiguity()} says why and no class that needs the count is given.
 * Immutable.
 *
 * @param observed       k, the singular values of P above {@code threshold}
 * @param admissible     the counts of the theory's global minimizers (several at s_crit)
 * @param threshold      tau = half the smallest positive value a stationary singular value can take
 *                       (+infinity when none can be positive)
 * @param collapseRadius zeta: the largest singular value a collapsed direction can show at the run's
 *                       gradient norm (first-order estimate plus the rounding of P)
 * @param ambiguity      why the count cannot be trusted, or "" when it can
 */
public record DirectionCount(int observed, CountRange admissible, double threshold, double collapseRadius,
                             String ambiguity) {
    public DirectionCount {
        if (observed < 0 || admissible == null || ambiguity == null) {
            throw new IllegalArgumentException("direction count: observed >= 0, an admissible range and a reason"
                + " (possibly empty) are required");
        }
    }

    /**
     * A count reported without its end point (a summary built outside {@link MultiStart}): its
     * admissibility is unknown, so it is ambiguous.
     */
    public static DirectionCount unmeasured(int observed) {
        return new DirectionCount(observed, new CountRange(observed, observed), Double.NaN, Double.NaN,
            "not measured: the summary was built without the run's end point");
    }

    /** True when the run's accuracy does not decide the count. */
    public boolean ambiguous() {
        return !ambiguity.isEmpty();
    }

    /** True when the count is decided and is one a global minimizer has. */
    public boolean matches() {
        return !ambiguous() && admissible.contains(observed);
    }

    /** "k = 2 (theory 1)", "k = 1 (theory 0..2)", or "k ambiguous (...)". */
    public String describe() {
        return ambiguous() ? "k ambiguous (" + ambiguity + ")"
            : "k = " + observed + " (theory " + admissible + ")";
    }
}
