package org.ncverify.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * Orthonormal bases at a working {@link Precision}: thin QR factorisation by modified
 * Gram-Schmidt with one full reorthogonalisation pass ("twice is enough", Kahan-Parlett),
 * completion of an orthonormal set to an orthogonal matrix, and seeded random
 * orthonormal matrices.
 *
 * <p>Accuracy: with unit roundoff eps = 10^-(P+G), two Gram-Schmidt passes give
 * ||Q^T Q - I||_F = O(k eps) independently of the condition number of A (as long as A
 * is numerically of full column rank), and ||Q R - A||_F = O(k eps ||A||_F).
 *
 * <p>Stateless utility class.
 */
public final class Orthonormal {
    /**
     * Kahan's reorthogonalisation factor: when the second Gram-Schmidt pass shrinks a
     * vector below this fraction of its length after the first pass, the vector lay in
     * the span of the previous ones up to rounding and is declared dependent.
     */
    private static final double KAHAN_ALPHA = 0.5;

    private Orthonormal() {
    }

    /**
     * A thin QR factorisation A = Q R: Q is m x k with orthonormal columns, R is k x k
     * upper triangular with positive diagonal.
     *
     * @param q the orthonormal factor (m x k)
     * @param r the triangular factor (k x k)
     */
    public record Factorization(ApMatrix q, ApMatrix r) {
    }

    /**
     * Thin QR factorisation of an m x k matrix A (k &lt;= m) by modified Gram-Schmidt with
     * one reorthogonalisation pass. Column j of Q is
     * q_j = (a_j - sum_{i&lt;j} r_ij q_i) / r_jj, where the coefficients r_ij are the sums
     * of the projections of both passes and r_jj &gt; 0 is the norm of the twice-projected
     * residual.
     *
     * @param a an m x k matrix of full column rank, k &lt;= m
     * @return Q (m x k, Q^T Q = I up to O(k eps)) and R (k x k upper triangular,
     *     positive diagonal) with Q R = A up to O(k eps ||A||_F)
     * @throws IllegalArgumentException if k &gt; m
     * @throws ArithmeticException if a column is numerically dependent on the previous
     *     ones (its residual after the second pass is zero or shrank below half its
     *     length after the first pass)
     */
    public static Factorization qr(ApMatrix a) {
        int m = a.rows();
        int k = a.cols();
        if (k > m) {
            throw new IllegalArgumentException("cannot orthonormalise " + k + " columns of length " + m);
        }
        Precision p = a.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        List<Apfloat[]> q = new ArrayList<>(k);
        Apfloat[][] r = new Apfloat[k][k];
        for (Apfloat[] row : r) {
            java.util.Arrays.fill(row, Apfloat.ZERO);
        }
        for (int j = 0; j < k; j++) {
            Apfloat[] v = a.column(j);
            Apfloat[] coeff = new Apfloat[j];
            java.util.Arrays.fill(coeff, Apfloat.ZERO);
            Apfloat len = twoPasses(v, q, coeff, p);
            for (int i = 0; i < j; i++) {
                r[i][j] = coeff[i];
            }
            r[j][j] = len;
            Apfloat inv = h.divide(Apfloat.ONE, len);
            for (int i = 0; i < m; i++) {
                v[i] = h.multiply(v[i], inv);
            }
            q.add(v);
        }
        ApMatrix qm = k == 0 ? ApMatrix.zeros(m, 0, p) : ApMatrix.fromColumns(q.toArray(new Apfloat[0][]), p);
        return new Factorization(qm, ApMatrix.of(r, p));
    }

    /**
     * The orthonormal factor Q of the thin QR factorisation A = Q R (see {@link #qr}):
     * an m x k matrix with orthonormal columns spanning the column space of A, such that
     * Q^T A is upper triangular with positive diagonal.
     *
     * @param a an m x k matrix of full column rank, k &lt;= m
     * @return Q, m x k with Q^T Q = I up to O(k eps)
     * @throws ArithmeticException if a column of A is numerically dependent
     */
    public static ApMatrix orthonormalize(ApMatrix a) {
        return qr(a).q();
    }

