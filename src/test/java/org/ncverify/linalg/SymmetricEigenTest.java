package org.ncverify.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ncverify.linalg.LinalgChecks.assertAbove;
import static org.ncverify.linalg.LinalgChecks.assertAtMost;
import static org.ncverify.linalg.LinalgChecks.assertDecreasing;
import static org.ncverify.linalg.LinalgChecks.orthogonalityDefect;
import static org.ncverify.linalg.LinalgChecks.tol;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymmetricEigenTest {

    /** ||A V - V Lambda||_F. */
    private static Apfloat residual(ApMatrix a, ApMatrix v, Apfloat[] lambda) {
        return a.multiply(v).subtract(v.scaleColumns(lambda)).frobeniusNorm();
    }

    /** Asserts residual and orthogonality of an eigendecomposition; returns it. */
    private static SymmetricEigen checked(ApMatrix a, long seed, String tag) {
        Precision p = a.precision();
        SymmetricEigen e = SymmetricEigen.of(a);
        assertEquals(a.rows(), e.size());
        Apfloat bound = p.helper().multiply(tol(p), a.frobeniusNorm());
        assertAtMost(residual(a, e.vectors(), e.eigenvalues()), bound, "||AV - V Lambda|| " + tag, seed);
        assertAtMost(orthogonalityDefect(e.vectors()), tol(p), "||V^T V - I|| " + tag, seed);
        assertDecreasing(e.eigenvalues(), "eigenvalues " + tag, seed);
        return e;
    }

    /** Asserts the computed eigenvalues equal the expected (decreasing) ones to tol ||A||. */
    private static void assertEigenvalues(SymmetricEigen e, double[] expected, ApMatrix a, long seed, String tag) {
        Precision p = a.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat bound = h.multiply(tol(p), a.frobeniusNorm());
        for (int i = 0; i < expected.length; i++) {
            assertAtMost(h.abs(h.subtract(e.eigenvalue(i), p.ofBinary(expected[i]))), bound,
                "|lambda_" + i + " - " + expected[i] + "| " + tag, seed);
        }
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void randomSymmetricMatrices(int digits) {
        Precision p = Precision.of(digits);
        for (int n : new int[] {1, 2, 5, 12}) {
            if (!LinalgChecks.affordable(p, n)) {
                continue;
            }
            long seed = 2024L * n + digits;
            ApMatrix g = LinalgChecks.gaussian(n, n, seed, p);
            ApMatrix a = g.add(g.transpose());
            SymmetricEigen e = checked(a, seed, n + "x" + n + " P=" + digits);
            // trace is preserved
            Apfloat trace = Apfloat.ZERO;
            Apfloat sum = Apfloat.ZERO;
            for (int i = 0; i < n; i++) {
                trace = p.helper().add(trace, a.get(i, i));
                sum = p.helper().add(sum, e.eigenvalue(i));
            }
            assertAtMost(p.helper().abs(p.helper().subtract(trace, sum)),
                p.helper().multiply(tol(p), a.frobeniusNorm()), "trace - sum lambda", seed);
        }
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void threeFoldTie(int digits) {
        Precision p = Precision.of(digits);
        long seed = 31337;
        double[] spectrum = {3, 3, 3, 1, 0};
        ApMatrix a = LinalgChecks.withSpectrum(spectrum, seed, p);
        String tag = "Q diag(3,3,3,1,0) Q^T P=" + digits;
        assertEigenvalues(checked(a, seed, tag), spectrum, a, seed, tag);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void fourFoldTie(int digits) {
        Precision p = Precision.of(digits);
        long seed = 8675309;
        ApMatrix a = LinalgChecks.withSpectrum(new double[] {2, -1, 2, 5, 2, 2}, seed, p);
        String tag = "Q diag(2,-1,2,5,2,2) Q^T P=" + digits;
        assertEigenvalues(checked(a, seed, tag), new double[] {5, 2, 2, 2, 2, -1}, a, seed, tag);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void zeroIdentityAndOneByOne(int digits) {
        Precision p = Precision.of(digits);
        SymmetricEigen zero = checked(ApMatrix.zeros(4, 4, p), 0, "zero 4x4");
        for (Apfloat l : zero.eigenvalues()) {
            assertEquals(0, l.signum(), "zero matrix eigenvalue");
        }
        assertEquals(1, zero.sweeps(), "zero matrix needs no rotation");
        SymmetricEigen id = checked(ApMatrix.identity(3, p), 0, "identity 3x3");
        assertEquals(1, id.sweeps());
        ApMatrix one = ApMatrix.of(new double[][] {{-2.5}}, p);
        SymmetricEigen e1 = checked(one, 0, "1x1");
        assertEquals(0, e1.eigenvalue(0).compareTo(p.ofBinary(-2.5)));
        assertEquals(0, p.helper().abs(e1.vectors().get(0, 0)).compareTo(p.of(1L)), "1x1 eigenvector is +-1");
        ApMatrix diag = ApMatrix.of(new double[][] {{1, 0, 0}, {0, 7, 0}, {0, 0, -3}}, p);
        SymmetricEigen d = checked(diag, 0, "diagonal");
        assertEigenvalues(d, new double[] {7, 1, -3}, diag, 0, "diagonal");
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void perturbedEigenvectorIsCaught(int digits) {
        Precision p = Precision.of(digits);
        long seed = 555;
        ApMatrix g = LinalgChecks.gaussian(5, 5, seed, p);
        ApMatrix a = g.add(g.transpose());
        SymmetricEigen e = checked(a, seed, "base");
        ApMatrix v = e.vectors();
        ApMatrix bad = v.with(3, 2, p.helper().add(v.get(3, 2), p.pow10(-(digits / 2))));
        Apfloat bound = p.helper().multiply(tol(p), a.frobeniusNorm());
        assertAbove(residual(a, bad, e.eigenvalues()), bound, "||AV - V Lambda|| with a 10^-(P/2) error", seed);
        Apfloat[] lambda = e.eigenvalues();
        lambda[0] = p.helper().add(lambda[0], p.pow10(-(digits / 2)));
        assertAbove(residual(a, v, lambda), bound, "||AV - V Lambda|| with a wrong eigenvalue", seed);
    }

    @Test
    void nonSymmetricOrNonSquareIsRejected() {
        Precision p = Precision.of(30);
        assertThrows(IllegalArgumentException.class,
            () -> SymmetricEigen.of(ApMatrix.of(new double[][] {{1, 2}, {3, 4}}, p)));
        assertThrows(IllegalArgumentException.class,
            () -> SymmetricEigen.of(ApMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 5}}, p)));
    }
}
