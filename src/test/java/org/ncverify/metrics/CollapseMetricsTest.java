package org.ncverify.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The neural-collapse metrics: a hand-computed example (NC1 = 1/8, self-duality 0 or 2), the
 * balanced closed form (a simplex ETF, every metric 0 to rounding), the imbalanced closed form
 * (equinorm and equiangularity visibly nonzero: the balanced intuition fails) and the origin
 * (every metric undefined, never a number).
 */
class CollapseMetricsTest {
    private static final Precision P = Precision.of(20);

    /** d = 1, K = 2, sizes (2, 2): class 0 has features 1 and 3, class 1 has -1 and -3; W = w. */
    private static CollapseMetrics handExample(double w0, double w1, double scale) {
        Instance inst = Instance.of(new long[] {2, 2}, 1, null, 1, new Aprational[] {Instances.dec("1e-2")},
            Instances.dec("1e-2"));
        ApMatrix b0 = ApMatrix.of(new double[][] {{scale, 3 * scale}}, P);
        ApMatrix b1 = ApMatrix.of(new double[][] {{-scale, -3 * scale}}, P);
        ApMatrix w = ApMatrix.of(new double[][] {{w0}, {w1}}, P);
        return CollapseMetrics.of(Point.of(inst, List.of(w), List.of(b0, b1), new long[] {1, 1},
            new Apfloat[] {P.of(0L), P.of(0L)}));
    }

    @Test
    void handComputedExample() {
        // Sigma_W = (1/4)(1 + 1 + 1 + 1) = 1, Sigma_B = (1/2)(4 + 4) = 4: NC1 = (1 * 1/4) / 2
        CollapseMetrics m = handExample(1, -1, 1);
        assertEquals(0.125, m.nc1(), 1e-15);
        assertEquals(0, m.equinorm(), 1e-15);
        assertEquals(0, m.equiangular(), 1e-15);
        assertEquals(0, m.maxAngle(), 1e-15, "cos = -1 = -1/(K-1)");
        assertEquals(0, m.selfDuality(), 1e-15);
        assertEquals(1, m.rankSigmaB());
        // W = (1, 1): W^T/|W| - Mbar/|Mbar| = (0, 2/sqrt 2), squared norm 2
        assertEquals(2, handExample(1, 1, 1).selfDuality(), 1e-15);
    }

    @Test
    void theOriginHasNoDefinedMetric() {
        CollapseMetrics m = handExample(0, 0, 0);
        assertTrue(Double.isNaN(m.nc1()) && Double.isNaN(m.equinorm()) && Double.isNaN(m.equiangular())
            && Double.isNaN(m.maxAngle()) && Double.isNaN(m.selfDuality()), m.toString());
        assertEquals(0, m.rankSigmaB());
    }

    @Test
    void balancedClosedFormIsASimplexEtf() {
        for (Instance inst : List.of(Instances.balanced(), Instances.balancedDeep())) {
            CollapseMetrics m = CollapseMetrics.of(ClosedForm.of(inst, P).point());
            assertEquals(0, m.nc1(), 0.0, "class-mean storage: Sigma_W = 0 exactly");
            assertEquals(0, m.equinorm(), 1e-12, inst.describe());
            assertEquals(0, m.equiangular(), 1e-12);
            assertEquals(0, m.maxAngle(), 1e-12);
            assertEquals(0, m.selfDuality(), 1e-12);
            assertEquals(inst.classes() - 1, m.rankSigmaB());
        }
    }

    @Test
    void imbalancedClosedFormIsNotEquinormNorEquiangular() {
        CollapseMetrics m = CollapseMetrics.of(ClosedForm.of(Instances.imbalanced(), P).point());
        assertEquals(0, m.nc1(), 0.0);
        assertTrue(m.equinorm() > 0.1, m.toString());
        assertTrue(m.equiangular() > 0.1, m.toString());
        assertTrue(m.maxAngle() > 0.1, m.toString());
        assertTrue(m.selfDuality() > 0.1, "W_L...W_1 and the centred means are not proportional: " + m);
        // frames do not change any metric (norms, angles and W^T vs Mbar are rotation invariant)
        CollapseMetrics r = CollapseMetrics.of(ClosedForm.rotated(Instances.imbalanced(), P, 5).point());
        assertEquals(m.equinorm(), r.equinorm(), 1e-12);
        assertEquals(m.equiangular(), r.equiangular(), 1e-12);
        assertEquals(m.selfDuality(), r.selfDuality(), 1e-12);
    }
}