    /**
     * Completes an orthonormal set to an orthogonal matrix. Given Q (m x k) with
     * orthonormal columns, returns an m x m matrix [Q | W] with W^T W = I and Q^T W = 0
     * (up to O(m eps)). The added columns are standard basis vectors e_i projected twice
     * onto the orthogonal complement of the columns found so far and normalised; at each
     * step the e_i with the largest residual norm sqrt(1 - sum_j Q_ij^2) is chosen (that
     * norm is at least sqrt((m - c)/m) when c columns are present, so the choice is
     * always well conditioned).
     *
     * @param q an m x k matrix with orthonormal columns, k &lt;= m
     * @return the m x m orthogonal matrix whose first k columns equal q
     */
    public static ApMatrix completeBasis(ApMatrix q) {
        int m = q.rows();
        int k = q.cols();
        if (k > m) {
            throw new IllegalArgumentException(k + " orthonormal columns of length " + m);
        }
        Precision p = q.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        List<Apfloat[]> basis = new ArrayList<>(m);
        for (int j = 0; j < k; j++) {
            basis.add(q.column(j));
        }
        // rowWeight[i] = sum_j Q_ij^2 over the columns present: ||P e_i||^2 onto their span
        Apfloat[] rowWeight = new Apfloat[m];
        for (int i = 0; i < m; i++) {
            rowWeight[i] = ApMatrix.dot(q.row(i), q.row(i), p);
        }
        boolean[] used = new boolean[m];
        while (basis.size() < m) {
            int best = -1;
            for (int i = 0; i < m; i++) {
                if (!used[i] && (best < 0 || rowWeight[i].compareTo(rowWeight[best]) < 0)) {
                    best = i;
                }
            }
            used[best] = true;
            Apfloat[] v = new Apfloat[m];
            java.util.Arrays.fill(v, Apfloat.ZERO);
            v[best] = p.of(1L);
            Apfloat len = twoPasses(v, basis, new Apfloat[basis.size()], p);
            Apfloat inv = h.divide(Apfloat.ONE, len);
            for (int i = 0; i < m; i++) {
                v[i] = h.multiply(v[i], inv);
                rowWeight[i] = h.add(rowWeight[i], h.multiply(v[i], v[i]));
            }
            basis.add(v);
        }
        return ApMatrix.fromColumns(basis.toArray(new Apfloat[0][]), p);
    }

    /**
     * A seeded random m x k matrix with orthonormal columns: the Q factor of an m x k
     * matrix of independent standard Gaussians drawn row by row from
     * {@code new java.util.Random(seed).nextGaussian()}. Deterministic for a given seed.
     *
     * @param m rows
     * @param k columns, 0 &lt;= k &lt;= m
     * @param seed the seed of java.util.Random
     * @param precision the working precision of the result
     * @return an m x k matrix with Q^T Q = I up to O(k eps)
     */
    public static ApMatrix random(int m, int k, long seed, Precision precision) {
        if (k > m || k < 0) {
            throw new IllegalArgumentException("cannot make " + k + " orthonormal columns of length " + m);
        }
        Random rnd = new Random(seed);
        double[][] g = new double[m][k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                g[i][j] = rnd.nextGaussian();
            }
        }
        return orthonormalize(ApMatrix.of(g, precision));
    }

    /**
     * Projects v (in place) twice onto the orthogonal complement of the orthonormal
     * vectors in {@code basis} by modified Gram-Schmidt, accumulating the projection
     * coefficients into {@code coeff} (if its entries are non-null) and returning the
     * norm of the final residual.
     *
     * @throws ArithmeticException when the residual vanishes or the second pass shrinks
     *     it below {@link #KAHAN_ALPHA} times its length after the first pass
     */
    private static Apfloat twoPasses(Apfloat[] v, List<Apfloat[]> basis, Apfloat[] coeff, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat before = ApMatrix.norm(v, p);
        Apfloat afterFirst = before;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < basis.size(); i++) {
                Apfloat[] b = basis.get(i);
                Apfloat c = ApMatrix.dot(b, v, p);
                if (c.signum() == 0) {
                    continue;
                }
                for (int t = 0; t < v.length; t++) {
                    if (b[t].signum() != 0) {
                        v[t] = h.subtract(v[t], h.multiply(c, b[t]));
                    }
                }
                if (coeff[i] != null) {
                    coeff[i] = h.add(coeff[i], c);
                }
            }
            if (pass == 0) {
                afterFirst = ApMatrix.norm(v, p);
            }
        }
        Apfloat len = ApMatrix.norm(v, p);
        if (before.signum() == 0 || len.signum() == 0
                || len.compareTo(h.multiply(afterFirst, p.ofBinary(KAHAN_ALPHA))) < 0) {
            throw new ArithmeticException("column is numerically dependent on the previous "
                + basis.size() + " columns (residual " + Precision.format(len, 6) + " of "
                + Precision.format(before, 6) + ")");
        }
        return len;
    }
}
