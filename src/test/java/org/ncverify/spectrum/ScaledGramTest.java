package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.FactoredMinimizer;

/**
 * {@link ScaledGram}: the double evaluation of the off-diagonal partial-fraction Gram entries
 * against the same formula evaluated at twice the working precision (the "true" value of the
 * stored residuals, gaps and normalizations): every entry's allowance covers its true error, and
 * the allowances are not more than ~100x the true errors (Frobenius over all entries, where the
 * true errors are not all zero); the working-precision entries of {@link SingularVectors#leftGram}
 * lie within the allowance plus one rounding of the W-digit subtraction S1_i - S1_j (Apfloat keeps
 * digits beyond the precision: the two numerators differ at the last place of S1, proofs-notes/
 * C11-stationarity.md "The factored bound", Gram entries in double).
 */
class ScaledGramTest {
    static Stream<Arguments> cases() {
        long[] tail = SpectrumFixtures.geometricTail(80, 1e4, 100); // ties in the tail: Helmert pairs too
        long[] longTail = SpectrumFixtures.geometricTail(150, 1280, 1280 / 5.0);
        return Stream.of(
            Arguments.of("10,5,3,2 at 50 digits", new long[] {10, 5, 3, 2}, 50),
            Arguments.of("8,8,8,3,1 (ties) at 40", new long[] {8, 8, 8, 3, 1}, 40),
            Arguments.of("tail K = 80 at 30", tail, 30),
            Arguments.of("tail K = 80 at 200 (values below 1e-200: the scaling)", tail, 200),
            Arguments.of("imagenet-like tail K = 150 at 30", longTail, 30),
            Arguments.of("near-equal sizes 1e12, 1e12 - 1 at 40", new long[] {1000000000000L, 999999999999L, 3, 1}, 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyAllowanceCoversTheTrueErrorAndIsNotMoreThanAHundredTimesIt(String name, long[] sizes, int digits) {
        SingularVectors sv = SingularVectors.of(YhatSpectrum.compute(sizes, Precision.of(digits)), sizes.length - 1);
        ScaledGram g = ScaledGram.of(sv);
        double[] errLeft = {0, 0};
        double[] errRight = {0, 0};
        for (int i = 0; i < sv.count(); i++) {
            for (int j = i + 1; j < sv.count(); j++) { // (j, i) is the same formula with both signs flipped
                check(name, g.left(i, j), g.leftError(i, j, g.left(i, j)), reference(sv, i, j, true, g.leftScale()), errLeft);
                check(name, g.right(i, j), g.rightError(i, j, g.right(i, j)), reference(sv, i, j, false, g.rightScale()), errRight);
            }
        }
        for (double[] e : new double[][] {errLeft, errRight}) {
            if (e[0] > 0) {
                assertTrue(Math.sqrt(e[1]) <= 100 * Math.sqrt(e[0]), name + ": allowance " + Math.sqrt(e[1])
                    + " more than 100x the true error " + Math.sqrt(e[0]));
            }
        }
    }

    private static void check(String name, double value, double allowance, double reference, double[] acc) {
        double err = Math.abs(value - reference);
        assertTrue(Double.isFinite(allowance) && err <= allowance, name + ": |" + value + " - " + reference + "| = " + err
            + " > allowance " + allowance);
        acc[0] += err * err;
        acc[1] += allowance * allowance;
    }

    /** (r_i - r_j) / gap inv_i inv_j (times s_i s_j on the right) at W + 30 digits from the stored values, scaled by 10^E, rounded once. */
    private static double reference(SingularVectors sv, int i, int j, boolean left, long scale) {
        StoredPair a = sv.pair(i);
        StoredPair b = sv.pair(j);
        if (a.support != null || b.support != null) {
            return 0;
        }
        FixedPrecisionApfloatHelper hi = new FixedPrecisionApfloatHelper(sv.spectrum().precision().working() + 30);
        Apint total = new Apint(sv.spectrum().groups().total());
        FixedPrecisionApfloatHelper h = sv.spectrum().precision().helper();
        // r1 = S1 - N as the code forms it (one W-digit subtraction), then everything to W + 30 digits (14 beyond a double's 16)
        Apfloat num = left ? hi.subtract(h.subtract(a.s1, total), h.subtract(b.s1, total)) : hi.subtract(a.s0, b.s0);
        Apfloat gap = hi.add(new Apint(a.origin - b.origin), hi.subtract(a.delta, b.delta));
        Apfloat x = hi.multiply(hi.divide(num, gap), hi.multiply(a.inv, b.inv));
        if (!left) {
            x = hi.multiply(x, hi.multiply(sv.spectrum().singularValue(i), sv.spectrum().singularValue(j)));
        }
        return ScaledGram.toDouble(ApfloatMath.scale(x, scale));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theWorkingPrecisionEntriesLieWithinTheAllowancePlusOneRoundingOfTheSubtraction(String name, long[] sizes, int digits) {
        Precision p = Precision.of(digits);
        SingularVectors sv = SingularVectors.of(YhatSpectrum.compute(sizes, p), sizes.length - 1);
        ScaledGram g = ScaledGram.of(sv);
        double eps = Math.pow(10, -(p.working() - 2));
        double n = sv.spectrum().groups().total();
        for (int i = 0; i < sv.count(); i++) {
            for (int j = i + 1; j < sv.count(); j++) {
                StoredPair a = sv.pair(i);
                StoredPair b = sv.pair(j);
                double full = ScaledGram.toDouble(ApfloatMath.scale(sv.leftGram(i, j), g.leftScale()));
                double bound = g.leftError(i, j, g.left(i, j)) + 8 * eps * Math.abs(full);
                if (a.support == null && b.support == null) {
                    double gap = Math.abs((double) (a.origin - b.origin) + (a.delta.doubleValue() - b.delta.doubleValue()));
                    // |S1_i - S1_j at W digits - (r1_i - r1_j)| <= eps max|S1| = eps N (1 + O(eps)), over the gap, times inv_i inv_j
                    bound += 2 * eps * n * Math.pow(10, g.leftScale()) * a.inv.doubleValue() * b.inv.doubleValue() / gap;
                }
                assertTrue(Math.abs(g.left(i, j) - full) <= bound, name + " (" + i + ", " + j + "): double " + g.left(i, j)
                    + " working precision " + full + " bound " + bound);
            }
        }
    }

    @Test
    void theDiagonalDefectsAreTheWorkingPrecisionNormsMinusOne() {
        long[] sizes = {10, 5, 3, 2};
        Precision p = Precision.of(50);
        SingularVectors sv = SingularVectors.of(YhatSpectrum.compute(sizes, p), 3);
        ScaledGram g = ScaledGram.of(sv);
        FixedPrecisionApfloatHelper h = p.helper();
        for (int i = 0; i < sv.count(); i++) {
            double expected = ScaledGram.toDouble(ApfloatMath.scale(h.subtract(sv.leftGram(i, i), Apfloat.ONE), g.leftScale()));
            assertEquals(expected, g.diagonalLeft(i), 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDefectsComputedBothWaysAgreeToTheStatedBound(String name, long[] sizes, int digits) {
        // old way (main before k1000): every entry from leftGram / rightGram at W digits, squared and summed at 20 digits;
        // new way: FactoredMinimizer.gramDefects() from ScaledGram. ||G_old - G_new||_F bounds their difference.
        Precision p = Precision.of(digits);
        Aprational lambda = new Aprational(new Apint(1), new Apint(1000000000000L)); // small: most directions survive
        Instance inst = Instance.of(sizes, sizes.length, null, 1, new Aprational[] {lambda}, lambda);
        FactoredMinimizer f = ClosedForm.of(inst, p).factored();
        SingularVectors sv = f.pairs();
        ScaledGram g = ScaledGram.of(sv);
        FixedPrecisionApfloatHelper h = p.helper();
        FixedPrecisionApfloatHelper low = new FixedPrecisionApfloatHelper(20);
        double eps = Math.pow(10, -(p.working() - 2));
        double n = sv.spectrum().groups().total();
        for (int side = 0; side < 2; side++) {
            boolean left = side == 0;
            Apfloat old = Apfloat.ZERO;
            double diffSq = 0;
            for (int i = 0; i < sv.count(); i++) {
                Apfloat d = low.valueOf(h.subtract(left ? sv.leftGram(i, i) : sv.rightGram(i, i), Apfloat.ONE));
                old = low.add(old, low.multiply(d, d));
                for (int j = i + 1; j < sv.count(); j++) {
                    Apfloat full = left ? sv.leftGram(i, j) : sv.rightGram(i, j);
                    Apfloat e = low.valueOf(full);
                    old = low.add(old, low.multiply(new Apfloat(2), low.multiply(e, e)));
                    double value = left ? g.left(i, j) : g.right(i, j);
                    double b = (left ? g.leftError(i, j, value) : g.rightError(i, j, value))
                        + 8 * eps * Math.abs(ScaledGram.toDouble(ApfloatMath.scale(full, left ? g.leftScale() : g.rightScale())));
                    StoredPair a = sv.pair(i);
                    StoredPair c = sv.pair(j);
                    if (a.support == null && c.support == null) {
                        double gap = Math.abs((double) (a.origin - c.origin) + (a.delta.doubleValue() - c.delta.doubleValue()));
                        double ss = left ? 1 : sv.spectrum().singularValue(i).doubleValue() * sv.spectrum().singularValue(j).doubleValue();
                        double mag = left ? n : 0; // S0's terms are O(1) on the left of the ulp: eps times sum n_k / |n_k - mu| bounded below
                        if (!left) {
                            for (int k = 0; k < sizes.length; k++) {
                                mag = Math.max(mag, Math.max(Math.abs(a.s0.doubleValue()), Math.abs(c.s0.doubleValue())));
                            }
                        }
                        b += 2 * eps * mag * ss * Math.pow(10, left ? g.leftScale() : g.rightScale()) * a.inv.doubleValue()
                            * c.inv.doubleValue() / gap;
                    }
                    diffSq += 2 * b * b;
                }
            }
            double oldD = ApfloatMath.scale(low.sqrt(old), left ? g.leftScale() : g.rightScale()).doubleValue();
            double newD = ApfloatMath.scale(f.gramDefects()[side], left ? g.leftScale() : g.rightScale()).doubleValue();
            double bound = Math.sqrt(diffSq) + 1e-14 * oldD;
            assertTrue(sv.count() >= 1, name + ": m = " + sv.count());
            assertTrue(Math.abs(oldD - newD) <= bound, name + (left ? " left" : " right") + ": old " + oldD + " new " + newD
                + " (scaled) differ by more than " + bound);
        }
    }
}
