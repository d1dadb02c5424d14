package org.ncverify.support;

import java.math.BigInteger;
import java.util.stream.IntStream;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;

/**
 * An independent reference for s_crit^(2L) = N^(L+1) C_L lambda_H prod_l lambda_{W_l}
 * (C_L = L^(L+1) (L/(L-1))^(L-1), C_1 = 1), formed as a fraction of BigIntegers from the
 * numerators and denominators of the decays, with no Apfloat rational arithmetic at all: the
 * tests compare ScalarLaw.thresholdPower() and the near-threshold generator against it.
 */
public final class ExactThreshold {
    private ExactThreshold() {
    }

    /** s_crit^(2L) of the instance as {num, den} (not reduced). */
    public static BigInteger[] power(Instance inst) {
        int depth = inst.depth();
        BigInteger l = BigInteger.valueOf(depth);
        BigInteger num = BigInteger.valueOf(inst.total()).pow(depth + 1);
        BigInteger den = BigInteger.ONE;
        if (depth >= 2) {
            num = num.multiply(l.pow(depth + 1)).multiply(l.pow(depth - 1));
            den = BigInteger.valueOf(depth - 1L).pow(depth - 1);
        }
        num = num.multiply(inst.lambdaH().numerator().toBigInteger());
        den = den.multiply(inst.lambdaH().denominator().toBigInteger());
        for (int w : IntStream.rangeClosed(1, depth).toArray()) {
            num = num.multiply(inst.lambdaW(w).numerator().toBigInteger());
            den = den.multiply(inst.lambdaW(w).denominator().toBigInteger());
        }
        return new BigInteger[] {num, den};
    }

    /** s_crit at precision p: one floating division of the exact fraction, then one root. */
    public static Apfloat threshold(Instance inst, Precision p) {
        BigInteger[] f = power(inst);
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat q = h.divide(h.valueOf(new Apint(f[0])), h.valueOf(new Apint(f[1])));
        return h.root(q, 2L * inst.depth());
    }
}
