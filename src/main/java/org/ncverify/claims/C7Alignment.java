package org.ncverify.claims;

import org.ncverify.linalg.ApMatrix;

/**
 * C7, alignment: row i of U^T W_L...W_1 is a positive multiple of column i of Mbar D V for every
 * i with p*(s_i) &gt; 0.
 *
 * <p>The three readings of SPEC section 3 ({@link SingularGeometry}):
 * <ol>
 * <li>consistent pair: max over p_i &gt; 0 of 1 - cos(row i of U^T W, column i of X V);</li>
 * <li>independent bases: the same with V replaced by V R, R a seeded random orthogonal matrix
 *     inside each tied block; it fails at every minimizer with a surviving tied block (a finding
 *     "hypothesis needed", not a refutation);</li>
 * <li>basis-free: B = U^T P V (shared with C4 by {@link Subject#projectedProduct}) equals
 *     diag(p*), i.e. P = U diag(p*) V^T, up to the basis of ambiguous tied blocks, where the
 *     block of B must be symmetric positive semidefinite with the admissible p as eigenvalues.</li>
 * </ol>
 * Status: FAIL when (a) or (c) fails. Tolerance 10^-(P-10) (proofs-notes/C7-alignment.md).
 * Above {@link FactoredGeometry#DENSE_GEOMETRY_BUDGET} the closed form is judged in factored form
 * ({@link #judgeFactored}).
 */
public final class C7Alignment extends AbstractClaim {
    public C7Alignment() {
        super("C7", "Alignment: row i of U^T W_L...W_1 is a positive multiple of column i of Mbar D V (for every i "
                + "with p*(s_i) > 0)",
            "any instance; the candidate is claimed to be a global minimizer; U, V a consistent singular pair of Yhat; "
                + "under a tied block cut by the bottleneck or at s_crit only the basis-free reading applies");
    }

    @Override
    public Verdict check(Subject subject) {
        if (FactoredGeometry.applies(subject)) {
            return judgeFactored(subject.factoredGeometry());
        }
        SingularGeometry g = SingularGeometry.of(subject);
        Tolerance tol = subject.tolerance(10);
        ApMatrix rows = subject.projectedWeights();
        ApMatrix cols = subject.projectedMeans();
        Reading a = g.literalAlignment(Reading.CONSISTENT, rows, cols, tol);
        ApMatrix b = subject.projectedProduct();
        Reading c = g.basisFreeProduct(Reading.BASIS_FREE, b, tol);
        Reading ind = g.independent(a,
            () -> g.literalAlignment(Reading.INDEPENDENT, rows, g.independentlyRotated(cols), tol), c);
        return SingularGeometry.combine(id(), a, ind, c, tol);
    }

    /**
     * The readings on the factored form: cosines of w'_i e_i and x'_i e_i up to eta_W, eta_X, and
     * U*^T P V* = Q_U diag(p') Q_V^T against diag(p*) up to eta_P ({@link FactoredReadings}).
     */
    Verdict judgeFactored(FactoredGeometry f) {
        return FactoredReadings.judge(id(), f, r -> {
            Reading a = r.literalAlignment(Reading.CONSISTENT, false);
            Reading c = r.basisFreeProduct(Reading.BASIS_FREE);
            return new Reading[] {a, f.geometry().independent(a, () -> r.literalAlignment(Reading.INDEPENDENT, true), c), c};
        });
    }
}
