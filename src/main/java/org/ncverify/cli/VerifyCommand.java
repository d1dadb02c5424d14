package org.ncverify.cli;

import java.util.List;
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
 * residual, tolerance, reading; the three readings of C5-C7 below their claim) or as JSON; one
 * result per instance of an --instance list. Exit status: {@link ExitCodes}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Judge every claim of the catalogue (or those of --claims) on the closed-form minimizer at --digits.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  ncverify verify --sizes 8,8,8,3,1 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 40",
        "  ncverify verify --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --claims C5,C6,C7 --rotation-seed 7",
        "  jq -c '.[].instance' ../shared/reference-cases.json | jq -s . | ncverify verify --instance - --format json",
        "Limits: 2 <= K <= " + SolveCommand.MAX_CLASSES + ", 1 <= L <= 64, digits " + Precision.MIN_DIGITS + ".."
            + Precision.MAX_DIGITS + "; an instance whose memory estimate exceeds the JVM heap is refused before any work."})
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
        output.check();
        Catalogue catalogue = userClaims.catalogue(claims);
        InstanceFiles.InstanceInput in = options.instances(SolveCommand.MAX_CLASSES, "verify", Main.stdin(spec));
        Precision precision = options.precision();
        for (Instance inst : in.instances()) {
            options.checkMemory(inst, precision, MemoryEstimate.verifyWorkload(inst), "verify");
        }
        return output.run(spec, in.instances(), in.list(), inst -> command(inst, precision, catalogue),
            inst -> VerifyResult.compute(inst, precision, frames.seed(), catalogue));
    }

    /** The line that reruns this job on {@code inst}: instance, --digits, --rotation-seed, --claims, --format. */
    private String command(Instance inst, Precision precision, Catalogue catalogue) {
        CommandText c = new CommandText("verify", inst, precision.digits());
        frames.seed().ifPresent(s -> c.option("--rotation-seed", s));
        claims.appendTo(c, catalogue);
        List<String> user = userClaims.replayArgs();
        for (int i = 0; i + 1 < user.size(); i += 2) {
            c.option(user.get(i), user.get(i + 1));
        }
        return output.withFormat(c).text();
    }
}
