package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The tolerance rule of an optimizer's double point: min(1e-4, 100 ||grad f|| / lambda_min) +
 * 10^-(P - slack), with lambda_min the smallest of lambda_H and every lambda_{W_l}.
 */
class GradientToleranceTest {
    /** lambda_W = (2e-3, 1e-4), lambda_H = 1e-3: the smallest decay is a layer's, not the first one. */
    private static final Instance INSTANCE = Instance.of(new long[] {10, 5, 3, 2}, 6, null, 2,
        new org.apfloat.Aprational[] {Instances.dec("2e-3"), Instances.dec("1e-4")}, Instances.dec("1e-3"));
    private static ClosedForm cf;
    private static MultiStartResult converged;
    private static MultiStartResult stopped;

    @BeforeAll
    static void runOptimizer() {
        cf = ClosedForm.of(INSTANCE, Precision.of(30));
        converged = new MultiStart(1, 3, new double[] {1.0}, LbfgsOptions.defaults(20000)).run(cf);
        stopped = new MultiStart(1, 3, new double[] {1.0}, new LbfgsOptions(10, 0, 3, 100)).run(cf);
    }

    private static Subject subject(MultiStartResult r) {
        return Subject.ofOptimizer(cf, r.bestPoint(cf.precision()), r.runs());
    }

    @Test
    void theRuleUsesTheSmallestDecayAndTheGradientNorm() {
        Subject s = subject(converged);
        Tolerance t = s.tolerance(10);
        Apfloat eta = s.evaluation().gradient().norm();
        double expected = 100 * eta.doubleValue() / 1e-4 + 1e-20;
        assertEquals(expected, t.value().doubleValue(), 1e-6 * expected, t::origin);
        assertTrue(t.origin().contains("lambda_min = 1e-4"), t::origin);
        assertTrue(t.origin().contains("10^-(P-10)"), t::origin);
        assertFalse(t.origin().contains("capped"), t::origin);
        assertTrue(t.value().doubleValue() < 1e-8, t::origin);
    }

    @Test
    void aPointFarFromStationaryGetsTheCapAndSaysSo() {
        Subject s = subject(stopped);
        Tolerance t = s.tolerance(10);
        assertTrue(t.origin().contains("capped"), t::origin);
        assertEquals(1e-4 + 1e-20, t.value().doubleValue(), 1e-12, t::origin);
        // the slack is capped at half the digits, as for any candidate
        assertTrue(s.tolerance(40).origin().contains("10^-(P-15)"), s.tolerance(40)::origin);
    }

    /** C8 and C10 judge the reference, not the double point: their tolerances stay at the reference's digits. */
    @Test
    void claimsAboutTheReferenceKeepItsPrecision() {
        Subject s = subject(converged);
        for (Claim c : new Claim[] {new C8YhatSpectrum(), new C10ThresholdLaw()}) {
            Verdict v = Catalogue.run(c, s);
            assertEquals(Status.PASS, v.status(), v::toString);
            assertTrue(v.tolerance().value().doubleValue() <= 1e-30, v::toString);
        }
    }
}
