package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apfloat.Apfloat;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Objective;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.runs.RunClassifier;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;
import org.ncverify.theory.ClosedForm;

/**
 * {@code hunt --with-optimizer}: the independent optimizer of {@code ncverify optimize} on a
 * hunt's small instances, judged by C13 and C1-C11 on its best run (issue 10).
 *
 * <p><b>Which instances fit</b> ({@link #fits}): K &lt;= {@value #MAX_CLASSES}, N &lt;= {@value #MAX_TOTAL},
 * d and every hidden width &lt;= {@value #MAX_WIDTH}, L &lt;= {@value #MAX_DEPTH}: so at most
 * 8 * 64 + 3 * 8 * 8 + 8 = 712 variables (sum_l d_l d_{l-1} + d N + K). Why: the optimizer works
 * on the full objective (every one of the N feature columns is a variable), so its cost grows
 * with d N and with the iterations an ill-conditioned start needs; {@value #STARTS} starts of up
 * to {@value #MAX_ITERATIONS} L-BFGS iterations stay within about a second on one core on such
 * instances (measured figures in the README), some tens of closed-form judgements, which a hunt
 * can afford on the fraction of instances that fit; and the judgement of the best run
 * estimates the curvature by Lanczos on Hessian-vector products, whose cost grows with the
 * variables too. The limits on L and the widths are those of the polish ({@code optimize --polish}),
 * so any finding can be refined by hand with the replay line plus {@code --polish}.
 *
 * <p><b>Seeds</b>: start i draws its point from seed + i with seed = {@link #startSeed}(huntSeed,
 * index), a SplitMix64 mix: the runs of instance j depend on (hunt seed, j) alone, and the
 * finding's replay line ({@code ncverify optimize ... --starts 4 --seed S --max-iterations M})
 * repeats them.
 *
 * <p><b>Verdicts</b>: every claim of the catalogue except C12 (the issue asks for C13 and C1-C11;
 * a user's claims are judged too) on {@link Subject#ofOptimizer(ClosedForm, MultiStartResult)},
 * exactly as {@code optimize} judges its best run. A C13 FAIL is kept only on a sound
 * measurement: some run whose double value fell below f* is run again alone (deterministic) and its
 * end point is evaluated exactly (its binary doubles at 2P digits, against f* at 2P digits); when
 * no run is below f* by more than 10^-(2P-10) f* there, the FAIL came from double rounding beyond
 * the run's bound, and C13 becomes INCONCLUSIVE with a NUMERICAL finding. A FAIL of another claim
 * is re-judged at 2P digits: one that disappears, or one on a best run that is not GLOBAL, is
 * NUMERICAL; one that stays on a GLOBAL best run is FALSE_AS_STATED.
 *
 * <p><b>Landscape</b>: every start that stalled at a stationary point that is not a global
 * minimizer (class ORIGIN, PARTIAL, EXCESS or OTHER_STATIONARY) is a LANDSCAPE finding, one per
 * class and instance, listing its starts and their relative gaps (f - f*) / f*: about the
 * landscape, not a failure of C13. NOT_CONVERGED (budget) and UNRESOLVED (direction count not
 * decided) runs are not findings (nothing was observed about a stationary point); BELOW_OPTIMUM
 * is C13's.
 */
public final class OptimizerJudge {
    /** Largest K that fits. */
    public static final int MAX_CLASSES = 8;
    /** Largest N = sum n_k that fits. */
    public static final long MAX_TOTAL = 64;
    /** Largest d and hidden width that fit. */
    public static final int MAX_WIDTH = 8;
    /** Largest L that fits. */
    public static final int MAX_DEPTH = 3;
    /** Starts per instance. */
    public static final int STARTS = 4;
    /** L-BFGS iteration budget per start. */
    public static final int MAX_ITERATIONS = 3000;
    /** The claim the optimizer is not judged by (the issue lists C13 and C1-C11). */
    static final String EXCLUDED = "C12";
    private static final List<StartClass> STALLED = List.of(StartClass.ORIGIN, StartClass.PARTIAL, StartClass.EXCESS,
        StartClass.OTHER_STATIONARY);
    private static final long SALT = 0x6F70_7469_6D69_7A65L;

