package org.ncverify.results.sweep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ncverify.instance.InputException;

/**
 * The values one swept flag takes, each an exact decimal, parsed from the text a user types:
 *
 * <ul>
 * <li>{@code x}: the one value x;</li>
 * <li>{@code x1,x2,...}: these values, in the order given (no value twice);</li>
 * <li>{@code a..b:lin:n}: n points from a to b inclusive, point i = a + i (b - a) / (n - 1);</li>
 * <li>{@code a..b:log:n}: n points from a to b inclusive, point i = a (b / a)^(i / (n - 1)),
 *     which needs a &gt; 0 and b &gt; 0 (a log range cannot reach or cross 0).</li>
 * </ul>
 *
 * The ends a and b are used exactly as typed; they must satisfy a &lt;= b (a range runs upward;
 * a &gt; b is an empty range) and a = b only with n = 1. Interior points are exact decimals too:
 * a linear point is the exact rational when its decimal expansion terminates, and otherwise,
 * like every interior logarithmic point (computed in double precision from the base-10 logarithms
 * of the ends, so any magnitude works), it is rounded half-even to {@link #SIGNIFICANT_DIGITS}
 * significant digits. For an integer flag ({@link Kind#INTEGER}) every value must be an integer
 * and interior points are rounded half-up to the nearest integer. The rounded decimal IS the value
 * that is computed with and reported; two points that coincide after rounding are bad input (ask
 * for fewer points). Immutable.
 */
public final class Range {
    /** Significant digits of an interior point that is not an exact short decimal. */
    public static final int SIGNIFICANT_DIGITS = 6;
    /** The most points one range may have (the whole sweep has its own limit, {@link SweepGrid#MAX_POINTS}). */
    public static final int MAX_POINTS = SweepGrid.MAX_POINTS;

    /** Whether a flag takes integers (sizes, dimensions, depth) or decimals (decays, ratios). */
    public enum Kind {
        INTEGER, DECIMAL
    }

    private final String flag;
    private final String text;
    private final Kind kind;
    private final List<BigDecimal> values;

    private Range(String flag, String text, Kind kind, List<BigDecimal> values) {
        this.flag = flag;
        this.text = text;
        this.kind = kind;
        this.values = List.copyOf(values);
    }

    /**
     * Parses {@code text} as the values of {@code flag}.
     *
     * @throws InputException naming the flag and the value: empty text or element, not a number,
     *                        not an integer, an empty range (a &gt; b), fewer than 1 or more than
     *                        {@link #MAX_POINTS} points, a log range reaching 0, a repeated value
     */
    public static Range parse(String flag, String text, Kind kind) {
        if (text == null || text.isBlank()) {
            throw new InputException(flag + " is empty: expected x, x1,x2,... or a..b:lin|log:n");
        }
        String t = text.trim();
        List<BigDecimal> values = t.contains("..") ? spaced(flag, t, kind) : listed(flag, t, kind);
        Set<BigDecimal> seen = new HashSet<>();
        for (BigDecimal v : values) {
            if (!seen.add(v)) {
                throw new InputException(flag + " = " + t + ": the value " + format(v) + " appears twice"
                    + (t.contains("..") ? " after rounding to " + precisionWords(kind) + " (ask for fewer points)" : ""));
            }
        }
        return new Range(flag, t, kind, values);
    }

    /** A range of the one value {@code v} (a default). */
    public static Range single(String flag, BigDecimal v, Kind kind) {
        return new Range(flag, format(v), kind, List.of(canonical(v)));
    }

