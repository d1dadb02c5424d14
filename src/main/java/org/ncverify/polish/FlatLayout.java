package org.ncverify.polish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Gradient;
import org.ncverify.model.Point;

/**
 * The variables of the FULL objective (every sample its own feature column) as one flat
 * vector x in R^n, n = sum_l d_l d_{l-1} + d N + K:
 * <pre>
 *   x = ( vec W_1, ..., vec W_L, h_1, ..., h_N, b )
 * </pre>
 * with each W_l row major and the samples h_i (d entries each) in the order of
 * {@link Point#ofFeatures} (class 0 first). The Euclidean inner product of these vectors is
 * the Frobenius inner product of the variables, so the flat gradient has the norm
 * {@link Gradient#norm()} reports. Immutable.
 */
final class FlatLayout {
    private final Instance instance;
    private final int depth;
    private final int dim;
    private final int samples;
    private final int[] weightOffset;
    private final int featureOffset;
    private final int biasOffset;
    private final int size;

    private FlatLayout(Instance instance) {
        this.instance = instance;
        this.depth = instance.depth();
        this.dim = instance.dim();
        this.samples = Math.toIntExact(instance.total());
        this.weightOffset = new int[depth + 2];
        int off = 0;
        for (int l = 1; l <= depth; l++) {
            weightOffset[l] = off;
            off += instance.layerDim(l) * instance.layerDim(l - 1);
        }
        this.featureOffset = off;
        this.biasOffset = off + dim * samples;
        this.size = biasOffset + instance.classes();
    }

    /** The layout of an instance whose N fits an int (the caller bounds N far below that). */
    static FlatLayout of(Instance inst) {
        return new FlatLayout(inst);
    }

    Instance instance() {
        return instance;
    }

    /** n, the number of variables. */
    int size() {
        return size;
    }

    /** N. */
    int samples() {
        return samples;
    }

    /**
     * The flat vector of a point at precision p. A point stored with multiplicities w_k &gt; 1
     * (class means, say) is expanded: each stored column fills the w_k sample slots it stands for.
     */
    Apfloat[] vector(Point x, Precision p) {
        return assemble(x::weight, x::classBlock, x::multiplicity, x.bias(), p);
    }

    /**
     * The flat gradient: grad_{W_l}, then grad_{h_i} for each sample, then grad_b. Requires the
     * gradient of a point stored with one column per sample (multiplicities 1), where
     * {@link Gradient#gradientFeatures(int)} holds the partial derivatives themselves.
     */
    Apfloat[] vector(Gradient g, Precision p) {
        for (int c = 0; c < instance.classes(); c++) {
            if (g.multiplicity(c) != 1) {
                throw new IllegalArgumentException("gradient of class " + c + " has multiplicity "
                    + g.multiplicity(c) + "; the flat layout needs one column per sample");
            }
        }
        return assemble(g::gradientW, g::gradientFeatures, g::multiplicity, g.gradientBias(), p);
    }

    /** Layers 1..L, class blocks whose column j fills w_k consecutive sample slots, then b. */
    private Apfloat[] assemble(IntFunction<ApMatrix> weight, IntFunction<ApMatrix> block, IntToLongFunction mult,
                               Apfloat[] b, Precision p) {
        Apfloat[] v = new Apfloat[size];
        for (int l = 1; l <= depth; l++) {
            putMatrix(v, weightOffset[l], weight.apply(l), p);
        }
        int sample = 0;
        for (int c = 0; c < instance.classes(); c++) {
            ApMatrix blk = block.apply(c);
            long w = mult.applyAsLong(c);
            for (int j = 0; j < blk.cols(); j++) {
                for (long rep = 0; rep < w; rep++) {
                    for (int i = 0; i < dim; i++) {
                        v[featureOffset + sample * dim + i] = at(blk.get(i, j), p);
                    }
                    sample++;
                }
            }
        }
        for (int c = 0; c < b.length; c++) {
            v[biasOffset + c] = at(b[c], p);
        }
        return v;
    }

    /** The point of a flat vector, one feature column per sample ({@link Point#ofFeatures}). */
    Point point(Apfloat[] v, Precision p) {
        List<ApMatrix> ws = new ArrayList<>(depth);
        for (int l = 1; l <= depth; l++) {
            ws.add(weight(v, l, p));
        }
        return Point.ofFeatures(instance, ws, features(v, p), bias(v));
    }

    /** W_l (d_l x d_{l-1}) read from v. */
    ApMatrix weight(Apfloat[] v, int l, Precision p) {
        int r = instance.layerDim(l);
        int c = instance.layerDim(l - 1);
        Apfloat[][] a = new Apfloat[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(v, weightOffset[l] + i * c, a[i], 0, c);
        }
        return ApMatrix.of(a, p);
    }

    /** H (d x N) read from v. */
    ApMatrix features(Apfloat[] v, Precision p) {
        Apfloat[][] cols = new Apfloat[samples][dim];
        for (int s = 0; s < samples; s++) {
            System.arraycopy(v, featureOffset + s * dim, cols[s], 0, dim);
        }
        return ApMatrix.fromColumns(cols, p);
    }

    /** b read from v (copy). */
    Apfloat[] bias(Apfloat[] v) {
        Apfloat[] b = new Apfloat[instance.classes()];
        System.arraycopy(v, biasOffset, b, 0, b.length);
        return b;
    }

    /** The flat vector of (W_1..W_L, H, b) given as matrices (the inverse of the readers above). */
    Apfloat[] vector(ApMatrix[] weights, ApMatrix features, Apfloat[] bias, Precision p) {
        Apfloat[] v = new Apfloat[size];
        for (int l = 1; l <= depth; l++) {
            putMatrix(v, weightOffset[l], weights[l], p);
        }
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < dim; i++) {
                v[featureOffset + s * dim + i] = at(features.get(i, s), p);
            }
        }
        for (int c = 0; c < bias.length; c++) {
            v[biasOffset + c] = at(bias[c], p);
        }
        return v;
    }

    private static void putMatrix(Apfloat[] v, int offset, ApMatrix m, Precision p) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                v[offset + i * m.cols() + j] = at(m.get(i, j), p);
            }
        }
    }

    private static Apfloat at(Apfloat x, Precision p) {
        return x.signum() == 0 ? Apfloat.ZERO : p.of(x);
    }
}
