package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact sign of the secular function at a decimal rational point a = A 10^-q:
 * F(a) = N - sum_j w_j / (c_j - a), w_j = m_j c_j^2 (F = N f, same sign as f).
 *
 * <p>Each term equals w_j 10^q / D_j with the integer D_j = c_j 10^q - A. With a scale S,
 * the floors T_j = floor(w_j 10^(q+S) / D_j) give the exact enclosure
 * sum T_j &lt;= 10^S sum_j terms &lt; sum T_j + D, hence
 * N 10^S - sum T_j - D &lt; 10^S F(a) &lt;= N 10^S - sum T_j. The sign is certified when the
 * enclosure excludes 0. This is integer arithmetic only (java.math.BigInteger: exact, and
 * about 20 times faster than Apint at these 100-digit sizes), so the verdict is a proof,
 * not a floating-point estimate.
 *
 * <p>F(a) may be exactly 0: a root of the secular equation can be a short decimal (sizes
 * (1, 1, 2) have mu = 3/2, the midpoint of (1, 2)). Then every scale leaves the enclosure
 * undecided; {@link #exactSign} settles it. With Pi = prod_j |D_j|, F(a) Pi is an integer, so
 * F(a) != 0 implies |F(a)| &gt;= 1/Pi, and at a scale with 10^S &gt; (D + 1) Pi the enclosure of a
 * nonzero F(a) excludes 0: an undecided enclosure there proves F(a) = 0.
 */
final class ExactSecularSign {
    /** First scale tried by {@link #exactSign}: decides |F(a)| above about D 10^-30. */
    private static final int QUICK_SCALE = 30;

    private ExactSecularSign() {
    }

    /**
     * @return +1 or -1 when the sign of F(a) is certified at scale 10^S, 0 when the
     *         enclosure contains 0 (retry with a larger S), throws if a is a pole.
     */
    static int sign(SizeGroups g, BigDecimal a, int scale) {
        BigDecimal an = a.scale() < 0 ? a.setScale(0) : a;
        int q = an.scale();
        BigInteger bigA = an.unscaledValue();
        BigInteger tenQ = BigInteger.TEN.pow(q);
        BigInteger tenQS = BigInteger.TEN.pow(q + scale);
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < g.count(); j++) {
            BigInteger d = g.bigValue(j).multiply(tenQ).subtract(bigA);
            if (d.signum() == 0) {
                throw new ArithmeticException("the point " + a + " is a pole of the secular function");
            }
            sum = sum.add(floorDiv(g.bigWeight(j).multiply(tenQS), d));
        }
        BigInteger top = BigInteger.valueOf(g.total()).multiply(BigInteger.TEN.pow(scale)).subtract(sum);
        BigInteger bottom = top.subtract(BigInteger.valueOf(g.count()));
        if (bottom.signum() >= 0) {
            return 1;
        }
        if (top.signum() < 0) {
            return -1;
        }
        return 0;
    }

    /**
     * The exact sign of F(a): +1, -1, or 0 when a IS a root (proven, see the class comment).
     * Tries a cheap scale first; the guaranteed scale costs about D times the digits of
     * prod_j |D_j| and is reached only when F(a) is 0 or tiny.
     *
     * @throws ArithmeticException if a is a pole
     */
    static int exactSign(SizeGroups g, BigDecimal a) {
        int quick = sign(g, a, QUICK_SCALE);
        if (quick != 0) {
            return quick;
        }
        return sign(g, a, guaranteedScale(g, a));
    }

    /** A scale S with 10^S &gt; (D + 1) prod_j |D_j|, at which sign() decides every nonzero F(a). */
    static int guaranteedScale(SizeGroups g, BigDecimal a) {
        BigDecimal an = a.scale() < 0 ? a.setScale(0) : a;
        BigInteger tenQ = BigInteger.TEN.pow(an.scale());
        BigInteger bigA = an.unscaledValue();
        BigInteger product = BigInteger.valueOf(g.count() + 1L);
        for (int j = 0; j < g.count(); j++) {
            product = product.multiply(BigInteger.valueOf(g.value(j)).multiply(tenQ).subtract(bigA).abs().max(BigInteger.ONE));
        }
        // 10^S >= 2^bitLength > product
        return (int) Math.ceil(product.bitLength() * Math.log10(2.0)) + 1;
    }

    static BigInteger floorDiv(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.divideAndRemainder(den);
        if (qr[1].signum() != 0 && (num.signum() != den.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }
}
