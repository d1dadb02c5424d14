package org.ncverify.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.results.SolveResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify solve}: the closed-form global minimizer at --digits significant digits,
 * with claims C3, C4, C8, C10 and C11 judged on it (SPEC section 7); one result per instance of
 * an --instance list. The independent pieces of each instance (secular roots, scalar problems,
 * certificate brackets, structured pairs, claims) run on a pool of one thread per core, with the
 * same output as a sequential run (issue 13).
 */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compute the Yhat spectrum, the scalar law and the closed-form global minimizer, and judge C3, C4, C8, C10, C11.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  ncverify solve --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 50",
        "  ncverify solve --instance cases.json --format json --output cases.jsonl   (a list: one JSON line per instance)",
        "  ncverify solve --sizes-file sizes.txt --dim 64 --depth 3 --lambda-w 5e-4 --lambda-h 5e-4",
        "  ncverify solve --preset cifar100-lt-100 --dim 512 --depth 2 --lambda-w 5e-4 --lambda-h 5e-4 --digits 30",
        "  ncverify @job.args   (arguments read from a file, one or more per line)",
        "Limits: 2 <= K <= " + SolveCommand.SOLVE_MAX_CLASSES + ", 1 <= L <= 64, digits " + Precision.MIN_DIGITS + ".."
            + Precision.MAX_DIGITS + "; an instance whose memory estimate exceeds the JVM heap is refused before any work."})
public final class SolveCommand implements Callable<Integer> {
    /** Largest K accepted: the closed form and C4 hold K x K matrices of Apfloat entries. */
    static final int MAX_CLASSES = 2000;
    /**
     * Largest K of {@code solve} (scale-theory): its closed form and claims are structured (O(K r)
     * memory, {@link org.ncverify.theory.FactoredMinimizer}); the memory estimate decides below it.
     */
    static final int SOLVE_MAX_CLASSES = 100_000;

    @Mixin
    InstanceOptions options;

    @Mixin
    FormatOption output;

    @Mixin
    FrameOption frames;

    @Mixin
    ExportOption export;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        InstanceFiles.InstanceInput in = options.instances(SOLVE_MAX_CLASSES, "solve", Main.stdin(spec));
        Precision precision = options.precision();
        for (Instance inst : in.instances()) {
            options.checkMemory(inst, precision, MemoryEstimate.solveWorkload(inst), "solve");
            export.check(inst);
        }
        export.checkSingle(in.instances().size());
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            return output.run(spec, in.instances(), in.list(), inst -> command(inst, precision), inst -> {
                SolveResult result = SolveResult.compute(inst, precision, frames.seed(), pool);
                export.write(inst, precision, frames.seed());
                return result;
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** The line that reruns this job on {@code inst}: instance, --digits, --rotation-seed, --format. */
    private String command(Instance inst, Precision precision) {
        CommandText c = new CommandText("solve", inst, precision.digits());
        frames.seed().ifPresent(s -> c.option("--rotation-seed", s));
        return output.withFormat(c).text();
    }
}
