package org.ncverify.results;

import java.util.List;
import java.util.OptionalLong;
import org.apfloat.Apfloat;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/** Hand-made verdicts of each status, and a verify result holding them, for the renderer tests. */
final class VerdictFixtures {
    /** A residual with 20 significant digits, well inside 1e-30. */
    static final Apfloat RESIDUAL = new Apfloat("2.0234567890123456789e-33", 40);
    static final Tolerance TOL = Tolerance.fromDigits(40, 10);

    private VerdictFixtures() {
    }

    static Verdict pass() {
        return Verdict.judge("C3", RESIDUAL, TOL, "definition vs formula", "d");
    }

    static Verdict fail() {
        return Verdict.judge("C4", RESIDUAL.multiply(new Apfloat("1e5", 40)), TOL, "basis-free", "d");
    }

    static Verdict notApplicable() {
        return Verdict.notApplicable("C12", "class sizes are not all equal");
    }

    static Verdict inconclusive() {
        return Verdict.inconclusive("C11", RESIDUAL, TOL, "full gradient", "not converged: the gradient norm bounds no distance");
    }

    /** A verify result on the imbalanced instance holding {@code verdicts} for C3, C4, C11, C12 in that order. */
    static VerifyResult verify(Verdict c3, Verdict c4, Verdict c11, Verdict c12) {
        return new VerifyResult(Instances.imbalanced(), Precision.of(40), OptionalLong.empty(), 3,
            Catalogue.of(List.of("C3", "C4", "C11", "C12")).claims(), List.of(c3, c4, c11, c12), 0.5);
    }
}
