package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.support.Instances;

class OptimizerJudgeTest {
    private static Instance of(long[] n, int dim, int[] widths, int depth, String lambda) {
        Aprational l = Rationals.parseDecimal("test", lambda);
        return Instance.of(n, dim, widths, depth, new Aprational[] {l}, l);
    }

    @Test
    void fitsExactlyUpToEachLimit() {
        long[] eight = {8, 8, 8, 8, 8, 8, 8, 8};
        assertTrue(OptimizerJudge.fits(of(eight, 8, new int[] {8, 8}, 3, "1e-3")), "K = 8, N = 64, widths 8, L = 3");
        long[] nine = {7, 7, 7, 7, 7, 7, 7, 7, 7};
        assertFalse(OptimizerJudge.fits(of(nine, 8, null, 1, "1e-3")), "K = 9");
        long[] n65 = {9, 8, 8, 8, 8, 8, 8, 8};
        assertFalse(OptimizerJudge.fits(of(n65, 8, null, 1, "1e-3")), "N = 65");
        assertFalse(OptimizerJudge.fits(of(new long[] {3, 2}, 9, null, 1, "1e-3")), "d = 9");
        assertFalse(OptimizerJudge.fits(of(new long[] {3, 2}, 2, new int[] {9}, 2, "1e-3")), "a width of 9");
        assertFalse(OptimizerJudge.fits(of(new long[] {3, 2}, 2, null, 4, "1e-3")), "L = 4");
        assertTrue(OptimizerJudge.fits(of(new long[] {3, 2}, 2, null, 3, "1e-3")), "L = 3");
    }

    @Test
    void seedsComeFromHuntSeedAndIndexAlone() {
        assertEquals(OptimizerJudge.startSeed(7, 3), OptimizerJudge.startSeed(7, 3));
        assertNotEquals(OptimizerJudge.startSeed(7, 3), OptimizerJudge.startSeed(7, 4));
        assertNotEquals(OptimizerJudge.startSeed(7, 3), OptimizerJudge.startSeed(8, 3));
    }

    @Test
    void tooLargeIsRefused() {
        Instance big = of(new long[] {100, 50}, 4, null, 1, "1e-3");
        assertThrows(IllegalArgumentException.class, () -> OptimizerJudge.judge(big, Catalogue.all(), 30, 1, 0));
    }

    /** (10, 5, 3, 2), L = 2: every start reaches the global minimizer; C13 PASSes, C12 is not judged, no finding. */
    @Test
    void globalRunsPassC13AndGiveNoFinding() {
        OptimizerJudge.Outcome o = OptimizerJudge.judge(Instances.imbalanced(), Catalogue.all(), 30, 5, 2);
        assertTrue(o.findings().isEmpty(), "findings: " + o.findings());
        Verdict c13 = o.verdicts().stream().filter(v -> v.claimId().equals("C13")).findFirst().orElseThrow();
        assertEquals(Status.PASS, c13.status(), c13.toString());
        assertTrue(o.verdicts().stream().noneMatch(v -> v.claimId().equals("C12")), "C12 is not judged");
        assertEquals(12, o.verdicts().size());
        assertTrue(o.verdicts().stream().noneMatch(v -> v.status() == Status.FAIL), o.verdicts().toString());
        OptimizerJudge.Outcome again = OptimizerJudge.judge(Instances.imbalanced(), Catalogue.all(), 30, 5, 2);
        assertEquals(o.verdicts().toString(), again.verdicts().toString(), "same (seed, index): same runs, same verdicts");
    }

    /**
     * s_2 1e-11 below s_crit (README, issue 9): starts stall at a local minimum with 2 directions
     * where the theory keeps 1: a LANDSCAPE finding with its class and gaps, and C13 does not FAIL.
     */
    @Test
    void stalledStartsAreLandscapeFindingsNotC13Failures() {
        Instance x = of(new long[] {10, 5, 3, 2}, 6, null, 2, "0.04749221516699187706818790438");
        OptimizerJudge.Outcome o = OptimizerJudge.judge(x, Catalogue.of(List.of("C3", "C13")), 30, 312, 0);
        List<Finding> land = o.findings().stream().filter(f -> f.kind() == FindingClass.LANDSCAPE).toList();
        assertFalse(land.isEmpty(), "findings: " + o.findings());
        Finding f = land.get(0);
        assertEquals("C13", f.claimId());
        assertTrue(List.of("EXCESS", "PARTIAL", "ORIGIN", "OTHER_STATIONARY").contains(f.reading()), f.reading());
        assertTrue(f.detail().contains("stalled at " + f.reading()) && f.detail().contains("gap"), f.detail());
        assertTrue(f.replay().startsWith("ncverify optimize --sizes 10,5,3,2 --dim 6 --depth 2"), f.replay());
        assertTrue(f.replay().contains("--seed " + OptimizerJudge.startSeed(312, 0)), f.replay());
        Verdict c13 = o.verdicts().stream().filter(v -> v.claimId().equals("C13")).findFirst().orElseThrow();
        assertNotEquals(Status.FAIL, c13.status(), c13.toString());
        assertTrue(o.findings().stream().noneMatch(g -> g.kind() == FindingClass.FALSE_AS_STATED), o.findings().toString());
    }

    /** A claim that FAILs at every precision on a GLOBAL best run: FALSE_AS_STATED; one that FAILs only at P: NUMERICAL. */
    @Test
    void failsAreRecheckedAtTwiceTheDigits() {
        Claim always = new FixedClaim("M1", 0);
        Claim onlyAtP = new FixedClaim("M2", 30);
        OptimizerJudge.Outcome o = OptimizerJudge.judge(Instances.imbalanced(), Catalogue.ofClaims(List.of(always, onlyAtP)),
            30, 5, 2);
        assertEquals(2, o.verdicts().size());
        assertTrue(o.verdicts().stream().allMatch(v -> v.status() == Status.FAIL));
        assertEquals(List.of(FindingClass.FALSE_AS_STATED, FindingClass.NUMERICAL), o.findings().stream().map(Finding::kind).toList());
        assertEquals(List.of("M1", "M2"), o.findings().stream().map(Finding::claimId).toList());
    }

    /** A C13 FAIL that no run's exact value confirms is INCONCLUSIVE with a NUMERICAL finding, never a FAIL. */
    @Test
    void unconfirmedC13FailIsInconclusive() {
        OptimizerJudge.Outcome o = OptimizerJudge.judge(Instances.imbalanced(), Catalogue.ofClaims(List.of(new FixedClaim("C13", 0))),
            30, 5, 2);
        assertEquals(Status.INCONCLUSIVE, o.verdicts().get(0).status(), o.verdicts().toString());
        assertTrue(o.verdicts().get(0).detail().startsWith("not confirmed"), o.verdicts().get(0).detail());
        assertEquals(List.of(FindingClass.NUMERICAL), o.findings().stream().map(Finding::kind).toList());
    }

    /** FAILs when the subject's precision is {@code failAt} digits, or at every precision when failAt = 0. */
    private static final class FixedClaim extends FixtureClaim {
        private final int failAt;

        FixedClaim(String id, int failAt) {
            super(id, "fixture");
            this.failAt = failAt;
        }

        @Override
        public Verdict check(Subject s) {
            boolean fail = failAt == 0 || s.precision().digits() == failAt;
            return Verdict.judge(id(), fail ? s.precision().pow10(0) : s.precision().pow10(-40),
                Tolerance.of(s.precision().pow10(-20), "fixture"), "fixture", "precision " + s.precision().digits());
        }
    }
}
