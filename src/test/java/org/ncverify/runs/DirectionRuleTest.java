package org.ncverify.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarSolution;

/**
 * The counting rule on synthetic singular values: a value just past the threshold counts, one
 * just short of it (outside the collapse radius) is ambiguous, one far inside the collapse
 * radius is collapsed; the positive floors and the collapse radius follow their formulas.
 */
class DirectionRuleTest {
    private static final ClosedForm IMBALANCED = ClosedForm.of(Instances.imbalanced(), Precision.of(30));

    @Test
    void thresholdSeparatesAtItsValue() {
        DirectionRule rule = DirectionRule.of(IMBALANCED);
        double tau = rule.threshold();
        double zeta = rule.collapseRadius(1e-14, 1e-16);
        assertTrue(zeta < tau / 100, () -> zeta + " vs " + tau);
        DirectionCount past = rule.count(new double[] {2, 1, tau * 1.01, zeta * 0.01}, 1e-14, 1e-16);
        assertEquals(3, past.observed());
        assertTrue(past.matches(), past::describe);
        DirectionCount shortOf = rule.count(new double[] {2, 1, tau * 0.99, zeta * 0.01}, 1e-14, 1e-16);
        assertEquals(2, shortOf.observed());
        assertTrue(shortOf.ambiguous(), shortOf::describe);
        assertFalse(shortOf.matches());
        DirectionCount pastRadius = rule.count(new double[] {2, 1, 1.5, zeta * 1.01}, 1e-14, 1e-16);
        assertTrue(pastRadius.ambiguous(), pastRadius::describe);
        DirectionCount inside = rule.count(new double[] {2, 1, 1.5, zeta * 0.99}, 1e-14, 1e-16);
        assertTrue(inside.matches(), inside::describe);
    }

    @Test
    void aLargeGradientOrANonFiniteValueMakesTheCountAmbiguous() {
        DirectionRule rule = DirectionRule.of(IMBALANCED);
        DirectionCount big = rule.count(new double[] {2, 1, 1.5, 0}, 1e-2, 1e-16);
        assertTrue(big.ambiguous(), big::describe);
        assertTrue(big.ambiguity().contains("collapse radius"), big.ambiguity());
        assertTrue(rule.count(new double[] {2, 1, Double.NaN, 0}, 1e-14, 1e-16).ambiguous());
        assertTrue(rule.count(new double[] {2, 1, 1.5, 0}, Double.NaN, 1e-16).ambiguous());
    }

    /** L &gt;= 2: at s_min = 2 s_crit / (L+1)^((L+1)/(2L)) the largest value of (s - p) p^((L-1)/(L+1)) is N lambda_bar, at p_low. */
    @Test
    void deepFloorIsWhereThePositiveRootsAppear() {
        for (ClosedForm cf : new ClosedForm[] {IMBALANCED, ClosedForm.of(Instances.deep(), Precision.of(30))}) {
            int l = cf.instance().depth();
            double pLow = DirectionRule.of(cf).positiveFloor();
            double sMin = pLow * 2 * l / (l - 1);
            double nLambdaBar = cf.law().nLambdaBar().doubleValue();
            double e = (l - 1.0) / (l + 1);
            double atFloor = (sMin - pLow) * Math.pow(pLow, e);
            assertEquals(nLambdaBar, atFloor, 1e-12 * nLambdaBar);
            for (double p : new double[] {pLow * 0.9, pLow * 1.1}) {
                assertTrue((sMin - p) * Math.pow(p, e) < atFloor, "the maximum is at p_low");
            }
        }
    }

    /** L = 1: the floor is the smallest positive s_j - N lambda_bar. */
    @Test
    void depthOneFloorIsTheSmallestPositiveSoftThreshold() {
        ClosedForm cf = ClosedForm.of(Instances.balanced(), Precision.of(30));
        double min = Double.POSITIVE_INFINITY;
        for (ScalarSolution x : cf.solutions()) {
            if (x.p().signum() > 0) {
                min = Math.min(min, x.p().doubleValue());
            }
        }
        assertEquals(min, DirectionRule.of(cf).positiveFloor(), 1e-15);
        ClosedForm collapsed = ClosedForm.of(Instances.collapsed(), Precision.of(30));
        assertEquals(new CountRange(0, 0), DirectionRule.of(collapsed).admissible());
    }

    /** At s_crit (L = 2, the tied s = 2 of multiplicity 4) every count 0..4 is admissible. */
    @Test
    void atTheThresholdTheAdmissibleCountsSpanTheJumps() {
        ClosedForm cf = ClosedForm.of(Instances.balancedAtThreshold(), Precision.of(30));
        DirectionRule rule = DirectionRule.of(cf);
        assertEquals(new CountRange(0, 4), rule.admissible());
        assertEquals(4, rule.referenceCount());
        assertEquals(new CountRange(1, 1), DirectionRule.of(ClosedForm.of(Instances.partial(), Precision.of(30))).admissible());
    }

    /** L = 1 at s = s_crit: sigma &lt;= (N c g / 2)^(2/3) doubled, c = sqrt(r + 1/r), r = 1 for equal decays. */
    @Test
    void depthOneRadiusIsTheQuarticEstimate() {
        ClosedForm cf = ClosedForm.of(Instances.balanced(), Precision.of(30));
        double g = 1e-14;
        double expected = 2 * Math.pow(cf.instance().total() * Math.sqrt(2) * g / 2, 2.0 / 3);
        assertEquals(expected, DirectionRule.of(cf).collapseRadius(g, 0), 1e-12 * expected);
        assertEquals(2 * Math.pow(g, 3) / Instances.imbalanced().lambdaProduct().doubleValue(),
            DirectionRule.of(IMBALANCED).collapseRadius(g, 0), 1e-40);
    }

    @Test
    void unmeasuredCountsAndBadRangesAreRejectedOrAmbiguous() {
        assertTrue(DirectionCount.unmeasured(2).ambiguous());
        assertThrows(IllegalArgumentException.class, () -> new CountRange(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new CountRange(-1, 1));
        assertEquals("0..2", new CountRange(0, 2).toString());
    }
}
