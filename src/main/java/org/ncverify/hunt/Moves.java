package org.ncverify.hunt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.sampling.NearThreshold;
import org.ncverify.sampling.Profile;

/**
 * The local moves of the targeted strategy (issue 10, "--strategy targeted"): each takes an
 * instance and a seeded random source and returns a nearby valid instance, or null when the move
 * does not apply (e.g. no class can be merged when K = 2) or would leave the hunt's ranges
 * (K &lt;= {@link #MAX_CLASSES}, N &lt;= {@link #MAX_TOTAL}, L &lt;= {@link #MAX_DEPTH}, the same ranges as
 * the sampling profiles). A move draws only from the random source it is given, so it is a pure
 * function of (instance, source state).
 */
public final class Moves {
    /** Largest class count a move produces (as {@code sampling.Parts}). */
    public static final int MAX_CLASSES = 60;
    /** Largest total N a move produces. */
    public static final long MAX_TOTAL = 1_000_000_000L;
    /** Largest depth a move produces (as {@link Profile#MAX_DEPTH}). */
    public static final int MAX_DEPTH = Profile.MAX_DEPTH;
    /** Significant digits of a moved weight decay. */
    static final int LAMBDA_DIGITS = 3;

    private Moves() {
    }

    /** One kind of local move, with the sampling profile whose edge case it arranges (the drawn sample's label). */
    public enum Move {
        /** Two classes become one of their total size (K &gt;= 3): n_i + n_j. */
        MERGE(Profile.STEP),
        /** A class of size n &gt;= 2 becomes two, of sizes a and n - a (a uniform in 1..n-1). */
        SPLIT(Profile.STEP),
        /** A size is repeated: another class takes it, or a copy of it is added; its multiplicity grows by one. */
        TIE(Profile.TRUE_TIES),
        /**
         * lambda_H is chosen so that s_crit = s_i (1 + m 10^-e), m in -9..9, e in 21..40 (one time in
         * eight m = 0 with 60 digits), for a drawn i below min(r, K - 1): a singular value within a
         * relative 1e-20 of s_crit ({@link NearThreshold#lambdaH}).
         */
        THRESHOLD(Profile.NEAR_THRESHOLD),
        /** A bottleneck r' in 1..K-2 (K &gt;= 3): d = r', or (L &gt;= 2, half of the time) one hidden width = r'. */
        BOTTLENECK(Profile.BOTTLENECK),
        /** L up or down by one (1..MAX_DEPTH): the last hidden width and the last weight decay are repeated or dropped. */
        DEPTH(Profile.DEEP),
        /** One of lambda_{W_1}..lambda_{W_L}, lambda_H multiplied by 10^u, u uniform in [-1, 1], 3 digits, in [1e-15, 1]. */
        LAMBDA(Profile.LAMBDAS);

        private final Profile profile;

        Move(Profile profile) {
            this.profile = profile;
        }

        /** The profile whose edge case this move arranges. */
        public Profile profile() {
            return profile;
        }
    }

    /** {@code move} applied to {@code x}, or null when it does not apply. */
    public static Instance apply(Move move, Instance x, SplittableRandom r) {
        Instance y = switch (move) {
            case MERGE -> merge(x, r);
            case SPLIT -> split(x, r);
            case TIE -> tie(x, r);
            case THRESHOLD -> threshold(x, r);
            case BOTTLENECK -> bottleneck(x, r);
            case DEPTH -> depth(x, r);
            case LAMBDA -> lambda(x, r);
        };
        return y == null || !inRange(y) || y.equals(x) ? null : y;
    }

    /** Whether an instance is within the ranges of the moves. */
    static boolean inRange(Instance y) {
        return y.classes() <= MAX_CLASSES && y.total() <= MAX_TOTAL && y.depth() <= MAX_DEPTH;
    }

    static Instance merge(Instance x, SplittableRandom r) {
        int k = x.classes();
        if (k < 3) {
            return null;
        }
        int i = r.nextInt(k);
        int j = (i + 1 + r.nextInt(k - 1)) % k;
        long[] n = x.sizes();
        n[i] += n[j];
        return withSizes(x, remove(n, j));
    }

    static Instance split(Instance x, SplittableRandom r) {
        long[] n = x.sizes();
        int i = r.nextInt(n.length);
        if (n[i] < 2 || n.length >= MAX_CLASSES) {
            return null;
        }
        long a = 1 + r.nextLong(n[i] - 1);
        long[] m = insert(n, i + 1, n[i] - a);
        m[i] = a;
        return withSizes(x, m);
    }

