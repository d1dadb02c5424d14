package org.ncverify.theory;

import java.math.BigInteger;
import org.apfloat.Apint;

/** Exact integer powers b^e (b, e &gt;= 0) as Apint. */
final class ApintPow {
    private ApintPow() {
    }

    static Apint pow(long base, int exponent) {
        return new Apint(BigInteger.valueOf(base).pow(exponent));
    }
}
