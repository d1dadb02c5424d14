package org.ncverify.theory;

import java.math.BigInteger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.CertificateFixtures;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * The scalar law near its threshold: the accuracy of p*(s) for s = s_crit (1 + delta) against an
 * independent bisection at three times the working precision, the exact branch decision from a
 * certified bracket of s^2 (the case the rounded comparison cannot decide), the rounded band's
 * edges, and the validation of the parameters.
 */
class ScalarLawThresholdTest {
    private static final long N = 20;

    /** Lambda = 10^-(3(L+1)), so lambda_bar = 10^-3 exactly. */
    private static Aprational lambda(int depth) {
        return Rationals.of(BigInteger.ONE, BigInteger.TEN.pow(3 * (depth + 1)));
    }

    static Stream<Arguments> nearThreshold() {
        return IntStream.rangeClosed(2, 8).boxed().flatMap(l -> Stream.of("1e-60", "1e-40", "1e-20", "1e-15", "-1e-40",
            "-1e-15").map(d -> Arguments.of(l, d, 40)));
    }

    static Stream<Arguments> nearThresholdHighPrecision() {
        return Stream.of(Arguments.of(2, "1e-150", 200), Arguments.of(5, "1e-100", 200), Arguments.of(8, "1e-15", 200),
            Arguments.of(3, "1e-3", 100), Arguments.of(4, "1", 100));
    }

    /**
     * s = s_crit (1 + delta), rounded to the working digits: p*(s) matches the largest root of
     * s q^(L-1) - q^(2L) = N lambda_bar found by bisection at 3 (P + G) digits (from s_crit and
     * lambda_bar = 10^-3 formed there by floating operations, not by the law) to 10^-(P+G-4)
     * relative; and is exactly 0 for s below s_crit.
     */
    @ParameterizedTest(name = "L = {0}, delta = {1}, P = {2}")
    @MethodSource({"nearThreshold", "nearThresholdHighPrecision"})
    void nearTheThresholdPStarCarriesTheWorkingPrecision(int depth, String delta, int digits) {
        Precision p = Precision.of(digits);
        ScalarLaw law = ScalarLaw.of(depth, N, lambda(depth), p);
        long wide = 3 * p.working();
        FixedPrecisionApfloatHelper w = new FixedPrecisionApfloatHelper(wide);
        Apfloat lambdaBar = new Apfloat("1e-3", wide);
        Apfloat nLambdaBar = w.multiply(new Apfloat(N, wide), lambdaBar);
        // s_crit^(2L/(L+1)) = N lambda_bar L (L/(L-1))^((L-1)/(L+1))
        Apfloat l = new Apfloat(depth, wide);
        Apfloat ratio = w.divide(l, new Apfloat(depth - 1L, wide));
        Apfloat power = w.multiply(w.multiply(nLambdaBar, l), w.pow(ratio, w.divide(new Apfloat(depth - 1L, wide),
            new Apfloat(depth + 1L, wide))));
        Apfloat sCrit = w.pow(power, w.divide(new Apfloat(depth + 1L, wide), new Apfloat(2L * depth, wide)));
        Apfloat s = p.of(w.multiply(sCrit, w.add(Apfloat.ONE, new Apfloat(delta, wide))));
        ScalarSolution x = law.solve(s);
        if (delta.startsWith("-")) {
            assertEquals(0, x.p().signum(), () -> "below s_crit: " + x);
            assertEquals(Branch.COLLAPSED, x.branch());
            return;
        }
        Apfloat reference = w.pow(largestRootByBisection(w, depth, w.valueOf(s), nLambdaBar), depth + 1L);
        Apfloat error = w.divide(ApfloatMath.abs(w.subtract(x.p(), reference)), reference);
        assertTrue(error.compareTo(p.pow10(-(p.working() - 4))) <= 0, () -> "L = " + depth + ", delta = " + delta
            + ": p*(s) off by a relative " + Precision.formatScientific(error, 3) + " (" + x.branch() + ")");
    }

