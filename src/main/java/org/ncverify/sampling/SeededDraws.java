package org.ncverify.sampling;

import java.util.SplittableRandom;

/**
 * {@link Draws} from a {@link SplittableRandom} with a fixed seed: the same seed gives the same
 * sequence of draws on every JVM, so an instance is replayed from (profile, seed).
 * Not thread-safe (one instance per generated sample).
 */
public final class SeededDraws implements Draws {
    private final SplittableRandom random;

    public SeededDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long between(long lo, long hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        if (hi == Long.MAX_VALUE && lo <= 0) {
            long v;
            do {
                v = random.nextLong();
            } while (v < lo);
            return v;
        }
        return random.nextLong(lo, hi + 1);
    }
}
