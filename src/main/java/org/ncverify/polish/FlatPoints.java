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
import org.ncverify.optim.FlatLayout;

/**
 * Points and gradients of the FULL objective as flat Apfloat vectors in the one variable
 * layout of the suite, {@link FlatLayout} (W_1..W_L row-major, H row-major d x N with the
 * samples in the order of {@link Point#ofFeatures}, class 0 first, then b), shared with the
 * double-precision optimizer. The Euclidean inner product of these vectors is the Frobenius
 * inner product of the variables, so the flat gradient has the norm {@link Gradient#norm()}
 * reports. Immutable.
 */
public final class FlatPoints {
    private final Instance instance;
    private final FlatLayout layout;
    private final int depth;
    private final int dim;
    private final int samples;

    private FlatPoints(Instance instance) {
        this.instance = instance;
        this.layout = FlatLayout.of(instance);
        this.depth = instance.depth();
        this.dim = instance.dim();
        this.samples = layout.samples();
    }

    /** The flat points of an instance whose N fits an int (the caller bounds N far below that). */
    static FlatPoints of(Instance inst) {
        return new FlatPoints(inst);
    }

    Instance instance() {
        return instance;
    }

    /** n, the number of variables. */
    int size() {
        return layout.size();
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
     * The flat vector of a point with every entry rounded to the nearest double (the layout of
     * {@code optim.FullObjective}; stored columns with multiplicities expanded as in
     * {@link #vector(Point, Precision)}).
     */
    public static double[] doubles(Point x) {
        Apfloat[] v = of(x.instance()).vector(x, x.precision());
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].doubleValue();
        }
        return out;
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
        Apfloat[] v = new Apfloat[layout.size()];
        for (int l = 1; l <= depth; l++) {
            putMatrix(v, layout.offsetW(l), weight.apply(l), p);
        }
        int sample = 0;
        for (int c = 0; c < instance.classes(); c++) {
            ApMatrix blk = block.apply(c);
            long w = mult.applyAsLong(c);
            for (int j = 0; j < blk.cols(); j++) {
                for (long rep = 0; rep < w; rep++) {
                    for (int i = 0; i < dim; i++) {
                        v[layout.feature(i, sample)] = at(blk.get(i, j), p);
                    }
                    sample++;
                }
            }
        }
        putBias(v, b, p);
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
            System.arraycopy(v, layout.weight(l, i, 0), a[i], 0, c);
        }
        return ApMatrix.of(a, p);
    }

    /** H (d x N) read from v. */
    ApMatrix features(Apfloat[] v, Precision p) {
        Apfloat[][] rows = new Apfloat[dim][samples];
        for (int i = 0; i < dim; i++) {
            System.arraycopy(v, layout.feature(i, 0), rows[i], 0, samples);
        }
        return ApMatrix.of(rows, p);
    }

    /** b read from v (copy). */
    Apfloat[] bias(Apfloat[] v) {
        Apfloat[] b = new Apfloat[instance.classes()];
        System.arraycopy(v, layout.offsetB(), b, 0, b.length);
        return b;
    }

    /** The flat vector of (W_1..W_L, H, b) given as matrices (the inverse of the readers above). */
    Apfloat[] vector(ApMatrix[] weights, ApMatrix features, Apfloat[] bias, Precision p) {
        Apfloat[] v = new Apfloat[layout.size()];
        for (int l = 1; l <= depth; l++) {
            putMatrix(v, layout.offsetW(l), weights[l], p);
        }
        putMatrix(v, layout.offsetH(), features, p);
        putBias(v, bias, p);
        return v;
    }

    private void putBias(Apfloat[] v, Apfloat[] b, Precision p) {
        for (int c = 0; c < b.length; c++) {
            v[layout.offsetB() + c] = at(b[c], p);
        }
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
