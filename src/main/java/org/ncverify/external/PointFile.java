package org.ncverify.external;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.npy.NpyArray;

/**
 * Turns the arrays of a NumPy file into a {@link Point} of the model of SPEC section 1 and its
 * {@link Instance}. The arrays (names as {@code numpy.savez} keywords):
 * <ul>
 * <li>{@code H}: d x N features, one column per sample (N x d with {@code featuresRows}, the
 *     layout of a PyTorch feature batch);</li>
 * <li>{@code W1} ... {@code WL}: W_l is d_l x d_{l-1} ({@code torch.nn.Linear.weight}); L is the
 *     largest l present and every W_1..W_L must be; d_L = K;</li>
 * <li>{@code b}: K entries;</li>
 * <li>{@code labels} (optional): N integers in 0..K-1, in any order; without them the columns are
 *     grouped by class in the order of {@code sizes}, which must then be given.</li>
 * </ul>
 * K, N, the sizes, d, L and the widths come from the arrays. Bad input, each one line naming the
 * array ({@link InputException} with the array's name as its quantity): a missing array; a dtype
 * that is not float32/float64 (integer for labels); a wrong rank; a shape that does not chain
 * (W_{l+1}'s columns != W_l's rows, W_1's columns != H's rows, b's length != W_L's rows); a NaN or
 * an infinity; labels of the wrong count, out of 0..K-1, or leaving a class without a sample; sizes
 * that contradict the arrays.
 */
public final class PointFile {
    private static final Pattern LAYER = Pattern.compile("W(\\d+)");

    private PointFile() {
    }

