package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * The heatmaps of a tie case (8, 8, 8, 3, 1) show the theory's pattern: diagonal Grams whose
 * diagonals are the factor norms of C5/C6, zero rows and columns where a direction collapses,
 * and cosines 1 (C7) for the consistent pair; a bottleneck case zeroes the rows beyond r.
 */
class GeometryHeatmapTest {
    private static final int DIGITS = 30;

    private static double max(double[][] g) {
        double m = 0;
        for (double[] row : g) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static void assertPattern(Instance inst, GeometryHeatmap h) {
        ClosedForm cf = ClosedForm.of(inst, Precision.of(DIGITS));
        int k = inst.classes();
        Apfloat[] aH = cf.factorSingularValues(0);
        for (double[][] g : new double[][][] {h.rowGram(), h.columnGram()}) {
            double m = max(g);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (i != j) {
                        assertTrue(Math.abs(g[i][j]) <= 1e-25 * m, "off-diagonal (" + i + ", " + j + ") = " + g[i][j]);
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            double wi = 1;
            for (int l = 1; l <= inst.depth(); l++) {
                wi *= cf.factorSingularValues(l)[i].doubleValue();
            }
            double hi = aH[i].doubleValue();
            // |row i of U^T W|^2 = prod_l a_{W_l,i}^2, |column i of X V|^2 = a_{H,i}^2 (zero when collapsed)
            assertEquals(wi * wi, h.rowGram()[i][i], 1e-12 * max(h.rowGram()), "row " + i);
            assertEquals(hi * hi, h.columnGram()[i][i], 1e-12 * max(h.columnGram()), "column " + i);
            boolean alive = cf.solutions().get(i).p().signum() > 0;
            if (alive) {
                assertTrue(h.rowGram()[i][i] > 1e-3 * max(h.rowGram()));
                assertNotNull(h.cosines()[i]);
                assertTrue(Math.abs(h.oneMinusCos()[i]) <= 1e-25, "1 - cos_" + i + " = " + h.oneMinusCos()[i]);
            } else {
                assertTrue(h.rowGram()[i][i] <= 1e-25 * max(h.rowGram()));
                assertNull(h.cosines()[i]);
                assertNull(h.oneMinusCos()[i]);
            }
        }
    }

    @Test
    void tieCaseIsDiagonalAlignedAndZeroWhereCollapsed() {
        Instance ties = NamedCase.of(new long[] {8, 8, 8, 3, 1}, 6, 2, "1e-3");
        GeometryHeatmap h = GeometryHeatmap.of("ties", ties, DIGITS, TheoryFigures.GEOMETRY_SEED);
        assertPattern(ties, h);
        assertEquals(-(DIGITS + Precision.DEFAULT_GUARD), h.floor());
        assertNull(h.cosines()[4], "s_K = 0 never survives");
    }

    @Test
    void bottleneckRowsBeyondRAreZero() {
        Instance narrow = NamedCase.of(new long[] {10, 5, 3, 2, 1}, 2, 2, "1e-3");
        GeometryHeatmap h = GeometryHeatmap.of("bottleneck", narrow, DIGITS, 3L);
        assertPattern(narrow, h);
        for (int i = 2; i < 5; i++) {
            assertNull(h.cosines()[i], "i = " + (i + 1) + " > r = 2");
        }
    }
}
