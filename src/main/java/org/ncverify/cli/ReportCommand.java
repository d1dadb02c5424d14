package org.ncverify.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Status;
import org.ncverify.instance.InputException;
import org.ncverify.linalg.Precision;
import org.ncverify.report.Campaign;
import org.ncverify.report.HuntFindingRow;
import org.ncverify.report.Report;
import org.ncverify.report.ReportData;
import org.ncverify.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify report [--quick | --from FILE...] [--out DIR]}: with --from renders files
 * ({@link ReportFrom}); with no input runs {@link Campaign#defaultCampaign}
 * into reports/default (a few minutes; the K = 1000 case dominates), with --quick the one-minute
 * {@link Campaign#quick} into reports/quick, and writes DIR/index.html and DIR/data/*.json
 * atomically ({@link ReportWriter}). Every option and the output path are checked before any
 * work. Progress on stderr ({@link ReportProgress}). Exit status ({@link ExitCodes}): 1 when some
 * claim FAILs on a case or a hunt finds a FALSE_AS_STATED counterexample, else 3 when some verdict
 * is INCONCLUSIVE, else 0 (the report is written in all three cases); 2 bad input.
 * Structure for further sources (e.g. --from): {@link #check()} validates, {@link #produce} makes
 * the {@link ReportData}, {@link #call} writes it and derives the status.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Run a campaign (default: the full one; --quick: one minute) and write a self-contained HTML report"
        + " (index.html + data/*.json).")
public final class ReportCommand implements Callable<Integer> {
    /** Largest --per-profile. */
    static final int MAX_PER_PROFILE = 500;
    /** Largest --hunt-count. */
    static final long MAX_HUNT_COUNT = 100_000;

    @Option(names = "--quick", description = "The one-minute campaign (what tests use) instead of the default one.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: reports/default, with --quick reports/quick).")
    Path out;

    @Option(names = "--digits", paramLabel = "P", description = "Significant digits of every judgement (default: 40).")
    int digits = 40;

    @Option(names = "--seed", paramLabel = "S", description = "First sampler, optimizer and hunt seed (default: 1).")
    long seed = 1;

    @Option(names = "--per-profile", paramLabel = "M", description = "Samples per profile, 0.." + MAX_PER_PROFILE
        + " (default: " + Campaign.DEFAULT_PER_PROFILE + ", with --quick 2).")
    Integer perProfile;

    @Option(names = "--hunt-count", paramLabel = "N", description = "Instances of each hunt of the default campaign, 1.."
        + MAX_HUNT_COUNT + " (default: " + Campaign.DEFAULT_HUNT_COUNT + "; --quick hunts 2).")
    Long huntCount;

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
            String others = java.util.stream.Stream.of("--quick", "--digits", "--seed", "--per-profile", "--hunt-count")
                .filter(given::hasMatchedOption).reduce((x, y) -> x + ", " + y).orElse(null);
            return ReportFrom.run(from, given.hasMatchedOption("--out") ? out : Path.of(ReportFrom.DEFAULT_OUT), others,
                Main.class.getAnnotation(Command.class).version()[0], spec.commandLine().getOut());
        }
        check();
        ReportData data = produce();
        Path dir = out();
        ReportWriter.write(dir, Report.files(data));
        int status = status(data);
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s (%d cases, %d hunt finding(s), %s; campaign %.1f s)",
            dir.resolve(ReportWriter.INDEX), data.cases().size(), data.hunts().size(),
            status == ExitCodes.FAILED ? "some claim FAILs" : status == ExitCodes.INCONCLUSIVE
                ? "some verdict INCONCLUSIVE, none FAILs" : "no claim FAILs", data.run().wallSeconds()));
        return status;
    }

    /** Every option and the output directory, before any work. */
    void check() {
        if (digits < Precision.MIN_DIGITS || digits > Precision.MAX_DIGITS) {
            throw new InputException("--digits = " + digits + ": must be in " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS);
        }
        if (perProfile != null && (perProfile < 0 || perProfile > MAX_PER_PROFILE)) {
            throw new InputException("--per-profile = " + perProfile + ": must be in 0.." + MAX_PER_PROFILE);
        }
        if (huntCount != null && quick) {
            throw new InputException("--hunt-count: not with --quick (its hunts are fixed at 2 instances)");
        }
        if (huntCount != null && (huntCount < 1 || huntCount > MAX_HUNT_COUNT)) {
            throw new InputException("--hunt-count = " + huntCount + ": must be in 1.." + MAX_HUNT_COUNT);
        }
        ReportWriter.check(out());
    }

    /** The campaign's data (with progress on stderr). */
    ReportData produce() {
        Campaign campaign = quick ? Campaign.quick(digits, seed, perProfile == null ? 2 : perProfile)
            : Campaign.defaultCampaign(digits, seed, perProfile == null ? Campaign.DEFAULT_PER_PROFILE : perProfile,
                huntCount == null ? Campaign.DEFAULT_HUNT_COUNT : huntCount);
        try (ReportProgress progress = ReportProgress.start(spec.commandLine().getErr(), Terminal.interactive(), campaign.steps())) {
            return campaign.run(Catalogue.all(), Main.class.getAnnotation(Command.class).version()[0], gitCommit(), command(),
                progress);
        }
    }

    /** The output directory: --out, else reports/quick or reports/default. */
    Path out() {
        return out != null ? out : Path.of("reports", quick ? "quick" : "default");
    }

    /** The command line that reruns this campaign, every option given. */
    String command() {
        return "ncverify report" + (quick ? " --quick" : "") + " --out " + out() + " --digits " + digits + " --seed " + seed
            + (perProfile == null ? "" : " --per-profile " + perProfile) + (huntCount == null ? "" : " --hunt-count " + huntCount);
    }

    /** 1 when a case FAILs a claim or a hunt finding is FALSE_AS_STATED, else 3 when a verdict is INCONCLUSIVE, else 0. */
    static int status(ReportData data) {
        boolean fails = data.cases().stream().anyMatch(c -> c.fails()) || data.hunts().stream().anyMatch(HuntFindingRow::falseAsStated);
        if (fails) {
            return ExitCodes.FAILED;
        }
        boolean inconclusive = data.cases().stream().flatMap(c -> c.verdicts().stream())
            .anyMatch(v -> v.status().equals(Status.INCONCLUSIVE.name()));
        return inconclusive ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
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
