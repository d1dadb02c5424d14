package org.ncverify.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apfloat.Apfloat;

/** Shared fixtures and residual checks for the linalg tests (package-private). */
final class LinalgChecks {
    /** Precisions (digits P) every test runs at. */
    static final int[] DIGITS = {30, 60, 200};

    private LinalgChecks() {
    }

    /** Tolerance 10^-(P-5) at precision p. */
    static Apfloat tol(Precision p) {
        return p.pow10(-(p.digits() - 5));
    }

    /** True when matrices of this many entries are cheap enough at this precision. */
    static boolean affordable(Precision p, int maxDim) {
        return p.digits() < 200 || maxDim <= 6;
    }

    /** An m x n matrix of standard Gaussians from new Random(seed). */
    static ApMatrix gaussian(int m, int n, long seed, Precision p) {
        Random rnd = new Random(seed);
        double[][] g = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = rnd.nextGaussian();
            }
        }
        return ApMatrix.of(g, p);
    }

    /** Q diag(d) Q^T with a seeded random orthogonal Q. */
    static ApMatrix withSpectrum(double[] d, long seed, Precision p) {
        Apfloat[] diag = new Apfloat[d.length];
        for (int i = 0; i < d.length; i++) {
            diag[i] = p.ofBinary(d[i]);
        }
        ApMatrix q = Orthonormal.random(d.length, d.length, seed, p);
        return q.scaleColumns(diag).multiply(q.transpose());
    }

    /** ||Q^T Q - I||_F. */
    static Apfloat orthogonalityDefect(ApMatrix q) {
        return q.transpose().multiply(q).subtract(ApMatrix.identity(q.cols(), q.precision())).frobeniusNorm();
    }

    /** Asserts x &lt;= bound, with the seed and a label in the message. */
    static void assertAtMost(Apfloat x, Apfloat bound, String what, long seed) {
        assertTrue(x.compareTo(bound) <= 0,
            () -> what + " = " + Precision.format(x, 6) + " exceeds " + Precision.format(bound, 6) + " (seed " + seed + ")");
    }

    /** Asserts x &gt; bound: a check that must fail on a deliberately wrong result. */
    static void assertAbove(Apfloat x, Apfloat bound, String what, long seed) {
        assertTrue(x.compareTo(bound) > 0,
            () -> what + " = " + Precision.format(x, 6) + " does not exceed " + Precision.format(bound, 6)
                + " (seed " + seed + "): the check would not catch the error");
    }

    /** Asserts the array is non-increasing. */
    static void assertDecreasing(Apfloat[] x, String what, long seed) {
        for (int i = 1; i < x.length; i++) {
            int k = i;
            assertTrue(x[i - 1].compareTo(x[i]) >= 0,
                () -> what + " not sorted at " + k + " (seed " + seed + ")");
        }
    }
}
