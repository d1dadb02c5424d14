package org.ncverify.sampling;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * The adapter from QuickTheories to the generators of main code: every draw is one
 * {@link RandomnessSource#next(Constraint)} call, so QuickTheories records the draws and can
 * shrink them (towards the low end of each range: fewer classes, smaller sizes, shallower nets).
 */
public final class QtDraws implements Draws {
    private final RandomnessSource source;

    private QtDraws(RandomnessSource source) {
        this.source = source;
    }

    @Override
    public long between(long lo, long hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        return source.next(Constraint.between(lo, hi));
    }

    /** Instances of one profile, the draws driven (and shrunk) by QuickTheories. */
    public static Gen<Sample> of(Profile profile) {
        return src -> profile.generate(new QtDraws(src));
    }

    /** The mixed generator (profile drawn first), driven by QuickTheories. */
    public static Gen<Sample> mixed() {
        return src -> InstanceSampler.mixed(new QtDraws(src));
    }

    /**
     * The mixed generator from seeds: QuickTheories draws only the seed, and every instance
     * replays as {@code InstanceSampler.sample(profile, seed)} (no useful shrinking).
     */
    public static Gen<Sample> seeded() {
        return src -> InstanceSampler.mixed(src.next(Constraint.between(0, Long.MAX_VALUE)));
    }
}
