package org.ncverify.cli;

import java.util.concurrent.Callable;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.results.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify verify}: every claim of the catalogue ({@link Catalogue#all()}, or those named
 * by --claims) judged on the closed-form minimizer at --digits, printed as a table (id, status,
 * residual, tolerance, reading; the three readings of C5-C7 below their claim) or as JSON. Exit
 * status 0 when nothing FAILs, 1 when something does, 2 on bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Judge every claim of the catalogue (or those of --claims) on the closed-form minimizer at --digits.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no claim FAILs (PASS, NOT_APPLICABLE or INCONCLUSIVE)", "1:some claim FAILs", "2:bad input",
        "70:internal error"})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    InstanceOptions options;

    @Mixin
    FormatOption output;

    @Mixin
    FrameOption frames;

    @Mixin
    ClaimsOption claims;

    @Mixin
    UserClaimsOption userClaims;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.format();
        Catalogue catalogue = userClaims.catalogue(claims);
        Instance instance = options.instance(SolveCommand.MAX_CLASSES, "verify");
        Precision precision = options.precision();
        options.checkMemory(instance, precision, MemoryEstimate.Workload.ALL_CLAIMS, "verify");
        return output.print(spec, VerifyResult.compute(instance, precision, frames.seed(), catalogue));
    }
}
