package org.ncverify.results.sweep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import org.ncverify.instance.InputException;

/**
 * A named rule that makes K class sizes from the largest size n_max and an imbalance ratio
 * rho &gt;= 1 (an exact decimal), the way long-tailed benchmarks are built:
 *
 * <ul>
 * <li>{@link #CIFAR_LT} ({@code cifar-lt}, exponential decay as in CIFAR-10-LT / CIFAR-100-LT):
 *     n_i = floor(n_max rho^(-i/(K-1))), i = 0..K-1, so n_1 = n_max and n_K = floor(n_max / rho);</li>
 * <li>{@link #STEP} ({@code step}, step imbalance): the first ceil(K/2) classes have n_max, the
 *     last floor(K/2) have floor(n_max / rho).</li>
 * </ul>
 *
 * Every floor is exact: n_max rho^(-i/(K-1)) is irrational in general, but with rho = p/q,
 * m &lt;= n_max rho^(-i/(K-1)) holds iff m^(K-1) p^i &lt;= n_max^(K-1) q^i, an integer comparison.
 * The value is estimated in double; when the estimate lies within 10^-9 + 10^-12 x of an integer
 * (an error bound well above the double rounding of rho, the exponent and the power) the floor is
 * settled by that exact comparison. The smallest size is floor(n_max / rho) under both rules; it is
 * 0 exactly when n_max &lt; rho ({@link #smallest}).
 */
public enum SizeRule {
    CIFAR_LT("cifar-lt"), STEP("step");

    private final String id;

    SizeRule(String id) {
        this.id = id;
    }

    /** The name used on the command line. */
    public String id() {
        return id;
    }

    /** The rule named {@code text} ("cifar-lt" or "step"). */
    public static SizeRule parse(String flag, String text) {
        for (SizeRule r : values()) {
            if (r.id.equals(text == null ? null : text.trim())) {
                return r;
            }
        }
        throw new InputException(flag + " = " + text + ": unknown size rule (expected cifar-lt or step)");
    }

    /** floor(n_max / rho), the smallest size under either rule, exactly. */
    public static long smallest(long nMax, BigDecimal rho) {
        BigInteger[] pq = fraction(rho);
        return BigInteger.valueOf(nMax).multiply(pq[1]).divide(pq[0]).longValueExact();
    }

    /**
     * The K sizes of this rule, n_1 &gt;= ... &gt;= n_K.
     *
     * @throws IllegalArgumentException when K &lt; 2, n_max &lt; 1 or rho &lt; 1 (callers validate first)
     */
    public long[] sizes(int classes, long nMax, BigDecimal rho) {
        if (classes < 2 || nMax < 1 || rho.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("size rule " + id + " needs K >= 2, n_max >= 1, rho >= 1; got K = "
                + classes + ", n_max = " + nMax + ", rho = " + rho);
        }
        long[] n = new long[classes];
        if (this == STEP) {
            int major = classes - classes / 2;
            Arrays.fill(n, 0, major, nMax);
            Arrays.fill(n, major, classes, smallest(nMax, rho));
            return n;
        }
        for (int i = 0; i < classes; i++) {
            n[i] = decayed(nMax, rho, i, classes - 1);
        }
        return n;
    }

    /** floor(n_max rho^(-i/e)), exactly. */
    static long decayed(long nMax, BigDecimal rho, int i, int e) {
        if (i == 0 || rho.compareTo(BigDecimal.ONE) == 0) {
            return nMax;
        }
        if (i == e) {
            return smallest(nMax, rho);
        }
        double x = nMax * Math.pow(10, -Range.log10(rho) * i / e);
        double nearest = Math.rint(x);
        if (Math.abs(x - nearest) > 1e-9 + 1e-12 * x) {
            return (long) Math.floor(x);
        }
        long m = (long) nearest;
        return atMost(m, nMax, rho, i, e) ? m : m - 1;
    }

    /** m^e p^i &lt;= n_max^e q^i, i.e. m &lt;= n_max rho^(-i/e) for rho = p/q. */
    static boolean atMost(long m, long nMax, BigDecimal rho, int i, int e) {
        BigInteger[] pq = fraction(rho);
        BigInteger left = BigInteger.valueOf(m).pow(e).multiply(pq[0].pow(i));
        BigInteger right = BigInteger.valueOf(nMax).pow(e).multiply(pq[1].pow(i));
        return left.compareTo(right) <= 0;
    }

    /** {p, q} with rho = p / q (not reduced), from the exact decimal. */
    private static BigInteger[] fraction(BigDecimal rho) {
        BigDecimal r = rho.stripTrailingZeros();
        if (r.scale() <= 0) {
            return new BigInteger[] {r.setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact(), BigInteger.ONE};
        }
        return new BigInteger[] {r.unscaledValue(), BigInteger.TEN.pow(r.scale())};
    }
}
