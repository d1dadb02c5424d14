package org.ncverify.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;
import org.ncverify.optim.LbfgsOptions;

/** Multi-start: determinism by seed, the classification of runs, validation. */
class MultiStartTest {
    private static final ClosedForm IMBALANCED = ClosedForm.of(Instances.imbalanced(), Precision.of(30));

    @Test
    void sameSeedSameRuns() {
        MultiStart ms = new MultiStart(2, 42, new double[] {1.0, 0.3}, LbfgsOptions.defaults(3000));
        MultiStartResult a = ms.run(IMBALANCED);
        MultiStartResult b = ms.run(IMBALANCED);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(a.runs().get(i).trace(), b.runs().get(i).trace());
            assertEquals(a.runs().get(i).seed(), 42 + i);
        }
        assertArrayEquals(a.bestFlatPoint(), b.bestFlatPoint());
        assertEquals(0.3, a.runs().get(1).initScale());
        MultiStartResult c = new MultiStart(1, 43, new double[] {1.0}, LbfgsOptions.defaults(3000)).run(IMBALANCED);
        assertTrue(c.runs().get(0).trace()[0] != a.runs().get(0).trace()[0], "another seed, another start");
    }

    /**
     * L = 2 from a start of scale 1e-6: the origin (W = 0, H = 0) is a local minimum of deep
     * models with weight decay, and the run stays there.
     */
    @Test
    void tinyStartOfADeepModelStallsAtTheOrigin() {
        MultiStartResult r = new MultiStart(2, 1, new double[] {1e-6}, LbfgsOptions.defaults(3000)).run(IMBALANCED);
        for (RunSummary s : r.runs()) {
            assertEquals(StartClass.ORIGIN, s.classification(), s::toString);
            assertEquals(0, s.directions());
            assertTrue(s.relativeGap() > 0.1, s::toString);
        }
        assertEquals(2, r.counts().get(StartClass.ORIGIN));
        assertEquals(0.0, r.globalFraction());
    }

    @Test
    void budgetRunsAreNotConverged() {
        MultiStartResult r = new MultiStart(1, 1, new double[] {1.0}, new LbfgsOptions(10, 0, 4, 100)).run(IMBALANCED);
        assertEquals(StartClass.NOT_CONVERGED, r.runs().get(0).classification());
        assertEquals(4, r.runs().get(0).iterations());
        assertTrue(Double.isNaN(r.runs().get(0).secondsToGap()));
    }

    @Test
    void globalRunsRecordTheTimeToTheGap() {
        MultiStartResult r = new MultiStart(2, 0, new double[] {1.0}, LbfgsOptions.defaults(5000)).run(IMBALANCED);
        for (RunSummary s : r.runs()) {
            assertEquals(StartClass.GLOBAL, s.classification(), s::toString);
            assertEquals(IMBALANCED.survivingDirections(), s.directions());
            assertTrue(s.iterationsToGap() > 0 && s.iterationsToGap() <= s.iterations());
            assertTrue(s.secondsToGap() <= s.seconds());
            double[] t = s.trace();
            assertTrue(Math.abs(t[s.iterationsToGap()] / IMBALANCED.objective().doubleValue() - 1) < RunClassifier.GLOBAL_GAP);
            assertTrue(Math.abs(t[s.iterationsToGap() - 1] / IMBALANCED.objective().doubleValue() - 1) >= RunClassifier.GLOBAL_GAP);
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new MultiStart(0, 0, new double[] {1}, LbfgsOptions.defaults(10)));
        assertThrows(IllegalArgumentException.class, () -> new MultiStart(1, 0, new double[] {-1}, LbfgsOptions.defaults(10)));
        assertThrows(IllegalArgumentException.class, () -> new MultiStart(1, 0, new double[] {Double.NaN}, LbfgsOptions.defaults(10)));
        assertThrows(IllegalArgumentException.class, () -> new LbfgsOptions(0, 1e-10, 10, 10));
    }
}
