package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.CertificateFixtures;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * C8's line "exact eigenvectors ... true" reports a check that can come out false: on
 * n = (8, 8, 8, 3, 1) (the size 8 repeated three times: two Helmert vectors, and the null
 * vector) the true certificate gives PASS with "true", and the certificate whose first tied
 * bracket was re-judged on a Helmert vector that does not sum to 0 gives FAIL with "false".
 */
class C8YhatSpectrumTest {
    private static final int DIGITS = 40;
    private static final long[] SIZES = {8, 8, 8, 3, 1};

    @Test
    void aWrongTiedEigenvectorIsAFail() {
        YhatSpectrum sp = YhatSpectrum.compute(SIZES, Precision.of(DIGITS));
        C8YhatSpectrum c8 = new C8YhatSpectrum();
        Verdict right = c8.judge(sp.certificate(), sp.singularValue(sp.size() - 1), DIGITS);
        assertEquals(Status.PASS, right.status(), right.toString());
        assertTrue(right.detail().contains("exact eigenvectors of the 3 tied/null eigenvalues (A w = c w, orthonormal) true"),
            right.detail());
        Verdict wrong = c8.judge(CertificateFixtures.withWrongTiedVector(sp), sp.singularValue(sp.size() - 1), DIGITS);
        assertEquals(Status.FAIL, wrong.status(), wrong.toString());
        assertTrue(wrong.detail().contains("(A w = c w, orthonormal) false"), wrong.detail());
    }
}
