package org.ncverify.theory;

/** Which minimizer of the scalar problem phi_s a solution is. */
public enum Branch {
    /** s below the threshold (or beyond the bottleneck): p* = 0. */
    COLLAPSED,
    /** s above the threshold: p* &gt; 0. */
    SURVIVING,
    /**
     * s = s_crit, proven by the exact comparison of a certified bracket of s^2 with the rational
     * s_crit^(2L), or, when no bracket decides, within the rounding band 10^-(P+G-4) (relative)
     * of s_crit: for L &gt;= 2 both 0 and (L-1) s_crit / L minimize phi; the positive branch is
     * reported (for L = 1 both coincide at 0).
     */
    AT_THRESHOLD
}
