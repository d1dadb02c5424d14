package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The signs of F = N f at both ends of a bracket [mu - h, mu + h] from ONE integer enclosure at
 * its centre mu ({@link SecularEnclosure}) and a proven bound on the Taylor remainder, instead of
 * one enclosure per end: half the divisions of the certificate of a secular root.
 *
 * <p>Let mu lie in the pole interval (c_{j+1}, c_j), d = min(mu - c_{j+1}, c_j - mu) the distance
 * to the nearer pole (every other pole is farther), t = h / d &lt; 1 and G = -F'(mu) =
 * sum_i w_i / (c_i - mu)^2 &gt; 0. For |y - mu| &lt;= h, |c_i - y| &gt;= |c_i - mu| - h &gt;= (1 - t) |c_i - mu|
 * (as h = t d &lt;= t |c_i - mu|), so
 * <pre>
 *   |F''(y)| = 2 |sum_i w_i / (c_i - y)^3| &lt;= 2 sum_i w_i / ((1-t)^3 |c_i - mu|^3)
 *            &lt;= 2 G / ((1-t)^3 d),
 *   |F(mu +- h) - F(mu) -+ h F'(mu)| = |int_0^h (h - tau) F''(mu +- tau) dtau| &lt;= h G t / (1-t)^3.
 * </pre>
 * Whenever the rule's inequality h d^2 &lt;= L (d - h)^3 holds, i.e. t/(1-t)^3 &lt;= L, with L = 1/2:
 * <pre>
 *   F(mu + h) &lt;= F(mu) - (1 - L) h G,      F(mu - h) &gt;= F(mu) + (1 - L) h G,
 * </pre>
 * and with the enclosure 2^S F(mu) in (Lo, Up], 2^(2S) G &gt;= Gl, h = H 10^-q: F(mu + h) &lt; 0 is
 * proven when 2 Up 2^S 10^q &lt; H Gl, and F(mu - h) &gt; 0 when 2 Lo 2^S 10^q + H Gl &gt;= 0 (integers
 * only). t/(1-t)^3 &lt;= 1/2 holds for t &lt;= 0.2219; the certificate's usual half-width
 * h = mu 10^-(P+3) has t far below that except for roots within about 10^-(P+2) mu of a pole.
 * Where the rule does not apply or does not decide, the caller falls back to the exact enclosures
 * at both ends ({@link SpectrumCertificate#certifyRoot}).
 */
final class TaylorBracket {
    /** The proven rule: remainder factor rho = 1, limit L = 1/2 (kappa = 1 - L = 1/2). */
    static final TaylorBracket PROVEN = new TaylorBracket(BigDecimal.ONE);

    private static final BigDecimal LIMIT = new BigDecimal("0.5");
    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    private final BigDecimal remainderFactor;

    /**
     * Package access for a test that halves the remainder bound (factor 1/2): that rule is NOT
     * proven and must be caught claiming a wrong sign. Production uses {@link #PROVEN}.
     */
    TaylorBracket(BigDecimal remainderFactor) {
        this.remainderFactor = remainderFactor;
    }

    /**
     * The proven signs {sign F(mu - h), sign F(mu + h)}, each +1, -1 or 0 (not decided), for
     * mu strictly inside (c_{group+1}, c_group); {0, 0} when the remainder rule does not apply.
     *
     * @param sumSquares about -F'(mu), in double, only to choose the scale
     */
    int[] signs(SizeGroups g, int group, BigDecimal mu, BigDecimal h, double sumSquares) {
        long below = g.value(group + 1);
        long above = g.value(group);
        BigDecimal d = mu.subtract(BigDecimal.valueOf(below)).min(BigDecimal.valueOf(above).subtract(mu));
        if (h.signum() <= 0 || d.compareTo(h) <= 0 || !(sumSquares > 0) || !Double.isFinite(sumSquares)) {
            return new int[] {0, 0};
        }
        // rho t / (1-t)^3 <= L  <=>  rho h d^2 <= L (d - h)^3
        BigDecimal lhs = remainderFactor.multiply(h).multiply(d).multiply(d);
        BigDecimal dh = d.subtract(h);
        if (lhs.compareTo(LIMIT.multiply(dh).multiply(dh).multiply(dh)) > 0) {
            return new int[] {0, 0};
        }
        int q = Math.max(0, Math.max(mu.scale(), h.scale()));
        BigInteger tenQ = BigInteger.TEN.pow(q);
        BigInteger x = mu.subtract(BigDecimal.valueOf(below)).setScale(q).unscaledValue();
        BigInteger bigH = h.setScale(q).unscaledValue();
        double log2H = SpectrumCertificate.log10(h) * LOG2_10;
        int s = (int) Math.max(0, Math.ceil(g.weightSum().bitLength() + 4 - Math.log(sumSquares) / Math.log(2) - log2H));
        SecularEnclosure e = SecularEnclosure.at(g, below, x, tenQ, s);
        BigInteger hg = bigH.multiply(e.slopeLower());
        BigInteger upperEnd = e.upper().shiftLeft(s + 1).multiply(tenQ);
        BigInteger lowerEnd = e.lowerExclusive().shiftLeft(s + 1).multiply(tenQ);
        int atLow = lowerEnd.add(hg).signum() >= 0 ? 1 : 0;
        int atHigh = upperEnd.compareTo(hg) < 0 ? -1 : 0;
        return new int[] {atLow, atHigh};
    }
}
