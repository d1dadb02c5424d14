package org.ncverify.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class sizes grouped by value: distinct sizes c_1 &gt; c_2 &gt; ... &gt; c_D, the
 * multiplicity m_j of each, and the (0-based) class indices holding it, in class order.
 * The secular function of diag(n) - n n^T/N only sees the groups:
 * f(mu) = 1 - (1/N) sum_j m_j c_j^2 / (c_j - mu).
 */
public final class SizeGroups {
    private final long[] sizes;
    private final long[] distinct;
    private final int[][] members;
    private final long total;
    private final long[] sorted;
    /** c_j and w_j as Apint, built on first request (the integer solver and certificate never need them). */
    private volatile org.apfloat.Apint[][] exact;
    private final java.math.BigInteger[] bigValues;
    private final java.math.BigInteger[] bigWeights;
    private final java.math.BigInteger weightSum;
    private final double[] weightHi;
    private final double[] weightLo;

    private SizeGroups(long[] sizes) {
        this.sizes = sizes.clone();
        long[] ascending = sizes.clone();
        Arrays.sort(ascending);
        List<Long> values = new ArrayList<>();
        for (int i = ascending.length - 1; i >= 0; i--) {
            if (values.isEmpty() || values.get(values.size() - 1) != ascending[i]) {
                values.add(ascending[i]);
            }
        }
        this.distinct = values.stream().mapToLong(Long::longValue).toArray();
        this.members = new int[distinct.length][];
        long n = 0;
        // classes ordered by decreasing size, ties by increasing index: O(K log K), not O(K D)
        Integer[] order = new Integer[sizes.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> sizes[x] != sizes[y] ? Long.compare(sizes[y], sizes[x]) : Integer.compare(x, y));
        for (int j = 0, at = 0; j < distinct.length; j++) {
            int from = at;
            while (at < order.length && sizes[order[at]] == distinct[j]) {
                at++;
            }
            members[j] = new int[at - from];
            for (int q = from; q < at; q++) {
                members[j][q - from] = order[q];
            }
        }
        for (long s : sizes) {
            n += s;
        }
        this.total = n;
        this.sorted = new long[sizes.length];
        int at = 0;
        for (int j = 0; j < distinct.length; j++) {
            for (int t = 0; t < members[j].length; t++) {
                sorted[at++] = distinct[j];
            }
        }
        this.bigValues = new java.math.BigInteger[distinct.length];
        this.bigWeights = new java.math.BigInteger[distinct.length];
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        for (int j = 0; j < distinct.length; j++) {
            bigValues[j] = java.math.BigInteger.valueOf(distinct[j]);
            bigWeights[j] = bigValues[j].multiply(bigValues[j]).multiply(java.math.BigInteger.valueOf(members[j].length));
            sum = sum.add(bigWeights[j]);
        }
        this.weightSum = sum;
        this.weightHi = new double[distinct.length];
        this.weightLo = new double[distinct.length];
        for (int j = 0; j < distinct.length; j++) {
            weightHi[j] = bigWeights[j].doubleValue();
            weightLo[j] = bigWeights[j].subtract(new java.math.BigDecimal(weightHi[j]).toBigInteger()).doubleValue();
        }
    }

    /** w_j = weightHi(j) + weightLo(j), split into two doubles (exact while w_j &lt; 2^106). */
    double weightHi(int j) {
        return weightHi[j];
    }

    /** All w_j rounded to double (the weightHi values; shared, callers must not write to it). */
    double[] weightsDouble() {
        return weightHi;
    }

    /** The low part of w_j, see {@link #weightHi}. */
    double weightLo(int j) {
        return weightLo[j];
    }

    /** c_j as a BigInteger (shared across every root and certificate of these sizes). */
    java.math.BigInteger bigValue(int j) {
        return bigValues[j];
    }

    /** w_j = m_j c_j^2 as a BigInteger (shared). */
    java.math.BigInteger bigWeight(int j) {
        return bigWeights[j];
    }

    /** W = sum_j w_j = sum_k n_k^2, the width of the integer enclosure of {@link SecularEnclosure}. */
    java.math.BigInteger weightSum() {
        return weightSum;
    }

    /** c_j as an exact integer (shared, immutable). */
    org.apfloat.Apint exactValue(int j) {
        return exact()[0][j];
    }

    /** w_j = m_j c_j^2 as an exact integer (shared, immutable). */
    org.apfloat.Apint exactWeight(int j) {
        return exact()[1][j];
    }

    /** {c_j}, {w_j} as Apint (racy but idempotent: every thread builds the same exact values). */
    private org.apfloat.Apint[][] exact() {
        org.apfloat.Apint[][] e = exact;
        if (e == null) {
            e = new org.apfloat.Apint[2][distinct.length];
            for (int j = 0; j < distinct.length; j++) {
                // as before this was lazy: Apint(long) and Apint products (Apint(BigInteger) is far slower)
                e[0][j] = new org.apfloat.Apint(distinct[j]);
                e[1][j] = e[0][j].multiply(e[0][j]).multiply(new org.apfloat.Apint(members[j].length));
            }
            exact = e;
        }
        return e;
    }

    /** Groups of the given positive sizes. */
    public static SizeGroups of(long[] sizes) {
        for (long s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("size " + s + " is not positive");
            }
        }
        return new SizeGroups(sizes);
    }

    /** K. */
    public int classes() {
        return sizes.length;
    }

    /** n_k. */
    public long size(int k) {
        return sizes[k];
    }

    /** N. */
    public long total() {
        return total;
    }

    /** D, the number of distinct sizes. */
    public int count() {
        return distinct.length;
    }

    /** c_j, j = 0..D-1 decreasing. */
    public long value(int j) {
        return distinct[j];
    }

    /** m_j. */
    public int multiplicity(int j) {
        return members[j].length;
    }

    /** Class indices with size c_j, increasing. */
    public int[] members(int j) {
        return members[j].clone();
    }

    /** The sizes sorted decreasingly, n_(1) &gt;= ... &gt;= n_(K). */
    public long[] sortedDecreasing() {
        return sorted.clone();
    }

    /** n_(i+1), the (i+1)-th largest size (0-based i). */
    public long sortedSize(int i) {
        return sorted[i];
    }
}
