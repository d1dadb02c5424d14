package org.ncverify.results.sweep;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apfloat.Aprational;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/**
 * One instance template and the ranges of its swept quantities: the cartesian product of the
 * {@link Range}s, one {@link SweepPoint} per combination. Class sizes are either fixed
 * ({@code --sizes}) or made per point by a {@link SizeRule} from the {@link Axis#CLASSES},
 * {@link Axis#N_MAX} and {@link Axis#IMBALANCE} axes.
 *
 * <p>Order: point index j = 0..size-1 runs over the axes in {@link Axis} declaration order with
 * the LAST axis varying fastest (mixed radix: j = sum_a i_a prod_{b after a} |range_b|). So
 * {@code --depth 1,2,3 --lambda-h 1e-5..1e-1:log:41} gives depth 1 with the 41 lambda_H values,
 * then depth 2, then depth 3.
 *
 * <p>Every check is done by {@link #of} before any point is computed: each axis value within the
 * limits {@link Instance#of} enforces (and K &lt;= {@link #MAX_CLASSES}, n_max &lt;=
 * {@link #MAX_SIZE}), no zero class size (n_max &gt;= rho for every pair, as the product has every
 * pair), at most {@link #MAX_POINTS} points, and the first point a valid instance. Immutable.
 */
public final class SweepGrid {
    /** The most points a sweep may have. */
    public static final int MAX_POINTS = 100_000;
    /** Largest K (as solve and verify: the closed form holds K x K Apfloat matrices). */
    public static final int MAX_CLASSES = 2000;
    /** Largest n_max of a size rule (so that N = sum n_k stays far inside a 64-bit integer). */
    public static final long MAX_SIZE = 1_000_000_000_000L;

    private final long[] sizes;
    private final SizeRule rule;
    private final EnumMap<Axis, Range> axes;
    private final long size;

    private SweepGrid(long[] sizes, SizeRule rule, EnumMap<Axis, Range> axes, long size) {
        this.sizes = sizes;
        this.rule = rule;
        this.axes = axes;
        this.size = size;
    }

    /**
     * The validated grid.
     *
     * @param sizes fixed class sizes, or null when {@code rule} makes them
     * @param rule  the size rule, or null when {@code sizes} is given
     * @param axes  the ranges; {@link Axis#DIM}, {@link Axis#DEPTH}, {@link Axis#LAMBDA_W} and
     *              {@link Axis#LAMBDA_H} are required, the size-rule axes exactly with a rule
     * @throws InputException one line naming the flag and the value
     */
    public static SweepGrid of(long[] sizes, SizeRule rule, Map<Axis, Range> axes) {
        EnumMap<Axis, Range> a = new EnumMap<>(Axis.class);
        a.putAll(axes);
        List<Axis> ruleAxes = List.of(Axis.CLASSES, Axis.N_MAX, Axis.IMBALANCE);
        if ((sizes == null) == (rule == null)) {
            throw new InputException("give either --sizes n1,n2,... or --size-rule cifar-lt|step (with --classes,"
                + " --n-max, --imbalance), not " + (sizes == null ? "neither" : "both"));
        }
        for (Axis x : ruleAxes) {
            if (rule != null && !a.containsKey(x)) {
                throw new InputException("--size-rule " + rule.id() + " needs " + x.flag());
            }
            if (rule == null && a.containsKey(x)) {
                throw new InputException(x.flag() + " belongs to --size-rule; with --sizes the sizes are fixed");
            }
        }
        for (Axis x : List.of(Axis.DIM, Axis.DEPTH, Axis.LAMBDA_W, Axis.LAMBDA_H)) {
            if (!a.containsKey(x)) {
                throw new InputException(x.flag() + " is missing");
            }
        }
        for (Map.Entry<Axis, Range> e : a.entrySet()) {
            checkBounds(e.getKey(), e.getValue());
        }
        if (rule != null) {
            long nMin = a.get(Axis.N_MAX).min().longValueExact();
            BigDecimal rhoMax = a.get(Axis.IMBALANCE).max();
            if (SizeRule.smallest(nMin, rhoMax) < 1) {
                throw new InputException("--size-rule " + rule.id() + " with --n-max " + nMin + " and --imbalance "
                    + Range.format(rhoMax) + " makes a class of size floor(" + nMin + " / " + Range.format(rhoMax)
                    + ") = 0: every n_max must be >= every imbalance ratio");
            }
        }
        long total = 1;
        for (Range r : a.values()) {
            total *= r.size();
            if (total > MAX_POINTS) {
                throw new InputException("the sweep has " + describe(a) + " points, too many (at most " + MAX_POINTS
                    + "): use fewer points per range");
            }
        }
        SweepGrid grid = new SweepGrid(sizes == null ? null : sizes.clone(), rule, a, total);
        grid.point(0);
        return grid;
    }

