package org.ncverify.claims;

/** Outcome of one claim on one instance and candidate point. */
public enum Status {
    /** The residual is within the tolerance (and every value was finite). */
    PASS,
    /** The residual exceeds the tolerance, or a value was NaN, infinite or undefined. */
    FAIL,
    /** The claim's hypotheses do not hold for this instance; never counted as a pass. */
    NOT_APPLICABLE,
    /**
     * The evidence supports neither PASS nor FAIL: the candidate is an inexact point whose
     * distance to the minimizer set cannot be bounded from what was measured (not converged,
     * near-degenerate curvature). Always carries its reason; never counted as a pass.
     */
    INCONCLUSIVE
}
