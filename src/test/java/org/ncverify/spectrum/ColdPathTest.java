package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

/**
 * The decision paths added for the cold start of issue 13 (branch spectrum-cold), each against an
 * exact reference and with a deliberately wrong variant that must be caught:
 * <ul>
 * <li>the double lower bound of G = -F'(mu) in the Taylor bracket ({@link TaylorBracket#slopeLowerBound}):
 *     never above the exact G (a 120-digit evaluation), within its stated margin of it (not
 *     vacuous), null where its proof does not apply (sizes of 2^52 and more, which then take the
 *     exact integer slope and still certify); the same bound inflated by 1 % claims wrong signs on
 *     the points of {@link SecularEnclosureTest}, whose test of the proven rule covers this bound;</li>
 * <li>the pseudo-determinant by directed rounding ({@link SpectrumIdentities#pseudoDeterminant}):
 *     the rounded products enclose the exact ones; a bracket shifted by 0.1 of its width still
 *     passes and one shifted by 1000 widths fails, on the same spectrum, and the fast answer equals
 *     the exact one on both;</li>
 * <li>the exact {@link DyadicNewton#scaled} against its BigDecimal definition; the Halley step on a
 *     one-pole secular function, where Halley's method is exact; and the roots its stopping rule
 *     returns at 50 and 60 digits against the Newton levels' at 100 digits, to P + G - 2 digits.</li>
 * </ul>
 */
class ColdPathTest {
    private static final int DIGITS = 60;
    private static final MathContext EXACT_G = new MathContext(120, RoundingMode.HALF_EVEN);

    /** The adversarial instances of {@link SecularEnclosureTest} (10^12 sizes, ties, near-equal sizes, a rational root). */
    private static List<long[]> instances() {
        return SecularEnclosureTest.instances();
    }