    /**
     * @param source       the file name (reported)
     * @param arrays       the file's arrays by name
     * @param featuresRows true when H is stored N x d
     * @param sizes        class sizes from the command line, or null (then the labels define them)
     * @param lambdaW      one weight decay or L of them
     * @param lambdaH      the feature decay
     * @param precision    the precision of the point's entries (the exact binary values, rounded to P + G)
     */
    public static ExternalPoint read(String source, Map<String, NpyArray> arrays, boolean featuresRows, long[] sizes,
                                     Aprational[] lambdaW, Aprational lambdaH, Precision precision) {
        NpyArray h = floating(arrays, "H", 2);
        List<NpyArray> ws = layers(arrays);
        NpyArray b = floating(arrays, "b", 1);
        int depth = ws.size();
        int[] hs = h.shape();
        int d = featuresRows ? hs[1] : hs[0];
        int n = featuresRows ? hs[0] : hs[1];
        int prevRows = d;
        String prevName = "H";
        for (int l = 1; l <= depth; l++) {
            int[] s = ws.get(l - 1).shape();
            if (s[1] != prevRows) {
                throw new InputException("W" + l, ": shape " + ws.get(l - 1).shapeText() + " does not chain: its " + s[1]
                    + " columns != " + (l == 1 ? "the feature dimension d = " + d + " of H " + h.shapeText()
                    + (featuresRows ? " (N x d, --features-rows)" : " (d x N)") : prevRows + " rows of " + prevName));
            }
            prevRows = s[0];
            prevName = "W" + l;
        }
        int k = prevRows;
        if (k < 2) {
            throw new InputException("W" + depth, ": shape " + ws.get(depth - 1).shapeText() + " has K = " + k
                + " row(s): K >= 2 classes are required");
        }
        if (b.shape()[0] != k) {
            throw new InputException("b", ": shape " + b.shapeText() + " but W" + depth + " has K = " + k + " rows");
        }
        int[] labels = labels(arrays, n, k);
        long[] counts = counts(labels, n, k, sizes);
        int[] widths = new int[depth - 1];
        for (int l = 1; l < depth; l++) {
            widths[l - 1] = ws.get(l - 1).shape()[0];
        }
        Instance inst = Instance.of(counts, d, widths, depth, lambdaW, lambdaH);
        List<ApMatrix> weights = new ArrayList<>();
        for (NpyArray w : ws) {
            weights.add(matrix(w, precision));
        }
        int[] order = groupedOrder(labels, counts);
        boolean grouped = true;
        for (int i = 0; i < order.length; i++) {
            grouped &= order[i] == i;
        }
        ApMatrix hm = features(h, featuresRows, order, precision);
        double[] bv = b.doubles();
        Apfloat[] bias = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            bias[c] = precision.ofBinary(bv[c]);
        }
        Point point = Point.ofFeatures(inst, weights, hm, bias);
        return new ExternalPoint(source, inst, point, dtypes(arrays, ws.size()), ignored(arrays, depth), grouped,
            featuresRows, unitRoundoff(h, ws, b));
    }

    /** 2^-24 when any array of the point is float32, else 2^-53. */
    private static double unitRoundoff(NpyArray h, List<NpyArray> ws, NpyArray b) {
        boolean single = h.descr().endsWith("f4") || b.descr().endsWith("f4");
        for (NpyArray w : ws) {
            single |= w.descr().endsWith("f4");
        }
        return single ? 0x1p-24 : 0x1p-53;
    }

    private static NpyArray floating(Map<String, NpyArray> arrays, String name, int rank) {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new InputException(name, ": missing (the file has " + String.join(", ", new TreeMap<>(arrays).keySet())
                + "; a point needs H, W1..WL and b)");
        }
        if (!a.isFloating()) {
            throw new InputException(name, ": dtype '" + a.descr() + "' is not float32 or float64");
        }
        if (a.ndim() != rank) {
            throw new InputException(name, ": shape " + a.shapeText() + " has " + a.ndim() + " dimension(s), expected "
                + rank);
        }
        double[] v = a.doubles();
        int[] s = a.shape();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                String at = rank == 2 ? (i / s[1]) + ", " + (i % s[1]) : String.valueOf(i);
                throw new InputException(name, "[" + at + "] = " + v[i] + ": every entry must be finite");
            }
        }
        if (Arrays.stream(s).anyMatch(x -> x == 0)) {
            throw new InputException(name, ": shape " + a.shapeText() + " is empty");
        }
        return a;
    }

    private static List<NpyArray> layers(Map<String, NpyArray> arrays) {
        int depth = 0;
        for (String name : arrays.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.matches() && !m.group(1).startsWith("0")) {
                depth = Math.max(depth, Integer.parseInt(m.group(1)));
            }
        }
        if (depth == 0) {
            throw new InputException("W1", ": missing (no layer W1..WL in the file)");
        }
        if (depth > Instance.MAX_DEPTH) {
            throw new InputException("W" + depth, ": depth " + depth + " exceeds " + Instance.MAX_DEPTH);
        }
        List<NpyArray> ws = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            if (!arrays.containsKey("W" + l)) {
                throw new InputException("W" + l, ": missing (W" + depth + " is present, so W1..W" + depth + " must be)");
            }
            ws.add(floating(arrays, "W" + l, 2));
        }
        return ws;
    }

    private static int[] labels(Map<String, NpyArray> arrays, int n, int k) {
        NpyArray a = arrays.get("labels");
        if (a == null) {
            return null;
        }
        if (a.isFloating()) {
            throw new InputException("labels", ": dtype '" + a.descr() + "' is not an integer type");
        }
        if (a.ndim() != 1 || a.shape()[0] != n) {
            throw new InputException("labels", ": shape " + a.shapeText() + ", expected (" + n + ",) (one per column of H)");
        }
        long[] v = a.longs();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (v[i] < 0 || v[i] >= k) {
                throw new InputException("labels", "[" + i + "] = " + v[i] + ": out of range 0.." + (k - 1)
                    + " (K = " + k + " rows in the last layer)");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    private static long[] counts(int[] labels, int n, int k, long[] sizes) {
        if (labels == null) {
            if (sizes == null) {
                throw new InputException("labels", ": missing, and no sizes given (give labels in the file or --sizes)");
            }
            if (sizes.length != k) {
                throw new InputException("sizes", " has " + sizes.length + " classes but the last layer has K = " + k
                    + " rows");
            }
            long sum = 0;
            for (long s : sizes) {
                sum += s;
            }
            if (sum != n) {
                throw new InputException("sizes", " sum to N = " + sum + " but H has " + n + " columns");
            }
            return sizes.clone();
        }
        long[] c = new long[k];
        for (int y : labels) {
            c[y]++;
        }
        for (int y = 0; y < k; y++) {
            if (c[y] == 0) {
                throw new InputException("labels", ": class " + y + " has no sample (K = " + k
                    + " from the last layer; every class needs one)");
            }
        }
        if (sizes != null && !Arrays.equals(sizes, c)) {
            throw new InputException("sizes", " = " + Arrays.toString(sizes).replaceAll("[\\[\\] ]", "")
                + " contradict the labels, which count " + Arrays.toString(c).replaceAll("[\\[\\] ]", ""));
        }
        return c;
    }

    /** The file's column index of each grouped position (stable inside a class). */
    private static int[] groupedOrder(int[] labels, long[] counts) {
        int n = 0;
        for (long c : counts) {
            n += (int) c;
        }
        int[] order = new int[n];
        if (labels == null) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        int[] start = new int[counts.length];
        for (int c = 1; c < counts.length; c++) {
            start[c] = start[c - 1] + (int) counts[c - 1];
        }
        for (int i = 0; i < labels.length; i++) {
            order[start[labels[i]]++] = i;
        }
        return order;
    }

    private static ApMatrix features(NpyArray h, boolean rows, int[] order, Precision p) {
        int[] s = h.shape();
        int d = rows ? s[1] : s[0];
        Apfloat[][] e = new Apfloat[d][order.length];
        double[] v = h.doubles();
        for (int j = 0; j < order.length; j++) {
            int col = order[j];
            for (int i = 0; i < d; i++) {
                e[i][j] = p.ofBinary(rows ? v[col * s[1] + i] : v[i * s[1] + col]);
            }
        }
        return ApMatrix.of(e, p);
    }

    private static ApMatrix matrix(NpyArray a, Precision p) {
        int[] s = a.shape();
        double[] v = a.doubles();
        double[][] rows = new double[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
            System.arraycopy(v, i * s[1], rows[i], 0, s[1]);
        }
        return ApMatrix.of(rows, p);
    }

    private static String dtypes(Map<String, NpyArray> arrays, int depth) {
        List<String> parts = new ArrayList<>();
        for (String name : names(depth)) {
            NpyArray a = arrays.get(name);
            if (a != null) {
                parts.add(name + " " + a.descr() + " " + a.shapeText());
            }
        }
        return String.join(", ", parts);
    }

    private static List<String> names(int depth) {
        List<String> names = new ArrayList<>(List.of("H"));
        for (int l = 1; l <= depth; l++) {
            names.add("W" + l);
        }
        names.add("b");
        names.add("labels");
        return names;
    }

    private static List<String> ignored(Map<String, NpyArray> arrays, int depth) {
        List<String> used = names(depth);
        return arrays.keySet().stream().filter(n -> !used.contains(n)).sorted().toList();
    }
}
