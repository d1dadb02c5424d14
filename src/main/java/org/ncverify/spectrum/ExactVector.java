package org.ncverify.spectrum;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A sparse integer vector w in Z^K with the squared norm ||w||^2 that {@link YhatSpectrum}
 * divides it by: its singular vector for an exact eigenvalue is w / sqrt(normSquared). The
 * integer form is what {@link SpectrumCertificate} checks exactly, so the check and the
 * vector that is used are one object.
 *
 * <ul>
 * <li>{@link #helmert}: for a size c on the classes k_1 &lt; ... &lt; k_m (a tied group) and
 *     t = 1..m-1, w = e_{k_1} + ... + e_{k_t} - t e_{k_{t+1}}, ||w||^2 = t (t + 1);</li>
 * <li>{@link #ones}: w = 1_K, ||w||^2 = K (the left null vector).</li>
 * </ul>
 *
 * <p>The exact checks, in {@link BigInteger} (no division anywhere, so no rounding and none
 * of Apfloat's inexact Apint.divide; NUMERICS.md):
 * <ul>
 * <li>{@link #isEigenvector}: A w = c w for A = Yhat Yhat^T = diag(n) - n n^T / N, checked
 *     as N (A w)_k = N n_k w_k - n_k (n^T w) = N c w_k for every k (the equation multiplied
 *     by N &gt; 0; off the support of w it reads n_k (n^T w) = 0, i.e. n^T w = 0);</li>
 * <li>{@link #hasNormSquared}: w . w = normSquared, so w / sqrt(normSquared) is a unit vector;</li>
 * <li>{@link #dot}: w . w' (orthogonality within one eigenvalue).</li>
 * </ul>
 */
final class ExactVector {
    private final int[] index;
    private final long[] value;
    private final long normSquared;

    /** Package access for the factories and for tests that build deliberately wrong vectors. */
    ExactVector(int[] index, long[] value, long normSquared) {
        if (index.length != value.length) {
            throw new IllegalArgumentException(index.length + " indices for " + value.length + " values");
        }
        for (int q = 1; q < index.length; q++) {
            if (index[q] <= index[q - 1]) {
                throw new IllegalArgumentException("indices must increase: " + Arrays.toString(index));
            }
        }
        this.index = index.clone();
        this.value = value.clone();
        this.normSquared = normSquared;
    }

    /** The t-th Helmert vector (1 &lt;= t &lt; m) of the group j of equal sizes. */
    static ExactVector helmert(SizeGroups g, int j, int t) {
        int[] members = g.members(j);
        if (t < 1 || t >= members.length) {
            throw new IllegalArgumentException("Helmert vector " + t + " of a group of " + members.length + " classes");
        }
        long[] v = new long[t + 1];
        Arrays.fill(v, 0, t, 1L);
        v[t] = -t;
        return new ExactVector(Arrays.copyOf(members, t + 1), v, (long) t * (t + 1));
    }

    /** 1_K with ||1_K||^2 = K. */
    static ExactVector ones(int k) {
        long[] v = new long[k];
        Arrays.fill(v, 1L);
        return new ExactVector(java.util.stream.IntStream.range(0, k).toArray(), v, k);
    }

    /** The squared norm the vector is normalised by. */
    long normSquared() {
        return normSquared;
    }

    /** The dense entries, K of them. */
    long[] dense(int k) {
        long[] w = new long[k];
        for (int q = 0; q < index.length; q++) {
            w[index[q]] = value[q];
        }
        return w;
    }

    /** Exactly A w = c w for A = diag(n) - n n^T / N (see the class comment). */
    boolean isEigenvector(SizeGroups g, long c) {
        BigInteger n = BigInteger.valueOf(g.total());
        BigInteger nw = BigInteger.ZERO;
        for (int q = 0; q < index.length; q++) {
            nw = nw.add(BigInteger.valueOf(g.size(index[q])).multiply(BigInteger.valueOf(value[q])));
        }
        if (index.length < g.classes() && nw.signum() != 0) {
            return false; // a class k off the support has N (A w)_k = -n_k (n^T w) != 0 = N c w_k
        }
        for (int q = 0; q < index.length; q++) {
            BigInteger nk = BigInteger.valueOf(g.size(index[q]));
            BigInteger wk = BigInteger.valueOf(value[q]);
            BigInteger left = n.multiply(nk).multiply(wk).subtract(nk.multiply(nw));
            if (left.compareTo(n.multiply(BigInteger.valueOf(c)).multiply(wk)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Exactly w . w = normSquared. */
    boolean hasNormSquared() {
        return dot(this) == normSquared;
    }

    /**
     * The exact inner product w . w' (a merge over the two sorted supports; long arithmetic
     * that throws on overflow, never wraps).
     */
    long dot(ExactVector other) {
        long s = 0;
        int a = 0;
        int b = 0;
        while (a < index.length && b < other.index.length) {
            if (index[a] == other.index[b]) {
                s = Math.addExact(s, Math.multiplyExact(value[a], other.value[b]));
                a++;
                b++;
            } else if (index[a] < other.index[b]) {
                a++;
            } else {
                b++;
            }
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int q = 0; q < index.length; q++) {
            sb.append(q == 0 ? "" : ", ").append("w_").append(index[q] + 1).append(" = ").append(value[q]);
        }
        return sb.append("; |w|^2 = ").append(normSquared).append('}').toString();
    }
}
