package org.ncverify.theory;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.spectrum.SingularVectors;

/** Test points around a {@link FactoredMinimizer}: the task's wrong points and the dense point of a factored one. */
public final class FactoredPoints {
    private FactoredPoints() {
    }

    /** The three wrong points of the task: a factor value, one direction's p (balance kept), the bias. */
    public enum Wrong {
        FACTOR, PRODUCT, BIAS;

        public FactoredMinimizer factors(FactoredMinimizer f, Apfloat t) {
            Instance inst = f.instance();
            FixedPrecisionApfloatHelper h = f.precision().helper();
            Apfloat[][] a = new Apfloat[inst.depth() + 1][];
            for (int j = 0; j <= inst.depth(); j++) {
                a[j] = f.factor(j);
            }
            int last = f.directions() - 1;
            if (this == FACTOR) {
                a[0][0] = h.multiply(a[0][0], h.add(Apfloat.ONE, t));
            } else if (this == PRODUCT) {
                for (int j = 0; j <= inst.depth(); j++) {
                    a[j][last] = h.multiply(a[j][last], h.add(Apfloat.ONE, t));
                }
            }
            return FactoredMinimizer.of(inst, f.pairs(), a);
        }

        public Apfloat[] bias(Apfloat[] b, Apfloat t) {
            Apfloat[] out = b.clone();
            if (this == BIAS) {
                out[0] = out[0].add(t);
            }
            return out;
        }
    }

    /**
     * The dense point of a factored one: X = E diag(a_0) V_m^T, W_l = E diag(a_l) E^T, W_L =
     * U_m diag(a_L) E^T, class means x_k / sqrt(n_k) (one zero direction when m = 0).
     */
    public static Point dense(FactoredMinimizer f, Apfloat[] bias) {
        Instance inst = f.instance();
        Precision p = f.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        SingularVectors pairs = f.pairs();
        int m = f.directions();
        int r = Math.max(m, 1);
        int k = inst.classes();
        Apfloat[][] u = new Apfloat[r][];
        Apfloat[][] v = new Apfloat[r][];
        for (int i = 0; i < r; i++) {
            u[i] = i < m ? pairs.left(i) : constant(k, Apfloat.ZERO);
            v[i] = i < m ? pairs.right(i) : constant(k, Apfloat.ZERO);
        }
        List<ApMatrix> frames = new ArrayList<>();
        for (int l = 0; l < inst.depth(); l++) {
            frames.add(ApMatrix.identity(Math.max(inst.layerDim(l), r), p).block(0, inst.layerDim(l), 0, r));
        }
        frames.add(ApMatrix.fromColumns(u, p));
        List<ApMatrix> weights = new ArrayList<>();
        for (int l = 1; l <= inst.depth(); l++) {
            weights.add(frames.get(l).scaleColumns(values(f, l, r)).multiply(frames.get(l - 1).transpose()));
        }
        ApMatrix x = frames.get(0).scaleColumns(values(f, 0, r)).multiply(ApMatrix.fromColumns(v, p).transpose());
        Apfloat[] inv = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            inv[c] = h.divide(Apfloat.ONE, h.sqrt(p.of(inst.size(c))));
        }
        return Point.ofClassMeans(inst, weights, x.scaleColumns(inv), bias);
    }

    private static Apfloat[] values(FactoredMinimizer f, int j, int r) {
        Apfloat[] a = constant(r, Apfloat.ZERO);
        Apfloat[] given = f.factor(j);
        System.arraycopy(given, 0, a, 0, given.length);
        return a;
    }

    private static Apfloat[] constant(int n, Apfloat value) {
        Apfloat[] z = new Apfloat[n];
        java.util.Arrays.fill(z, value);
        return z;
    }
}
