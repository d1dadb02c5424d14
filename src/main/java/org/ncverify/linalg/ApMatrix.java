package org.ncverify.linalg;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * A dense real matrix of Apfloat entries at a stated {@link Precision}. Immutable: every
 * operation returns a new matrix; arrays are copied in and out. Entries are stored row
 * major. All arithmetic goes through the precision's fixed-precision helper, so each
 * entry of a product or sum is correct to about one unit of 10^-(P+G) relative to the
 * magnitudes involved (a dot product of length n carries error &lt;= n eps sum |a_i b_i|).
 */
public final class ApMatrix {
    private final int rows;
    private final int cols;
    private final Apfloat[] data;
    private final Precision precision;

    /** The most entries of any matrix made since the last {@link #resetLargest()} (a test hook, scale-theory). */
    private static final java.util.concurrent.atomic.AtomicLong LARGEST = new java.util.concurrent.atomic.AtomicLong();

    private ApMatrix(int rows, int cols, Apfloat[] data, Precision precision) {
        LARGEST.accumulateAndGet((long) rows * cols, Math::max);
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.precision = precision;
    }

    /** A matrix whose (i, j) entry is {@code entry.apply(i * cols + j)} set to the precision. */
    private static ApMatrix build(int rows, int cols, Precision precision, IntFunction<Apfloat> entry) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimension " + rows + "x" + cols);
        }
        Apfloat[] d = new Apfloat[rows * cols];
        for (int i = 0; i < d.length; i++) {
            Apfloat v = entry.apply(i);
            d[i] = v.signum() == 0 ? Apfloat.ZERO : precision.of(v);
        }
        return new ApMatrix(rows, cols, d, precision);
    }

    /**
     * The number of entries of the largest matrix made (in any thread) since the previous call,
     * and a reset: how tests prove that a computation never forms a K x K matrix.
     */
    public static long resetLargest() {
        return LARGEST.getAndSet(0);
    }

    /** The rows x cols zero matrix. */
    public static ApMatrix zeros(int rows, int cols, Precision precision) {
        Apfloat[] d = new Apfloat[rows * cols];
        Arrays.fill(d, Apfloat.ZERO);
        return new ApMatrix(rows, cols, d, precision);
    }

    /** The n x n identity. */
    public static ApMatrix identity(int n, Precision precision) {
        return build(n, n, precision, i -> i / n == i % n ? Apfloat.ONE : Apfloat.ZERO);
    }

    /** A matrix from entries (copied); every row must have the same length. */
    public static ApMatrix of(Apfloat[][] entries, Precision precision) {
        int r = entries.length;
        int c = r == 0 ? 0 : entries[0].length;
        for (Apfloat[] row : entries) {
            if (row.length != c) {
                throw new IllegalArgumentException("ragged rows: " + row.length + " != " + c);
            }
        }
        return build(r, c, precision, i -> entries[i / c][i % c]);
    }

    /**
     * A matrix from double entries, each its exact binary value rounded to the precision
     * ({@link Precision#ofBinary}).
     */
    public static ApMatrix of(double[][] entries, Precision precision) {
        int r = entries.length;
        int c = r == 0 ? 0 : entries[0].length;
        Apfloat[][] a = new Apfloat[r][c];
        for (int i = 0; i < r; i++) {
            if (entries[i].length != c) {
                throw new IllegalArgumentException("ragged rows: " + entries[i].length + " != " + c);
            }
            for (int j = 0; j < c; j++) {
                a[i][j] = precision.ofBinary(entries[i][j]);
            }
        }
        return of(a, precision);
    }

    /** The square diagonal matrix diag(values). */
    public static ApMatrix diagonal(Apfloat[] values, Precision precision) {
        int n = values.length;
        return build(n, n, precision, i -> i / n == i % n ? values[i / n] : Apfloat.ZERO);
    }

    /** The matrix whose columns are the given vectors (each of the same length). */
    public static ApMatrix fromColumns(Apfloat[][] columns, Precision precision) {
        int c = columns.length;
        int r = c == 0 ? 0 : columns[0].length;
        for (Apfloat[] col : columns) {
            if (col.length != r) {
                throw new IllegalArgumentException("columns of different lengths: " + col.length + " != " + r);
            }
        }
        return build(r, c, precision, i -> columns[i % c][i / c]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Precision precision() {
        return precision;
    }

    /** Entry (i, j), 0-based. */
    public Apfloat get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + "x" + cols);
        }
        return data[i * cols + j];
    }

    /** Copy of column j. */
    public Apfloat[] column(int j) {
        Apfloat[] c = new Apfloat[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** Copy of row i. */
    public Apfloat[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Copy of all entries as a 2-D array. */
    public Apfloat[][] toArray() {
        Apfloat[][] a = new Apfloat[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = row(i);
        }
        return a;
    }

    /** Entries rounded to double. */
    public double[][] toDoubleArray() {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = data[i * cols + j].doubleValue();
            }
        }
        return a;
    }

    /** This matrix at another precision (entries re-rounded, or padded). */
    public ApMatrix withPrecision(Precision other) {
        return build(rows, cols, other, i -> data[i]);
    }

    /** A copy with entry (i, j) replaced. */
    public ApMatrix with(int i, int j, Apfloat value) {
        Apfloat[] d = data.clone();
        get(i, j);
        d[i * cols + j] = value.signum() == 0 ? Apfloat.ZERO : precision.of(value);
        return new ApMatrix(rows, cols, d, precision);
    }

    /** The sub-matrix of rows [r0, r1) and columns [c0, c1). */
    public ApMatrix block(int r0, int r1, int c0, int c1) {
        if (r0 < 0 || r1 > rows || c0 < 0 || c1 > cols || r0 > r1 || c0 > c1) {
            throw new IndexOutOfBoundsException("block [" + r0 + "," + r1 + ")x[" + c0 + "," + c1
                + ") outside " + rows + "x" + cols);
        }
        int nc = c1 - c0;
        Apfloat[] d = new Apfloat[(r1 - r0) * nc];
        for (int i = r0; i < r1; i++) {
            System.arraycopy(data, i * cols + c0, d, (i - r0) * nc, nc);
        }
        return new ApMatrix(r1 - r0, nc, d, precision);
    }

    /** A^T. */
    public ApMatrix transpose() {
        Apfloat[] d = new Apfloat[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[j * rows + i] = data[i * cols + j];
            }
        }
        return new ApMatrix(cols, rows, d, precision);
    }

    /** A B, each entry a dot product accumulated at the working precision. */
    public ApMatrix multiply(ApMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + b.rows + "x" + b.cols);
        }
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat[] d = new Apfloat[rows * b.cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                Apfloat s = Apfloat.ZERO;
                for (int k = 0; k < cols; k++) {
                    Apfloat x = data[i * cols + k];
                    Apfloat y = b.data[k * b.cols + j];
                    if (x.signum() != 0 && y.signum() != 0) {
                        s = h.add(s, h.multiply(x, y));
                    }
                }
                d[i * b.cols + j] = s;
            }
        }
        return new ApMatrix(rows, b.cols, d, precision);
    }

    /** A x for a vector x. */
    public Apfloat[] multiply(Apfloat[] x) {
        return multiply(fromColumns(new Apfloat[][] {x}, precision)).column(0);
    }

    /** A + B. */
    public ApMatrix add(ApMatrix b) {
        checkSameShape(b);
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat[] d = new Apfloat[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = h.add(data[i], b.data[i]);
        }
        return new ApMatrix(rows, cols, d, precision);
    }

    /** A - B. */
    public ApMatrix subtract(ApMatrix b) {
        checkSameShape(b);
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat[] d = new Apfloat[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = h.subtract(data[i], b.data[i]);
        }
        return new ApMatrix(rows, cols, d, precision);
    }

    /** c A. */
    public ApMatrix scale(Apfloat c) {
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat[] d = new Apfloat[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = h.multiply(c, data[i]);
        }
        return new ApMatrix(rows, cols, d, precision);
    }

    /** A diag(c): column j scaled by c[j]. */
    public ApMatrix scaleColumns(Apfloat[] c) {
        if (c.length != cols) {
            throw new IllegalArgumentException(c.length + " column factors for " + cols + " columns");
        }
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat[] d = new Apfloat[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = h.multiply(c[i % cols], data[i]);
        }
        return new ApMatrix(rows, cols, d, precision);
    }

    /** ||A||_F^2 = sum of squared entries. */
    public Apfloat frobeniusNormSquared() {
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat s = Apfloat.ZERO;
        for (Apfloat x : data) {
            if (x.signum() != 0) {
                s = h.add(s, h.multiply(x, x));
            }
        }
        return s;
    }

    /** ||A||_F. */
    public Apfloat frobeniusNorm() {
        Apfloat s = frobeniusNormSquared();
        return s.signum() == 0 ? Apfloat.ZERO : precision.helper().sqrt(s);
    }

    /** max |a_ij|. */
    public Apfloat maxAbs() {
        Apfloat m = Apfloat.ZERO;
        for (Apfloat x : data) {
            Apfloat a = ApfloatMath.abs(x);
            if (a.compareTo(m) > 0) {
                m = a;
            }
        }
        return m;
    }

    /** True when every entry is exactly zero. */
    public boolean isZero() {
        for (Apfloat x : data) {
            if (x.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /** Dot product of two vectors at the given precision. */
    public static Apfloat dot(Apfloat[] x, Apfloat[] y, Precision precision) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("vectors of lengths " + x.length + " and " + y.length);
        }
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat s = Apfloat.ZERO;
        for (int i = 0; i < x.length; i++) {
            if (x[i].signum() != 0 && y[i].signum() != 0) {
                s = h.add(s, h.multiply(x[i], y[i]));
            }
        }
        return s;
    }

    /** Euclidean norm of a vector. */
    public static Apfloat norm(Apfloat[] x, Precision precision) {
        Apfloat s = dot(x, x, precision);
        return s.signum() == 0 ? Apfloat.ZERO : precision.helper().sqrt(s);
    }

    private void checkSameShape(ApMatrix b) {
        if (rows != b.rows || cols != b.cols) {
            throw new IllegalArgumentException("shapes differ: " + rows + "x" + cols + " and " + b.rows + "x" + b.cols);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ApMatrix " + rows + "x" + cols + " @ " + precision + "\n");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s.append(j == 0 ? "" : "  ").append(Precision.format(data[i * cols + j], 12));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
