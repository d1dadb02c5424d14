package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

/**
 * The cheap rigorous enclosures of the certificate against the exact sign
 * ({@link ExactSecularSign#exactSign}, which decides every point, 0 included): the integer
 * enclosure {@link SecularEnclosure} and the Taylor rule {@link TaylorBracket#PROVEN} may leave a
 * sign undecided, but a sign they claim must be the exact one, on adversarial points: within
 * 10^-50 of a pole, within 10^-66 relative of a root, tied sizes, size ratios of 10^12, roots
 * whose bracket end sits just past the root. Each test also requires many decided claims (the
 * enclosure is not vacuous) and runs the same points through a deliberately wrong variant (the
 * enclosure width W halved; the Taylor remainder bound halved; in {@link ColdPathTest}, the double
 * lower bound of G inflated by 1 %), which must claim a wrong sign somewhere: the tests can fail.
 */
class SecularEnclosureTest {
    private static final int DIGITS = 60;
    private static final int[] SCALES = {0, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    static List<long[]> instances() {
        List<long[]> list = new ArrayList<>();
        list.add(new long[] {1_000_000_000_000L, 999_999_999_999L, 3, 1});
        list.add(new long[] {1_000_000_000_000L, 7, 3, 2, 1});
        list.add(new long[] {8, 8, 8, 3, 1});
        list.add(new long[] {1_000_001, 1_000_000, 999_999, 2});
        list.add(new long[] {1, 1, 2});
        long seed = SpectrumFixtures.BASE_SEED + 313;
        list.add(SpectrumFixtures.longTail(new Random(seed), 20, 1_000_000L, 1e6));
        return list;
    }

    /** Points near every root (relative 10^-k) and every pole (absolute 10^-k), as decimals. */
    private static List<BigDecimal> points(long[] sizes) {
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SizeGroups g = sp.groups();
        List<BigDecimal> list = new ArrayList<>();
        for (int i = 0; i < sp.size(); i++) {
            if (sp.kind(i) != EigenKind.SECULAR_ROOT) {
                continue;
            }
            BigDecimal mu = sp.eigenvalueDecimal(i);
            list.add(mu);
            for (int k : new int[] {5, 20, 40, 55, 62, 66}) {
                BigDecimal d = mu.multiply(BigDecimal.ONE.scaleByPowerOfTen(-k));
                list.add(mu.add(d));
                list.add(mu.subtract(d));
            }
        }
        for (int j = 0; j < g.count(); j++) {
            for (int k : new int[] {1, 10, 30, 50, 52}) {
                BigDecimal d = BigDecimal.ONE.scaleByPowerOfTen(-k);
                list.add(BigDecimal.valueOf(g.value(j)).add(d));
                list.add(BigDecimal.valueOf(g.value(j)).subtract(d));
            }
        }
        return list;
    }

    /** {claims, wrong claims} of the integer enclosure with width W (true: W = sum n_k^2; false: W/2). */
    private static int[] enclosureClaims(boolean halved) {
        int claims = 0;
        int wrong = 0;
        for (long[] sizes : instances()) {
            SizeGroups g = SizeGroups.of(sizes);
            long origin = g.value(g.count() - 1);
            BigInteger width = halved ? g.weightSum().shiftRight(1) : g.weightSum();
            for (BigDecimal a : points(sizes)) {
                int exact = ExactSecularSign.exactSign(g, a);
                int q = Math.max(0, a.scale());
                BigInteger x = a.subtract(BigDecimal.valueOf(origin)).setScale(q).unscaledValue();
                for (int s : SCALES) {
                    int claimed = SecularEnclosure.at(g, origin, x, BigInteger.TEN.pow(q), s, width).sign();
                    if (claimed != 0) {
                        claims++;
                        wrong += claimed != exact ? 1 : 0;
                    }
                }
            }
        }
        return new int[] {claims, wrong};
    }

    @Test
    void integerEnclosureClaimsOnlyExactSigns() {
        int[] r = enclosureClaims(false);
        assertEquals(0, r[1], "the integer enclosure claimed a wrong sign " + r[1] + " times");
        assertTrue(r[0] > 1000, "too few decided claims to mean anything: " + r[0]);
    }

    @Test
    void halvedEnclosureWidthIsCaughtClaimingAWrongSign() {
        int[] r = enclosureClaims(true);
        assertTrue(r[1] > 0, "a width W/2 should claim some wrong sign; " + r[0] + " claims, none wrong");
    }

    /** {claims, wrong claims} of a Taylor rule over brackets [m - h, m + h] near every root. */
    static int[] taylorClaims(TaylorBracket rule) {
        int claims = 0;
        int wrong = 0;
        for (long[] sizes : instances()) {
            YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
            SizeGroups g = sp.groups();
            for (int i = 0; i < sp.size(); i++) {
                if (sp.kind(i) != EigenKind.SECULAR_ROOT) {
                    continue;
                }
                int group = sp.root(i).group();
                BigDecimal mu = sp.eigenvalueDecimal(i);
                BigDecimal d = mu.subtract(BigDecimal.valueOf(g.value(group + 1)))
                    .min(BigDecimal.valueOf(g.value(group)).subtract(mu));
                List<BigDecimal> halves = new ArrayList<>();
                for (String t : new String[] {"0.01", "0.1", "0.25", "0.3", "0.4", "0.45"}) {
                    halves.add(d.multiply(new BigDecimal(t)).round(new MathContext(3)));
                }
                halves.add(mu.multiply(BigDecimal.ONE.scaleByPowerOfTen(-(DIGITS + 3))).round(new MathContext(2)));
                for (BigDecimal h : halves) {
                    // centres that put an end just past the root, on either side, and the root itself
                    for (String sigma : new String[] {"0", "0.5", "-0.5", "0.9", "-0.9", "0.99", "-0.99", "1.01", "-1.01",
                        "0.995", "-0.995", "0.999", "-0.999", "1.001", "-1.001"}) {
                        BigDecimal m = mu.add(h.multiply(new BigDecimal(sigma))).round(new MathContext(DIGITS + 10));
                        double sumSquares = sp.root(i).sumSquares();
                        int[] signs = rule.signs(g, group, m, h, sumSquares);
                        int[] exact = {ExactSecularSign.exactSign(g, m.subtract(h)), ExactSecularSign.exactSign(g, m.add(h))};
                        for (int e = 0; e < 2; e++) {
                            if (signs[e] != 0) {
                                claims++;
                                wrong += signs[e] != exact[e] ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        return new int[] {claims, wrong};
    }

    @Test
    void taylorRuleClaimsOnlyExactSigns() {
        int[] r = taylorClaims(TaylorBracket.PROVEN);
        assertEquals(0, r[1], "the Taylor rule claimed a wrong sign " + r[1] + " times");
        assertTrue(r[0] > 100, "too few decided claims to mean anything: " + r[0]);
    }

    @Test
    void halvedTaylorRemainderIsCaughtClaimingAWrongSign() {
        int[] r = taylorClaims(new TaylorBracket(new BigDecimal("0.5")));
        assertTrue(r[1] > 0, "a halved remainder bound should claim some wrong sign; " + r[0] + " claims, none wrong");
    }

    @Test
    void doubleMidpointSignAgreesWithTheExactSign() {
        int decided = 0;
        for (long[] sizes : instances()) {
            SizeGroups g = SizeGroups.of(sizes);
            for (int j = 0; j + 1 < g.count(); j++) {
                long lo = g.value(j + 1);
                long span = g.value(j) - lo;
                SecularFunction f = new SecularFunction(g, lo);
                for (long num = 1; num < 2 * span && num < 400; num++) {
                    int s = f.provenSign(num / 2.0);
                    if (s != 0) {
                        decided++;
                        BigDecimal a = BigDecimal.valueOf(lo).add(BigDecimal.valueOf(num).divide(BigDecimal.valueOf(2)));
                        assertEquals(ExactSecularSign.exactSign(g, a), s, "double sign at " + a + " for " + SpectrumFixtures.describe(sizes));
                    }
                }
            }
        }
        assertTrue(decided > 100, "too few decided double signs: " + decided);
    }
}
