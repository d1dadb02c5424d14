package org.ncverify.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.Sample;

/**
 * The hunt engine (issue 10). The shard's indices j_0 &lt; j_1 &lt; ... are processed in batches of
 * B ({@link HuntOptions#batch()}); within a batch the instances are drawn by the strategy from
 * the pool as it stood after every earlier batch, judged in parallel ({@link Judge#closedForm},
 * then {@link FindingAnalyzer#analyze}, and with the optimizer {@link OptimizerJudge} where it
 * fits), then recorded in index order: the findings first (a finding record when new by
 * {@link Finding#key()}, a repeat record when not), then the batch record, which commits the
 * batch. So the journal is a function of the options alone, whatever the threads' timing, and
 * a resumed hunt ({@link #resume}) continues exactly where the committed records end.
 *
 * <p>A stop request (Ctrl-C) abandons the batch in flight; the summary record is written with
 * stop {@value HuntSummary#INTERRUPTED} and the journal closed. An instance whose judgement
 * throws is recorded with its error (and counted in the summary), never skipped silently.
 */
public final class Hunt {
    /** The tool and its version: recorded in every journal header (resume and merge refuse another), and ncverify --version (cli.Main). */
    public static final String TOOL = "ncverify 0.1.0";

    private final HuntOptions options;
    private final Catalogue catalogue;
    private final Strategy strategy;
    private final Analysis analyzer;
    private final int threads;

    /** A hunt with {@code options} over {@code catalogue} (user claims included), judging on {@code threads} threads. */
    public Hunt(HuntOptions options, Catalogue catalogue, int threads) {
        this(options, catalogue, threads, new FindingAnalyzer(catalogue, options.digits(), options.seed())::analyze);
    }

    /** The same with another analysis of the verdicts (tests of the engine's bookkeeping). */
    Hunt(HuntOptions options, Catalogue catalogue, int threads, Analysis analyzer) {
        if (threads < 1) {
            throw new InputException("--threads = " + threads + ": must be >= 1");
        }
        this.options = options;
        this.catalogue = catalogue;
        this.strategy = options.newStrategy();
        this.analyzer = analyzer;
        this.threads = threads;
    }

    /** The header record of this hunt. */
    public JsonNode header() {
        return Records.header(TOOL, options);
    }

    /**
     * The state after the committed records of {@code file}, checked against these options: the
     * same tool, the same options ({@link HuntOptions#difference}) and the same shard, and
     * batches holding the shard's indices in order from its first. Anything else is bad input
     * naming the file and the first difference.
     */
    public static HuntState resume(JournalFile file, HuntOptions options) {
        String where = "--resume = " + file.path() + ": ";
        if (!TOOL.equals(file.tool())) {
            throw new InputException(where + "written by " + file.tool() + ", this is " + TOOL + ": start a new hunt");
        }
        String diff = options.difference(file.options());
        if (diff != null) {
            throw new InputException(where + "not this hunt: " + diff);
        }
        if (!file.shard().equals(options.shard())) {
            throw new InputException(where + "not this hunt: shard " + file.shard() + " in the journal, " + options.shard() + " here");
        }
        long k = 0;
        for (JsonNode b : file.batches()) {
            for (JsonNode i : b.path("instances")) {
                long expected = options.shard().global(k++);
                if (i.path("index").asLong(-1) != expected) {
                    throw new InputException(where + "instance index " + i.path("index") + " where " + expected
                        + " was expected: not a journal this engine wrote");
                }
            }
        }
        return HuntState.replay(file.committed());
    }

