package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The signs of F = N f at both ends of a bracket [mu - h, mu + h] from ONE integer enclosure at
 * its centre mu ({@link SecularEnclosure}) and a proven bound on the Taylor remainder, instead of
 * one enclosure per end: half the divisions of the certificate of a secular root.
 *
 * <p>Let mu lie in the pole interval (c_{j+1}, c_j), d = min(mu - c_{j+1}, c_j - mu) the distance
 * to the nearer pole (every other pole is at least as far), 0 &lt; h &lt; d, t = h / d &lt; 1, and
 * G = -F'(mu) = sum_i w_i / delta_i^2 &gt; 0 with delta_i = c_i - mu, |delta_i| &gt;= d. With
 * F(mu + tau) = N - sum_i w_i / (delta_i - tau), the first-order Taylor remainder is exact term by
 * term:
 * <pre>
 *   F(mu + h) - F(mu) + h G = - sum_i w_i h^2 / (delta_i^2 (delta_i - h)),
 *   F(mu - h) - F(mu) - h G = - sum_i w_i h^2 / (delta_i^2 (delta_i + h)).
 * </pre>
 * In the first line a pole above (delta_i &gt; d &gt; h) gives a negative term, which only helps
 * F(mu + h) &lt; 0; a pole below (delta_i &lt;= -d) gives w_i h^2 / (delta_i^2 (|delta_i| + h)) &lt;=
 * (t / (1 + t)) h w_i / delta_i^2, as h / (|delta_i| + h) &lt;= h / (d + h). The second line is the
 * mirror image. Hence, for every t &lt; 1,
 * <pre>
 *   F(mu + h) &lt;= F(mu) - kappa h G,   F(mu - h) &gt;= F(mu) + kappa h G,   kappa = 1 - rho t/(1+t) = 1/(1+t)  (rho = 1).
 * </pre>
 * The bound is sharp: with a single pole below (the other weights tending to 0) the first
 * inequality is an equality, so the bound halved (rho = 1/2) is false, and a test catches it
 * claiming a wrong sign. With the enclosure 2^S F(mu) in (Lo, Up], 2^(2S) G &gt;= Gl, h = H 10^-q,
 * d = Dd 10^-q and kappa = k / (Dd + H), k = Dd + (1 - rho) H: F(mu + h) &lt; 0 is proven when
 * Up 2^S 10^q (Dd + H) &lt; H Gl k, and F(mu - h) &gt; 0 when Lo 2^S 10^q (Dd + H) + H Gl k &gt;= 0
 * (exact integers and decimals only).
 * Where the rule does not apply or does not decide, the caller falls back to the exact enclosures
 * at both ends ({@link SpectrumCertificate#certifyRoot}).
 */
final class TaylorBracket {
    /** The proven rule: the remainder bound (t/(1+t)) h G with factor rho = 1. */
    static final TaylorBracket PROVEN = new TaylorBracket(BigDecimal.ONE);

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
     * mu strictly inside (c_{group+1}, c_group); {0, 0} when h is not below the distance d to
     * the nearer pole.
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
        int q = Math.max(0, Math.max(mu.scale(), h.scale()));
        BigInteger tenQ = BigInteger.TEN.pow(q);
        BigInteger x = mu.subtract(BigDecimal.valueOf(below)).setScale(q).unscaledValue();
        BigInteger bigH = h.setScale(q).unscaledValue();
        double log2H = SpectrumCertificate.log10(h) * LOG2_10;
        int s = (int) Math.max(0, Math.ceil(g.weightSum().bitLength() + 4 - Math.log(sumSquares) / Math.log(2) - log2H));
        SecularEnclosure e = SecularEnclosure.at(g, below, x, tenQ, s);
        BigInteger bigD = d.setScale(q).unscaledValue();
        BigDecimal k = new BigDecimal(bigD).add(BigDecimal.ONE.subtract(remainderFactor).multiply(new BigDecimal(bigH)));
        BigDecimal hgk = new BigDecimal(bigH.multiply(e.slopeLower())).multiply(k);
        BigInteger factor = tenQ.multiply(bigD.add(bigH)).shiftLeft(s);
        BigDecimal upperEnd = new BigDecimal(e.upper().multiply(factor));
        BigDecimal lowerEnd = new BigDecimal(e.lowerExclusive().multiply(factor));
        int atLow = lowerEnd.add(hgk).signum() >= 0 ? 1 : 0;
        int atHigh = upperEnd.compareTo(hgk) < 0 ? -1 : 0;
        return new int[] {atLow, atHigh};
    }
}
