package org.ncverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.InputException;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.results.sweep.Axis;
import org.ncverify.results.sweep.Range;
import org.ncverify.results.sweep.SizeRule;
import org.ncverify.results.sweep.SweepCsv;
import org.ncverify.results.sweep.SweepGrid;
import org.ncverify.results.sweep.SweepJsonl;
import org.ncverify.results.sweep.SweepRunner;
import org.ncverify.results.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify sweep}: one instance template, ranges for some of its quantities, and per point
 * of their cartesian product ({@link SweepGrid}) the closed form's surviving directions, s_crit,
 * f* and the verdicts of the chosen claims, written as CSV and/or JSON Lines in point order
 * (points computed in parallel). Every input is checked before the first point is computed;
 * output files are written atomically ({@link AtomicOutput}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compute the closed form and judge the chosen claims at every point of a grid of instances"
        + " (the data of a phase diagram of minority collapse); one CSV row and/or JSONL line per point, in point order.",
        "A RANGE is x, x1,x2,... or a..b:lin:n / a..b:log:n (n points, ends included and exact; interior points"
        + " rounded to " + Range.SIGNIFICANT_DIGITS + " significant digits, integers for integer flags).",
        "Points run over the axes in the order --classes, --n-max, --imbalance, --dim, --depth, --width, --lambda-w,"
        + " --lambda-h, the last fastest; at most " + SweepGrid.MAX_POINTS + " points."},
    footerHeading = "%nExamples:%n",
    footer = {"  ncverify sweep --size-rule cifar-lt --classes 10 --n-max 5000 \\",
        "      --imbalance 1..1000:log:7 --lambda-h 1e-4..1e-2:log:5 \\",
        "      --dim 16 --depth 2 --lambda-w 1e-3 --digits 30 --csv phase.csv",
        "  ncverify sweep --sizes 5000,2997,1796,1077,645,387,232,139,83,50 \\",
        "      --depth 1,2,3 --lambda-h 1e-5..1e-1:log:41 \\",
        "      --dim 16 --lambda-w 1e-3 --digits 30 --jsonl rows.jsonl"},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no claim FAILs at any point (PASS, NOT_APPLICABLE or INCONCLUSIVE)", "1:some claim FAILs at some point",
        "2:bad input (before any point is computed)", "70:internal error"})
