package org.ncverify.claims;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.Precision;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;
import org.ncverify.optim.FullObjective;

/**
 * C13, independent optimality: no run of an independent optimizer on the full f (all N
 * samples, all layers, random starts) reaches a value below f* (minus its tolerance), and its
 * best run matches f*.
 *
 * <p>Hypothesis: the subject carries optimizer runs ({@link Subject#optimizerRuns()}) and its
 * candidate is the end point of the best run ({@link Subject#bestRun()}: the run the multi-start
 * chose, a GLOBAL run with an admissible direction count first; the lowest final value when the
 * subject names none); otherwise NOT_APPLICABLE.
 * Three parts, every one must pass (the verdict's reading names the first that fails, or the
 * second when all pass; its detail lists all three with residual and tolerance):
 * <ol>
 * <li><b>no run below f*</b>: residual max_r max(0, f* - f_r) / f*, with f_r the run's final
 *     value computed in double; tolerance max_r B_r / f* + 10^-(P-10), B_r the run's rounding
 *     bound ({@link org.ncverify.optim.FullObjective#valueErrorBound}). A run below this
 *     would be a point with f &lt; f*, refuting the theorem (or C3's formula);</li>
 * <li><b>best run matches f*</b>: residual |f(x_best) - f*| / f* with f(x_best) evaluated at
 *     precision P from the candidate's exact binary entries; tolerance {@link Subject#valueTolerance()}
 *     (for an optimizer subject the second-order rule 100 ||grad f||^2 / (2 mu f*) + 10^-(P-10));</li>
 * <li><b>candidate is the best run's end point</b>: |f(x_best) - f_best| &lt;= B_best + 10^-(P-10) f*,
 *     f_best the best run's double value.</li>
 * </ol>
 * A NaN or infinite run value is FAIL. C13 FAILs only when part 1 or part 3 fails (a run below
 * f*: a refutation; or an inconsistent candidate). Otherwise it is INCONCLUSIVE when no run is
 * classified GLOBAL (no run reached the global minimizer, so "best run matches f*" has nothing to
 * match) or when the subject's distance to the minimizer set cannot be bounded ({@link
 * Subject#inconclusiveReason()}, e.g. the best run is a stationary point above f* by more than a
 * second-order gap), and PASS when part 2 passes as well.
 */
public final class C13IndependentOptimality extends AbstractClaim {
    static final String NO_RUN_BELOW = "no run below f*";
    static final String BEST_MATCHES = "best run matches f*";
    static final String CANDIDATE_IS_BEST = "candidate is the best run's end point";

    public C13IndependentOptimality() {
        super("C13", "Independent optimality: no run of an independent optimizer on the full f reaches a value below f*"
                + " (minus its tolerance), and its best run matches f*",
            "the subject carries the runs of an independent optimizer and its candidate is the best run's end point");
    }

    /** C13 qualifies its own verdict: a run below f* is a refutation whatever the best point's state. */
    @Override
    public boolean judgesCandidate() {
        return false;
    }

    @Override
    public Verdict check(Subject subject) {
        List<RunSummary> runs = subject.optimizerRuns();
        if (runs.isEmpty()) {
            return Verdict.notApplicable(id(), "no optimizer runs (the candidate is not an optimizer's point)");
        }
        for (RunSummary r : runs) {
            if (!Double.isFinite(r.value()) || !Double.isFinite(r.valueErrorBound())) {
                return Verdict.nonFinite(id(), "run " + r.start() + " ended at f = " + r.value());
            }
        }
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat fStar = subject.reference().objective();
        Apfloat rounding = Tolerance.fromDigits(p.digits(), 10).value();
        Apfloat below = Apfloat.ZERO;
        Apfloat bound = Apfloat.ZERO;
        RunSummary lowestRun = runs.get(0);
        int lowest = runs.get(0).start();
        for (RunSummary r : runs) {
            Apfloat fr = p.ofBinary(r.value());
            Apfloat gap = h.subtract(fStar, fr);
            if (gap.compareTo(below) > 0) {
                below = gap;
                lowest = r.start();
            }
            Apfloat b = p.ofBinary(r.valueErrorBound());
            bound = b.compareTo(bound) > 0 ? b : bound;
            if (r.value() < lowestRun.value()) {
                lowestRun = r;
            }
        }
        // the candidate is the end point of the run the multi-start chose (a GLOBAL run with an
        // admissible direction count before a merely lower one); without that choice, the lowest
        RunSummary best = subject.bestRun() != null ? subject.bestRun() : lowestRun;
        List<Reading> readings = new ArrayList<>();
        Reading noneBelow = Reading.judge(NO_RUN_BELOW, h.divide(below, fStar),
            Tolerance.of(h.add(h.divide(bound, fStar), rounding),
                "largest rounding bound of a run's double value / f* + 10^-(P-10)"),
            below.signum() == 0 ? runs.size() + " run(s), none below f*"
                : "run " + lowest + " is lowest, below f* by " + Precision.formatScientific(below, 3));
        readings.add(noneBelow);
        Apfloat fBest = subject.evaluation().value();
        Apfloat gapBest = relative(fBest, fStar, Apfloat.ZERO, p);
        Reading matches = Reading.judge(BEST_MATCHES, gapBest, subject.valueTolerance(),
            "run " + best.start() + ": f(x_best) = " + Precision.format(fBest, 20) + ", f* = " + Precision.format(fStar, 20));
        readings.add(matches);
        Apfloat mismatch = ApfloatMath.abs(h.subtract(fBest, p.ofBinary(best.value())));
        Reading same = Reading.judge(CANDIDATE_IS_BEST, h.divide(mismatch, fStar),
            Tolerance.of(h.add(h.divide(p.ofBinary(best.valueErrorBound()), fStar), rounding),
                "rounding bound of the best run's double value / f* + 10^-(P-10)"),
            "|f(candidate) - f_best(double)| = " + Precision.formatScientific(mismatch, 3));
        readings.add(same);
        Reading worst = null;
        StringBuilder detail = new StringBuilder();
        for (Reading r : readings) {
            if (worst == null && r.status() == Status.FAIL) {
                worst = r;
            }
            detail.append(detail.length() == 0 ? "" : "; ").append(r);
        }
        // the three parts travel in the detail: Verdict readings are reserved for C5-C7's readings
        if (noneBelow.status() == Status.FAIL || same.status() == Status.FAIL) {
            Reading failed = noneBelow.status() == Status.FAIL ? noneBelow : same;
            return Verdict.fail(id(), failed.residual(), failed.tolerance(), failed.name(), detail.toString());
        }
        long global = runs.stream().filter(r -> r.classification() == StartClass.GLOBAL).count();
        String why = subject.inconclusiveReason();
        if (global == 0) {
            return Verdict.inconclusive(id(), matches.residual(), matches.tolerance(), BEST_MATCHES,
                "no run reached the global minimizer (no run classified GLOBAL; the best, run " + best.start() + ", is "
                    + best.classification() + " with " + best.directions() + " direction(s))"
                    + (why == null ? "" : "; " + why) + " (measured: " + detail + ")");
        }
        if (why != null || worst != null) {
            return Verdict.inconclusive(id(), matches.residual(), matches.tolerance(), BEST_MATCHES,
                (why != null ? why : "the best run does not match f* to its second-order tolerance, and no run is"
                    + " below f*: no run is shown to reach the global minimizer") + " (measured: " + detail + ")");
        }
        return Verdict.judge(id(), matches.residual(), matches.tolerance(), BEST_MATCHES, runs.size()
            + " run(s): " + detail);
    }
}
