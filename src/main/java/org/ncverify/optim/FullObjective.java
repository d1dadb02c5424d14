package org.ncverify.optim;

import org.ncverify.instance.Instance;

/**
 * The objective of SPEC section 1 on ALL N feature columns, in double precision, with its
 * analytic gradient (the same back-propagation as {@code ../shared/anchors/scipy_ufm.py}):
 * <pre>
 *   f(W_1..W_L, H, b) = 1/(2N) ||W_L ... W_1 H + b 1_N^T - Y||_F^2
 *                       + sum_l lambda_{W_l}/2 ||W_l||_F^2 + lambda_H/2 ||H||_F^2
 *   A_0 = H, A_l = W_l A_{l-1};  R = A_L + b 1^T - Y;  G_L = R / N
 *   grad_{W_l} = G_l A_{l-1}^T + lambda_{W_l} W_l,  G_{l-1} = W_l^T G_l   (l = L..1)
 *   grad_H = G_0 + lambda_H H,  grad_b = G_L 1_N
 * </pre>
 *
 * <p>Variables in the flat layout of {@link FlatLayout} (shared with the polish): W_1..W_L
 * row-major, then H row-major (d x N, samples grouped by class), then b.
 *
 * <p>Not thread-safe: the activations and back-propagated buffers are allocated once per
 * instance of this class and reused by every evaluation (no allocation per iteration).
 */
public final class FullObjective implements DifferentiableFunction {
    private final FlatLayout layout;
    private final int depth;
    private final int classes;
    private final int samples;
    private final int[] dims;
    private final int[] offsetW;
    private final int offsetH;
    private final int offsetB;
    private final int size;
    private final double[] lambdaW;
    private final double lambdaH;
    private final int[] label;
    private final int[] classStart;
    /** A = P H, then R = A + b 1^T - Y, then G = R / N, in place (K x N). */
    private final double[] out;
    /** prefix[l] = W_l ... W_1 (d_l x d), prefix[0] = I_d; prefix[L] = P. */
    private final double[][] prefix;
    /** suffix[l] = W_L ... W_{l+1} (K x d_l), suffix[L] = I_K. */
    private final double[][] suffix;
    /** M = G H^T (K x d). */
    private final double[] m;
    /** T = suffix[l]^T M (d_l x d). */
    private final double[] t;

