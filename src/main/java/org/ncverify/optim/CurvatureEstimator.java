package org.ncverify.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The smallest curvature of a smooth f at x on the complement of its symmetry directions
 * ({@link SymmetryDirections}), by the Lanczos iteration on P H P, H = the Hessian of f at x,
 * P the orthogonal projector onto that complement (proofs-notes/optimizer-tolerances.md).
 *
 * <p><b>Hessian-vector products.</b> Central differences of the analytic gradient,
 * <pre>  H v ~ (g(x + h v) - g(x - h v)) / (2 h),  ||v|| = 1,  h = (3u)^(1/3) max(1, ||x||_inf),  </pre>
 * u = 2^-53: the truncation error is h^2/6 times a fourth derivative, the rounding error about
 * u ||g|| / h, both of order u^(2/3) ~ 4e-11 at unit scale. The error is measured, not assumed:
 * on the start vector the product is formed with h and with 2h, and {@code productError} is
 * the norm of their difference (the truncation term grows 4x and the rounding term halves, so the
 * difference is at least of the size of the larger of the two errors at h).
 *
 * <p><b>Lanczos.</b> From a seeded Gaussian start vector (projected, normalized), m steps of
 * q_{j+1} beta_j = P H q_j - alpha_j q_j - beta_{j-1} q_{j-1} with full reorthogonalization
 * (against every q and the symmetry basis, twice), stopped early when beta_j falls below
 * 1e-12 times the largest |alpha| (an invariant subspace). The smallest eigenvalue theta of the
 * tridiagonal T_m, with eigenvector s, gives the Ritz residual ||P H P y - theta y|| = beta_m |s_m|.
 */
public final class CurvatureEstimator {
    /** Default largest number of Lanczos steps. */
    public static final int DEFAULT_STEPS = 200;
    private static final double STEP_FACTOR = Math.cbrt(3 * 0x1p-53);

    private final DifferentiableFunction f;
    private final double[] x;
    private final SymmetryDirections symmetries;
    private final double h;
    private final double[] plus;
    private final double[] minus;
    private final double[] gp;
    private final double[] gm;

    private CurvatureEstimator(DifferentiableFunction f, double[] x, SymmetryDirections symmetries) {
        this.f = f;
        this.x = x.clone();
        this.symmetries = symmetries;
        double inf = 0;
        for (double v : x) {
            inf = Math.max(inf, Math.abs(v));
        }
        this.h = STEP_FACTOR * Math.max(1, inf);
        int n = f.dimension();
        this.plus = new double[n];
        this.minus = new double[n];
        this.gp = new double[n];
        this.gm = new double[n];
    }

    /**
     * The smallest curvature of the full objective at x on the complement of its symmetry
     * tangents, with at most {@code maxSteps} Lanczos steps from a start vector seeded by {@code seed}.
     */
    public static Curvature estimate(FullObjective f, double[] x, int maxSteps, long seed) {
        return new CurvatureEstimator(f, x, SymmetryDirections.at(f, x)).run(maxSteps, seed);
    }

    /** The smallest curvature of a function without symmetries (every direction counts). */
    public static Curvature estimate(DifferentiableFunction f, double[] x, int maxSteps, long seed) {
        return new CurvatureEstimator(f, x, null).run(maxSteps, seed);
    }

    private Curvature run(int maxSteps, long seed) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps = " + maxSteps + ": must be >= 1");
        }
        int n = f.dimension();
        int rank = symmetries == null ? 0 : symmetries.rank();
        int dimension = n - rank;
        if (dimension <= 0) {
            return new Curvature(Double.POSITIVE_INFINITY, 0, 0, 0, 0, rank, true);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = rnd.nextGaussian();
        }
        project(q);
        project(q);
        SymmetryDirections.scale(q, 1 / SymmetryDirections.norm(q));
        double productError = productError(q);
        int steps = Math.min(maxSteps, dimension);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] previous = null;
        int m = 0;
        double largest = 0;
        boolean invariant = false;
        while (m < steps) {
            basis.add(q);
            double[] w = product(q);
            project(w);
            alpha[m] = SymmetryDirections.dot(q, w);
            largest = Math.max(largest, Math.abs(alpha[m]));
            SymmetryDirections.axpy(-alpha[m], q, w);
            if (previous != null) {
                SymmetryDirections.axpy(-beta[m - 1], previous, w);
            }
            for (int pass = 0; pass < 2; pass++) {
                SymmetryDirections.project(basis, w);
                project(w);
            }
            beta[m] = SymmetryDirections.norm(w);
            m++;
            if (!(beta[m - 1] > 1e-12 * largest)) {
                invariant = true;
                break;
            }
            previous = q;
            q = w;
            SymmetryDirections.scale(q, 1 / beta[m - 1]);
        }
        return ritz(alpha, beta, m, productError, dimension, rank, invariant || m >= dimension);
    }

    /** The smallest eigenvalue of T_m and its residual beta_m |s_m|. */
    private static Curvature ritz(double[] alpha, double[] beta, int m, double productError, int dimension, int rank,
                                   boolean complete) {
        double[][] t = new double[m][m];
        for (int i = 0; i < m; i++) {
            t[i][i] = alpha[i];
            if (i + 1 < m) {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(alpha[i]) || !Double.isFinite(beta[i])) {
                return new Curvature(Double.NaN, Double.NaN, productError, m, dimension, rank, false);
            }
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(t, false));
        double[] values = e.getEigenvalues();
        int at = 0;
        for (int i = 1; i < m; i++) {
            at = values[i] < values[at] ? i : at;
        }
        double last = e.getEigenvector(at).getEntry(m - 1);
        double residual = complete ? 0 : Math.abs(beta[m - 1] * last);
        return new Curvature(values[at], residual, productError, m, dimension, rank, complete);
    }

    /** The error estimate ||Hv(2h) - Hv(h)|| on the unit vector v. */
    private double productError(double[] v) {
        double[] a = difference(v, h);
        double[] b = difference(v, 2 * h);
        SymmetryDirections.axpy(-1, a, b);
        return SymmetryDirections.norm(b);
    }

    /** H v by a central difference with step h (v a unit vector). */
    private double[] product(double[] v) {
        return difference(v, h);
    }

    private double[] difference(double[] v, double step) {
        for (int i = 0; i < x.length; i++) {
            plus[i] = x[i] + step * v[i];
            minus[i] = x[i] - step * v[i];
        }
        f.evaluate(plus, gp);
        f.evaluate(minus, gm);
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (gp[i] - gm[i]) / (2 * step);
        }
        return out;
    }

    private void project(double[] v) {
        if (symmetries != null) {
            symmetries.removeFrom(v);
        }
    }
}
