package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Arrays;
import org.apfloat.Aprational;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.InstanceJson;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.instance.Preset;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import picocli.CommandLine.Option;

/**
 * The instance flags shared by the commands (SPEC section 7), or {@code --instance FILE|-} (JSON,
 * one instance or a list) in their place, and {@code --sizes-file FILE} for long size vectors.
 * Values are taken as text and parsed here so that every error message names the flag and the
 * value; an integer beyond its type is "too large (at most ...)", never "not an integer".
 */
public final class InstanceOptions {
    @Option(names = "--sizes", paramLabel = "n1,n2,...",
        description = "class sizes: K positive integers, 2 <= K <= " + SolveCommand.MAX_CLASSES + " (solve: " + SolveCommand.SOLVE_MAX_CLASSES + ")"
            + ", each and their sum N at most 2^63-1")
    String sizes;

    // scale-theory: named long-tailed benchmark shapes (instance.Preset)
    @Option(names = "--preset", paramLabel = "NAME",
        description = "class sizes of a benchmark instead of --sizes: cifar10-lt-10, cifar10-lt-100, cifar100-lt-100, imagenet-lt,"
            + " inat2018-like")
    String preset;

    @Option(names = "--sizes-file", paramLabel = "FILE",
        description = "read the class sizes from FILE instead: one per line or comma-separated, '#' starts a comment")
    String sizesFile;

    @Option(names = "--dim", paramLabel = "d", description = "feature dimension d >= 1 (at most 2^31-1, and what the heap holds)")
    String dim;

    @Option(names = "--depth", paramLabel = "L", description = "number of linear layers, 1 <= L <= " + Instance.MAX_DEPTH)
    String depth;

    @Option(names = "--widths", paramLabel = "d1,...", description = "hidden widths d_1..d_{L-1}, each >= 1 (default: all equal to --dim)")
    String widths;

    @Option(names = "--lambda-w", paramLabel = "lw",
        description = "weight decay of the layers: one value, or L values (W_1 first); any positive decimal (1e-3, 1e400) or fraction p/q")
    String lambdaW;

    @Option(names = "--lambda-h", paramLabel = "lh", description = "weight decay of the features: a positive decimal or fraction p/q")
    String lambdaH;

    @Option(names = "--instance", paramLabel = "FILE|-",
        description = "the instance as JSON instead of the flags above: {\"sizes\": [...], \"dim\": d, \"depth\": L, \"widths\": [...],"
            + " \"lambdaW\": x or [x,...], \"lambdaH\": x} (the shape of reference-cases.json); '-' reads stdin;"
            + " a JSON list runs every instance (one JSON line per result with --format json)")
    String instanceFile;

    @Option(names = "--digits", defaultValue = "50", paramLabel = "P",
        description = "significant digits of every reported number, " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS + " (default ${DEFAULT-VALUE})")
    String digits;

    /**
     * The validated instance, refused (bad input) when it has more than {@code maxClasses}
     * classes ({@code verify} and {@code optimize} hold K x K matrices of Apfloat entries).
     */
    Instance instance(int maxClasses, String command) {
        return checkClasses(instance(), maxClasses, command);
    }

    /**
     * The instances to run: those of {@code --instance} (a list when the file holds one), or the
     * one of the flags; each validated and refused beyond {@code maxClasses} classes, all of them
     * before any is computed. {@code --instance} combined with an instance flag is bad input.
     */
    InstanceFiles.InstanceInput instances(int maxClasses, String command, java.io.InputStream stdin) {
        InstanceFiles.InstanceInput in;
        if (instanceFile != null) {
            String[][] flags = {{"--sizes", sizes}, {"--sizes-file", sizesFile}, {"--dim", dim}, {"--depth", depth},
                {"--widths", widths}, {"--preset", preset}, {"--lambda-w", lambdaW}, {"--lambda-h", lambdaH}};
            for (String[] f : flags) {
                if (f[1] != null) {
                    throw new InputException("--instance " + instanceFile + " and " + f[0]
                        + ": give the instance either as a file or as flags, not both");
                }
            }
            in = InstanceFiles.read(instanceFile, stdin);
        } else {
            in = new InstanceFiles.InstanceInput(java.util.List.of(instance()), false);
        }
        for (Instance inst : in.instances()) {
            checkClasses(inst, maxClasses, command);
        }
        return in;
    }

