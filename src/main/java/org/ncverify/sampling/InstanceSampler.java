package org.ncverify.sampling;

import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Entry points of the instance generators: an instance of a profile from a seed (replayable
 * from (profile, seed)), and the mixed generator that draws the profile too.
 */
public final class InstanceSampler {
    private static final List<Profile> PROFILES = List.of(Profile.values());

    private InstanceSampler() {
    }

    /** The instance of {@code profile} drawn by {@link SeededDraws} from {@code seed}. */
    public static Sample sample(Profile profile, long seed) {
        Sample s = profile.generate(new SeededDraws(seed));
        return new Sample(profile, OptionalLong.of(seed), s.instance(), s.note());
    }

    /**
     * The profile picked by the seed (uniformly), then {@link #sample(Profile, long)} with the
     * same seed: the result replays as {@code sample(result.profile(), seed)}.
     */
    public static Sample mixed(long seed) {
        Profile p = PROFILES.get(new SplittableRandom(seed).nextInt(PROFILES.size()));
        return sample(p, seed);
    }

    /** The mixed generator on any draws: the profile first, then its instance. */
    public static Sample mixed(Draws d) {
        return d.pick(PROFILES).generate(d);
    }
}
