package org.ncverify.spectrum;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/** Shared fixtures for the spectrum tests: seeded size vectors, Yhat and A from the definition, exact identities. */
final class SpectrumFixtures {
    /** Base seed of every random instance; override with -Dncverify.seed=... to explore. */
    static final long BASE_SEED = Long.getLong("ncverify.seed", 20240611L);

    private SpectrumFixtures() {
    }

    /** The shared directory (surefire sets ncverify.shared; "../shared" otherwise). */
    static Path shared() {
        return Path.of(System.getProperty("ncverify.shared", "../shared"));
    }

    /** Replay hint appended to assertion messages. */
    static String replay(long seed) {
        return " (seed " + seed + "; replay: mvn -B -q test -Dtest='org.ncverify.spectrum.*Test' -Dncverify.seed="
            + BASE_SEED + ")";
    }

    /** K sizes uniform in 1..max. */
    static long[] uniform(Random rnd, int k, long max) {
        long[] n = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = 1 + (long) (rnd.nextDouble() * max);
            n[i] = Math.min(n[i], max);
        }
        return n;
    }

    /** K random sizes in 1..max of which one value is repeated {@code ties} times (shuffled). */
    static long[] withTie(Random rnd, int k, long max, int ties) {
        long[] n = uniform(rnd, k, max);
        long c = n[0];
        for (int t = 1; t < ties; t++) {
            n[t] = c;
        }
        shuffle(rnd, n);
        return n;
    }

    /** Long tail round(max * ratio^(-i/(K-1))), i = 0..K-1, shuffled: max/min = ratio (ties at the small end possible). */
    static long[] longTail(Random rnd, int k, long max, double ratio) {
        long[] n = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = Math.max(1, Math.round(max * Math.pow(ratio, -(double) i / (k - 1))));
        }
        shuffle(rnd, n);
        return n;
    }

    /** The deterministic tail round(max ratio^(-k/(k-1))), k = 0..K-1 (ties where it flattens). */
    static long[] geometricTail(int k, double max, double ratio) {
        long[] n = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = Math.round(max * Math.pow(ratio, -i / (k - 1.0)));
        }
        return n;
    }

    static void shuffle(Random rnd, long[] n) {
        for (int i = n.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = n[i];
            n[i] = n[j];
            n[j] = t;
        }
    }

    static BigInteger total(long[] n) {
        BigInteger s = BigInteger.ZERO;
        for (long x : n) {
            s = s.add(BigInteger.valueOf(x));
        }
        return s;
    }

    /**
     * The exact rational num / den as an Apfloat at the working precision, reduced in
     * BigInteger first ({@link Rationals#of(BigInteger, BigInteger)}: an Aprational built from an
     * unreduced pair reduces through Apint.divide, which loses digits; NUMERICS.md).
     */
    static Apfloat rational(BigInteger num, BigInteger den, Precision p) {
        return p.of(Rationals.of(num, den));
    }

    /** trace A = N - sum n^2 / N, exactly, rounded to the working precision. */
    static Apfloat exactTrace(long[] n, Precision p) {
        BigInteger total = total(n);
        BigInteger sq = BigInteger.ZERO;
        for (long x : n) {
            sq = sq.add(BigInteger.valueOf(x).pow(2));
        }
        return rational(total.pow(2).subtract(sq), total, p);
    }

    /** pdet A = K prod n / N, exactly, rounded to the working precision. */
    static Apfloat exactPseudoDeterminant(long[] n, Precision p) {
        BigInteger prod = BigInteger.valueOf(n.length);
        for (long x : n) {
            prod = prod.multiply(BigInteger.valueOf(x));
        }
        return rational(prod, total(n), p);
    }

    /** Yhat = (I - n 1^T / N) diag(sqrt n) from the definition: entry (i, j) = (delta_ij - n_i / N) sqrt(n_j). */
    static ApMatrix yhat(long[] n, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        int k = n.length;
        Apfloat total = p.of(total(n).longValueExact());
        Apfloat[][] y = new Apfloat[k][k];
        for (int j = 0; j < k; j++) {
            Apfloat sq = h.sqrt(p.of(n[j]));
            for (int i = 0; i < k; i++) {
                Apfloat coef = h.divide(p.of(n[i]), total);
                if (i == j) {
                    coef = h.subtract(p.of(1L), coef);
                } else {
                    coef = h.negate(coef);
                }
                y[i][j] = h.multiply(coef, sq);
            }
        }
        return ApMatrix.of(y, p);
    }

    /** A = diag(n) - n n^T / N from the definition. */
    static ApMatrix gram(long[] n, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        int k = n.length;
        Apfloat total = p.of(total(n).longValueExact());
        Apfloat[][] a = new Apfloat[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                Apfloat v = h.negate(h.divide(h.multiply(p.of(n[i]), p.of(n[j])), total));
                a[i][j] = i == j ? h.add(p.of(n[i]), v) : v;
            }
        }
        return ApMatrix.of(a, p);
    }

    /** |x - y| / |y| (|x| when y = 0) at the precision. */
    static Apfloat relativeError(Apfloat x, Apfloat y, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat d = ApfloatMath.abs(h.subtract(x, y));
        return y.signum() == 0 ? d : h.divide(d, ApfloatMath.abs(y));
    }

    static String describe(long[] n) {
        return n.length <= 12 ? Arrays.toString(n) : "K=" + n.length + " " + Arrays.toString(Arrays.copyOf(n, 6)) + "...";
    }
}