    private OptimizerJudge() {
    }

    /**
     * What the optimizer showed on one instance.
     *
     * @param verdicts the claims' verdicts on its best run (empty when no run ended at a finite value)
     * @param findings LANDSCAPE findings of stalled starts, and the findings of failing verdicts
     */
    public record Outcome(List<Verdict> verdicts, List<Finding> findings) {
        public Outcome {
            verdicts = List.copyOf(verdicts);
            findings = List.copyOf(findings);
        }
    }

    /** Whether {@code x} is small enough for the optimizer within a hunt's budget (see the class comment). */
    public static boolean fits(Instance x) {
        if (x.classes() > MAX_CLASSES || x.total() > MAX_TOTAL || x.depth() > MAX_DEPTH) {
            return false;
        }
        for (int l = 0; l < x.depth(); l++) {
            if (x.layerDim(l) > MAX_WIDTH) {
                return false;
            }
        }
        return true;
    }

    /** The first start's seed for instance {@code index} of a hunt seeded {@code huntSeed} (start i uses it + i). */
    public static long startSeed(long huntSeed, long index) {
        return TargetedStrategy.mix(TargetedStrategy.mix(huntSeed ^ SALT) ^ index);
    }

    /**
     * Runs {@value #STARTS} seeded starts on {@code x} and judges the best run by the claims of
     * {@code catalogue} other than C12 at {@code digits}.
     *
     * @throws IllegalArgumentException when {@code x} does not {@link #fits fit}
     */
    public static Outcome judge(Instance x, Catalogue catalogue, int digits, long huntSeed, long index) {
        if (!fits(x)) {
            throw new IllegalArgumentException("too large for the hunt's optimizer: " + x.describe());
        }
        List<Claim> judged = catalogue.claims().stream().filter(c -> !EXCLUDED.equals(c.id())).toList();
        long seed = startSeed(huntSeed, index);
        Precision p = Precision.of(digits);
        ClosedForm cf = ClosedForm.of(x, p);
        MultiStartResult ms = new MultiStart(STARTS, seed, new double[] {1.0}, LbfgsOptions.defaults(MAX_ITERATIONS)).run(cf);
        Context at = new Context(x, digits, huntSeed, index, seed);
        List<Finding> findings = new ArrayList<>(landscape(ms, at));
        if (ms.best() == null || judged.isEmpty()) {
            if (ms.best() == null) {
                findings.add(at.finding(FindingClass.NUMERICAL, "C13", null, null, null,
                    "no start ended at a finite value (" + STARTS + " starts)"));
            }
            return new Outcome(List.of(), findings);
        }
        List<Verdict> verdicts = new ArrayList<>(Catalogue.ofClaims(judged).run(Subject.ofOptimizer(cf, ms)));
        List<Verdict> twice = null;
        for (int k = 0; k < verdicts.size(); k++) {
            Verdict v = verdicts.get(k);
            if (v.status() != Status.FAIL) {
                continue;
            }
            if ("C13".equals(v.claimId())) {
                verdicts.set(k, confirmC13(v, cf, ms, at, findings));
                continue;
            }
            if (twice == null) {
                ClosedForm cf2 = ClosedForm.of(x, Precision.of(2 * digits));
                twice = Catalogue.ofClaims(judged).run(Subject.ofOptimizer(cf2, ms));
            }
            boolean stays = twice.get(k).status() == Status.FAIL;
            boolean global = ms.bestIsGlobal();
            FindingClass kind = stays && global ? FindingClass.FALSE_AS_STATED : FindingClass.NUMERICAL;
            findings.add(at.finding(kind, v.claimId(), v.reading(), v.residualText(), v.toleranceText(),
                "optimizer's best run (start " + ms.best().start() + ", " + ms.best().classification() + "): "
                    + (stays ? "still FAILs at " + 2 * digits + " digits" : "PASSes at " + 2 * digits + " digits")
                    + (global ? "" : "; the best run is not GLOBAL") + "; " + v.detail()));
        }
        return new Outcome(verdicts, findings);
    }

