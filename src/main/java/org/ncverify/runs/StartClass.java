package org.ncverify.runs;

/**
 * Where a start ended, judged against the theory's f* and its number of surviving directions
 * (rules in proofs-notes/optimizer.md, applied in this order by {@link RunClassifier}).
 */
public enum StartClass {
    /** f below f* by more than the relative gap 1e-10: would refute the theorem (claim C13 judges it). */
    BELOW_OPTIMUM,
    /** Relative gap |f - f*| / f* below 1e-10. */
    GLOBAL,
    /** Budget spent (or non-finite values) before a stationary point was reached. */
    NOT_CONVERGED,
    /** Stalled at the origin: L &gt;= 2, every weight and the features ~ 0 (a local minimum of deep models). */
    ORIGIN,
    /** Stalled with fewer significant singular values of W_L...W_1 X than the theory's surviving directions. */
    PARTIAL,
    /**
     * Stalled with more significant singular values of W_L...W_1 X than the theory keeps: for
     * L &gt;= 2 the scalar problem phi_s has a local minimum at p &gt; 0 also for some s below s_crit,
     * so a direction the global minimizer collapses can survive at a spurious local minimum.
     */
    EXCESS,
    /** Stationary to the rounding floor with the theory's rank but a gap above 1e-10. */
    OTHER_STATIONARY
}
