package org.ncverify.runs;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.ncverify.optim.FlatLayout;
import org.ncverify.optim.FullObjective;
import org.ncverify.optim.LbfgsResult;
import org.ncverify.theory.ClosedForm;

/**
 * Classifies the end point of a run (see {@link StartClass}) by value AND geometry, in this
 * order (proofs-notes/optimizer.md):
 * <ol>
 * <li>g = (f - f*) / f*; g &lt; -1e-10: BELOW_OPTIMUM;</li>
 * <li>the run stopped on its budget or on a non-finite value: NOT_CONVERGED;</li>
 * <li>the direction count of W_L...W_1 X ({@link DirectionRule}) is ambiguous at the run's
 *     accuracy: UNRESOLVED;</li>
 * <li>|g| &lt; 1e-10 and the count k is admissible (one of the theory's global minimizers' counts):
 *     GLOBAL;</li>
 * <li>L &gt;= 2, max_l ||W_l||_F &lt;= 1e-4 and ||H||_F / sqrt(N) &lt;= 1e-4: ORIGIN;</li>
 * <li>k below the admissible counts: PARTIAL; above: EXCESS;</li>
 * <li>else OTHER_STATIONARY.</li>
 * </ol>
 * A PARTIAL, EXCESS or ORIGIN run with |g| &lt; 1e-10 is a near-degenerate local minimum
 * ({@link RunSummary#nearDegenerateLocalMinimum()}): a distinct minimizer whose value is within
 * the value test of f*.
 */
public final class RunClassifier {
    /** The relative gap below which a run has reached the global value. */
    public static final double GLOBAL_GAP = 1e-10;
    /** Factor norms below which a run sits at the origin. */
    public static final double ORIGIN_NORM = 1e-4;
    /** Unit roundoff of double. */
    private static final double U = 0x1p-53;

    private final FullObjective objective;
    private final FlatLayout layout;
    private final double fStar;
    private final DirectionRule rule;
    private final long[] sizes;

    private RunClassifier(FullObjective objective, long[] sizes, double fStar, DirectionRule rule) {
        this.objective = objective;
        this.layout = objective.layout();
        this.sizes = sizes.clone();
        this.fStar = fStar;
        this.rule = rule;
    }

    /** The classifier of the closed form's instance against its f* and its direction counts. */
    public static RunClassifier of(ClosedForm reference) {
        return new RunClassifier(FullObjective.of(reference.instance()), reference.instance().sizes(),
            reference.objective().doubleValue(), DirectionRule.of(reference));
    }

    /** The rule that counts directions. */
    public DirectionRule rule() {
        return rule;
    }

    /** (f - f*) / f* (f - f* when f* = 0). */
    public double relativeGap(double f) {
        return fStar == 0 ? f : (f - fStar) / fStar;
    }

    /** The class of a run ending at x with value f, direction count {@code count}, after stopping for {@code stop}. */
    public StartClass classify(double[] x, double f, LbfgsResult.Stop stop, DirectionCount count) {
        double gap = relativeGap(f);
        if (gap < -GLOBAL_GAP) {
            return StartClass.BELOW_OPTIMUM;
        }
        if (!Double.isFinite(f) || stop != LbfgsResult.Stop.GRADIENT && stop != LbfgsResult.Stop.LINE_SEARCH) {
            return StartClass.NOT_CONVERGED;
        }
        if (count.ambiguous()) {
            return StartClass.UNRESOLVED;
        }
        if (Math.abs(gap) < GLOBAL_GAP && count.matches()) {
            return StartClass.GLOBAL;
        }
        if (layout.depth() >= 2 && atOrigin(x)) {
            return StartClass.ORIGIN;
        }
        int k = count.observed();
        if (k < count.admissible().min()) {
            return StartClass.PARTIAL;
        }
        return k > count.admissible().max() ? StartClass.EXCESS : StartClass.OTHER_STATIONARY;
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

    /** The direction count of W_L...W_1 X at x, a point with gradient norm g. */
    public DirectionCount count(double[] x, double gradientNorm) {
        double[] sv = productSingularValues(x);
        return rule.count(sv, gradientNorm, roundingFloor(x));
    }

    /**
     * gamma_m prod_l ||W_l||_F ||X||_F with m = N + sum_l d_{l-1} + K (gamma_m = m u / (1 - m u)): a
     * bound on the rounding of the computed P (the class sums, the chain of products, the SVD) in
     * the spectral norm, so on its computed singular values.
     */
    double roundingFloor(double[] x) {
        double prod = xNorm(x);
        int m = layout.samples() + layout.classes();
        for (int l = 1; l <= layout.depth(); l++) {
            int off = layout.offsetW(l);
            prod *= norm(x, off, off + layout.dim(l) * layout.dim(l - 1));
            m += layout.dim(l - 1);
        }
        return m * U / (1 - m * U) * prod;
    }

    private double xNorm(double[] x) {
        double[][] c = centredMeans(x);
        double s = 0;
        for (double[] row : c) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** X = (M - h_G 1^T) diag(sqrt n) from the run's features, in double (d x K). */
    private double[][] centredMeans(double[] x) {
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
        return p;
    }

    /** Singular values of P = W_L...W_1 X, X = (M - h_G 1^T) diag(sqrt n), in double, decreasing. */
    double[] productSingularValues(double[] x) {
        int kc = layout.classes();
        double[][] p = centredMeans(x);
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
