package org.ncverify.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.polish.Polish;
import org.ncverify.polish.PolishOptions;
import org.ncverify.polish.PolishResult;
import org.ncverify.theory.ClosedForm;

/**
 * Issue 9, "L = 1 at s_crit": optimize --sizes 8,4,4 --dim 3 --depth 1 --lambda-w 0.125 --lambda-h 0.125 --seed 501
 * --polish. s = 2 = s_crit: f ~ t^4 along the collapsing direction, Newton converges linearly
 * (ratio ~ 0.45 a step). The polish must stop with DEGENERATE_LINEAR, well inside its budget of
 * 40 steps, reporting the rate; before, it spent all 40 steps (ITERATION_BUDGET at 50 digits).
 */
class DegeneratePolishTest {
    @Test
    void quarticMinimumStopsWithAStatedReason() {
        ClosedForm cf = ClosedForm.of(RunTable.instance("8,4,4", 3, 1, "0.125", "0.125"), Precision.of(40));
        MultiStartResult r = RunTable.optimize(cf, 501);
        PolishResult p = Polish.refine(r.bestPoint(cf.precision()), 40, PolishOptions.defaults());
        System.out.println("8,4,4 at s_crit: " + p);
        assertEquals(PolishResult.Stop.DEGENERATE_LINEAR, p.stop(), p::toString);
        assertTrue(p.iterations() < PolishOptions.defaults().maxIterations(), p::toString);
        assertTrue(p.gradientNorm().doubleValue() < r.best().gradientNorm(), p::toString);
        assertTrue(p.convergenceRate() >= 0.1 && p.convergenceRate() < 1, p::toString);
    }
}
