package org.ncverify.theory;

/** Which minimizer of the scalar problem phi_s a solution is. */
public enum Branch {
    /** s below the threshold (or beyond the bottleneck): p* = 0. */
    COLLAPSED,
    /** s above the threshold: p* &gt; 0. */
    SURVIVING,
    /**
     * s equal to s_crit to the working precision: for L &gt;= 2 both 0 and (L-1) s_crit / L
     * minimize phi; the positive branch is reported (for L = 1 both coincide at 0).
     */
    AT_THRESHOLD
}
