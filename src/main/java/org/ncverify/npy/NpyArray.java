package org.ncverify.npy;

import java.util.Arrays;

/**
 * One array read from or written to NumPy's NPY format: its name (the npz entry without
 * {@code .npy}, or the file name), the dtype as NumPy wrote it ({@code descr}, e.g. {@code "<f8"}),
 * its shape and its elements in C (row-major) order whatever order the file stored them in.
 * Floating arrays (float32, float64) hold doubles (a float32 widens exactly); integer arrays
 * (int8..int64, uint8..uint64 below 2^63) hold longs. Immutable: arrays are copied in and out.
 */
public final class NpyArray {
    private final String name;
    private final String descr;
    private final int[] shape;
    private final double[] doubles;
    private final long[] longs;

    private NpyArray(String name, String descr, int[] shape, double[] doubles, long[] longs) {
        this.name = name;
        this.descr = descr;
        this.shape = shape;
        this.doubles = doubles;
        this.longs = longs;
    }

    /** A floating array (C order), {@code values.length} = the product of {@code shape}. */
    public static NpyArray ofDoubles(String name, String descr, int[] shape, double[] values) {
        check(shape, values.length);
        return new NpyArray(name, descr, shape.clone(), values.clone(), null);
    }

    /** A float64 matrix (rows x cols) from row arrays, as {@code write} stores it. */
    public static NpyArray ofMatrix(String name, double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] v = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException(name + ": ragged rows");
            }
            System.arraycopy(rows[i], 0, v, i * c, c);
        }
        return new NpyArray(name, "<f8", new int[] {r, c}, v, null);
    }

    /** A float64 vector. */
    public static NpyArray ofVector(String name, double[] values) {
        return new NpyArray(name, "<f8", new int[] {values.length}, values.clone(), null);
    }

    /** An integer array (C order). */
    public static NpyArray ofLongs(String name, String descr, int[] shape, long[] values) {
        check(shape, values.length);
        return new NpyArray(name, descr, shape.clone(), null, values.clone());
    }

    private static void check(int[] shape, int count) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " elements, not " + count);
        }
    }

    public String name() {
        return name;
    }

    /** The dtype string of the file, e.g. {@code "<f8"}, {@code ">f4"}, {@code "<i8"}. */
    public String descr() {
        return descr;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions (0 for a scalar). */
    public int ndim() {
        return shape.length;
    }

    /** True for float32 / float64 data. */
    public boolean isFloating() {
        return doubles != null;
    }

    /** The elements in C order (floating arrays only). */
    public double[] doubles() {
        if (doubles == null) {
            throw new IllegalStateException(name + " is an integer array");
        }
        return doubles.clone();
    }

    /** The elements in C order (integer arrays only). */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException(name + " is a floating array");
        }
        return longs.clone();
    }

    /** Element (i, j) of a 2-d floating array. */
    public double get(int i, int j) {
        return doubles[i * shape[1] + j];
    }

    /** The shape as NumPy prints it, e.g. {@code (2, 3)}. */
    public String shapeText() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public String toString() {
        return name + " " + descr + " " + shapeText();
    }
}
