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
 * {@link Catalogue#all()} on its closed form at {@code digits} through {@link Judge} (what
 * {@code ncverify verify} does), then the plot data. {@link #quick} is the one-minute
 * campaign of {@code ncverify report --quick}: balanced, ties, bottleneck, deep,
 * near-threshold, CIFAR-10-LT rho = 10 and 100, and {@code perProfile} samples of every
 * {@link Profile} from seeds {@code seed, seed+1, ...}.
 *
 * @param named    the named cases
 * @param seeds    the sampler seeds
 * @param digits   significant digits of every judgement
 * @param longTail index in {@code named} of the long-tail case the spectrum and scalar-law plots show
 */
public record Campaign(List<NamedCase> named, List<Long> seeds, int digits, int longTail) {
    public Campaign {
        named = List.copyOf(named);
        seeds = List.copyOf(seeds);
    }

    /** The quick campaign at {@code digits} with {@code perProfile} samples of each profile from {@code seed} on. */
    public static Campaign quick(int digits, long seed, int perProfile) {
        List<NamedCase> named = new ArrayList<>();
        named.add(new NamedCase("balanced", NamedCase.of(new long[] {10, 10, 10, 10}, 6, 2, "1e-3")));
        named.add(new NamedCase("ties", NamedCase.of(new long[] {8, 8, 8, 3, 1}, 6, 2, "1e-3")));
        named.add(new NamedCase("bottleneck d < K-1", NamedCase.of(new long[] {10, 5, 3, 2, 1}, 3, 2, "1e-3")));
        named.add(new NamedCase("deep L=6", NamedCase.of(new long[] {10, 5, 3, 2}, 6, 6, "1e-3")));
        Sample near = InstanceSampler.sample(Profile.NEAR_THRESHOLD, seed);
        named.add(new NamedCase("near-threshold (" + near.note() + ", seed " + seed + ")", near.instance()));
        named.add(NamedCase.cifar10Lt(10));
        named.add(NamedCase.cifar10Lt(100));
        List<Long> seeds = new ArrayList<>();
        for (int j = 0; j < perProfile; j++) {
            seeds.add(seed + j);
        }
        return new Campaign(named, seeds, digits, named.size() - 1);
    }

    /**
     * Runs the campaign; {@code progress} receives one line per case. The caller gives the tool
     * version, the git commit (null when unknown) and the command; the date, machine and wall
     * time (of the judgements and plot data, not of rendering) are measured here.
     */
    public ReportData run(String toolVersion, String gitCommit, String command, Consumer<String> progress) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        Catalogue catalogue = Catalogue.all();
        List<CaseResult> cases = new ArrayList<>();
        int total = named.size() + seeds.size() * Profile.values().length;
        for (NamedCase c : named) {
            cases.add(judge(c.label(), "named", null, c.instance(), catalogue));
            progress.accept("[" + cases.size() + "/" + total + "] " + c.label());
        }
        List<CaseResult> sample = new ArrayList<>();
        for (Profile p : Profile.values()) {
            for (long s : seeds) {
                Sample x = InstanceSampler.sample(p, s);
                sample.add(judge(p + " seed " + s, p.name(), s, x.instance(), catalogue));
                progress.accept("[" + (cases.size() + sample.size()) + "/" + total + "] " + p + " seed " + s);
            }
        }
        cases.addAll(sample);
        NamedCase lt = named.get(longTail);
        SpectrumPlot spectrum = SpectrumPlot.of(lt.label(), ClosedForm.of(lt.instance(), Precision.of(digits)).spectrum());
        ScalarLawPlot law = ScalarLawPlot.of(lt.label(), lt.instance());
        MarginDistribution margins = MarginDistribution.of(catalogue.ids(), sample);
        List<ClaimTally> summary = catalogue.ids().stream().map(id -> ClaimTally.of(id, cases)).toList();
        List<FigureData> figures = new ArrayList<>(TheoryFigures.of(this));
        double wall = (System.nanoTime() - t0) / 1e9;
        RunInfo run = new RunInfo(toolVersion, gitCommit, start.toString(), machine(), wall, digits, seeds, command);
        return new ReportData(run, summary, cases, spectrum, law, margins, figures, List.of());
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
