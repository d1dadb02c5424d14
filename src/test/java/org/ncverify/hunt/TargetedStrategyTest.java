package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.Sample;
import org.ncverify.support.Instances;

class TargetedStrategyTest {
    private static Pool pool() {
        return Pool.empty(8).with(0, Instances.imbalanced(), "C7", -3).with(1, Instances.bottleneck(), "C5", -8)
            .with(2, Instances.narrow(), "C9", -10);
    }

    @Test
    void emptyPoolDrawsWhatTheRandomStrategyDraws() {
        TargetedStrategy t = new TargetedStrategy("mixed", 11);
        for (long j = 0; j < 5; j++) {
            assertEquals(Draw.draw("mixed", 11, j).instance(), t.draw(j, Pool.empty(8)).instance());
        }
    }

    @Test
    void sameSeedIndexAndPoolGiveTheSameSample() {
        Pool p = pool();
        for (long j = 0; j < 40; j++) {
            Sample a = new TargetedStrategy("mixed", 11).draw(j, p);
            Sample b = new TargetedStrategy("mixed", 11).draw(j, pool());
            assertEquals(a.instance(), b.instance(), "index " + j);
            assertEquals(a.note(), b.note());
            assertEquals(a.profile(), b.profile());
        }
    }

    /** Over many indices: mostly moved children of pool entries, some fresh draws, every instance in range. */
    @Test
    void movesMostIndicesAndKeepsAFreshFraction() {
        Pool p = pool();
        TargetedStrategy t = new TargetedStrategy("long-tail", 3);
        int moved = 0;
        int n = 120;
        for (long j = 0; j < n; j++) {
            Sample s = t.draw(j, p);
            Instance x = s.instance();
            assertTrue(Moves.inRange(x), x.describe());
            if (s.note().startsWith("targeted: ")) {
                moved++;
                assertTrue(s.seed().isEmpty());
            } else {
                assertEquals(Draw.draw("long-tail", 3, j).instance(), x);
            }
        }
        double fresh = (n - moved) / (double) n;
        assertTrue(fresh > 0.1 && fresh < 0.45, "fresh fraction " + fresh + " (expected about 1/" + TargetedStrategy.FRESH_ONE_IN + ")");
    }

    /** With several claims in the pool, parents come from each of them, not only from the claim with the largest margins. */
    @Test
    void parentsComeFromEveryClaim() {
        Pool p = Pool.empty(4).with(0, Instances.imbalanced(), "C8", -2.7).with(1, Instances.bottleneck(), "C8", -2.6)
            .with(2, Instances.narrow(), "C1", -30);
        TargetedStrategy t = new TargetedStrategy("mixed", 5);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (long j = 0; j < 40; j++) {
            String note = t.draw(j, p).note();
            if (note.startsWith("targeted: ")) {
                seen.add(note.substring(note.lastIndexOf('(') + 1, note.lastIndexOf(" margin")));
            }
        }
        assertEquals(java.util.Set.of("C1", "C8"), seen);
    }

    @Test
    void differentSeedsMoveDifferently() {
        Pool p = pool();
        int same = 0;
        for (long j = 0; j < 20; j++) {
            same += new TargetedStrategy("mixed", 1).draw(j, p).instance().equals(new TargetedStrategy("mixed", 2).draw(j, p).instance())
                ? 1 : 0;
        }
        assertTrue(same < 5, same + " of 20 equal");
    }
}