    private FullObjective(Instance inst) {
        layout = FlatLayout.of(inst);
        depth = layout.depth();
        classes = layout.classes();
        dims = new int[depth + 1];
        offsetW = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            dims[l] = layout.dim(l);
            offsetW[l] = l == 0 ? 0 : layout.offsetW(l);
        }
        samples = layout.samples();
        offsetH = layout.offsetH();
        offsetB = layout.offsetB();
        size = layout.size();
        lambdaW = new double[depth + 1];
        for (int l = 1; l <= depth; l++) {
            lambdaW[l] = inst.lambdaW(l).doubleValue();
        }
        lambdaH = inst.lambdaH().doubleValue();
        label = new int[samples];
        classStart = new int[classes + 1];
        int j = 0;
        for (int c = 0; c < classes; c++) {
            classStart[c] = j;
            for (long i = 0; i < inst.size(c); i++) {
                label[j++] = c;
            }
        }
        classStart[classes] = j;
        out = new double[classes * samples];
        prefix = new double[depth + 1][];
        suffix = new double[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            prefix[l] = new double[dims[l] * dims[0]];
            suffix[l] = new double[classes * dims[l]];
        }
        identity(prefix[0], dims[0]);
        identity(suffix[depth], classes);
        m = new double[classes * dims[0]];
        t = new double[maxDim() * dims[0]];
    }

    /** The objective of an instance (its {@link FlatLayout} must fit one array: n &lt; 2^31). */
    public static FullObjective of(Instance inst) {
        return new FullObjective(inst);
    }

    private int maxDim() {
        int m = 0;
        for (int d : dims) {
            m = Math.max(m, d);
        }
        return m;
    }

    /** The layout of the variables. */
    public FlatLayout layout() {
        return layout;
    }

    /** Number of variables: sum_l d_l d_{l-1} + d N + K. */
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return size;
    }

    /** The class of sample j (samples grouped by class). */
    public int label(int j) {
        return label[j];
    }

    /**
     * f(x), and its gradient written into {@code grad} (same layout, length {@link #size()}).
     */
    @Override
    public double evaluate(double[] x, double[] grad) {
        int n = samples;
        int d = dims[0];
        // prefix and suffix products of the weights (small: d_l x d and K x d_l)
        for (int l = 1; l <= depth; l++) {
            Kernels.multiply(x, offsetW[l], dims[l], dims[l - 1], prefix[l - 1], 0, prefix[l], d);
        }
        for (int l = depth - 1; l >= 0; l--) {
            Kernels.multiply(suffix[l + 1], 0, classes, dims[l + 1], x, offsetW[l + 1], suffix[l], dims[l]);
        }
        // A = P H (K x N), then R = A + b 1^T - Y and G = R / N in place
        Kernels.multiply(prefix[depth], 0, classes, d, x, offsetH, out, n);
        double dataSum = 0;
        double invN = 1.0 / n;
        for (int i = 0; i < classes; i++) {
            double bi = x[offsetB + i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[row + j] += bi;
            }
            // the one-hot targets of class i: a contiguous run of samples
            for (int j = classStart[i], end = classStart[i + 1]; j < end; j++) {
                out[row + j] -= 1.0;
            }
            double rowSum = 0;
            double sq = 0;
            for (int j = 0; j < n; j++) {
                double v = out[row + j];
                sq += v * v;
                v *= invN;
                out[row + j] = v;
                rowSum += v;
            }
            dataSum += sq;
            grad[offsetB + i] = rowSum;
        }
        // grad_H = P^T G + lambda_H H;  M = G H^T
        Kernels.multiplyTransposeLeft(prefix[depth], 0, classes, d, out, grad, offsetH, n);
        Kernels.multiplyTransposeRight(out, classes, x, offsetH, d, n, m, 0);
        double hsq = 0;
        for (int e = offsetH, end = offsetH + d * n; e < end; e++) {
            double v = x[e];
            hsq += v * v;
            grad[e] += lambdaH * v;
        }
        double penalty = 0.5 * lambdaH * hsq;
        // grad_{W_l} = suffix[l]^T M prefix[l-1]^T + lambda_{W_l} W_l
        for (int l = 1; l <= depth; l++) {
            int rows = dims[l];
            int cols = dims[l - 1];
            Kernels.multiplyTransposeLeft(suffix[l], 0, classes, rows, m, t, 0, d);
            Kernels.multiplyTransposeRight(t, rows, prefix[l - 1], 0, cols, d, grad, offsetW[l]);
            double lw = lambdaW[l];
            double wsq = 0;
            for (int e = offsetW[l], end = offsetW[l] + rows * cols; e < end; e++) {
                double v = x[e];
                wsq += v * v;
                grad[e] += lw * v;
            }
            penalty += 0.5 * lw * wsq;
        }
        return 0.5 * invN * dataSum + penalty;
    }

    private static void identity(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1.0;
        }
    }

    /**
     * A bound on |fl(f(x)) - f(x)|, the rounding error of {@link #evaluate} in double
     * precision (unit roundoff u = 2^-53, gamma_m = m u / (1 - m u), Higham, Accuracy and
     * Stability, sections 3.1-3.5): with e = |W_L| ... |W_1| |H| + |b| 1^T + Y the magnitude of
     * the terms that cancel in R, each computed residual is r + delta with
     * |delta| &lt;= gamma_a e, a = sum_l d_{l-1} + 2, and a sum of m non-negative terms carries
     * a relative error gamma_m; so
     * <pre>
     *   |fl(f) - f| &lt;= 1/(2N) (2 gamma_a sum |r| e + gamma_a^2 sum e^2 + gamma_{N+K} sum r^2)
     *                 + gamma_{n+2} penalty + u |f|.
     * </pre>
     * Computed in double from the computed r (first order in u). Allocates its own buffers.
     */
    public double valueErrorBound(double[] x) {
        int n = samples;
        double[] cur = new double[dims[0] * n];
        for (int e = 0; e < cur.length; e++) {
            cur[e] = Math.abs(x[offsetH + e]);
        }
        double[] absW = new double[offsetH];
        for (int e = 0; e < offsetH; e++) {
            absW[e] = Math.abs(x[e]);
        }
        int a = 2;
        for (int l = 1; l <= depth; l++) {
            double[] nxt = new double[dims[l] * n];
            Kernels.multiply(absW, offsetW[l], dims[l], dims[l - 1], cur, 0, nxt, n);
            cur = nxt;
            a += dims[l - 1];
        }
        double[] grad = new double[size];
        double f = evaluate(x, grad);
        double crossSum = 0;
        double magSum = 0;
        double sqSum = 0;
        for (int i = 0; i < classes; i++) {
            double bi = x[offsetB + i];
            for (int j = 0; j < n; j++) {
                double y = label[j] == i ? 1.0 : 0.0;
                double r = out[i * n + j] * n;
                double e = cur[i * n + j] + Math.abs(bi) + y;
                crossSum += Math.abs(r) * e;
                magSum += e * e;
                sqSum += r * r;
            }
        }
        double penalty = f - 0.5 * sqSum / n;
        double ga = gamma(a);
        double bound = (2 * ga * crossSum + ga * ga * magSum + gamma((long) n + classes) * sqSum) / (2.0 * n)
            + gamma((long) size + 2) * Math.abs(penalty) + UNIT_ROUNDOFF * Math.abs(f);
        return bound * (1 + 1e-6);
    }

    /** u = 2^-53. */
    static final double UNIT_ROUNDOFF = 0x1p-53;

    private static double gamma(long m) {
        double mu = m * UNIT_ROUNDOFF;
        return mu / (1 - mu);
    }

    /** f(x) (uses the gradient buffers of this object; allocates a scratch gradient). */
    public double value(double[] x) {
        return evaluate(x, new double[size]);
    }
}
