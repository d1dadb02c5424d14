package org.ncverify.linalg;

import java.util.Arrays;
import java.util.Comparator;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * Thin singular value decomposition A = U diag(sigma) V^T of a real m x n matrix by
 * one-sided (Hestenes) Jacobi, at the matrix's working {@link Precision}.
 *
 * <p>Method: with W the tall one of A and A^T (m' x n', m' &gt;= n', k = n'), the
 * columns w_p, w_q of W are swept row-cyclically; for each pair,
 * alpha = ||w_p||^2, beta = ||w_q||^2, gamma = w_p . w_q are computed afresh and the
 * pair is rotated when gamma^2 &gt; (m' eps)^2 alpha beta (eps = 10^-(P+G)), i.e. when
 * the columns are not orthogonal to working precision relative to their own lengths
 * (m' eps bounds the rounding noise of a computed dot product of length m'). The
 * rotation zeta = (beta - alpha) / (2 gamma), t = sign(zeta) / (|zeta| + sqrt(1 +
 * zeta^2)), c = 1 / sqrt(1 + t^2), s = t c makes them exactly orthogonal:
 * (w_p, w_q) := (c w_p - s w_q, s w_p + c w_q), and the same rotation is accumulated in
 * V. Iteration stops after the first sweep that performs no rotation. Then
 * sigma_j = ||w_j||, u_j = w_j / sigma_j, sorted so that sigma is decreasing; for
 * exactly zero sigma_j the columns of U are completed by
 * {@link Orthonormal#completeBasis}.
 *
 * <p>Accuracy: because the stopping test is relative to each pair of columns, the
 * method is relatively accurate (Demmel-Veselic): ||A - U S V^T||_F,
 * ||U^T U - I||_F and ||V^T V - I||_F are O(S n^2 eps) (relative to ||A||_F for the
 * first), and an exactly rank-deficient A (rounded to working precision) yields its
 * zero singular values as O(n eps ||A||_F), not O(sqrt(eps) ||A||_F) as through the
 * eigenvalues of A^T A.
 *
 * <p>Immutable value: U (m x k), sigma (length k, decreasing, non-negative),
 * V (n x k) with k = min(m, n), and the number of sweeps used.
 */
public final class Svd {
    /** Sweeps after which the iteration is declared non-convergent. */
    public static final int MAX_SWEEPS = 100;

    private final ApMatrix u;
    private final Apfloat[] sigma;
    private final ApMatrix v;
    private final int sweeps;

    private Svd(ApMatrix u, Apfloat[] sigma, ApMatrix v, int sweeps) {
        this.u = u;
        this.sigma = sigma;
        this.v = v;
        this.sweeps = sweeps;
    }

    /**
     * Decomposes an m x n matrix (m, n &gt;= 1, any shape).
     *
     * @return U (m x min(m,n), orthonormal columns), sigma_1 &gt;= ... &gt;= sigma_k &gt;= 0,
     *     V (n x min(m,n), orthonormal columns) with A = U diag(sigma) V^T to
     *     O(S n^2 eps ||A||_F)
     * @throws IllegalArgumentException if A is empty
     * @throws ArithmeticException if {@link #MAX_SWEEPS} sweeps do not converge
     */
    public static Svd of(ApMatrix a) {
        if (a.rows() == 0 || a.cols() == 0) {
            throw new IllegalArgumentException("SVD of an empty " + a.rows() + "x" + a.cols() + " matrix");
        }
        if (a.rows() < a.cols()) {
            Svd t = tall(a.transpose());
            return new Svd(t.v, t.sigma, t.u, t.sweeps);
        }
        return tall(a);
    }

    /** One-sided Jacobi on a matrix with rows &gt;= cols. */
    private static Svd tall(ApMatrix a) {
        int m = a.rows();
        int n = a.cols();
        Precision p = a.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[][] w = new Apfloat[n][];
        Apfloat[][] v = new Apfloat[n][n];
        for (int j = 0; j < n; j++) {
            w[j] = a.column(j);
            Arrays.fill(v[j], Apfloat.ZERO);
            v[j][j] = p.of(1L);
        }
        // tol = m eps: the rounding noise of a computed dot product of length m, relative to
        // ||w_p|| ||w_q||; a smaller tolerance could keep rotating on noise forever.
        Apfloat tol = h.multiply(p.of((long) m), p.epsilon());
        Apfloat tol2 = h.multiply(tol, tol);
        int sweeps = 0;
        boolean rotated = true;
        while (rotated) {
            if (sweeps == MAX_SWEEPS) {
                throw new ArithmeticException("one-sided Jacobi SVD did not converge in " + MAX_SWEEPS
                    + " sweeps (" + m + "x" + n + ", " + p + ")");
            }
            sweeps++;
            rotated = false;
            for (int pi = 0; pi < n - 1; pi++) {
                for (int qi = pi + 1; qi < n; qi++) {
                    Apfloat gamma = ApMatrix.dot(w[pi], w[qi], p);
                    if (gamma.signum() == 0) {
                        continue;
                    }
                    Apfloat alpha = ApMatrix.dot(w[pi], w[pi], p);
                    Apfloat beta = ApMatrix.dot(w[qi], w[qi], p);
                    Apfloat lhs = h.multiply(gamma, gamma);
                    Apfloat rhs = h.multiply(tol2, h.multiply(alpha, beta));
                    if (lhs.compareTo(rhs) > 0) {
                        rotate(w, v, pi, qi, alpha, beta, gamma, h);
                        rotated = true;
                    }
                }
            }
        }
        Apfloat[] norms = new Apfloat[n];
        for (int j = 0; j < n; j++) {
            norms[j] = ApMatrix.norm(w[j], p);
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparing((Integer j) -> norms[j]).reversed());
        Apfloat[] sigma = new Apfloat[n];
        Apfloat[][] uCols = new Apfloat[n][];
        Apfloat[][] vCols = new Apfloat[n][];
        int rank = 0;
        for (int k = 0; k < n; k++) {
            int src = order[k];
            sigma[k] = norms[src];
            vCols[k] = v[src];
            if (sigma[k].signum() != 0) {
                rank++;
                Apfloat inv = h.divide(Apfloat.ONE, sigma[k]);
                Apfloat[] col = new Apfloat[m];
                for (int i = 0; i < m; i++) {
                    col[i] = h.multiply(w[src][i], inv);
                }
                uCols[k] = col;
            }
        }
        ApMatrix u;
        if (rank == n) {
            u = ApMatrix.fromColumns(uCols, p);
        } else {
            ApMatrix known = rank == 0 ? ApMatrix.zeros(m, 0, p)
                : ApMatrix.fromColumns(Arrays.copyOf(uCols, rank), p);
            u = Orthonormal.completeBasis(known).block(0, m, 0, n);
        }
        return new Svd(u, sigma, ApMatrix.fromColumns(vCols, p), sweeps);
    }

    /** Rotates columns p, q of w (and of V, stored by columns) to make them orthogonal. */
    private static void rotate(Apfloat[][] w, Apfloat[][] v, int p, int q, Apfloat alpha, Apfloat beta,
            Apfloat gamma, FixedPrecisionApfloatHelper h) {
        Apfloat zeta = h.divide(h.subtract(beta, alpha), h.add(gamma, gamma));
        Apfloat root = h.sqrt(h.add(h.multiply(zeta, zeta), Apfloat.ONE));
        Apfloat t = h.divide(Apfloat.ONE, h.add(h.abs(zeta), root));
        if (zeta.signum() < 0) {
            t = h.negate(t);
        }
        Apfloat c = h.inverseRoot(h.add(h.multiply(t, t), Apfloat.ONE), 2);
        Apfloat s = h.multiply(t, c);
        rotatePair(w[p], w[q], c, s, h);
        rotatePair(v[p], v[q], c, s, h);
    }

    /** (x, y) := (c x - s y, s x + c y) elementwise. */
    private static void rotatePair(Apfloat[] x, Apfloat[] y, Apfloat c, Apfloat s, FixedPrecisionApfloatHelper h) {
        for (int i = 0; i < x.length; i++) {
            Apfloat g = x[i];
            Apfloat k = y[i];
            x[i] = h.subtract(h.multiply(c, g), h.multiply(s, k));
            y[i] = h.add(h.multiply(s, g), h.multiply(c, k));
        }
    }

    /** U: m x min(m, n) with orthonormal columns (u_j = A v_j / sigma_j where sigma_j &gt; 0). */
    public ApMatrix u() {
        return u;
    }

    /** The singular values sigma_1 &gt;= ... &gt;= sigma_k &gt;= 0, k = min(m, n) (a copy). */
    public Apfloat[] singularValues() {
        return sigma.clone();
    }

    /** The singular value sigma_{i+1} (0-based, decreasing order). */
    public Apfloat singularValue(int i) {
        return sigma[i];
    }

    /** V: n x min(m, n) with orthonormal columns. */
    public ApMatrix v() {
        return v;
    }

    /** diag(sigma) as a k x k matrix. */
    public ApMatrix s() {
        return ApMatrix.diagonal(sigma, u.precision());
    }

    /** Number of Jacobi sweeps performed, including the final sweep without rotations. */
    public int sweeps() {
        return sweeps;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Svd " + u.rows() + "x" + v.rows() + " sweeps=" + sweeps + " sigma=[");
        for (int i = 0; i < sigma.length; i++) {
            s.append(i == 0 ? "" : ", ").append(Precision.format(sigma[i], 12));
        }
        return s.append(']').toString();
    }
}
