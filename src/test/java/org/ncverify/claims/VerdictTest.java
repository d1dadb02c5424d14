package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/** {@link Verdict}: the status each factory gives, the texts the CLI table prints, and the readings it carries. */
class VerdictTest {
    private static final Tolerance TOL = Tolerance.fromDigits(40, 10);

    @Test
    void judgePassesUpToTheToleranceAndFailsAbove() {
        Verdict at = Verdict.judge("C1", new Apfloat("1e-30", 40), TOL, "r", "d");
        assertEquals(Status.PASS, at.status(), at::toString);
        Verdict zero = Verdict.judge("C1", Apfloat.ZERO, TOL, "r", "d");
        assertEquals(Status.PASS, zero.status(), zero::toString);
        Verdict above = Verdict.judge("C1", new Apfloat("1.01e-30", 40), TOL, "r", "d");
        assertEquals(Status.FAIL, above.status(), above::toString);
        assertEquals("1.01e-30", above.residualText());
        assertEquals("1e-30", above.toleranceText());
        assertSame(TOL, above.tolerance());
    }

    @Test
    void judgeRejectsANegativeResidualNamingTheClaim() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Verdict.judge("C7", new Apfloat("-1e-50", 40), TOL, "r", "d"));
        assertTrue(e.getMessage().startsWith("C7: negative residual"), e::getMessage);
    }

    /** A FAIL by an exact check stays FAIL even when its measured residual is within the tolerance. */
    @Test
    void failIsFailWhateverTheResidual() {
        Verdict v = Verdict.fail("C8", Apfloat.ZERO, TOL, "exact certificate", "interlacing false");
        assertEquals(Status.FAIL, v.status());
        assertEquals("0", v.residualText());
        assertEquals("exact certificate", v.reading());
        assertEquals("interlacing false", v.detail());
    }

    @Test
    void nonFiniteIsAFailWithoutResidualPrintedAsNaN() {
        Verdict v = Verdict.nonFinite("C3", "ArithmeticException: overflow");
        assertEquals(Status.FAIL, v.status());
        assertEquals("C3", v.claimId());
        assertNull(v.residual());
        assertNull(v.tolerance());
        assertEquals("NaN", v.residualText());
        assertEquals("-", v.toleranceText());
        assertEquals("-", v.reading());
        assertEquals("non-finite or undefined value: ArithmeticException: overflow", v.detail());
        assertEquals("C3 FAIL residual NaN tolerance - [-] non-finite or undefined value: ArithmeticException: overflow",
            v.toString());
    }

    @Test
    void notApplicableCarriesTheReasonAndNothingMeasured() {
        Verdict v = Verdict.notApplicable("C12", "class sizes are not all equal");
        assertEquals(Status.NOT_APPLICABLE, v.status());
        assertNull(v.residual());
        assertEquals("-", v.residualText());
        assertEquals("-", v.toleranceText());
        assertEquals("class sizes are not all equal", v.detail());
        assertTrue(v.readings().isEmpty());
        assertEquals("C12 NOT_APPLICABLE residual - tolerance - [-] class sizes are not all equal", v.toString());
    }

    @Test
    void withReadingsKeepsTheVerdictAndCopiesTheList() {
        Verdict v = Verdict.judge("C5", new Apfloat("2e-31", 40), TOL, "basis-free", "detail");
        assertTrue(v.readings().isEmpty());
        assertEquals("C5 PASS residual 2e-31 tolerance 1e-30 [basis-free] detail", v.toString());
        List<Reading> list = new ArrayList<>(List.of(
            Reading.judge(Reading.CONSISTENT, Apfloat.ZERO, TOL, "a"),
            Reading.notApplicable(Reading.INDEPENDENT, "b")));
        Verdict w = v.withReadings(list);
        list.clear();
        assertEquals(2, w.readings().size(), "the readings must be copied in");
        assertThrows(UnsupportedOperationException.class, () -> w.readings().clear());
        assertEquals(v.claimId(), w.claimId());
        assertEquals(v.status(), w.status());
        assertSame(v.residual(), w.residual());
        assertSame(v.tolerance(), w.tolerance());
        assertEquals(v.reading(), w.reading());
        assertEquals(v.detail(), w.detail());
        assertEquals(v + " " + w.readings(), w.toString());
    }
}
