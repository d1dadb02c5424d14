package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncverify.claims.WrongPoints.elementary;
import static org.ncverify.claims.WrongPoints.leftInBasisU;

import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;

/**
 * {@link C4ProductSpectrum} beyond the contract: which of its two routes (the Weyl bound on
 * B = U^T P V, or the singular values of P by Jacobi) decides, and what each one measures.
 * Candidates are the closed form with its left factor changed in the basis U of Yhat,
 * W_L -&gt; U E U^T W_L, so that B = E diag(p*) is known.
 */
class C4ProductSpectrumTest {
    private static final C4ProductSpectrum C4 = new C4ProductSpectrum();
    private static final String WEYL = "basis-free (Weyl bound on U^T P V)";

    private static Verdict check(ClosedForm cf, Point x, int digits) {
        return Catalogue.run(C4, Subject.of(cf, x, digits));
    }

    /** Every p* = 0 and W = 0, H = 0: B = 0 exactly, every gap 0 (the first one named), residual 0. */
    @Test
    void anExactlyCollapsedClosedFormHasResidualZero() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.collapsed(), 30);
        Verdict v = check(cf, cf.point(), 30);
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals(WEYL, v.reading());
        assertEquals(0, v.residual().signum(), v::toString);
        assertEquals("largest gap at i = 1; ||offdiag(U^T P V)||_F = 0", v.detail());
        // the closed form as its own candidate is judged on its factors: rank 0, nothing to bound
        Verdict f = Catalogue.run(C4, AbstractClaimContract.closedFormSubject(Instances.collapsed(), 30));
        assertEquals(Status.PASS, f.status(), f::toString);
        assertEquals("factored (rank-m product, Gram bound)", f.reading());
        assertEquals(0, f.residual().signum(), f::toString);
        assertEquals("largest gap at i = 1; 0 nonzero singular values, relative Gram bound delta = 0", f.detail());
    }

    /**
     * The directions of s_1 and s_2 exchanged on both sides: B = diag(p_2, p_1, p_3, p_4), the
     * right singular values in another order. Sorted, the diagonal is p*: the Weyl bound decides
     * (no SVD), PASS; C7 sees the exchange.
     */
    @Test
    void aPermutedDiagonalIsSortedAndNeedsNoSvd() {
        Instance imb = Instances.imbalanced();
        ClosedForm cf = AbstractClaimContract.closedForm(imb, 60);
        Point x = WrongPoints.swappedRightSingularPair(
            WrongPoints.swappedSingularPair(cf.point(), cf, 0, 1), cf, 0, 1);
        Verdict v = check(cf, x, 60);
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals(WEYL, v.reading(), v::toString);
        Verdict c7 = Catalogue.run(new C7Alignment(), Subject.of(cf, x, 60));
        assertEquals(Status.FAIL, c7.readings().get(2).status(), c7::toString);
    }

    /**
     * B = (I + 10^-6 e_1 e_2^T) diag(p*): the diagonal is exact, only the off-diagonal term moves
     * the singular values (at second order, ~10^-12 relative): the bound counts it, the SVD
     * confirms, FAIL.
     */
    @Test
    void anOffDiagonalCouplingIsCounted() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.imbalanced(), 60);
        Precision p = cf.precision();
        Verdict v = check(cf, leftInBasisU(cf.point(), cf, elementary(4, 0, 1, p.pow10(-6), p)), 60);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(v.reading().startsWith("literal"), v::toString);
        assertTrue(v.residual().compareTo(p.pow10(-20)) > 0, v::toString);
    }

    /**
     * Only the smallest positive value moved, p_3 -&gt; 1.001 p_3 (imbalanced, p_4 = 0): the largest
     * gap is at i = 3, not at the first index, and the residual is 10^-3 p_3 / s_1.
     */
    @Test
    void aWrongLastSurvivingValueIsFoundWhereItIs() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.imbalanced(), 60);
        Precision p = cf.precision();
        Apfloat[] pstar = cf.productSingularValues();
        assertTrue(pstar[2].signum() > 0 && pstar[3].signum() == 0, () -> java.util.Arrays.toString(pstar));
        Verdict v = check(cf, leftInBasisU(cf.point(), cf, elementary(4, 2, 2, p.pow10(-3), p)), 60);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(v.detail().startsWith("largest gap at i = 3; "), v::detail);
        assertRelative(p.helper().divide(p.helper().multiply(p.pow10(-3), pstar[2]), cf.spectrum().singularValue(0)),
            v.residual(), p);
    }

    /** W_L scaled by 1.001: every value 1.001 p*, largest gap 10^-3 p_1 at i = 1, relative to s_1 (&gt; 1 here). */
    @Test
    void theResidualIsRelativeToTheLargestSingularValueOfYhat() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.imbalanced(), 60);
        Precision p = cf.precision();
        Apfloat s1 = cf.spectrum().singularValue(0);
        assertTrue(s1.compareTo(p.of(2L)) > 0, s1::toString);
        Verdict v = check(cf, WrongPoints.scaledLastWeight(cf.point()), 60);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(v.detail().startsWith("largest gap at i = 1; the Weyl bound "), v::detail);
        assertRelative(p.helper().divide(p.helper().multiply(p.pow10(-3), cf.productSingularValues()[0]), s1),
            v.residual(), p);
    }

    /**
     * At s = s_crit ((4, 4, 4, 4, 4), L = 2, every s_i = s_crit for i &lt;= 4): the jump on the whole
     * tied block with the left frame turned inside it (B = R diag(p*), not diagonal: judged by the
     * SVD) and the collapsed point W = 0, H = 0 (B = 0) both PASS; the block half on each branch
     * is covered by {@link ClaimRegressionTest}.
     */
    @Test
    void atTheThresholdTheWholeBlockMayTakeEitherBranch() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.balancedAtThreshold(), 40);
        assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(3).branch());
        Precision p = cf.precision();
        Apfloat c = p.of(new Aprational(new Apint(3), new Apint(5)));
        Apfloat s = p.of(new Aprational(new Apint(4), new Apint(5)));
        ApMatrix r = ApMatrix.identity(5, p).with(0, 0, c).with(1, 1, c).with(0, 1, s.negate()).with(1, 0, s);
        Verdict turned = check(cf, leftInBasisU(cf.point(), cf, r), 40);
        assertEquals(Status.PASS, turned.status(), turned::toString);
        assertTrue(turned.reading().startsWith("literal"), turned::toString);
        Verdict zero = check(cf, WrongPoints.collapsedPoint(cf.point()), 40);
        assertEquals(Status.PASS, zero.status(), zero::toString);
        assertTrue(zero.reading().startsWith("literal"), zero::toString);
    }

    private static void assertRelative(Apfloat expected, Apfloat actual, Precision p) {
        Apfloat rel = AbstractClaim.relative(actual, expected, Apfloat.ZERO, p);
        assertTrue(rel.compareTo(p.pow10(-5)) < 0, () -> "expected " + Precision.formatScientific(expected, 6) + ", got "
            + Precision.formatScientific(actual, 6));
    }
}
