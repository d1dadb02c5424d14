package org.ncverify.theory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Supplier;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;

/**
 * The scalar law of SPEC section 2 for depth L, N samples and Lambda = lambda_H prod lambda_{W_l}
 * (lambda_bar = Lambda^(1/(L+1))):
 *
 * <pre>
 *   phi_s(p) = (p - s)^2 / (2N) + (L+1)/2 lambda_bar p^(2/(L+1)),   p &gt;= 0.
 * </pre>
 *
 * <ul>
 * <li>L = 1: p*(s) = max(s - N lambda_bar, 0), s_crit = N lambda_bar.</li>
 * <li>L &gt;= 2: with p = q^(L+1) the stationarity condition (s - p) p^((L-1)/(L+1)) = N lambda_bar
 *     becomes the polynomial g(q) = s q^(L-1) - q^(2L) = N lambda_bar. g is concave and
 *     decreasing on [q_*, inf), q_*^(L+1) = (L-1) s / (2L), so Newton from q = s^(1/(L+1))
 *     (where g = 0) converges monotonically to the largest root. p*(s) is that root for
 *     s &gt; s_crit and 0 for s &lt; s_crit, where, exactly,
 *     s_crit^(2L) = N^(L+1) Lambda L^(L+1) (L/(L-1))^(L-1)  (a rational number), and at
 *     s = s_crit both 0 and the jump (L-1) s_crit / L are minimizers. The jump root is simple
 *     (g'(q) = -(L-1) s q^(L-2) there): the two positive roots of g = N lambda_bar merge only
 *     at the smaller s where max g = N lambda_bar, which lies below s_crit.</li>
 * </ul>
 * The branch is decided by {@link #side}, the EXACT comparison of a certified bracket of s^2
 * with the rational s_crit^(2L), whenever s is within 10^-P (relative) of s_crit and a
 * bracket is supplied; otherwise (far from s_crit, or no bracket) by the rounded comparison,
 * with a relative gap below 10^-(P+G-4) called {@link ThresholdSide#AT}.
 */
public final class ScalarLaw {
    /** Digits of the first Newton stage of {@link #largestRoot}. */
    private static final long START_DIGITS = 20;
    /** Digits of the rounded comparison lost to the rounding of s and s_crit. */
    private static final int BAND_SLACK = 4;
    private static final int MAX_STEPS = 200;

    private final int depth;
    private final long total;
    private final Aprational lambdaProduct;
    private final Precision precision;
    private final BigDecimal powerNum;
    private final BigDecimal powerDen;
    private final Apfloat lambdaBar;
    private final Apfloat nLambdaBar;
    private final Apfloat threshold;
    private final Apfloat jump;
    private final Apfloat twoN;
    private final Apint lMinusOne;
    private final Apint twoL;

    private ScalarLaw(int depth, long total, Aprational lambdaProduct, Precision precision) {
        this.depth = depth;
        this.total = total;
        this.lambdaProduct = lambdaProduct;
        this.precision = precision;
        Aprational power = thresholdPower();
        this.powerNum = new BigDecimal(power.numerator().toBigInteger());
        this.powerDen = new BigDecimal(power.denominator().toBigInteger());
        FixedPrecisionApfloatHelper h = precision.helper();
        this.lambdaBar = h.root(precision.of(lambdaProduct), depth + 1);
        this.nLambdaBar = h.multiply(precision.of(total), lambdaBar);
        this.threshold = h.root(precision.of(power), 2L * depth);
        this.jump = h.divide(h.multiply(threshold, precision.of(depth - 1L)), precision.of((long) depth));
        this.twoN = precision.of(2 * total);
        this.lMinusOne = new Apint(depth - 1L);
        this.twoL = new Apint(2L * depth);
    }

    /** The law of an instance. */
    public static ScalarLaw of(Instance instance, Precision precision) {
        return of(instance.depth(), instance.total(), instance.lambdaProduct(), precision);
    }

