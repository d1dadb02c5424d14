package org.ncverify.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ncverify.instance.InputException;
import org.ncverify.linalg.Precision;
import org.ncverify.report.Campaign;
import org.ncverify.report.Report;
import org.ncverify.report.ReportData;
import org.ncverify.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify report --quick [--out DIR]}: runs {@link Campaign#quick} (named cases and a
 * seeded sample, every claim at --digits) and writes DIR/index.html and DIR/data/*.json
 * atomically ({@link ReportWriter}). The output path is checked before any work. Exit status 0
 * when no claim FAILs, 1 when one does (the report is written either way), 2 bad input.
 * Without --quick it is refused: the default campaign of issue 14 is not built yet.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Run a campaign and write a self-contained HTML report (index.html + data/*.json).",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:report written, no claim FAILs", "1:report written, some claim FAILs", "2:bad input",
        "70:internal error"})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "The one-minute campaign (the only one built so far).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/quick).")
    Path out = Path.of("reports", "quick");

    @Option(names = "--digits", paramLabel = "P", description = "Significant digits of every judgement (default: 40).")
    int digits = 40;

    @Option(names = "--seed", paramLabel = "S", description = "First sampler seed (default: 1).")
    long seed = 1;

    @Option(names = "--per-profile", paramLabel = "M", description = "Samples per profile, 0..50 (default: 2).")
    int perProfile = 2;

    @Option(names = "--from", arity = "1..*", paramLabel = "FILE",
        description = "Render these files instead of a campaign: hunt journals (.jsonl, .jsonl.gz), --format json outputs"
            + " of solve, verify, optimize, check, sweep --jsonl (default --out: " + ReportFrom.DEFAULT_OUT + ").")
    java.util.List<Path> from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (from != null) {
            var given = spec.commandLine().getParseResult();
            String others = java.util.stream.Stream.of("--quick", "--digits", "--seed", "--per-profile")
                .filter(given::hasMatchedOption).reduce((a, b) -> a + ", " + b).orElse(null);
            return ReportFrom.run(from, given.hasMatchedOption("--out") ? out : Path.of(ReportFrom.DEFAULT_OUT), others,
                Main.class.getAnnotation(Command.class).version()[0], spec.commandLine().getOut());
        }
        if (!quick) {
            throw new InputException("report without --quick: the default campaign (issue 14) is not built yet; use --quick");
        }
        if (digits < Precision.MIN_DIGITS || digits > Precision.MAX_DIGITS) {
            throw new InputException("--digits = " + digits + ": must be in " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS);
        }
        if (perProfile < 0 || perProfile > 50) {
            throw new InputException("--per-profile = " + perProfile + ": must be in 0..50");
        }
        ReportWriter.check(out);
        String command = "ncverify report --quick --out " + out + " --digits " + digits + " --seed " + seed
            + " --per-profile " + perProfile;
        ReportData data = Campaign.quick(digits, seed, perProfile)
            .run(Main.class.getAnnotation(Command.class).version()[0], gitCommit(), command,
                line -> spec.commandLine().getErr().println(line));
        ReportWriter.write(out, Report.files(data));
        boolean fails = data.cases().stream().anyMatch(c -> c.fails());
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s (%d cases, %s; campaign %.1f s)",
            out.resolve(ReportWriter.INDEX), data.cases().size(), fails ? "some claim FAILs" : "no claim FAILs",
            data.run().wallSeconds()));
        return fails ? 1 : 0;
    }

    /** {@code git rev-parse HEAD} in the working directory, or null (no git, not a checkout, 5 s timeout). */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String s = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 && s.matches("[0-9a-f]{40}") ? s : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
