package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;
import org.ncverify.sampling.InstanceSampler;
import org.ncverify.sampling.Profile;
import org.ncverify.sampling.Sample;

class DrawTest {
    @Test
    void instanceJComesFromSeedAndJAlone() {
        for (String p : Draw.names()) {
            Sample s = Draw.draw(p, 42, 17);
            assertEquals(s.instance(), Draw.draw(p, 42, 17).instance(), p);
            long seed = Draw.instanceSeed(42, 17);
            assertEquals(seed, s.seed().getAsLong(), p);
            // the sample's own seed replays it, without instances 0..16
            assertEquals(s.instance(), InstanceSampler.sample(s.profile(), seed).instance(), p);
            if (!p.equals(Draw.MIXED)) {
                assertEquals(p, Draw.name(s.profile()));
            }
        }
    }

    @Test
    void perInstanceSeedsDifferAcrossIndicesAndHuntSeeds() {
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 4; seed++) {
            for (long j = 0; j < 250; j++) {
                assertTrue(seen.add(Draw.instanceSeed(seed, j)), "collision at seed " + seed + ", j " + j);
            }
        }
        assertNotEquals(Draw.draw("step", 1, 0).instance(), Draw.draw("step", 2, 0).instance());
    }

    @Test
    void profileNamesAreLowerCaseWithDashes() {
        assertEquals(Profile.TRUE_TIES, Draw.profile("true-ties"));
        assertEquals(Profile.NEAR_THRESHOLD, Draw.profile("near-threshold"));
        assertEquals(Profile.values().length + 1, Draw.names().size());
        assertEquals(Draw.MIXED, Draw.names().get(Draw.names().size() - 1));
        InputException e = assertThrows(InputException.class, () -> Draw.checkName("TRUE_TIES"));
        assertTrue(e.getMessage().contains("true-ties") && e.getMessage().contains("mixed"), e.getMessage());
        assertEquals("mixed", Draw.checkName("mixed"));
    }
}
