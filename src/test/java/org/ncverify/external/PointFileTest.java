package org.ncverify.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.npy.NpyArray;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * Arrays to a point and back: columns in any label order are grouped by class (stable inside a
 * class), H stored N x d reads the same as d x N, the dimensions come from the arrays, and
 * {@link PointExport} of a closed form reads back to the same instance and entries (to double).
 */
class PointFileTest {
    private static final Precision P = Precision.of(20);
    private static final Aprational[] LW = {Instances.dec("1e-3")};
    private static final Aprational LH = Instances.dec("1e-3");

    private static Map<String, NpyArray> arrays(double[][] h, long[] labels) {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("H", NpyArray.ofMatrix("H", h));
        m.put("W1", NpyArray.ofMatrix("W1", new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        m.put("b", NpyArray.ofVector("b", new double[] {0.5, 0.25, 0.25}));
        m.put("labels", NpyArray.ofLongs("labels", "<i8", new int[] {labels.length}, labels));
        m.put("meta_seed", NpyArray.ofVector("meta_seed", new double[] {1}));
        return m;
    }

    @Test
    void columnsAreGroupedByLabelStably() {
        double[][] h = {{0, 1, 2, 3}, {10, 11, 12, 13}};
        ExternalPoint x = PointFile.read("t.npz", arrays(h, new long[] {2, 0, 1, 0}), false, null, LW, LH, P);
        assertArrayEquals(new long[] {2, 1, 1}, x.instance().sizes());
        assertEquals(2, x.instance().dim());
        assertEquals(1, x.instance().depth());
        assertFalse(x.grouped());
        Point p = x.point();
        double[][] c0 = p.classBlock(0).toDoubleArray();
        assertArrayEquals(new double[] {1, 3}, c0[0], "class 0: file columns 1 then 3");
        assertEquals(2.0, p.classBlock(1).toDoubleArray()[0][0]);
        assertEquals(0.0, p.classBlock(2).toDoubleArray()[0][0]);
        assertEquals(List.of("meta_seed"), x.ignored());
        assertEquals(0x1p-53, x.unitRoundoff());
        assertTrue(x.dtypes().startsWith("H <f8 (2, 4), W1 <f8 (3, 2), b <f8 (3,), labels <i8 (4,)"), x.dtypes());
    }

    @Test
    void featuresAsRowsReadTheSame() {
        double[][] h = {{0, 1, 2, 3}, {10, 11, 12, 13}};
        double[][] t = {{0, 10}, {1, 11}, {2, 12}, {3, 13}};
        long[] labels = {0, 0, 1, 2};
        Point a = PointFile.read("a", arrays(h, labels), false, null, LW, LH, P).point();
        Point b = PointFile.read("b", arrays(t, labels), true, new long[] {2, 1, 1}, LW, LH, P).point();
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.classBlock(k).toDoubleArray()[1], b.classBlock(k).toDoubleArray()[1]);
        }
        assertTrue(PointFile.read("b", arrays(t, labels), true, null, LW, LH, P).grouped());
    }

    @Test
    void exportReadsBackToTheSameInstanceAndEntries() {
        ClosedForm cf = ClosedForm.rotated(Instances.narrow(), P, 2);
        Map<String, NpyArray> m = new LinkedHashMap<>();
        for (NpyArray a : PointExport.arrays(cf.point())) {
            m.put(a.name(), a);
        }
        Aprational[] lw = new Aprational[cf.instance().depth()];
        for (int l = 1; l <= lw.length; l++) {
            lw[l - 1] = cf.instance().lambdaW(l);
        }
        ExternalPoint x = PointFile.read("m.npz", m, false, null, lw, cf.instance().lambdaH(), P);
        assertEquals(cf.instance(), x.instance());
        assertTrue(x.grouped());
        double[][] w = cf.point().weight(2).toDoubleArray();
        // Apfloat.doubleValue of a double's exact value rounded to P + G digits is not always that double
        // again (seen: off by one ulp), so entries are compared to an ulp
        double[] back = x.point().weight(2).toDoubleArray()[1];
        for (int j = 0; j < back.length; j++) {
            assertEquals(w[1][j], back[j], Math.ulp(w[1][j]));
        }
        double[][] h0 = cf.point().classBlock(0).toDoubleArray();
        double[][] x0 = x.point().classBlock(0).toDoubleArray();
        for (int i = 0; i < h0.length; i++) {
            for (int j = 0; j < x0[i].length; j++) {
                assertEquals(h0[i][0], x0[i][j], Math.ulp(h0[i][0]), "every sample of class 0 carries the class mean");
            }
        }
    }
}
