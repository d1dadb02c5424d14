package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/** {@link Reading}: its validation, the closed comparison of {@link Reading#judge} and its texts. */
class ReadingTest {
    private static final Tolerance TOL = Tolerance.fromDigits(40, 10);

    @Test
    void judgeIsPassUpToTheTolerance() {
        assertEquals(Status.PASS, Reading.judge("r", new Apfloat("1e-30", 40), TOL, "n").status());
        assertEquals(Status.FAIL, Reading.judge("r", new Apfloat("1.01e-30", 40), TOL, "n").status());
        Reading r = Reading.judge(Reading.BASIS_FREE, new Apfloat("3.14159e-35", 40), TOL, "Gram blocks");
        assertEquals("3.14e-35", r.residualText());
        assertEquals("1e-30", r.toleranceText());
        assertEquals("basis-free: PASS residual 3.14e-35 tolerance 1e-30 (Gram blocks)", r.toString());
    }

    @Test
    void notApplicableHasNoResidualNorTolerance() {
        Reading r = Reading.notApplicable(Reading.INDEPENDENT, "tied block cut by the bottleneck");
        assertEquals(Status.NOT_APPLICABLE, r.status());
        assertNull(r.residual());
        assertNull(r.tolerance());
        assertEquals("-", r.residualText());
        assertEquals("-", r.toleranceText());
        assertEquals("literal, independent bases: NOT_APPLICABLE residual - tolerance - (tied block cut by the bottleneck)",
            r.toString());
    }

    @Test
    void rejectsMissingFieldsAndANegativeResidual() {
        assertEquals("name", assertThrows(NullPointerException.class,
            () -> new Reading(null, Status.PASS, Apfloat.ZERO, TOL, "n")).getMessage());
        assertEquals("status", assertThrows(NullPointerException.class,
            () -> new Reading("r", null, Apfloat.ZERO, TOL, "n")).getMessage());
        assertEquals("note", assertThrows(NullPointerException.class,
            () -> new Reading("r", Status.PASS, Apfloat.ZERO, TOL, null)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new Reading("cos", Status.PASS, new Apfloat("-1e-40", 40), TOL, "n"));
        assertTrue(e.getMessage().startsWith("cos: negative residual"), e::getMessage);
        assertEquals(Status.PASS, new Reading("r", Status.PASS, Apfloat.ZERO, TOL, "zero is fine").status());
    }
}
