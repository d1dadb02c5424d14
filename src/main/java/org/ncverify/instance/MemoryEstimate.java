package org.ncverify.instance;

import java.util.Locale;

/**
 * An estimate, made before anything is allocated, of the heap a workload needs for an instance
 * at a working precision of W = P + G digits, so that an instance far too large for the JVM is
 * refused at once instead of after minutes of allocation. The model (measured in
 * {@code proofs-notes/README.md}, "Memory"):
 * <pre>
 *   bytes = A (200 + W/2) + 8 D
 * </pre>
 * A the number of Apfloat entries alive at once, at about 200 + W/2 bytes each (measured:
 * 205, 229, 303, 678 and 1150 bytes at W = 22, 62, 212, 1012 and 2012), D the number of
 * doubles. With d_0 = d, d_1..d_{L-1} the widths, d_L = K, w = sum_l d_l d_{l-1} the weights,
 * r the bottleneck and n = w + d N + K the variables of the full objective:
 * <ul>
 *   <li>{@link Workload#CLOSED_FORM} (solve): A = 6 K^2 (U, V of Yhat and K x K products) +
 *       3 (w + d K) (the point, its gradient, a product) + sum_{l&lt;L} d_l r (the frames);
 *       never proportional to N (classes are stored as means).</li>
 *   <li>{@link Workload#ALL_CLAIMS} (verify): the above + sum_{l&lt;L} d_l^2 (the Gram matrices of
 *       C9) + 2 K d.</li>
 *   <li>{@link Workload#FULL_OBJECTIVE} (optimize): the closed form + d N + w Apfloat entries
 *       (the best run judged with all N columns) and D = (2 m + 8) n + K N doubles (L-BFGS with
 *       memory m = 10, the line search's vectors, the K x N residual).</li>
 * </ul>
 * Counts are computed in double, so no dimension overflows. Immutable.
 */
public final class MemoryEstimate {
    /** Bytes of one Apfloat entry beyond its digits (measured, see the class comment). */
    static final double APFLOAT_OVERHEAD = 200;
    /**
     * Most Gram-defect terms the factored closed form ({@code theory.FactoredMinimizer}) computes
     * ahead of their ordered summation (three entries each): what its parallel rows may hold at once.
     */
    public static final long GRAM_BLOCK_TERMS = 1L << 15;
    /** L-BFGS memory of the optimizer (pairs s, y kept). */
    static final int LBFGS_MEMORY = 10;

    /**
     * Largest cost K (K r + d + sum_{l&lt;L} d_l d_{l-1}) (Apfloat products of the dense evaluation of f
     * and its gradient over every class) at which {@code solve} judges stationarity (C11) on the
     * dense point, about a minute; above it solve runs the {@link Workload#FACTORED} workload.
     */
    public static final double DENSE_STATIONARITY_BUDGET = 5e7;

    /**
     * Largest cost {@link #denseGeometryCost} (the dense products of claims C5-C7 and C9) at which
     * verify judges the geometry claims on the dense point; above it they are
     * judged on the factored closed form (verify-geometry) and verify runs {@link Workload#FACTORED_CLAIMS}.
     */
    public static final double DENSE_GEOMETRY_BUDGET = 5e7;

    /** What is computed for the instance. */
    public enum Workload {
        /**
         * solve in factored form (scale-theory): the spectrum, the scalar law and the factored closed
         * form, no dense point: A = 8 K (eigenvalues, singular values, certificate brackets) +
         * 2 r D (the structured singular pairs, D distinct sizes) + (L + 1) r (factor values) +
         * 3 min(r (r + 1) / 2, {@link #GRAM_BLOCK_TERMS}) (the Gram-defect terms of one block, held
         * until their ordered summation, solve-perf).
         */
        FACTORED,
        /**
         * verify in factored form (verify-geometry): {@link #FACTORED} + 4 r (one class column of X at a
         * time and its deviation, for C1 and C2) + 2 r t (the rotation of the largest tied block inside
         * the r kept directions, t &lt;= r classes, readings (b) of C6 and C7, its Gram); K doubles (the
         * frame bounds' roots) are negligible. Nothing K x K, K x d or d x N.
         */
        FACTORED_CLAIMS,
        /** The closed form and the claims about value, spectra and stationarity. */
        CLOSED_FORM,
        /** The closed form and every claim. */
        ALL_CLAIMS,
        /** The closed form, double-precision runs on the full objective and the claims on the best. */
        FULL_OBJECTIVE
    }

