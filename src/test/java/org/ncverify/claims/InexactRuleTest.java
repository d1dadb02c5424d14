package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.polish.FlatPoints;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The tolerance rule of an optimizer's double point: 100 ||grad f|| / mu + 10^-(P - slack), with
 * mu = min(curvature on the complement of the symmetries, lambda_min); INCONCLUSIVE when the
 * run did not converge.
 */
class InexactRuleTest {
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
        return Subject.ofOptimizer(cf, r);
    }

    @Test
    void theRuleUsesTheCurvatureCappedByTheSmallestDecayAndTheGradientNorm() {
        Subject s = subject(converged);
        InexactRule rule = new InexactRule(s, Apfloat.ZERO, null, null);
        assertEquals(null, rule.reason(), () -> String.valueOf(rule.reason()));
        double mu = Math.min(rule.curvature().lowerBound(), 1e-4);
        Tolerance t = s.tolerance(10);
        Apfloat eta = s.evaluation().gradient().norm();
        double expected = 100 * eta.doubleValue() / mu + 1e-20;
        assertEquals(expected, t.value().doubleValue(), 1e-6 * expected, t::origin);
        assertTrue(t.origin().contains("curvature rule"), t::origin);
        assertTrue(t.origin().contains("10^-(P-10)"), t::origin);
        assertTrue(t.value().doubleValue() < 1e-8, t::origin);
        // the value gap is second order: ~ eta^2 / (2 mu f*), far below the first-order tolerance
        Tolerance v = s.valueTolerance();
        double second = 100 * eta.doubleValue() * eta.doubleValue() / (2 * mu * cf.objective().doubleValue()) + 1e-20;
        assertEquals(second, v.value().doubleValue(), 1e-6 * second, v::origin);
        assertTrue(v.value().doubleValue() < 1e-6 * t.value().doubleValue(), v::origin);
    }

    @Test
    void aPointFarFromStationaryIsInconclusiveNeverPass() {
        Subject s = subject(stopped);
        assertTrue(s.inconclusiveReason().startsWith("not converged"), s::inconclusiveReason);
        for (Verdict v : Catalogue.all().run(s)) {
            assertTrue(v.status() != Status.PASS || v.claimId().equals("C8") || v.claimId().equals("C10"), v::toString);
        }
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

    /** The closed form (stored columns with multiplicities) flattened to the double layout keeps f and a zero gradient. */
    @Test
    void flatteningRepeatsEachStoredColumnPerSample() {
        org.ncverify.optim.FullObjective f = org.ncverify.optim.FullObjective.of(INSTANCE);
        double[] x = FlatPoints.doubles(cf.point());
        double[] g = new double[f.size()];
        double value = f.evaluate(x, g);
        assertEquals(cf.objective().doubleValue(), value, 1e-15 * value);
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        assertTrue(Math.sqrt(norm) < 1e-14, "||grad f|| at the flattened closed form = " + Math.sqrt(norm));
    }
}
