package org.ncverify.claims;

import java.util.List;
import java.util.function.Function;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Evaluation;
import org.ncverify.model.Objective;
import org.ncverify.model.Point;
import org.ncverify.optim.LbfgsResult;
import org.ncverify.polish.PolishResult;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.FactoredMinimizer;

/**
 * What a claim judges: the instance, a candidate point carrying {@code digits} correct
 * significant digits, and the theory's reference answer (spectrum of Yhat, scalar law, f*)
 * computed from the instance alone. Shared derived quantities of the candidate (its
 * objective and gradient, the product W_L...W_1 X) are computed once, on first use.
 *
 * <p>An exact candidate (the closed form, a point carrying {@code digits} digits) gets the
 * tolerances 10^-(P - slack). An inexact one (an optimizer's double point, a polished point)
 * gets the curvature rule of {@link InexactRule}: tolerances from its distance to the minimizer
 * set, residual scales floored at the instance's unit, and INCONCLUSIVE verdicts (through
 * {@link #qualify}) when that distance cannot be bounded.
 */
public final class Subject {
    /** The digits a double carries (reported as an optimizer subject's digits). */
    static final int DOUBLE_DIGITS = 15;
    private final Instance instance;
    private final Point candidate;
    private final ClosedForm reference;
    private final int digits;
    private final List<RunSummary> runs;
    private final RunSummary bestRun;
    private final Function<Subject, InexactRule> inexactRule;
    private final boolean ownClosedForm;
    private volatile InexactRule inexact;
    private volatile Evaluation evaluation;
    private volatile ApMatrix product;
    private volatile ApMatrix classMeans;
    private volatile ApMatrix centredMeans;
    private volatile ApMatrix weightProduct;
    private volatile ApMatrix projectedWeights;
    private volatile ApMatrix projectedMeans;
    private volatile ApMatrix referenceProjection;
    private volatile FactoredGeometry factoredGeometry;

    private Subject(Instance instance, Point candidate, ClosedForm reference, int digits, List<RunSummary> runs,
                    RunSummary bestRun, Function<Subject, InexactRule> inexactRule) {
        this(instance, candidate, reference, digits, runs, bestRun, inexactRule, false);
    }

    private Subject(Instance instance, Point candidate, ClosedForm reference, int digits, List<RunSummary> runs,
                    RunSummary bestRun, Function<Subject, InexactRule> inexactRule, boolean ownClosedForm) {
        this.ownClosedForm = ownClosedForm;
        this.instance = instance;
        this.candidate = candidate;
        this.reference = reference;
        this.digits = digits;
        this.runs = List.copyOf(runs);
        this.bestRun = bestRun;
        this.inexactRule = inexactRule;
    }

    /**
     * @param digits correct significant digits the candidate carries (tolerances derive from it)
     */
    public static Subject of(ClosedForm reference, Point candidate, int digits) {
        if (!reference.instance().equals(candidate.instance())) {
            throw new IllegalArgumentException("candidate and reference belong to different instances");
        }
        return new Subject(reference.instance(), candidate, reference, digits, List.of(), null, null);
    }

