package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;

/**
 * {@link C12BalancedLimit} on hand-built candidates whose residual terms are known exactly (the
 * contract in {@link BalanceClaimsContractTest.C12} covers the closed forms and the seeded wrong points):
 * an exact K = 2 simplex ETF, a vanishing class mean among nonzero ones, W = 0, the edge r = K-1
 * of its bottleneck hypothesis, and the absolute tolerance of the collapsed branch at s_crit.
 */
class C12BalancedLimitTest {
    private static final C12BalancedLimit C12 = new C12BalancedLimit();

    private static Instance balanced(long n, int k, int dim) {
        long[] sizes = new long[k];
        java.util.Arrays.fill(sizes, n);
        return Instance.of(sizes, dim, null, 1, new org.apfloat.Aprational[] {Instances.dec("1e-3")},
            Instances.dec("1e-3"));
    }

    /** d x K class means, column k the given first coordinates times e_1. */
    private static ApMatrix firstCoordinates(int dim, Precision p, Apfloat... first) {
        ApMatrix m = ApMatrix.zeros(dim, first.length, p);
        for (int k = 0; k < first.length; k++) {
            m = m.with(0, k, first[k]);
        }
        return m;
    }

    private static Verdict check(ClosedForm cf, List<ApMatrix> weights, ApMatrix means, int digits) {
        Point x = Point.ofClassMeans(cf.instance(), weights, means, cf.bias());
        return Catalogue.run(C12, Subject.of(cf, x, digits));
    }

    /**
     * n = (4, 4), K = 2: class means m_1 = e_1 = -m_2, so x_k = 2 m_k (centred already, sqrt n = 2),
     * and W = X^T. Every term is exact: equal norms (spread 0, the first class named both times),
     * cos(x_1, x_2) = -1 = -1/(K-1) (gap 0, at the only pair), W^T/||W|| = X/||X||: residual exactly 0.
     */
    @Test
    void anExactSimplexEtfHasResidualExactlyZero() {
        ClosedForm cf = AbstractClaimContract.closedForm(balanced(4, 2, 4), 30);
        Precision p = cf.precision();
        ApMatrix means = firstCoordinates(4, p, p.of(1L), p.of(-1L));
        ApMatrix w = firstCoordinates(4, p, p.of(2L), p.of(-2L)).transpose();
        Verdict v = check(cf, List.of(w), means, 30);
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals(0, v.residual().signum(), v::toString);
        assertTrue(v.detail().startsWith("norm spread 0 (classes 1, 1); max |cos + 1/(K-1)| = 0 (classes 1, 2); "),
            v::detail);
    }

