package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.optim.LbfgsResult;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The contract of C13 (its own, since it is NOT_APPLICABLE on the closed form that the shared
 * claim contract judges): PASS on honest runs, FAIL on a fabricated run below f*, INCONCLUSIVE on a
 * best run far from f* that did not converge, FAIL on a NaN run, NOT_APPLICABLE without runs; residuals never negative.
 */
class C13IndependentOptimalityTest {
    private static ClosedForm cf;
    private static MultiStartResult honest;

    @BeforeAll
    static void runOptimizer() {
        cf = ClosedForm.of(Instances.imbalanced(), Precision.of(30));
        honest = new MultiStart(3, 7, new double[] {1.0}, LbfgsOptions.defaults(5000)).run(cf);
    }

    private static Verdict judge(MultiStartResult r, List<RunSummary> runs) {
        return Catalogue.run(new C13IndependentOptimality(), Subject.ofOptimizer(cf, r.bestPoint(cf.precision()), runs));
    }

    private static RunSummary withValue(RunSummary r, double value) {
        return new RunSummary(99, r.seed(), r.initScale(), value, r.valueErrorBound(), (value - cf.objective().doubleValue())
            / cf.objective().doubleValue(), r.gradientNorm(), r.iterations(), r.evaluations(), r.seconds(), Double.NaN, -1,
            LbfgsResult.Stop.GRADIENT, StartClass.BELOW_OPTIMUM, r.directions(), r.trace());
    }

    @Test
    void passesOnHonestRuns() {
        Verdict v = judge(honest, honest.runs());
        assertEquals(Status.PASS, v.status(), v::toString);
        for (String part : new String[] {C13IndependentOptimality.NO_RUN_BELOW, C13IndependentOptimality.BEST_MATCHES,
            C13IndependentOptimality.CANDIDATE_IS_BEST}) {
            assertTrue(v.detail().contains(part + ": PASS"), v::toString);
        }
        assertTrue(v.readings().isEmpty(), "readings are reserved for C5-C7");
        VerdictAssertions.assertValid(v);
        // the second-order rule gives a tolerance far below double precision, never vacuous
        assertTrue(v.tolerance().value().doubleValue() < 1e-8, v::toString);
    }

    @Test
    void failsOnAFabricatedRunBelowTheOptimum() {
        List<RunSummary> runs = new ArrayList<>(honest.runs());
        runs.add(withValue(honest.best(), cf.objective().doubleValue() * (1 - 1e-9)));
        Verdict v = judge(honest, runs);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertEquals(C13IndependentOptimality.NO_RUN_BELOW, v.reading(), v::toString);
        assertTrue(v.detail().contains("run 99"), v::toString);
    }

    /**
     * A best run far above f* that never converged is not evidence either way: no run reached the
     * global minimizer and none is below f*, so C13 is INCONCLUSIVE with that reason (a FAIL is
     * kept for a run below f*, {@link #failsOnAFabricatedRunBelowTheOptimum}).
     */
    @Test
    void isInconclusiveWhenNoRunReachedTheOptimum() {
        MultiStartResult stopped = new MultiStart(2, 7, new double[] {1.0}, new LbfgsOptions(10, 0, 5, 100)).run(cf);
        assertTrue(stopped.best().relativeGap() > 1e-3, () -> "5 iterations should not reach f*: " + stopped.best());
        Verdict v = judge(stopped, stopped.runs());
        assertEquals(Status.INCONCLUSIVE, v.status(), v::toString);
        assertEquals(C13IndependentOptimality.BEST_MATCHES, v.reading(), v::toString);
        assertTrue(v.detail().startsWith("no run reached the global minimizer"), v::toString);
    }

    /** A run above f* does not become the best one: the lowest run is, and nothing is below f*. */
    @Test
    void theBestRunIsTheLowestOne() {
        List<RunSummary> runs = new ArrayList<>(honest.runs());
        runs.add(withValue(honest.best(), cf.objective().doubleValue() * (1 + 1e-3)));
        Verdict v = judge(honest, runs);
        assertEquals(Status.PASS, v.status(), v::toString);
        // honest runs may end below f* by their rounding; the lowest is then the best run, never run 99
        assertTrue(v.detail().contains("none below f*") || v.detail().contains("run " + honest.best().start() + " is lowest"),
            v::toString);
        assertTrue(v.detail().contains("run " + honest.best().start() + ": f(x_best)"), v::toString);
    }

    /** The judged point must be the best run's end point: a best run reporting another value FAILs that part. */
    @Test
    void aCandidateThatIsNotTheBestRunsEndPointFails() {
        RunSummary best = honest.best();
        List<RunSummary> runs = List.of(withValue(best, cf.objective().doubleValue() * (1 + 1e-6)));
        Verdict v = judge(honest, runs);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertEquals(C13IndependentOptimality.CANDIDATE_IS_BEST, v.reading(), v::toString);
        assertTrue(v.detail().contains(C13IndependentOptimality.NO_RUN_BELOW + ": PASS"), v::toString);
    }

    @Test
    void nanRunIsFail() {
        List<RunSummary> runs = new ArrayList<>(honest.runs());
        runs.add(withValue(honest.best(), Double.NaN));
        Verdict v = judge(honest, runs);
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertEquals(null, v.residual());
    }

    @Test
    void notApplicableWithoutRuns() {
        Verdict v = Catalogue.run(new C13IndependentOptimality(), Subject.ofClosedForm(cf));
        assertEquals(Status.NOT_APPLICABLE, v.status(), v::toString);
    }

    @Test
    void optimizerSubjectNeedsRuns() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Subject.ofOptimizer(cf, honest.bestPoint(cf.precision()), List.of()));
    }
}
