package org.ncverify.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ScalarLaw;

/**
 * The feature decay lambda_H that puts the threshold s_crit on a chosen target t, rounded to an
 * exact decimal. From SPEC section 2, s_crit^(2L/(L+1)) = N lambda_bar L (L/(L-1))^((L-1)/(L+1))
 * with lambda_bar^(L+1) = Lambda = lambda_H prod_l lambda_{W_l} (L = 1: s_crit = N lambda_bar),
 * that is s_crit^(2L) = N^(L+1) C_L Lambda with C_L = L^(L+1) (L/(L-1))^(L-1) (C_1 = 1), so
 * <pre>  lambda_H = t^(2L) / (N^(L+1) C_L prod_l lambda_{W_l}).  </pre>
 * N^(L+1) C_L is {@link ScalarLaw#thresholdPower()} at Lambda = 1. Rounding lambda_H to D
 * significant digits moves s_crit by a relative 10^-D / (2L) at most.
 */
final class NearThreshold {
    /** Digits of the computation (twice the 40-digit rounding, plus guard digits). */
    static final Precision PRECISION = Precision.of(80);

    private NearThreshold() {
    }

    /**
     * lambda_H for s_crit = s_i (1 + m 10^-e), rounded to {@code digits} significant digits,
     * with s_i (0-based i) from {@link YhatSpectrum} at {@link #PRECISION}.
     */
    static Aprational lambdaH(long[] sizes, int i, int mantissa, int exponent, int depth, Aprational[] weightDecays,
                              int digits) {
        FixedPrecisionApfloatHelper h = PRECISION.helper();
        Apfloat s = YhatSpectrum.compute(sizes, PRECISION).singularValue(i);
        Apfloat delta = h.multiply(PRECISION.of((long) mantissa), PRECISION.pow10(-exponent));
        Apfloat target = h.multiply(s, h.add(Apfloat.ONE, delta));
        return lambdaH(target, depth, Arrays.stream(sizes).sum(), weightDecays, digits);
    }

    /**
     * lambda_H for s_crit = t, rounded to {@code digits} significant digits.
     *
     * @param target       t &gt; 0 at {@link #PRECISION}
     * @param depth        L
     * @param total        N
     * @param weightDecays lambda_{W_1}..lambda_{W_L}
     */
    static Aprational lambdaH(Apfloat target, int depth, long total, Aprational[] weightDecays, int digits) {
        FixedPrecisionApfloatHelper h = PRECISION.helper();
        Aprational denominator = ScalarLaw.of(depth, total, Aprational.ONE, PRECISION).thresholdPower();
        for (Aprational l : weightDecays) {
            denominator = denominator.multiply(l);
        }
        Apfloat value = h.divide(h.pow(target, 2L * depth), PRECISION.of(denominator));
        BigDecimal exact = new BigDecimal(value.toString(true)).round(new MathContext(digits));
        return Rationals.of(exact);
    }
}
