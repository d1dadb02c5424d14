package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.model.Evaluation;

/**
 * C3, optimal value: f* = sum_{i&lt;=r} phi_{s_i}(p*(s_i)) + sum_{i&gt;r} s_i^2/(2N).
 *
 * <p>Residual |f(candidate) - f*| / f*, with f(candidate) evaluated from the definition of
 * SPEC section 1 (every sample's residual, weight decays), never from the formula.
 * Tolerance 10^-(P-10): the evaluation sums O(K d L) rounded terms, all of the size of f*.
 */
public final class C3OptimalValue extends AbstractClaim {
    public C3OptimalValue() {
        super("C3", "Optimal value: f* = sum_{i<=r} phi_{s_i}(p*(s_i)) + sum_{i>r} s_i^2/(2N)",
            "any instance; the candidate is claimed to be a global minimizer");
    }

    @Override
    public Verdict check(Subject subject) {
        Evaluation e = subject.evaluation();
        Apfloat fStar = subject.reference().objective();
        Apfloat residual = relative(e.value(), fStar, Apfloat.ZERO, subject.precision());
        return Verdict.judge(id(), residual, subject.tolerance(10), "definition vs formula",
            "f(point) = " + org.ncverify.linalg.Precision.format(e.value(), 20) + ", f* = "
                + org.ncverify.linalg.Precision.format(fStar, 20));
    }
}
