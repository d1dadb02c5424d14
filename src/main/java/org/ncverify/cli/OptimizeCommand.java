package org.ncverify.cli;

import java.util.concurrent.Callable;
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
@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = "Minimize the full objective by multi-start L-BFGS from seeded random starts, classify the runs"
        + " against f*, and judge the best run by the claims (C13: independent optimality).",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no claim FAILs (PASS, NOT_APPLICABLE or INCONCLUSIVE)", "1:some claim FAILs", "2:bad input", "70:internal error"})
public final class OptimizeCommand implements Callable<Integer> {
    /** Largest number of variables sum_l d_l d_{l-1} + d N + K accepted. */
    static final long MAX_VARIABLES = 20_000_000L;
    /** Largest --starts. */
    static final int MAX_STARTS = 10_000;

    @Mixin
    InstanceOptions options;

    @Option(names = "--starts", defaultValue = "8", paramLabel = "S", description = "number of seeded random starts (default ${DEFAULT-VALUE})")
    String starts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "seed", description = "start i uses seed + i (default ${DEFAULT-VALUE})")
    String seed;

    @Option(names = "--init-scale", defaultValue = "1.0", paramLabel = "s1,s2,...",
        description = "initialisation scales, used in turn: start i is N(0,1) * s_(i mod count) (default ${DEFAULT-VALUE})")
    String initScale;

    @Option(names = "--max-iterations", defaultValue = "20000", paramLabel = "M",
        description = "L-BFGS iteration budget per start; evaluations are limited to 2 M + 100 (default ${DEFAULT-VALUE})")
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
        output.format();
        Catalogue catalogue = claims.catalogue();
        Instance instance = options.instance(SolveCommand.MAX_CLASSES, "optimize");
        Precision precision = options.precision();
        int s = InstanceOptions.parseInt("--starts", starts);
        if (s < 1 || s > MAX_STARTS) {
            throw new InputException("--starts = " + s + ": must be in 1.." + MAX_STARTS);
        }
        long sd = parseLong("--seed", seed);
        double[] scales = parseScales(initScale);
        int iterations = InstanceOptions.parseInt("--max-iterations", maxIterations);
        if (iterations < 1 || iterations > 100_000_000) {
            throw new InputException("--max-iterations = " + iterations + ": must be in 1..100000000");
        }
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
        OptimizeSettings settings = new OptimizeSettings(s, sd, scales, iterations, polish);
        return output.print(spec, OptimizeResult.compute(instance, precision, settings, catalogue));
    }

    private static long parseLong(String flag, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(flag + " = " + text + ": not an integer");
        }
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