    /**
     * Runs the hunt from {@code state} (a new {@link HuntState} or {@link #resume}'s), appending to
     * {@code journal} (which it closes), telling {@code listener} after every batch, until the count
     * or the time budget is reached or {@code stop} says so.
     */
    public HuntSummary run(Journal journal, HuntState state, HuntListener listener, BooleanSupplier stop) {
        Shard shard = options.shard();
        long total = options.timed() ? -1 : shard.sizeOf(options.count());
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.timeSeconds());
        long k = state.instances();
        long now = 0;
        String reason = options.timed() ? HuntSummary.TIME : HuntSummary.COUNT;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hunt-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            while (options.timed() ? System.nanoTime() < deadline : k < total) {
                if (stop.getAsBoolean()) {
                    reason = HuntSummary.INTERRUPTED;
                    break;
                }
                long t0 = System.nanoTime();
                int size = (int) (options.timed() ? options.batch() : Math.min(options.batch(), total - k));
                List<Judged> judged = judgeBatch(pool, shard, k, size, state.pool(), stop);
                if (judged == null) {
                    reason = HuntSummary.INTERRUPTED;
                    break;
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                commit(journal, state, judged, seconds);
                k += size;
                now += size;
                listener.batch(new Progress(k, total, now, (System.nanoTime() - start) / 1e9, state.distinctFindings(),
                    state.failsByClaim()));
            }
            HuntSummary summary = state.summary(reason, state.seconds());
            journal.append(Records.summary(summary));
            return summary;
        } finally {
            pool.shutdownNow();
            journal.close();
        }
    }

    /** Records a judged batch: findings (new or repeated) in index order, then the batch record. */
    private static void commit(Journal journal, HuntState state, List<Judged> judged, double seconds) {
        List<JsonNode> instances = new ArrayList<>();
        for (Judged j : judged) {
            for (Finding f : j.findings()) {
                journal.append(state.occurrence(f) ? Records.finding(f) : Records.repeat(f.key(), j.record().index()));
            }
            state.accept(j.record());
            instances.add(Records.instance(j.record()));
        }
        state.addSeconds(seconds);
        journal.append(Records.batch(instances, seconds));
    }

    /** The batch of local positions k..k+size-1, judged in parallel, in index order; null when stopped first. */
    private List<Judged> judgeBatch(ExecutorService exec, Shard shard, long k, int size, Pool seen, BooleanSupplier stop) {
        List<Future<Judged>> futures = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long index = shard.global(k + i);
            futures.add(exec.submit(() -> judge(index, seen)));
        }
        List<Judged> out = new ArrayList<>();
        for (Future<Judged> f : futures) {
            while (true) {
                if (stop.getAsBoolean()) {
                    futures.forEach(x -> x.cancel(true));
                    return null;
                }
                try {
                    out.add(f.get(50, TimeUnit.MILLISECONDS));
                    break;
                } catch (TimeoutException e) {
                    // poll the stop request again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(x -> x.cancel(true));
                    return null;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
                }
            }
        }
        return out;
    }

    /** One instance: drawn, judged on its closed form, analysed; a judgement that throws is recorded as an error. */
    Judged judge(long index, Pool seen) {
        Sample s = strategy.draw(index, seen);
        Instance x = s.instance();
        String profile = Draw.name(s.profile());
        Long seed = s.seed().isPresent() ? s.seed().getAsLong() : null;
        try {
            List<Verdict> verdicts = Judge.closedForm(x, catalogue, options.digits());
            List<Finding> findings = new ArrayList<>(analyzer.analyze(index, x, verdicts));
            Map<String, String> optimizer = new LinkedHashMap<>();
            if (options.withOptimizer() && OptimizerJudge.fits(x)) {
                OptimizerJudge.Outcome o = OptimizerJudge.judge(x, catalogue, options.digits(), options.seed(), index);
                findings.addAll(o.findings());
                o.verdicts().forEach(v -> optimizer.put(v.claimId(), v.status().name()));
            }
            Map<String, String> statuses = new LinkedHashMap<>();
            String worst = null;
            double margin = Double.NEGATIVE_INFINITY;
            for (Verdict v : verdicts) {
                statuses.put(v.claimId(), v.status().name());
                double m = Margin.score(v);
                if (worst == null || m > margin) {
                    worst = v.claimId();
                    margin = m;
                }
            }
            return new Judged(new InstanceRecord(index, profile, seed, s.note(), x, worst, margin, statuses, optimizer,
                null), findings);
        } catch (RuntimeException e) {
            String msg = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new Judged(new InstanceRecord(index, profile, seed, s.note(), x, null, Double.NaN, Map.of(), Map.of(),
                msg), List.of());
        }
    }

    /** What {@link FindingAnalyzer#analyze} does: the findings of one judged instance (thread-safe, deterministic). */
    @FunctionalInterface
    interface Analysis {
        List<Finding> analyze(long index, Instance instance, List<Verdict> verdicts);
    }

    /** An instance's record and its findings, before they are committed. */
    record Judged(InstanceRecord record, List<Finding> findings) {
    }
}
