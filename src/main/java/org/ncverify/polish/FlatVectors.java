package org.ncverify.polish;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/** Level-1 operations on flat vectors of Apfloats at a stated precision (new arrays out). */
final class FlatVectors {
    private FlatVectors() {
    }

    /** x . y. */
    static Apfloat dot(Apfloat[] x, Apfloat[] y, Precision p) {
        return ApMatrix.dot(x, y, p);
    }

    /** ||x||. */
    static Apfloat norm(Apfloat[] x, Precision p) {
        return ApMatrix.norm(x, p);
    }

    /** x + a y. */
    static Apfloat[] axpy(Apfloat[] x, Apfloat a, Apfloat[] y, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] z = new Apfloat[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = y[i].signum() == 0 || a.signum() == 0 ? x[i] : h.add(x[i], h.multiply(a, y[i]));
        }
        return z;
    }

    /** a x. */
    static Apfloat[] scale(Apfloat a, Apfloat[] x, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] z = new Apfloat[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i].signum() == 0 ? Apfloat.ZERO : h.multiply(a, x[i]);
        }
        return z;
    }

    /** The zero vector of length n. */
    static Apfloat[] zeros(int n) {
        Apfloat[] z = new Apfloat[n];
        java.util.Arrays.fill(z, Apfloat.ZERO);
        return z;
    }
}
