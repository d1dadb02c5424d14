package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncverify.claims.AbstractClaimContract.closedForm;
import static org.ncverify.claims.WrongPoints.elementary;
import static org.ncverify.claims.WrongPoints.leftInBasisU;

import org.apfloat.Apfloat;
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
 * The readings of C5-C7 ({@link SingularGeometry}) term by term: candidates W_L -&gt; U E U^T W_L
 * on the imbalanced instance (60 digits, tolerance 1e-50), where E moves one known entry of
 * U^T W_L...W_1, so that each reading must FAIL (or PASS) for the stated reason, and the texts
 * that say which reading decided and why.
 */
class SingularGeometryTest {
    private static final Instance IMB = Instances.imbalanced();

    private static Verdict run(Claim claim, ClosedForm cf, Point x, int digits) {
        return Catalogue.run(claim, Subject.of(cf, x, digits));
    }

    /**
     * Row 1 of U^T W plus 10^-30 row 2: the inner product of rows 1 and 2 is first order
     * (10^-30 w_2^2), the norm of row 1 second order (10^-60): C5 FAILs (a) on the inner product
     * and (c) on the coupling of i = 1 and i = 2. C7's cosines move at second order only, so its
     * (a) PASSes and (c) FAILs on the entries of U^T P V between blocks.
     */
    @Test
    void aFirstOrderCouplingOfTwoRowsIsCaughtByTheCrossTerms() {
        ClosedForm cf = closedForm(IMB, 60);
        Precision p = cf.precision();
        Point x = leftInBasisU(cf.point(), cf, elementary(4, 0, 1, p.pow10(-30), p));
        Verdict c5 = run(new C5LeftGeometry(), cf, x, 60);
        assertEquals(Status.FAIL, c5.readings().get(0).status(), c5::toString);
        assertTrue(c5.readings().get(0).note().contains("largest term: inner product of rows 1, 2"), c5::toString);
        assertEquals(Status.FAIL, c5.readings().get(2).status(), c5::toString);
        assertTrue(c5.readings().get(2).note().contains("largest term: coupling of i = 1 and i = 2"), c5::toString);
        Verdict c7 = run(new C7Alignment(), cf, x, 60);
        assertEquals(Status.PASS, c7.readings().get(0).status(), c7::toString);
        assertEquals(Status.FAIL, c7.readings().get(2).status(), c7::toString);
        assertTrue(c7.readings().get(2).note().contains("largest term: entries of U^T P V between blocks"), c7::toString);
        assertEquals(Status.FAIL, c7.status(), c7::toString);
    }

    /** p_4 = 0 (s_4 = 0), row 4 of U^T W set to 10^-3 row 1: a nonzero row where the target is 0, in (a) and in (c). */
    @Test
    void aRowWhereTheTargetIsZeroIsMeasured() {
        ClosedForm cf = closedForm(IMB, 60);
        Precision p = cf.precision();
        Point x = leftInBasisU(cf.point(), cf, elementary(4, 3, 0, p.pow10(-3), p));
        Verdict c5 = run(new C5LeftGeometry(), cf, x, 60);
        assertEquals(Status.FAIL, c5.readings().get(0).status(), c5::toString);
        assertTrue(c5.readings().get(0).note().contains("largest term: norm of zero row 4"), c5::toString);
        assertEquals(Status.FAIL, c5.readings().get(2).status(), c5::toString);
        assertTrue(c5.readings().get(2).note().contains("largest term: rows of i = 4"), c5::toString);
    }

    /** W_L scaled by 1.001: every row norm 1.001 w_i; the basis-free blocks c^2 I fail too, worst at i = 1 (the largest w). */
    @Test
    void aScaledLastLayerFailsTheBasisFreeBlocks() {
        ClosedForm cf = closedForm(IMB, 60);
        Verdict c5 = run(new C5LeftGeometry(), cf, WrongPoints.scaledLastWeight(cf.point()), 60);
        assertEquals(Status.FAIL, c5.readings().get(2).status(), c5::toString);
        assertTrue(c5.readings().get(2).note().contains("largest term: rows of i = 1"), c5::toString);
        assertFalse(c5.readings().get(2).note().contains("ambiguous"), c5::toString);
        assertEquals(Reading.CONSISTENT + " and " + Reading.BASIS_FREE, c5.reading());
    }

    /** The left direction of s_2 flipped: cosine -1 at i = 2. */
    @Test
    void aFlippedDirectionIsLocated() {
        ClosedForm cf = closedForm(IMB, 60);
        Verdict c7 = run(new C7Alignment(), cf, WrongPoints.flippedLeftDirection(cf.point(), cf, 1), 60);
        assertEquals(Status.FAIL, c7.readings().get(0).status(), c7::toString);
        assertTrue(c7.readings().get(0).note().endsWith("1 - cos largest at i = 2 (2)"), c7::toString);
    }

