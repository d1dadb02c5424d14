package org.ncverify.metrics;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.ncverify.instance.Instance;
import org.ncverify.model.Point;

/**
 * The classic neural-collapse metrics of a point, as defined in the literature (Papyan, Han and
 * Donoho 2020, "Prevalence of neural collapse during the terminal phase of deep learning
 * training"), computed in double precision from its features and its end-to-end classifier
 * W = W_L...W_1 (K x d). With mu_k the mean of class k, mu_G = (1/N) sum_i h_i the global mean
 * and mbar_k = mu_k - mu_G:
 * <pre>
 *   Sigma_W = (1/N) sum_i (h_i - mu_{y_i})(h_i - mu_{y_i})^T      Sigma_B = (1/K) sum_k mbar_k mbar_k^T
 *   nc1           = tr(Sigma_W Sigma_B^+) / K                     (NC1: within-class variability)
 *   equinorm      = std_k ||mbar_k|| / avg_k ||mbar_k||           (NC2: equal norms; std over K, not K-1)
 *   equiangular   = std_{k != k'} cos(mbar_k, mbar_k')            (NC2: equal angles)
 *   maxAngle      = avg_{k != k'} |cos(mbar_k, mbar_k') + 1/(K-1)| (NC2: the simplex-ETF angle)
 *   selfDuality   = || W^T / ||W||_F - Mbar / ||Mbar||_F ||_F^2    (NC3: classifier = means)
 * </pre>
 * Sigma_B^+ is the pseudo-inverse, eigenvalues below {@link #RANK_CUTOFF} times the largest
 * dropped. A metric that is undefined at the point (every mbar_k = 0, or W = 0, or a zero
 * mbar_k for the angles) is NaN: "not defined", rendered as null, never as a number. The balanced
 * simplex-ETF minimizer has every metric 0; under imbalance the closed-form minimizer does not, so
 * {@link #of} applied to it gives the values the theory predicts for the instance.
 *
 * @param nc1          tr(Sigma_W Sigma_B^+) / K
 * @param equinorm     coefficient of variation of the centred means' norms
 * @param equiangular  standard deviation of the pairwise cosines of the centred means
 * @param maxAngle     mean |cos + 1/(K-1)| over pairs
 * @param selfDuality  squared Frobenius distance of the normalised W^T and Mbar
 * @param rankSigmaB   rank of Sigma_B after the cutoff (the number of directions NC1 divides by)
 */
public record CollapseMetrics(double nc1, double equinorm, double equiangular, double maxAngle, double selfDuality,
                              int rankSigmaB) {
    /** Relative eigenvalue cutoff of the pseudo-inverse of Sigma_B. */
    public static final double RANK_CUTOFF = 1e-10;

    /** The metrics of {@code x}. */
    public static CollapseMetrics of(Point x) {
        Instance inst = x.instance();
        int k = inst.classes();
        int d = inst.dim();
        long n = inst.total();
        double[][] means = new double[k][d];
        double[][] sw = new double[d][d];
        for (int c = 0; c < k; c++) {
            double[][] blk = x.classBlock(c).toDoubleArray();
            int q = x.columns(c);
            for (int j = 0; j < q; j++) {
                for (int i = 0; i < d; i++) {
                    means[c][i] += blk[i][j] / q;
                }
            }
            double w = x.multiplicity(c) / (double) n;
            for (int j = 0; j < q; j++) {
                for (int a = 0; a < d; a++) {
                    double ea = blk[a][j] - means[c][a];
                    for (int b = 0; b < d; b++) {
                        sw[a][b] += w * ea * (blk[b][j] - means[c][b]);
                    }
                }
            }
        }
        double[] global = new double[d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                global[i] += inst.size(c) * means[c][i] / n;
            }
        }
        double[][] centred = new double[k][d];
        double[][] sb = new double[d][d];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                centred[c][i] = means[c][i] - global[i];
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    sb[a][b] += centred[c][a] * centred[c][b] / k;
                }
            }
        }
        double[] nc1 = nc1(sw, sb, k);
        return new CollapseMetrics(nc1[0], equinorm(centred), equiangular(centred, false), equiangular(centred, true),
            selfDuality(x.weightProduct(x.precision()).toDoubleArray(), centred), (int) nc1[1]);
    }

    /** {tr(Sigma_W Sigma_B^+) / K, rank}; NaN when Sigma_B = 0. */
    static double[] nc1(double[][] sw, double[][] sb, int k) {
        int d = sb.length;
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(sb, false));
        double[] ev = e.getEigenvalues();
        double max = 0;
        for (double v : ev) {
            max = Math.max(max, Math.abs(v));
        }
        if (!(max > 0)) {
            return new double[] {Double.NaN, 0};
        }
        double tr = 0;
        int rank = 0;
        for (int j = 0; j < d; j++) {
            if (ev[j] <= RANK_CUTOFF * max) {
                continue;
            }
            rank++;
            double[] u = e.getEigenvector(j).toArray();
            double q = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    q += u[a] * sw[a][b] * u[b];
                }
            }
            tr += q / ev[j];
        }
        return new double[] {tr / k, rank};
    }

    static double equinorm(double[][] centred) {
        int k = centred.length;
        double[] norms = new double[k];
        double mean = 0;
        for (int c = 0; c < k; c++) {
            norms[c] = norm(centred[c]);
            mean += norms[c] / k;
        }
        if (!(mean > 0)) {
            return Double.NaN;
        }
        double var = 0;
        for (double v : norms) {
            var += (v - mean) * (v - mean) / k;
        }
        return Math.sqrt(var) / mean;
    }

    /** std of the pairwise cosines, or (etf) the mean |cos + 1/(K-1)|; NaN when some centred mean is 0. */
    static double equiangular(double[][] centred, boolean etf) {
        int k = centred.length;
        int pairs = k * (k - 1) / 2;
        double[] cos = new double[pairs];
        int at = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double na = norm(centred[a]);
                double nb = norm(centred[b]);
                if (!(na > 0 && nb > 0)) {
                    return Double.NaN;
                }
                cos[at++] = dot(centred[a], centred[b]) / (na * nb);
            }
        }
        double mean = 0;
        double shift = 0;
        for (double c : cos) {
            mean += c / pairs;
            shift += Math.abs(c + 1.0 / (k - 1)) / pairs;
        }
        if (etf) {
            return shift;
        }
        double var = 0;
        for (double c : cos) {
            var += (c - mean) * (c - mean) / pairs;
        }
        return Math.sqrt(var);
    }

    /** || W^T/||W||_F - Mbar/||Mbar||_F ||_F^2 with W (K x d) and the centred means (K rows of d); NaN when either is 0. */
    static double selfDuality(double[][] w, double[][] centred) {
        double nw = 0;
        double nm = 0;
        for (int c = 0; c < w.length; c++) {
            nw += dot(w[c], w[c]);
            nm += dot(centred[c], centred[c]);
        }
        if (!(nw > 0 && nm > 0)) {
            return Double.NaN;
        }
        nw = Math.sqrt(nw);
        nm = Math.sqrt(nm);
        double s = 0;
        for (int c = 0; c < w.length; c++) {
            for (int i = 0; i < w[c].length; i++) {
                double diff = w[c][i] / nw - centred[c][i] / nm;
                s += diff * diff;
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
