package org.ncverify.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.apfloat.Apint;
import org.junit.jupiter.api.Test;

/**
 * {@link Rationals#apint}: exact on both sides of the long/String switch (|value| &lt; 2^63 from
 * the long, larger from the decimal string), signs included, and {@link Rationals#of} built
 * on it still reduces exactly.
 */
class ApintConversionTest {
    @Test
    void exactAcrossTheLongBoundary() {
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        List<BigInteger> values = List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(-7), two63.subtract(BigInteger.ONE),
            two63, two63.add(BigInteger.ONE), two63.negate(), two63.negate().subtract(BigInteger.ONE),
            BigInteger.TEN.pow(40).add(BigInteger.valueOf(12345)), BigInteger.TEN.pow(40).negate());
        for (BigInteger v : values) {
            Apint a = Rationals.apint(v);
            assertEquals(v, a.toBigInteger(), v.toString());
            assertEquals(v.toString(), a.toString(true), v.toString());
        }
    }

    @Test
    void rationalsBuiltOnItStayReduced() {
        BigInteger big = BigInteger.TEN.pow(30).multiply(BigInteger.valueOf(25));
        var q = Rationals.of(big, BigInteger.ONE.shiftLeft(30));
        assertEquals(BigInteger.valueOf(5).pow(30).multiply(BigInteger.valueOf(25)), Rationals.numerator(q));
        assertEquals(BigInteger.ONE, Rationals.denominator(q));
        var r = Rationals.of(123456789L, 1_000_000_000L);
        assertEquals("0.123456789", Rationals.decimal(r));
    }
}
