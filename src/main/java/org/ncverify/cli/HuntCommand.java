package org.ncverify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.hunt.Draw;
import org.ncverify.hunt.Hunt;
import org.ncverify.hunt.HuntOptions;
import org.ncverify.hunt.HuntState;
import org.ncverify.hunt.HuntSummary;
import org.ncverify.hunt.Journal;
import org.ncverify.hunt.JournalFile;
import org.ncverify.hunt.Shard;
import org.ncverify.instance.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify hunt}: the counterexample hunter (issue 10). Every option is checked, the
 * user claims loaded and the journal created (or the resumed one read and checked against the
 * options) before any instance is judged; bad input is one line and exit status 2. Exit status
 * 0 when no finding is FALSE_AS_STATED, 1 when some is, 70 when an instance could not be judged
 * (an internal error, recorded in the journal), 130 after Ctrl-C (SIGINT) once the journal is
 * closed with its summary.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true, subcommands = HuntMergeCommand.class,
    description = "Hunt counterexamples to the claims on generated instances, journalled to JSONL.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no FALSE_AS_STATED finding", "1:some FALSE_AS_STATED finding", "2:bad input",
        "70:internal error (an instance could not be judged)", "130:interrupted (the journal is closed with its summary)"})
public final class HuntCommand implements Callable<Integer> {
    /** Exit status after SIGINT (128 + 2), the journal closed. */
    static final int INTERRUPTED = 130;
    /** The default directory of journals. */
    static final Path DEFAULT_DIR = Path.of("reports", "hunts");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smh]?)");

    @Option(names = "--profile", paramLabel = "P", description = "instance profile: one of ${COMPLETION-CANDIDATES}",
        completionCandidates = ProfileNames.class)
    String profile;

    @Option(names = "--count", paramLabel = "N", description = "judge instances 0..N-1 (default " + HuntOptions.DEFAULT_COUNT + ")")
    Long count;

    @Option(names = "--time", paramLabel = "10m", description = "judge for this long instead (90s, 10m, 2h)")
    String time;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "hunt seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--digits", defaultValue = "30", paramLabel = "P", description = "significant digits (default ${DEFAULT-VALUE})")
    int digits;

    @Option(names = "--claims", paramLabel = "C5,C7", description = "judge only these claims (default all, user claims included)")
    String claims;

    @Option(names = "--strategy", defaultValue = "random", paramLabel = "random|targeted", description = "default ${DEFAULT-VALUE}")
    String strategy;

    @Option(names = "--with-optimizer", description = "also judge the independent optimizer on instances small enough")
    boolean withOptimizer;

    @Option(names = "--journal", paramLabel = "FILE", description = "the journal to create (default reports/hunts/hunt-<profile>-seed<S>.jsonl)")
    Path journal;

    @Option(names = "--resume", paramLabel = "FILE", description = "continue the hunt journalled in FILE (same options)")
    Path resume;

    @Option(names = "--shard", paramLabel = "i/m", description = "judge the indices j with j mod m = i (default: from SLURM_ARRAY_TASK_ID/COUNT, else 0/1)")
    String shard;

    @Option(names = "--batch", defaultValue = "" + HuntOptions.DEFAULT_BATCH, paramLabel = "B", description = "instances per batch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", paramLabel = "T", description = "threads judging a batch (default: the available processors)")
    Integer threads;

    @Mixin
    UserClaimsOption userClaims;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HuntOptions options = options();
        List<Claim> user = userClaims.claims();
        Catalogue catalogue = catalogue(user);
        HuntOptions opts = claims == null ? options : new HuntOptions(options.profile(), options.count(), options.timeSeconds(),
            options.seed(), options.digits(), catalogue.ids(), options.strategy(), options.withOptimizer(),
            options.userClasses(), options.batch(), options.shard());
        Hunt hunt = new Hunt(opts, catalogue, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        HuntState state;
        Journal j;
        if (resume != null) {
            if (journal != null && !journal.equals(resume)) {
                throw new InputException("--journal = " + journal + " and --resume = " + resume + ": a resumed hunt appends to"
                    + " the journal it resumes; give --resume alone");
            }
            JournalFile file = JournalFile.read(resume);
            state = Hunt.resume(file, opts);
            j = Journal.reopen(file);
        } else {
            state = new HuntState();
            j = Journal.create(journal != null ? journal : DEFAULT_DIR.resolve(opts.journalName()), hunt.header());
        }
        return run(hunt, opts, state, j);
    }

    private int run(Hunt hunt, HuntOptions opts, HuntState state, Journal j) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hunt-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        HuntSummary summary;
        try {
            try (HuntProgress progress = HuntProgress.start(spec.commandLine().getErr(), Terminal.interactive(),
                state.instances(), opts.timed() ? -1 : opts.shard().sizeOf(opts.count()))) {
                summary = hunt.run(j, state, progress, stop::get);
            }
            // printed before the interrupt hook is released: once it returns, the JVM halts
            spec.commandLine().getOut().print(HuntText.render(summary, j.path()));
            spec.commandLine().getOut().flush();
        } finally {
            closed.countDown();
        }
        if (!stop.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has nothing left to wait for
            }
        }
        return exitStatus(summary);
    }

    /** 130 interrupted, 70 when an instance could not be judged, 1 with a FALSE_AS_STATED finding, else 0. */
    static int exitStatus(HuntSummary s) {
        if (HuntSummary.INTERRUPTED.equals(s.stop())) {
            return INTERRUPTED;
        }
        if (s.errors() > 0) {
            return Main.INTERNAL;
        }
        return s.falseAsStated() ? FormatOption.FAILED : 0;
    }

    /** The options as given, checked (bad input names the flag). */
    HuntOptions options() {
        if (profile == null) {
            throw new InputException("--profile is missing: expected one of " + String.join(", ", Draw.names()));
        }
        if (count != null && time != null) {
            throw new InputException("--count and --time: give one of them, not both");
        }
        long n = time != null ? 0 : count == null ? HuntOptions.DEFAULT_COUNT : count;
        if (count != null && count < 1) {
            throw new InputException("--count = " + count + ": must be >= 1");
        }
        Shard s = shard != null ? Shard.parse(shard) : Shard.fromEnvironment(System.getenv());
        List<String> classes = spec.findOption("--claim-class") == null ? List.of()
            : new ArrayList<>(spec.findOption("--claim-class").<List<String>>getValue());
        return new HuntOptions(profile, n, time == null ? 0 : seconds(time), seed, digits, List.of(),
            HuntOptions.Search.parse(strategy), withOptimizer, classes, batch, s);
    }

    /** Seconds of a duration "90", "90s", "10m", "2h". */
    static long seconds(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new InputException("--time = " + text + ": expected a positive duration such as 90s, 10m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n;
        };
    }

    /** The catalogue followed by the user claims, restricted to --claims (by id, in that order of the catalogue). */
    Catalogue catalogue(List<Claim> user) {
        Catalogue every = Catalogue.all().plus(user);
        if (claims == null) {
            return every;
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.stream(claims.split(",", -1)).map(String::trim).toList());
        for (String id : wanted) {
            if (!every.ids().contains(id)) {
                throw new InputException("--claims = " + claims + ": unknown claim id '" + id + "': expected some of "
                    + String.join(", ", every.ids()));
            }
        }
        return Catalogue.ofClaims(every.claims().stream().filter(c -> wanted.contains(c.id())).toList());
    }

    /** The profile names, for the help text. */
    static final class ProfileNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ProfileNames() {
            super(Draw.names());
        }
    }
}