    /** The law for explicit parameters (depth L &gt;= 1, N &gt;= 1, Lambda &gt; 0). */
    public static ScalarLaw of(int depth, long total, Aprational lambdaProduct, Precision precision) {
        if (depth < 1) {
            throw new IllegalArgumentException("scalar law needs depth L >= 1, got L = " + depth);
        }
        if (total < 1) {
            throw new IllegalArgumentException("scalar law needs N >= 1 samples, got N = " + total);
        }
        if (lambdaProduct.signum() <= 0) {
            throw new IllegalArgumentException("scalar law needs Lambda > 0, got Lambda = " + lambdaProduct);
        }
        return new ScalarLaw(depth, total, lambdaProduct, precision);
    }

    public int depth() {
        return depth;
    }

    public Precision precision() {
        return precision;
    }

    /** lambda_bar = Lambda^(1/(L+1)). */
    public Apfloat lambdaBar() {
        return lambdaBar;
    }

    /** N lambda_bar. */
    public Apfloat nLambdaBar() {
        return nLambdaBar;
    }

    /**
     * s_crit^(2L) as an exact rational: N^2 Lambda for L = 1, and
     * N^(L+1) Lambda L^(L+1) (L/(L-1))^(L-1) for L &gt;= 2.
     * Formed and reduced in BigInteger ({@link Rationals#of(BigInteger, BigInteger)}): Aprational's
     * own multiply reduces through Apfloat's Apint.divide, which truncates quotients of
     * numbers with long runs of trailing zeros (see {@link Rationals}; --sizes 10,54 --depth 4
     * came out off by a relative 4e-14).
     */
    public Aprational thresholdPower() {
        BigInteger l = BigInteger.valueOf(depth);
        BigInteger num = BigInteger.valueOf(total).pow(depth + 1).multiply(Rationals.numerator(lambdaProduct));
        BigInteger den = Rationals.denominator(lambdaProduct);
        if (depth >= 2) {
            num = num.multiply(l.pow(2 * depth));
            den = den.multiply(BigInteger.valueOf(depth - 1L).pow(depth - 1));
        }
        return Rationals.of(num, den);
    }

    /** s_crit. */
    public Apfloat threshold() {
        return threshold;
    }

    /** The jump target (L-1) s_crit / L (0 for L = 1). */
    public Apfloat jump() {
        return jump;
    }

    /**
     * The exact side of s_crit of an s with lo &lt;= s^2 &lt;= hi (exact decimals):
     * ABOVE if lo^L &gt; s_crit^(2L), BELOW if hi^L &lt; s_crit^(2L), AT if lo = hi and
     * lo^L = s_crit^(2L), otherwise UNDECIDED. Exact (BigDecimal) arithmetic.
     */
    public ThresholdSide side(BigDecimal lo, BigDecimal hi) {
        int low = lo.pow(depth).multiply(powerDen).compareTo(powerNum);
        if (low > 0) {
            return ThresholdSide.ABOVE;
        }
        int high = hi.pow(depth).multiply(powerDen).compareTo(powerNum);
        if (high < 0) {
            return ThresholdSide.BELOW;
        }
        return low == 0 && high == 0 ? ThresholdSide.AT : ThresholdSide.UNDECIDED;
    }

    /**
     * The rounded side: AT when |s - s_crit| &lt;= s_crit 10^-(P+G-4), else the sign of s - s_crit.
     */
    public ThresholdSide roundedSide(Apfloat s) {
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat gap = h.subtract(s, threshold);
        Apfloat band = h.multiply(threshold, precision.pow10(-(precision.working() - BAND_SLACK)));
        if (ApfloatMath.abs(gap).compareTo(band) <= 0) {
            return ThresholdSide.AT;
        }
        return gap.signum() < 0 ? ThresholdSide.BELOW : ThresholdSide.ABOVE;
    }

    /** phi_s(p) with q = p^(1/(L+1)). */
    public Apfloat phi(Apfloat s, Apfloat p, Apfloat q) {
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat d = h.subtract(p, s);
        Apfloat data = h.divide(h.multiply(d, d), twoN);
        Apfloat pen = h.multiply(h.multiply(precision.of((long) depth + 1), h.multiply(lambdaBar, h.multiply(q, q))),
            new Apfloat("0.5"));
        return h.add(data, pen);
    }

    /** phi_s(0) = s^2 / (2N). */
    public Apfloat collapsedValue(Apfloat s) {
        FixedPrecisionApfloatHelper h = precision.helper();
        return h.divide(h.multiply(s, s), twoN);
    }

