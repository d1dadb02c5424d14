package org.ncverify.linalg;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * A working precision: the number of significant decimal digits P a result must carry,
 * plus guard digits G spent on intermediate rounding. All arithmetic of this package is
 * carried out at P + G digits through a {@link FixedPrecisionApfloatHelper}, so every
 * operation behaves like a floating-point operation with unit roundoff
 * eps = 10^-(P+G) (accurate to the second-last digit, see NUMERICS.md); tolerances
 * are derived from {@link #epsilon()} and {@link #target()}, never written as literals.
 *
 * <p>Immutable.
 */
public final class Precision {
    /** Smallest accepted number of digits. */
    public static final int MIN_DIGITS = 10;
    /** Largest accepted number of digits. */
    public static final int MAX_DIGITS = 2000;
    /** Default guard digits. */
    public static final int DEFAULT_GUARD = 12;

    private final int digits;
    private final int guard;
    private final FixedPrecisionApfloatHelper helper;

    private Precision(int digits, int guard) {
        this.digits = digits;
        this.guard = guard;
        this.helper = new FixedPrecisionApfloatHelper(digits + guard);
    }

    /** P requested digits with the default guard. */
    public static Precision of(int digits) {
        return of(digits, DEFAULT_GUARD);
    }

    /** P requested digits with G guard digits; P >= 1 and G >= 0. */
    public static Precision of(int digits, int guard) {
        if (digits < 1 || guard < 0) {
            throw new IllegalArgumentException("precision " + digits + " + guard " + guard + " is not positive");
        }
        return new Precision(digits, guard);
    }

    /** Requested significant digits P. */
    public int digits() {
        return digits;
    }

    /** Guard digits G. */
    public int guard() {
        return guard;
    }

    /** Working digits P + G. */
    public long working() {
        return (long) digits + guard;
    }

    /** This precision with {@code extra} more guard digits. */
    public Precision withExtraGuard(int extra) {
        return new Precision(digits, guard + extra);
    }

    /** The arithmetic helper at the working precision. */
    public FixedPrecisionApfloatHelper helper() {
        return helper;
    }

    /** Unit roundoff of the working precision, 10^-(P+G). */
    public Apfloat epsilon() {
        return pow10(-working());
    }

    /** Target accuracy of a result, 10^-P. */
    public Apfloat target() {
        return pow10(-digits);
    }

    /** 10^e as an Apfloat at the working precision. */
    public Apfloat pow10(long e) {
        return new Apfloat("1e" + e, working());
    }

    /** An integer at the working precision. */
    public Apfloat of(long value) {
        return new Apfloat(value, working());
    }

    /** A rational rounded to the working precision. */
    public Apfloat of(Aprational value) {
        if (value.signum() == 0) {
            return Apfloat.ZERO;
        }
        return helper.valueOf(value);
    }

    /**
     * A double in memory (an optimizer's coordinate, an entry of a {@code double[][]}) as its
     * exact binary value m 2^e ({@code new BigDecimal(value)}), rounded to the working precision:
     * 0.1 enters as 0.1000000000000000055511151231257827021181583404541015625 (to P + G
     * digits), not as the decimal 0.1. Exact whenever {@link #binaryDigits(double)} &lt;= P + G.
     * Decimal text (a user's lambda, a constant such as 1e-4) is not a double: parse it with
     * {@link #ofDecimal(String)} instead.
     *
     * @throws ArithmeticException for NaN or an infinity
     */
    public Apfloat ofBinary(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("non-finite value " + value);
        }
        if (value == 0.0) {
            return Apfloat.ZERO;
        }
        return helper.valueOf(new Apfloat(new BigDecimal(value)));
    }

    /**
     * The number of significant decimal digits of the exact binary value of a finite double
     * (55 for 0.1, 1 for 0.5, at most 767): the working digits {@link #ofBinary} needs to be exact.
     */
    public static int binaryDigits(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("non-finite value " + value);
        }
        return value == 0.0 ? 1 : new BigDecimal(value).stripTrailingZeros().precision();
    }

    /** A decimal written as text ("1e-4", "0.001"), rounded to the working precision. */
    public Apfloat ofDecimal(String decimal) {
        Apfloat v = new Apfloat(decimal.trim(), working());
        return v.signum() == 0 ? Apfloat.ZERO : v;
    }

    /**
     * The one "digits matched" measure of the suite: the significant decimal digits to which
     * {@code computed} agrees with {@code reference}, floor(-log10(|computed - reference| /
     * |reference|)) taken from the decimal exponent of the relative difference (exact up to a
     * relative difference that is itself a power of ten, where it is one low), 0 when they
     * differ by 100% or more, and capped at the working digits P + G (also for an exact match).
     * A reference 0 is matched, to all digits, only by an exact 0.
     */
    public int digitsMatched(Apfloat computed, Apfloat reference) {
        return relativeDigits(ApfloatMath.abs(helper.subtract(computed, reference)), ApfloatMath.abs(reference));
    }

    /**
     * {@link #digitsMatched} from a difference and a reference magnitude (norms, say:
     * ||A - A_ref||_F and ||A_ref||_F), both &gt;= 0.
     */
    public int relativeDigits(Apfloat difference, Apfloat reference) {
        int cap = (int) Math.min(Integer.MAX_VALUE, working());
        if (difference.signum() == 0) {
            return cap;
        }
        if (reference.signum() == 0) {
            return 0;
        }
        Apfloat rel = helper.divide(difference, reference);
        // rel = m 10^(scale - 1), 1 <= m < 10, so floor(-log10 rel) = -scale unless m = 1
        return (int) Math.max(0, Math.min(cap, -rel.scale()));
    }

    /** Any Apfloat set to the working precision. */
    public Apfloat of(Apfloat value) {
        return helper.valueOf(value);
    }

    /**
     * The value rounded to P significant digits as a plain decimal string; "0" for zero.
     */
    public String format(Apfloat value) {
        return format(value, digits);
    }

    /** The value rounded to {@code sig} significant digits, plain decimal; "0" for zero. */
    public static String format(Apfloat value, long sig) {
        if (value.signum() == 0) {
            return "0";
        }
        long p = Math.min(sig, value.precision());
        return ApfloatMath.roundToPrecision(value, p, RoundingMode.HALF_EVEN).toString(true);
    }

    /**
     * The value rounded to {@code sig} significant digits in scientific notation
     * ("2.02e-53"); "0" for zero. Used for residuals and tolerances.
     */
    public static String formatScientific(Apfloat value, long sig) {
        if (value.signum() == 0) {
            return "0";
        }
        long p = Math.min(sig, value.precision());
        return ApfloatMath.roundToPrecision(value, p, RoundingMode.HALF_EVEN).toString(false);
    }

    @Override
    public String toString() {
        return digits + " digits (+" + guard + " guard)";
    }
}
