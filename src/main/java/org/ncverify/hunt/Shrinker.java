package org.ncverify.hunt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apfloat.Aprational;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/**
 * Greedy shrinking of a failing instance to a 1-minimal one, as in delta debugging (Zeller and
 * Hildebrandt 2002): the result fails, and no single step of {@link #steps} applied to it still
 * fails.
 *
 * <p>The steps of an instance x, in this fixed order, each kept only when it gives a valid
 * instance different from x and from every earlier step:
 * <ol>
 * <li>drop class k (K &gt; 2), k = 1..K;</li>
 * <li>halve every size at once, n_k - floor(n_k / 2) (ties survive it);</li>
 * <li>for each class k: n_k - floor(n_k / 2^j) for j = 1, 2, ... while floor(n_k / 2^j) &gt;= 1
 *     (halve first, the last one a decrement n_k - 1), so that reaching a size whose decrement
 *     no longer fails costs O(log^2 n) evaluations, not O(n);</li>
 * <li>round a weight decay to one significant digit (every lambda_{W_l} at once when they are
 *     all equal, else each in turn; then lambda_H), exact decimal rounding half-even;</li>
 * <li>lower L by one: remove hidden width d_j (j = 1..L-1) together with lambda_{W_j} when the
 *     layer decays differ (the remaining layers keep theirs);</li>
 * <li>lower d by the same ladder as a size;</li>
 * <li>lower each hidden width d_l the same way.</li>
 * </ol>
 * Every step lowers one of K, N, the number of decays with more than one significant digit, L,
 * d, sum d_l and raises none, so greedy shrinking terminates; it is also bounded by a budget of
 * predicate evaluations ({@link #DEFAULT_BUDGET}).
 */
public final class Shrinker {
    /** Predicate evaluations one {@link #shrink} may spend. */
    public static final int DEFAULT_BUDGET = 600;

    private Shrinker() {
    }

    /**
     * The outcome of a shrink.
     *
     * @param instance    the smallest failing instance reached
     * @param evaluations predicate evaluations spent
     * @param minimal     true when every step of {@link #steps(Instance) steps(instance)} was tried and none fails
     *                    (false: the budget ran out first)
     */
    public record Result(Instance instance, int evaluations, boolean minimal) {
        public Result {
            Objects.requireNonNull(instance, "instance");
        }
    }

    /**
     * Every single reduction step of {@code x}, in the fixed order of the class comment; only
     * valid instances, none equal to {@code x}, no duplicates.
     */
    public static List<Instance> steps(Instance x) {
        Set<Instance> out = new LinkedHashSet<>();
        long[] n = x.sizes();
        int depth = x.depth();
        if (n.length > 2) {
            for (int k = 0; k < n.length; k++) {
                long[] m = new long[n.length - 1];
                System.arraycopy(n, 0, m, 0, k);
                System.arraycopy(n, k + 1, m, k, n.length - k - 1);
                add(out, x, () -> Instance.of(m, x.dim(), x.widths(), depth, decays(x), x.lambdaH()));
            }
        }
        long[] halved = Arrays.stream(n).map(v -> v - v / 2).toArray();
        add(out, x, () -> Instance.of(halved, x.dim(), x.widths(), depth, decays(x), x.lambdaH()));
        for (int k = 0; k < n.length; k++) {
            int at = k;
            for (long smaller : lower(n[k])) {
                long[] m = n.clone();
                m[at] = smaller;
                add(out, x, () -> Instance.of(m, x.dim(), x.widths(), depth, decays(x), x.lambdaH()));
            }
        }
        Aprational[] lw = decays(x);
        if (lw.length == 1) {
            Aprational r = oneDigit(lw[0]);
            add(out, x, () -> Instance.of(n, x.dim(), x.widths(), depth, new Aprational[] {r}, x.lambdaH()));
        } else {
            for (int l = 0; l < lw.length; l++) {
                Aprational[] m = lw.clone();
                m[l] = oneDigit(lw[l]);
                add(out, x, () -> Instance.of(n, x.dim(), x.widths(), depth, m, x.lambdaH()));
            }
        }
        add(out, x, () -> Instance.of(n, x.dim(), x.widths(), depth, lw, oneDigit(x.lambdaH())));
        int[] w = x.widths();
        for (int j = 0; j < w.length; j++) {
            int[] fewer = remove(w, j);
            Aprational[] decaysLeft = lw.length == 1 ? lw : remove(lw, j);
            add(out, x, () -> Instance.of(n, x.dim(), fewer, depth - 1, decaysLeft, x.lambdaH()));
        }
        for (long d : lower(x.dim())) {
            add(out, x, () -> Instance.of(n, (int) d, x.widths(), depth, lw, x.lambdaH()));
        }
        for (int j = 0; j < w.length; j++) {
            for (long smaller : lower(w[j])) {
                int[] m = w.clone();
                m[j] = (int) smaller;
                add(out, x, () -> Instance.of(n, x.dim(), m, depth, lw, x.lambdaH()));
            }
        }
        out.remove(x);
        return List.copyOf(out);
    }

