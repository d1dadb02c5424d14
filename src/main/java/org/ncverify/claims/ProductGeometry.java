package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;

/**
 * Quantities of a candidate point shared by the geometry claims, recomputed from the point:
 * X = Mbar D with Mbar = M - h_G 1^T, h_G = M n / N, D = diag(sqrt n); and the product
 * P = W_L ... W_1 X.
 */
final class ProductGeometry {
    private ProductGeometry() {
    }

    /** X = (M - h_G 1^T) diag(sqrt n), d x K, from the class means M (d x K). */
    static ApMatrix centredMeans(Instance inst, ApMatrix m, Precision p) {
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
        Apfloat[] hg = m.multiply(w);
        Apfloat[][] cols = new Apfloat[k][];
        for (int c = 0; c < k; c++) {
            Apfloat[] col = m.column(c);
            for (int i = 0; i < col.length; i++) {
                col[i] = h.subtract(col[i], hg[i]);
            }
            cols[c] = col;
        }
        return ApMatrix.fromColumns(cols, p).scaleColumns(sq);
    }

    /**
     * H H^T = sum_k w_k B_k B_k^T (d x d): the Gram of all N feature columns, each stored
     * column counted with its multiplicity w_k; the N columns are never formed.
     */
    static ApMatrix featureGram(Point x, Precision p) {
        int d = x.classBlock(0).rows();
        ApMatrix g = ApMatrix.zeros(d, d, p);
        for (int c = 0; c < x.classes(); c++) {
            ApMatrix b = x.classBlock(c).withPrecision(p);
            g = g.add(b.multiply(b.transpose()).scale(p.of(x.multiplicity(c))));
        }
        return g;
    }

    /** The Euclidean norms of the columns of A. */
    static Apfloat[] columnNorms(ApMatrix a, Precision p) {
        Apfloat[] out = new Apfloat[a.cols()];
        for (int j = 0; j < out.length; j++) {
            out[j] = ApMatrix.norm(a.column(j), p);
        }
        return out;
    }

    /** W_L ... W_1, K x d. */
    static ApMatrix weightProduct(Point x, Precision p) {
        ApMatrix acc = x.weight(1).withPrecision(p);
        for (int l = 2; l <= x.depth(); l++) {
            acc = x.weight(l).withPrecision(p).multiply(acc);
        }
        return acc;
    }

    /** ||A - diag(A)||_F. */
    static Apfloat offDiagonalNorm(ApMatrix a, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat s = Apfloat.ZERO;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                if (i != j && a.get(i, j).signum() != 0) {
                    s = h.add(s, h.multiply(a.get(i, j), a.get(i, j)));
                }
            }
        }
        return h.sqrt(s);
    }
}
