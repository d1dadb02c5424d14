package org.ncverify.instance;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apfloat.Apint;
import org.apfloat.Aprational;

/**
 * One instance of the L-extended unconstrained feature model with a bias (SPEC section 1):
 * class sizes n_1..n_K, feature dimension d = d_0, hidden widths d_1..d_{L-1}, depth L,
 * per-layer weight decays lambda_{W_1}..lambda_{W_L} and the feature decay lambda_H.
 *
 * <p>Sizes and N = sum n_k are exact integers (long; N may reach 10^12); the weight decays
 * are exact rationals parsed from their decimal text. Immutable: arrays are copied in and
 * out. Every factory check throws {@link InputException} naming the quantity (sizes, dim,
 * depth, widths, lambda_W, lambda_H) and the value.
 */
public final class Instance {
    /** Largest depth accepted; deeper models are legal mathematically but pointless here. */
    public static final int MAX_DEPTH = 64;

    private final long[] sizes;
    private final int dim;
    private final int[] widths;
    private final Aprational[] lambdaW;
    private final Aprational lambdaH;
    private final long total;

    private Instance(long[] sizes, int dim, int[] widths, Aprational[] lambdaW, Aprational lambdaH) {
        this.sizes = sizes;
        this.dim = dim;
        this.widths = widths;
        this.lambdaW = lambdaW;
        this.lambdaH = lambdaH;
        long n = 0;
        for (long s : sizes) {
            n = Math.addExact(n, s);
        }
        this.total = n;
    }