    private final double bytes;
    private final String dominant;

    private MemoryEstimate(double bytes, String dominant) {
        this.bytes = bytes;
        this.dominant = dominant;
    }

    /**
     * The dense products of f and its gradient over every class, K (K r + d + sum_{l&lt;L} d_l d_{l-1}),
     * in double (no overflow).
     */
    public static double denseEvaluationCost(Instance inst) {
        double inner = 0;
        for (int l = 1; l < inst.depth(); l++) {
            inner += (double) inst.layerDim(l) * inst.layerDim(l - 1);
        }
        double k = inst.classes();
        return k * (k * inst.bottleneck() + inst.dim() + inner);
    }

    /** The workload of {@code solve}: the dense closed form when its stationarity is judged, else factored. */
    public static Workload solveWorkload(Instance inst) {
        return denseEvaluationCost(inst) <= DENSE_STATIONARITY_BUDGET ? Workload.CLOSED_FORM : Workload.FACTORED;
    }

    /**
     * The dense cost of the geometry claims, in double: K^2 (K + d) for C5-C7 (U^T W, X V, U^T P V
     * and their K x K Grams) + d^2 K for H H^T + sum_l d_l d_(l-1) (d_l + d_(l-1)) for the Grams
     * W_l^T W_l, W_l W_l^T of C9.
     */
    public static double denseGeometryCost(Instance inst) {
        double k = inst.classes();
        double d = inst.dim();
        double grams = 0;
        for (int l = 1; l <= inst.depth(); l++) {
            double a = inst.layerDim(l);
            double b = inst.layerDim(l - 1);
            grams += a * b * (a + b);
        }
        return k * k * (k + d) + d * d * k + grams;
    }

    /**
     * The workload of {@code verify}: every claim on the dense point while the geometry claims are
     * within {@link #DENSE_GEOMETRY_BUDGET}; else the dense closed form while stationarity (C11) is
     * judged densely or the balanced limit (C12: all sizes equal, r &gt;= K - 1) may apply, both of
     * which read the dense point; else {@link Workload#FACTORED_CLAIMS}.
     */
    public static Workload verifyWorkload(Instance inst) {
        if (denseGeometryCost(inst) <= DENSE_GEOMETRY_BUDGET) {
            return Workload.ALL_CLAIMS;
        }
        boolean balanced = java.util.Arrays.stream(inst.sizes()).distinct().count() == 1
            && inst.bottleneck() >= inst.classes() - 1;
        return denseEvaluationCost(inst) <= DENSE_STATIONARITY_BUDGET || balanced ? Workload.CLOSED_FORM
            : Workload.FACTORED_CLAIMS;
    }

