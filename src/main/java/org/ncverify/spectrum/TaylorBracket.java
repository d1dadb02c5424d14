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
 *
 * <p>The lower bound Gl of G (issue 13, cold start): G needs only a few correct digits (the rule
 * compares F(mu), itself within about 10^-9 h G of 0 at a computed root, with kappa h G), so it is
 * taken from a double evaluation with a proven error bound ({@link #slopeLowerBound}) instead of
 * the exact integer slope (two big multiplications per term); the exact slope of
 * {@link SecularEnclosure#at} remains for sizes beyond 2^52, where that bound does not apply.
 */
final class TaylorBracket {
    /** The proven rule: the remainder bound (t/(1+t)) h G with factor rho = 1. */
    static final TaylorBracket PROVEN = new TaylorBracket(BigDecimal.ONE);

    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    /** |c_j| below this bound: every e_j = c_j - c_o and w_j rounding are then as the proof assumes. */
    private static final long DOUBLE_SIZE_LIMIT = 1L << 52;

    private final BigDecimal remainderFactor;
    private final int slopeInflationPercent;

    /**
     * Package access for a test that halves the remainder bound (factor 1/2): that rule is NOT
     * proven and must be caught claiming a wrong sign. Production uses {@link #PROVEN}.
     */
    TaylorBracket(BigDecimal remainderFactor) {
        this(remainderFactor, 0);
    }

    /**
     * Package access for a test that inflates the double lower bound of G by
     * {@code slopeInflationPercent} per cent (an upper estimate, not a lower bound): that rule is
     * NOT proven and must be caught claiming a wrong sign. Production uses 0.
     */
    TaylorBracket(BigDecimal remainderFactor, int slopeInflationPercent) {
        this.remainderFactor = remainderFactor;
        this.slopeInflationPercent = slopeInflationPercent;
    }

    /**
     * A proven lower bound of G = -F'(mu) = sum_j w_j / (c_j - mu)^2 from one evaluation in double,
     * as the exact binary value {m, e} of m 2^e (m a positive long), for mu strictly inside the pole
     * interval (c_{group+1}, c_group), or null where the proof below does not apply (a size of 2^52
     * or more, mu on a pole, a term outside the normal range).
     *
     * <p>Proof (u = 2^-53, Higham's gamma_n = n u / (1 - n u)): with c_o the pole nearer to mu,
     * x = mu - c_o (exact decimal) has |x| = d &lt;= |c_j - mu| for every j, and its double x~ (the
     * correctly rounded BigDecimal#doubleValue) has |x~ - x| &lt;= u |x|. e_j = c_j - c_o is an exact
     * double (|e_j| &lt; 2^52), so d~_j = fl(e_j - x~) = (c_j - mu)(1 + t1)(1 + t2) with |t1|, |t2|
     * &lt;= u (t1 = (x - x~)/(e_j - x), bounded by u because |x| &lt;= |e_j - x|). Then
     * fl(fl(w_j) / fl(d~_j^2)) = (w_j / (c_j - mu)^2)(1 + theta_7) and the recursive sum of the D
     * positive terms adds at most gamma_(D-1) (each term with a relative error of at most
     * gamma_(D+6) in all), so G~ = G (1 + theta), |theta| &lt;= gamma_(D+6) &lt;= 1.01 (D + 6) u for
     * (D + 6) u &lt; 0.01, every intermediate being a normal double. Hence G &gt;= G~ / (1 + theta)
     * &gt;= G~ (1 - (D + 8) 2^-52); m 2^e is that product rounded down, in exact integer arithmetic.
     */
    static long[] slopeLowerBound(SizeGroups g, int group, BigDecimal mu) {
        int d = g.count();
        if (g.value(0) >= DOUBLE_SIZE_LIMIT || d + 8 > 1 << 20) {
            return null;
        }
        long below = g.value(group + 1);
        long above = g.value(group);
        BigDecimal fromBelow = mu.subtract(BigDecimal.valueOf(below));
        long origin = fromBelow.compareTo(BigDecimal.valueOf(above).subtract(mu)) < 0 ? below : above;
        double x = mu.subtract(BigDecimal.valueOf(origin)).doubleValue();
        if (!(Math.abs(x) >= Double.MIN_NORMAL) || !Double.isFinite(x)) {
            return null;
        }
        double sum = 0.0;
        for (int j = 0; j < d; j++) {
            double dj = (double) (g.value(j) - origin) - x;
            double sq = dj * dj;
            double t = g.weightHi(j) / sq;
            if (!(sq >= Double.MIN_NORMAL) || !(t >= Double.MIN_NORMAL) || !Double.isFinite(sq)) {
                return null;
            }
            sum += t;
        }
        if (!Double.isFinite(sum)) {
            return null;
        }
        int e = Math.getExponent(sum) - 52;
        long m = (long) Math.scalb(sum, -e); // exact: sum = m 2^e, m < 2^53
        // m 2^e (2^52 - (D + 8)) / 2^52, rounded down: below 2^105, so in 128 bits via BigInteger
        BigInteger lower = BigInteger.valueOf(m).multiply(BigInteger.valueOf((1L << 52) - (d + 8)));
        return new long[] {lower.shiftRight(52).longValueExact(), e};
    }

    /**
     * Gl with Gl &lt;= 2^(2S) G: the double bound {@link #slopeLowerBound} scaled (rounded down), or
     * the exact integer slope of the enclosure when that bound does not apply ({@code exact} then
     * carries it; it is null when the enclosure was taken without the slope).
     */
    private BigInteger scaledSlope(long[] bound, int s, SecularEnclosure exact) {
        if (bound == null) {
            return exact.slopeLower();
        }
        BigInteger m = BigInteger.valueOf(bound[0]);
        if (slopeInflationPercent != 0) {
            m = m.multiply(BigInteger.valueOf(100L + slopeInflationPercent)).divide(BigInteger.valueOf(100));
        }
        int shift = (int) bound[1] + 2 * s;
        return shift >= 0 ? m.shiftLeft(shift) : m.shiftRight(-shift);
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
        long[] bound = slopeLowerBound(g, group, mu);
        SecularEnclosure e = bound != null ? SecularEnclosure.valueAt(g, below, x, tenQ, s) : SecularEnclosure.at(g, below, x, tenQ, s);
        BigInteger bigD = d.setScale(q).unscaledValue();
        BigDecimal k = new BigDecimal(bigD).add(BigDecimal.ONE.subtract(remainderFactor).multiply(new BigDecimal(bigH)));
        BigDecimal hgk = new BigDecimal(bigH.multiply(scaledSlope(bound, s, e))).multiply(k);
        BigInteger factor = tenQ.multiply(bigD.add(bigH)).shiftLeft(s);
        BigDecimal upperEnd = new BigDecimal(e.upper().multiply(factor));
        BigDecimal lowerEnd = new BigDecimal(e.lowerExclusive().multiply(factor));
        int atLow = lowerEnd.add(hgk).signum() >= 0 ? 1 : 0;
        int atHigh = upperEnd.compareTo(hgk) < 0 ? -1 : 0;
        return new int[] {atLow, atHigh};
    }
}
