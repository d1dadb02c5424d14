// STUB: owned by hunt-engine
package org.ncverify.hunt;

import java.util.Locale;
import org.ncverify.sampling.InstanceSampler;
import org.ncverify.sampling.Profile;
import org.ncverify.sampling.Sample;

/** Instance j of a hunt from (profile, seed, j) alone (stub: SplitMix64 of seed and j). */
public final class Draw {
    private Draw() {
    }

    /** Instance {@code index} of a hunt of {@code profile} ("mixed" or a profile name) with {@code seed}. */
    public static Sample draw(String profile, long seed, long index) {
        long s = mix(seed ^ mix(index));
        if ("mixed".equalsIgnoreCase(profile)) {
            return InstanceSampler.mixed(s);
        }
        return InstanceSampler.sample(Profile.valueOf(profile.toUpperCase(Locale.ROOT).replace('-', '_')), s);
    }

    private static long mix(long z) {
        z += 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
