package org.ncverify.linalg;

import java.util.Arrays;
import java.util.Comparator;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * Eigendecomposition A = V diag(lambda) V^T of a real symmetric n x n matrix by the
 * cyclic Jacobi method with a threshold, at the matrix's working {@link Precision}.
 *
 * <p>Method: the working copy B (initially A) is swept row-cyclically over the pairs
 * p &lt; q; a pair is rotated only when |b_pq| &gt; tau with tau = eps ||A||_F
 * (eps = 10^-(P+G)). The rotation J(p, q, theta) annihilating b_pq has
 * theta = (b_qq - b_pp) / (2 b_pq), t = sign(theta) / (|theta| + sqrt(theta^2 + 1)),
 * c = 1 / sqrt(1 + t^2), s = t c; then b_pp -= t b_pq, b_qq += t b_pq, b_pq = 0 and for
 * r != p, q: (b_rp, b_rq) := (c b_rp - s b_rq, s b_rp + c b_rq); the columns of V are
 * rotated the same way. The rotation is computed once per pair (two divisions, two
 * square roots) and applied with multiplications only. Iteration stops after the first
 * sweep that performs no rotation, i.e. when every off-diagonal |b_pq| &lt;= tau.
 * Convergence is ultimately quadratic, also for repeated eigenvalues.
 *
 * <p>Accuracy: each rotation is orthogonal to O(eps), so after S sweeps
 * ||A V - V Lambda||_F and ||V^T V - I||_F are O(S n^2 eps) relative to ||A||_F and
 * 1, and every eigenvalue is within O(S n^2 eps ||A||_F) of an exact one.
 *
 * <p>Input symmetry: A must be symmetric up to 10^-P ||A||_F entrywise (e.g. a product
 * Q D Q^T rounded at the working precision); the decomposition is that of the
 * symmetric part (A + A^T)/2.
 *
 * <p>Immutable value: eigenvalues sorted decreasingly, the matching orthonormal
 * eigenvectors as the columns of V, and the number of sweeps used.
 */
public final class SymmetricEigen {
    /** Sweeps after which the iteration is declared non-convergent. */
    public static final int MAX_SWEEPS = 100;

    private final Apfloat[] eigenvalues;
    private final ApMatrix vectors;
    private final int sweeps;

    private SymmetricEigen(Apfloat[] eigenvalues, ApMatrix vectors, int sweeps) {
        this.eigenvalues = eigenvalues;
        this.vectors = vectors;
        this.sweeps = sweeps;
    }

