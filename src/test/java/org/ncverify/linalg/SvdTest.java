package org.ncverify.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncverify.linalg.LinalgChecks.assertAbove;
import static org.ncverify.linalg.LinalgChecks.assertAtMost;
import static org.ncverify.linalg.LinalgChecks.assertDecreasing;
import static org.ncverify.linalg.LinalgChecks.orthogonalityDefect;
import static org.ncverify.linalg.LinalgChecks.tol;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvdTest {
    private static final int[][] SHAPES = {{1, 1}, {2, 2}, {5, 3}, {3, 5}, {6, 6}, {1, 4}, {12, 12}, {12, 5}, {5, 12}};

    /** ||A - U S V^T||_F. */
    private static Apfloat residual(ApMatrix a, ApMatrix u, Apfloat[] sigma, ApMatrix v) {
        return a.subtract(u.scaleColumns(sigma).multiply(v.transpose())).frobeniusNorm();
    }

    /** Asserts the SVD contract (shapes, residual, orthonormality, order, signs); returns it. */
    private static Svd checked(ApMatrix a, long seed, String tag) {
        Precision p = a.precision();
        Svd s = Svd.of(a);
        int k = Math.min(a.rows(), a.cols());
        assertEquals(a.rows(), s.u().rows(), "U rows " + tag);
        assertEquals(k, s.u().cols(), "U cols " + tag);
        assertEquals(a.cols(), s.v().rows(), "V rows " + tag);
        assertEquals(k, s.v().cols(), "V cols " + tag);
        assertEquals(k, s.singularValues().length, "sigma length " + tag);
        assertAtMost(residual(a, s.u(), s.singularValues(), s.v()),
            p.helper().multiply(tol(p), a.frobeniusNorm()), "||A - U S V^T|| " + tag, seed);
        assertAtMost(orthogonalityDefect(s.u()), tol(p), "||U^T U - I|| " + tag, seed);
        assertAtMost(orthogonalityDefect(s.v()), tol(p), "||V^T V - I|| " + tag, seed);
        assertDecreasing(s.singularValues(), "sigma " + tag, seed);
        for (Apfloat x : s.singularValues()) {
            assertTrue(x.signum() >= 0, "negative singular value " + tag + " seed " + seed);
        }
        return s;
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void randomMatricesOfAllShapes(int digits) {
        Precision p = Precision.of(digits);
        for (int[] shape : SHAPES) {
            if (!LinalgChecks.affordable(p, Math.max(shape[0], shape[1]))) {
                continue;
            }
            long seed = 7000 + 97L * shape[0] + shape[1] + digits;
            ApMatrix a = LinalgChecks.gaussian(shape[0], shape[1], seed, p);
            Svd s = checked(a, seed, shape[0] + "x" + shape[1] + " P=" + digits);
            // sum sigma^2 = ||A||_F^2
            FixedPrecisionApfloatHelper h = p.helper();
            Apfloat sum = Apfloat.ZERO;
            for (Apfloat x : s.singularValues()) {
                sum = h.add(sum, h.multiply(x, x));
            }
            assertAtMost(h.abs(h.subtract(sum, a.frobeniusNormSquared())),
                h.multiply(tol(p), a.frobeniusNormSquared()), "sum sigma^2 - ||A||^2", seed);
        }
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void rankDeficientProductHasTinySingularValues(int digits) {
        Precision p = Precision.of(digits);
        FixedPrecisionApfloatHelper h = p.helper();
        long seed = 4711;
        int[][] cases = {{6, 3, 6}, {6, 2, 4}, {4, 1, 6}};
        for (int[] c : cases) {
            long s = seed + c[0] * 100L + c[1] * 10L + c[2];
            ApMatrix a = LinalgChecks.gaussian(c[0], c[1], s, p)
                .multiply(LinalgChecks.gaussian(c[1], c[2], s + 1, p));
            String tag = c[0] + "x" + c[2] + " of rank " + c[1] + " P=" + digits;
            Svd svd = checked(a, s, tag);
            Apfloat small = h.multiply(tol(p), a.frobeniusNorm());
            for (int i = 0; i < Math.min(c[0], c[2]); i++) {
                if (i < c[1]) {
                    assertAbove(svd.singularValue(i), small, "sigma_" + i + " " + tag, s);
                } else {
                    assertAtMost(svd.singularValue(i), small, "sigma_" + i + " " + tag, s);
                }
            }
        }
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void knownSpectrumWithTiesAndTinyValue(int digits) {
        Precision p = Precision.of(digits);
        FixedPrecisionApfloatHelper h = p.helper();
        long seed = 271828;
        Apfloat tiny = p.pow10(-(digits / 3));
        Apfloat[] sigma = {p.of(5L), p.of(3L), p.of(3L), tiny};
        ApMatrix u0 = Orthonormal.random(6, 4, seed, p);
        ApMatrix v0 = Orthonormal.random(4, 4, seed + 1, p);
        ApMatrix a = u0.scaleColumns(sigma).multiply(v0.transpose());
        Svd s = checked(a, seed, "U diag(5,3,3,tiny) V^T P=" + digits);
        Apfloat bound = h.multiply(tol(p), a.frobeniusNorm());
        for (int i = 0; i < 4; i++) {
            assertAtMost(h.abs(h.subtract(s.singularValue(i), sigma[i])), bound, "|sigma_" + i + " - exact|", seed);
        }
        // The tiny singular value is resolved to absolute accuracy O(eps ||A||) (the rounding
        // of A itself), i.e. to about 2P/3 correct digits relative to 10^-(P/3); via the
        // eigenvalues of A^T A the error would be O(eps ||A||^2 / sigma_4) instead.
        assertAtMost(h.abs(h.subtract(s.singularValue(3), tiny)), h.multiply(tiny, p.pow10(-(digits / 2))),
            "relative error of sigma_4 = 10^-(P/3)", seed);
        checked(a.transpose(), seed, "transpose of U diag(5,3,3,tiny) V^T P=" + digits);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void zeroMatrixAndZeroColumns(int digits) {
        Precision p = Precision.of(digits);
        Svd z = checked(ApMatrix.zeros(3, 2, p), 0, "zero 3x2");
        for (Apfloat x : z.singularValues()) {
            assertEquals(0, x.signum(), "zero singular value");
        }
        checked(ApMatrix.zeros(2, 5, p), 0, "zero 2x5");
        ApMatrix withZeroColumn = ApMatrix.of(new double[][] {{1, 0, 2}, {3, 0, 4}, {5, 0, 6}, {7, 0, 8}}, p);
        Svd s = checked(withZeroColumn, 0, "4x3 with zero column");
        assertEquals(0, s.singularValue(2).signum(), "exactly zero singular value");
        checked(ApMatrix.of(new double[][] {{-4}}, p), 0, "1x1");
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void perturbedFactorIsCaught(int digits) {
        Precision p = Precision.of(digits);
        long seed = 999;
        ApMatrix a = LinalgChecks.gaussian(5, 4, seed, p);
        Svd s = checked(a, seed, "base");
        Apfloat err = p.pow10(-(digits / 2));
        ApMatrix badU = s.u().with(1, 2, p.helper().add(s.u().get(1, 2), err));
        Apfloat bound = p.helper().multiply(tol(p), a.frobeniusNorm());
        assertAbove(residual(a, badU, s.singularValues(), s.v()), bound, "||A - U S V^T|| with a 10^-(P/2) error", seed);
        assertAbove(orthogonalityDefect(badU), tol(p), "||U^T U - I|| with a 10^-(P/2) error", seed);
        Apfloat[] badSigma = s.singularValues();
        badSigma[3] = p.helper().add(badSigma[3], err);
        assertAbove(residual(a, s.u(), badSigma, s.v()), bound, "||A - U S V^T|| with a wrong sigma", seed);
    }
}
