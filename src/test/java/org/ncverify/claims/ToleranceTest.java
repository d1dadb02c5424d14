package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/** {@link Tolerance}: its value from the digits carried, its origin, and the closed comparison residual &lt;= tolerance. */
class ToleranceTest {

    @Test
    void fromDigitsIsTenToMinusPMinusSlackAndSaysSo() {
        Tolerance t = Tolerance.fromDigits(40, 10);
        assertEquals(0, t.value().compareTo(new Apfloat("1e-30")), t::toString);
        assertEquals("1e-30", t.toString());
        assertEquals("10^-(P-10) with P = 40 digits carried by the candidate: 10 digits of slack for accumulated rounding",
            t.origin());
    }

    /** The slack never takes more than half of the digits: 15 digits with slack 10 give 10^-8, not 10^-5. */
    @Test
    void slackIsCappedAtHalfTheDigits() {
        Tolerance t = Tolerance.fromDigits(15, 10);
        assertEquals(0, t.value().compareTo(new Apfloat("1e-8")), t::toString);
        assertTrue(t.origin().startsWith("10^-(P-7) with P = 15 digits"), t::origin);
    }

    @Test
    void admitsUpToAndIncludingItsValue() {
        Tolerance t = Tolerance.fromDigits(40, 10);
        assertTrue(t.admits(Apfloat.ZERO));
        assertTrue(t.admits(new Apfloat("0.999e-30", 40)));
        assertTrue(t.admits(new Apfloat("1e-30", 40)), "residual == tolerance must pass");
        assertFalse(t.admits(new Apfloat("1.001e-30", 40)));
        assertFalse(t.admits(Apfloat.ONE));
    }

    @Test
    void explicitToleranceKeepsValueAndOriginAndRejectsANegativeValue() {
        Apfloat v = new Apfloat("2.5e-7", 20);
        Tolerance t = Tolerance.of(v, "from the optimizer's stopping rule");
        assertEquals(0, t.value().compareTo(v));
        assertEquals("from the optimizer's stopping rule", t.origin());
        assertEquals("2.5e-7", t.toString());
        assertTrue(Tolerance.of(Apfloat.ZERO, "zero is allowed").admits(Apfloat.ZERO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Tolerance.of(new Apfloat("-1e-9", 20), "negative"));
        assertTrue(e.getMessage().contains("negative tolerance"), e::getMessage);
    }

    @Test
    void exactAdmitsOnlyZero() {
        Tolerance t = Tolerance.exact("exact rational identity");
        assertEquals(0, t.value().signum());
        assertEquals("exact rational identity", t.origin());
        assertEquals("0", t.toString());
        assertTrue(t.admits(Apfloat.ZERO));
        assertFalse(t.admits(new Apfloat("1e-1000", 20)));
    }
}
