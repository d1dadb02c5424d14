package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;

/** Pinned instances that once broke the spectrum; each must stay certified to P digits. */
class SpectrumRegressionTest {
    /**
     * Sizes 10^12, 10^12 - 1, 3, 1: the root near 4.73 has condition number ~10^11 (terms of
     * size 10^12 cancel in f), so 12 guard digits were not enough and the 40th digit was
     * wrong; the exact certificate refused it. Fixed by per-root extra digits.
     */
    @Test
    void illConditionedRootIsRefinedWithExtraDigits() {
        YhatSpectrum sp = YhatSpectrum.compute(new long[] {1_000_000_000_000L, 999_999_999_999L, 3, 1}, Precision.of(40));
        SpectrumCertificate c = sp.certificate();
        assertTrue(c.holds(), "certificate does not hold");
        assertTrue(c.minCertifiedDigits() >= 40, "certified digits " + c.minCertifiedDigits());
    }

    /** At 2000 digits the bracket width underflowed double and the scale went negative. */
    @Test
    void twoThousandDigitsCertify() {
        YhatSpectrum sp = YhatSpectrum.compute(new long[] {10, 5, 3, 2}, Precision.of(2000));
        SpectrumCertificate c = sp.certificate();
        assertTrue(c.holds(), "certificate does not hold");
        // the roots are irrational: a count of certified digits, not the "exact" Integer.MAX_VALUE that a
        // double underflow of the relative width used to give (which made the next line vacuous)
        assertTrue(c.minCertifiedDigits() < Integer.MAX_VALUE, "certified digits " + c.minCertifiedDigits());
        assertTrue(c.minCertifiedDigits() >= 2000, "certified digits " + c.minCertifiedDigits());
    }

    /**
     * Sizes whose secular root is the exact midpoint of its interval, found by the property
     * tests (ClaimPropertyRegressionTest): (1, 1, 2) has mu_1 = 3/2 in (1, 2), (2a, a, a) has
     * 3a/2, (3, 5, 4) has 9/2 in (4, 5), (1, 3, 1, 1) has 2 in (1, 3), (1, 2, 1, 3, 1) has 5/2 in
     * (2, 3), (3, 3, 1, 1, 1, 1, 1, 1) has 2 in (1, 3). The double-precision side test saw
     * f(midpoint) = 0, started the bracket with the root ON its end, and the Newton safeguard
     * (next strictly inside the bracket, else bisect) bisected until "secular root did not
     * converge" (from 25 or 40 digits on). Now the exact sign at the midpoint is 0, the root is
     * returned exactly and certified as the exact bracket [mu, mu].
     */
    static Stream<Arguments> midpointRoots() {
        Object[][] cases = {
            {new long[] {1, 1, 2}, "1.5"},
            {new long[] {2541148, 1270574, 1270574}, "1905861"},
            {new long[] {3, 5, 4}, "4.5"},
            {new long[] {1, 3, 1, 1}, "2"},
            {new long[] {1, 2, 1, 3, 1}, "2.5"},
            {new long[] {3, 3, 1, 1, 1, 1, 1, 1}, "2"},
        };
        return Arrays.stream(cases).flatMap(c -> Stream.of(30, 40, 60, 100).map(p -> Arguments.of(c[0], c[1], p)));
    }

    @ParameterizedTest(name = "{0} mu = {1} at {2} digits")
    @MethodSource("midpointRoots")
    void exactMidpointRootIsSolvedAndCertified(long[] sizes, String root, int digits) {
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(digits));
        SpectrumCertificate c = sp.certificate();
        String where = Arrays.toString(sizes) + " at " + digits + " digits";
        assertTrue(c.holds(), () -> "certificate does not hold for " + where + ": " + c.brackets().stream()
            .map(SpectrumCertificate.Bracket::evidence).toList());
        assertTrue(c.minCertifiedDigits() >= digits, () -> "certified digits " + c.minCertifiedDigits() + " for " + where);
        BigDecimal mu = new BigDecimal(root);
        long exact = java.util.stream.IntStream.range(0, sp.size())
            .filter(i -> sp.kind(i) == EigenKind.SECULAR_ROOT && sp.eigenvalueDecimal(i).compareTo(mu) == 0
                && c.bracket(i).lower().compareTo(mu) == 0 && c.bracket(i).upper().compareTo(mu) == 0)
            .count();
        assertEquals(1, exact, () -> "no secular root equal to " + root + " with the exact bracket for " + where);
    }
}
