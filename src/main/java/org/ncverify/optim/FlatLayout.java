package org.ncverify.optim;

import org.ncverify.instance.Instance;

/**
 * The variables of the FULL objective (every sample its own feature column) as one flat vector
 * x in R^n, n = sum_l d_l d_{l-1} + d N + K, the one layout of the double-precision optimizer
 * ({@link FullObjective}) and of the high-precision polish (which reads and writes it in Apfloat):
 * <pre>
 *   x = ( vec W_1, ..., vec W_L, vec H, b )
 * </pre>
 * each W_l (d_l x d_{l-1}) row-major, entry (i, k) at {@code offsetW(l) + i d_{l-1} + k}; then H
 * (d x N) row-major, feature i of sample j at {@link #feature feature(i, j)} = {@code offsetH() +
 * i N + j}, samples grouped by class, class 0 first (the order of {@code Point.ofFeatures}); then
 * b (K entries) at {@code offsetB()}. Row-major H makes every inner loop of the double objective
 * an axpy or a dot product over the N samples, contiguous in memory. The Euclidean inner product
 * of these vectors is the Frobenius inner product of the variables. Immutable.
 */
public final class FlatLayout {
    private final int[] dims;
    private final int[] offsetW;
    private final int samples;
    private final int offsetH;
    private final int offsetB;
    private final int size;

    private FlatLayout(Instance inst) {
        int depth = inst.depth();
        dims = new int[depth + 1];
        int widest = 0;
        for (int l = 0; l <= depth; l++) {
            dims[l] = inst.layerDim(l);
            widest = Math.max(widest, dims[l]);
        }
        long n = inst.total();
        long total = 0;
        offsetW = new int[depth + 2];
        for (int l = 1; l <= depth; l++) {
            offsetW[l] = (int) Math.min(total, Integer.MAX_VALUE);
            total += (long) dims[l] * dims[l - 1];
        }
        long h = total;
        total += (long) dims[0] * n;
        long b = total;
        total += dims[depth];
        if (total > Integer.MAX_VALUE - 8 || (long) widest * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the full objective has " + total
                + " variables: too many for one double array (N = " + n + ")");
        }
        offsetW[depth + 1] = (int) h;
        samples = (int) n;
        offsetH = (int) h;
        offsetB = (int) b;
        size = (int) total;
    }

    /**
     * The layout of an instance.
     *
     * @throws IllegalArgumentException when n or max_l d_l N does not fit one Java array
     */
    public static FlatLayout of(Instance inst) {
        return new FlatLayout(inst);
    }

    /** n, the number of variables: sum_l d_l d_{l-1} + d N + K. */
    public int size() {
        return size;
    }

    /** Depth L. */
    public int depth() {
        return dims.length - 1;
    }

    /** d_l, l = 0..L (d_0 = d, d_L = K). */
    public int dim(int l) {
        return dims[l];
    }

    /** N. */
    public int samples() {
        return samples;
    }

    /** K. */
    public int classes() {
        return dims[dims.length - 1];
    }

    /** Offset of W_l (1-based); its d_l d_{l-1} entries follow row by row. */
    public int offsetW(int l) {
        return offsetW[l];
    }

    /** Offset of H; its d N entries follow feature by feature (row-major d x N). */
    public int offsetH() {
        return offsetH;
    }

    /** Offset of b (K entries). */
    public int offsetB() {
        return offsetB;
    }

    /** Index of entry (i, k) of W_l. */
    public int weight(int l, int i, int k) {
        return offsetW[l] + i * dims[l - 1] + k;
    }

    /** Index of feature i of sample j, entry (i, j) of H. */
    public int feature(int i, int j) {
        return offsetH + i * samples + j;
    }
}