    /** The collapsed solution p = 0 (used beyond the bottleneck and below threshold). */
    public ScalarSolution collapsed(Apfloat s) {
        return new ScalarSolution(s, Apfloat.ZERO, Apfloat.ZERO, collapsedValue(s), Branch.COLLAPSED);
    }

    /**
     * p*(s) for s &gt;= 0, the branch decided by the rounded comparison {@link #roundedSide}
     * (at the threshold: the jump for L &gt;= 2, 0 for L = 1).
     */
    public ScalarSolution solve(Apfloat s) {
        return solveOn(requireNonNegative(s), roundedSide(s), null, null);
    }

    /**
     * p*(s) for s &gt;= 0 with s^2 in a certified bracket: within 10^-P (relative) of s_crit the
     * branch is the exact {@link #side} of the bracket (asked for only then), unless that is
     * UNDECIDED or the bracket is not certified; otherwise as {@link #solve(Apfloat)}.
     */
    public ScalarSolution solve(Apfloat s, Supplier<SpectrumCertificate.Bracket> bracket) {
        ThresholdSide rounded = roundedSide(requireNonNegative(s));
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat near = h.multiply(threshold, precision.target());
        if (ApfloatMath.abs(h.subtract(s, threshold)).compareTo(near) > 0) {
            return solveOn(s, rounded, null, null);
        }
        SpectrumCertificate.Bracket b = bracket.get();
        ThresholdSide exact = b.certified() ? side(b.lower(), b.upper()) : ThresholdSide.UNDECIDED;
        return exact == ThresholdSide.UNDECIDED ? solveOn(s, rounded, null, null) : solveOn(s, exact, b.lower(), b.upper());
    }

    private static Apfloat requireNonNegative(Apfloat s) {
        if (s.signum() < 0) {
            throw new IllegalArgumentException("s = " + s + " < 0");
        }
        return s;
    }

    /** The solution on a decided side; {@code lower}, {@code upper}: a certified bracket of s^2, or null. */
    private ScalarSolution solveOn(Apfloat s, ThresholdSide side, BigDecimal lower, BigDecimal upper) {
        FixedPrecisionApfloatHelper h = precision.helper();
        if (side == ThresholdSide.BELOW) {
            return collapsed(s);
        }
        if (side == ThresholdSide.AT) {
            if (depth == 1) {
                return new ScalarSolution(s, Apfloat.ZERO, Apfloat.ZERO, collapsedValue(s), Branch.AT_THRESHOLD);
            }
            Apfloat q = h.root(jump, depth + 1L);
            return new ScalarSolution(s, jump, q, phi(s, jump, q), Branch.AT_THRESHOLD);
        }
        Apfloat p;
        Apfloat q;
        if (depth == 1) {
            p = softThreshold(s, lower, upper);
            q = h.sqrt(p);
        } else {
            q = largestRoot(s);
            p = h.pow(q, depth + 1L);
        }
        return new ScalarSolution(s, p, q, phi(s, p, q), Branch.SURVIVING);
    }

    /**
     * L = 1 above s_crit: p = s - N lambda_bar = (s^2 - N^2 Lambda) / (s + N lambda_bar). Given a
     * certified lo &lt;= s^2 &lt;= hi, the numerator lo - N^2 Lambda is formed exactly: it is
     * positive when lo proves s &gt; s_crit, and near s_crit, where the rounded s - N lambda_bar
     * has no correct digits (and may be &lt;= 0), it keeps p positive. If lo = hi (an exact
     * eigenvalue) this is p to the working precision; otherwise p is the larger of the two, a
     * lower bound of p* and a value within about eps s of it.
     */
    private Apfloat softThreshold(Apfloat s, BigDecimal lower, BigDecimal upper) {
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat p = h.subtract(s, nLambdaBar);
        if (lower == null) {
            return p;
        }
        Apfloat gap = h.divide(new Apfloat(lower.multiply(powerDen).subtract(powerNum), precision.working()),
            new Apfloat(powerDen, precision.working()));
        Apfloat exact = h.divide(gap, h.add(s, nLambdaBar));
        return lower.compareTo(upper) == 0 || exact.compareTo(p) > 0 ? exact : p;
    }