    /** C13's FAIL if a run's end point, evaluated exactly, is below f*; else INCONCLUSIVE with a NUMERICAL finding. */
    private static Verdict confirmC13(Verdict v, ClosedForm cf, MultiStartResult ms, Context at, List<Finding> findings) {
        Precision p2 = Precision.of(2 * at.digits());
        Apfloat fStar = ClosedForm.of(at.instance(), p2).objective();
        Apfloat margin = p2.helper().multiply(fStar, Tolerance.fromDigits(p2.digits(), 10).value());
        Apfloat limit = p2.helper().subtract(fStar, margin);
        for (RunSummary r : ms.runs()) {
            if (!(r.value() < cf.objective().doubleValue())) {
                continue;
            }
            MultiStartResult alone = new MultiStart(1, r.seed(), new double[] {r.initScale()},
                LbfgsOptions.defaults(MAX_ITERATIONS)).run(cf);
            if (alone.best() == null) {
                continue;
            }
            Apfloat f = Objective.value(at.instance(), alone.bestPoint(p2), p2);
            if (f.compareTo(limit) < 0) {
                findings.add(at.finding(FindingClass.FALSE_AS_STATED, "C13", v.reading(), v.residualText(),
                    v.toleranceText(), "start " + r.start() + " ends below f*: f(x) = " + Precision.format(f, 25)
                        + " evaluated exactly at " + p2.digits() + " digits, f* = " + Precision.format(fStar, 25)));
                return v;
            }
        }
        findings.add(at.finding(FindingClass.NUMERICAL, "C13", v.reading(), v.residualText(), v.toleranceText(),
            "C13 FAILed on double values, but no run's end point is below f* when evaluated exactly at " + p2.digits()
                + " digits: " + v.detail()));
        return Verdict.inconclusive(v.claimId(), v.residual(), v.tolerance(), v.reading(),
            "not confirmed: no run's end point is below f* when evaluated exactly at " + p2.digits() + " digits (the"
                + " double values were below by more than their rounding bound); measured: " + v.detail());
    }

    /** One LANDSCAPE finding per stalled class, with its starts and gaps. */
    private static List<Finding> landscape(MultiStartResult ms, Context at) {
        Map<StartClass, List<RunSummary>> byClass = new EnumMap<>(StartClass.class);
        for (RunSummary r : ms.runs()) {
            if (STALLED.contains(r.classification())) {
                byClass.computeIfAbsent(r.classification(), c -> new ArrayList<>()).add(r);
            }
        }
        List<Finding> out = new ArrayList<>();
        int theory = ms.reference().survivingDirections();
        for (Map.Entry<StartClass, List<RunSummary>> e : byClass.entrySet()) {
            StringBuilder d = new StringBuilder();
            double smallest = Double.POSITIVE_INFINITY;
            boolean nearDegenerate = false;
            for (RunSummary r : e.getValue()) {
                d.append(d.length() == 0 ? "" : "; ").append(String.format("start %d: gap %.3g, %d direction(s)",
                    r.start(), r.relativeGap(), r.directions()));
                smallest = Math.min(smallest, Math.abs(r.relativeGap()));
                nearDegenerate |= r.nearDegenerateLocalMinimum();
            }
            String detail = e.getValue().size() + " of " + ms.runs().size() + " starts stalled at " + e.getKey()
                + " (the theory keeps " + theory + " direction(s); relative gap (f - f*) / f*): " + d
                + (nearDegenerate ? "; a near-degenerate local minimum (gap below 1e-10)" : "");
            out.add(at.finding(FindingClass.LANDSCAPE, "C13", e.getKey().name(), String.format("%.3g", smallest),
                String.format("%.0e", RunClassifier.GLOBAL_GAP), detail));
        }
        return out;
    }

    /** Where a finding came from, and its replay line. */
    private record Context(Instance instance, int digits, long huntSeed, long index, long startSeed) {
        Context {
            Objects.requireNonNull(instance, "instance");
        }

        Finding finding(FindingClass kind, String claim, String reading, String residual, String tolerance, String detail) {
            String replay = "ncverify optimize " + instance.describe() + " --digits " + digits + " --starts " + STARTS
                + " --seed " + startSeed + " --max-iterations " + MAX_ITERATIONS + " --claims " + claim;
            return new Finding(kind, claim, reading, instance, instance, residual, tolerance, huntSeed, index, replay,
                detail, 1);
        }
    }
}
