package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.linalg.ApMatrix;

/**
 * C5, left geometry: U^T (W_L...W_1) has rows i with p*(s_i) = 0 equal to zero and the other
 * rows mutually orthogonal, with known norms w_i = prod_l a_{W_l,i} (the closed form's factor
 * singular values, {@link org.ncverify.theory.ClosedForm#factorSingularValues}).
 *
 * <p>With F = U^T W (cached by {@link Subject#projectedWeights()}) and its row Gram G = F F^T,
 * the three readings of SPEC section 3 ({@link SingularGeometry}):
 * <ol>
 * <li>consistent pair: max of ||row_i|| / S on the zero rows, | ||row_i|| - w_i | / S and
 *     |G_ij| / (S max(w_i, w_j)), S = max w;</li>
 * <li>independent bases: C5 involves U only, which that reading keeps: identical to (a);</li>
 * <li>basis-free: G block-diagonal over the blocks of equal s_i, each block w^2 I (zero
 *     blocks where p = 0), or, on a tied block cut by the bottleneck or at s_crit, with the
 *     admissible w^2 as its eigenvalues.</li>
 * </ol>
 * Status: FAIL when (a) or (c) fails. Tolerance 10^-(P-10) (proofs-notes/C5-left-geometry.md).
 * Above {@link FactoredGeometry#DENSE_GEOMETRY_BUDGET} the closed form is judged in factored form
 * ({@link #judgeFactored}): each reading an interval on the exact-frame reading, no K x K matrix.
 */
public final class C5LeftGeometry extends AbstractClaim {
    public C5LeftGeometry() {
        super("C5", "Left geometry: U^T (W_L...W_1) has rows i with p*(s_i) = 0 equal to zero and the other rows "
                + "mutually orthogonal, with known norms",
            "any instance; the candidate is claimed to be a (balanced) global minimizer; under a tied block cut by the "
                + "bottleneck or at s_crit only the basis-free reading applies");
    }

    @Override
    public Verdict check(Subject subject) {
        if (FactoredGeometry.applies(subject)) {
            return judgeFactored(subject.factoredGeometry());
        }
        SingularGeometry g = SingularGeometry.of(subject);
        Tolerance tol = subject.tolerance(10);
        ApMatrix f = subject.projectedWeights();
        ApMatrix gram = SingularGeometry.rowGram(f);
        Apfloat[] w = g.rowNorms();
        Reading a = g.literalGram(Reading.CONSISTENT, gram, w, tol, "row");
        Reading c = g.basisFreeGram(Reading.BASIS_FREE, gram, w, tol, "row");
        return SingularGeometry.combine(id(), a, g.independent(a, null, c), c, tol);
    }

    /**
     * The readings on the factored form: F = U*^T W = Q_U diag(w') E^T, rows w'_i e_i up to eta_W
     * ({@link FactoredReadings}); (b) is (a), C5 involving U only.
     */
    Verdict judgeFactored(FactoredGeometry f) {
        return FactoredReadings.judge(id(), f, r -> {
            Apfloat[] t = f.geometry().rowNorms();
            Reading a = r.literalGram(Reading.CONSISTENT, f.rowValues(), t, f.etaW(), false, "row");
            Reading c = r.basisFreeGram(Reading.BASIS_FREE, f.rowValues(), t, f.etaW(), "row");
            return new Reading[] {a, f.geometry().independent(a, null, c), c};
        });
    }
}
