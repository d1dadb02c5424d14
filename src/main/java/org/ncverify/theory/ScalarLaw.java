package org.ncverify.theory;

import java.math.BigInteger;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;

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
 *     s = s_crit both 0 and (L-1) s_crit / L are minimizers.</li>
 * </ul>
 * The threshold test compares s with s_crit at the working precision; a relative gap below
 * 10^-(P+G-4) is reported as {@link Branch#AT_THRESHOLD}. Exact certification of the
 * comparison belongs to the checker of claim C10.
 */
public final class ScalarLaw {
    private final int depth;
    private final long total;
    private final Aprational lambdaProduct;
    private final Precision precision;
    private final Apfloat lambdaBar;
    private final Apfloat nLambdaBar;
    private final Apfloat threshold;
    private final Apfloat twoN;

    private ScalarLaw(int depth, long total, Aprational lambdaProduct, Precision precision) {
        this.depth = depth;
        this.total = total;
        this.lambdaProduct = lambdaProduct;
        this.precision = precision;
        FixedPrecisionApfloatHelper h = precision.helper();
        this.lambdaBar = h.root(precision.of(lambdaProduct), depth + 1);
        this.nLambdaBar = h.multiply(precision.of(total), lambdaBar);
        this.threshold = h.root(precision.of(thresholdPower()), 2L * depth);
        this.twoN = precision.of(2 * total);
    }

    /** The law of an instance. */
    public static ScalarLaw of(Instance instance, Precision precision) {
        return new ScalarLaw(instance.depth(), instance.total(), instance.lambdaProduct(), precision);
    }

    /** The law for explicit parameters (depth L &gt;= 1, N &gt;= 1, Lambda &gt; 0). */
    public static ScalarLaw of(int depth, long total, Aprational lambdaProduct, Precision precision) {
        if (depth < 1 || total < 1 || lambdaProduct.signum() <= 0) {
            throw new IllegalArgumentException("scalar law needs L >= 1, N >= 1, Lambda > 0");
        }
        return new ScalarLaw(depth, total, lambdaProduct, precision);
    }

    public int depth() {
        return depth;
    }

    public long total() {
        return total;
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
        FixedPrecisionApfloatHelper h = precision.helper();
        return h.divide(h.multiply(threshold, precision.of((long) depth - 1)), precision.of((long) depth));
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

    /** p*(s) for s &gt;= 0 (the positive branch at the threshold). */
    public ScalarSolution solve(Apfloat s) {
        if (s.signum() < 0) {
            throw new IllegalArgumentException("s = " + s + " < 0");
        }
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat gap = h.subtract(s, threshold);
        Apfloat band = h.multiply(threshold, precision.pow10(-(precision.working() - 4)));
        Branch branch;
        if (ApfloatMath.abs(gap).compareTo(band) <= 0) {
            branch = Branch.AT_THRESHOLD;
        } else if (gap.signum() < 0) {
            return collapsed(s);
        } else {
            branch = Branch.SURVIVING;
        }
        if (depth == 1) {
            Apfloat p = h.subtract(s, nLambdaBar);
            if (p.signum() <= 0 || branch == Branch.AT_THRESHOLD) {
                return new ScalarSolution(s, Apfloat.ZERO, Apfloat.ZERO, collapsedValue(s), branch);
            }
            Apfloat q = h.sqrt(p);
            return new ScalarSolution(s, p, q, phi(s, p, q), branch);
        }
        Apfloat q = largestRoot(s);
        Apfloat p = h.pow(q, depth + 1L);
        return new ScalarSolution(s, p, q, phi(s, p, q), branch);
    }

    /**
     * Largest root q of g(q) = s q^(L-1) - q^(2L) - N lambda_bar (L &gt;= 2, s &gt;= s_crit):
     * Newton from the right in double, then with doubling precision.
     */
    private Apfloat largestRoot(Apfloat s) {
        int l = depth;
        double sd = s.doubleValue();
        double c = nLambdaBar.doubleValue();
        double q = Math.pow(sd, 1.0 / (l + 1));
        for (int it = 0; it < 200; it++) {
            double g = sd * Math.pow(q, l - 1) - Math.pow(q, 2 * l) - c;
            double dg = (l - 1) * sd * Math.pow(q, l - 2) - 2 * l * Math.pow(q, 2 * l - 1);
            double next = q - g / dg;
            if (!(next > 0) || !Double.isFinite(next) || Math.abs(next - q) <= 4 * Math.ulp(q)) {
                break;
            }
            q = next;
        }
        long full = precision.working();
        long p = Math.min(full, 30);
        Apfloat x = new Apfloat(Double.toString(q), p);
        Apfloat tol = precision.pow10(-(full - 2));
        for (int it = 0; it < 200; it++) {
            FixedPrecisionApfloatHelper h = new FixedPrecisionApfloatHelper(p);
            x = h.valueOf(x);
            Apfloat xl2 = l >= 3 ? h.pow(x, l - 2L) : Apfloat.ONE;
            Apfloat xl1 = h.multiply(xl2, x);
            Apfloat x2l1 = h.pow(x, 2L * l - 1);
            Apfloat g = h.subtract(h.subtract(h.multiply(s, xl1), h.multiply(x2l1, x)), h.valueOf(nLambdaBar));
            Apfloat dg = h.subtract(h.multiply(h.multiply(new Apint(l - 1), s), xl2), h.multiply(new Apint(2L * l), x2l1));
            Apfloat step = h.divide(g, dg);
            x = h.subtract(x, step);
            if (p == full && ApfloatMath.abs(step).compareTo(h.multiply(tol, x)) <= 0) {
                return precision.of(x);
            }
            p = Math.min(full, 2 * p);
        }
        throw new ArithmeticException("scalar law: Newton did not converge for s = " + s);
    }
}
