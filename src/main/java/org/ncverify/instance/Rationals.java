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
            return new Aprational(new Apint(unscaled.multiply(BigInteger.TEN.pow(-scale))));
        }
        return new Aprational(new Apint(unscaled), new Apint(BigInteger.TEN.pow(scale)));
    }

    /** The exact rational value of a long. */
    public static Aprational of(long value) {
        return new Aprational(new Apint(value));
    }

    /**
     * The rational as a plain decimal string when its denominator is a product of 2s and
     * 5s (always the case for parsed input), else as "p/q".
     */
    public static String decimal(Aprational q) {
        try {
            BigDecimal num = new BigDecimal(q.numerator().toBigInteger());
            BigDecimal den = new BigDecimal(q.denominator().toBigInteger());
            return num.divide(den).stripTrailingZeros().toString();
        } catch (ArithmeticException e) {
            return q.numerator() + "/" + q.denominator();
        }
    }
}
