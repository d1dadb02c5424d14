package org.ncverify.external;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.model.Point;
import org.ncverify.npy.NpyArray;
import org.ncverify.npy.Npz;

/**
 * Writes a point as the arrays {@link PointFile} reads (float64, C order): {@code H} (d x N, every
 * sample's column, grouped by class), {@code W1} ... {@code WL}, {@code b} (float64) and {@code labels}
 * (int64, the class of each column: n_1 zeros, then n_2 ones, ...). Each entry is the double nearest to
 * the point's value (the closed form's digits beyond double are dropped).
 */
public final class PointExport {
    /** Largest N exported: H is written with every one of its N columns. */
    public static final long MAX_COLUMNS = 10_000_000L;

    private PointExport() {
    }

    /** The arrays of {@code x}: H (d x N), W1..WL, b, labels. */
    public static List<NpyArray> arrays(Point x) {
        List<NpyArray> out = new ArrayList<>();
        long n = x.instance().total();
        if (n > MAX_COLUMNS) {
            throw new IllegalArgumentException("N = " + n + " exceeds " + MAX_COLUMNS + " exported columns");
        }
        int d = x.instance().dim();
        double[][] h = new double[d][(int) n];
        int col = 0;
        for (int k = 0; k < x.classes(); k++) {
            double[][] blk = x.classBlock(k).toDoubleArray();
            for (int j = 0; j < x.columns(k); j++) {
                for (long m = 0; m < x.multiplicity(k); m++) {
                    for (int i = 0; i < d; i++) {
                        h[i][col] = blk[i][j];
                    }
                    col++;
                }
            }
        }
        out.add(NpyArray.ofMatrix("H", h));
        for (int l = 1; l <= x.depth(); l++) {
            out.add(NpyArray.ofMatrix("W" + l, x.weight(l).toDoubleArray()));
        }
        double[] b = new double[x.classes()];
        for (int k = 0; k < b.length; k++) {
            b[k] = x.bias()[k].doubleValue();
        }
        out.add(NpyArray.ofVector("b", b));
        long[] labels = new long[(int) n];
        int at = 0;
        for (int k = 0; k < x.classes(); k++) {
            for (long m = 0; m < x.instance().size(k); m++) {
                labels[at++] = k;
            }
        }
        out.add(NpyArray.ofLongs("labels", "<i8", new int[] {(int) n}, labels));
        return out;
    }

    /** Writes {@link #arrays} to {@code target} as an npz (atomically; an existing file is refused). */
    public static void write(Path target, Point x) {
        Npz.write(target, arrays(x));
    }
}
