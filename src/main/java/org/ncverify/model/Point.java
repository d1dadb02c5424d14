package org.ncverify.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/**
 * A point (W_1, ..., W_L, H, b) of the L-extended unconstrained feature model of SPEC
 * section 1, for one {@link Instance}.
 *
 * <ul>
 *   <li>W_l is d_l x d_{l-1} for l = 1..L (d_0 = d, d_L = K);</li>
 *   <li>b is a vector of K entries;</li>
 *   <li>H is d x N with samples grouped by class (class 0 first). It is stored per class as
 *       a column block: class k owns a d x q_k matrix B_k of columns, each of which stands for
 *       w_k identical samples, with q_k w_k = n_k. Column j of B_k stands for the samples
 *       j w_k, ..., (j+1) w_k - 1 of class k (0-based, counted inside the class). So
 *       H = [B_0 (x) 1_{w_0}^T, ..., B_{K-1} (x) 1_{w_{K-1}}^T] in the Kronecker sense, and N
 *       columns are never materialised when q_k = 1 (class-mean storage, N up to 10^12).</li>
 * </ul>
 *
 * <p>Immutable: the matrices are immutable, the bias array is copied in and out. Every
 * factory checks every shape against the instance and throws {@link IllegalArgumentException}
 * naming the wrong piece, e.g. "W_2 is 3x4, expected 5x4".
 */
public final class Point {
    /** Largest N accepted by {@link #ofFeatures}: a d x N matrix of Apfloats beyond this is not sane. */
    public static final long MAX_FEATURE_COLUMNS = 10_000_000L;

    private final Instance instance;
    private final List<ApMatrix> weights;
    private final List<ApMatrix> blocks;
    private final long[] multiplicities;
    private final Apfloat[] bias;

    private Point(Instance instance, List<ApMatrix> weights, List<ApMatrix> blocks, long[] multiplicities,
                  Apfloat[] bias) {
        this.instance = instance;
        this.weights = weights;
        this.blocks = blocks;
        this.multiplicities = multiplicities;
        this.bias = bias;
    }

    /**
     * The general validating factory.
     *
     * @param inst           the instance
     * @param weights        W_1..W_L (W_l is d_l x d_{l-1})
     * @param blocks         for each class k a d x q_k matrix B_k of distinct feature columns
     * @param multiplicities w_k >= 1 for each class, with q_k w_k = n_k
     * @param bias           b, K entries
     */
    public static Point of(Instance inst, List<ApMatrix> weights, List<ApMatrix> blocks, long[] multiplicities,
                           Apfloat[] bias) {
        if (inst == null) {
            throw new IllegalArgumentException("instance is null");
        }
        List<ApMatrix> w = checkWeights(inst, weights);
        int k = inst.classes();
        int d = inst.dim();
        if (blocks == null || blocks.size() != k) {
            throw new IllegalArgumentException("H has " + (blocks == null ? 0 : blocks.size())
                + " class block(s), expected " + k);
        }
        if (multiplicities == null || multiplicities.length != k) {
            throw new IllegalArgumentException("H has " + (multiplicities == null ? 0 : multiplicities.length)
                + " multiplicities, expected " + k);
        }
        for (int c = 0; c < k; c++) {
            ApMatrix blk = blocks.get(c);
            if (blk == null) {
                throw new IllegalArgumentException("H block of class " + c + " is null");
            }
            if (blk.rows() != d || blk.cols() < 1) {
                throw new IllegalArgumentException("H block of class " + c + " is " + blk.rows() + "x" + blk.cols()
                    + ", expected " + d + "xq with q >= 1");
            }
            long m = multiplicities[c];
            if (m < 1 || inst.size(c) % m != 0 || inst.size(c) / m != blk.cols()) {
                throw new IllegalArgumentException("H block of class " + c + " has " + blk.cols()
                    + " column(s) of multiplicity " + m + ", but n_" + c + " = " + inst.size(c)
                    + " (need q_k * w_k = n_k)");
            }
        }
        Apfloat[] b = checkBias(inst, bias);
        return new Point(inst, w, Collections.unmodifiableList(new ArrayList<>(blocks)), multiplicities.clone(), b);
    }

    /**
     * The point whose every sample of class k has feature column m_k (column k of
     * {@code means}, d x K): q_k = 1 and w_k = n_k. This is how the closed-form minimizer is
     * stored; N is never materialised.
     */
    public static Point ofClassMeans(Instance inst, List<ApMatrix> weights, ApMatrix means, Apfloat[] bias) {
        if (inst == null) {
            throw new IllegalArgumentException("instance is null");
        }
        int k = inst.classes();
        int d = inst.dim();
        if (means == null) {
            throw new IllegalArgumentException("M (class means) is null");
        }
        if (means.rows() != d || means.cols() != k) {
            throw new IllegalArgumentException("M (class means) is " + means.rows() + "x" + means.cols()
                + ", expected " + d + "x" + k);
        }
        List<ApMatrix> blocks = new ArrayList<>(k);
        long[] mult = new long[k];
        for (int c = 0; c < k; c++) {
            blocks.add(means.block(0, d, c, c + 1));
            mult[c] = inst.size(c);
        }
        return of(inst, weights, blocks, mult, bias);
    }