    static Instance tie(Instance x, SplittableRandom r) {
        long[] n = x.sizes();
        int i = r.nextInt(n.length);
        if (r.nextBoolean() && n.length < MAX_CLASSES) {
            return withSizes(x, insert(n, r.nextInt(n.length + 1), n[i]));
        }
        int j = (i + 1 + r.nextInt(n.length - 1)) % n.length;
        n[j] = n[i];
        return withSizes(x, n);
    }

    static Instance threshold(Instance x, SplittableRandom r) {
        int top = Math.min(x.bottleneck(), x.classes() - 1);
        int i = r.nextInt(top);
        boolean exact = r.nextInt(8) == 0;
        int mantissa = exact ? 0 : r.nextInt(19) - 9;
        int exponent = exact ? 0 : 21 + r.nextInt(20);
        Aprational[] lw = lambdaW(x);
        Aprational lh = NearThreshold.lambdaH(x.sizes(), i, mantissa, exponent, x.depth(), lw, exact ? 60 : 40);
        return Instance.of(x.sizes(), x.dim(), x.widths(), x.depth(), lw, lh);
    }

    static Instance bottleneck(Instance x, SplittableRandom r) {
        int k = x.classes();
        if (k < 3) {
            return null;
        }
        int narrow = 1 + r.nextInt(k - 2);
        int[] w = x.widths();
        int dim = x.dim();
        if (x.depth() == 1 || r.nextBoolean()) {
            dim = narrow;
        } else {
            w[r.nextInt(w.length)] = narrow;
        }
        return Instance.of(x.sizes(), dim, w, x.depth(), lambdaW(x), x.lambdaH());
    }

    static Instance depth(Instance x, SplittableRandom r) {
        int l = x.depth();
        boolean up = l == 1 || (l < MAX_DEPTH && r.nextBoolean());
        int next = up ? l + 1 : l - 1;
        if (next < 1 || next > MAX_DEPTH) {
            return null;
        }
        int[] w = Arrays.copyOf(x.widths(), next - 1);
        if (up) {
            w[next - 2] = x.layerDim(l - 1);
        }
        Aprational[] lw = Arrays.copyOf(lambdaW(x), next);
        if (up) {
            lw[next - 1] = x.lambdaW(l);
        }
        return Instance.of(x.sizes(), x.dim(), w, next, lw, x.lambdaH());
    }

    static Instance lambda(Instance x, SplittableRandom r) {
        Aprational[] lw = lambdaW(x);
        int which = r.nextInt(lw.length + 1);
        Aprational old = which == lw.length ? x.lambdaH() : lw[which];
        double u = r.nextInt(2001) / 1000.0 - 1;
        BigDecimal value = new BigDecimal(Rationals.numerator(old)).divide(new BigDecimal(Rationals.denominator(old)),
            MathContext.DECIMAL64);
        BigDecimal v = value.multiply(new BigDecimal(StrictMath.pow(10, u))).round(new MathContext(LAMBDA_DIGITS));
        v = v.max(new BigDecimal("1e-15")).min(BigDecimal.ONE);
        Aprational q = Rationals.of(v);
        if (which == lw.length) {
            return Instance.of(x.sizes(), x.dim(), x.widths(), x.depth(), lw, q);
        }
        lw[which] = q;
        return Instance.of(x.sizes(), x.dim(), x.widths(), x.depth(), lw, x.lambdaH());
    }

    /** x with other class sizes (same d, widths, decays). */
    private static Instance withSizes(Instance x, long[] sizes) {
        if (sizes.length < 2 || Arrays.stream(sizes).sum() > MAX_TOTAL) {
            return null;
        }
        return Instance.of(sizes, x.dim(), x.widths(), x.depth(), lambdaW(x), x.lambdaH());
    }

    /** lambda_{W_1}..lambda_{W_L}. */
    static Aprational[] lambdaW(Instance x) {
        Aprational[] lw = new Aprational[x.depth()];
        for (int l = 1; l <= lw.length; l++) {
            lw[l - 1] = x.lambdaW(l);
        }
        return lw;
    }

    private static long[] remove(long[] a, int at) {
        long[] b = new long[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    private static long[] insert(long[] a, int at, long v) {
        long[] b = new long[a.length + 1];
        System.arraycopy(a, 0, b, 0, at);
        b[at] = v;
        System.arraycopy(a, at, b, at + 1, a.length - at);
        return b;
    }
}
