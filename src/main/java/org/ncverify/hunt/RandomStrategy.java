package org.ncverify.hunt;

import org.ncverify.sampling.Sample;

/** Fresh draws only: instance j is {@link Draw#draw}(profile, seed, j), whatever the pool. Immutable. */
public final class RandomStrategy implements Strategy {
    private final String profile;
    private final long seed;

    /** Draws of {@code profile} (a {@link Draw#names()} name) from the hunt seed {@code seed}. */
    public RandomStrategy(String profile, long seed) {
        this.profile = Draw.checkName(profile);
        this.seed = seed;
    }

    @Override
    public Sample draw(long index, Pool pool) {
        return Draw.draw(profile, seed, index);
    }
}
