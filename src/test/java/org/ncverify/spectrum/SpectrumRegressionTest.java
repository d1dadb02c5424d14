package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
        assertTrue(c.minCertifiedDigits() >= 2000, "certified digits " + c.minCertifiedDigits());
    }
}