    /** The estimate for {@code inst} at {@code workingDigits} = P + G. */
    public static MemoryEstimate of(Instance inst, long workingDigits, Workload workload) {
        if (workload == Workload.FACTORED || workload == Workload.FACTORED_CLAIMS) {
            double k = inst.classes();
            double r = inst.bottleneck();
            double distinct = java.util.Arrays.stream(inst.sizes()).distinct().count();
            double entries = 8 * k + 2 * r * distinct + (inst.depth() + 1) * r
                + 3 * Math.min(r * (r + 1) / 2, GRAM_BLOCK_TERMS);
            if (workload == Workload.FACTORED_CLAIMS) {
                java.util.Map<Long, Long> counts = java.util.Arrays.stream(inst.sizes()).boxed()
                    .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.stream.Collectors.counting()));
                double tied = Math.min(r, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
                entries += 4 * r + 2 * r * tied;
            }
            // nothing proportional to d or the widths is stored: only fewer classes (or digits) help
            return new MemoryEstimate(entries * (APFLOAT_OVERHEAD + workingDigits / 2.0), "sizes");
        }
        double[] dims = new double[inst.depth() + 1];
        for (int l = 0; l <= inst.depth(); l++) {
            dims[l] = inst.layerDim(l);
        }
        Shape s = new Shape(dims, inst.total(), workingDigits);
        double full = s.bytes(workload);
        // the quantity that matters most: the one whose reduction to its least value saves most
        String[] names = {"dim", "widths", "sizes", "sizes", "digits"};
        Shape[] reduced = {s.withDim(), s.withWidths(), s.withClasses(), s.withSamples(), s.withDigits()};
        String dominant = names[0];
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reduced.length; i++) {
            double b = reduced[i].bytes(workload);
            if (b < least) {
                least = b;
                dominant = names[i];
            }
        }
        return new MemoryEstimate(full, dominant);
    }

    /** The estimated bytes. */
    public double bytes() {
        return bytes;
    }

    /**
     * The quantity (sizes, dim, widths or digits) whose reduction to its least value would save
     * the most memory: what a refusal should name.
     */
    public String dominant() {
        return dominant;
    }

    /** True when the estimate exceeds {@code available} bytes. */
    public boolean exceeds(long available) {
        return bytes > available;
    }

    /** Bytes in binary units with 3 significant digits below 1000 of a unit, else 2: "830 MiB", "1.5e+3 TiB". */
    public static String format(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 1000 ? "%.2g %s" : "%.3g %s", v, units[u]).replace("e+0", "e+");
    }

    @Override
    public String toString() {
        return format(bytes) + " (dominated by " + dominant + ")";
    }

    /** The numbers the model reads, as doubles (d_0..d_L, N, W). */
    private static final class Shape {
        private final double[] dims;
        private final double samples;
        private final double working;

        Shape(double[] dims, double samples, double working) {
            this.dims = dims;
            this.samples = samples;
            this.working = working;
        }

        Shape withDim() {
            double[] d = dims.clone();
            d[0] = 1;
            return new Shape(d, samples, working);
        }

        Shape withWidths() {
            double[] d = dims.clone();
            for (int l = 1; l < d.length - 1; l++) {
                d[l] = 1;
            }
            return new Shape(d, samples, working);
        }

        Shape withClasses() {
            double[] d = dims.clone();
            d[d.length - 1] = 2;
            return new Shape(d, Math.min(samples, 2), working);
        }

        Shape withSamples() {
            return new Shape(dims, dims[dims.length - 1], working);
        }

        Shape withDigits() {
            return new Shape(dims, samples, 1);
        }

        double bytes(Workload workload) {
            int depth = dims.length - 1;
            double k = dims[depth];
            double d = dims[0];
            double r = Double.POSITIVE_INFINITY;
            double weights = 0;
            double frames = 0;
            double grams = 0;
            for (int l = 0; l <= depth; l++) {
                r = Math.min(r, dims[l]);
            }
            for (int l = 1; l <= depth; l++) {
                weights += dims[l] * dims[l - 1];
            }
            for (int l = 0; l < depth; l++) {
                frames += dims[l] * r;
                grams += dims[l] * dims[l];
            }
            double apfloats = 6 * k * k + 3 * (weights + d * k) + frames;
            double doubles = 0;
            if (workload == Workload.ALL_CLAIMS) {
                apfloats += grams + 2 * k * d;
            } else if (workload == Workload.FULL_OBJECTIVE) {
                apfloats += d * samples + weights;
                double variables = weights + d * samples + k;
                doubles = (2.0 * LBFGS_MEMORY + 8) * variables + k * samples;
            }
            return apfloats * (APFLOAT_OVERHEAD + working / 2) + 8 * doubles;
        }
    }
}