    /**
     * Validating factory.
     *
     * @param sizes   class sizes, K >= 2 of them, each positive
     * @param dim     feature dimension d >= 1
     * @param widths  hidden widths d_1..d_{L-1} (length L-1), or null for all equal to dim
     * @param depth   L >= 1
     * @param lambdaW one weight decay for all layers, or L of them (W_1 first); each > 0
     * @param lambdaH feature decay, > 0
     */
    public static Instance of(long[] sizes, int dim, int[] widths, int depth,
                              Aprational[] lambdaW, Aprational lambdaH) {
        if (sizes == null || sizes.length < 2) {
            throw new InputException("sizes", " has " + (sizes == null ? 0 : sizes.length)
                + " class(es): K >= 2 classes are required");
        }
        long sum = 0;
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] <= 0) {
                throw new InputException("sizes", "[" + k + "] = " + sizes[k]
                    + ": every class size must be a positive integer");
            }
            if (sum > Long.MAX_VALUE - sizes[k]) {
                throw new InputException("sizes", ": the total N overflows a 64-bit integer");
            }
            sum += sizes[k];
        }
        if (dim < 1) {
            throw new InputException("dim", " = " + dim + ": the feature dimension must be >= 1");
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InputException("depth", " = " + depth + ": the depth L must be in 1.." + MAX_DEPTH);
        }
        int[] w;
        if (widths == null) {
            w = new int[depth - 1];
            Arrays.fill(w, dim);
        } else {
            if (widths.length != depth - 1) {
                throw new InputException("widths", " has " + widths.length + " value(s): depth "
                    + depth + " needs exactly " + (depth - 1) + " (d_1..d_{L-1})");
            }
            for (int l = 0; l < widths.length; l++) {
                if (widths[l] < 1) {
                    throw new InputException("widths", "[" + l + "] = " + widths[l]
                        + ": every hidden width must be >= 1");
                }
            }
            w = widths.clone();
        }
        if (lambdaW == null || (lambdaW.length != 1 && lambdaW.length != depth)) {
            throw new InputException("lambda_W", " has " + (lambdaW == null ? 0 : lambdaW.length)
                + " value(s): give one for all layers or exactly " + depth + " (W_1 first)");
        }
        Aprational[] lw = new Aprational[depth];
        for (int l = 0; l < depth; l++) {
            Aprational v = lambdaW.length == 1 ? lambdaW[0] : lambdaW[l];
            requirePositive("lambda_W", lambdaW.length == 1 ? "" : "[" + l + "]", v);
            lw[l] = v;
        }
        requirePositive("lambda_H", "", lambdaH);
        return new Instance(sizes.clone(), dim, w, lw, lambdaH);
    }

    private static void requirePositive(String quantity, String index, Aprational v) {
        if (v == null) {
            throw new InputException(quantity, index + " is missing");
        }
        if (v.signum() <= 0) {
            throw new InputException(quantity, index + " = " + v + ": a weight decay must be > 0");
        }
    }

    /** Number of classes K. */
    public int classes() {
        return sizes.length;
    }

    /** n_k (0-based k). */
    public long size(int k) {
        return sizes[k];
    }

    /** Copy of the class sizes. */
    public long[] sizes() {
        return sizes.clone();
    }

    /** N = sum n_k, exact. */
    public long total() {
        return total;
    }

    /** N as an exact integer. */
    public Apint totalExact() {
        return new Apint(total);
    }

    /** Feature dimension d = d_0. */
    public int dim() {
        return dim;
    }

    /** Depth L (number of linear layers). */
    public int depth() {
        return lambdaW.length;
    }

    /** Copy of the hidden widths d_1..d_{L-1}. */
    public int[] widths() {
        return widths.clone();
    }

    /**
     * Layer dimension d_l for l = 0..L: d_0 = d, d_1..d_{L-1} the hidden widths, d_L = K.
     */
    public int layerDim(int l) {
        if (l == 0) {
            return dim;
        }
        if (l == depth()) {
            return classes();
        }
        return widths[l - 1];
    }

    /** lambda_{W_l} for l = 1..L (1-based, as in the paper). */
    public Aprational lambdaW(int l) {
        return lambdaW[l - 1];
    }

    /** lambda_H. */
    public Aprational lambdaH() {
        return lambdaH;
    }

    /** Lambda = lambda_H * prod_l lambda_{W_l} = lambda_bar^(L+1), exact. */
    public Aprational lambdaProduct() {
        Aprational[] all = Arrays.copyOf(lambdaW, lambdaW.length + 1);
        all[lambdaW.length] = lambdaH;
        return Rationals.product(all);
    }

    /** Bottleneck r = min(K, d, d_1, ..., d_{L-1}). */
    public int bottleneck() {
        int r = Math.min(classes(), dim);
        for (int w : widths) {
            r = Math.min(r, w);
        }
        return r;
    }

    /**
     * A 64-bit fingerprint of the instance's numbers: n_1..n_K, d, d_1..d_{L-1} and the exact
     * numerators and denominators of every lambda, folded in that order (each list preceded by
     * its length) through the SplitMix64 finalizer. It depends on the values only, never on a
     * display string or on the JVM's hash codes, so seeds derived from it are stable across
     * versions and machines.
     */
    public long fingerprint() {
        long acc = mix(0x6E63_7665_7269_6679L + sizes.length);
        for (long s : sizes) {
            acc = mix(acc ^ s);
        }
        acc = mix(acc ^ dim);
        acc = mix(acc ^ widths.length);
        for (int w : widths) {
            acc = mix(acc ^ w);
        }
        acc = mix(acc ^ lambdaW.length);
        for (Aprational l : lambdaW) {
            acc = fold(acc, l);
        }
        return fold(acc, lambdaH);
    }

    private static long fold(long acc, Aprational q) {
        acc = fold(acc, Rationals.numerator(q).toByteArray());
        return fold(acc, Rationals.denominator(q).toByteArray());
    }

    private static long fold(long acc, byte[] bytes) {
        acc = mix(acc ^ bytes.length);
        for (byte b : bytes) {
            acc = mix(acc ^ (b & 0xFF));
        }
        return acc;
    }

    /** The SplitMix64 finalizer (Steele, Lea, Flood 2014) after adding its golden-ratio increment. */
    private static long mix(long z) {
        z += 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** A one-line description, used in reports and replay commands. */
    public String describe() {
        String lw = Arrays.stream(lambdaW).map(Rationals::decimal).collect(Collectors.joining(","));
        StringBuilder b = new StringBuilder();
        b.append("--sizes ").append(Arrays.stream(sizes).mapToObj(Long::toString).collect(Collectors.joining(",")));
        b.append(" --dim ").append(dim).append(" --depth ").append(depth());
        if (widths.length > 0) {
            b.append(" --widths ").append(Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        }
        b.append(" --lambda-w ").append(lw).append(" --lambda-h ").append(Rationals.decimal(lambdaH));
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Instance)) {
            return false;
        }
        Instance other = (Instance) o;
        return dim == other.dim && Arrays.equals(sizes, other.sizes) && Arrays.equals(widths, other.widths)
            && Arrays.equals(lambdaW, other.lambdaW) && lambdaH.equals(other.lambdaH);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + dim;
    }

    @Override
    public String toString() {
        return "Instance[" + describe() + "]";
    }
}
