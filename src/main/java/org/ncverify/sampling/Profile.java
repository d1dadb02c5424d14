package org.ncverify.sampling;

import java.util.Arrays;
import java.util.OptionalLong;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/**
 * The families of instances the property tests and the hunter draw from (issue 3). Each
 * profile stresses one edge case of SPEC section 4 and keeps the rest of the instance at the
 * cheap defaults of {@link Parts} (no bottleneck, L &lt;= 3, one weight decay placed on the
 * instance's scale so that some, all or none of the directions survive). Class sizes keep
 * N = sum n_k &lt;= 10^9 and K &lt;= 60.
 */
public enum Profile {
    /** All K classes of one size n, log-uniform in [1, 10^9 / K]: a tie of multiplicity K - 1 (K &gt;= 3), C12's case. */
    BALANCED {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, Parts.MAX_CLASSES);
            long n = d.logUniform(1, Parts.sizeCap(k));
            long[] sizes = new long[k];
            Arrays.fill(sizes, n);
            return standard(d, sizes, "n = " + n + " in every class");
        }
    },
    /**
     * Step imbalance: m majority classes of size a and K - m minority classes of size
     * b = floor(a / rho), ratio rho in [2, 1000] (1 &lt;= m &lt; K, majority first).
     */
    STEP {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, Parts.MAX_CLASSES);
            int m = d.intBetween(1, k - 1);
            long a = d.logUniform(2, Parts.sizeCap(k));
            long rho = d.logUniform(2, Math.min(1000, a));
            long b = Math.max(1, a / rho);
            long[] sizes = new long[k];
            Arrays.fill(sizes, 0, m, a);
            Arrays.fill(sizes, m, k, b);
            return standard(d, sizes, m + " x " + a + ", " + (k - m) + " x " + b);
        }
    },
    /**
     * Long tail: n_min log-uniform in [1, 1000], n_max = n_min R with R log-uniform in
     * [10, 10^6] (capped so that N &lt;= 10^9), the other sizes log-uniform in between, shuffled.
     * max n / min n &lt;= 10^6.
     */
    LONG_TAIL {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, Parts.MAX_CLASSES);
            long min = d.logUniform(1, 1000);
            long ratio = d.logUniform(10, MAX_RATIO);
            long max = Math.max(min, Math.min(Parts.sizeCap(k), min * ratio));
            long[] sizes = new long[k];
            sizes[0] = max;
            sizes[k - 1] = min;
            for (int i = 1; i < k - 1; i++) {
                sizes[i] = d.logUniform(min, max);
            }
            return standard(d, Parts.shuffle(d, sizes), "max/min = " + max + "/" + min);
        }
    },
    /** Sizes repeated exactly twice (q &gt;= 1 pairs, the rest distinct): no tie among the s_i. */
    PAIRED_TIES {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, Parts.MAX_CLASSES);
            int pairs = d.intBetween(1, k / 2);
            long[] values = Parts.distinct(d, k - pairs, Parts.sizeCap(k));
            long[] sizes = new long[k];
            for (int i = 0; i < k - pairs; i++) {
                sizes[i] = values[i];
            }
            for (int i = 0; i < pairs; i++) {
                sizes[k - pairs + i] = values[i];
            }
            return standard(d, Parts.shuffle(d, sizes), pairs + " size(s) repeated twice");
        }
    },
    /**
     * A size t repeated m &gt;= 3 times (a true tie of s = sqrt(t), multiplicity m - 1); the other
     * sizes are at most t half of the time (so the tied directions lead and tend to survive).
     */
    TRUE_TIES {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 3, Parts.MAX_CLASSES);
            int m = d.intBetween(3, k);
            long t = d.logUniform(2, Parts.sizeCap(k));
            long cap = d.oneIn(2) ? Parts.sizeCap(k) : t;
            long[] sizes = new long[k];
            Arrays.fill(sizes, 0, m, t);
            for (int i = m; i < k; i++) {
                sizes[i] = d.logUniform(1, cap);
            }
            return standard(d, Parts.shuffle(d, sizes), "size " + t + " repeated " + m + " times");
        }
    },
    /**
     * Bottleneck r = min(K, d, d_1, ..., d_{L-1}) &lt; K - 1 (K &gt;= 3): either d in [1, K-2], or
     * (L &gt;= 2) one hidden width in [1, K-2] with the others in [1, K+3].
     */
    BOTTLENECK {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 3, Parts.MAX_CLASSES);
            long[] sizes = Parts.sizes(d, k, Parts.sizeCap(k));
            int depth = Parts.depth(d);
            int dim;
            int[] widths;
            if (depth == 1 || d.oneIn(2)) {
                dim = d.intBetween(1, k - 2);
                widths = Parts.widths(d, depth, k);
            } else {
                dim = Parts.dim(d, k);
                widths = new int[depth - 1];
                for (int l = 0; l < widths.length; l++) {
                    widths[l] = d.intBetween(1, k + 3);
                }
                widths[d.intBetween(0, depth - 2)] = d.intBetween(1, k - 2);
            }
            Aprational[] lambda = Parts.scaledLambda(d, sizes, depth);
            Instance inst = Instance.of(sizes, dim, widths, depth, lambda, lambda[0]);
            return new Sample(this, OptionalLong.empty(), inst, "r = " + inst.bottleneck() + " < K - 1 = " + (k - 1));
        }
    },
    /** Deep: L in [4, 8], K &lt;= 20, hidden widths without a bottleneck. */
    DEEP {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, 20);
            long[] sizes = Parts.sizes(d, k, Parts.sizeCap(k));
            int depth = d.intBetween(4, MAX_DEPTH);
            int[] widths = Parts.widths(d, depth, k);
            Aprational[] lambda = Parts.scaledLambda(d, sizes, depth);
            Instance inst = Instance.of(sizes, Parts.dim(d, k), widths, depth, lambda, lambda[0]);
            return new Sample(this, OptionalLong.empty(), inst, "L = " + depth);
        }
    },
    /**
     * Per-layer weight decays lambda_{W_1}, ..., lambda_{W_L} and lambda_H, each log-uniform in
     * [1e-8, 1] with 3 significant digits (exact decimals), L in [1, 4]; N &lt;= 10^6 so that
     * not every instance collapses.
     */
    LAMBDAS {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, Parts.MAX_CLASSES);
            long[] sizes = Parts.sizes(d, k, 1_000_000L / k);
            int depth = d.intBetween(1, 4);
            Aprational[] lw = new Aprational[depth];
            for (int l = 0; l < depth; l++) {
                lw[l] = Rationals.of(Parts.logDecimal(d, 0, 8));
            }
            Aprational lh = Rationals.of(Parts.logDecimal(d, 0, 8));
            Instance inst = Instance.of(sizes, Parts.dim(d, k), Parts.widths(d, depth, k), depth, lw, lh);
            return new Sample(this, OptionalLong.empty(), inst, "per-layer decays");
        }
    },
    /**
     * Near threshold: lambda_H is chosen so that s_crit = s_i (1 + delta) for a drawn i &lt; r
     * (s_i from the 80-digit spectrum of Yhat, lambda_H from {@link NearThreshold}),
     * delta = m 10^-e with m in [-9, 9], e in [21, 40] (|delta| &lt;= 9e-21), rounded to 40
     * significant digits: |s_crit / s_i - 1| &lt;= 1e-20. One time in eight delta = 0 and
     * lambda_H carries 60 digits, so that s_i is within 1e-60 of s_crit (below the resolution of
     * a 40-digit check: both branches must be accepted). L in [1, 4], lambda_{W_l} log-uniform
     * in [1e-6, 1e-1].
     */
    NEAR_THRESHOLD {
        @Override
        public Sample generate(Draws d) {
            int k = Parts.classes(d, 2, Parts.MAX_CLASSES);
            long[] sizes = Parts.sizes(d, k, Parts.sizeCap(k));
            int depth = d.intBetween(1, 4);
            int dim = Parts.dim(d, k);
            int[] widths = Parts.widths(d, depth, k);
            Aprational[] lw = new Aprational[depth];
            for (int l = 0; l < depth; l++) {
                lw[l] = Rationals.of(Parts.logDecimal(d, 1, 6));
            }
            int r = Instance.of(sizes, dim, widths, depth, lw, lw[0]).bottleneck();
            int i = d.intBetween(0, Math.min(r, k - 1) - 1);
            boolean exact = d.oneIn(8);
            int mantissa = exact ? 0 : d.intBetween(-9, 9);
            int exponent = exact ? 0 : d.intBetween(21, 40);
            Aprational lh = NearThreshold.lambdaH(sizes, i, mantissa, exponent, depth, lw, exact ? 60 : 40);
            Instance inst = Instance.of(sizes, dim, widths, depth, lw, lh);
            String note = "s_" + (i + 1) + " (1 + " + (exact ? "0" : mantissa + "e-" + exponent) + ") = s_crit";
            return new Sample(this, OptionalLong.empty(), inst, note);
        }
    };

    /** Largest max n / min n of {@link #LONG_TAIL}. */
    public static final long MAX_RATIO = 1_000_000L;
    /** Largest depth of {@link #DEEP}. */
    public static final int MAX_DEPTH = 8;

    /** One instance of this profile from the draws (the sample's seed is left empty). */
    public abstract Sample generate(Draws d);

    /** An instance on the given sizes with the default dimension, depth, widths and decay. */
    Sample standard(Draws d, long[] sizes, String note) {
        int k = sizes.length;
        int dim = Parts.dim(d, k);
        int depth = Parts.depth(d);
        int[] widths = Parts.widths(d, depth, k);
        Aprational[] lambda = Parts.scaledLambda(d, sizes, depth);
        return new Sample(this, OptionalLong.empty(), Instance.of(sizes, dim, widths, depth, lambda, lambda[0]), note);
    }
}
