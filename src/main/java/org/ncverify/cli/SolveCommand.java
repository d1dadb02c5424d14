package org.ncverify.cli;

import java.util.concurrent.Callable;
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
 * with claims C3, C4, C8, C10 and C11 judged on it (SPEC section 7).
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
    description = "Compute the Yhat spectrum, the scalar law and the closed-form global minimizer, and judge C3, C4, C8, C10, C11.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no claim FAILs (PASS, NOT_APPLICABLE or INCONCLUSIVE)", "1:some claim FAILs", "2:bad input", "70:internal error"})
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.format();
        Instance instance = options.instance(SOLVE_MAX_CLASSES, "solve");
        Precision precision = options.precision();
        options.checkMemory(instance, precision, MemoryEstimate.solveWorkload(instance), "solve");
        return output.print(spec, SolveResult.compute(instance, precision, frames.seed()));
    }
}
