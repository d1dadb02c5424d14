package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

/** The helpers every checker shares ({@link AbstractClaim#relative}, {@link AbstractClaim#quotient}, max) and its texts. */
class AbstractClaimTest {
    private static final Precision P = Precision.of(30);

    private static Apfloat num(String s) {
        return new Apfloat(s, P.working());
    }

    private static void assertValue(String expected, Apfloat actual) {
        assertEquals(0, actual.compareTo(num(expected)), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void relativeDividesByTheLargerOfTheReferenceAndTheFloor() {
        assertValue("0.5", AbstractClaim.relative(num("1.5"), num("1"), num("0.5"), P));
        assertValue("1.5", AbstractClaim.relative(num("0.5"), num("-1"), Apfloat.ZERO, P));
        // |b| = 0.25 below the floor 0.5: |1 - 0.25| / 0.5
        assertValue("1.5", AbstractClaim.relative(num("1"), num("0.25"), num("0.5"), P));
        // b = 0 and no floor: the absolute difference
        assertValue("0.75", AbstractClaim.relative(num("-0.75"), Apfloat.ZERO, Apfloat.ZERO, P));
    }

    @Test
    void quotientIsZeroOverZeroOnlyWhenTheNumeratorVanishes() {
        assertValue("0.25", AbstractClaim.quotient(num("1"), num("4"), "q", P));
        assertEquals(0, AbstractClaim.quotient(Apfloat.ZERO, Apfloat.ZERO, "q", P).signum());
        ArithmeticException e = assertThrows(ArithmeticException.class,
            () -> AbstractClaim.quotient(num("2.5e-40"), Apfloat.ZERO, "C9 balance equation 2", P));
        assertEquals("C9 balance equation 2: 2.5e-40 / 0", e.getMessage());
    }

    @Test
    void maxIsTheLarger() {
        assertValue("2", AbstractClaim.max(num("2"), num("-3")));
        assertValue("2", AbstractClaim.max(num("-3"), num("2")));
    }

    @Test
    void toStringIsIdAndStatement() {
        Claim c = new C1WithinClassCollapse();
        assertEquals("C1: " + c.statement(), c.toString());
        assertTrue(c.statement().startsWith("NC1"), c::statement);
    }
}
