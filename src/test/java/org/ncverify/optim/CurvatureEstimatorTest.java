package org.ncverify.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apfloat.Aprational;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.support.Instances;

/**
 * The curvature estimator: the smallest Ritz value of Lanczos on P H P against a quadratic
 * whose spectrum is known, and against the dense Hessian of the full objective restricted to
 * the complement of the symmetry tangents (small instance, eigenvalues by Hipparchus).
 */
class CurvatureEstimatorTest {
    /** f = x^T A x / 2 with A = Q diag(lambda) Q^T, lambda_i = 10^(-2 + 3 i / (n - 1)), Q seeded. */
    private static DifferentiableFunction quadratic(int n, double smallest, long seed) {
        double[][] q = randomOrthogonal(n, seed);
        double[][] a = new double[n][n];
        for (int k = 0; k < n; k++) {
            double lambda = smallest * Math.pow(1000, (double) k / (n - 1));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += lambda * q[i][k] * q[j][k];
                }
            }
        }
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] grad) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += a[i][j] * x[j];
                    }
                    grad[i] = s;
                    f += 0.5 * x[i] * s;
                }
                return f;
            }
        };
    }

    private static double[][] randomOrthogonal(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = rnd.nextGaussian();
            }
        }
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(m).add(new Array2DRowRealMatrix(m).transpose()))
            .getV().getData();
    }

    @Test
    void exhaustiveLanczosFindsTheSmallestEigenvalueOfAQuadratic() {
        for (double smallest : new double[] {1e-2, 1e-6}) {
            DifferentiableFunction f = quadratic(40, smallest, 7);
            Curvature c = CurvatureEstimator.estimate(f, new double[40], 200, 11);
            assertTrue(c.complete(), c::toString);
            assertEquals(smallest, c.smallestRitzValue(), 1e-9, c::toString);
            assertTrue(c.productError() < 1e-9, c::toString);
            assertTrue(c.lowerBound() <= smallest + 1e-12, c::toString);
        }
    }

    @Test
    void aShortRunReportsAResidualThatCoversItsGap() {
        DifferentiableFunction f = quadratic(60, 1e-2, 3);
        Curvature c = CurvatureEstimator.estimate(f, new double[60], 12, 5);
        assertEquals(12, c.steps());
        assertTrue(c.smallestRitzValue() >= 1e-2 - 1e-12, c::toString);
        // Kahan: some eigenvalue lies within the residual of theta; here only lambda_min can
        assertTrue(c.residual() > 0, c::toString);
    }

    /** Imbalanced (10, 5, 3, 2), d = 3, L = 2, lambda 1e-2: a small full objective and its minimizer. */
    private static final Instance SMALL = Instance.of(new long[] {4, 3, 2}, 3, null, 2,
        new Aprational[] {Instances.dec("1e-2")}, Instances.dec("1e-2"));

    @Test
    void agreesWithTheDenseHessianOnTheComplementOfTheSymmetries() {
        FullObjective f = FullObjective.of(SMALL);
        double[] x0 = new double[f.size()];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < x0.length; i++) {
            x0[i] = rnd.nextGaussian();
        }
        double[] x = new Lbfgs(LbfgsOptions.defaults(20000)).minimize(f, x0).point();
        int n = f.size();
        double[][] dense = new double[n][];
        double step = 1e-4;
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            dense[j] = centralDifference(f, x, e, step);
        }
        RealMatrix hess = new Array2DRowRealMatrix(dense).add(new Array2DRowRealMatrix(dense).transpose()).scalarMultiply(0.5);
        SymmetryDirections sym = SymmetryDirections.at(f, x);
        // 3 + 3 rotations of the two junctions (d_0 = d_1 = 3), all independent at this minimizer
        assertEquals(6, sym.rank());
        // the projector onto the complement and its range (eigenvalue 1)
        double[][] p = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            sym.removeFrom(e);
            p[j] = e;
        }
        EigenDecompositionSymmetric pe = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(p));
        int m = n - sym.rank();
        double[][] basis = new double[n][m];
        int col = 0;
        for (int k = 0; k < n; k++) {
            if (pe.getEigenvalues()[k] > 0.5) {
                for (int i = 0; i < n; i++) {
                    basis[i][col] = pe.getEigenvector(k).getEntry(i);
                }
                col++;
            }
        }
        assertEquals(m, col);
        RealMatrix c = new Array2DRowRealMatrix(basis);
        double[] ev = new EigenDecompositionSymmetric(c.transpose().multiply(hess).multiply(c)).getEigenvalues();
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : ev) {
            smallest = Math.min(smallest, v);
        }
        Curvature est = CurvatureEstimator.estimate(f, x, 400, 1);
        assertEquals(sym.rank(), est.symmetryRank());
        assertTrue(est.complete(), est::toString);
        assertTrue(smallest > 1e-3, "a strict minimizer off the symmetries: " + smallest);
        assertEquals(smallest, est.smallestRitzValue(), 1e-6 + est.productError(), est::toString);
        // the tangents are null directions of the Hessian at a minimizer
        for (int k = 0; k < n; k++) {
            if (pe.getEigenvalues()[k] < 0.5) {
                double[] t = pe.getEigenvector(k).toArray();
                double[] ht = hess.operate(t);
                double norm = 0;
                for (double v : ht) {
                    norm += v * v;
                }
                assertTrue(Math.sqrt(norm) < 1e-6, "H t = " + Math.sqrt(norm));
            }
        }
    }

    private static double[] centralDifference(FullObjective f, double[] x, double[] v, double step) {
        int n = x.length;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] ga = new double[n];
        double[] gb = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i] + step * v[i];
            b[i] = x[i] - step * v[i];
        }
        f.evaluate(a, ga);
        f.evaluate(b, gb);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (ga[i] - gb[i]) / (2 * step);
        }
        return out;
    }
}
