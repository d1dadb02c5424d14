package org.ncverify.polish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/** The degenerate-minimum rule on synthetic gradient and step sequences. */
class ConvergenceMonitorTest {
    private static Apfloat pow10(double e) {
        return new Apfloat(Math.pow(10, e), 20);
    }

    @Test
    void quadraticConvergenceIsNeverDegenerate() {
        ConvergenceMonitor m = new ConvergenceMonitor();
        double e = -6;
        for (int k = 0; k < 6; k++) {
            m.gradient(pow10(e));
            assertFalse(m.degenerate());
            assertFalse(m.linear() && k > 1, "quadratic steps are not linear");
            e *= 2;
        }
        assertTrue(m.rate() < 1e-6, () -> "rate " + m.rate());
    }

    /** Ratio 0.455 a step (measured on --sizes 8,4,4 --depth 1 at s_crit): degenerate after STOP_WINDOW steps, not before. */
    @Test
    void linearConvergenceIsDegenerateAfterTheWindow() {
        ConvergenceMonitor m = new ConvergenceMonitor();
        double ratio = Math.log10(0.455);
        for (int k = 0; k <= ConvergenceMonitor.STOP_WINDOW; k++) {
            assertFalse(m.degenerate(), "step " + k);
            m.gradient(pow10(-14 + k * ratio));
        }
        assertTrue(m.degenerate());
        assertTrue(m.linear());
        assertEquals(0.455, m.rate(), 1e-9);
    }

    /** Just above and below the linear ratio 0.1 over the window. */
    @Test
    void theLinearRatioSeparatesAtItsValue() {
        for (double r : new double[] {0.101, 0.099}) {
            ConvergenceMonitor m = new ConvergenceMonitor();
            for (int k = 0; k <= ConvergenceMonitor.STOP_WINDOW; k++) {
                m.gradient(pow10(-10 + k * Math.log10(r)));
            }
            assertEquals(r > ConvergenceMonitor.LINEAR_RATIO, m.degenerate(), "ratio " + r);
        }
    }

    /** Steps shrinking by c = 0.5 while linear: extrapolate by 1 / (1 - c) = 2; otherwise 1. */
    @Test
    void extrapolationFollowsTheStepRatio() {
        ConvergenceMonitor m = new ConvergenceMonitor();
        for (int k = 0; k < 5; k++) {
            m.gradient(pow10(-10 - 0.3 * k));
            m.step(pow10(-5 + k * Math.log10(0.5)));
        }
        assertEquals(2.0, m.extrapolation(), 1e-9);
        ConvergenceMonitor fresh = new ConvergenceMonitor();
        fresh.gradient(pow10(-10));
        assertEquals(1.0, fresh.extrapolation());
        fresh.gradient(Apfloat.ZERO);
        assertFalse(fresh.degenerate());
    }
}