    /**
     * n = (4, 4, 4): m_1 = 2 e_1, m_2 = -e_1 = m_3 (centred: sum 0), so ||x|| = (4, 2, 2): spread 1/2,
     * the largest class 1 and the first smallest class 2; cos(x_2, x_3) = 1 is the worst cosine
     * (gap 3/2, against 1/2 for the other pairs).
     */
    @Test
    void unequalNormsNameTheClassesAndTheWorstPair() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.balanced(), 30);
        Precision p = cf.precision();
        ApMatrix means = firstCoordinates(4, p, p.of(2L), p.of(-1L), p.of(-1L));
        Verdict v = check(cf, cf.point().weights(), means, 30);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(v.detail().startsWith("norm spread 5e-1 (classes 1, 2); max |cos + 1/(K-1)| = 1.5 (classes 2, 3); "),
            v::detail);
        assertTrue(v.residual().compareTo(new Apfloat("1.5", 30)) >= 0, v::toString);
    }

    /** m_1 = e_1 = -m_2, m_3 = 0: spread (2 - 0)/2 = 1 and the cosines of class 3 are undefined, never 0/0. */
    @Test
    void aVanishingClassMeanAmongNonzeroOnesHasSpreadOne() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.balanced(), 30);
        Precision p = cf.precision();
        ApMatrix means = firstCoordinates(4, p, p.of(1L), p.of(-1L), Apfloat.ZERO);
        Verdict v = check(cf, cf.point().weights(), means, 30);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(v.detail().startsWith("norm spread 1 (classes 1, 3); cosines undefined: ||mbar_3|| = 0, but p*(s) = "),
            v::detail);
        assertTrue(v.residual().compareTo(Apfloat.ONE) >= 0, v::toString);
    }

    /** The closed form's features with W = 0 although p* &gt; 0: FAIL with residual 1 and the reason. */
    @Test
    void aVanishingProductIsAFailWithResidualOne() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.balanced(), 30);
        Precision p = cf.precision();
        Point x = cf.point();
        Verdict v = check(cf, List.of(ApMatrix.zeros(3, 4, p)), x.classMeans(), 30);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertEquals(0, v.residual().compareTo(Apfloat.ONE), v::toString);
        assertTrue(v.detail().startsWith("W_L...W_1 = 0, but p*(s) = "), v::detail);
    }

    /** The reason names the first largest and the first smallest class: n = (2, 6, 6, 2) gives n_2 and n_1. */
    @Test
    void unequalSizesNameTheFirstLargestAndSmallestClass() {
        Instance inst = Instance.of(new long[] {2, 6, 6, 2}, 4, null, 1,
            new org.apfloat.Aprational[] {Instances.dec("1e-3")}, Instances.dec("1e-3"));
        Verdict v = C12.check(Subject.ofClosedForm(ClosedForm.of(inst, Precision.of(30))));
        assertEquals(Status.NOT_APPLICABLE, v.status(), v::toString);
        assertEquals("class sizes are not all equal (n_2 = 6, n_1 = 2)", v.detail());
    }

    /** r = K-1 is enough (the direction of s_K = 0 carries nothing): (4, 4, 4) with d = 2 is judged and PASSes. */
    @Test
    void aBottleneckOfKMinusOneStillApplies() {
        Verdict v = Catalogue.run(C12, AbstractClaimContract.closedFormSubject(balanced(4, 3, 2), 30));
        assertEquals(Status.PASS, v.status(), v::toString);
        VerdictAssertions.assertValid(v);
    }

    /**
     * At s = s_crit ((4, 4, 4, 4, 4), L = 2, 40 digits: tolerance 1e-30) the collapsed branch is
     * judged absolutely on max(max_k ||mbar_k||, ||W||_F): a candidate with W = 0 and m_1 = a e_1
     * (so mbar_1 = (4/5) a e_1, the largest centred mean) PASSes with residual 0.9e-30 and FAILs
     * at 1.1e-30; W_2 W_1 of norm 0.9e-30 with zero means PASSes too.
     */
    @Test
    void theCollapsedBranchAtTheThresholdIsJudgedOnTheClassMeans() {
        Instance inst = Instances.balancedAtThreshold();
        ClosedForm cf = AbstractClaimContract.closedForm(inst, 40);
        assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(0).branch());
        Precision p = cf.precision();
        List<ApMatrix> zeros = new ArrayList<>();
        for (ApMatrix w : cf.point().weights()) {
            zeros.add(ApMatrix.zeros(w.rows(), w.cols(), p));
        }
        Apfloat[] first = new Apfloat[5];
        java.util.Arrays.fill(first, Apfloat.ZERO);
        first[0] = p.helper().divide(new Apfloat("0.9e-30", p.working()), new Apfloat("0.8", p.working()));
        Verdict inside = check(cf, zeros, firstCoordinates(4, p, first), 40);
        assertEquals(Status.PASS, inside.status(), inside::toString);
        assertEquals("collapsed branch at s = s_crit", inside.reading());
        assertEquals("9e-31", inside.residualText(), inside::toString);

        first[0] = p.helper().divide(new Apfloat("1.1e-30", p.working()), new Apfloat("0.8", p.working()));
        Verdict outside = check(cf, zeros, firstCoordinates(4, p, first), 40);
        assertEquals(Status.FAIL, outside.status(), outside::toString);

        List<ApMatrix> tiny = new ArrayList<>(zeros);
        tiny.set(0, zeros.get(0).with(0, 0, p.of(1L)));
        tiny.set(1, zeros.get(1).with(0, 0, new Apfloat("0.9e-30", p.working())));
        Verdict small = check(cf, tiny, ApMatrix.zeros(4, 5, p), 40);
        assertEquals(Status.PASS, small.status(), small::toString);
        assertEquals("9e-31", small.residualText(), small::toString);
    }
}
