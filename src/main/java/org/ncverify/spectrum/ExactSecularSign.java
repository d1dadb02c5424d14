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
 */
final class ExactSecularSign {
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
            BigInteger c = BigInteger.valueOf(g.value(j));
            BigInteger w = c.multiply(c).multiply(BigInteger.valueOf(g.multiplicity(j)));
            BigInteger d = c.multiply(tenQ).subtract(bigA);
            if (d.signum() == 0) {
                throw new ArithmeticException("the point " + a + " is a pole of the secular function");
            }
            sum = sum.add(floorDiv(w.multiply(tenQS), d));
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

    static BigInteger floorDiv(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.divideAndRemainder(den);
        if (qr[1].signum() != 0 && (num.signum() != den.signum())) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }
}
