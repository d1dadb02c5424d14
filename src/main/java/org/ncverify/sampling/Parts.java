package org.ncverify.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apfloat.Aprational;
import org.ncverify.instance.Rationals;

/**
 * The pieces every profile draws (class count, sizes, dimensions, depth, weight decays), with
 * defaults kept cheap enough for hundreds of 40-digit checks per minute: K is mostly at most 8
 * and reaches {@link #MAX_CLASSES} rarely, d stays within K - 1..K + 3 (now and then up to K + 12),
 * and N = sum n_k never exceeds {@link #MAX_TOTAL}. Package-private: the profiles combine them.
 */
final class Parts {
    /** Largest class count drawn. */
    static final int MAX_CLASSES = 60;
    /** Largest total N = sum n_k drawn. */
    static final long MAX_TOTAL = 1_000_000_000L;
    /** Significant digits of a drawn weight decay. */
    static final int LAMBDA_DIGITS = 3;

    private Parts() {
    }

    /**
     * K in [min, max], skewed to small values: 70% in [min, 8], 25% in [min, 20], 5% in
     * [min, max] (all clipped to max).
     */
    static int classes(Draws d, int min, int max) {
        int roll = d.intBetween(0, 19);
        int hi = roll < 14 ? 8 : roll < 19 ? 20 : max;
        return d.intBetween(min, Math.max(min, Math.min(hi, max)));
    }

    /** Largest class size allowed for K classes, so that N &lt;= MAX_TOTAL. */
    static long sizeCap(int k) {
        return MAX_TOTAL / k;
    }

    /** K sizes, each log-uniform in [1, top] for a log-uniform top in [2, cap]. */
    static long[] sizes(Draws d, int k, long cap) {
        long top = d.logUniform(2, Math.max(2, cap));
        long[] n = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = d.logUniform(1, top);
        }
        return n;
    }

    /** {@code count} distinct values in [1, cap] (cap &gt;= count), each log-uniform, collisions moved up. */
    static long[] distinct(Draws d, int count, long cap) {
        Set<Long> seen = new HashSet<>();
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            long x = d.logUniform(1, cap);
            while (seen.contains(x)) {
                x = x % cap + 1;
            }
            seen.add(x);
            v[i] = x;
        }
        return v;
    }

    /** The values in a random order (Fisher-Yates with the draws). */
    static long[] shuffle(Draws d, long[] values) {
        long[] v = values.clone();
        for (int i = v.length - 1; i > 0; i--) {
            int j = d.intBetween(0, i);
            long t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    /** d without a bottleneck: in [max(1, K-1), K+3], one time in ten in [K+4, K+12]. */
    static int dim(Draws d, int k) {
        if (d.oneIn(10)) {
            return d.intBetween(k + 4, k + 12);
        }
        return d.intBetween(Math.max(1, k - 1), k + 3);
    }

    /** Depth L in [1, 3]. */
    static int depth(Draws d) {
        return d.intBetween(1, 3);
    }

    /** Hidden widths without a bottleneck: null (all equal to d) or each in [max(1, K-1), K+3]. */
    static int[] widths(Draws d, int depth, int k) {
        if (depth == 1 || d.oneIn(2)) {
            return null;
        }
        int[] w = new int[depth - 1];
        for (int l = 0; l < w.length; l++) {
            w[l] = d.intBetween(Math.max(1, k - 1), k + 3);
        }
        return w;
    }

    /** A decimal 10^(-j/1000) in [10^-maxExp, 10^-minExp], log-uniform, rounded to LAMBDA_DIGITS digits. */
    static BigDecimal logDecimal(Draws d, int minExp, int maxExp) {
        long j = d.between(1000L * minExp, 1000L * maxExp);
        return decimal(StrictMath.pow(10, -j / 1000.0), LAMBDA_DIGITS);
    }

    /** A positive double rounded to {@code digits} significant decimal digits, exactly. */
    static BigDecimal decimal(double x, int digits) {
        return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros();
    }

    /**
     * One weight decay lambda for every layer and H, placed on the scale of the instance: with
     * lambda_bar = lambda, s_crit = s_1 10^-u for u uniform in [-0.5, 4] (s_1 ~ sqrt(n_max), so
     * from "everything collapses" to "all but the smallest survive"), from
     * s_crit^(2L/(L+1)) = N lambda_bar c_L, c_L = L (L/(L-1))^((L-1)/(L+1)) (c_1 = 1), in double.
     * Clipped to [1e-15, 1].
     */
    static Aprational[] scaledLambda(Draws d, long[] sizes, int depth) {
        long nMax = Arrays.stream(sizes).max().orElseThrow();
        long total = Arrays.stream(sizes).sum();
        double u = d.between(-500, 4000) / 1000.0;
        double s = StrictMath.sqrt(nMax) * StrictMath.pow(10, -u);
        double lambda = StrictMath.pow(s, 2.0 * depth / (depth + 1)) / (total * thresholdConstant(depth));
        lambda = Math.max(1e-15, Math.min(1.0, lambda));
        return new Aprational[] {Rationals.of(decimal(lambda, LAMBDA_DIGITS))};
    }

    /** c_L = L (L/(L-1))^((L-1)/(L+1)), with c_1 = 1. */
    static double thresholdConstant(int depth) {
        if (depth == 1) {
            return 1.0;
        }
        return depth * StrictMath.pow((double) depth / (depth - 1), (depth - 1.0) / (depth + 1.0));
    }
}
