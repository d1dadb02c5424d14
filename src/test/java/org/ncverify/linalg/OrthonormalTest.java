package org.ncverify.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncverify.linalg.LinalgChecks.assertAbove;
import static org.ncverify.linalg.LinalgChecks.assertAtMost;
import static org.ncverify.linalg.LinalgChecks.orthogonalityDefect;
import static org.ncverify.linalg.LinalgChecks.tol;

import org.apfloat.Apfloat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrthonormalTest {
    private static final int[][] SHAPES = {{1, 1}, {2, 2}, {5, 3}, {5, 5}, {12, 5}, {12, 12}};

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void qrOfRandomMatrices(int digits) {
        Precision p = Precision.of(digits);
        long seed = 1000 + digits;
        for (int[] shape : SHAPES) {
            if (!LinalgChecks.affordable(p, shape[0])) {
                continue;
            }
            long s = seed + 31L * shape[0] + shape[1];
            ApMatrix a = LinalgChecks.gaussian(shape[0], shape[1], s, p);
            Orthonormal.Factorization f = Orthonormal.qr(a);
            ApMatrix q = f.q();
            ApMatrix r = f.r();
            String tag = shape[0] + "x" + shape[1] + " P=" + digits;
            assertEquals(shape[0], q.rows());
            assertEquals(shape[1], q.cols());
            assertAtMost(orthogonalityDefect(q), tol(p), "||Q^T Q - I|| " + tag, s);
            assertAtMost(q.multiply(r).subtract(a).frobeniusNorm(),
                p.helper().multiply(tol(p), a.frobeniusNorm()), "||QR - A|| " + tag, s);
            for (int i = 0; i < r.rows(); i++) {
                assertTrue(r.get(i, i).signum() > 0, "R diagonal positive " + tag + " seed " + s);
                for (int j = 0; j < i; j++) {
                    assertEquals(0, r.get(i, j).signum(), "R upper triangular " + tag + " seed " + s);
                }
            }
            ApMatrix qta = q.transpose().multiply(a);
            assertAtMost(qta.subtract(r).frobeniusNorm(), p.helper().multiply(tol(p), a.frobeniusNorm()),
                "||Q^T A - R|| " + tag, s);
            assertAtMost(Orthonormal.orthonormalize(a).subtract(q).frobeniusNorm(), Apfloat.ZERO,
                "orthonormalize == qr().q() " + tag, s);
        }
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void illConditionedColumnsStayOrthonormal(int digits) {
        Precision p = Precision.of(digits);
        long seed = 77;
        // columns a_2 = a_1 + 10^-(P/2) g: condition number ~ 10^(P/2), still full rank
        ApMatrix g = LinalgChecks.gaussian(5, 2, seed, p);
        Apfloat delta = p.pow10(-(digits / 2));
        Apfloat[] near = new Apfloat[5];
        for (int i = 0; i < 5; i++) {
            near[i] = p.helper().add(g.get(i, 0), p.helper().multiply(delta, g.get(i, 1)));
        }
        ApMatrix a = ApMatrix.fromColumns(new Apfloat[][] {g.column(0), near}, p);
        Orthonormal.Factorization f = Orthonormal.qr(a);
        assertAtMost(orthogonalityDefect(f.q()), tol(p), "||Q^T Q - I|| ill-conditioned", seed);
        assertAtMost(f.q().multiply(f.r()).subtract(a).frobeniusNorm(),
            p.helper().multiply(tol(p), a.frobeniusNorm()), "||QR - A|| ill-conditioned", seed);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void dependentColumnsAreRejected(int digits) {
        Precision p = Precision.of(digits);
        ApMatrix g = LinalgChecks.gaussian(4, 2, 5, p);
        Apfloat[] c0 = g.column(0);
        Apfloat[] c1 = g.column(1);
        Apfloat[] sum = new Apfloat[4];
        for (int i = 0; i < 4; i++) {
            sum[i] = p.helper().add(c0[i], p.helper().multiply(p.ofBinary(2.5), c1[i]));
        }
        ApMatrix dep = ApMatrix.fromColumns(new Apfloat[][] {c0, c1, sum}, p);
        assertThrows(ArithmeticException.class, () -> Orthonormal.orthonormalize(dep));
        ApMatrix zeroCol = ApMatrix.fromColumns(new Apfloat[][] {c0, new Apfloat[] {
            Apfloat.ZERO, Apfloat.ZERO, Apfloat.ZERO, Apfloat.ZERO}}, p);
        assertThrows(ArithmeticException.class, () -> Orthonormal.orthonormalize(zeroCol));
        assertThrows(IllegalArgumentException.class,
            () -> Orthonormal.orthonormalize(LinalgChecks.gaussian(2, 3, 5, p)));
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void completeBasisGivesOrthogonalMatrix(int digits) {
        Precision p = Precision.of(digits);
        int[][] cases = {{1, 0}, {1, 1}, {3, 0}, {5, 2}, {6, 5}, {6, 6}, {12, 4}};
        for (int[] c : cases) {
            if (!LinalgChecks.affordable(p, c[0])) {
                continue;
            }
            long seed = 4242 + 100L * c[0] + c[1];
            ApMatrix q = c[1] == 0 ? ApMatrix.zeros(c[0], 0, p) : Orthonormal.random(c[0], c[1], seed, p);
            ApMatrix full = Orthonormal.completeBasis(q);
            String tag = c[0] + "x" + c[1] + " P=" + digits;
            assertEquals(c[0], full.rows());
            assertEquals(c[0], full.cols());
            assertAtMost(orthogonalityDefect(full), tol(p), "||W^T W - I|| " + tag, seed);
            assertAtMost(full.multiply(full.transpose()).subtract(ApMatrix.identity(c[0], p)).frobeniusNorm(),
                tol(p), "||W W^T - I|| " + tag, seed);
            assertAtMost(full.block(0, c[0], 0, c[1]).subtract(q).frobeniusNorm(), Apfloat.ZERO,
                "first columns kept " + tag, seed);
        }
        // a basis aligned with e_1, e_2: the completion must pick the other axes
        ApMatrix axes = ApMatrix.identity(4, p).block(0, 4, 0, 2);
        assertAtMost(orthogonalityDefect(Orthonormal.completeBasis(axes)), tol(p), "axes completion", 0);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void randomIsSeededAndOrthonormal(int digits) {
        Precision p = Precision.of(digits);
        long seed = 99;
        ApMatrix a = Orthonormal.random(6, 4, seed, p);
        ApMatrix b = Orthonormal.random(6, 4, seed, p);
        ApMatrix c = Orthonormal.random(6, 4, seed + 1, p);
        assertAtMost(orthogonalityDefect(a), tol(p), "||Q^T Q - I|| random", seed);
        assertAtMost(a.subtract(b).frobeniusNorm(), Apfloat.ZERO, "same seed, same matrix", seed);
        assertAbove(a.subtract(c).frobeniusNorm(), tol(p), "different seeds, different matrices", seed);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {30, 60, 200})
    void perturbedBasisIsCaught(int digits) {
        Precision p = Precision.of(digits);
        long seed = 123;
        ApMatrix q = Orthonormal.random(5, 3, seed, p);
        ApMatrix bad = q.with(2, 1, p.helper().add(q.get(2, 1), p.pow10(-(digits / 2))));
        assertAtMost(orthogonalityDefect(q), tol(p), "||Q^T Q - I|| unperturbed", seed);
        assertAbove(orthogonalityDefect(bad), tol(p), "||Q^T Q - I|| with a 10^-(P/2) error", seed);
    }
}
