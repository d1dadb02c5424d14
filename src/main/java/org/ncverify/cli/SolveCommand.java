package org.ncverify.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;
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
    exitCodeList = {"0:no claim FAILs", "1:some claim FAILs", "2:bad input", "70:internal error"})
public final class SolveCommand implements Callable<Integer> {
    /** Largest K accepted: the closed form and C4 hold K x K matrices of Apfloat entries. */
    static final int MAX_CLASSES = 2000;

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
        OutputFormat fmt = output.format();
        Instance instance = options.instance(SolveCommand.MAX_CLASSES, "solve");
        Precision precision = options.precision();
        options.checkMemory(instance, precision, MemoryEstimate.Workload.CLOSED_FORM, "solve");
        long t0 = System.nanoTime();
        ClosedForm cf = frames.closedForm(instance, precision);
        List<Verdict> verdicts = Catalogue.solve().run(Subject.ofClosedForm(cf));
        double seconds = (System.nanoTime() - t0) / 1e9;
        SolveOutput out = new SolveOutput(cf, verdicts, seconds);
        spec.commandLine().getOut().print(fmt == OutputFormat.JSON ? out.json() : out.text());
        spec.commandLine().getOut().flush();
        return Verdicts.exitStatus(verdicts);
    }
}
