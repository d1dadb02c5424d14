package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.linalg.ApMatrix;

/**
 * C6, right geometry: X V = Mbar D V has columns i with p*(s_i) = 0 equal to zero and the other
 * columns mutually orthogonal, with known norms x_i = a_{H,i} (the closed form's singular values
 * of H, {@link org.ncverify.theory.ClosedForm#factorSingularValues}).
 *
 * <p>With X V cached by {@link Subject#projectedMeans()} and its column Gram G = (X V)^T (X V),
 * the three readings of SPEC section 3 ({@link SingularGeometry}), as in C5 on columns:
 * (a) consistent pair, (b) V replaced by V R with R a seeded random orthogonal matrix inside
 * each tied block (U is not involved; a valid minimizer still passes, since the block of G is
 * x^2 I), (c) basis-free block structure of G. Status: FAIL when (a) or (c) fails. Tolerance
 * 10^-(P-10) (proofs-notes/C6-right-geometry.md). Above {@link FactoredGeometry#DENSE_GEOMETRY_BUDGET}
 * the closed form is judged in factored form ({@link #judgeFactored}).
 */
public final class C6RightGeometry extends AbstractClaim {
    public C6RightGeometry() {
        super("C6", "Right geometry: X V = Mbar D V has columns i with p*(s_i) = 0 equal to zero and the other columns "
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
        ApMatrix xv = subject.projectedMeans();
        ApMatrix gram = SingularGeometry.rowGram(xv.transpose());
        Apfloat[] x = g.columnNorms();
        Reading a = g.literalGram(Reading.CONSISTENT, gram, x, tol, "column");
        Reading c = g.basisFreeGram(Reading.BASIS_FREE, gram, x, tol, "column");
        Reading b = g.independent(a, () -> {
            ApMatrix r = g.independentlyRotated(xv);
            return g.literalGram(Reading.INDEPENDENT, SingularGeometry.rowGram(r.transpose()), x, tol, "column");
        }, c);
        return SingularGeometry.combine(id(), a, b, c, tol);
    }

    /**
     * The readings on the factored form: (X V*)^T = Q_V diag(x') E^T, columns x'_i e_i up to eta_X;
     * (b) turns each tied block by its seeded rotation (the block's Gram R^T diag(x'^2) R formed).
     */
    Verdict judgeFactored(FactoredGeometry f) {
        return FactoredReadings.judge(id(), f, r -> {
            Apfloat[] t = f.geometry().columnNorms();
            Apfloat[] x = f.columnValues();
            Reading a = r.literalGram(Reading.CONSISTENT, x, t, f.etaX(), false, "column");
            Reading c = r.basisFreeGram(Reading.BASIS_FREE, x, t, f.etaX(), "column");
            return new Reading[] {a, f.geometry().independent(a,
                () -> r.literalGram(Reading.INDEPENDENT, x, t, f.etaX(), true, "column"), c), c};
        });
    }
}
