package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.polish.FlatPoints;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * {@link Subject#ofExternal}: a point from outside judged by the curvature rule at its own
 * gradient, and, where that rule bounds no distance, FAILed by a first-order claim only when the
 * residual exceeds the rounded-minimizer tolerance 100 u ||x|| + 10^-(P - slack). Pinned on both
 * sides of that threshold (3x above: FAIL; 3x below: INCONCLUSIVE) with the tolerance value exact.
 */
class ExternalSubjectTest {
    private static final Precision P = Precision.of(30);
    private static ClosedForm cf;
    private static Point rounded;
    private static Point perturbed;

    @BeforeAll
    static void points() {
        Instance inst = Instances.imbalanced();
        cf = ClosedForm.rotated(inst, P, 11);
        rounded = WrongPoints.roundedToDouble(cf.point());
        ApMatrix w1 = rounded.weight(1);
        perturbed = rounded.withWeight(1, w1.with(0, 0, P.helper().add(w1.get(0, 0), P.ofDecimal("1e-3"))));
    }

    private static double norm(Point x) {
        double s = 0;
        for (double v : FlatPoints.doubles(x)) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void roundedMinimizerPassesByTheCurvatureRuleWhateverTheUnitRoundoff() {
        for (double u : new double[] {0x1p-53, 1e-300}) {
            Subject s = Subject.ofExternal(cf, rounded, u, "float64");
            assertEquals(null, s.inconclusiveReason());
            Verdict v = Catalogue.run(new C9LayerBalance(), s);
            assertEquals(Status.PASS, v.status(), v.toString());
            assertTrue(v.tolerance().origin().startsWith("curvature rule"), v.tolerance().origin());
        }
    }

    @Test
    void roundedMinimizerToleranceIsPinnedOnBothSides() {
        Subject probe = Subject.ofExternal(cf, perturbed, 0x1p-53, "float64");
        assertTrue(probe.inconclusiveReason().startsWith("not converged"), probe.inconclusiveReason());
        Verdict measured = Catalogue.run(new C9LayerBalance(), probe);
        assertEquals(Status.FAIL, measured.status(), measured.toString());
        double r = measured.residual().doubleValue();
        double x = norm(perturbed);
        double rounding = Tolerance.fromDigits(P.digits(), 10).value().doubleValue();
        double uFail = r / (3 * InexactRule.AMPLIFICATION * x);
        Verdict fail = Catalogue.run(new C9LayerBalance(), Subject.ofExternal(cf, perturbed, uFail, "test"));
        assertEquals(Status.FAIL, fail.status(), fail.toString());
        assertEquals(InexactRule.AMPLIFICATION * uFail * x + rounding, fail.tolerance().value().doubleValue(),
            1e-9 * r, "the tolerance is exactly 100 u ||x|| + 10^-(P-10)");
        assertTrue(fail.tolerance().origin().startsWith("rounded-minimizer rule"), fail.tolerance().origin());
        double uPass = 3 * r / (InexactRule.AMPLIFICATION * x);
        Verdict kept = Catalogue.run(new C9LayerBalance(), Subject.ofExternal(cf, perturbed, uPass, "test"));
        assertEquals(Status.INCONCLUSIVE, kept.status(), kept.toString());
        assertTrue(kept.tolerance().origin().startsWith("curvature rule"));
    }

    @Test
    void valueClaimsAreNeverFailedByTheRoundingRule() {
        // C3's gap is second order; no rounded-minimizer bound is claimed for it: INCONCLUSIVE here
        Verdict v = Catalogue.run(new C3OptimalValue(), Subject.ofExternal(cf, perturbed, 1e-300, "test"));
        assertEquals(Status.INCONCLUSIVE, v.status(), v.toString());
    }

    @Test
    void refusesAWrongUnitRoundoffOrInstance() {
        assertThrows(IllegalArgumentException.class, () -> Subject.ofExternal(cf, rounded, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> Subject.ofExternal(cf, rounded, Double.NaN, "x"));
        ClosedForm other = ClosedForm.of(Instances.balanced(), P);
        assertThrows(IllegalArgumentException.class, () -> Subject.ofExternal(other, rounded, 0x1p-53, "x"));
    }
}
