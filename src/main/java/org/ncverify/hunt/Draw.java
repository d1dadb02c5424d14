package org.ncverify.hunt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ncverify.instance.InputException;
import org.ncverify.sampling.InstanceSampler;
import org.ncverify.sampling.Profile;
import org.ncverify.sampling.Sample;

/**
 * Instance j of a hunt, from (profile, hunt seed, j) alone: the per-instance seed is
 * {@code seed_j = SplitMix64(seed + (j + 1) * 0x9E3779B97F4A7C15)} (the SplitMix64 finalizer
 * of Steele, Lea and Flood 2014 on the j-th step of its Weyl sequence), then
 * {@link InstanceSampler#sample(Profile, long)} with seed_j (or {@link InstanceSampler#mixed(long)}
 * for the profile {@value #MIXED}). So any instance regenerates without the ones before it, and
 * the sample's own seed replays it as {@code InstanceSampler.sample(profile, seed_j)}.
 *
 * <p>Profile names are the {@link Profile} constants in lower case with dashes
 * ({@code true-ties}, {@code near-threshold}, ...) plus {@value #MIXED}.
 */
public final class Draw {
    /** The profile that draws the profile too ({@link InstanceSampler#mixed(long)}). */
    public static final String MIXED = "mixed";

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private Draw() {
    }

    /** Instance {@code index} of the hunt ({@code profile}, {@code seed}). */
    public static Sample draw(String profile, long seed, long index) {
        long s = instanceSeed(seed, index);
        return MIXED.equals(profile) ? InstanceSampler.mixed(s) : InstanceSampler.sample(profile(profile), s);
    }

    /** seed_j: the SplitMix64 output at step j + 1 of the stream seeded by {@code seed}. */
    public static long instanceSeed(long seed, long index) {
        long z = seed + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The sampling profile named {@code name} (lower case, dashes); {@value #MIXED} is not one. */
    public static Profile profile(String name) {
        for (Profile p : Profile.values()) {
            if (name(p).equals(name)) {
                return p;
            }
        }
        throw new InputException("--profile = " + name + ": unknown profile; expected one of " + String.join(", ", names()));
    }

    /** Checks a profile name: one of {@link #names()}. */
    public static String checkName(String name) {
        if (!MIXED.equals(name)) {
            profile(name);
        }
        return name;
    }

    /** The hunt's name of a sampling profile: {@code TRUE_TIES} is {@code true-ties}. */
    public static String name(Profile p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every profile name a hunt accepts, the sampling ones in declaration order, then {@value #MIXED}. */
    public static List<String> names() {
        List<String> out = new java.util.ArrayList<>(Arrays.stream(Profile.values()).map(Draw::name).toList());
        out.add(MIXED);
        return List.copyOf(out);
    }
}
