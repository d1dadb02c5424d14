package org.ncverify.claims;

import java.util.List;
import java.util.function.BiFunction;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Evaluation;
import org.ncverify.model.Objective;
import org.ncverify.model.Point;
import org.ncverify.runs.RunSummary;
import org.ncverify.theory.ClosedForm;

/**
 * What a claim judges: the instance, a candidate point carrying {@code digits} correct
 * significant digits, and the theory's reference answer (spectrum of Yhat, scalar law, f*)
 * computed from the instance alone. Shared derived quantities of the candidate (its
 * objective and gradient, the product W_L...W_1 X) are computed once, on first use.
 */
public final class Subject {
    private final Instance instance;
    private final Point candidate;
    private final ClosedForm reference;
    private final int digits;
    private final List<RunSummary> runs;
    private final BiFunction<Subject, Integer, Tolerance> rule;
    private volatile Evaluation evaluation;
    private volatile ApMatrix product;
    private volatile ApMatrix classMeans;
    private volatile ApMatrix centredMeans;
    private volatile ApMatrix weightProduct;
    private volatile ApMatrix projectedWeights;
    private volatile ApMatrix projectedMeans;
    private volatile ApMatrix referenceProjection;

    private Subject(Instance instance, Point candidate, ClosedForm reference, int digits, List<RunSummary> runs,
                    BiFunction<Subject, Integer, Tolerance> rule) {
        this.instance = instance;
        this.candidate = candidate;
        this.reference = reference;
        this.digits = digits;
        this.runs = List.copyOf(runs);
        this.rule = rule;
    }

    /**
     * @param digits correct significant digits the candidate carries (tolerances derive from it)
     */
    public static Subject of(ClosedForm reference, Point candidate, int digits) {
        if (!reference.instance().equals(candidate.instance())) {
            throw new IllegalArgumentException("candidate and reference belong to different instances");
        }
        return new Subject(reference.instance(), candidate, reference, digits, List.of(),
            (subject, slack) -> Tolerance.fromDigits(subject.digits, slack));
    }

    /**
     * The end point of an independent optimizer's best run (a double point converted exactly and
     * judged at the reference's precision), with the summaries of all its runs (claim C13).
     * Tolerances derive from the candidate's gradient norm, not from digits
     * ({@link GradientTolerance}, proofs-notes/optimizer-tolerances.md).
     *
     * @param runs every run of the optimizer, in start order (at least one)
     */
    public static Subject ofOptimizer(ClosedForm reference, Point candidate, List<RunSummary> runs) {
        if (!reference.instance().equals(candidate.instance())) {
            throw new IllegalArgumentException("candidate and reference belong to different instances");
        }
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("an optimizer subject needs at least one run");
        }
        return new Subject(reference.instance(), candidate, reference, GradientTolerance.DOUBLE_DIGITS, runs,
            GradientTolerance::of);
    }

    /**
     * The closed form judged as its own candidate. It is computed at the working precision
     * P + G, and every entry carries those digits (up to the slack each claim grants).
     */
    public static Subject ofClosedForm(ClosedForm reference) {
        return of(reference, reference.point(), (int) reference.precision().working());
    }

    public Instance instance() {
        return instance;
    }

    public Point candidate() {
        return candidate;
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
        return rule.apply(this, slack);
    }

    /**
     * The runs of the independent optimizer that produced the candidate (immutable, start
     * order); empty when the candidate did not come from an optimizer (e.g. the closed form).
     */
    public List<RunSummary> optimizerRuns() {
        return runs;
    }

    /** The precision at which the checks compute. */
    public Precision precision() {
        return reference.precision();
    }

    /** f and its gradient at the candidate, from the definition. */
    public Evaluation evaluation() {
        Evaluation e = evaluation;
        if (e == null) {
            e = Objective.evaluate(instance, candidate, precision());
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
            m = candidate.classMeans(precision());
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
            w = candidate.weightProduct(precision());
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
