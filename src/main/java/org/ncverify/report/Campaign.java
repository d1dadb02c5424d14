package org.ncverify.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Verdict;
import org.ncverify.hunt.Judge;
import org.ncverify.instance.Instance;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;
import org.ncverify.sampling.InstanceSampler;
import org.ncverify.sampling.Profile;
import org.ncverify.sampling.Sample;
import org.ncverify.theory.ClosedForm;

/**
 * A report campaign: named cases and a seeded property sample, each judged by every claim of
 * the catalogue on its closed form at {@code digits} through {@link Judge} (what
 * {@code ncverify verify} does); the independent optimizer on small cases ({@link OptimizerCase},
 * what {@code ncverify optimize} does: every start classified, the best run judged by every
 * claim, C13 from the runs); short seeded hunts ({@link HuntStep}) whose findings head the page;
 * then the plot data. {@link #quick} is the one-minute campaign of {@code ncverify report --quick};
 * {@link #defaultCampaign} is what {@code ncverify report} runs with no input.
 *
 * @param named     the named cases
 * @param seeds     the sampler seeds (each profile is sampled at every seed)
 * @param digits    significant digits of every judgement
 * @param longTail  index in {@code named} of the long-tail case the spectrum and scalar-law plots show
 * @param optimizer the optimizer steps, page order
 * @param hunts     the hunts
 */
