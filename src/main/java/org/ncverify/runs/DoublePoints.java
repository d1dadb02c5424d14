package org.ncverify.runs;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.optim.FlatLayout;

/** Double points in the {@link FlatLayout} of the full objective as exact high-precision values. */
public final class DoublePoints {
    private DoublePoints() {
    }

    /** A flat double point ({@link FlatLayout}) as a {@link Point} at precision p, entries by their exact binary value. */
    public static Point toPoint(Instance inst, double[] x, Precision p) {
        FlatLayout f = FlatLayout.of(inst);
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
