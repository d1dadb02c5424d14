package org.ncverify.polish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.support.ReferenceCase;
import org.ncverify.theory.ClosedForm;

/**
 * High-precision polish: from a double-precision approximate minimizer (see
 * {@link PolishFixtures}: the rotated closed form rounded to double and perturbed by 1e-6 per
 * entry, standing in for an L-BFGS result) the polish at 40 digits reaches a gradient norm
 * below 1e-35 and the basis-free quantities (f, W_L...W_1 X, the Gram matrices) agree with
 * the closed form at 60 digits (canonical frames, so a different point of the orbit) to 30
 * digits. Measured on this machine (2 shared cores): cases 1-4 take 2-5, 2-3, 2-6 and 4-8 s.
 */
class PolishTest {
    private static final int DIGITS = 40;
    /** The acceptance: 30 matching digits. */
    private static final int MATCH = 30;

    @ParameterizedTest(name = "reference case {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void polishedPointMatchesTheClosedFormTo30Digits(int number) {
        ReferenceCase rc = ReferenceCase.all().get(number - 1);
        Instance inst = rc.instance();
        PolishResult r = Polish.refine(PolishFixtures.doubleStart(inst, 7L + number), DIGITS);
        System.out.println(rc + ": " + r);

        assertTrue(r.converged(), r::toString);
        Apfloat target = new Apfloat("1e-35", 5);
        assertTrue(r.gradientNorm().compareTo(target) < 0, () -> "gradient " + r);
        assertTrue(r.relativeGradientNorm().compareTo(target) < 0, () -> "relative gradient " + r);
        assertEquals(r.iterations() + 1, r.trace().size());

        int[] a = PolishFixtures.agreement(rc, r);
        System.out.println(PolishFixtures.describe(a, r));
        String[] names = {"f against f*", "f against the reference file", "W_L...W_1 X", "G_W", "G_X"};
        for (int i = 0; i < a.length; i++) {
            int k = i;
            assertTrue(a[k] >= MATCH, () -> names[k] + " matches to " + a[k] + " digits: " + r);
        }
    }

    @Test
    void theDoubleStartMatchesOnlyToDoubleAccuracy() {
        // the comparison above can fail: before the polish the same measures give ~6 digits
        Instance inst = ReferenceCase.all().get(0).instance();
        Precision p60 = Precision.of(60);
        ClosedForm cf = ClosedForm.of(inst, p60);
        Point start = PolishFixtures.doubleStart(inst, 8L);
        int[] d = BasisFree.of(start, p60).digitsAgainst(BasisFree.of(cf.point(), p60));
        for (int x : d) {
            assertTrue(x < 12, () -> "start agrees to " + x + " digits");
        }
    }

    @Test
    void aBudgetOfOneStepStopsShortAndSaysSo() {
        Instance inst = Instances.balanced();
        PolishResult r = Polish.refine(PolishFixtures.doubleStart(inst, 3L), DIGITS,
            PolishOptions.defaults().withMaxIterations(1));
        assertFalse(r.converged());
        assertEquals(PolishResult.Stop.ITERATION_BUDGET, r.stop());
        assertEquals(1, r.iterations());
        assertTrue(r.trace().get(1).compareTo(r.trace().get(0)) < 0, "one Newton step reduces the gradient");
        assertTrue(r.hessianProducts() > 0);
    }

    @Test
    void theResultIsAtTheWorkingPrecisionWithOneColumnPerSample() {
        Instance inst = Instances.balanced();
        PolishResult r = Polish.refine(PolishFixtures.doubleStart(inst, 4L), 30);
        assertTrue(r.converged(), r::toString);
        assertEquals(30 + Precision.DEFAULT_GUARD, r.precision().working());
        assertEquals(r.precision().working(), r.point().precision().working());
        for (int c = 0; c < inst.classes(); c++) {
            assertEquals(1, r.point().multiplicity(c));
        }
        assertTrue(r.gradientNorm().compareTo(new Apfloat("1e-25", 5)) <= 0, r::toString);
    }

    @Test
    void aStartAtTheMinimizerNeedsNoStep() {
        // the closed form, stored as class means at 30 digits, is expanded and already converged
        Point x = ClosedForm.rotated(Instances.imbalanced(), Precision.of(30), 5L).point();
        PolishResult r = Polish.refine(x, 20);
        assertTrue(r.converged(), r::toString);
        assertEquals(0, r.iterations());
        assertEquals(0, r.hessianProducts());
        assertEquals(1, r.trace().size());
        assertTrue(r.gradientFloor().signum() > 0);
    }

    @Test
    void rejectsInstancesThatAreNotSmall() {
        Aprational lam = Instances.dec("1e-3");
        Instance bigN = Instance.of(new long[] {40, 25}, 4, null, 1, new Aprational[] {lam}, lam);
        Instance wide = Instance.of(new long[] {2, 2}, 9, null, 1, new Aprational[] {lam}, lam);
        Instance narrowButWideHidden = Instance.of(new long[] {2, 2}, 4, new int[] {9}, 2, new Aprational[] {lam}, lam);
        Instance deep = Instance.of(new long[] {2, 2}, 2, null, 4, new Aprational[] {lam}, lam);
        assertMessage(bigN, "N = 65");
        assertMessage(wide, "d_0 = 9");
        assertMessage(narrowButWideHidden, "d_1 = 9");
        assertMessage(deep, "L = 4");
    }

    private static void assertMessage(Instance inst, String part) {
        Point x = ClosedForm.of(inst, Precision.of(20)).point();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Polish.refine(x, DIGITS));
        assertTrue(e.getMessage().contains(part), e::getMessage);
    }

    @Test
    void rejectsANonFiniteStartNamingTheEntry() {
        Instance inst = Instances.balanced();
        double[][][] w = {new double[3][4]};
        double[][] h = new double[4][12];
        h[2][5] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Polish.startFromDoubles(inst, w, h, new double[3]));
        assertTrue(e.getMessage().startsWith("H[2][5] = NaN"), e::getMessage);
        double[] b = {0, Double.POSITIVE_INFINITY, 0};
        IllegalArgumentException eb = assertThrows(IllegalArgumentException.class,
            () -> Polish.startFromDoubles(inst, w, new double[4][12], b));
        assertTrue(eb.getMessage().startsWith("b[0][1] = Infinity"), eb::getMessage);
    }

    @Test
    void rejectsDigitsAndTargetsOutOfRange() {
        Point x = PolishFixtures.doubleStart(Instances.balanced(), 1L);
        assertThrows(IllegalArgumentException.class, () -> Polish.refine(x, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Polish.refine(x, 20, PolishOptions.defaults().withTargetExponent(25)));
        assertTrue(e.getMessage().contains("1e-25"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> PolishOptions.defaults().withTargetExponent(0));
        assertThrows(IllegalArgumentException.class, () -> PolishOptions.defaults().withMaxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> PolishOptions.defaults().withMaxHessianProducts(0));
        assertThrows(IllegalArgumentException.class, () -> PolishOptions.defaults().withDamping(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PolishOptions.defaults().withExtraGuard(-1));
        assertEquals(35, PolishOptions.defaults().targetExponent(40));
    }
}
