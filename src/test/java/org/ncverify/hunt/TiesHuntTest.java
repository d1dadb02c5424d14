package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Reading;
import org.ncverify.sampling.Profile;

/**
 * Issue 10, "Acceptance": a hunt of the whole catalogue on the ties profile (a size repeated at
 * least three times) finds C7's independent-bases reading FAILing while C7 holds, classifies it
 * HYPOTHESIS_NEEDED, and gives no FALSE_AS_STATED finding.
 */
class TiesHuntTest {
    @Test
    void c7IndependentBasesOnTiesIsHypothesisNeeded() {
        TestHunt.Outcome o = TestHunt.run(Profile.TRUE_TIES, 5L, 200, 20, Catalogue.all(), null,
            f -> f.claimId().equals("C7"));
        List<Finding> c7 = o.of("C7", FindingClass.HYPOTHESIS_NEEDED);
        assertFalse(c7.isEmpty(), "no C7 finding in " + o.judged().size() + " instances: " + o.findings());
        Finding f = c7.get(0);
        assertEquals(Reading.INDEPENDENT, f.reading());
        assertTrue(f.detail().startsWith("hypothesis needed"), f.detail());
        assertTrue(o.findings().stream().noneMatch(x -> x.kind() == FindingClass.FALSE_AS_STATED), o.findings().toString());
        assertTrue(o.failed().stream().allMatch(java.util.Set::isEmpty), "a catalogue claim FAILed: " + o.failed());
        System.out.println("ties hunt: " + o.judged().size() + " instance(s), " + f.original().describe() + " -> "
            + f.shrunk().describe() + "; " + f.replay());
    }
}
