package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.Sample;

/**
 * {@code --strategy targeted}: climbs towards a claim's boundary from the worst instances seen
 * (the idea of Hypothesis' {@code target()}). Instance j is
 * <ul>
 * <li>a fresh draw {@link Draw#draw(String, long, long)} (the very instance the random strategy
 *     draws for j) when the pool is empty and, otherwise, one time in {@link #FRESH_ONE_IN};</li>
 * <li>else a parent from the pool: a claim picked uniformly among those the pool holds (when
 *     there are several), then an entry of that claim by rank with density 1/(2 sqrt(u)) over its
 *     entries best first (position floor(u^2 size), u uniform: the best entry most often), changed by
 *     1 to {@link #MAX_STEPS} local {@link Moves.Move}s, each picked uniformly (a move that does
 *     not apply is redrawn, up to {@link #ATTEMPTS} times per step).</li>
 * </ul>
 * The score is the pool's: {@link Margin#worst} of the instance's verdicts (log10 of residual /
 * tolerance of its worst claim). A move whose child scores higher than the pool's last entry
 * enters the pool and is itself expanded, so the search keeps moves that raise the margin and
 * drifts to where a claim is closest to failing; a FAIL (margin &gt; 0) ranks first.
 *
 * <p>A pure function of (profile, seed, index, pool): the random source of instance j is a
 * SplittableRandom seeded by a SplitMix64 mix of (seed, j), independent of every other index.
 * A moved instance's sample carries no sampler seed (it replays from the journal's instance, or
 * from (seed, j, pool)); its profile is the one whose edge case the last move arranged
 * ({@link Moves.Move#profile()}) and its note names the moves and the parent.
 */
public final class TargetedStrategy implements Strategy {
    /** One draw in this many is fresh (so the pool never stops taking in new regions). */
    public static final int FRESH_ONE_IN = 4;
    /** Most moves chained on one parent. */
    public static final int MAX_STEPS = 3;
    /** Tries per step to find a move that applies. */
    static final int ATTEMPTS = 8;
    private static final long SALT = 0x7461_7267_6574_6564L;

    private final String profile;
    private final long seed;

    /**
     * @param profile the hunt's profile ("mixed" or a sampling profile), for the fresh draws
     * @param seed    the hunt's seed
     */
    public TargetedStrategy(String profile, long seed) {
        this.profile = profile;
        this.seed = seed;
    }

    @Override
    public Sample draw(long index, Pool pool) {
        SplittableRandom r = new SplittableRandom(mix(mix(seed ^ SALT) ^ index));
        if (pool.isEmpty() || r.nextInt(FRESH_ONE_IN) == 0) {
            return Draw.draw(profile, seed, index);
        }
        List<String> claims = pool.claims();
        List<Pool.Entry> entries = claims.size() == 1 ? pool.entries()
            : pool.entries(claims.get(r.nextInt(claims.size())));
        double u = r.nextDouble();
        Pool.Entry parent = entries.get(Math.min(entries.size() - 1, (int) (u * u * entries.size())));
        int steps = 1 + r.nextInt(MAX_STEPS);
        Instance x = parent.instance();
        List<Moves.Move> applied = new ArrayList<>();
        Moves.Move[] all = Moves.Move.values();
        for (int s = 0; s < steps; s++) {
            for (int a = 0; a < ATTEMPTS; a++) {
                Moves.Move m = all[r.nextInt(all.length)];
                Instance y = Moves.apply(m, x, r);
                if (y != null) {
                    x = y;
                    applied.add(m);
                    break;
                }
            }
        }
        if (applied.isEmpty()) {
            return Draw.draw(profile, seed, index);
        }
        String note = "targeted: " + applied + " of #" + parent.index()
            + (parent.claimId() == null ? "" : " (" + parent.claimId() + String.format(" margin %.3g)", parent.margin()));
        return new Sample(applied.get(applied.size() - 1).profile(), OptionalLong.empty(), x, note);
    }

    /** The SplitMix64 finalizer after its golden-ratio increment. */
    static long mix(long z) {
        z += 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "TargetedStrategy[" + profile + ", seed " + seed + "]";
    }
}