    /** G = sum_j w_j / (c_j - mu)^2 to 120 digits (its error is far below the 2^-52 margins tested). */
    private static BigDecimal exactSlope(SizeGroups g, BigDecimal mu) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < g.count(); j++) {
            BigDecimal d = BigDecimal.valueOf(g.value(j)).subtract(mu);
            sum = sum.add(new BigDecimal(g.bigWeight(j)).divide(d.multiply(d), EXACT_G), EXACT_G);
        }
        return sum;
    }

    private static BigDecimal value(long[] bound) {
        BigDecimal m = BigDecimal.valueOf(bound[0]);
        int e = (int) bound[1];
        BigDecimal two = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(e)));
        return e >= 0 ? m.multiply(two) : m.divide(two);
    }

    /** Points around every root: the root, 10^-k relative off it, and near both poles (10^-k absolute). */
    private static List<BigDecimal[]> points(YhatSpectrum sp, int i) {
        SizeGroups g = sp.groups();
        int group = sp.root(i).group();
        BigDecimal mu = sp.eigenvalueDecimal(i);
        List<BigDecimal[]> list = new ArrayList<>();
        list.add(new BigDecimal[] {mu});
        for (int k : new int[] {3, 20, 63}) {
            BigDecimal d = mu.multiply(BigDecimal.ONE.scaleByPowerOfTen(-k));
            list.add(new BigDecimal[] {mu.add(d)});
            list.add(new BigDecimal[] {mu.subtract(d)});
        }
        for (int k : new int[] {1, 10, 40}) {
            BigDecimal d = BigDecimal.ONE.scaleByPowerOfTen(-k);
            list.add(new BigDecimal[] {BigDecimal.valueOf(g.value(group + 1)).add(d)});
            list.add(new BigDecimal[] {BigDecimal.valueOf(g.value(group)).subtract(d)});
        }
        return list;
    }

    @Test
    void doubleSlopeBoundIsBelowTheExactSlopeAndWithinItsMargin() {
        int checked = 0;
        for (long[] sizes : instances()) {
            YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
            SizeGroups g = sp.groups();
            for (int i : IntStream.range(0, sp.size()).filter(i -> sp.kind(i) == EigenKind.SECULAR_ROOT).toArray()) {
                for (BigDecimal[] p : points(sp, i)) {
                    long[] bound = TaylorBracket.slopeLowerBound(g, sp.root(i).group(), p[0]);
                    assertNotNull(bound, "sizes below 2^52 take the double bound at " + p[0]);
                    BigDecimal lower = value(bound);
                    BigDecimal exact = exactSlope(g, p[0]);
                    String where = SpectrumFixtures.describe(sizes) + " at mu = " + p[0];
                    assertTrue(lower.compareTo(exact) < 0, () -> "bound " + lower + " above G = " + exact + " for " + where);
                    // not vacuous: within 2 (D + 8) 2^-52 of G
                    BigDecimal margin = BigDecimal.valueOf(2L * (g.count() + 8)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(52)));
                    BigDecimal floor = exact.multiply(BigDecimal.ONE.subtract(margin));
                    assertTrue(lower.compareTo(floor) >= 0, () -> "bound " + lower + " far below G = " + exact + " for " + where);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "too few points: " + checked);
    }

    @Test
    void sizesBeyondTwoToThe52TakeTheExactSlopeAndStillCertify() {
        long big = (1L << 53) + 1;
        long[] sizes = {big, big - 7, 3, 1};
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(40));
        assertNull(TaylorBracket.slopeLowerBound(sp.groups(), 0, sp.eigenvalueDecimal(0)), "no double bound beyond 2^52");
        assertTrue(sp.certificate().holds(), "the certificate with the exact slope holds for " + SpectrumFixtures.describe(sizes));
        assertTrue(sp.certificate().minCertifiedDigits() >= 40, "digits " + sp.certificate().minCertifiedDigits());
    }

    @Test
    void slopeInflatedByOnePercentIsCaughtClaimingAWrongSign() {
        // the points of SecularEnclosureTest, whose proven rule (with this double bound) claims no wrong sign
        int[] r = SecularEnclosureTest.taylorClaims(new TaylorBracket(BigDecimal.ONE, 1));
        assertTrue(r[1] > 0, "G inflated by 1 % should claim a wrong sign; " + r[0] + " claims, none wrong");
    }

    @Test
    void directedRoundingProductsEncloseTheExactOnes() {
        YhatSpectrum sp = YhatSpectrum.compute(SpectrumFixtures.longTail(new Random(SpectrumFixtures.BASE_SEED + 415), 40, 100_000L, 1e3),
            Precision.of(DIGITS));
        List<SpectrumCertificate.Bracket> list = sp.certificate().brackets();
        BigDecimal lo = BigDecimal.ONE;
        BigDecimal hi = BigDecimal.ONE;
        for (int i = 0; i < list.size() - 1; i++) {
            lo = lo.multiply(list.get(i).lower());
            hi = hi.multiply(list.get(i).upper());
        }
        BigDecimal loUp = SpectrumIdentities.boundedProduct(list, true);
        BigDecimal hiDown = SpectrumIdentities.boundedProduct(list, false);
        assertTrue(loUp.compareTo(lo) >= 0 && loUp.subtract(lo).compareTo(hi.subtract(lo).movePointLeft(6)) < 0,
            "rounded-up prod lo encloses prod lo and is far tighter than the bracket product's width");
        assertTrue(hiDown.compareTo(hi) <= 0 && hi.subtract(hiDown).compareTo(hi.subtract(lo).movePointLeft(6)) < 0,
            "rounded-down prod hi encloses prod hi and is far tighter than the bracket product's width");
    }

    @Test
    void pseudoDeterminantPassesInsideAndFailsJustPastOnTheTail() {
        long[] sizes = new long[200];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = Math.round(1e5 * Math.pow(1000, -k / 199.0));
        }
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SizeGroups g = sp.groups();
        List<SpectrumCertificate.Bracket> good = sp.certificate().brackets();
        assertTrue(SpectrumCertificate.pseudoDeterminant(g, good), "control: the true brackets");
        for (String widths : new String[] {"0.1", "-0.1", "1000", "-1000"}) {
            List<SpectrumCertificate.Bracket> moved = new ArrayList<>(good);
            SpectrumCertificate.Bracket b = good.get(0);
            BigDecimal d = b.upper().subtract(b.lower()).multiply(new BigDecimal(widths));
            moved.set(0, new SpectrumCertificate.Bracket(b.kind(), b.lower().add(d), b.upper().add(d), true, "moved"));
            boolean expected = Math.abs(Double.parseDouble(widths)) < 1;
            assertEquals(expected, SpectrumCertificate.pseudoDeterminant(g, moved), "bracket 1 moved by " + widths + " widths");
            assertEquals(SpectrumIdentities.exactPseudoDeterminant(g, moved), SpectrumCertificate.pseudoDeterminant(g, moved),
                "fast and exact pseudo-determinant agree, moved by " + widths + " widths");
        }
    }

    @Test
    void scaledIsRoundHalfEvenOfTheExactProduct() {
        Random r = new Random(SpectrumFixtures.BASE_SEED + 416);
        List<Double> values = new ArrayList<>(List.of(0.5, 1.5, 2.5, -2.5, 3.0, -0.5, 1e-300, Double.MIN_VALUE, -Double.MIN_NORMAL, 1e300));
        for (int t = 0; t < 400; t++) {
            values.add((r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(200) - 100));
        }
        for (double v : values) {
            for (int b : new int[] {-1100, -200, -60, -1, 0, 1, 3, 52, 53, 60, 200, 1100}) {
                BigDecimal two = b >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(b)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-b)));
                BigInteger expected = new BigDecimal(v).multiply(two).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
                assertEquals(expected, DyadicNewton.scaled(v, b), "round(" + v + " 2^" + b + ")");
            }
        }
    }

    @Test
    void halleyRootsCarryTheFullWorkingPrecision() {
        // at 50 and 60 digits the solver takes one Halley step (its stopping rule decides); at 100 digits
        // the Newton levels: the roots must agree to the working precision P + G (a Newton step alone
        // from the 28-digit start would leave an error near 10^-56, 10^14 times the bound)
        List<long[]> list = new ArrayList<>(instances());
        long[] tail = new long[200];
        for (int k = 0; k < tail.length; k++) {
            tail[k] = Math.round(1e5 * Math.pow(1000, -k / 199.0));
        }
        list.add(tail);
        int compared = 0;
        for (long[] sizes : list) {
            YhatSpectrum fine = YhatSpectrum.compute(sizes, Precision.of(100));
            for (int digits : new int[] {50, 60}) {
                Precision p = Precision.of(digits);
                YhatSpectrum sp = YhatSpectrum.compute(sizes, p);
                BigDecimal bound = BigDecimal.ONE.scaleByPowerOfTen(-(int) (p.working() - 2));
                for (int i = 0; i < sp.size(); i++) {
                    if (sp.kind(i) != EigenKind.SECULAR_ROOT) {
                        continue;
                    }
                    BigDecimal ref = fine.eigenvalueDecimal(i);
                    BigDecimal rel = sp.eigenvalueDecimal(i).subtract(ref).abs().divide(ref, MathContext.DECIMAL64);
                    int at = i;
                    assertTrue(rel.compareTo(bound) <= 0, () -> "mu_" + (at + 1) + " at " + digits + " digits is off by " + rel
                        + " relative (bound " + bound + ") for " + SpectrumFixtures.describe(sizes));
                    compared++;
                }
            }
        }
        assertTrue(compared > 400, "too few roots compared: " + compared);
    }

    @Test
    void halleyStepIsExactForOnePole() {
        // F(delta) = N + w / delta (a single pole at the origin): root delta* = -w/N; Halley's method is
        // exact for a Moebius function, so one step from any start lands on delta* to the resolution
        long n = 7;
        long w = 9;
        int b = 300;
        BigInteger target = BigInteger.valueOf(-w).shiftLeft(b).divide(BigInteger.valueOf(n)); // delta* 2^b, truncated
        for (String eps : new String[] {"1e-28", "-3e-20", "1e-25"}) {
            BigDecimal x = new BigDecimal(-w).divide(new BigDecimal(n), new MathContext(120)).multiply(BigDecimal.ONE.add(new BigDecimal(eps)));
            BigDecimal xb = x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(b)));
            BigInteger bigX = xb.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            // Newton step F/G = (N + w/x) x^2 / w = N x^2 / w + x, in X units
            BigDecimal newton = new BigDecimal(n).multiply(x).multiply(x).divide(new BigDecimal(w), new MathContext(120)).add(x);
            BigInteger step = newton.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(b))).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            double kappa = -1.0 / x.doubleValue(); // s3/s2 = -1/delta, to double-double
            double kappaLo = new BigDecimal(-1).divide(x, new MathContext(60)).subtract(new BigDecimal(kappa)).doubleValue();
            BigInteger next = bigX.add(DyadicNewton.halleyStep(step, new double[] {kappa, kappaLo}, b, 80));
            BigInteger newtonOnly = bigX.add(step);
            BigInteger err = next.subtract(target).abs();
            BigInteger limit = target.abs().shiftRight(200); // 2^-200 relative: beyond every digit solved
            assertTrue(err.compareTo(limit) < 0, "Halley from relative error " + eps + " lands within 2^-200: error " + err);
            assertFalse(newtonOnly.subtract(target).abs().compareTo(limit) < 0, "control: Newton alone from " + eps + " does not");
        }
    }
}
