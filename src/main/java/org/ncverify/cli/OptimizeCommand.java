package org.ncverify.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.polish.Polish;
import org.ncverify.results.OptimizeResult;
import org.ncverify.results.OptimizeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify optimize}: an independent multi-start L-BFGS on the full objective (all N
 * feature columns, double precision), each start classified against the closed form's f*, and
 * the best run's point judged by every claim of {@link Catalogue#all()} (or those named by
 * --claims) with tolerances derived from its gradient norm (C13 included).
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Minimize the full objective by multi-start L-BFGS from seeded random starts, classify the runs"
        + " against f*, and judge the best run by the claims (C13: independent optimality).",
    footerHeading = "%nExamples:%n",
    footer = {
        "  ncverify optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --starts 16 --seed 1",
        "  ncverify optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --polish --digits 40",
        "  ncverify optimize --instance small-cases.json --format json --output runs.jsonl",
        "Limits: 2 <= K <= " + SolveCommand.MAX_CLASSES + ", 1 <= L <= 64, 1 <= starts <= " + OptimizeCommand.MAX_STARTS
            + ", 1 <= max-iterations <= " + OptimizeCommand.MAX_ITERATIONS + ", at most " + OptimizeCommand.MAX_VARIABLES
            + " variables (sum_l d_l d_(l-1) + d N + K); --polish: N <= 64, widths <= 8, L <= 3;",
        "an instance whose memory estimate exceeds the JVM heap is refused before any work."})
public final class OptimizeCommand implements Callable<Integer> {
    /** Largest number of variables sum_l d_l d_{l-1} + d N + K accepted. */
    static final long MAX_VARIABLES = 20_000_000L;
    /** Largest --starts. */
    static final int MAX_STARTS = 10_000;
    /** Largest --max-iterations. */
    static final int MAX_ITERATIONS = 100_000_000;

    @Mixin
    InstanceOptions options;

    @Option(names = "--starts", defaultValue = "8", paramLabel = "S", description = "number of seeded random starts, 1.." + MAX_STARTS + " (default ${DEFAULT-VALUE})")
    String starts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "seed", description = "start i uses seed + i, a 64-bit integer (default ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--init-scale", defaultValue = "1.0", paramLabel = "s1,s2,...",
        description = "initialisation scales, each positive and finite, used in turn: start i is N(0,1) * s_(i mod count) (default ${DEFAULT-VALUE})")
    String initScale;

    @Option(names = "--max-iterations", defaultValue = "20000", paramLabel = "M",
        description = "L-BFGS iteration budget per start, 1.." + MAX_ITERATIONS + "; evaluations are limited to 2 M + 100 (default ${DEFAULT-VALUE})")
    String maxIterations;

    @Option(names = "--polish", description = "refine the best run at --digits by damped Newton-CG on the full objective and judge"
        + " the refined point by every claim (N <= 64, widths <= 8, L <= 3)")
    boolean polish;

    @Mixin
    FormatOption output;

    @Mixin
    ClaimsOption claims;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        Catalogue catalogue = claims.catalogue();
        InstanceFiles.InstanceInput in = options.instances(SolveCommand.MAX_CLASSES, "optimize", Main.stdin(spec));
        Precision precision = options.precision();
        int s = InstanceOptions.parseInt("--starts", starts);
        if (s < 1 || s > MAX_STARTS) {
            throw new InputException("--starts = " + s + ": must be in 1.." + MAX_STARTS);
        }
        long sd = InstanceOptions.parseLong("--seed", seed);
        double[] scales = parseScales(initScale);
        int iterations = InstanceOptions.parseInt("--max-iterations", maxIterations);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new InputException("--max-iterations = " + iterations + ": must be in 1.." + MAX_ITERATIONS);
        }
        for (Instance instance : in.instances()) {
            check(instance, precision);
        }
        OptimizeSettings settings = new OptimizeSettings(s, sd, scales, iterations, polish);
        return output.run(spec, in.instances(), in.list(), inst -> command(inst, precision, settings, catalogue),
            inst -> OptimizeResult.compute(inst, precision, settings, catalogue));
    }

    /** Refuses, before any work, an instance too large for --polish, the optimizer or the heap. */
    private void check(Instance instance, Precision precision) {
        if (polish) {
            try {
                Polish.checkSmall(instance);
            } catch (IllegalArgumentException e) {
                throw new InputException("--polish: " + e.getMessage());
            }
        }
        long variables = OptimizeResult.variables(instance);
        if (variables > MAX_VARIABLES) {
            throw new InputException("--sizes, --dim: the full objective has " + variables + " variables (N = "
                + instance.total() + "); optimize supports at most " + MAX_VARIABLES);
        }
        options.checkMemory(instance, precision, MemoryEstimate.Workload.FULL_OBJECTIVE, "optimize");
    }

    /**
     * The line that reruns this job on {@code inst}: instance, --digits, then every option of the
     * runs (defaults included, so that a later change of a default does not change the replay):
     * --starts, --seed, --init-scale (each double as its shortest exact text), --max-iterations,
     * --polish, --claims, --format.
     */
    private String command(Instance inst, Precision precision, OptimizeSettings settings, Catalogue catalogue) {
        CommandText c = new CommandText("optimize", inst, precision.digits())
            .option("--starts", settings.starts())
            .option("--seed", settings.seed())
            .option("--init-scale", Arrays.stream(settings.scales()).mapToObj(Double::toString).collect(Collectors.joining(",")))
            .option("--max-iterations", settings.maxIterations())
            .flag("--polish", settings.polish());
        claims.appendTo(c, catalogue);
        return output.withFormat(c).text();
    }

    private static double[] parseScales(String text) {
        String[] parts = text.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String name = parts.length == 1 ? "--init-scale" : "--init-scale[" + i + "]";
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(name + " = " + parts[i] + ": not a number");
            }
            if (!(out[i] > 0) || Double.isInfinite(out[i])) {
                throw new InputException(name + " = " + parts[i] + ": must be a positive finite number");
            }
        }
        return out;
    }
}