    private static Instance checkClasses(Instance inst, int maxClasses, String command) {
        if (inst.classes() > maxClasses) {
            throw new InputException("--sizes has K = " + inst.classes() + " classes: " + command
                + " supports K <= " + maxClasses);
        }
        return inst;
    }

    /** The validated instance of the flags ({@code --sizes} or {@code --sizes-file}, and the rest). */
    public Instance instance() {
        int ways = (sizes != null ? 1 : 0) + (sizesFile != null ? 1 : 0) + (preset != null ? 1 : 0);
        if (ways > 1) {
            throw new InputException("--sizes, --sizes-file and --preset: give the class sizes one way, not several");
        }
        String n0 = preset != null ? "preset" : sizesFile != null ? InstanceFiles.sizes(sizesFile) : sizes;
        String flagOfSizes = preset != null ? "--preset" : sizesFile != null ? "--sizes-file" : "--sizes";
        for (String[] f : new String[][] {{flagOfSizes, n0}, {"--dim", dim}, {"--depth", depth}, {"--lambda-w", lambdaW},
            {"--lambda-h", lambdaH}}) {
            if (f[1] == null) {
                throw new InputException((f[0].equals("--sizes") ? "--sizes (or --sizes-file or --preset)" : f[0])
                    + " is missing: give the instance flags --sizes, --dim, --depth, --lambda-w, --lambda-h or --instance FILE");
            }
        }
        long[] n = preset != null ? Preset.of(preset).sizes() : parseLongs(flagOfSizes, n0);
        int d = parseInt("--dim", dim);
        int l = parseInt("--depth", depth);
        int[] w = null;
        if (widths != null) {
            long[] parsed = widths.isBlank() ? new long[0] : parseLongs("--widths", widths);
            w = new int[parsed.length];
            for (int i = 0; i < parsed.length; i++) {
                if (parsed[i] > Integer.MAX_VALUE) {
                    throw new InputException("--widths[" + i + "] = " + parsed[i] + ": too large (at most " + Integer.MAX_VALUE + ")");
                }
                w[i] = (int) parsed[i];
            }
        }
        String[] lw = split("--lambda-w", lambdaW);
        Aprational[] lws = new Aprational[lw.length];
        for (int i = 0; i < lw.length; i++) {
            lws[i] = rational(lw.length == 1 ? "--lambda-w" : "--lambda-w[" + i + "]", lw[i]);
        }
        return Instance.of(n, d, w, l, lws, rational("--lambda-h", lambdaH));
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
        return precision(digits);
    }

    /** The working precision of a command's {@code --digits} text: bad input unless in MIN_DIGITS..MAX_DIGITS. */
    static Precision precision(String digits) {
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

    /** An exact positive-or-not rational (Instance.of checks the sign): a decimal "1e-3", "1e400" or a fraction "p/q". */
    private static Aprational rational(String flag, String text) {
        if (text != null && text.indexOf('/') >= 0) {
            return InstanceJson.rational(TextNode.valueOf(text.trim()), flag);
        }
        return Rationals.parseDecimal(flag, text);
    }

    static long[] parseLongs(String flag, String text) {
        String[] parts = split(flag, text);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = bounded(flag + "[" + i + "] = " + parts[i], parts[i], Long.MIN_VALUE, Long.MAX_VALUE);
        }
        return out;
    }

    static int parseInt(String flag, String text) {
        if (text == null) {
            throw new InputException(flag + " is missing");
        }
        return (int) bounded(flag + " = " + text.trim(), text.trim(), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static long parseLong(String flag, String text) {
        if (text == null) {
            throw new InputException(flag + " is missing");
        }
        return bounded(flag + " = " + text.trim(), text.trim(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The integer {@code text} in [min, max]; "not an integer" or "too large (at most max)" / "too small (at least min)" after {@code what}. */
    private static long bounded(String what, String text, long min, long max) {
        BigInteger v;
        try {
            v = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new InputException(what + ": not an integer");
        }
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InputException(what + ": too large (at most " + max + ")");
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new InputException(what + ": too small (at least " + min + ")");
        }
        return v.longValue();
    }

    @Override
    public String toString() {
        return Arrays.asList(sizes, sizesFile, preset, dim, depth, widths, lambdaW, lambdaH, digits, instanceFile).toString();
    }
}
