package org.ncverify.npy;

/**
 * Fortran (column-major) to C (row-major) order: element (i_0, ..., i_{n-1}) of a shape
 * (s_0, ..., s_{n-1}) sits at i_0 + s_0 (i_1 + s_1 (i_2 + ...)) in Fortran order and at
 * ((i_0 s_1 + i_1) s_2 + i_2) ... in C order.
 */
final class Order {
    private Order() {
    }

    static double[] toC(double[] f, int[] shape) {
        int[] map = fortranIndexOfC(shape);
        double[] c = new double[f.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = f[map[i]];
        }
        return c;
    }

    static long[] toC(long[] f, int[] shape) {
        int[] map = fortranIndexOfC(shape);
        long[] c = new long[f.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = f[map[i]];
        }
        return c;
    }

    /** For each C-order position, the Fortran-order position of the same element. */
    private static int[] fortranIndexOfC(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        int[] map = new int[n];
        int[] idx = new int[shape.length];
        for (int c = 0; c < n; c++) {
            int f = 0;
            for (int k = shape.length - 1; k >= 0; k--) {
                f = f * shape[k] + idx[k];
            }
            map[c] = f;
            for (int k = shape.length - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return map;
    }
}
