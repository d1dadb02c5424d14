package org.ncverify.model;

import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.linalg.ApMatrix;

/**
 * The gradient of f (SPEC section 1) at a {@link Point}, as computed by {@link Objective}.
 *
 * <p>With P = W_L ... W_1, the residual of sample i of class k is
 * r_i = P h_i + b - e_k, and
 * <ul>
 *   <li>grad_{W_l} f = (1/N) sum_i g_{l,i} a_{l-1,i}^T + lambda_{W_l} W_l, where
 *       a_{0,i} = h_i, a_{l,i} = W_l a_{l-1,i} (forward) and g_{L,i} = r_i,
 *       g_{l-1,i} = W_l^T g_{l,i} (backward);</li>
 *   <li>grad_{h_i} f = (1/N) P^T r_i + lambda_H h_i, for ONE sample i (stored per class
 *       block: column j of {@link #gradientFeatures(int)} is the gradient with respect to
 *       one of the w_k identical samples that column j of the point's block stands for; the
 *       derivative with respect to the shared column, moving all w_k samples at once, is
 *       w_k times it);</li>
 *   <li>grad_b f = (1/N) sum_i r_i.</li>
 * </ul>
 *
 * <p>Immutable; the bias array is copied out.
 */
public final class Gradient {
    private final List<ApMatrix> weights;
    private final List<ApMatrix> features;
    private final long[] multiplicities;
    private final Apfloat[] bias;
    private final Apfloat norm;
    private final Apfloat dataNorm;
    private final Apfloat penaltyNorm;
    private final Apfloat roundingMagnitude;
    private final Apfloat scale;

    Gradient(List<ApMatrix> weights, List<ApMatrix> features, long[] multiplicities, Apfloat[] bias,
             Apfloat norm, Apfloat dataNorm, Apfloat penaltyNorm, Apfloat roundingMagnitude, Apfloat scale) {
        this.weights = List.copyOf(weights);
        this.features = List.copyOf(features);
        this.multiplicities = multiplicities.clone();
        this.bias = bias.clone();
        this.norm = norm;
        this.dataNorm = dataNorm;
        this.penaltyNorm = penaltyNorm;
        this.roundingMagnitude = roundingMagnitude;
        this.scale = scale;
    }

    /** grad_{W_l} f (d_l x d_{l-1}), l = 1..L (1-based). */
    public ApMatrix gradientW(int l) {
        if (l < 1 || l > weights.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + weights.size());
        }
        return weights.get(l - 1);
    }

    /** Depth L. */
    public int depth() {
        return weights.size();
    }

    /**
     * d x q_k: column j is grad_{h_i} f for one sample i among the w_k identical samples
     * stored as column j of the point's block of class k (0-based k).
     */
    public ApMatrix gradientFeatures(int k) {
        return features.get(k);
    }

    /** w_k, the number of samples each column of {@link #gradientFeatures(int)} stands for. */
    public long multiplicity(int k) {
        return multiplicities[k];
    }

    /** grad_b f = (1/N) sum_i r_i (K entries, copy). */
    public Apfloat[] gradientBias() {
        return bias.clone();
    }

    /**
     * The Euclidean norm of the gradient over all variables and ALL N sample columns:
     * sqrt( sum_l ||grad_{W_l}||_F^2 + sum_k w_k ||gradientFeatures(k)||_F^2 + ||grad_b||^2 ).
     */
    public Apfloat norm() {
        return norm;
    }

    /**
     * The magnitude against which cancellation in the gradient is judged:
     * <pre>
     *   scale = ||data part|| + ||penalty part|| + (1/N) sum_i m_i (1 + T_0 + sum_l T_l ||a_{l-1,i}||)
     * </pre>
     * where the data part is the gradient of the 1/(2N)||.||^2 term (all W_l, all N sample
     * columns, b), the penalty part is (lambda_{W_l} W_l, lambda_H h_i, 0), and the last term
     * ({@link #roundingMagnitude()}) bounds how far rounding of the residuals
     * r_i = W_L...W_1 h_i + b - e_k reaches: the terms that cancel in r_i have magnitude
     * m_i = ||W_L...W_1 h_i|| + ||b|| + 1 even when r_i is tiny (small weight decays), and
     * T_l = ||W_L...W_{l+1}||_F carries them to grad_{W_l}. It is positive at every point.
     *
     * <p>At working precision eps the computed gradient carries an absolute error of order
     * eps * scale (times a modest factor growing with the dimensions and depth), so
     * {@code norm() / scale()} is the relative stationarity residual, meaningful down to
     * about eps.
     *
     * <p>The bound covers the arithmetic only: the point's own entries are taken as exact;
     * a point whose entries were rounded (b = n/N stored at working precision) has an exact
     * gradient of order eps * ||b|| from that rounding, which the m_i term also covers.
     */
    public Apfloat scale() {
        return scale;
    }

    /** ||data part of the gradient|| (see {@link #scale()}). */
    public Apfloat dataNorm() {
        return dataNorm;
    }

    /** ||penalty part of the gradient|| = sqrt(sum_l lambda_{W_l}^2 ||W_l||^2 + lambda_H^2 ||H||^2). */
    public Apfloat penaltyNorm() {
        return penaltyNorm;
    }

    /**
     * (1/N) sum_i m_i (1 + T_0 + sum_l T_l ||a_{l-1,i}||): the magnitude reached by rounding
     * errors of the residuals, m_i = ||W_L...W_1 h_i|| + ||b|| + 1 (the terms that cancel in
     * r_i = W_L...W_1 h_i + b - e_k), T_l = ||W_L...W_{l+1}||_F.
     */
    public Apfloat roundingMagnitude() {
        return roundingMagnitude;
    }

    @Override
    public String toString() {
        return "Gradient[norm=" + org.ncverify.linalg.Precision.format(norm, 12)
            + ", scale=" + org.ncverify.linalg.Precision.format(scale, 12) + "]";
    }
}
