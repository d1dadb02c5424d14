package org.ncverify.spectrum;

import java.math.BigInteger;
import org.apfloat.Aprational;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/**
 * The Gram matrix A = Yhat Yhat^T = diag(n) - n n^T / N in exact rational arithmetic:
 * A_ij = n_i [i = j] - n_i n_j / N. Its trace is N - sum n_k^2 / N and A 1 = 0.
 * Used as the independent object that the structured spectrum is checked against.
 */
public final class YhatGram {
    private YhatGram() {
    }

    /** The exact K x K matrix. */
    public static Aprational[][] exact(long[] sizes) {
        int k = sizes.length;
        long total = 0;
        for (long s : sizes) {
            total = Math.addExact(total, s);
        }
        BigInteger n = BigInteger.valueOf(total);
        Aprational[][] a = new Aprational[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // (n_i N [i = j] - n_i n_j) / N, reduced in BigInteger (see Rationals: Aprational's
                // own subtract reduces through Apfloat's unsafe Apint.divide)
                BigInteger ni = BigInteger.valueOf(sizes[i]);
                BigInteger num = ni.multiply(BigInteger.valueOf(sizes[j])).negate();
                a[i][j] = Rationals.of(i == j ? num.add(ni.multiply(n)) : num, n);
            }
        }
        return a;
    }

    /** The exact trace, summed from the diagonal of {@link #exact(long[])}. */
    public static Aprational trace(long[] sizes) {
        Aprational[][] a = exact(sizes);
        Aprational t = Aprational.ZERO;
        for (int i = 0; i < a.length; i++) {
            t = Rationals.add(t, a[i][i]);
        }
        return t;
    }

    /** The matrix rounded to a working precision. */
    public static ApMatrix rounded(long[] sizes, Precision precision) {
        Aprational[][] a = exact(sizes);
        org.apfloat.Apfloat[][] r = new org.apfloat.Apfloat[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                r[i][j] = precision.of(a[i][j]);
            }
        }
        return ApMatrix.of(r, precision);
    }
}