    /** {@link #run} with {@link #DEFAULT_BUDGET}; the instance reached. */
    public static Instance shrink(Instance start, Predicate<Instance> stillFails) {
        return run(start, stillFails, DEFAULT_BUDGET).instance();
    }

    /**
     * Greedy first-improvement shrinking from {@code start} (which the caller knows to fail): the
     * steps of the current instance are tried in order, starting where the last accepted step
     * was found (so that a run of halvings of one size costs one evaluation each); the first that
     * still fails becomes the current instance. Stops when every step of the current instance
     * has been tried without success (1-minimal) or after {@code budget} evaluations. A
     * predicate that throws counts as "does not fail" (the step is unusable).
     */
    public static Result run(Instance start, Predicate<Instance> stillFails, int budget) {
        Instance current = start;
        int evaluations = 0;
        int position = 0;
        while (true) {
            List<Instance> steps = steps(current);
            if (steps.isEmpty()) {
                return new Result(current, evaluations, true);
            }
            int from = Math.min(position, steps.size() - 1);
            boolean moved = false;
            for (int t = 0; t < steps.size(); t++) {
                if (evaluations >= budget) {
                    return new Result(current, evaluations, false);
                }
                int i = (from + t) % steps.size();
                evaluations++;
                if (fails(stillFails, steps.get(i))) {
                    current = steps.get(i);
                    position = i;
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                return new Result(current, evaluations, true);
            }
        }
    }

    private static boolean fails(Predicate<Instance> p, Instance x) {
        try {
            return p.test(x);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * v - floor(v / 2^j) for j = 1, 2, ... while floor(v / 2^j) &gt;= 1: v/2 (rounded up) first,
     * the decrement v - 1 last, no repeats. With the shrink resuming at the accepted step, a
     * size descends like a binary search: about two evaluations per halving of the distance.
     */
    static List<Long> lower(long v) {
        List<Long> out = new ArrayList<>();
        for (long cut = v / 2; cut >= 1; cut /= 2) {
            if (out.isEmpty() || out.get(out.size() - 1) != v - cut) {
                out.add(v - cut);
            }
        }
        return out;
    }

    /** q rounded to one significant digit (half-even), exactly; positive q stays positive. */
    static Aprational oneDigit(Aprational q) {
        BigDecimal num = new BigDecimal(Rationals.numerator(q));
        BigDecimal den = new BigDecimal(Rationals.denominator(q));
        return Rationals.of(num.divide(den, new MathContext(1, RoundingMode.HALF_EVEN)));
    }

    /** The decays as the instance was given: one value when every layer has the same, else L values. */
    private static Aprational[] decays(Instance x) {
        Aprational[] all = new Aprational[x.depth()];
        for (int l = 1; l <= x.depth(); l++) {
            all[l - 1] = x.lambdaW(l);
        }
        boolean same = Arrays.stream(all).allMatch(a -> a.equals(all[0]));
        return same ? new Aprational[] {all[0]} : all;
    }

    private static int[] remove(int[] a, int j) {
        int[] m = new int[a.length - 1];
        System.arraycopy(a, 0, m, 0, j);
        System.arraycopy(a, j + 1, m, j, a.length - j - 1);
        return m;
    }

    private static Aprational[] remove(Aprational[] a, int j) {
        Aprational[] m = new Aprational[a.length - 1];
        System.arraycopy(a, 0, m, 0, j);
        System.arraycopy(a, j + 1, m, j, a.length - j - 1);
        return m;
    }

    private interface Build {
        Instance get();
    }

    private static void add(Set<Instance> out, Instance x, Build b) {
        try {
            Instance y = b.get();
            if (!y.equals(x)) {
                out.add(y);
            }
        } catch (InputException e) {
            // not a valid instance: not a step
        }
    }
}