    private static void checkBounds(Axis x, Range r) {
        BigDecimal min = r.min();
        switch (x) {
            case CLASSES -> within(x, r, 2, MAX_CLASSES);
            case N_MAX -> within(x, r, 1, MAX_SIZE);
            case DIM, WIDTH -> within(x, r, 1, Integer.MAX_VALUE);
            case DEPTH -> within(x, r, 1, Instance.MAX_DEPTH);
            case IMBALANCE -> {
                if (min.compareTo(BigDecimal.ONE) < 0) {
                    throw new InputException(x.flag() + " = " + r.text() + ": the ratio " + Range.format(min)
                        + " is below 1 (rho = n_max / n_min >= 1)");
                }
            }
            default -> {
                if (min.signum() <= 0) {
                    throw new InputException(x.flag() + " = " + r.text() + ": the value " + Range.format(min)
                        + " is not > 0 (a weight decay must be > 0)");
                }
            }
        }
    }

    private static void within(Axis x, Range r, long lo, long hi) {
        if (r.min().compareTo(BigDecimal.valueOf(lo)) < 0) {
            throw new InputException(x.flag() + " = " + r.text() + ": the value " + Range.format(r.min())
                + " is too small (at least " + lo + ")");
        }
        if (r.max().compareTo(BigDecimal.valueOf(hi)) > 0) {
            throw new InputException(x.flag() + " = " + r.text() + ": the value " + Range.format(r.max())
                + " is too large (at most " + hi + ")");
        }
    }

    /** Number of points, the product of the range sizes. */
    public long size() {
        return size;
    }

    /** The axes present, in product order. */
    public List<Axis> axes() {
        return List.copyOf(axes.keySet());
    }

    /** The range of an axis present in the grid. */
    public Range range(Axis x) {
        Range r = axes.get(x);
        if (r == null) {
            throw new IllegalArgumentException("axis " + x + " is not in the sweep");
        }
        return r;
    }

    /** The size rule, or null for fixed sizes. */
    public SizeRule rule() {
        return rule;
    }

    /** The fixed sizes, or null under a size rule. */
    public long[] fixedSizes() {
        return sizes == null ? null : sizes.clone();
    }

    /**
     * "3 x 41 = 123 (--depth x --lambda-h)", "31 (--imbalance)", "1": the sizes of the ranges
     * with more than one value and their product.
     */
    public String describe() {
        return describe(axes);
    }

    private static String describe(Map<Axis, Range> a) {
        List<Map.Entry<Axis, Range>> varied = a.entrySet().stream().filter(e -> e.getValue().size() > 1).toList();
        if (varied.isEmpty()) {
            return "1";
        }
        long n = 1;
        for (Map.Entry<Axis, Range> e : varied) {
            n = Math.multiplyExact(n, (long) e.getValue().size());
        }
        String product = varied.stream().map(e -> Integer.toString(e.getValue().size())).collect(Collectors.joining(" x "));
        return (varied.size() == 1 ? product : product + " = " + n) + " (" + varied.stream().map(e -> e.getKey().flag()).collect(Collectors.joining(" x ")) + ")";
    }

    /**
     * An instance at least as large as every point's in each quantity the memory model counts
     * (the largest K, every size the largest n_max, the largest d, L and width): what a memory
     * check before the sweep is made on.
     */
    public Instance largest() {
        Map<Axis, BigDecimal> v = new EnumMap<>(Axis.class);
        axes.forEach((x, r) -> v.put(x, x == Axis.IMBALANCE ? BigDecimal.ONE : r.max()));
        return instance(v);
    }

    /** Point {@code index}: its axis values (mixed radix, last axis fastest) and its instance. */
    public SweepPoint point(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size);
        }
        Map<Axis, BigDecimal> values = new LinkedHashMap<>();
        long rest = index;
        Axis[] order = axes.keySet().toArray(new Axis[0]);
        BigDecimal[] picked = new BigDecimal[order.length];
        for (int i = order.length - 1; i >= 0; i--) {
            Range r = axes.get(order[i]);
            picked[i] = r.value((int) (rest % r.size()));
            rest /= r.size();
        }
        for (int i = 0; i < order.length; i++) {
            values.put(order[i], picked[i]);
        }
        return new SweepPoint(index, Collections.unmodifiableMap(values), instance(values));
    }

    private Instance instance(Map<Axis, BigDecimal> v) {
        long[] n = sizes != null ? sizes.clone()
            : rule.sizes(v.get(Axis.CLASSES).intValueExact(), v.get(Axis.N_MAX).longValueExact(), v.get(Axis.IMBALANCE));
        int dim = v.get(Axis.DIM).intValueExact();
        int depth = v.get(Axis.DEPTH).intValueExact();
        int[] widths = null;
        if (v.containsKey(Axis.WIDTH)) {
            widths = new int[depth - 1];
            Arrays.fill(widths, v.get(Axis.WIDTH).intValueExact());
        }
        Aprational lw = Rationals.of(v.get(Axis.LAMBDA_W));
        return Instance.of(n, dim, widths, depth, new Aprational[] {lw}, Rationals.of(v.get(Axis.LAMBDA_H)));
    }
}