    /**
     * n = (5, 5, 5, 1), d = 1: the bottleneck r = 1 cuts the tied block s_1 = s_2: only the
     * basis-free reading decides, and the verdict says why.
     */
    @Test
    void underACutTiedBlockOnlyTheBasisFreeReadingDecides() {
        Aprational lam = Instances.dec("1e-3");
        Instance inst = Instance.of(new long[] {5, 5, 5, 1}, 1, null, 2, new Aprational[] {lam}, lam);
        Verdict v = Catalogue.run(new C5LeftGeometry(), AbstractClaimContract.closedFormSubject(inst, 30));
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals(Reading.BASIS_FREE, v.reading());
        assertTrue(v.detail().startsWith("status follows readings (a) and (c); (a) and (b) not applicable: the tied block"
            + " s_1..s_2 (s^2 = 5) is cut by the bottleneck r = 1: "), v::detail);
        assertTrue(v.readings().get(2).note().contains("(ambiguous blocks: eigenvalues)"), v::toString);
    }

    /** Reading (b) of C5 says why it equals (a): no tie (imbalanced), or a tie that only V could turn (balanced). */
    @Test
    void theIndependentReadingOfC5SaysWhyItIsTheConsistentOne() {
        Verdict untied = Catalogue.run(new C5LeftGeometry(), AbstractClaimContract.closedFormSubject(IMB, 30));
        assertEquals("no tied block of size >= 2: the bases are unique up to paired signs; identical to (a)",
            untied.readings().get(1).note());
        Verdict tied = Catalogue.run(new C5LeftGeometry(), AbstractClaimContract.closedFormSubject(Instances.balanced(), 30));
        assertEquals("the claim involves U only, which this reading keeps; identical to (a)", tied.readings().get(1).note());
        assertEquals(Status.PASS, tied.readings().get(1).status(), tied::toString);
    }

    /**
     * L = 1, n = (4, 4, 4), lambda = 1/6: s_1 = s_2 = 2 = N lambda_bar, a tied block exactly at the
     * threshold, where p* = 0 on both branches: the admissible values are one constant (0), the
     * block is not ambiguous and the literal readings apply.
     */
    @Test
    void aTieAtTheThresholdForOneLayerIsNotAmbiguous() {
        Aprational sixth = new Aprational(new org.apfloat.Apint(1), new org.apfloat.Apint(6));
        Instance inst = Instance.of(new long[] {4, 4, 4}, 4, null, 1, new Aprational[] {sixth}, sixth);
        ClosedForm cf = closedForm(inst, 30);
        assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(0).branch(), cf.solutions()::toString);
        assertEquals(0, cf.solutions().get(0).p().signum(), cf.solutions()::toString);
        for (Claim claim : java.util.List.of(new C5LeftGeometry(), new C6RightGeometry(), new C7Alignment())) {
            Verdict v = Catalogue.run(claim, AbstractClaimContract.closedFormSubject(inst, 30));
            assertEquals(Status.PASS, v.status(), v::toString);
            assertEquals(Status.PASS, v.readings().get(0).status(), v::toString);
        }
    }

    /** Reading (b) turns V by rotations (determinant +1), as documented: m = 2, 3, 4, twenty seeds each. */
    @Test
    void theIndependentBasesAreTurnedByRotations() {
        Precision p = Precision.of(30);
        Apfloat tol = p.pow10(-25);
        for (int m = 2; m <= 4; m++) {
            for (long seed = 1; seed <= 20; seed++) {
                ApMatrix r = SingularGeometry.rotation(m, seed, p);
                assertSmall(det(r, p).subtract(Apfloat.ONE), tol, "det, m = " + m + ", seed " + seed);
                assertSmall(r.transpose().multiply(r).subtract(ApMatrix.identity(m, p)).frobeniusNorm(), tol,
                    "R^T R - I, m = " + m + ", seed " + seed);
            }
        }
    }

    /** The seed of reading (b) is a function of the instance: the same for two candidates, another for another instance. */
    @Test
    void theIndependentSeedComesFromTheInstance() {
        ClosedForm cf = closedForm(IMB, 30);
        long seed = SingularGeometry.of(Subject.ofClosedForm(cf)).independentSeed();
        assertEquals(seed, SingularGeometry.of(Subject.of(cf, WrongPoints.scaledLastWeight(cf.point()), 30))
            .independentSeed());
        long other = SingularGeometry.of(AbstractClaimContract.closedFormSubject(Instances.balanced(), 30)).independentSeed();
        assertTrue(seed != other, () -> "seed " + seed + " for two instances");
    }

    /** Laplace expansion along the first row (small m only). */
    private static Apfloat det(ApMatrix a, Precision p) {
        int m = a.rows();
        if (m == 1) {
            return a.get(0, 0);
        }
        Apfloat sum = Apfloat.ZERO;
        for (int c = 0; c < m; c++) {
            Apfloat[][] minor = new Apfloat[m - 1][m - 1];
            for (int i = 1; i < m; i++) {
                for (int j = 0, n = 0; j < m; j++) {
                    if (j != c) {
                        minor[i - 1][n++] = a.get(i, j);
                    }
                }
            }
            Apfloat term = p.helper().multiply(a.get(0, c), det(ApMatrix.of(minor, p), p));
            sum = c % 2 == 0 ? p.helper().add(sum, term) : p.helper().subtract(sum, term);
        }
        return sum;
    }

    private static void assertSmall(Apfloat v, Apfloat tol, String what) {
        assertTrue(org.apfloat.ApfloatMath.abs(v).compareTo(tol) < 0, () -> what + ": " + v);
    }
}
