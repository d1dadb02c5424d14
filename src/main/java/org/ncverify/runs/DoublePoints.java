package org.ncverify.runs;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.optim.FullObjective;

/** Double points of the {@link FullObjective} (flat layout) as exact high-precision values. */
public final class DoublePoints {
    private DoublePoints() {
    }

    /** A flat double point (layout of {@link FullObjective}) as a {@link Point} at precision p. */
    public static Point toPoint(Instance inst, double[] x, Precision p) {
        FullObjective f = FullObjective.of(inst);
        if (x.length != f.size()) {
            throw new IllegalArgumentException("flat point has " + x.length + " entries, expected " + f.size());
        }
        List<ApMatrix> weights = new ArrayList<>();
        for (int l = 1; l <= inst.depth(); l++) {
            weights.add(matrix(x, f.offsetW(l), f.dim(l), f.dim(l - 1), p));
        }
        ApMatrix h = matrix(x, f.offsetH(), f.dim(0), f.samples(), p);
        Apfloat[] b = new Apfloat[inst.classes()];
        for (int k = 0; k < b.length; k++) {
            b[k] = p.ofBinary(x[f.offsetB() + k]);
        }
        return Point.ofFeatures(inst, weights, h, b);
    }

    private static ApMatrix matrix(double[] x, int offset, int rows, int cols, Precision p) {
        Apfloat[][] e = new Apfloat[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = p.ofBinary(x[offset + i * cols + j]);
            }
        }
        return ApMatrix.of(e, p);
    }
}
