package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;

/**
 * The targeted strategy against the random one (same profile, seed and budget, the engine's
 * loop of {@link MiniHunt}: batches of 8, pool of 32, 30 digits) on two mutants with a narrow
 * failure region ({@link NarrowMutants}). The default budgets (32 and 40 instances) keep it fast;
 * the first seed must show targeted search finding the counterexample and random search not.
 * Figures for more seeds and a larger budget (printed, not asserted past the first seed):
 * {@code -Dncverify.targeted.seeds=3 -Dncverify.targeted.budget=200} (the README table came from it).
 */
class TargetedVsRandomTest {
    private static final int SEEDS = Integer.getInteger("ncverify.targeted.seeds", 1);
    private static final Integer BUDGET = Integer.getInteger("ncverify.targeted.budget");

    /** s_i within 1e-15 of s_crit: the long-tail profile never draws it; the THRESHOLD move reaches it. */
    @Test
    void nearThresholdMutantIsFoundOnlyByTargetedSearch() {
        compare(new NarrowMutants.NearThresholdMutant(), "long-tail", BUDGET == null ? 32 : BUDGET);
    }

    /** A tie of multiplicity 3+ with a bottleneck: rare in mixed draws, two moves away from many of them. */
    @Test
    void tieBottleneckMutantIsFoundOnlyByTargetedSearch() {
        compare(new NarrowMutants.TieBottleneckMutant(), "mixed", BUDGET == null ? 40 : BUDGET);
    }

    private static void compare(Claim mutant, String profile, int budget) {
        Catalogue c = Catalogue.ofClaims(List.of(mutant));
        for (long seed = 1; seed <= SEEDS; seed++) {
            MiniHunt.Outcome t = MiniHunt.run(new TargetedStrategy(profile, seed), c, 30, budget, 8, 32);
            MiniHunt.Outcome r = MiniHunt.run(MiniHunt.random(profile, seed), c, 30, budget, 8, 32);
            System.out.printf("%s on %s, seed %d, budget %d: targeted first FAIL at %d (%d FAILs), random at %d (%d FAILs)%n",
                mutant.id(), profile, seed, budget, t.firstFail(), t.fails(), r.firstFail(), r.fails());
            if (seed == 1 && BUDGET == null) {
                assertTrue(t.firstFail() >= 0, "targeted search found no counterexample to " + mutant.id() + ": " + t);
                assertEquals(-1, r.firstFail(), "random search found " + mutant.id() + " too: " + r);
            }
        }
    }
}
