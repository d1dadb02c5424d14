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
 * Rounding lambda_H to D significant digits moves s_crit by a relative 10^-D / (2L) at most.
 *
 * <p>The exact factor N^(L+1) C_L prod_l lambda_{W_l} is {@link ScalarLaw#thresholdPower()} with
 * lambda_H = 1 (reduced in BigInteger, see {@link Rationals}: Apfloat's own Aprational
 * arithmetic can truncate), divided in floating point only once.
 */
public final class NearThreshold {
    /** Digits of the computation (twice the 40-digit rounding, plus guard digits). */
    static final Precision PRECISION = Precision.of(80);

    private NearThreshold() {
    }

    /**
     * lambda_H for s_crit = s_i (1 + m 10^-e), rounded to {@code digits} significant digits,
     * with s_i (0-based i) from {@link YhatSpectrum} at {@link #PRECISION} and the exact
     * s_crit^(2L) of {@link ScalarLaw#thresholdPower()}. Public for the hunter's targeted moves
     * (hunt.Moves), which move an instance's threshold onto one of its singular values.
     */
    public static Aprational lambdaH(long[] sizes, int i, int mantissa, int exponent, int depth, Aprational[] weightDecays,
                              int digits) {
        FixedPrecisionApfloatHelper h = PRECISION.helper();
        Apfloat s = YhatSpectrum.compute(sizes, PRECISION).singularValue(i);
        Apfloat delta = h.multiply(PRECISION.of((long) mantissa), PRECISION.pow10(-exponent));
        Apfloat target = h.multiply(s, h.add(Apfloat.ONE, delta));
        // s_crit^(2L) with lambda_H = 1: N^(L+1) C_L prod_l lambda_{W_l}, exact (ScalarLaw reduces in BigInteger)
        Aprational unitPower = ScalarLaw.of(depth, Arrays.stream(sizes).sum(), Rationals.product(weightDecays), PRECISION)
            .thresholdPower();
        Apfloat factor = PRECISION.of(unitPower);
        Apfloat value = h.divide(h.pow(target, 2L * depth), factor);
        return Rationals.of(new BigDecimal(value.toString(true)).round(new MathContext(digits)));
    }
}
