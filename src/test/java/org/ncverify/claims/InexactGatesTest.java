package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

/**
 * The gates of {@link InexactRule}, each pinned on both sides of its threshold (100 x past it
 * and 0.01 x inside it), and the value tolerance against its formula: a gate or a constant moved
 * by a factor fails here (the whole-run tests sit far from the boundaries).
 */
class InexactGatesTest {
    private static final Precision P = Precision.of(40);
    private static final double LAMBDA = 1e-3;

    @Test
    void curvatureBelowTheDecayFractionIsDegenerate() {
        double threshold = InexactRule.DEGENERATE * LAMBDA;
        assertTrue(InexactRule.degenerate(threshold * 0.01, LAMBDA, 0));
        assertFalse(InexactRule.degenerate(threshold * 100, LAMBDA, 0));
        assertTrue(InexactRule.degenerate(-threshold * 100, LAMBDA, 0), "a negative curvature");
        assertTrue(InexactRule.degenerate(Double.NaN, LAMBDA, 0), "NaN is never a bound");
    }

    @Test
    void curvatureBelowTenProductErrorsIsDegenerate() {
        double hv = 1e-4;
        double threshold = InexactRule.MEASURABLE * hv;
        assertTrue(InexactRule.degenerate(threshold * 0.01, LAMBDA, hv));
        assertFalse(InexactRule.degenerate(threshold * 100, LAMBDA, hv));
    }

    @Test
    void effectiveCurvatureIsTheSmallerOfCurvatureAndDecay() {
        Apfloat lambda = P.ofDecimal("1e-3");
        assertEquals(0, InexactRule.effectiveCurvature(1e-5, lambda, false, P).compareTo(P.ofBinary(1e-5)));
        assertEquals(0, InexactRule.effectiveCurvature(1e-1, lambda, false, P).compareTo(lambda));
        assertEquals(0, InexactRule.effectiveCurvature(1e-5, lambda, true, P).compareTo(lambda),
            "a degenerate curvature is replaced by lambda_min (and the verdict is INCONCLUSIVE)");
    }

    @Test
    void outsideTheQuadraticRegionPastTheFraction() {
        Apfloat mu = P.ofDecimal("1e-3");
        Apfloat edge = P.helper().multiply(P.ofBinary(InexactRule.QUADRATIC), mu);
        assertTrue(InexactRule.outsideQuadraticRegion(P.helper().multiply(edge, P.of(100L)), mu, P));
        assertFalse(InexactRule.outsideQuadraticRegion(P.helper().divide(edge, P.of(100L)), mu, P));
    }

    @Test
    void valueToleranceIsTheSecondOrderGap() {
        Apfloat eta = P.ofDecimal("1e-10");
        Apfloat mu = P.ofDecimal("1e-3");
        Apfloat fStar = P.ofDecimal("0.25");
        // 100 * 1e-20 / (2 * 1e-3 * 0.25) = 2e-15, plus 10^-(40-10)
        Apfloat expected = P.ofDecimal("2e-15").add(P.ofDecimal("1e-30"));
        Apfloat got = InexactRule.valueTolerance(eta, mu, fStar, P);
        Apfloat rel = ApfloatMath.abs(got.subtract(expected)).divide(expected);
        assertTrue(rel.compareTo(P.ofDecimal("1e-35")) < 0, () -> got + " against " + expected);
    }
}
