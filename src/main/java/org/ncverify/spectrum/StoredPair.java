package org.ncverify.spectrum;

import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * One stored singular pair of {@link SingularVectors} and how it is formed: per-group values
 * (support == null, a secular root: u and v constant on each size group) or the values on a tied
 * vector's support (a Helmert vector of {@link ExactVector}); the class comment of
 * {@link SingularVectors} states the formulas. The values, the sums S1, S0, the normalization inv and
 * the root (origin, delta) are fixed before the pair is published; the volatile fields cache pure
 * functions of it.
 */
final class StoredPair {
    final int index;
    final int[] support;
    final int group;
    final Apfloat[] u;
    final Apfloat[] v;
    final Apfloat s1;
    final Apfloat s0;
    final Apfloat inv;
    final long origin;
    final Apfloat delta;
    /** ||u||^2 and ||v||^2 of the stored values, set once before the pair is published. */
    Apfloat uu;
    Apfloat vv;
    /** Caches of pure functions of the pair (volatile: a race computes the same value twice). */
    volatile Apfloat coupling;
    volatile Apfloat sqrtNv;
    volatile Apfloat nu;
    volatile double[] ud;
    volatile double[] vd;

    StoredPair(int index, int[] support, int group, Apfloat[] u, Apfloat[] v, Apfloat s1, Apfloat s0, Apfloat inv,
               long origin, Apfloat delta) {
        this.index = index;
        this.support = support;
        this.group = group;
        this.u = u;
        this.v = v;
        this.s1 = s1;
        this.s0 = s0;
        this.inv = inv;
        this.origin = origin;
        this.delta = delta;
    }

    /**
     * A secular pair in two passes over the D groups: (1) the reciprocals r_j = 1/(e_j - delta)
     * (batch inversion, {@link SecularFunction#reciprocals}), t_j = w_j r_j, S1 = sum t_j,
     * sum t_j r_j = ||u-tilde||^2 and S0 = sum m_j (c_j r_j); (2) inv = 1/||u-tilde||, u, v and
     * their squared norms. Every value is formed by the same operations in the same order as by
     * {@link SecularFunction#evaluate} and the one-value-at-a-time definitions ({@link SingularVectors}),
     * so the digits do not depend on this fusion; a product with an exact multiplicity 1 is
     * skipped (it returns its other operand unchanged).
     */
    static StoredPair secular(YhatSpectrum sp, int i, Apfloat[] sqrtC, Apint[] mult, FixedPrecisionApfloatHelper h) {
        SecularRoot root = sp.root(i);
        return secular(sp, i, root.origin(), root.delta(), sqrtC, mult, h);
    }

    /** As {@link #secular(YhatSpectrum, int, Apfloat[], Apint[], FixedPrecisionApfloatHelper)} at the root origin + delta (tests: a wrong root). */
    static StoredPair secular(YhatSpectrum sp, int i, long origin, Apfloat delta, Apfloat[] sqrtC, Apint[] mult,
                              FixedPrecisionApfloatHelper h) {
        SizeGroups g = sp.groups();
        Apfloat[] rec = new SecularFunction(g, origin).reciprocals(delta, h);
        int d = g.count();
        Apfloat s1 = Apfloat.ZERO;
        Apfloat s2 = Apfloat.ZERO;
        Apfloat s0 = Apfloat.ZERO;
        for (int j = 0; j < d; j++) {
            Apfloat r = rec[j];
            Apfloat t = h.multiply(g.exactWeight(j), r);
            s1 = h.add(s1, t);
            s2 = h.add(s2, h.multiply(t, r));
            s0 = h.add(s0, times(mult[j], h.multiply(g.exactValue(j), r), h));
        }
        Apfloat inv = h.divide(Apfloat.ONE, h.sqrt(s2));
        Apfloat s = sp.singularValue(i);
        Apfloat[] u = new Apfloat[d];
        Apfloat[] v = new Apfloat[d];
        Apfloat uu = Apfloat.ZERO;
        Apfloat vv = Apfloat.ZERO;
        for (int j = 0; j < d; j++) {
            Apfloat ri = h.multiply(rec[j], inv);
            u[j] = h.multiply(g.exactValue(j), ri);
            v[j] = h.multiply(sqrtC[j], h.multiply(s, ri));
            uu = h.add(uu, times(mult[j], h.multiply(u[j], u[j]), h));
            vv = h.add(vv, times(mult[j], h.multiply(v[j], v[j]), h));
        }
        StoredPair p = new StoredPair(i, null, -1, u, v, s1, s0, inv, origin, delta);
        p.uu = uu;
        p.vv = vv;
        return p;
    }

    /**
     * m x at the helper's precision; x itself when m is the shared {@code Apint.ONE} (every
     * multiplicity 1 is stored as that instance: an identity test, Apint.equals costs as much as a product).
     */
    static Apfloat times(Apint m, Apfloat x, FixedPrecisionApfloatHelper h) {
        return m == Apint.ONE ? x : h.multiply(m, x);
    }

    static StoredPair tied(YhatSpectrum sp, int i, FixedPrecisionApfloatHelper h) {
        ExactVector w = sp.exactVector(i);
        Apfloat inv = h.divide(Apfloat.ONE, h.sqrt(sp.precision().of(w.normSquared())));
        long[] dense = w.dense(sp.size());
        int support = 0;
        for (long x : dense) {
            support += x != 0 ? 1 : 0;
        }
        int[] idx = new int[support];
        Apfloat[] val = new Apfloat[support];
        int at = 0;
        for (int c = 0; c < dense.length; c++) {
            if (dense[c] != 0) {
                idx[at] = c;
                val[at++] = h.multiply(new Apint(dense[c]), inv);
            }
        }
        return new StoredPair(i, idx, groupOf(sp.groups(), sp.exactEigenvalue(i)), val, val, null, null, inv, 0, null);
    }

    private static int groupOf(SizeGroups g, long c) {
        for (int j = 0; j < g.count(); j++) {
            if (g.value(j) == c) {
                return j;
            }
        }
        throw new IllegalStateException("no size group of value " + c);
    }

    /** A tied pair p with ||u||^2 and ||v||^2 of its stored values (sum of squares; u = v). */
    static StoredPair withNorms(StoredPair p, FixedPrecisionApfloatHelper h) {
        Apfloat sum = Apfloat.ZERO;
        for (Apfloat x : p.u) {
            sum = h.add(sum, h.multiply(x, x));
        }
        p.uu = sum;
        p.vv = sum;
        return p;
    }
}
