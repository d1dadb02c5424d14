package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
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
 * {@code ncverify verify}: every claim of the catalogue ({@link Catalogue#all()}) judged on
 * the closed-form minimizer at --digits, printed as a table (id, status, residual, tolerance,
 * reading; the three readings of C5-C7 below their claim) or as JSON. Exit status 0 when
 * nothing FAILs, 1 when something does, 2 on bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Judge every claim of the catalogue on the closed-form minimizer at --digits.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no claim FAILs", "1:some claim FAILs", "2:bad input", "70:internal error"})
public final class VerifyCommand implements Callable<Integer> {
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
        Instance instance = options.instance(SolveCommand.MAX_CLASSES, "verify");
        Precision precision = options.precision();
        options.checkMemory(instance, precision, MemoryEstimate.Workload.ALL_CLAIMS, "verify");
        long t0 = System.nanoTime();
        ClosedForm cf = frames.closedForm(instance, precision);
        Catalogue catalogue = Catalogue.all();
        List<Verdict> verdicts = catalogue.run(Subject.ofClosedForm(cf));
        double seconds = (System.nanoTime() - t0) / 1e9;
        String text = fmt == OutputFormat.JSON ? json(cf, catalogue, verdicts, seconds) : text(cf, verdicts, seconds);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return Verdicts.exitStatus(verdicts);
    }

    private String text(ClosedForm cf, List<Verdict> verdicts, double seconds) {
        Instance inst = cf.instance();
        StringBuilder b = new StringBuilder();
        b.append("ncverify verify ").append(inst.describe()).append(" --digits ").append(cf.precision().digits())
            .append(frames.rotationSeed == null ? "" : " --rotation-seed " + frames.rotationSeed).append('\n');
        b.append(String.format("K = %d, N = %d, L = %d, bottleneck r = %d, surviving directions (p* > 0) = %d%n%n",
            inst.classes(), inst.total(), inst.depth(), inst.bottleneck(), cf.survivingDirections()));
        b.append(Verdicts.table(verdicts));
        b.append(String.format("%n%s (%.2f s)%n", Verdicts.summary(verdicts), seconds));
        return b.toString();
    }

    private String json(ClosedForm cf, Catalogue catalogue, List<Verdict> verdicts, double seconds) {
        ObjectNode root = Json.root();
        Json.instance(root, cf.instance());
        root.put("digits", cf.precision().digits());
        if (frames.rotationSeed != null) {
            root.put("rotationSeed", frames.rotationSeed);
        }
        root.put("survivingDirections", cf.survivingDirections());
        ArrayNode claims = root.putArray("claims");
        Verdicts.json(claims, verdicts);
        for (int i = 0; i < verdicts.size(); i++) {
            Claim c = catalogue.claims().get(i);
            ((ObjectNode) claims.get(i)).put("statement", c.statement()).put("hypotheses", c.hypotheses());
        }
        root.put("summary", Verdicts.summary(verdicts));
        root.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return Json.text(root);
    }
}
