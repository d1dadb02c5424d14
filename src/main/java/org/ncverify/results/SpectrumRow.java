package org.ncverify.results;

import java.util.Objects;
import org.apfloat.Apfloat;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ScalarSolution;

/**
 * One singular value s_i of Yhat with its interlacing interval [n_(i+1), n_(i)] (SPEC C8) and
 * the scalar law's answer p*(s_i) (SPEC section 2). Immutable.
 *
 * @param singularValue    s_i at the working precision
 * @param lower            n_(i+1), the lower end of the interlacing interval (0 for i = K)
 * @param upper            n_(i), the upper end
 * @param solution         p*(s_i) and its branch
 * @param beyondBottleneck i &gt; r: the direction is cut by the bottleneck, p* = 0 whatever s_i
 */
public record SpectrumRow(Apfloat singularValue, long lower, long upper, ScalarSolution solution,
                          boolean beyondBottleneck) {
    public SpectrumRow {
        Objects.requireNonNull(singularValue, "singularValue");
        Objects.requireNonNull(solution, "solution");
    }

    /** p*(s_i) &gt; 0. */
    public boolean surviving() {
        return solution.p().signum() > 0;
    }

    /** s_i = s_crit (L &gt;= 2): both 0 and the jump are minimizers. */
    public boolean atThreshold() {
        return solution.branch() == Branch.AT_THRESHOLD;
    }
}
