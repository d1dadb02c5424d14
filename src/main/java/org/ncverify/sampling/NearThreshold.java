package org.ncverify.sampling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.SymmetricEigen;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * The feature decay lambda_H that puts the threshold s_crit on a chosen target t, rounded to an
 * exact decimal. From SPEC section 2, s_crit^(2L/(L+1)) = N lambda_bar L (L/(L-1))^((L-1)/(L+1))
 * with lambda_bar^(L+1) = Lambda = lambda_H prod_l lambda_{W_l} (L = 1: s_crit = N lambda_bar),
 * that is s_crit^(2L) = N^(L+1) C_L Lambda with C_L = L^(L+1) (L/(L-1))^(L-1) (C_1 = 1), so
 * <pre>  lambda_H = t^(2L) / (N^(L+1) C_L prod_l lambda_{W_l}).  </pre>
 * Rounding lambda_H to D significant digits moves s_crit by a relative 10^-D / (2L) at most.
 *
 * <p>The exact factors are kept as BigInteger fractions and divided only in floating point:
 * Apfloat's Apint.divide (1.15.0 and 1.16.0) truncates some exact quotients of integers with
 * long runs of trailing zeros (25e35 / 2^30 comes back with 10 correct digits), so an
 * Aprational product of decimal weight decays and powers of N can be silently wrong.
 */
public final class NearThreshold {
    /** Digits of the computation (twice the 40-digit rounding, plus guard digits). */
    static final Precision PRECISION = Precision.of(80);

    private NearThreshold() {
    }

    /**
     * s_crit^(2L) = N^(L+1) C_L lambda_H prod_l lambda_{W_l} as an exact fraction {num, den} of
     * BigIntegers (no Apint division involved), for the given decays.
     */
    public static BigInteger[] thresholdPower(int depth, long total, Aprational lambdaH, Aprational... weightDecays) {
        BigInteger l = BigInteger.valueOf(depth);
        BigInteger num = BigInteger.valueOf(total).pow(depth + 1);
        BigInteger den = BigInteger.ONE;
        if (depth >= 2) {
            num = num.multiply(l.pow(depth + 1)).multiply(l.pow(depth - 1));
            den = BigInteger.valueOf(depth - 1L).pow(depth - 1);
        }
        for (Aprational x : concat(lambdaH, weightDecays)) {
            num = num.multiply(x.numerator().toBigInteger());
            den = den.multiply(x.denominator().toBigInteger());
        }
        return new BigInteger[] {num, den};
    }

    /** num / den rounded to the precision p (floating division only). */
    public static Apfloat quotient(BigInteger[] fraction, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        return h.divide(h.valueOf(new Apint(fraction[0])), h.valueOf(new Apint(fraction[1])));
    }

    /**
     * lambda_H for s_crit = s_i (1 + m 10^-e), rounded to {@code digits} significant digits,
     * with s_i (0-based i) from {@link YhatSpectrum} at {@link #PRECISION}.
     */
    static Aprational lambdaH(long[] sizes, int i, int mantissa, int exponent, int depth, Aprational[] weightDecays,
                              int digits) {
        FixedPrecisionApfloatHelper h = PRECISION.helper();
        Apfloat s = singularValue(sizes, i);
        Apfloat delta = h.multiply(PRECISION.of((long) mantissa), PRECISION.pow10(-exponent));
        Apfloat target = h.multiply(s, h.add(Apfloat.ONE, delta));
        Apfloat factor = quotient(thresholdPower(depth, Arrays.stream(sizes).sum(), Aprational.ONE, weightDecays), PRECISION);
        Apfloat value = h.divide(h.pow(target, 2L * depth), factor);
        return Rationals.of(new BigDecimal(value.toString(true)).round(new MathContext(digits)));
    }

    /**
     * s_i at {@link #PRECISION} from {@link YhatSpectrum}; when that solver fails (a solver bug,
     * pinned in ClaimPropertyRegressionTest), from the cyclic Jacobi eigenvalues of the exact
     * Gram matrix Yhat Yhat^T = diag(n) - n n^T / N instead (accurate to O(K^2 eps N)), so that
     * the generator still produces the instance and the property that judges it reports the bug.
     */
    private static Apfloat singularValue(long[] sizes, int i) {
        try {
            return YhatSpectrum.compute(sizes, PRECISION).singularValue(i);
        } catch (ArithmeticException e) {
            FixedPrecisionApfloatHelper h = PRECISION.helper();
            int k = sizes.length;
            Apfloat total = PRECISION.of(Arrays.stream(sizes).sum());
            Apfloat[][] gram = new Apfloat[k][k];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    Apfloat outer = h.divide(PRECISION.of(sizes[r] * sizes[c]), total);
                    gram[r][c] = r == c ? h.subtract(PRECISION.of(sizes[r]), outer) : h.negate(outer);
                }
            }
            Apfloat mu = SymmetricEigen.of(ApMatrix.of(gram, PRECISION)).eigenvalue(i);
            return h.sqrt(mu.signum() > 0 ? mu : Apfloat.ZERO);
        }
    }

    private static Aprational[] concat(Aprational first, Aprational[] rest) {
        Aprational[] all = new Aprational[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
