package org.ncverify.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * An orthonormal basis of the tangents of the symmetry orbit of a point of the
 * {@link FullObjective}. With factor 0 = H (d_0 x N) and factor l = W_l (d_l x d_{l-1}), each
 * junction j = 0..L-1 between factor j and factor j+1 carries the rotations F_j -&gt; Q F_j,
 * W_{j+1} -&gt; W_{j+1} Q^T (Q orthogonal, d_j x d_j), which leave the product W_L...W_1 H and
 * every penalty unchanged. Their tangents, for each skew A = E_ab - E_ba (a &lt; b), are
 * <pre>  (dW_{j+1}, dF_j) = (-W_{j+1} A, A F_j),  </pre>
 * zero in every other block; f is constant along the orbit, so at a stationary point the
 * Hessian vanishes on these directions and the curvature that bounds a distance to the
 * minimizer set lives on their orthogonal complement. The tangents are orthonormalized by
 * modified Gram-Schmidt, applied twice; a tangent whose remainder falls below
 * {@link #DEPENDENT} times its own norm (a dependent one, or one of a rank-deficient factor) is
 * dropped, as is an exact zero.
 */
final class SymmetryDirections {
    /** Relative remainder below which a tangent counts as dependent. */
    static final double DEPENDENT = 1e-9;

    private final List<double[]> basis;

    private SymmetryDirections(List<double[]> basis) {
        this.basis = basis;
    }

    /** The orthonormalized symmetry tangents of f at x (flat layout of f). */
    static SymmetryDirections at(FullObjective f, double[] x) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < f.layout().depth(); j++) {
            int dj = f.layout().dim(j);
            for (int a = 0; a < dj; a++) {
                for (int b = a + 1; b < dj; b++) {
                    double[] t = tangent(f, x, j, a, b);
                    double before = norm(t);
                    if (before == 0) {
                        continue;
                    }
                    project(out, t);
                    project(out, t);
                    double after = norm(t);
                    if (after > DEPENDENT * before) {
                        scale(t, 1 / after);
                        out.add(t);
                    }
                }
            }
        }
        return new SymmetryDirections(out);
    }

    /** The number of orthonormal directions. */
    int rank() {
        return basis.size();
    }

    /** v minus its projection on the span of the basis, in place. */
    void removeFrom(double[] v) {
        project(basis, v);
    }

    /** The tangent of junction j for A = E_ab - E_ba. */
    private static double[] tangent(FullObjective f, double[] x, int j, int a, int b) {
        double[] t = new double[f.size()];
        // dW_{j+1} = -W_{j+1} A: column b receives -W[:, a], column a receives +W[:, b]
        int rows = f.layout().dim(j + 1);
        int cols = f.layout().dim(j);
        int w = f.layout().offsetW(j + 1);
        for (int i = 0; i < rows; i++) {
            t[w + i * cols + b] = -x[w + i * cols + a];
            t[w + i * cols + a] = x[w + i * cols + b];
        }
        // dF_j = A F_j: row a receives F[b, :], row b receives -F[a, :]
        int off = j == 0 ? f.layout().offsetH() : f.layout().offsetW(j);
        int width = j == 0 ? f.layout().samples() : f.layout().dim(j - 1);
        for (int c = 0; c < width; c++) {
            t[off + a * width + c] = x[off + b * width + c];
            t[off + b * width + c] = -x[off + a * width + c];
        }
        return t;
    }

    /** v -= sum_q (q . v) q over an orthonormal list. */
    static void project(List<double[]> q, double[] v) {
        for (double[] u : q) {
            axpy(-dot(u, v), u, v);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += alpha x. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }
}
