package org.ncverify.optim;

/**
 * Dense double kernels on row-major matrices stored in flat arrays with offsets, written
 * for the shapes of the full objective: a small weight matrix (at most a few hundred rows and
 * columns) times a wide d x N activation matrix. Every inner loop runs over the N samples,
 * contiguous in memory; four rows are combined per pass to cut loads and stores of the
 * output row, and dot products use four independent accumulators. No allocation.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * out (rows x n) = W (rows x cols, at w[wOff..]) times A (cols x n, at a[aOff..]).
     */
    static void multiply(double[] w, int wOff, int rows, int cols, double[] a, int aOff, double[] out, int n) {
        for (int i = 0; i < rows; i++) {
            int o = i * n;
            int wr = wOff + i * cols;
            java.util.Arrays.fill(out, o, o + n, 0.0);
            int k = 0;
            for (; k + 3 < cols; k += 4) {
                combine4(out, o, w[wr + k], w[wr + k + 1], w[wr + k + 2], w[wr + k + 3],
                    a, aOff + k * n, aOff + (k + 1) * n, aOff + (k + 2) * n, aOff + (k + 3) * n, n);
            }
            for (; k < cols; k++) {
                axpy(out, o, w[wr + k], a, aOff + k * n, n);
            }
        }
    }

    /**
     * out (cols x n, at out[outOff..]) = W^T G, with W rows x cols at w[wOff..] and G rows x n.
     */
    static void multiplyTransposeLeft(double[] w, int wOff, int rows, int cols, double[] g, double[] out, int outOff,
                                      int n) {
        for (int k = 0; k < cols; k++) {
            int o = outOff + k * n;
            java.util.Arrays.fill(out, o, o + n, 0.0);
            int i = 0;
            for (; i + 3 < rows; i += 4) {
                combine4(out, o, w[wOff + i * cols + k], w[wOff + (i + 1) * cols + k], w[wOff + (i + 2) * cols + k],
                    w[wOff + (i + 3) * cols + k], g, i * n, (i + 1) * n, (i + 2) * n, (i + 3) * n, n);
            }
            for (; i < rows; i++) {
                axpy(out, o, w[wOff + i * cols + k], g, i * n, n);
            }
        }
    }

    /**
     * out[outOff + i cols + k] = sum_j G[i, j] A[k, j]: G (rows x n) times A^T, A cols x n at a[aOff..].
     */
    static void multiplyTransposeRight(double[] g, int rows, double[] a, int aOff, int cols, int n, double[] out,
                                       int outOff) {
        for (int i = 0; i < rows; i++) {
            int gr = i * n;
            int k = 0;
            for (; k + 1 < cols; k += 2) {
                dot2(g, gr, a, aOff + k * n, aOff + (k + 1) * n, n, out, outOff + i * cols + k);
            }
            for (; k < cols; k++) {
                out[outOff + i * cols + k] = dot(g, gr, a, aOff + k * n, n);
            }
        }
    }

    private static void combine4(double[] out, int o, double c0, double c1, double c2, double c3, double[] a,
                                 int a0, int a1, int a2, int a3, int n) {
        for (int j = 0; j < n; j++) {
            out[o + j] += c0 * a[a0 + j] + c1 * a[a1 + j] + c2 * a[a2 + j] + c3 * a[a3 + j];
        }
    }

    private static void axpy(double[] out, int o, double c, double[] a, int a0, int n) {
        for (int j = 0; j < n; j++) {
            out[o + j] += c * a[a0 + j];
        }
    }

    /** sum_j x[xo + j] y[yo + j], four independent accumulators. */
    static double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[xo + j] * y[yo + j];
            s1 += x[xo + j + 1] * y[yo + j + 1];
            s2 += x[xo + j + 2] * y[yo + j + 2];
            s3 += x[xo + j + 3] * y[yo + j + 3];
        }
        for (; j < n; j++) {
            s0 += x[xo + j] * y[yo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Two dot products sharing x: out[at] = x.y0, out[at + 1] = x.y1. */
    private static void dot2(double[] x, int xo, double[] y, int y0, int y1, int n, double[] out, int at) {
        double s0 = 0;
        double s1 = 0;
        double t0 = 0;
        double t1 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            double x0 = x[xo + j];
            double x1 = x[xo + j + 1];
            s0 += x0 * y[y0 + j];
            s1 += x1 * y[y0 + j + 1];
            t0 += x0 * y[y1 + j];
            t1 += x1 * y[y1 + j + 1];
        }
        for (; j < n; j++) {
            s0 += x[xo + j] * y[y0 + j];
            t0 += x[xo + j] * y[y1 + j];
        }
        out[at] = s0 + s1;
        out[at + 1] = t0 + t1;
    }
}