    private static List<BigDecimal> listed(String flag, String t, Kind kind) {
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_POINTS) {
            throw new InputException(flag + ": " + parts.length + " values, too many (at most " + MAX_POINTS + ")");
        }
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String name = parts.length == 1 ? flag : flag + "[" + i + "]";
            out.add(number(name, parts[i], kind));
        }
        return out;
    }

    private static List<BigDecimal> spaced(String flag, String t, Kind kind) {
        int dots = t.indexOf("..");
        String[] tail = t.substring(dots + 2).split(":", -1);
        if (tail.length != 3) {
            throw new InputException(flag + " = " + t + ": a range is a..b:lin:n or a..b:log:n (n points, ends included)");
        }
        BigDecimal a = number(flag + " (start)", t.substring(0, dots), kind);
        BigDecimal b = number(flag + " (end)", tail[0], kind);
        String spacing = tail[1].trim();
        if (!spacing.equals("lin") && !spacing.equals("log")) {
            throw new InputException(flag + " = " + t + ": spacing '" + spacing + "' is neither lin nor log");
        }
        int n = count(flag, t, tail[2]);
        if (a.compareTo(b) > 0) {
            throw new InputException(flag + " = " + t + ": empty range, the start " + format(a) + " is above the end "
                + format(b) + " (ranges run upward)");
        }
        if (n == 1 && a.compareTo(b) != 0) {
            throw new InputException(flag + " = " + t + ": 1 point cannot span " + format(a) + ".." + format(b)
                + " (ask for n >= 2, or give one value)");
        }
        boolean log = spacing.equals("log");
        if (log && (a.signum() <= 0 || b.signum() <= 0)) {
            throw new InputException(flag + " = " + t + ": a log range needs both ends > 0 (it cannot reach or cross 0)");
        }
        List<BigDecimal> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal v = i == 0 ? a : i == n - 1 ? b : log ? logPoint(a, b, i, n) : linPoint(a, b, i, n);
            out.add(kind == Kind.INTEGER ? canonical(v.setScale(0, RoundingMode.HALF_UP)) : canonical(v));
        }
        return out;
    }

    /** a + i (b - a) / (n - 1): exact when it terminates, else rounded to SIGNIFICANT_DIGITS. */
    static BigDecimal linPoint(BigDecimal a, BigDecimal b, int i, int n) {
        BigDecimal num = a.multiply(BigDecimal.valueOf(n - 1L)).add(b.subtract(a).multiply(BigDecimal.valueOf(i)));
        BigDecimal den = BigDecimal.valueOf(n - 1L);
        try {
            return num.divide(den);
        } catch (ArithmeticException nonTerminating) {
            return num.divide(den, new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
        }
    }

    /** a (b / a)^(i / (n - 1)) from base-10 logarithms in double, rounded to SIGNIFICANT_DIGITS. */
    static BigDecimal logPoint(BigDecimal a, BigDecimal b, int i, int n) {
        double la = log10(a);
        double y = la + (log10(b) - la) * i / (n - 1);
        double e = Math.floor(y);
        BigDecimal mantissa = new BigDecimal(Math.pow(10, y - e));
        return mantissa.round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN)).scaleByPowerOfTen((int) e);
    }

    /** log10 of a positive decimal of any magnitude (the exponent is taken apart, so no double overflows). */
    static double log10(BigDecimal x) {
        int exponent = x.precision() - x.scale() - 1;
        return Math.log10(x.scaleByPowerOfTen(-exponent).doubleValue()) + exponent;
    }

    private static int count(String flag, String t, String text) {
        BigInteger n;
        try {
            n = new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(flag + " = " + t + ": the number of points '" + text.trim() + "' is not an integer");
        }
        if (n.signum() <= 0) {
            throw new InputException(flag + " = " + t + ": the number of points must be >= 1, got " + n);
        }
        if (n.compareTo(BigInteger.valueOf(MAX_POINTS)) > 0) {
            throw new InputException(flag + " = " + t + ": " + n + " points, too many (at most " + MAX_POINTS + ")");
        }
        return n.intValue();
    }

    private static BigDecimal number(String name, String part, Kind kind) {
        String p = part.trim();
        if (p.isEmpty()) {
            throw new InputException(name + " is empty: expected a number");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(p);
        } catch (NumberFormatException e) {
            throw new InputException(name + " = " + p + ": not a decimal number");
        }
        if (kind == Kind.INTEGER && v.stripTrailingZeros().scale() > 0) {
            throw new InputException(name + " = " + p + ": not an integer");
        }
        return canonical(v);
    }

    /** The value without trailing zeros and with a non-negative scale for integers (1E+1 -> 10). */
    static BigDecimal canonical(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * An exact decimal as text: plain ("0.00001", "250") when its decimal exponent is in -7..15,
     * else scientific ("1E-30", "1E+400"); either parses back to the same value.
     */
    public static String format(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        return exponent >= -7 && exponent <= 15 ? s.toPlainString() : s.toString();
    }

    private static String precisionWords(Kind kind) {
        return kind == Kind.INTEGER ? "integers" : SIGNIFICANT_DIGITS + " significant digits";
    }

    /** The flag these values are for. */
    public String flag() {
        return flag;
    }

    /** The text the values were parsed from (trimmed). */
    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** The values, in sweep order. */
    public List<BigDecimal> values() {
        return values;
    }

    /** Number of values. */
    public int size() {
        return values.size();
    }

    /** Value i. */
    public BigDecimal value(int i) {
        return values.get(i);
    }

    /** The smallest value. */
    public BigDecimal min() {
        return values.stream().min(BigDecimal::compareTo).orElseThrow();
    }

    /** The largest value. */
    public BigDecimal max() {
        return values.stream().max(BigDecimal::compareTo).orElseThrow();
    }

    @Override
    public String toString() {
        return flag + " " + text + " (" + values.size() + " values)";
    }
}