public record Campaign(List<NamedCase> named, List<Long> seeds, int digits, int longTail, List<OptimizerCase> optimizer,
                       List<HuntStep> hunts) {
    /** Starts of each optimizer case of the default campaign. */
    public static final int DEFAULT_STARTS = 8;
    /** L-BFGS budget per start of the default campaign (optimize's default). */
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;
    /** Instances of each hunt of the default campaign. */
    public static final long DEFAULT_HUNT_COUNT = 64;
    /** Samples per profile of the default campaign: 9 profiles x 32 = 288 instances. */
    public static final int DEFAULT_PER_PROFILE = 32;
    /** The hunt profiles of every campaign: ties and threshold. */
    public static final List<String> HUNT_PROFILES = List.of("true-ties", "near-threshold");

    public Campaign {
        named = List.copyOf(named);
        seeds = List.copyOf(seeds);
        optimizer = List.copyOf(optimizer);
        hunts = List.copyOf(hunts);
    }

    /** A campaign of named cases and a sample only (no optimizer, no hunt). */
    public Campaign(List<NamedCase> named, List<Long> seeds, int digits, int longTail) {
        this(named, seeds, digits, longTail, List.of(), List.of());
    }

    /**
     * The quick campaign at {@code digits} with {@code perProfile} samples of each profile from
     * {@code seed} on: balanced, ties, bottleneck, deep, a sampled near-threshold case,
     * CIFAR-10-LT rho = 10 and 100; the optimizer on "ties" with 2 starts of at most 2000
     * iterations; hunts of 2 instances on each of {@link #HUNT_PROFILES}.
     */
    public static Campaign quick(int digits, long seed, int perProfile) {
        List<NamedCase> small = DefaultCampaign.small();
        List<NamedCase> named = new ArrayList<>(small.subList(0, 4));
        Sample near = InstanceSampler.sample(Profile.NEAR_THRESHOLD, seed);
        named.add(new NamedCase("near-threshold (" + near.note() + ", seed " + seed + ")", near.instance()));
        named.add(NamedCase.cifar10Lt(10));
        named.add(NamedCase.cifar10Lt(100));
        return new Campaign(named, seeds(seed, perProfile), digits, named.size() - 1,
            DefaultCampaign.optimizer(small.subList(1, 2), 2, seed, 2000), hunts(2, seed));
    }

    /**
     * The default campaign ({@link DefaultCampaign}'s named cases; {@code perProfile} samples of
     * each of the 9 profiles, {@value #DEFAULT_PER_PROFILE} by default; {@value #DEFAULT_STARTS}
     * optimizer starts on each small case; hunts of {@code huntCount} instances on the ties and
     * threshold profiles), every seed from {@code seed}.
     */
    public static Campaign defaultCampaign(int digits, long seed, int perProfile, long huntCount) {
        List<NamedCase> named = DefaultCampaign.named();
        return new Campaign(named, seeds(seed, perProfile), digits, DefaultCampaign.longTail(),
            DefaultCampaign.optimizer(named.subList(0, DefaultCampaign.SMALL), DEFAULT_STARTS, seed, DEFAULT_MAX_ITERATIONS),
            hunts(huntCount, seed));
    }

    private static List<Long> seeds(long seed, int perProfile) {
        List<Long> seeds = new ArrayList<>();
        for (int j = 0; j < perProfile; j++) {
            seeds.add(seed + j);
        }
        return seeds;
    }

    private static List<HuntStep> hunts(long count, long seed) {
        return HUNT_PROFILES.stream().map(p -> new HuntStep(p, count, seed)).toList();
    }

    /** The number of steps {@link #run} reports: named cases, profiles sampled, optimizer cases, hunts, figures. */
    public int steps() {
        return named.size() + (seeds.isEmpty() ? 0 : Profile.values().length) + optimizer.size() + hunts.size() + 1;
    }

    /** {@link #run(Catalogue, String, String, String, CampaignProgress)} with one line per step ("[3/30] ..."). */
    public ReportData run(String toolVersion, String gitCommit, String command, Consumer<String> progress) {
        return run(Catalogue.all(), toolVersion, gitCommit, command,
            (done, total, step) -> progress.accept("[" + done + "/" + total + "] " + step));
    }

    /**
     * Runs the campaign judged by {@code catalogue}; {@code progress} is told after every step.
     * The caller gives the tool version, the git commit (null when unknown) and the command; the
     * date, machine and wall time (of the judgements and plot data, not of rendering) are measured here.
     */
    public ReportData run(Catalogue catalogue, String toolVersion, String gitCommit, String command,
                          CampaignProgress progress) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        int total = steps();
        int[] done = {0};
        Consumer<String> step = s -> progress.step(++done[0], total, s);
        List<CaseResult> cases = new ArrayList<>();
        for (NamedCase c : named) {
            cases.add(judge(c.label(), "named", null, c.instance(), catalogue));
            step.accept("named: " + c.label());
        }
        List<CaseResult> sample = new ArrayList<>();
        for (Profile p : seeds.isEmpty() ? new Profile[0] : Profile.values()) {
            for (long s : seeds) {
                Sample x = InstanceSampler.sample(p, s);
                sample.add(judge(p + " seed " + s, p.name(), s, x.instance(), catalogue));
            }
            step.accept("sample: " + p + " x " + seeds.size());
        }
        cases.addAll(sample);
        List<OptimizerFigure.Panel> panels = new ArrayList<>();
        for (OptimizerCase c : optimizer) {
            CampaignOptimizer.Outcome o = CampaignOptimizer.run(c, catalogue, digits);
            cases.add(o.result());
            panels.add(o.panel());
            step.accept("optimizer: " + c.label() + ", " + c.starts() + " starts (" + o.panel().classes() + ")");
        }
        List<HuntFindingRow> findings = new ArrayList<>();
        for (HuntStep h : hunts) {
            List<HuntFindingRow> rows = CampaignHunt.run(h, catalogue, digits, Runtime.getRuntime().availableProcessors());
            findings.addAll(rows);
            step.accept("hunt: " + h.profile() + ", " + h.count() + " instances, " + rows.size() + " finding(s)");
        }
        NamedCase lt = named.get(longTail);
        SpectrumPlot spectrum = SpectrumPlot.of(lt.label(), ClosedForm.of(lt.instance(), Precision.of(digits)).spectrum());
        ScalarLawPlot law = ScalarLawPlot.of(lt.label(), lt.instance());
        MarginDistribution margins = MarginDistribution.of(catalogue.ids(), sample);
        List<ClaimTally> summary = catalogue.ids().stream().map(id -> ClaimTally.of(id, cases)).toList();
        List<FigureData> figures = new ArrayList<>();
        if (!panels.isEmpty()) {
            figures.add(OptimizerFigure.of(panels, digits));
        }
        figures.addAll(TheoryFigures.of(this));
        step.accept("figures");
        double wall = (System.nanoTime() - t0) / 1e9;
        RunInfo run = new RunInfo(toolVersion, gitCommit, start.toString(), machine(), wall, digits, seeds, command);
        return new ReportData(run, summary, cases, spectrum, law, margins, figures, findings);
    }

    private CaseResult judge(String label, String group, Long seed, Instance instance, Catalogue catalogue) {
        long t = System.nanoTime();
        List<Verdict> verdicts = Judge.closedForm(instance, catalogue, digits);
        double sec = (System.nanoTime() - t) / 1e9;
        return new CaseResult(label, group, seed, InstanceJson.write(instance),
            "ncverify verify " + instance.describe() + " --digits " + digits,
            verdicts.stream().map(VerdictRow::of).toList(), sec);
    }

    /** os name/arch, available processors, JVM version. */
    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
            + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
