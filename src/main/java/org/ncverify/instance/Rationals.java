package org.ncverify.instance;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apfloat.Apint;
import org.apfloat.Aprational;

/**
 * Exact parsing of user decimals. A weight decay such as {@code 1e-3} is the rational
 * 1/1000 exactly, never the binary double nearest to it: every later quantity
 * (lambda_bar^(L+1) = lambda_H prod lambda_W, the threshold s_crit^(2L)) is then an exact
 * rational and can be compared exactly.
 *
 * <p><b>Apfloat's exact division is unsafe; use these operations, not Aprational's.</b>
 * {@code Apint.divide} (Apfloat 1.15.0 and 1.16.0) divides by a short divisor (one that fits
 * in a machine word, up to about 18 digits) in floating point at the precision
 * {@code dividend.size()}, the number of significant digits WITHOUT trailing zeros, then
 * truncates: 25 10^35 / 2^30 = 2328306436538696289062500000 comes back as
 * 2328306436500000000000000000. {@code new Aprational(num, den)} reduces by
 * {@code ApintMath.gcd} (correct) and then {@code Apint.divide} (wrong as above), and every
 * Aprational {@code add/subtract/multiply/divide} goes through that reduction. Safe:
 * {@code Apint} add/subtract/multiply, {@code ApintMath.gcd}, {@code Apint.mod}, Aprational
 * built from a COPRIME pair (its reduction divides by 1, which returns early),
 * {@code numerator()}, {@code denominator()}, {@code signum()}, and rounding to a finite
 * precision ({@code Precision.of(Aprational)}: a floating division at that precision).
 * So every exact rational here is reduced in BigInteger ({@link BigInteger#gcd}) and only
 * then wrapped, and arithmetic on rationals is done by {@link #product}, {@link #add},
 * {@link #subtract} below.
 */
public final class Rationals {
    private Rationals() {
    }

    /**
     * Parses a finite decimal ("0.001", "1e-3", "5E-4") as an exact rational.
     *
     * @param flag  the flag or field name used in the error message
     * @param text  the user's text
     * @throws InputException when the text is not a finite decimal number
     */
    public static Aprational parseDecimal(String flag, String text) {
        if (text == null || text.isBlank()) {
            throw new InputException(flag + " is empty: expected a decimal number");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(flag + " = " + text.trim() + ": not a decimal number");
        }
        return of(value);
    }

    /** The exact rational value of a BigDecimal. */
    public static Aprational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        if (scale <= 0) {
            return of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
        }
        return of(unscaled, BigInteger.TEN.pow(scale));
    }

    /** The exact rational value of a long. */
    public static Aprational of(long value) {
        return new Aprational(new Apint(value));
    }

    /**
     * num / den as an Aprational, reduced with {@link BigInteger#gcd} before it is wrapped, so
     * that Apfloat's own reduction divides by 1 (never by a nontrivial gcd; see the class
     * comment). The sign is carried by the numerator.
     *
     * @throws ArithmeticException if den = 0
     */
    public static Aprational of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("rational " + num + "/0: zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (num.signum() == 0) {
            return Aprational.ZERO;
        }
        return new Aprational(apint(num.divide(g)), apint(den.divide(g)));
    }

    /**
     * The integer as an Apint, exactly. Not {@code new Apint(BigInteger)}: in Apfloat 1.15.0 that
     * constructor costs about 3-5 ms per call even for a one-digit value (measured under load on
     * this machine; {@code new Apint(long)} takes about 1.5 us and {@code new Apint(String)} of 41
     * digits about 15-60 us), and the bias n_k / N of every class went through it: 45 ms of a
     * 30-digit verification on the hunter's mixed instances. A value that fits in a long is
     * converted from the long, a larger one from its decimal string.
     */
    public static Apint apint(BigInteger value) {
        return value.bitLength() < Long.SIZE ? new Apint(value.longValue()) : new Apint(value.toString());
    }

    /** n / d for longs, exactly (e.g. the bias n_k / N). */
    public static Aprational of(long num, long den) {
        return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    /** The exact product of the factors (1 for none), formed in BigInteger. */
    public static Aprational product(Aprational... factors) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (Aprational x : factors) {
            num = num.multiply(numerator(x));
            den = den.multiply(denominator(x));
        }
        return of(num, den);
    }

    /** The exact sum a + b, formed in BigInteger. */
    public static Aprational add(Aprational a, Aprational b) {
        return of(numerator(a).multiply(denominator(b)).add(numerator(b).multiply(denominator(a))),
            denominator(a).multiply(denominator(b)));
    }

    /** The exact difference a - b, formed in BigInteger. */
    public static Aprational subtract(Aprational a, Aprational b) {
        return add(a, of(numerator(b).negate(), denominator(b)));
    }

    /** The numerator as a BigInteger (sign included). */
    public static BigInteger numerator(Aprational q) {
        return q.numerator().toBigInteger();
    }

    /** The (positive) denominator as a BigInteger. */
    public static BigInteger denominator(Aprational q) {
        return q.denominator().toBigInteger();
    }

    /**
     * The rational as a plain decimal string when its denominator is a product of 2s and
     * 5s (always the case for parsed input), else as "p/q".
     */
    public static String decimal(Aprational q) {
        try {
            BigDecimal num = new BigDecimal(numerator(q));
            BigDecimal den = new BigDecimal(denominator(q));
            return num.divide(den).stripTrailingZeros().toString();
        } catch (ArithmeticException e) {
            return q.numerator() + "/" + q.denominator();
        }
    }
}
