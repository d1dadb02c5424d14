package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;

/**
 * Quantities of a candidate point shared by the claims, recomputed from the point: the Gram
 * H H^T of all N feature columns, column norms, off-diagonal norms. (X = Mbar D and
 * W_L ... W_1 are {@link Point#centredMeans} and {@link Point#weightProduct}.)
 */
final class ProductGeometry {
    private ProductGeometry() {
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
