package org.ncverify.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.theory.ClosedForm;

/**
 * Issue 9's table at the level of the runs: each command reproduced from its flags and seed
 * ({@link RunTable}) with the classification it must now give. Before the geometry test, every
 * run of the two "wrong branch" rows was GLOBAL (the value test ran first).
 */
class RunClassificationRegressionTest {
    private static final String LAMBDA_312 = "0.04749221516699187706818790438";
    private static final String LAMBDA_125 = "0.02997627546155769470122917308";
    private static final String LAMBDA_TINY = "0.1334216965903919688257861072";

    private static void assertEveryRun(MultiStartResult r, StartClass cls, int k) {
        for (RunSummary s : r.runs()) {
            assertEquals(cls, s.classification(), s::toString);
            assertEquals(k, s.directions(), s::toString);
            assertFalse(s.count().ambiguous(), s.count()::describe);
        }
    }

    /** optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1 --lambda-h 1: W = 0, H = 0 is the global minimizer. */
    @Test
    void originIsGlobalWhenEveryDirectionCollapses() {
        MultiStartResult r = RunTable.optimize(RunTable.reference(RunTable.instance("10,5,3,2", 6, 2, "1", "1")), 0);
        assertEquals(new CountRange(0, 0), r.admissibleCounts());
        assertEveryRun(r, StartClass.GLOBAL, 0);
        assertTrue(r.bestIsGlobal());
        assertEquals(1.0, r.globalFraction());
    }

    /**
     * optimize --sizes 9,9,9,5 --dim 4 --depth 3 --lambda-w 0.0625,0.03125,0.03125 --lambda-h 0.0625 --seed 36:
     * the tied s = 3 sits exactly at s_crit, so minimizers with 0, 1 and 2 directions are all
     * global. Every run is GLOBAL; start 4 is the origin (k = 0); the best run is one with the
     * closed form's own count 2, not the origin.
     */
    @Test
    void atTheThresholdEveryAdmissibleCountIsGlobalAndTheBestRunHasTheReferenceCount() {
        ClosedForm cf = RunTable.reference(RunTable.instance("9,9,9,5", 4, 3, "0.0625,0.03125,0.03125", "0.0625"));
        MultiStartResult r = RunTable.optimize(cf, 36);
        assertEquals(new CountRange(0, 2), r.admissibleCounts());
        int[] expected = {1, 2, 1, 2, 0, 1};
        for (RunSummary s : r.runs()) {
            assertEquals(StartClass.GLOBAL, s.classification(), s::toString);
            assertEquals(expected[s.start()], s.directions(), s::toString);
        }
        assertTrue(r.bestIsGlobal());
        assertEquals(2, r.best().directions());
        assertEquals(cf.survivingDirections(), r.best().directions());
    }

    /**
     * optimize --sizes 10,5,3,2 --dim 6 --depth 1 --lambda-w/--lambda-h 0.13342... --seed 6: p* = 2.7e-4,
     * resolved at the runs' gradients (collapse radius ~ 7e-9): GLOBAL with 1 direction.
     */
    @Test
    void tinySurvivingValueAtDepthOneIsStillCounted() {
        MultiStartResult r = RunTable.optimize(RunTable.reference(
            RunTable.instance("10,5,3,2", 6, 1, LAMBDA_TINY, LAMBDA_TINY)), 6);
        assertEveryRun(r, StartClass.GLOBAL, 1);
        RunSummary s = r.best();
        assertTrue(s.count().collapseRadius() < 1e-7 && s.count().threshold() > 1e-4, s.count()::toString);
    }

    /**
     * optimize --sizes 8,4,4 --dim 3 --depth 1 --lambda-w 0.125 --lambda-h 0.125 --seed 501 and --sizes 4,4,4,8
     * --dim 4 --lambda 0.1 --seed 402: s = 2 = s_crit at L = 1, a quartic minimum; the collapsed
     * direction still shows sigma ~ 1e-9, inside the collapse radius: GLOBAL with 1 direction.
     */
    @Test
    void quarticMinimumAtDepthOneIsGlobalWithTheTheorysCount() {
        assertEveryRun(RunTable.optimize(RunTable.reference(RunTable.instance("8,4,4", 3, 1, "0.125", "0.125")), 501),
            StartClass.GLOBAL, 1);
        assertEveryRun(RunTable.optimize(RunTable.reference(RunTable.instance("4,4,4,8", 4, 1, "0.1", "0.1")), 402),
            StartClass.GLOBAL, 1);
    }

    /**
     * optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda 0.0474922... --seed 312: every run keeps 2 directions
     * where the theory keeps 1, a distinct local minimum 3.4e-12 above f*: EXCESS, a near-degenerate
     * local minimum, none GLOBAL.
     */
    @Test
    void extraDirectionWithATinyGapIsANearDegenerateLocalMinimum() {
        assertNearDegenerate(RunTable.instance("10,5,3,2", 6, 2, LAMBDA_312, LAMBDA_312), 312, StartClass.EXCESS, 2);
    }

    /** optimize --sizes 10,5,3,2 --dim 4 --depth 4 --lambda 0.0299762... --seed 125: one direction missing: PARTIAL. */
    @Test
    void missingDirectionWithATinyGapIsANearDegenerateLocalMinimum() {
        assertNearDegenerate(RunTable.instance("10,5,3,2", 4, 4, LAMBDA_125, LAMBDA_125), 125, StartClass.PARTIAL, 1);
    }

    private static void assertNearDegenerate(Instance inst, long seed, StartClass cls, int k) {
        MultiStartResult r = RunTable.optimize(RunTable.reference(inst), seed);
        assertEveryRun(r, cls, k);
        assertEquals(6, r.nearDegenerateLocalMinima().size());
        for (RunSummary s : r.runs()) {
            assertTrue(s.relativeGap() > 1e-12 && s.relativeGap() < RunClassifier.GLOBAL_GAP, s::toString);
        }
        assertEquals(0.0, r.globalFraction());
        assertFalse(r.bestIsGlobal());
    }

    /**
     * optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-2 --lambda-h 1e-8 --seed 405: every run spends its
     * budget (gradient ~ 1e-4): NOT_CONVERGED, and its count is ambiguous at that gradient.
     */
    @Test
    void unconvergedRunsAreNotConvergedWithAnAmbiguousCount() {
        MultiStartResult r = RunTable.optimize(RunTable.reference(RunTable.instance("10,5,3,2", 6, 2, "1e-2", "1e-8")), 405);
        for (RunSummary s : r.runs()) {
            assertEquals(StartClass.NOT_CONVERGED, s.classification(), s::toString);
            assertTrue(s.count().ambiguous(), s.count()::describe);
        }
        assertFalse(r.bestIsGlobal());
        assertTrue(r.nearDegenerateLocalMinima().isEmpty());
    }
}
