package org.ncverify.sampling;

import java.util.List;

/**
 * A source of random integer draws, the only randomness the instance generators use. Every
 * derived draw (a choice, a log-uniform size, a decimal weight decay) is built from
 * {@link #between}, so a property-testing library can drive, record and shrink the draws
 * (shrinking a draw towards {@code lo} makes the instance smaller or simpler), and a seeded
 * implementation ({@link SeededDraws}) replays an instance from its seed.
 */
public interface Draws {
    /** A value in [lo, hi], both ends included; lo &lt;= hi. */
    long between(long lo, long hi);

    /** An int in [lo, hi], both ends included. */
    default int intBetween(int lo, int hi) {
        return (int) between(lo, hi);
    }

    /** True with probability 1/n (n &gt;= 1). */
    default boolean oneIn(int n) {
        return between(0, n - 1L) == n - 1L;
    }

    /** One of the options, uniformly. */
    default <T> T pick(List<T> options) {
        return options.get(intBetween(0, options.size() - 1));
    }

    /**
     * An integer in [lo, hi] (1 &lt;= lo &lt;= hi), log-uniform: round(lo 10^(j/1000)) for a
     * uniform grid step j, clipped into the range. Deterministic ({@link StrictMath}).
     */
    default long logUniform(long lo, long hi) {
        if (lo < 1 || hi < lo) {
            throw new IllegalArgumentException("log-uniform range [" + lo + ", " + hi + "] must satisfy 1 <= lo <= hi");
        }
        long steps = (long) StrictMath.floor(1000 * StrictMath.log10((double) hi / lo));
        long j = between(0, steps);
        long v = Math.round(lo * StrictMath.pow(10, j / 1000.0));
        return Math.max(lo, Math.min(hi, v));
    }
}
