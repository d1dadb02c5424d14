package org.ncverify.spectrum;

import java.math.BigInteger;

/**
 * A rigorous integer enclosure of the secular function F(a) = N f(a) = N - sum_j w_j / (c_j - a)
 * (w_j = m_j c_j^2) and of -F'(a) = sum_j w_j / (c_j - a)^2 at a rational point written in the
 * variable shifted to a pole: a = c_o + X / B, with the origin c_o one of the sizes, X an integer
 * and B &gt; 0 an integer (2^b for the Newton iteration of {@link DyadicNewton}, 10^q for a
 * decimal point of the certificate).
 *
 * <p>With D_j = e_j B - X (e_j = c_j - c_o, an exact integer), 1/(c_j - a) = B / D_j exactly. At
 * a scale 2^S, one floor division per distinct size gives R_j = floor(2^S B / D_j), hence
 * x_j := 2^S B / D_j in [R_j, R_j + 1) and, since w_j &gt; 0,
 * <pre>
 *   w_j R_j &lt;= 2^S w_j / (c_j - a) &lt; w_j R_j + w_j,
 *   N 2^S - sum_j w_j R_j - W  &lt;  2^S F(a)  &lt;=  N 2^S - sum_j w_j R_j,     W = sum_j w_j = sum_k n_k^2,
 *   2^(2S) (-F'(a)) = sum_j w_j x_j^2  &gt;=  sum_j w_j min(x^2 : x in [R_j, R_j + 1))
 *                                        = sum_j w_j (R_j &gt;= 0 ? R_j^2 : (R_j + 1)^2).
 * </pre>
 * Integer arithmetic only ({@link BigInteger}: exact), so the enclosure is a proof: this is interval
 * arithmetic with directed rounding (floor) from exact rationals. The numerator 2^S B and the
 * integers c_j, w_j, W are shared by every term and every root ({@link SizeGroups#bigValue}).
 * Cost: D divisions and 2D multiplications of numbers of about S + log2 B + 40 bits.
 *
 * <p>Immutable.
 */
final class SecularEnclosure {
    private final BigInteger upper;
    private final BigInteger width;
    private final BigInteger slopeLower;
    private final int scale;

    private SecularEnclosure(BigInteger upper, BigInteger width, BigInteger slopeLower, int scale) {
        this.upper = upper;
        this.width = width;
        this.slopeLower = slopeLower;
        this.scale = scale;
    }

    /**
     * The enclosure at a = c_o + x / b, scale 2^s.
     *
     * @param origin c_o, one of the distinct sizes (or any integer)
     * @throws ArithmeticException if a is a pole (some D_j = 0)
     */
    static SecularEnclosure at(SizeGroups g, long origin, BigInteger x, BigInteger b, int s) {
        return at(g, origin, x, b, s, g.weightSum());
    }

    /**
     * As {@link #at(SizeGroups, long, BigInteger, BigInteger, int)} with the enclosure width W
     * given: package access so that a test can pass a deliberately wrong (halved) width and see a
     * wrong sign claimed. Production code passes {@link SizeGroups#weightSum()}.
     */
    static SecularEnclosure at(SizeGroups g, long origin, BigInteger x, BigInteger b, int s, BigInteger width) {
        return at(g, origin, x, b, s, width, true);
    }

    /**
     * The enclosure of F(a) alone ({@link #slopeLower()} is then 0): D divisions and D
     * multiplications, for the Newton iteration, which takes its slope in double.
     */
    static SecularEnclosure valueAt(SizeGroups g, long origin, BigInteger x, BigInteger b, int s) {
        return at(g, origin, x, b, s, g.weightSum(), false);
    }

    private static SecularEnclosure at(SizeGroups g, long origin, BigInteger x, BigInteger b, int s, BigInteger width,
                                       boolean withSlope) {
        if (s < 0 || b.signum() <= 0) {
            throw new IllegalArgumentException("scale 2^" + s + " and denominator " + b + " must be positive");
        }
        BigInteger numerator = b.shiftLeft(s);
        BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO};
        for (int j = 0; j < g.count(); j++) {
            addTerm(sums, g, j, origin, x, b, numerator, withSlope);
        }
        BigInteger top = BigInteger.valueOf(g.total()).shiftLeft(s).subtract(sums[0]);
        return new SecularEnclosure(top, width, sums[1], s);
    }

    /**
     * Adds term j: w_j R_j to sums[0] and, with the slope, w_j min(x^2 : x in [R_j, R_j + 1)) to
     * sums[1]. A method of its own so that the JIT compiles it after a few hundred terms (within the
     * first root) rather than after a hundred whole enclosures (the cold start of issue 13).
     */
    private static void addTerm(BigInteger[] sums, SizeGroups g, int j, long origin, BigInteger x, BigInteger b,
                                BigInteger numerator, boolean withSlope) {
        BigInteger d = BigInteger.valueOf(g.value(j) - origin).multiply(b).subtract(x);
        if (d.signum() == 0) {
            throw new ArithmeticException("the point " + origin + " + " + x + "/" + b + " is a pole of the secular function");
        }
        BigInteger r = ExactSecularSign.floorDiv(numerator, d);
        BigInteger w = g.bigWeight(j);
        sums[0] = sums[0].add(w.multiply(r));
        if (withSlope) {
            BigInteger m = r.signum() >= 0 ? r : r.add(BigInteger.ONE);
            sums[1] = sums[1].add(w.multiply(m.multiply(m)));
        }
    }

    /** U with 2^S F(a) &lt;= U. */
    BigInteger upper() {
        return upper;
    }

    /** L with L &lt; 2^S F(a) (L = U - W). */
    BigInteger lowerExclusive() {
        return upper.subtract(width);
    }

    /** The midpoint of the enclosure, floor(U - W/2): an estimate of 2^S F(a) within W/2. */
    BigInteger center() {
        return upper.subtract(width.shiftRight(1));
    }

    /** G with G &lt;= 2^(2S) (-F'(a)) = 2^(2S) sum_j w_j / (c_j - a)^2 (0 from {@link #valueAt}). */
    BigInteger slopeLower() {
        return slopeLower;
    }

    /** S. */
    int scale() {
        return scale;
    }

    /** +1 when F(a) &gt; 0 is proven (L &gt;= 0), -1 when F(a) &lt; 0 is proven (U &lt; 0), else 0. */
    int sign() {
        if (lowerExclusive().signum() >= 0) {
            return 1;
        }
        return upper.signum() < 0 ? -1 : 0;
    }
}
