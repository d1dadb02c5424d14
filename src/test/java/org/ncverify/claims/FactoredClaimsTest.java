package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.FactoredMinimizer;

/**
 * C3 and C4 on the factored closed form ({@link Subject#factored()}): a wrong value, a wrong
 * product singular value or a wrong Gram bound FAILs 100x past the tolerance and PASSes at
 * 0.01x of it; and C3, C4, C8, C10 on the closed form never form a K x K matrix
 * ({@link ApMatrix#resetLargest()}), where the dense route does.
 */
class FactoredClaimsTest {
    private static final int DIGITS = 40;

    private static Subject subject() {
        return AbstractClaimContract.closedFormSubject(Instances.imbalanced(), DIGITS);
    }

    private static Apfloat times(Apfloat x, String factor, Precision p) {
        return p.helper().multiply(x, p.ofDecimal(factor));
    }

    @Test
    void c3FailsAHundredTimesPastItsToleranceAndPassesWellInside() {
        Subject s = subject();
        Precision p = s.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat fStar = s.reference().objective();
        Apfloat tol = s.valueTolerance().value();
        C3OptimalValue c3 = new C3OptimalValue();
        assertEquals(Status.PASS, c3.check(s).status());
        assertEquals("definition (factored point) vs formula", c3.check(s).reading());
        Apfloat far = h.multiply(fStar, h.add(Apfloat.ONE, times(tol, "100", p)));
        Apfloat near = h.multiply(fStar, h.subtract(Apfloat.ONE, times(tol, "0.01", p)));
        assertEquals(Status.FAIL, c3.judgeFactored(far, fStar, s).status());
        assertEquals(Status.PASS, c3.judgeFactored(near, fStar, s).status());
    }

    @Test
    void c4FailsAWrongValueOrAWrongBoundAndPassesWellInside() {
        Subject s = subject();
        Precision p = s.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        FactoredMinimizer f = s.factored();
        Apfloat tol = s.tolerance(10).value();
        Apfloat scale = org.apfloat.ApfloatMath.max(s.reference().spectrum().singularValue(0), Apfloat.ONE);
        C4ProductSpectrum c4 = new C4ProductSpectrum();
        assertEquals(Status.PASS, c4.check(s).status());
        Apfloat[] far = f.productValues();
        far[1] = h.add(far[1], h.multiply(times(tol, "100", p), scale));
        Apfloat[] near = f.productValues();
        near[1] = h.add(near[1], h.multiply(times(tol, "0.01", p), scale));
        assertEquals(Status.FAIL, c4.judgeFactored(far, f.singularValueBound(), s).status());
        assertEquals(Status.PASS, c4.judgeFactored(near, f.singularValueBound(), s).status());
        Apfloat pMax = f.productValues()[0];
        Apfloat wideDelta = h.divide(h.multiply(times(tol, "100", p), scale), pMax);
        Apfloat narrowDelta = h.divide(h.multiply(times(tol, "0.01", p), scale), pMax);
        // a bound 100x too wide proves nothing either way (the residual interval straddles the tolerance)
        assertEquals(Status.INCONCLUSIVE, c4.judgeFactored(f.productValues(), wideDelta, s).status());
        assertEquals(Status.PASS, c4.judgeFactored(f.productValues(), narrowDelta, s).status());
        assertEquals(Status.INCONCLUSIVE, c4.judgeFactored(f.productValues(), null, s).status());
        // a value 1000x the tolerance off is a FAIL even with that wide bound: its lower end exceeds the tolerance
        Apfloat[] farther = f.productValues();
        farther[0] = h.add(farther[0], h.multiply(times(tol, "1000", p), scale));
        assertEquals(Status.FAIL, c4.judgeFactored(farther, wideDelta, s).status());
        // the Gram bound is never 0 when the computed defects are not (it was, from sqrt(1 + x) - 1 at 20 digits)
        assertTrue(f.singularValueBound().signum() > 0);
        // a missing direction (rank m - 1): p*(s_m) is then unmatched
        Apfloat[] dropped = java.util.Arrays.copyOf(f.productValues(), f.directions() - 1);
        assertEquals(Status.FAIL, c4.judgeFactored(dropped, f.singularValueBound(), s).status());
    }

