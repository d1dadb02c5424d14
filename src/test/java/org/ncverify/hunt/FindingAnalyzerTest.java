package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.hunt.mutants.InterlacingSwappedProbe;
import org.ncverify.instance.Instance;
import org.ncverify.support.Instances;

/** {@link FindingAnalyzer}: the fast empty path, NUMERICAL by the 2P re-check, FALSE_AS_STATED, bad verdicts. */
class FindingAnalyzerTest {
    @Test
    void nothingFailsGivesNoFinding() {
        Instance x = Instances.imbalanced();
        List<Verdict> verdicts = Judge.closedForm(x, Catalogue.all(), 20);
        assertTrue(verdicts.stream().noneMatch(v -> v.status() == Status.FAIL), verdicts.toString());
        assertEquals(List.of(), new FindingAnalyzer(Catalogue.all(), 20, 7).analyze(0, x, verdicts));
    }

    @Test
    void aFailThatDisappearsAtTwiceTheDigitsIsNumericalAndNotShrunk() {
        // an instance (InstanceSampler.sample(STEP, 9)) whose rounded squares miss the trace at 30 digits
        Instance x = Instance.of(new long[] {2349795, 2349795, 2349795, 2349795, 2349795, 2349795, 2349795, 783265}, 11,
            null, 1, new org.apfloat.Aprational[] {Instances.dec("0.0000465")}, Instances.dec("0.0000465"));
        RoundingLevelTraceClaim claim = new RoundingLevelTraceClaim(30);
        Verdict at30 = Judge.closedForm(x, claim, 30);
        Verdict at60 = Judge.closedForm(x, claim, 60);
        // the example is honest only if the FAIL really is rounding: it FAILs at 30 and PASSes at 60
        assertEquals(Status.FAIL, at30.status(), at30.toString());
        assertEquals(Status.PASS, at60.status(), at60.toString());
        Catalogue c = Catalogue.ofClaims(List.of(claim));
        List<Finding> fs = new FindingAnalyzer(c, 30, 11).analyze(4, x, List.of(at30));
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(FindingClass.NUMERICAL, f.kind());
        assertEquals("R1", f.claimId());
        assertNull(f.reading());
        assertEquals(x, f.shrunk());
        assertEquals(x, f.original());
        assertEquals(11, f.seed());
        assertEquals(4, f.index());
        assertEquals(at30.residualText(), f.residual());
        assertTrue(f.detail().contains("not at 60"), f.detail());
        assertEquals("ncverify verify " + x.describe() + " --digits 30 --claims R1", f.replay());
    }

    @Test
    void aFailThatStaysAtTwiceTheDigitsIsShrunkAndFalseAsStated() {
        Instance x = Instance.of(new long[] {9, 4, 4, 1}, 3, null, 1, new org.apfloat.Aprational[] {Instances.dec("1e-3")},
            Instances.dec("1e-3"));
        var mutant = InterlacingSwappedProbe.claim();
        Verdict v = Judge.closedForm(x, mutant, 20);
        assertEquals(Status.FAIL, v.status());
        List<Finding> fs = new FindingAnalyzer(Catalogue.ofClaims(List.of(mutant)), 20, 1).analyze(0, x, List.of(v));
        assertEquals(1, fs.size());
        Finding f = fs.get(0);
        assertEquals(FindingClass.FALSE_AS_STATED, f.kind());
        assertTrue(f.shrunk().classes() <= x.classes() && f.shrunk().total() < x.total(), f.shrunk().describe());
        for (Instance step : Shrinker.steps(f.shrunk())) {
            assertTrue(Judge.closedForm(step, mutant, 20).status() != Status.FAIL, step.describe());
        }
    }

    @Test
    void theIndependentReadingFailingWhileTheClaimHoldsIsHypothesisNeeded() {
        // (8, 8, 8, 3, 1), d = 6, L = 2 (README): C7 PASSes, its reading (b) FAILs inside the tie s = sqrt 8
        Instance x = Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, new org.apfloat.Aprational[] {Instances.dec("1e-3")},
            Instances.dec("1e-3"));
        Catalogue c7 = Catalogue.of(List.of("C7"));
        Verdict v = Judge.closedForm(x, c7.claims().get(0), 20);
        assertEquals(Status.PASS, v.status());
        List<Finding> fs = new FindingAnalyzer(c7, 20, 3).analyze(2, x, List.of(v));
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(FindingClass.HYPOTHESIS_NEEDED, f.kind());
        assertEquals(Reading.INDEPENDENT, f.reading());
        assertTrue(f.detail().contains("(1-minimal)"), f.detail());
        for (Instance step : Shrinker.steps(f.shrunk())) {
            Verdict w = Judge.closedForm(step, c7.claims().get(0), 20);
            boolean shows = w.status() == Status.PASS && w.readings().stream()
                .anyMatch(r -> r.name().equals(Reading.INDEPENDENT) && r.status() == Status.FAIL);
            assertTrue(!shows, "step " + step.describe() + " of " + f.shrunk().describe() + " still shows it");
        }
        System.out.println("C7 (b) on " + x.describe() + " -> " + f.shrunk().describe() + "; " + f.replay() + "; "
            + f.detail());
    }

    @Test
    void aVerdictOfAClaimOutsideTheCatalogueIsAnError() {
        Instance x = Instances.imbalanced();
        Verdict v = Verdict.fail("C99", null, null, "-", "made up");
        assertThrows(IllegalArgumentException.class, () -> new FindingAnalyzer(Catalogue.all(), 20, 0).analyze(0, x, List.of(v)));
        assertThrows(IllegalArgumentException.class, () -> new FindingAnalyzer(Catalogue.all(), 5, 0));
    }
}
