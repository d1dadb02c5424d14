// STUB: owned by hunt-targeted
package org.ncverify.hunt;

import org.ncverify.sampling.Sample;

/** Stub: fresh draws until hunt-targeted's local moves land. */
public final class TargetedStrategy implements Strategy {
    private final RandomStrategy fresh;

    public TargetedStrategy(String profile, long seed) {
        this.fresh = new RandomStrategy(profile, seed);
    }

    @Override
    public Sample draw(long index, Pool pool) {
        return fresh.draw(index, pool);
    }
}
