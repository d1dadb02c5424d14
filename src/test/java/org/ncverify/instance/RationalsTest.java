package org.ncverify.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;

/**
 * Exact rationals must stay exact although Apfloat's Apint.divide is not (1.15.0 and 1.16.0):
 * for a short divisor it divides at the precision of the dividend's significant digits
 * without trailing zeros, so {@code new Aprational(25 10^35, 2^30)} reduces to
 * 2328306436500000000000000000 instead of 2328306436538696289062500000. On the grid below,
 * 25 10^k / 2^m for k = 30..54 and m = 10, 20, .., 50, plain {@code new Aprational} was wrong in
 * 65 of the 125 cases (measured with 1.15.0 and 1.16.0). Every case is compared with the same
 * fraction reduced in BigInteger, through each of our exact operations.
 */
class RationalsTest {
    private static final int DIGITS = 60;

    static Stream<Arguments> grid() {
        List<Arguments> list = new ArrayList<>();
        for (int k = 30; k <= 54; k++) {
            for (int m = 10; m <= 50; m += 10) {
                list.add(Arguments.of(BigInteger.valueOf(25).multiply(BigInteger.TEN.pow(k)), BigInteger.TWO.pow(m)));
            }
        }
        return list.stream();
    }

    private static void assertExact(BigInteger num, BigInteger den, Aprational got, String what) {
        BigInteger g = num.gcd(den);
        assertEquals(num.divide(g), Rationals.numerator(got), () -> what + ": numerator of " + num + "/" + den);
        assertEquals(den.divide(g), Rationals.denominator(got), () -> what + ": denominator of " + num + "/" + den);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("grid")
    void quotientIsReducedExactly(BigInteger num, BigInteger den) {
        assertExact(num, den, Rationals.of(num, den), "of(num, den)");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("grid")
    void productIsExact(BigInteger num, BigInteger den) {
        // 25 10^k as the parsed decimal "25e+k" times the rational 1 / 2^m
        Aprational decimal = Rationals.parseDecimal("--x", "25e" + (num.toString().length() - 2));
        Aprational inverse = Rationals.of(BigInteger.ONE, den);
        assertExact(num, den, Rationals.product(decimal, inverse), "product");
        assertExact(num, den, Rationals.add(Rationals.product(decimal, inverse), Aprational.ZERO), "add");
        assertExact(num.subtract(den), den, Rationals.subtract(Rationals.product(decimal, inverse), Rationals.of(1)), "subtract");
    }

    /** Rounding a rational to P digits (a floating division) is right on the grid too. */
    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("grid")
    void roundingToThePrecisionIsCorrect(BigInteger num, BigInteger den) {
        Precision p = Precision.of(DIGITS);
        // 3 den: a short (one-word) divisor; 3 den^2: up to 31 digits, a long one
        for (BigInteger d : new BigInteger[] {den.multiply(BigInteger.valueOf(3)), den.pow(2).multiply(BigInteger.valueOf(3))}) {
            BigDecimal exact = new BigDecimal(num).divide(new BigDecimal(d), new MathContext(DIGITS));
            BigDecimal got = new BigDecimal(Precision.format(p.of(Rationals.of(num, d)), DIGITS));
            assertEquals(0, exact.compareTo(got), () -> num + "/" + d + ": " + got + " vs " + exact);
        }
    }

    @Test
    void parsedDecimalsAreExact() {
        assertExact(BigInteger.valueOf(24), BigInteger.valueOf(10000), Rationals.parseDecimal("--x", "0.0024"), "0.0024");
        assertExact(new BigInteger("1491125111730512564676875034155135048345"), BigInteger.TEN.pow(28),
            Rationals.parseDecimal("--x", "149112511173.0512564676875034155135048345"), "lambda_H of the pinned case");
        assertExact(BigInteger.valueOf(-3), BigInteger.valueOf(4), Rationals.of(BigInteger.valueOf(3), BigInteger.valueOf(-4)), "sign");
        assertEquals(0, Rationals.of(BigInteger.ZERO, BigInteger.TEN).signum());
        assertThrows(ArithmeticException.class, () -> Rationals.of(BigInteger.ONE, BigInteger.ZERO));
    }
}
