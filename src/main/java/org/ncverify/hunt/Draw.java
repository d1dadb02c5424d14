// STUB: owned by hunt-engine
package org.ncverify.hunt;

import java.util.Locale;
import org.ncverify.sampling.InstanceSampler;
import org.ncverify.sampling.Profile;
import org.ncverify.sampling.Sample;

/**
 * Instance j of a hunt from (profile, seed, j) alone (stub with hunt-engine's seeding:
 * seed_j = SplitMix64(seed + (j + 1) * golden); profile names in lower case with dashes, or "mixed").
 */
public final class Draw {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private Draw() {
    }

    /** Instance {@code index} of a hunt of {@code profile} ("mixed" or a profile name) with {@code seed}. */
    public static Sample draw(String profile, long seed, long index) {
        long z = seed + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        long s = z ^ (z >>> 31);
        if ("mixed".equals(profile)) {
            return InstanceSampler.mixed(s);
        }
        return InstanceSampler.sample(Profile.valueOf(profile.toUpperCase(Locale.ROOT).replace('-', '_')), s);
    }
}
