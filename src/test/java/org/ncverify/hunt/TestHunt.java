package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.InstanceSampler;
import org.ncverify.sampling.Profile;

/**
 * A test-side stand-in for a default-budget random hunt, so that the findings tests do not
 * depend on the engine: instance j is {@code InstanceSampler.sample(profile, seed_j)} with
 * seed_j = SplitMix64(seed, j), judged by {@link Judge#closedForm}, its verdicts analysed by
 * {@link FindingAnalyzer#analyze}; findings deduplicated by {@link Finding#key()} (first kept,
 * counts summed). Sequential and deterministic.
 *
 * <p>TODO(coordinator): once hunt-engine's {@code org.ncverify.hunt.Hunt} is merged, replace
 * {@link #run} by a {@code Hunt} run with {@code HuntOptions} (profile, count, seed, digits,
 * RANDOM) and read its findings; the assertions of the tests stay as they are.
 */
public final class TestHunt {
    /**
     * What the hunt saw.
     *
     * @param findings  deduplicated findings, first occurrence first
     * @param judged    the instances judged, in index order
     * @param failed    for each judged instance, the ids of the claims whose verdict FAILed
     */
    public record Outcome(List<Finding> findings, List<Instance> judged, List<Set<String>> failed) {
        /** The findings of {@code claimId} of class {@code kind}. */
        public List<Finding> of(String claimId, FindingClass kind) {
            return findings.stream().filter(f -> f.claimId().equals(claimId) && f.kind() == kind).toList();
        }
    }

    private TestHunt() {
    }

    /** The per-instance seed of instance j of a hunt with seed {@code seed}: SplitMix64 of (seed, j). */
    public static long instanceSeed(long seed, long j) {
        long z = seed + (j + 1) * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Hunts {@code catalogue} on up to {@code count} instances of {@code profile}, analysing the
     * verdicts of the claims in {@code analyse} (all when null), and stops after the first
     * instance that gives a finding accepted by {@code stop}.
     */
    public static Outcome run(Profile profile, long seed, int count, int digits, Catalogue catalogue,
                              Set<String> analyse, Predicate<Finding> stop) {
        return run(profile, seed, count, digits, catalogue, analyse, stop, List.of());
    }

    /** {@link #run} with the arguments that load the user's claims, for the replay lines. */
    public static Outcome run(Profile profile, long seed, int count, int digits, Catalogue catalogue,
                              Set<String> analyse, Predicate<Finding> stop, List<String> userClassArgs) {
        FindingAnalyzer analyzer = new FindingAnalyzer(catalogue, digits, seed, userClassArgs, Shrinker.DEFAULT_BUDGET);
        Map<String, Finding> found = new LinkedHashMap<>();
        List<Instance> judged = new ArrayList<>();
        List<Set<String>> failed = new ArrayList<>();
        for (long j = 0; j < count; j++) {
            Instance x = InstanceSampler.sample(profile, instanceSeed(seed, j)).instance();
            List<Verdict> verdicts = Judge.closedForm(x, catalogue, digits);
            judged.add(x);
            failed.add(Set.copyOf(verdicts.stream().filter(v -> v.status() == Status.FAIL).map(Verdict::claimId)
                .toList()));
            List<Verdict> mine = analyse == null ? verdicts
                : verdicts.stream().filter(v -> analyse.contains(v.claimId())).toList();
            boolean done = false;
            for (Finding f : analyzer.analyze(j, x, mine)) {
                found.merge(f.key(), f, (a, b) -> a.plus(b.count()));
                done |= stop.test(f);
            }
            if (done) {
                break;
            }
        }
        return new Outcome(List.copyOf(found.values()), judged, failed);
    }
}