    /**
     * Bisection on [q_*, s^(1/(L+1))], q_*^(L+1) = (L-1) s / (2L): g - N lambda_bar is &gt;= 0 at
     * q_* for s &gt;= s_crit and -N lambda_bar &lt; 0 at the right end; until the bracket is 4 digits
     * below the helper's precision.
     */
    private static Apfloat largestRootByBisection(FixedPrecisionApfloatHelper w, int depth, Apfloat s, Apfloat c) {
        long digits = w.precision();
        Apfloat lo = w.root(w.divide(w.multiply(new Apfloat(depth - 1L, digits), s), new Apfloat(2L * depth, digits)),
            depth + 1L);
        Apfloat hi = w.root(s, depth + 1L);
        Apfloat stop = w.multiply(hi, new Apfloat("1e-" + (digits - 4), digits));
        while (w.subtract(hi, lo).compareTo(stop) > 0) {
            Apfloat mid = w.divide(w.add(lo, hi), new Apfloat(2, digits));
            Apfloat g = w.subtract(w.subtract(w.multiply(s, w.pow(mid, depth - 1L)), w.pow(mid, 2L * depth)), c);
            if (g.signum() >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------- exact decisions from a certified bracket

    /** sizes (1, 1): Yhat^T Yhat has the exact eigenvalue mu_1 = 1 (lo = hi = 1), so s_1 = 1. */
    private static SpectrumCertificate.Bracket unitBracket(Precision p) {
        SpectrumCertificate.Bracket b = YhatSpectrum.compute(new long[] {1, 1}, p).certificate().bracket(0);
        assertEquals(0, b.lower().compareTo(BigDecimal.ONE), "mu_1 of sizes (1, 1)");
        assertEquals(0, b.upper().compareTo(BigDecimal.ONE), "mu_1 of sizes (1, 1)");
        return b;
    }

    /** Lambda with s_crit^(2L) = 1 + eps for N = 2: 1 / (2^(L+1) L^(L+1) (L/(L-1))^(L-1)) (1 + eps). */
    private static Aprational unitThreshold(int depth, Aprational eps) {
        // exact rationals reduced in BigInteger (Apfloat's Apint.divide truncates, see RationalsTest)
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.TWO.pow(depth + 1).multiply(BigInteger.valueOf(depth).pow(depth + 1));
        if (depth >= 2) {
            den = den.multiply(BigInteger.valueOf(depth).pow(depth - 1));
            num = BigInteger.valueOf(depth - 1).pow(depth - 1);
        }
        return Rationals.product(Rationals.add(Aprational.ONE, eps), Rationals.of(num, den));
    }

    private static Aprational tiny(long sign) {
        return Rationals.of(BigInteger.valueOf(sign), BigInteger.TEN.pow(70));
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void aProvenEqualityIsAtThresholdWithTheJump(int depth) {
        Precision p = Precision.of(40);
        ScalarLaw law = ScalarLaw.of(depth, 2, unitThreshold(depth, Aprational.ZERO), p);
        SpectrumCertificate.Bracket b = unitBracket(p);
        assertEquals(ThresholdSide.AT, law.side(b.lower(), b.upper()));
        ScalarSolution x = law.solve(p.of(1L), () -> b);
        assertEquals(Branch.AT_THRESHOLD, x.branch(), x::toString);
        assertEquals(0, x.p().compareTo(law.jump()), () -> "p at s_crit is the jump (L-1) s_crit / L: " + x);
    }

    /**
     * s_crit = 1 - ~1e-70/(2L) (L = 1: s_crit^2 = N^2 Lambda = 1 - 1e-70): the rounded comparison
     * calls s = 1 AT the threshold, the bracket proves s &gt; s_crit. L = 1: p = s - N lambda_bar =
     * 1 - sqrt(1 - 1e-70) = 5e-71 (1 + O(1e-70)), positive, from the exact gap. L &gt;= 2: the
     * surviving root, within 10^-(P+G-4) of the jump.
     */
    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 2, 4})
    void justAboveTheThresholdTheProvenSideWins(int depth) {
        Precision p = Precision.of(40);
        FixedPrecisionApfloatHelper h = p.helper();
        ScalarLaw law = ScalarLaw.of(depth, 2, unitThreshold(depth, tiny(-1)), p);
        SpectrumCertificate.Bracket b = unitBracket(p);
        Apfloat s = p.of(1L);
        assertEquals(ThresholdSide.AT, law.roundedSide(s), "the rounded comparison cannot decide");
        assertEquals(ThresholdSide.ABOVE, law.side(b.lower(), b.upper()));
        ScalarSolution x = law.solve(s, () -> b);
        assertEquals(Branch.SURVIVING, x.branch(), x::toString);
        if (depth == 1) {
            Apfloat expected = p.pow10(-70).multiply(new Apfloat("0.5", p.working()));
            Apfloat err = h.divide(ApfloatMath.abs(h.subtract(x.p(), expected)), expected);
            assertTrue(err.compareTo(p.pow10(-(p.working() - 4))) <= 0, () -> "p = " + x.p() + ", expected 5e-71");
        } else {
            Apfloat err = h.divide(ApfloatMath.abs(h.subtract(x.p(), law.jump())), law.jump());
            assertTrue(err.compareTo(p.pow10(-(p.working() - 4))) <= 0, () -> "p = " + x.p() + " vs jump " + law.jump());
        }
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 3})
    void justBelowTheThresholdTheProvenSideCollapses(int depth) {
        Precision p = Precision.of(40);
        ScalarLaw law = ScalarLaw.of(depth, 2, unitThreshold(depth, tiny(1)), p);
        SpectrumCertificate.Bracket b = unitBracket(p);
        ScalarSolution x = law.solve(p.of(1L), () -> b);
        assertEquals(ThresholdSide.BELOW, law.side(b.lower(), b.upper()));
        assertEquals(Branch.COLLAPSED, x.branch(), x::toString);
        assertEquals(0, x.p().signum());
    }

    /** Without a certified bracket the rounded comparison decides (AT: 0 for L = 1, the jump for L &gt;= 2). */
    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 2})
    void anUncertifiedBracketLeavesTheRoundedDecision(int depth) {
        Precision p = Precision.of(40);
        ScalarLaw law = ScalarLaw.of(depth, 2, unitThreshold(depth, tiny(-1)), p);
        SpectrumCertificate cert = YhatSpectrum.compute(new long[] {1, 1}, p).certificate();
        SpectrumCertificate.Bracket b = CertificateFixtures.withUncertifiedBracket(cert, 0).bracket(0);
        ScalarSolution x = law.solve(p.of(1L), () -> b);
        assertEquals(Branch.AT_THRESHOLD, x.branch(), x::toString);
        assertEquals(0, x.p().compareTo(law.jump()), x::toString);
    }

    /**
     * L = 1 with an inexact bracket (sizes (2, 1): mu_1 = 4/3, bracket about 1e-43 wide at P = 40),
     * s_crit^2 = 4/3 (1 - 1e-41): the bracket proves s &gt; s_crit, but its lower end gives only a
     * loose lower bound of p*; p is the rounded s - N lambda_bar, within 10^-(P+G-4) s of p*
     * computed at 3 (P + G) digits.
     */
    @Test
    void withAnInexactBracketTheRoundedDifferenceIsKept() {
        Precision p = Precision.of(40);
        Aprational lam = Rationals.product(Rationals.of(4, 27),
            Rationals.subtract(Aprational.ONE, Rationals.of(BigInteger.ONE, BigInteger.TEN.pow(41))));
        ScalarLaw law = ScalarLaw.of(1, 3, lam, p);
        SpectrumCertificate.Bracket b = YhatSpectrum.compute(new long[] {2, 1}, p).certificate().bracket(0);
        assertEquals(ThresholdSide.ABOVE, law.side(b.lower(), b.upper()));
        assertTrue(b.lower().compareTo(b.upper()) < 0, "an inexact bracket");
        long wide = 3 * p.working();
        FixedPrecisionApfloatHelper w = new FixedPrecisionApfloatHelper(wide);
        Apfloat s = p.of(w.sqrt(w.divide(new Apfloat(4, wide), new Apfloat(3, wide))));
        Apfloat lamWide = w.divide(w.multiply(new Apfloat(4, wide), w.subtract(Apfloat.ONE, new Apfloat("1e-41", wide))),
            new Apfloat(27, wide));
        Apfloat exact = w.subtract(s, w.multiply(new Apfloat(3, wide), w.sqrt(lamWide)));
        ScalarSolution x = law.solve(s, () -> b);
        assertEquals(Branch.SURVIVING, x.branch());
        Apfloat err = w.divide(ApfloatMath.abs(w.subtract(x.p(), exact)), s);
        assertTrue(err.compareTo(p.pow10(-(p.working() - 4))) <= 0, () -> "p = " + x.p() + " vs " + exact
            + ": error " + Precision.formatScientific(err, 3) + " s");
    }

    /**
     * s_crit = 1 exactly (L = N = Lambda = 1): the bracket is asked for up to |s - s_crit| = 10^-P
     * inclusive, and the rounded band ends at 10^-(P+G-4) inclusive (both exact decimals here).
     */
    @Test
    void theZonesEndsAreInclusive() {
        Precision p = Precision.of(30);
        FixedPrecisionApfloatHelper h = p.helper();
        ScalarLaw law = ScalarLaw.of(1, 1, Aprational.ONE, p);
        assertEquals(0, law.threshold().compareTo(Apfloat.ONE));
        Apfloat band = p.pow10(-(p.working() - 4));
        assertEquals(ThresholdSide.AT, law.roundedSide(h.add(Apfloat.ONE, band)));
        assertEquals(ThresholdSide.AT, law.roundedSide(h.subtract(Apfloat.ONE, band)));
        SpectrumCertificate.Bracket b = unitBracket(p);
        int[] asked = {0};
        Supplier<SpectrumCertificate.Bracket> counting = () -> {
            asked[0]++;
            return b;
        };
        Apfloat edge = p.pow10(-p.digits());
        law.solve(h.add(Apfloat.ONE, edge), counting);
        assertEquals(1, asked[0], "|s - s_crit| = 10^-P: bracket asked for");
        law.solve(h.add(Apfloat.ONE, h.multiply(edge, p.of(2L))), counting);
        assertEquals(1, asked[0], "|s - s_crit| = 2 10^-P: bracket not asked for");
    }

    /** Far from s_crit (more than 10^-P relative) the bracket is not even asked for. */
    @Test
    void farFromTheThresholdTheBracketIsNotComputed() {
        Precision p = Precision.of(40);
        ScalarLaw law = ScalarLaw.of(2, 2, unitThreshold(2, Aprational.ZERO), p);
        Supplier<SpectrumCertificate.Bracket> none = () -> {
            throw new AssertionError("bracket requested");
        };
        Apfloat sCrit = law.threshold();
        Apfloat off = p.helper().multiply(sCrit, p.pow10(-39));
        assertEquals(Branch.SURVIVING, law.solve(p.helper().add(sCrit, off), none).branch());
        assertEquals(Branch.COLLAPSED, law.solve(p.helper().subtract(sCrit, off), none).branch());
    }

    /** The exact comparison: s^2 in [lo, hi] against s_crit^2 = N^2 Lambda = 1 (L = 1, N = 2, Lambda = 1/4). */
    @Test
    void theExactSideOfABracket() {
        ScalarLaw law = ScalarLaw.of(1, 2, new Aprational(Apint.ONE, new Apint(4)), Precision.of(20));
        BigDecimal one = BigDecimal.ONE;
        BigDecimal up = new BigDecimal("1.0000000000000000000000000000001");
        BigDecimal down = new BigDecimal("0.9999999999999999999999999999999");
        assertEquals(ThresholdSide.AT, law.side(one, one));
        assertEquals(ThresholdSide.ABOVE, law.side(up, up));
        assertEquals(ThresholdSide.BELOW, law.side(down, down));
        assertEquals(ThresholdSide.UNDECIDED, law.side(one, up), "lo = s_crit^2 < hi");
        assertEquals(ThresholdSide.UNDECIDED, law.side(down, one), "lo < s_crit^2 = hi");
        assertEquals(ThresholdSide.UNDECIDED, law.side(down, up));
    }

    /** The rounded band is |s - s_crit| &lt;= s_crit 10^-(P+G-4), ends included. */
    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 3})
    void theRoundedBandIncludesItsEnds(int depth) {
        Precision p = Precision.of(30);
        FixedPrecisionApfloatHelper h = p.helper();
        ScalarLaw law = ScalarLaw.of(depth, N, lambda(depth), p);
        Apfloat sCrit = law.threshold();
        Apfloat band = h.multiply(sCrit, p.pow10(-(p.working() - 4)));
        Apfloat twice = h.multiply(band, p.of(2L));
        assertEquals(ThresholdSide.AT, law.roundedSide(sCrit));
        assertEquals(ThresholdSide.AT, law.roundedSide(h.add(sCrit, band)));
        assertEquals(ThresholdSide.AT, law.roundedSide(h.subtract(sCrit, band)));
        assertEquals(ThresholdSide.ABOVE, law.roundedSide(h.add(sCrit, twice)));
        assertEquals(ThresholdSide.BELOW, law.roundedSide(h.subtract(sCrit, twice)));
        assertEquals(Branch.AT_THRESHOLD, law.solve(h.add(sCrit, band)).branch());
        assertEquals(Branch.SURVIVING, law.solve(h.add(sCrit, twice)).branch());
        assertEquals(Branch.COLLAPSED, law.solve(h.subtract(sCrit, twice)).branch());
    }

    // ------------------------------------------------------------------------ validation

    @Test
    void parametersAreValidatedWithTheOffendingValue() {
        Precision p = Precision.of(20);
        Aprational one = Aprational.ONE;
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class, () -> ScalarLaw.of(0, 1, one, p));
        assertTrue(depth.getMessage().contains("L = 0"), depth::getMessage);
        IllegalArgumentException total = assertThrows(IllegalArgumentException.class, () -> ScalarLaw.of(1, 0, one, p));
        assertTrue(total.getMessage().contains("N = 0"), total::getMessage);
        IllegalArgumentException lam = assertThrows(IllegalArgumentException.class,
            () -> ScalarLaw.of(1, 1, Aprational.ZERO, p));
        assertTrue(lam.getMessage().contains("Lambda = 0"), lam::getMessage);
        ScalarLaw smallest = ScalarLaw.of(1, 1, one, p);
        assertEquals(0, smallest.threshold().compareTo(Apfloat.ONE), "L = N = Lambda = 1: s_crit = N lambda_bar = 1");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
            () -> smallest.solve(new Apfloat(-1)));
        assertTrue(negative.getMessage().contains("-1"), negative::getMessage);
        assertEquals(Branch.COLLAPSED, smallest.solve(Apfloat.ZERO).branch(), "s = 0 is allowed");
    }
}
