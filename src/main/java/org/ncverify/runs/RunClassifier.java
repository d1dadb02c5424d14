package org.ncverify.runs;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.ncverify.optim.FlatLayout;
import org.ncverify.optim.FullObjective;
import org.ncverify.optim.LbfgsResult;

/**
 * Classifies the end point of a run (see {@link StartClass}), in this order:
 * <ol>
 * <li>g = (f - f*) / f*; g &lt; -1e-10: BELOW_OPTIMUM; |g| &lt; 1e-10: GLOBAL;</li>
 * <li>the run stopped on its budget or on a non-finite value: NOT_CONVERGED;</li>
 * <li>L &gt;= 2, max_l ||W_l||_F &lt;= 1e-4 and ||H||_F / sqrt(N) &lt;= 1e-4: ORIGIN;</li>
 * <li>k = number of singular values of P = W_L...W_1 X (X = Mbar D from the run's class means)
 *     above 1e-6 max(1, s_1) is below the theory's surviving directions: PARTIAL (k directions);
 *     above it: EXCESS;</li>
 * <li>else OTHER_STATIONARY.</li>
 * </ol>
 */
public final class RunClassifier {
    /** The relative gap below which a run has reached the global value. */
    public static final double GLOBAL_GAP = 1e-10;
    /** Factor norms below which a run sits at the origin. */
    public static final double ORIGIN_NORM = 1e-4;
    /** Singular values of P above this times max(1, s_1) count as surviving. */
    public static final double SIGNIFICANT = 1e-6;

    private final FullObjective objective;
    private final FlatLayout layout;
    private final double fStar;
    private final double topSingularValue;
    private final int survivingDirections;
    private final long[] sizes;

    /**
     * @param fStar               the theory's optimal value (C3)
     * @param topSingularValue    s_1 of Yhat
     * @param survivingDirections the theory's number of p*(s_i) &gt; 0
     */
    public RunClassifier(FullObjective objective, long[] sizes, double fStar, double topSingularValue,
                         int survivingDirections) {
        this.objective = objective;
        this.layout = objective.layout();
        this.sizes = sizes.clone();
        this.fStar = fStar;
        this.topSingularValue = topSingularValue;
        this.survivingDirections = survivingDirections;
    }

    /** (f - f*) / f* (f - f* when f* = 0). */
    public double relativeGap(double f) {
        return fStar == 0 ? f : (f - fStar) / fStar;
    }

    /** The class of a run ending at x with value f after stopping for {@code stop}. */
    public StartClass classify(double[] x, double f, LbfgsResult.Stop stop) {
        double gap = relativeGap(f);
        if (gap < -GLOBAL_GAP) {
            return StartClass.BELOW_OPTIMUM;
        }
        if (Math.abs(gap) < GLOBAL_GAP) {
            return StartClass.GLOBAL;
        }
        if (stop != LbfgsResult.Stop.GRADIENT && stop != LbfgsResult.Stop.LINE_SEARCH) {
            return StartClass.NOT_CONVERGED;
        }
        if (layout.depth() >= 2 && atOrigin(x)) {
            return StartClass.ORIGIN;
        }
        int k = directions(x);
        if (k < survivingDirections) {
            return StartClass.PARTIAL;
        }
        return k > survivingDirections ? StartClass.EXCESS : StartClass.OTHER_STATIONARY;
    }

    private boolean atOrigin(double[] x) {
        for (int l = 1; l <= layout.depth(); l++) {
            int off = layout.offsetW(l);
            if (norm(x, off, off + layout.dim(l) * layout.dim(l - 1)) > ORIGIN_NORM) {
                return false;
            }
        }
        int h = layout.offsetH();
        return norm(x, h, h + layout.dim(0) * layout.samples()) / Math.sqrt(layout.samples()) <= ORIGIN_NORM;
    }

    /** The number of singular values of W_L...W_1 X above 1e-6 max(1, s_1). */
    public int directions(double[] x) {
        double[] sv = productSingularValues(x);
        double tau = SIGNIFICANT * Math.max(1, topSingularValue);
        int k = 0;
        for (double s : sv) {
            if (s > tau) {
                k++;
            }
        }
        return k;
    }

    /** Singular values of P = W_L...W_1 X, X = (M - h_G 1^T) diag(sqrt n), in double. */
    double[] productSingularValues(double[] x) {
        int kc = layout.classes();
        int d = layout.dim(0);
        int n = layout.samples();
        int h = layout.offsetH();
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        double[][] mean = new double[d][kc];
        double[] global = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < n; j++) {
                mean[i][objective.label(j)] += x[h + i * n + j];
            }
            for (int c = 0; c < kc; c++) {
                global[i] += mean[i][c] / total;
                mean[i][c] /= sizes[c];
            }
        }
        double[][] p = new double[d][kc];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < kc; c++) {
                p[i][c] = (mean[i][c] - global[i]) * Math.sqrt(sizes[c]);
            }
        }
        for (int l = 1; l <= layout.depth(); l++) {
            int rows = layout.dim(l);
            int cols = layout.dim(l - 1);
            int off = layout.offsetW(l);
            double[][] next = new double[rows][kc];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < cols; k++) {
                    double w = x[off + i * cols + k];
                    for (int c = 0; c < kc; c++) {
                        next[i][c] += w * p[k][c];
                    }
                }
            }
            p = next;
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(p, false)).getSingularValues();
    }

    private static double norm(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s);
    }
}