    /**
     * The end point of an independent optimizer's best run (a double point converted exactly and
     * judged at the reference's precision), with the summaries of all its runs (claim C13).
     * Tolerances follow {@link InexactRule} (proofs-notes/optimizer-tolerances.md): not converged
     * when the best run (lowest final value) stopped on its budget or on a non-finite value; not
     * the global minimizer when its class is neither GLOBAL nor BELOW_OPTIMUM (a point below f* is
     * judged: it would refute the theorem).
     *
     * @param runs every run of the optimizer, in start order (at least one)
     */
    public static Subject ofOptimizer(ClosedForm reference, Point candidate, List<RunSummary> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("an optimizer subject needs at least one run");
        }
        RunSummary best = runs.get(0);
        for (RunSummary r : runs) {
            best = r.value() < best.value() ? r : best;
        }
        return ofOptimizer(reference, candidate, runs, best);
    }

    /**
     * The best run of a multi-start as {@link MultiStartResult#best()} chose it (a GLOBAL run
     * with the closed form's direction count when there is one, then any GLOBAL run, then the
     * lowest value), its end point converted exactly, with all the runs (claim C13).
     */
    public static Subject ofOptimizer(ClosedForm reference, MultiStartResult result) {
        if (result.best() == null) {
            throw new IllegalArgumentException("no run ended at a finite value");
        }
        return ofOptimizer(reference, result.bestPoint(reference.precision()), result.runs(), result.best());
    }

    /**
     * The end point {@code candidate} of the run {@code best} (one of {@code runs}), judged as in
     * {@link #ofOptimizer(ClosedForm, Point, List)}.
     */
    public static Subject ofOptimizer(ClosedForm reference, Point candidate, List<RunSummary> runs, RunSummary best) {
        if (!reference.instance().equals(candidate.instance())) {
            throw new IllegalArgumentException("candidate and reference belong to different instances");
        }
        if (runs == null || runs.isEmpty() || !runs.contains(best)) {
            throw new IllegalArgumentException("an optimizer subject needs at least one run, the best among them");
        }
        RunSummary b = best;
        LbfgsResult.Stop stop = b.stop();
        boolean stopped = stop == LbfgsResult.Stop.MAX_ITERATIONS || stop == LbfgsResult.Stop.MAX_EVALUATIONS
            || stop == LbfgsResult.Stop.NON_FINITE || b.classification() == StartClass.NOT_CONVERGED;
        String stopReason = stopped ? String.format("the best run (start %d) stopped on %s after %d iterations at"
            + " ||grad f|| = %.2e", b.start(), stop, b.iterations(), b.gradientNorm()) : null;
        boolean global = b.classification() == StartClass.GLOBAL || b.classification() == StartClass.BELOW_OPTIMUM;
        String classReason = global || stopped ? null : String.format("the best run (start %d) is %s with %d surviving"
                + " direction(s), the theory keeps %d: it is not evidence about the global minimizer", b.start(),
            b.classification(), b.directions(), reference.survivingDirections());
        return new Subject(reference.instance(), candidate, reference, DOUBLE_DIGITS, runs, b,
            s -> new InexactRule(s, Apfloat.ZERO, stopReason, classReason));
    }

    /**
     * A point refined by {@link org.ncverify.polish.Polish#refine} (high precision but inexact):
     * tolerances follow {@link InexactRule} from the achieved gradient norm (never below the
     * polish's rounding floor) and the curvature there, not from a fixed number of digits; not
     * converged when the polish stopped on a budget.
     */
    public static Subject ofPolished(ClosedForm reference, PolishResult polished) {
        Point candidate = polished.point();
        if (!reference.instance().equals(candidate.instance())) {
            throw new IllegalArgumentException("candidate and reference belong to different instances");
        }
        PolishResult.Stop stop = polished.stop();
        boolean budget = stop == PolishResult.Stop.ITERATION_BUDGET || stop == PolishResult.Stop.PRODUCT_BUDGET;
        String stopReason = budget ? "the polish stopped on its " + stop + " after " + polished.iterations()
            + " Newton steps at ||grad f|| = " + Precision.formatScientific(polished.gradientNorm(), 3)
            : stop == PolishResult.Stop.DEGENERATE_LINEAR ? "near-degenerate curvature: the polish converged only"
                + " linearly (rate " + String.format("%.3g", polished.convergenceRate()) + ") and stopped with "
                + stop + " at ||grad f|| = " + Precision.formatScientific(polished.gradientNorm(), 3)
                + ", where ||grad f|| / curvature bounds no distance" : null;
        return new Subject(reference.instance(), candidate, reference, reference.precision().digits(), List.of(), null,
            s -> new InexactRule(s, polished.gradientFloor(), stopReason, null));
    }

    /**
     * A point produced outside the suite (a trained network's weights and features read from a
     * file, `ncverify check`): its entries are exact binary values judged at the reference's
     * precision, with tolerances from {@link InexactRule} at its own gradient norm (the rule of an
     * optimizer's point, floor 0: the gradient of exact entries is computed to P digits). Nothing
     * is known of how it was produced, so no stop or run-class reason applies; the rule's own gates
     * (near-degenerate curvature, outside the quadratic region, f above f* by more than the
     * second-order gap) make its verdicts INCONCLUSIVE where the distance cannot be bounded, except
     * that a first-order residual above what a global minimizer stored in the file's precision
     * meets ({@link InexactRule#roundingTolerance}) is a FAIL about the point ({@link #qualify}).
     *
     * @param unitRoundoff u of the file's floats: 2^-53 (float64) or 2^-24 (float32, or any array float32)
     * @param dtype        that precision as named to the user, e.g. "float64"
     */
    public static Subject ofExternal(ClosedForm reference, Point candidate, double unitRoundoff, String dtype) {
        if (!reference.instance().equals(candidate.instance())) {
            throw new IllegalArgumentException("candidate and reference belong to different instances");
        }
        if (!(unitRoundoff > 0 && unitRoundoff < 1)) {
            throw new IllegalArgumentException("unit roundoff " + unitRoundoff + " outside (0, 1)");
        }
        return new Subject(reference.instance(), candidate, reference, DOUBLE_DIGITS, List.of(), null,
            s -> new InexactRule(s, Apfloat.ZERO, null, null, unitRoundoff, dtype));
    }

    /**
     * The closed form judged as its own candidate. It is computed at the working precision
     * P + G, and every entry carries those digits (up to the slack each claim grants).
     */
    public static Subject ofClosedForm(ClosedForm reference) {
        return new Subject(reference.instance(), null, reference, (int) reference.precision().working(), List.of(), null,
            null, true);
    }

    /**
     * The candidate in factored form ({@link ClosedForm#factored()}: factor values and structured
     * singular pairs, no K x K or K x d matrix) when the subject is the closed form judged as its
     * own candidate in canonical frames ({@link #ofClosedForm}); null otherwise (an optimizer's or
     * a polished point, a hand-built wrong point, random frames), where claims use the dense point.
     */
    public FactoredMinimizer factored() {
        return ownClosedForm ? reference.factored() : null;
    }

    /**
     * The factored point's geometry ({@link FactoredGeometry#of}: factor values, frame bounds),
     * computed once and shared by C1, C2, C5-C7 and C9; only when {@link #factored()} is non-null.
     */
    FactoredGeometry factoredGeometry() {
        FactoredGeometry g = factoredGeometry;
        if (g == null) {
            g = FactoredGeometry.of(this);
            factoredGeometry = g;
        }
        return g;
    }

    public Instance instance() {
        return instance;
    }

    /** The candidate point; for {@link #ofClosedForm} the reference's dense point, built on first request. */
    public Point candidate() {
        return candidate != null ? candidate : reference.point();
    }

    public ClosedForm reference() {
        return reference;
    }

    /** Digits P the candidate carries. */
    public int digits() {
        return digits;
    }

    /**
     * The tolerance 10^-(P - slack) for a residual whose rounding costs {@code slack} digits
     * (see {@link Tolerance#fromDigits}). Every claim asks the subject, never builds its own, so
     * that a candidate of another accuracy (an optimizer's double point) can bring its own rule.
     */
    public Tolerance tolerance(int slack) {
        InexactRule r = rule();
        return r == null ? Tolerance.fromDigits(digits, slack) : r.tolerance(slack);
    }

    /**
     * The tolerance of a relative value gap |f(x) - f*| / f* (claims C3, C13): 10^-(P-10) for an
     * exact candidate; for an inexact one the second-order rule of {@link InexactRule} (the gap is
     * quadratic in the distance to the minimizer set).
     */
    public Tolerance valueTolerance() {
        InexactRule r = rule();
        return r == null ? tolerance(10) : r.valueTolerance();
    }

    /**
     * Why the candidate's distance to the minimizer set cannot be bounded (not converged,
     * near-degenerate curvature, not the global minimizer), or null when its tolerances are sound
     * (always null for an exact candidate).
     */
    public String inconclusiveReason() {
        InexactRule r = rule();
        return r == null ? null : r.reason();
    }

    /**
     * The floor of a residual's scale, in units of the instance (a feature column, a factor or
     * the targets e_k have unit size): 0 for an exact candidate, whose residuals are purely
     * relative (0 / 0 = 0 there), and 1 for an inexact one, whose tolerance bounds an absolute
     * distance, so that a scale about zero (the origin) is not divided by.
     */
    public Apfloat scaleFloor() {
        return inexactRule == null ? Apfloat.ZERO : Apfloat.ONE;
    }

    /** True when the candidate is judged by the curvature rule (an optimizer's or a polished point). */
    public boolean isInexact() {
        return inexactRule != null;
    }

    /**
     * The verdict as the evidence supports it: a PASS or a measured FAIL on a candidate whose
     * distance to the minimizer set cannot be bounded becomes a FAIL about the point when it is a
     * point from outside whose first-order residual exceeds what a global minimizer stored in its
     * file's precision meets ({@link InexactRule#roundingTolerance}), else INCONCLUSIVE with the reason (and
     * the measured residual, tolerance and readings, each reading INCONCLUSIVE too); a non-finite FAIL (no residual) stays FAIL.
     */
    public Verdict qualify(Verdict v) {
        String why = inconclusiveReason();
        if (why == null || v.residual() == null || (v.status() != Status.PASS && v.status() != Status.FAIL)) {
            return v;
        }
        InexactRule rule = rule();
        Tolerance rounded = rule.roundingTolerance(v.tolerance());
        if (rounded != null && !rounded.admits(v.residual())) {
            List<Reading> readings = v.readings().stream().map(r -> qualify(r, rule.roundingTolerance(r.tolerance())))
                .toList();
            return Verdict.fail(v.claimId(), v.residual(), rounded, v.reading(), "not a global minimizer stored in its"
                + " file's precision: the residual exceeds the rounded-minimizer tolerance (the curvature rule bounds no"
                + " distance here: " + why + "; measured " + v.status() + " against " + v.toleranceText() + ": "
                + v.detail() + ")").withReadings(readings);
        }
        List<Reading> readings = v.readings().stream().map(r -> qualify(r, null)).toList();
        return Verdict.inconclusive(v.claimId(), v.residual(), v.tolerance(), v.reading(),
            why + " (measured " + v.status() + ": " + v.detail() + ")").withReadings(readings);
    }

    /** A reading under an inconclusive rule: FAIL above {@code rounded} (when given), else INCONCLUSIVE with what it measured. */
    private static Reading qualify(Reading r, Tolerance rounded) {
        if (r.status() != Status.PASS && r.status() != Status.FAIL) {
            return r;
        }
        if (rounded != null && r.residual() != null && !rounded.admits(r.residual())) {
            return new Reading(r.name(), Status.FAIL, r.residual(), rounded, "above the rounded-minimizer tolerance: "
                + r.note());
        }
        return new Reading(r.name(), Status.INCONCLUSIVE, r.residual(), r.tolerance(), "measured " + r.status() + ": "
            + r.note());
    }

    private InexactRule rule() {
        if (inexactRule == null) {
            return null;
        }
        InexactRule r = inexact;
        if (r == null) {
            r = inexactRule.apply(this);
            inexact = r;
        }
        return r;
    }

    /**
     * The runs of the independent optimizer that produced the candidate (immutable, start
     * order); empty when the candidate did not come from an optimizer (e.g. the closed form).
     */
    public List<RunSummary> optimizerRuns() {
        return runs;
    }

    /**
     * The run whose end point the candidate is (one of {@link #optimizerRuns()}), or null when the
     * candidate did not come from an optimizer.
     */
    public RunSummary bestRun() {
        return bestRun;
    }

    /** The precision at which the checks compute. */
    public Precision precision() {
        return reference.precision();
    }

    /** f and its gradient at the candidate, from the definition. */
    public Evaluation evaluation() {
        Evaluation e = evaluation;
        if (e == null) {
            e = Objective.evaluate(instance, candidate(), precision());
            evaluation = e;
        }
        return e;
    }

    /**
     * M = [m_1 .. m_K], the candidate's class means (d x K; m_k the mean of all n_k samples of
     * class k, each stored column counted with its multiplicity), computed at {@link #precision()}.
     */
    public ApMatrix classMeans() {
        ApMatrix m = classMeans;
        if (m == null) {
            m = candidate().classMeans(precision());
            classMeans = m;
        }
        return m;
    }

    /** X = Mbar D, the centred, size-weighted class means (d x K). */
    public ApMatrix centredMeans() {
        ApMatrix x = centredMeans;
        if (x == null) {
            x = Point.centredMeans(instance, classMeans(), precision());
            centredMeans = x;
        }
        return x;
    }

    /** W_L ... W_1 (K x d). */
    public ApMatrix weightProduct() {
        ApMatrix w = weightProduct;
        if (w == null) {
            w = candidate().weightProduct(precision());
            weightProduct = w;
        }
        return w;
    }

    /** P = W_L ... W_1 X (K x K). */
    public ApMatrix product() {
        ApMatrix p = product;
        if (p == null) {
            p = weightProduct().multiply(centredMeans());
            product = p;
        }
        return p;
    }

    /** U^T W_L...W_1 (K x d), U = the reference's left singular vectors of Yhat (claims C5, C7). */
    public ApMatrix projectedWeights() {
        ApMatrix m = projectedWeights;
        if (m == null) {
            m = reference.spectrum().left().transpose().multiply(weightProduct());
            projectedWeights = m;
        }
        return m;
    }

    /** X V = Mbar D V (d x K), V = the reference's right singular vectors of Yhat (claims C6, C7). */
    public ApMatrix projectedMeans() {
        ApMatrix m = projectedMeans;
        if (m == null) {
            m = centredMeans().multiply(reference.spectrum().right());
            projectedMeans = m;
        }
        return m;
    }

    /**
     * B = U^T P V, U, V the reference's singular vectors of Yhat (the very matrices of {@code
     * reference().spectrum()}): computed once as (U^T W)(X V) from the cached U^T W and X V
     * (which C5-C7 use too; 3 K^2 d products instead of K^2 d + 2 K^3 when d &lt; K) and shared
     * by C4 and C7.
     */
    public ApMatrix projectedProduct() {
        ApMatrix b = referenceProjection;
        if (b == null) {
            b = projectedWeights().multiply(projectedMeans());
            referenceProjection = b;
        }
        return b;
    }
}
