package org.ncverify.results;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apfloat.Apfloat;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.runs.CountRange;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.runs.RunClassifier;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;
import org.ncverify.theory.ClosedForm;

/**
 * The result of {@code optimize}: every run of a seeded multi-start L-BFGS on the full objective
 * (SPEC section 1) classified against the closed form's f*, the counts per class, the best run
 * (lowest finite final value) and the claims' verdicts on its point (tolerances from its
 * gradient norm; C13 judges the runs), and optionally the high-precision polish of the best run.
 * Immutable.
 *
 * @param instance            the instance
 * @param precision           P, at which the claims judge the best point and the polish works
 * @param objective           f* of the closed form
 * @param survivingDirections the theory's number of i with p*(s_i) &gt; 0
 * @param variables           sum_l d_l d_{l-1} + d N + K, the size of the full objective
 * @param globalGap           the relative gap below which a run counts as GLOBAL
 * @param runs                every run, in start order
 * @param counts              runs per class, every class present, in enum order
 * @param globalFraction      the fraction of runs classified GLOBAL (value and an admissible direction count)
 * @param admissibleCounts    the direction counts a global minimizer may have (several at s_crit)
 * @param bestIndex           the best run's index, -1 when no run ended at a finite value
 * @param verdicts            the claims' verdicts on the best run (empty without a best run)
 * @param claimSeconds        wall time of the judgement of the best run
 * @param polish              the polish of the best run, when asked for and there is a best run
 */
public record OptimizeResult(Instance instance, Precision precision, Apfloat objective, int survivingDirections,
                             long variables, double globalGap, List<RunSummary> runs, Map<StartClass, Integer> counts,
                             double globalFraction, CountRange admissibleCounts, int bestIndex, List<Verdict> verdicts, double claimSeconds,
                             Optional<PolishSummary> polish) implements Result {
    public OptimizeResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(polish, "polish");
        Objects.requireNonNull(admissibleCounts, "admissibleCounts");
        runs = List.copyOf(runs);
        counts = Map.copyOf(counts);
        verdicts = List.copyOf(verdicts);
        if (bestIndex >= runs.size()) {
            throw new IllegalArgumentException("best run " + bestIndex + " of " + runs.size());
        }
    }

    /**
     * Runs {@code settings.starts()} seeded L-BFGS starts on the full objective of
     * {@code instance}, judges the best run by {@code catalogue} at {@code precision} and, when
     * asked, polishes it and judges the polished point by the same catalogue.
     */
    public static OptimizeResult compute(Instance instance, Precision precision, OptimizeSettings settings,
                                         Catalogue catalogue) {
        ClosedForm cf = ClosedForm.of(instance, precision);
        MultiStartResult ms = new MultiStart(settings.starts(), settings.seed(), settings.scales(),
            LbfgsOptions.defaults(settings.maxIterations())).run(cf);
        long t0 = System.nanoTime();
        List<Verdict> verdicts = ms.best() == null ? List.of()
            : catalogue.run(Subject.ofOptimizer(cf, ms));
        double claimSeconds = (System.nanoTime() - t0) / 1e9;
        Optional<PolishSummary> polished = settings.polish() && ms.best() != null
            ? Optional.of(PolishSummary.compute(cf, ms.bestPoint(precision), catalogue)) : Optional.empty();
        if (polished.isPresent()) {
            verdicts = Catalogue.reconcile(verdicts, polished.get().verdicts());
        }
        return new OptimizeResult(instance, precision, cf.objective(), cf.survivingDirections(), variables(instance),
            RunClassifier.GLOBAL_GAP, ms.runs(), ms.counts(), ms.globalFraction(), ms.admissibleCounts(), ms.bestIndex(), verdicts,
            claimSeconds, polished);
    }

    /** sum_l d_l d_{l-1} + d N + K: the number of variables of the full objective, in long arithmetic. */
    public static long variables(Instance inst) {
        long v = (long) inst.dim() * inst.total() + inst.classes();
        for (int l = 1; l <= inst.depth(); l++) {
            v += (long) inst.layerDim(l) * inst.layerDim(l - 1);
        }
        return v;
    }

    /** The counts per class in enum order (every class present, zero counts included). */
    @Override
    public Map<StartClass, Integer> counts() {
        Map<StartClass, Integer> m = new EnumMap<>(StartClass.class);
        for (StartClass c : StartClass.values()) {
            m.put(c, counts.getOrDefault(c, 0));
        }
        return m;
    }

    /** The best run, or null when no run ended at a finite value. */
    public boolean bestIsGlobal() {
        RunSummary b = best();
        return b != null && b.classification() == StartClass.GLOBAL;
    }

    /** The best run, or null when no run ended at a finite value. */
    public RunSummary best() {
        return bestIndex < 0 ? null : runs.get(bestIndex);
    }

    @Override
    public String render(Renderer renderer) {
        return renderer.optimize(this);
    }

    @Override
    public boolean failed() {
        return Verdicts.anyFail(verdicts) || polish.map(p -> Verdicts.anyFail(p.verdicts())).orElse(false);
    }

    /** No run ended at a finite value (nothing was measured), or some verdict (of the best run or the polish) is INCONCLUSIVE. */
    @Override
    public boolean inconclusive() {
        return bestIndex < 0 || Verdicts.anyInconclusive(verdicts)
            || polish.map(p -> Verdicts.anyInconclusive(p.verdicts())).orElse(false);
    }
}
