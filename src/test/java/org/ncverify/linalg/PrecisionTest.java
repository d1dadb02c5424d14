package org.ncverify.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** One meaning for "a double as an Apfloat": its exact binary value ({@link Precision#ofBinary}). */
class PrecisionTest {
    /** The exact value of the double nearest 0.1 (2^-56 * 7205759403792794). */
    private static final String BINARY_TENTH = "0.1000000000000000055511151231257827021181583404541015625";

    @Test
    void aDoubleEntersAsItsExactBinaryValue() {
        Precision wide = Precision.of(60, 0);
        assertEquals(55, Precision.binaryDigits(0.1));
        assertEquals(0, wide.ofBinary(0.1).compareTo(new Apfloat(BINARY_TENTH, 60)));
        assertEquals(BINARY_TENTH, wide.ofBinary(0.1).toString(true));
        // not the shortest decimal: 0.1 as text is another number, 5.55e-18 away
        assertNotEquals(0, wide.ofBinary(0.1).compareTo(wide.ofDecimal("0.1")));
        // rounded to the working 30 digits (to the last digit: Apfloat's rounding mode is unspecified)
        Precision p = Precision.of(20, 10);
        Apfloat err = ApfloatMath.abs(p.ofBinary(0.1).subtract(new Apfloat(BINARY_TENTH)));
        assertTrue(err.compareTo(new Apfloat("1e-30")) <= 0, err::toString);
        assertTrue(p.ofBinary(0.1).subtract(p.ofDecimal("0.1")).compareTo(new Apfloat("5.5e-18")) > 0);
    }

    @Test
    void matricesOfDoublesUseTheSameMeaning() {
        Precision wide = Precision.of(60, 0);
        ApMatrix m = ApMatrix.of(new double[][] {{0.1, -1.0 / 3}}, wide);
        assertEquals(0, m.get(0, 0).compareTo(new Apfloat(BINARY_TENTH, 60)));
        assertEquals(0, m.get(0, 1).compareTo(new Apfloat(new BigDecimal(-1.0 / 3))));
    }

    @Test
    void exactValuesStayExactAndNonFiniteIsRefused() {
        Precision p = Precision.of(10, 0);
        assertEquals(0, p.ofBinary(0.5).compareTo(new Apfloat("0.5")));
        assertEquals(1, Precision.binaryDigits(0.5));
        assertEquals(1, Precision.binaryDigits(0.0));
        assertEquals(0, p.ofBinary(-0.0).signum());
        assertThrows(ArithmeticException.class, () -> p.ofBinary(Double.NaN));
        assertThrows(ArithmeticException.class, () -> p.ofBinary(Double.POSITIVE_INFINITY));
        assertThrows(ArithmeticException.class, () -> Precision.binaryDigits(Double.NEGATIVE_INFINITY));
    }

    @Test
    void digitsMatchedIsTheExponentOfTheRelativeDifference() {
        Precision p = Precision.of(40, 10);
        Apfloat ref = p.ofDecimal("3.14159");
        assertEquals(5, p.digitsMatched(p.ofDecimal("3.14160"), ref)); // 3.2e-6
        assertEquals(50, p.digitsMatched(ref, ref));
        assertEquals(0, p.digitsMatched(p.ofDecimal("7"), ref));
        assertEquals(0, p.digitsMatched(p.ofDecimal("1e-60"), Apfloat.ZERO));
        assertEquals(50, p.digitsMatched(Apfloat.ZERO, Apfloat.ZERO));
        // 3e-500, far below a double's range: no underflow to "all digits"
        Precision wide = Precision.of(600, 10);
        Apfloat one = wide.ofDecimal("1");
        assertEquals(499, wide.digitsMatched(wide.ofDecimal("1.000000000000000000000000000000000000000000000000"
            + "0".repeat(451) + "3"), one));
    }
}