    /**
     * The point with explicit features H (d x N, samples grouped by class, class 0 first):
     * q_k = n_k and w_k = 1, the storage of an optimizer's iterate. Rejects N above
     * {@link #MAX_FEATURE_COLUMNS}.
     */
    public static Point ofFeatures(Instance inst, List<ApMatrix> weights, ApMatrix h, Apfloat[] bias) {
        if (inst == null) {
            throw new IllegalArgumentException("instance is null");
        }
        long n = inst.total();
        if (n > MAX_FEATURE_COLUMNS) {
            throw new IllegalArgumentException("H with N = " + n + " explicit columns exceeds the limit of "
                + MAX_FEATURE_COLUMNS + "; store the point as class means (Point.ofClassMeans)");
        }
        int d = inst.dim();
        if (h == null) {
            throw new IllegalArgumentException("H is null");
        }
        if (h.rows() != d || h.cols() != n) {
            throw new IllegalArgumentException("H is " + h.rows() + "x" + h.cols() + ", expected " + d + "x" + n);
        }
        int k = inst.classes();
        List<ApMatrix> blocks = new ArrayList<>(k);
        long[] mult = new long[k];
        int start = 0;
        for (int c = 0; c < k; c++) {
            int end = start + (int) inst.size(c);
            blocks.add(h.block(0, d, start, end));
            mult[c] = 1;
            start = end;
        }
        return of(inst, weights, blocks, mult, bias);
    }