    /**
     * PAIRED_TIES seed 9 of the default report campaign (sizes from 1 to 4.6e7, 40 digits): the factored
     * Gram bound cannot decide C4 (the rounding allowance of the Gram entries is large next to the
     * tiny sizes' gaps), so within the dense budgets the dense basis-free reading decides it.
     */
    @Test
    void c4FallsBackToTheDenseReadingWhenTheFactoredBoundCannotDecide() {
        long[] sizes = {5188000, 137721, 1, 225424, 1083927, 1, 368978, 45603692, 15, 15, 2, 368978, 137721};
        Instance inst = Instance.of(sizes, 12, null, 1, new Aprational[] {Instances.dec("1.47e-8")}, Instances.dec("1.47e-8"));
        Subject s = AbstractClaimContract.closedFormSubject(inst, 40);
        C4ProductSpectrum c4 = new C4ProductSpectrum();
        FactoredMinimizer f = s.factored();
        assertEquals(Status.INCONCLUSIVE, c4.judgeFactored(f.productValues(), f.singularValueBound(), s).status());
        assertTrue(C4ProductSpectrum.denseAffordable(inst));
        Verdict v = c4.check(s);
        assertEquals(Status.PASS, v.status(), v.detail());
        assertEquals("basis-free (Weyl bound on U^T P V)", v.reading());
    }

    /**
     * K = 240 distinct sizes, d = 6, L = 2 (bottleneck r = 6): C3, C4, C8, C10 on the closed form
     * make no matrix larger than K x d... in fact none at all of K x K; the dense C4 on the same
     * point (a hand-built subject) forms K x K products, which the hook sees.
     */
    @Test
    void valueAndSpectrumClaimsNeverFormAKxKMatrix() {
        int k = 240;
        long[] sizes = new long[k];
        for (int i = 0; i < k; i++) {
            sizes[i] = Math.round(1e4 * Math.pow(100, -i / (double) (k - 1))) + (k - i);
        }
        Instance inst = Instance.of(sizes, 6, null, 2, new Aprational[] {Instances.dec("1e-4")}, Instances.dec("1e-4"));
        ClosedForm cf = ClosedForm.of(inst, Precision.of(20));
        ApMatrix.resetLargest();
        List<Verdict> verdicts = Catalogue.of(List.of("C3", "C4", "C8", "C10")).run(Subject.ofClosedForm(cf));
        long largest = ApMatrix.resetLargest();
        for (Verdict v : verdicts) {
            assertEquals(Status.PASS, v.status(), v::toString);
        }
        assertTrue(largest < (long) k * k / 4, "largest matrix " + largest + " entries");
        Verdict dense = Catalogue.run(new C4ProductSpectrum(), Subject.of(cf, cf.point(), 20));
        assertEquals(Status.PASS, dense.status(), dense::toString);
        assertTrue(ApMatrix.resetLargest() >= (long) k * k, "the hook sees the dense route's K x K matrices");
    }

    /**
     * Tiny weight decays (f* = 7.2e-12): the factored value's rounding (10^-(W-2) N / (2N) absolute)
     * is not 100x below C3's tolerance there, so C3 falls back to the dense definition (affordable at
     * K = 4) and PASSes instead of a false FAIL (the factored value is off by 6e-41 relative there).
     */
    @Test
    void c3LeavesTheFactoredValueWhereItsRoundingIsNotFarBelowTheTolerance() {
        Instance inst = Instance.of(new long[] {10, 5, 3, 2}, 6, null, 2, new Aprational[] {Instances.dec("1e-12")},
            Instances.dec("1e-12"));
        Verdict v = Catalogue.run(new C3OptimalValue(), Subject.ofClosedForm(ClosedForm.of(inst, Precision.of(40))));
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals("definition vs formula", v.reading());
    }
}