public final class SweepCommand implements Callable<Integer> {
    /** The claims judged by default: the cheap ones about the value, the spectra and the threshold. */
    static final String DEFAULT_CLAIMS = "C3,C4,C8,C10";
    /** Most worker threads. */
    static final int MAX_THREADS = 256;
    private static final List<String> CLOSED_FORM_CLAIMS = Catalogue.solve().ids();
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,:/+=@%^-]+");

    @Option(names = "--sizes", paramLabel = "n1,n2,...", description = "fixed class sizes (K >= 2 positive integers), or use --size-rule")
    String sizes;

    @Option(names = "--size-rule", paramLabel = "cifar-lt|step",
        description = "sizes per point: cifar-lt n_i = floor(n_max rho^(-i/(K-1))), i = 0..K-1; step: ceil(K/2) classes"
            + " of n_max, floor(K/2) of floor(n_max/rho)")
    String sizeRule;

    @Option(names = "--classes", paramLabel = "RANGE", description = "K of the size rule, 2.." + SweepGrid.MAX_CLASSES)
    String classes;

    @Option(names = "--n-max", paramLabel = "RANGE", description = "n_max of the size rule (samples), 1.." + SweepGrid.MAX_SIZE)
    String nMax;

    @Option(names = "--imbalance", paramLabel = "RANGE", description = "rho = n_max/n_min of the size rule, >= 1 and <= n_max")
    String imbalance;

    @Option(names = "--dim", required = true, paramLabel = "RANGE", description = "feature dimension d >= 1")
    String dim;

    @Option(names = "--depth", required = true, paramLabel = "RANGE", description = "number of linear layers L, 1..64")
    String depth;

    @Option(names = "--width", paramLabel = "RANGE", description = "common width of the L-1 hidden layers (default: d)")
    String width;

    @Option(names = "--lambda-w", required = true, paramLabel = "RANGE",
        description = "weight decay of every layer, > 0 (a list is a list of sweep values, not per-layer decays)")
    String lambdaW;

    @Option(names = "--lambda-h", required = true, paramLabel = "RANGE", description = "feature decay, > 0")
    String lambdaH;

    @Option(names = "--digits", defaultValue = "50", paramLabel = "P",
        description = "significant digits, " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS + " (default ${DEFAULT-VALUE})")
    String digits;

    @Option(names = "--claims", defaultValue = DEFAULT_CLAIMS, paramLabel = "C1,C5,...",
        description = "claims judged at every point, in catalogue order (default ${DEFAULT-VALUE})")
    String claims;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the CSV here (atomically); without --csv and --jsonl the CSV goes to stdout")
    String csv;

    @Option(names = "--jsonl", paramLabel = "FILE", description = "write one JSON object per point here (atomically)")
    String jsonl;

    @Option(names = "--threads", paramLabel = "T", description = "points computed in parallel, 1.." + MAX_THREADS
        + " (default: the number of cores)")
    String threads;

    @Option(names = "--quiet", description = "no progress and no summary on stderr")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SweepGrid grid = grid();
        Precision precision = precision();
        Catalogue catalogue = catalogue();
        int t = threads();
        checkMemory(grid, precision, catalogue, t);
        Path csvPath = csv == null ? null : AtomicOutput.check("--csv", csv);
        Path jsonlPath = jsonl == null ? null : AtomicOutput.check("--jsonl", jsonl);
        if (csvPath != null && csvPath.equals(jsonlPath)) {
            throw new InputException("--csv and --jsonl name the same file " + csv);
        }
        String command = command();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AtomicOutput csvOut = csvPath == null ? null : AtomicOutput.open(csvPath);
             AtomicOutput jsonlOut = jsonlPath == null ? null : AtomicOutput.open(jsonlPath);
             SweepProgress progress = SweepProgress.of(grid.size(), err, quiet)) {
            boolean csvToStdout = csvOut == null && jsonlOut == null;
            String header = SweepCsv.header(grid, catalogue.claims());
            if (csvOut != null) {
                csvOut.line(header);
            } else if (csvToStdout) {
                out.println(header);
            }
            if (!quiet) {
                err.println(command);
                err.println("sweep: " + grid.describe() + " points on " + t + " thread" + (t == 1 ? "" : "s"));
            }
            SweepSummary summary = SweepRunner.run(grid, precision, catalogue, t, row -> {
                if (csvOut != null) {
                    csvOut.line(SweepCsv.line(row));
                } else if (csvToStdout) {
                    out.println(SweepCsv.line(row));
                }
                if (jsonlOut != null) {
                    jsonlOut.line(SweepJsonl.line(row, command));
                }
            }, progress);
            progress.close();
            if (csvOut != null) {
                csvOut.commit();
            }
            if (jsonlOut != null) {
                jsonlOut.commit();
            }
            out.flush();
            if (!quiet) {
                err.println(String.format(Locale.ROOT, "sweep: %s (%.1f s)%s%s", summary.describe(), summary.seconds(),
                    csvPath == null ? "" : "; CSV " + csvPath, jsonlPath == null ? "" : "; JSONL " + jsonlPath));
            }
            return summary.failed() ? ExitCodes.FAILED : summary.inconclusive() > 0 ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
        }
    }

    /** The grid of the flags, validated (every check before any work). */
    SweepGrid grid() {
        Map<Axis, Range> axes = new EnumMap<>(Axis.class);
        put(axes, Axis.CLASSES, classes);
        put(axes, Axis.N_MAX, nMax);
        put(axes, Axis.IMBALANCE, imbalance);
        put(axes, Axis.DIM, dim);
        put(axes, Axis.DEPTH, depth);
        put(axes, Axis.WIDTH, width);
        put(axes, Axis.LAMBDA_W, lambdaW);
        put(axes, Axis.LAMBDA_H, lambdaH);
        long[] fixed = sizes == null ? null : InstanceOptions.parseLongs("--sizes", sizes);
        if (fixed != null && fixed.length > SweepGrid.MAX_CLASSES) {
            throw new InputException("--sizes has K = " + fixed.length + " classes: sweep supports K <= " + SweepGrid.MAX_CLASSES);
        }
        SizeRule rule = sizeRule == null ? null : SizeRule.parse("--size-rule", sizeRule);
        return SweepGrid.of(fixed, rule, axes);
    }

    private static void put(Map<Axis, Range> axes, Axis axis, String text) {
        if (text != null) {
            axes.put(axis, Range.parse(axis.flag(), text, axis.kind()));
        }
    }

    private Precision precision() {
        return InstanceOptions.precision(digits);
    }

    private Catalogue catalogue() {
        try {
            return Catalogue.of(Arrays.stream(claims.split(",", -1)).map(String::trim).toList());
        } catch (InputException e) {
            throw new InputException("--claims = " + claims + ": " + e.getMessage());
        }
    }

    private int threads() {
        if (threads == null) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        int t = InstanceOptions.parseInt("--threads", threads);
        if (t < 1 || t > MAX_THREADS) {
            throw new InputException("--threads = " + t + ": must be in 1.." + MAX_THREADS);
        }
        return t;
    }

    /** Refuses a sweep whose largest point, times the points computed at once, would not fit in the heap. */
    private static void checkMemory(SweepGrid grid, Precision p, Catalogue catalogue, int threads) {
        MemoryEstimate.Workload w = CLOSED_FORM_CLAIMS.containsAll(catalogue.ids())
            ? MemoryEstimate.Workload.CLOSED_FORM : MemoryEstimate.Workload.ALL_CLAIMS;
        MemoryEstimate e = MemoryEstimate.of(grid.largest(), p.working(), w);
        long heap = Runtime.getRuntime().maxMemory();
        if (e.bytes() * threads > heap) {
            throw new InputException("sweep: the largest point would need about " + MemoryEstimate.format(e.bytes())
                + " (dominated by " + e.dominant() + ") on each of " + threads + " threads, more than the "
                + MemoryEstimate.format(heap) + " of the JVM's heap; reduce the ranges, --digits or --threads");
        }
    }

    /** The command line that reruns this sweep (every option that changes a row, in a fixed order; not the output files). */
    String command() {
        List<String> words = new ArrayList<>(List.of("ncverify", "sweep"));
        add(words, "--sizes", sizes);
        add(words, "--size-rule", sizeRule);
        add(words, "--classes", classes);
        add(words, "--n-max", nMax);
        add(words, "--imbalance", imbalance);
        add(words, "--dim", dim);
        add(words, "--depth", depth);
        add(words, "--width", width);
        add(words, "--lambda-w", lambdaW);
        add(words, "--lambda-h", lambdaH);
        add(words, "--digits", digits);
        add(words, "--claims", claims);
        return String.join(" ", words);
    }

    private static void add(List<String> words, String flag, String value) {
        if (value != null) {
            String v = value.trim();
            words.add(flag);
            words.add(SHELL_SAFE.matcher(v).matches() ? v : "'" + v.replace("'", "'\\''") + "'");
        }
    }
}
