package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;

/**
 * The rounding terms of {@link SingularVectors#frameErrors()} (proofs-notes/C5-left-geometry.md,
 * "Frame bounds"): the secular defect r_i = |S1(mu_i) - N| is bounded from above (checked against S1 at
 * three times the working digits) and is far below what the same allowance at W digits would be
 * (the reason it is evaluated at W + 10), and within twice the true defect plus its own allowance; every frame bound covers the worst-case rounding of the
 * stored entries at 10^-(W-2) per operation, not a random-walk estimate of it.
 */
class FrameErrorsTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ncverify.spectrum.ScaledGramTest#cases")
    void theSecularDefectBoundCoversTheTrueDefectAndIsFarBelowTheWorkingPrecisionAllowance(String name, long[] sizes, int digits) {
        SingularVectors sv = SingularVectors.of(YhatSpectrum.compute(sizes, Precision.of(digits)), sizes.length - 1);
        SizeGroups g = sv.spectrum().groups();
        long w = sv.spectrum().precision().working();
        FixedPrecisionApfloatHelper exact = new FixedPrecisionApfloatHelper(3 * w);
        int checked = 0;
        for (int i = 0; i < sv.count(); i++) {
            StoredPair p = sv.pair(i);
            if (p.support != null) {
                continue;
            }
            // S1 at the stored root, one direct division per group at 3W digits
            Apfloat mu = exact.add(new Apint(p.origin), p.delta);
            Apfloat s1 = Apfloat.ZERO;
            double terms = 0;
            for (int j = 0; j < g.count(); j++) {
                Apfloat gap = exact.subtract(new Apint(g.value(j)), mu);
                s1 = exact.add(s1, exact.divide(g.exactWeight(j), gap));
                terms += g.multiplicity(j) * (double) g.value(j) * g.value(j) / Math.abs(gap.doubleValue());
            }
            double truth = ApfloatMath.abs(exact.subtract(s1, new Apint(g.total()))).doubleValue();
            double bound = PairBounds.secularDefect(sv, p);
            double atWorking = sv.roundingFactor() * Math.pow(10, -(w - 2)) * terms;
            double atFine = atWorking * Math.pow(10, -PairBounds.DEFECT_GUARD);
            int at = i;
            assertTrue(truth <= bound, () -> name + " pair " + at + ": |S1 - N| = " + truth + " above its bound " + bound);
            // tight: the true defect plus the W + 10 digit allowance, and (the stored roots being accurate) far
            // below the allowance a W-digit evaluation would need (1e-4 .. 1e-5 of it in these cases)
            assertTrue(bound <= 2 * (truth + atFine) && bound <= 1e-2 * atWorking, () -> name + " pair " + at + ": bound "
                + bound + ", true defect " + truth + ", allowance at W + 10 digits " + atFine + ", at W digits " + atWorking);
            checked++;
        }
        assertTrue(checked > 0, name + ": no secular pair");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ncverify.spectrum.ScaledGramTest#cases")
    void everyFrameBoundCoversTheWorstCaseRoundingOfTheStoredEntries(String name, long[] sizes, int digits) {
        SingularVectors sv = SingularVectors.of(YhatSpectrum.compute(sizes, Precision.of(digits)), sizes.length - 1);
        double worst = (2.0 * sv.spectrum().groups().count() + 10) * Math.pow(10, -(sv.spectrum().precision().working() - 2));
        double[][] bound = sv.frameErrors();
        for (int side = 0; side < 2; side++) {
            for (int i = 0; i < sv.count(); i++) {
                int s = side;
                int at = i;
                assertTrue(bound[side][i] >= worst && bound[side][i] < 1e6 * worst, () -> name + (s == 0 ? " delta_" : " eps_")
                    + at + " = " + bound[s][at] + ", the stored entries' worst-case rounding alone is " + worst);
            }
        }
    }
}