    /**
     * Decomposes a symmetric matrix.
     *
     * @param a a symmetric n x n matrix (n &gt;= 1), at the precision used for the
     *     computation
     * @return lambda_1 &gt;= ... &gt;= lambda_n and orthogonal V with A V = V diag(lambda)
     *     to O(S n^2 eps ||A||_F)
     * @throws IllegalArgumentException if A is not square or not symmetric to 10^-P
     *     ||A||_F
     * @throws ArithmeticException if {@link #MAX_SWEEPS} sweeps do not converge
     */
    public static SymmetricEigen of(ApMatrix a) {
        int n = a.rows();
        if (n != a.cols() || n == 0) {
            throw new IllegalArgumentException("eigendecomposition needs a non-empty square matrix, got "
                + a.rows() + "x" + a.cols());
        }
        Precision p = a.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat norm = a.frobeniusNorm();
        Apfloat asymTol = h.multiply(p.target(), norm);
        Apfloat half = p.ofBinary(0.5);
        Apfloat[][] b = new Apfloat[n][n];
        for (int i = 0; i < n; i++) {
            b[i][i] = a.get(i, i);
            for (int j = 0; j < i; j++) {
                Apfloat x = a.get(i, j);
                Apfloat y = a.get(j, i);
                if (h.abs(h.subtract(x, y)).compareTo(asymTol) > 0) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + "): "
                        + Precision.format(x, 12) + " vs " + Precision.format(y, 12));
                }
                Apfloat s = h.multiply(half, h.add(x, y));
                b[i][j] = s;
                b[j][i] = s;
            }
        }
        Apfloat[][] v = new Apfloat[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(v[i], Apfloat.ZERO);
            v[i][i] = p.of(1L);
        }
        Apfloat tau = h.multiply(p.epsilon(), norm);
        int sweeps = 0;
        boolean rotated = true;
        while (rotated) {
            if (sweeps == MAX_SWEEPS) {
                throw new ArithmeticException("Jacobi eigenvalue iteration did not converge in "
                    + MAX_SWEEPS + " sweeps (n = " + n + ", " + p + ")");
            }
            sweeps++;
            rotated = false;
            for (int pi = 0; pi < n - 1; pi++) {
                for (int qi = pi + 1; qi < n; qi++) {
                    if (ApfloatMath.abs(b[pi][qi]).compareTo(tau) > 0) {
                        rotate(b, v, pi, qi, h);
                        rotated = true;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> b[i][i]).reversed());
        Apfloat[] lambda = new Apfloat[n];
        Apfloat[][] cols = new Apfloat[n][n];
        for (int k = 0; k < n; k++) {
            int src = order[k];
            lambda[k] = b[src][src];
            for (int i = 0; i < n; i++) {
                cols[k][i] = v[i][src];
            }
        }
        return new SymmetricEigen(lambda, ApMatrix.fromColumns(cols, p), sweeps);
    }

    /** One Jacobi rotation in the (p, q) plane annihilating b[p][q] (which is non-zero). */
    private static void rotate(Apfloat[][] b, Apfloat[][] v, int p, int q, FixedPrecisionApfloatHelper h) {
        int n = b.length;
        Apfloat apq = b[p][q];
        Apfloat theta = h.divide(h.subtract(b[q][q], b[p][p]), h.add(apq, apq));
        Apfloat root = h.sqrt(h.add(h.multiply(theta, theta), Apfloat.ONE));
        Apfloat t = h.divide(Apfloat.ONE, h.add(h.abs(theta), root));
        if (theta.signum() < 0) {
            t = h.negate(t);
        }
        Apfloat c = h.inverseRoot(h.add(h.multiply(t, t), Apfloat.ONE), 2);
        Apfloat s = h.multiply(t, c);
        Apfloat tApq = h.multiply(t, apq);
        b[p][p] = h.subtract(b[p][p], tApq);
        b[q][q] = h.add(b[q][q], tApq);
        b[p][q] = Apfloat.ZERO;
        b[q][p] = Apfloat.ZERO;
        for (int r = 0; r < n; r++) {
            if (r != p && r != q) {
                Apfloat g = b[r][p];
                Apfloat k = b[r][q];
                Apfloat np = h.subtract(h.multiply(c, g), h.multiply(s, k));
                Apfloat nq = h.add(h.multiply(s, g), h.multiply(c, k));
                b[r][p] = np;
                b[p][r] = np;
                b[r][q] = nq;
                b[q][r] = nq;
            }
            Apfloat g = v[r][p];
            Apfloat k = v[r][q];
            v[r][p] = h.subtract(h.multiply(c, g), h.multiply(s, k));
            v[r][q] = h.add(h.multiply(s, g), h.multiply(c, k));
        }
    }

    /** The eigenvalues lambda_1 &gt;= lambda_2 &gt;= ... &gt;= lambda_n (a copy). */
    public Apfloat[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The eigenvalue lambda_{i+1} (0-based index i, decreasing order). */
    public Apfloat eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** The n x n orthogonal matrix V whose column i is an eigenvector for eigenvalue(i). */
    public ApMatrix vectors() {
        return vectors;
    }

    /** diag(lambda) as an n x n matrix. */
    public ApMatrix lambda() {
        return ApMatrix.diagonal(eigenvalues, vectors.precision());
    }

    /** Number of Jacobi sweeps performed, including the final sweep without rotations. */
    public int sweeps() {
        return sweeps;
    }

    /** Dimension n. */
    public int size() {
        return eigenvalues.length;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SymmetricEigen n=" + eigenvalues.length + " sweeps=" + sweeps + " lambda=[");
        for (int i = 0; i < eigenvalues.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Precision.format(eigenvalues[i], 12));
        }
        return s.append(']').toString();
    }
}
