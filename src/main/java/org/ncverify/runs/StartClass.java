package org.ncverify.runs;

/**
 * Where a start ended, judged against the theory's f* and its admissible numbers of surviving
 * directions (rules in proofs-notes/optimizer.md, applied in this order by {@link RunClassifier}).
 * PARTIAL, EXCESS and ORIGIN runs whose gap is below 1e-10 are near-degenerate local minima
 * ({@link RunSummary#nearDegenerateLocalMinimum()}).
 */
public enum StartClass {
    /** f below f* by more than the relative gap 1e-10: would refute the theorem (claim C13 judges it). */
    BELOW_OPTIMUM,
    /**
     * Relative gap |f - f*| / f* below 1e-10 AND a decided direction count that a global minimizer
     * has (at s_crit several counts are admissible).
     */
    GLOBAL,
    /** Budget spent (or non-finite values) before a stationary point was reached. */
    NOT_CONVERGED,
    /**
     * Converged, but the run's accuracy does not decide its direction count (the smallest positive
     * stationary singular value is within the collapse radius of 0, or a singular value sits
     * between the two): neither GLOBAL nor a local minimum can be claimed.
     */
    UNRESOLVED,
    /** Stalled at the origin: L &gt;= 2, every weight and the features ~ 0 (a local minimum of deep models). */
    ORIGIN,
    /** Stalled with fewer surviving directions of W_L...W_1 X than every global minimizer has. */
    PARTIAL,
    /**
     * Stalled with more surviving directions of W_L...W_1 X than every global minimizer has: for
     * L &gt;= 2 the scalar problem phi_s has a local minimum at p &gt; 0 also for some s below s_crit,
     * so a direction the global minimizer collapses can survive at a spurious local minimum.
     */
    EXCESS,
    /** Stationary to the rounding floor with an admissible direction count but a gap above 1e-10. */
    OTHER_STATIONARY
}