    private static List<ApMatrix> checkWeights(Instance inst, List<ApMatrix> weights) {
        int depth = inst.depth();
        if (weights == null || weights.size() != depth) {
            throw new IllegalArgumentException("W has " + (weights == null ? 0 : weights.size())
                + " layer(s), expected L = " + depth);
        }
        for (int l = 1; l <= depth; l++) {
            ApMatrix w = weights.get(l - 1);
            if (w == null) {
                throw new IllegalArgumentException("W_" + l + " is null");
            }
            int r = inst.layerDim(l);
            int c = inst.layerDim(l - 1);
            if (w.rows() != r || w.cols() != c) {
                throw new IllegalArgumentException("W_" + l + " is " + w.rows() + "x" + w.cols()
                    + ", expected " + r + "x" + c);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(weights));
    }

    private static Apfloat[] checkBias(Instance inst, Apfloat[] bias) {
        if (bias == null) {
            throw new IllegalArgumentException("b is null");
        }
        if (bias.length != inst.classes()) {
            throw new IllegalArgumentException("b has " + bias.length + " entries, expected K = " + inst.classes());
        }
        for (int c = 0; c < bias.length; c++) {
            if (bias[c] == null) {
                throw new IllegalArgumentException("b[" + c + "] is null");
            }
        }
        return bias.clone();
    }

    /** This point with W_l replaced (1-based), shape checked. */
    public Point withWeight(int l, ApMatrix w) {
        checkLayer(l);
        List<ApMatrix> ws = new ArrayList<>(weights);
        ws.set(l - 1, w);
        return new Point(instance, checkWeights(instance, ws), blocks, multiplicities, bias);
    }

    /** This point with the column block of class k replaced (same q_k), shape checked. */
    public Point withClassBlock(int k, ApMatrix block) {
        List<ApMatrix> bs = new ArrayList<>(blocks);
        bs.set(k, block);
        return of(instance, weights, bs, multiplicities, bias);
    }

    /** This point with the bias replaced, length checked. */
    public Point withBias(Apfloat[] b) {
        return new Point(instance, weights, blocks, multiplicities, checkBias(instance, b));
    }

    /** The instance this point was validated against. */
    public Instance instance() {
        return instance;
    }

    /** Depth L. */
    public int depth() {
        return weights.size();
    }

    /** W_l for l = 1..L (1-based, d_l x d_{l-1}). */
    public ApMatrix weight(int l) {
        checkLayer(l);
        return weights.get(l - 1);
    }

    /** W_1..W_L, unmodifiable. */
    public List<ApMatrix> weights() {
        return weights;
    }

    /** Copy of b. */
    public Apfloat[] bias() {
        return bias.clone();
    }

    /** Number of classes K. */
    public int classes() {
        return blocks.size();
    }

    /** B_k: the d x q_k matrix of distinct feature columns of class k (0-based). */
    public ApMatrix classBlock(int k) {
        return blocks.get(k);
    }

    /** q_k, the number of stored columns of class k. */
    public int columns(int k) {
        return blocks.get(k).cols();
    }

    /** w_k, the number of identical samples each stored column of class k stands for. */
    public long multiplicity(int k) {
        return multiplicities[k];
    }

    /**
     * M = [m_0 .. m_{K-1}] (d x K): m_k = (1/n_k) sum over the samples of class k of h_i
     * = (1/q_k) sum_j (B_k)_{:,j}, since every stored column carries the same weight w_k.
     * Computed at {@link #precision()}; exact copy when q_k = 1.
     */
    public ApMatrix classMeans() {
        return classMeans(precision());
    }

    /**
     * M as in {@link #classMeans()}, with the blocks taken to precision {@code p} first and the
     * sums formed at p (a checker at high precision judging a point stored in fewer digits).
     */
    public ApMatrix classMeans(Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        int k = classes();
        Apfloat[][] cols = new Apfloat[k][];
        for (int c = 0; c < k; c++) {
            ApMatrix b = blocks.get(c).withPrecision(p);
            Apfloat[] m = b.column(0);
            if (b.cols() > 1) {
                for (int j = 1; j < b.cols(); j++) {
                    Apfloat[] col = b.column(j);
                    for (int i = 0; i < m.length; i++) {
                        m[i] = h.add(m[i], col[i]);
                    }
                }
                Apfloat q = p.of((long) b.cols());
                for (int i = 0; i < m.length; i++) {
                    m[i] = m[i].signum() == 0 ? Apfloat.ZERO : h.divide(m[i], q);
                }
            }
            cols[c] = m;
        }
        return ApMatrix.fromColumns(cols, p);
    }

    /**
     * X = Mbar D = (M - h_G 1^T) diag(sqrt n) (d x K), h_G = M n / N, from class means M (d x K)
     * at precision p (pass {@link #classMeans(Precision)}, or a copy already at hand).
     */
    public static ApMatrix centredMeans(Instance inst, ApMatrix means, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        int k = inst.classes();
        Apfloat[] w = new Apfloat[k];
        Apfloat[] sq = new Apfloat[k];
        Apfloat n = p.of(inst.total());
        for (int c = 0; c < k; c++) {
            Apfloat nc = p.of(inst.size(c));
            w[c] = h.divide(nc, n);
            sq[c] = h.sqrt(nc);
        }
        Apfloat[] hg = means.multiply(w);
        Apfloat[][] cols = new Apfloat[k][];
        for (int c = 0; c < k; c++) {
            Apfloat[] col = means.column(c);
            for (int i = 0; i < col.length; i++) {
                col[i] = h.subtract(col[i], hg[i]);
            }
            cols[c] = col;
        }
        return ApMatrix.fromColumns(cols, p).scaleColumns(sq);
    }

    /** W_L ... W_1 (K x d), every factor taken to precision p first. */
    public ApMatrix weightProduct(Precision p) {
        ApMatrix acc = weight(1).withPrecision(p);
        for (int l = 2; l <= depth(); l++) {
            acc = weight(l).withPrecision(p).multiply(acc);
        }
        return acc;
    }

    /** The class (0-based) of sample i, 0 <= i < N, samples grouped by class. */
    public int classOfSample(long sampleIndex) {
        long start = 0;
        for (int c = 0; c < classes(); c++) {
            long n = instance.size(c);
            if (sampleIndex >= start && sampleIndex < start + n) {
                return c;
            }
            start += n;
        }
        throw new IndexOutOfBoundsException("sample " + sampleIndex + " outside 0.." + (instance.total() - 1));
    }

    /** The feature column h_i of sample i (d x 1), materialised on request only. */
    public ApMatrix featureColumn(long sampleIndex) {
        long start = 0;
        for (int c = 0; c < classes(); c++) {
            long n = instance.size(c);
            if (sampleIndex >= start && sampleIndex < start + n) {
                int j = (int) ((sampleIndex - start) / multiplicities[c]);
                ApMatrix b = blocks.get(c);
                return b.block(0, b.rows(), j, j + 1);
            }
            start += n;
        }
        throw new IndexOutOfBoundsException("sample " + sampleIndex + " outside 0.." + (instance.total() - 1));
    }

    /** The end-to-end product W_L ... W_1 (K x d), at the precision of W_L. */
    public ApMatrix product() {
        ApMatrix p = weights.get(0);
        for (int l = 1; l < weights.size(); l++) {
            p = weights.get(l).multiply(p);
        }
        return p;
    }

    /** The precision of W_1 (the point's matrices are expected to share one precision). */
    public Precision precision() {
        return weights.get(0).precision();
    }

    private void checkLayer(int l) {
        if (l < 1 || l > weights.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + weights.size());
        }
    }

    @Override
    public String toString() {
        return "Point[L=" + depth() + ", K=" + classes() + ", multiplicities=" + Arrays.toString(multiplicities)
            + ", " + instance.describe() + "]";
    }
}
