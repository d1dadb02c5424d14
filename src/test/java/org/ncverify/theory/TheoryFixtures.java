package org.ncverify.theory;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * Test support: scalar solutions with a chosen (possibly wrong) p, for the tests of the
 * checkers that judge the scalar law (claim C10). {@link ScalarSolution}'s constructor is
 * package-private; this is the only way tests outside the package build one.
 */
public final class TheoryFixtures {
    private TheoryFixtures() {
    }

    /**
     * The solution record (s, p, q = p^(1/(L+1)), phi_s(p), branch) for an arbitrary p &gt;= 0;
     * phi is evaluated honestly by the law, only p is chosen by the caller.
     */
    public static ScalarSolution solution(ScalarLaw law, Apfloat s, Apfloat p, Branch branch) {
        FixedPrecisionApfloatHelper h = law.precision().helper();
        Apfloat q = p.signum() == 0 ? Apfloat.ZERO : h.root(p, law.depth() + 1L);
        return new ScalarSolution(s, p, q, law.phi(s, p, q), branch);
    }
}
