package org.ncverify.cli;

import java.util.Arrays;
import org.apfloat.Aprational;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.instance.Preset;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import picocli.CommandLine.Option;

/**
 * The instance flags shared by the commands (SPEC section 7). Values are taken as text and
 * parsed here so that every error message names the flag and the value.
 */
public final class InstanceOptions {
    @Option(names = "--sizes", paramLabel = "n1,n2,...",
        description = "class sizes, K >= 2 positive integers (or --preset)")
    String sizes;

    // scale-theory: named long-tailed benchmark shapes (instance.Preset)
    @Option(names = "--preset", paramLabel = "NAME",
        description = "class sizes of a benchmark: cifar10-lt-10, cifar10-lt-100, cifar100-lt-100, imagenet-lt, inat2018-like")
    String preset;

    @Option(names = "--dim", required = true, paramLabel = "d", description = "feature dimension d >= 1")
    String dim;

    @Option(names = "--depth", required = true, paramLabel = "L", description = "number of linear layers L >= 1")
    String depth;

    @Option(names = "--widths", paramLabel = "d1,...", description = "hidden widths d_1..d_{L-1} (default: all equal to --dim)")
    String widths;

    @Option(names = "--lambda-w", required = true, paramLabel = "lw", description = "weight decay of the layers: one value, or L values (W_1 first)")
    String lambdaW;

    @Option(names = "--lambda-h", required = true, paramLabel = "lh", description = "weight decay of the features")
    String lambdaH;

    @Option(names = "--digits", defaultValue = "50", paramLabel = "P",
        description = "significant digits of every reported number, " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS + " (default ${DEFAULT-VALUE})")
    String digits;

    /**
     * The validated instance, refused (bad input) when it has more than {@code maxClasses}
     * classes ({@code verify} and {@code optimize} hold K x K matrices of Apfloat entries).
     */
    Instance instance(int maxClasses, String command) {
        Instance inst = instance();
        if (inst.classes() > maxClasses) {
            throw new InputException("--sizes has K = " + inst.classes() + " classes: " + command
                + " supports K <= " + maxClasses);
        }
        return inst;
    }

    /** The validated instance. */
    public Instance instance() {
        if ((sizes == null) == (preset == null)) {
            throw new InputException(sizes == null ? "--sizes is missing (or give --preset NAME)"
                : "--sizes and --preset = " + preset + ": give one of them");
        }
        long[] n = preset != null ? Preset.of(preset).sizes() : parseLongs("--sizes", sizes);
        int d = parseInt("--dim", dim);
        int l = parseInt("--depth", depth);
        int[] w = null;
        if (widths != null) {
            long[] parsed = widths.isBlank() ? new long[0] : parseLongs("--widths", widths);
            w = new int[parsed.length];
            for (int i = 0; i < parsed.length; i++) {
                if (parsed[i] > Integer.MAX_VALUE) {
                    throw new InputException("--widths[" + i + "] = " + parsed[i] + ": too large");
                }
                w[i] = (int) parsed[i];
            }
        }
        String[] lw = split("--lambda-w", lambdaW);
        Aprational[] lws = new Aprational[lw.length];
        for (int i = 0; i < lw.length; i++) {
            lws[i] = Rationals.parseDecimal(lw.length == 1 ? "--lambda-w" : "--lambda-w[" + i + "]", lw[i]);
        }
        return Instance.of(n, d, w, l, lws, Rationals.parseDecimal("--lambda-h", lambdaH));
    }

    /**
     * Refuses, before anything is allocated, an instance whose estimated memory
     * ({@link MemoryEstimate}) exceeds the JVM's heap: one line naming the flag of the dominant
     * quantity, its value, the estimate and the heap.
     */
    void checkMemory(Instance inst, Precision p, MemoryEstimate.Workload workload, String command) {
        checkMemory(inst, p, workload, command, Runtime.getRuntime().maxMemory());
    }

    /** {@link #checkMemory(Instance, Precision, MemoryEstimate.Workload, String)} against {@code heap} bytes. */
    void checkMemory(Instance inst, Precision p, MemoryEstimate.Workload workload, String command, long heap) {
        MemoryEstimate e = MemoryEstimate.of(inst, p.working(), workload);
        if (!e.exceeds(heap)) {
            return;
        }
        // hidden widths default to --dim: without --widths, their size is the dimension's
        String quantity = e.dominant().equals("widths") && widths == null ? "dim" : e.dominant();
        String flag = FlagNames.flag(quantity);
        String value;
        switch (quantity) {
            case "dim":
                value = " = " + inst.dim();
                break;
            case "widths":
                value = " = " + Arrays.toString(inst.widths()).replaceAll("[\\[\\] ]", "");
                break;
            case "digits":
                value = " = " + p.digits();
                break;
            default:
                value = " (K = " + inst.classes() + ", N = " + inst.total() + ")";
        }
        throw new InputException(flag + value + ": " + command + " would need about "
            + MemoryEstimate.format(e.bytes()) + " (memory model: K = " + inst.classes() + ", N = " + inst.total()
            + ", d = " + inst.dim() + ", L = " + inst.depth() + ", " + p.working() + " working digits), more than the "
            + MemoryEstimate.format(heap) + " of the JVM's heap; reduce " + flag
            + " or raise -Xmx (NCVERIFY_JAVA_OPTS)");
    }

    /** The validated precision. */
    public Precision precision() {
        int p = parseInt("--digits", digits);
        if (p < Precision.MIN_DIGITS || p > Precision.MAX_DIGITS) {
            throw new InputException("--digits = " + p + ": must be in " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS);
        }
        return Precision.of(p);
    }

    private static String[] split(String flag, String text) {
        if (text == null || text.isBlank()) {
            throw new InputException(flag + " is empty");
        }
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
            if (parts[i].isEmpty()) {
                throw new InputException(flag + " = " + text + ": value " + (i + 1) + " is empty");
            }
        }
        return parts;
    }

    static long[] parseLongs(String flag, String text) {
        String[] parts = split(flag, text);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new InputException(flag + "[" + i + "] = " + parts[i] + ": not an integer");
            }
        }
        return out;
    }

    static int parseInt(String flag, String text) {
        if (text == null) {
            throw new InputException(flag + " is missing");
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(flag + " = " + text + ": not an integer");
        }
    }

    @Override
    public String toString() {
        return Arrays.asList(sizes, preset, dim, depth, widths, lambdaW, lambdaH, digits).toString();
    }
}
