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
 * failure region ({@link NarrowMutants}). Figures for more seeds:
 * {@code -Dncverify.targeted.seeds=3} prints every seed's outcome (the README table came from it).
 */
class TargetedVsRandomTest {
    private static final int SEEDS = Integer.getInteger("ncverify.targeted.seeds", 1);

    /** s_i within 1e-15 of s_crit: the long-tail profile never draws it; the THRESHOLD move reaches it. */
    @Test
    void nearThresholdMutantIsFoundOnlyByTargetedSearch() {
        compare(new NarrowMutants.NearThresholdMutant(), "long_tail", 48);
    }

    /** A tie of multiplicity 3+ with a bottleneck: rare in mixed draws, two moves away from many of them. */
    @Test
    void tieBottleneckMutantIsFoundOnlyByTargetedSearch() {
        compare(new NarrowMutants.TieBottleneckMutant(), "mixed", 96);
    }

    private static void compare(Claim mutant, String profile, int budget) {
        Catalogue c = Catalogue.ofClaims(List.of(mutant));
        for (long seed = 1; seed <= SEEDS; seed++) {
            MiniHunt.Outcome t = MiniHunt.run(new TargetedStrategy(profile, seed), c, 30, budget, 8, 32);
            MiniHunt.Outcome r = MiniHunt.run(MiniHunt.random(profile, seed), c, 30, budget, 8, 32);
            System.out.printf("%s on %s, seed %d, budget %d: targeted first FAIL at %d (%d FAILs), random at %d (%d FAILs)%n",
                mutant.id(), profile, seed, budget, t.firstFail(), t.fails(), r.firstFail(), r.fails());
            if (seed == 1) {
                assertTrue(t.firstFail() >= 0, "targeted search found no counterexample to " + mutant.id() + ": " + t);
                assertEquals(-1, r.firstFail(), "random search found " + mutant.id() + " too: " + r);
            }
        }
    }
}