    /**
     * Largest root q of g(q) = s q^(L-1) - q^(2L) - N lambda_bar (L &gt;= 2, s &gt;= s_crit): Newton
     * from a point right of that root, first at {@link #START_DIGITS} digits; whenever the step is
     * below 10^-(digits/2) q the digits double, up to P + G, and a step below 10^-((P+G)/2) q at
     * P + G digits ends it (the root is simple, so the error after that step is about the
     * square of the step, 10^-(P+G)). Integer powers only.
     *
     * <p>The start: the double Newton iterate {@link #doubleSeed}, taken only if at the first
     * stage g(x) &lt; N lambda_bar and g'(x) &lt; 0 there (then x &gt; q_*, where g is concave and
     * decreasing, and x lies right of the largest root, so Newton decreases monotonically to it);
     * otherwise q = s^(1/(L+1)), where g = 0 &lt; N lambda_bar and g' &lt; 0. Either start gives the same
     * iteration from the right and the same stopping rule, so the seed saves steps, not digits.
     */
    private Apfloat largestRoot(Apfloat s) {
        long full = precision.working();
        long digits = Math.min(full, START_DIGITS);
        Apfloat x = doubleSeed(s);
        boolean seeded = x != null;
        if (!seeded) {
            x = new FixedPrecisionApfloatHelper(digits).root(s, depth + 1L);
        }
        for (int it = 0; it < MAX_STEPS; it++) {
            FixedPrecisionApfloatHelper h = new FixedPrecisionApfloatHelper(digits);
            x = h.valueOf(x);
            Apfloat[] gd = excessAndSlope(h, s, x);
            if (seeded && (gd[0].signum() >= 0 || gd[1].signum() >= 0)) {
                x = h.root(s, depth + 1L);
                seeded = false;
                continue;
            }
            seeded = false;
            Apfloat step = h.divide(gd[0], gd[1]);
            x = h.subtract(x, step);
            if (h.divide(ApfloatMath.abs(step), x).compareTo(precision.pow10(-(digits / 2))) <= 0) {
                if (digits == full) {
                    return precision.of(x);
                }
                digits = Math.min(full, 2 * digits);
            }
        }
        throw new ArithmeticException("scalar law: Newton did not converge for s = " + s);
    }

    /**
     * Newton on g(q) = N lambda_bar in double from q = s^(1/(L+1)), moved right by a relative
     * 1e-12 (the double iterate is meant to lie right of the root, which {@link #largestRoot}
     * checks at its first stage); null if s or the iterate is not a finite positive double or
     * the iteration does not settle within 100 steps.
     */
    private Apfloat doubleSeed(Apfloat s) {
        double sd = s.doubleValue();
        double c = nLambdaBar.doubleValue();
        double x = Math.pow(sd, 1.0 / (depth + 1));
        if (!(Double.isFinite(x) && x > 0 && Double.isFinite(c))) {
            return null;
        }
        for (int it = 0; it < 100; it++) {
            double xl2 = Math.pow(x, depth - 2);
            double x2l1 = Math.pow(x, 2 * depth - 1);
            double g = sd * xl2 * x - x2l1 * x - c;
            double dg = (depth - 1) * sd * xl2 - 2.0 * depth * x2l1;
            double step = g / dg;
            double next = x - step;
            if (!(Double.isFinite(next) && next > 0)) {
                return null;
            }
            x = next;
            if (Math.abs(step) <= 1e-14 * x) {
                return new Apfloat(x * (1 + 1e-12), START_DIGITS);
            }
        }
        return null;
    }

    /** g(x) - N lambda_bar and g'(x) at the helper's precision. */
    private Apfloat[] excessAndSlope(FixedPrecisionApfloatHelper h, Apfloat s, Apfloat x) {
        Apfloat xl2 = h.pow(x, depth - 2L);
        Apfloat xl1 = h.multiply(xl2, x);
        Apfloat x2l1 = h.pow(x, 2L * depth - 1);
        Apfloat g = h.subtract(h.subtract(h.multiply(s, xl1), h.multiply(x2l1, x)), nLambdaBar);
        Apfloat dg = h.subtract(h.multiply(h.multiply(lMinusOne, s), xl2), h.multiply(twoL, x2l1));
        return new Apfloat[] {g, dg};
    }
}
