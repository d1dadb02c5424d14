package org.ncverify.hunt;

import java.util.List;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.sampling.Sample;

/**
 * The engine's loop as the contract states it, sequential, for measuring strategies without
 * the engine: instance j is drawn by the strategy from the pool after every batch before j's,
 * judged by {@link Judge#closedForm}, and added with its worst score ({@link Margin#score}).
 */
final class MiniHunt {
    /** What a hunt of {@code judged} instances found: the index of its first FAIL (-1: none) and the number of FAILs. */
    record Outcome(long firstFail, int fails, int judged) {
    }

    private MiniHunt() {
    }

    static Outcome run(Strategy strategy, Catalogue catalogue, int digits, int budget, int batch, int capacity) {
        Pool pool = Pool.empty(capacity);
        long first = -1;
        int fails = 0;
        for (int b = 0; b < budget; b += batch) {
            Pool seen = pool;
            for (int j = b; j < Math.min(budget, b + batch); j++) {
                Sample s = strategy.draw(j, seen);
                List<Verdict> v = Judge.closedForm(s.instance(), catalogue, digits);
                boolean failed = v.stream().anyMatch(x -> x.status() == Status.FAIL);
                if (failed) {
                    fails++;
                    first = first < 0 ? j : first;
                }
                pool = pool.with(j, s.instance(), worstClaim(v), worstScore(v));
            }
        }
        return new Outcome(first, fails, budget);
    }

    /** The strategy that draws every instance fresh, as the random strategy does. */
    static Strategy random(String profile, long seed) {
        return (index, pool) -> Draw.draw(profile, seed, index);
    }

    private static double worstScore(List<Verdict> v) {
        return v.stream().mapToDouble(Margin::score).max().orElse(Double.NEGATIVE_INFINITY);
    }

    private static String worstClaim(List<Verdict> v) {
        String id = null;
        double m = Double.NEGATIVE_INFINITY;
        for (Verdict x : v) {
            double s = Margin.score(x);
            if (id == null || s > m) {
                id = x.claimId();
                m = s;
            }
        }
        return id;
    }
}
