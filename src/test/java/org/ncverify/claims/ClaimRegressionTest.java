package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * Pinned instances on which a checker once judged the exact closed form wrongly (a false
 * FAIL is a bug too). Each line: sizes, d, L, lambda (all layers and H), digits.
 */
class ClaimRegressionTest {

    /**
     * Tiny weight decays: s - p and the residuals r_i fall below the rounding level of the
     * O(1) terms that cancel in them. C10 judged the stationarity equation relative to
     * N lambda_bar and C11 relative to the residual norms, so both failed at any precision;
     * they now judge relative to the cancelling magnitudes.
     */
    @ParameterizedTest(name = "sizes {0}, d {1}, L {2}, lambda {3}, {4} digits")
    @CsvSource({
        "10;5;3;2, 6, 2, 1e-26, 50",
        "10;5;3;2, 6, 1, 1e-30, 50",
        "10;5;3;2, 6, 2, 1e-45, 30",
        "10;5;3;2, 6, 5, 1e-45, 30",
        "1000000000000;999999999999;3;1, 4, 2, 1e-9, 40",
        "5;5;5;1, 1, 2, 1e-3, 30",
        "10;5;3;2, 6, 2, 1e-3, 10",
    })
    void closedFormPassesEveryClaim(String sizes, int dim, int depth, String lambda, int digits) {
        long[] n = java.util.Arrays.stream(sizes.split(";")).mapToLong(Long::parseLong).toArray();
        Aprational lam = org.ncverify.support.Instances.dec(lambda);
        Instance inst = Instance.of(n, dim, null, depth, new Aprational[] {lam}, lam);
        for (ClosedForm cf : List.of(ClosedForm.of(inst, Precision.of(digits)), ClosedForm.rotated(inst, Precision.of(digits), 11))) {
            for (Verdict v : Catalogue.solve().run(Subject.ofClosedForm(cf))) {
                assertEquals(Status.PASS, v.status(), () -> inst.describe() + " at " + digits + " digits: " + v);
            }
        }
    }

    /** At the smallest --digits the tolerances still have teeth: never 1 or more. */
    @Test
    void toleranceIsNeverVacuous() {
        for (int digits = Precision.MIN_DIGITS; digits <= 30; digits++) {
            for (int slack : new int[] {0, 5, 10, 40}) {
                Tolerance t = Tolerance.fromDigits(digits, slack);
                assertTrue(t.value().compareTo(new org.apfloat.Apfloat("1e-5")) <= 0, digits + " digits, slack " + slack + ": " + t);
            }
        }
    }
}
