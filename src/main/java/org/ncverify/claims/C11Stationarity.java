package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Gradient;
import org.ncverify.theory.FactoredGradient;

/**
 * C11, stationarity: the gradient of f vanishes at the constructed minimizer.
 *
 * <p>Residual ||grad f|| / scale, the Euclidean norm over every W_l, every one of the N
 * feature columns and b, divided by the magnitude of the terms that cancel in it
 * ({@link Gradient#scale()}: data part + penalty part + the magnitude reached by rounding of
 * the residuals, whose cancelling terms are O(1) even when the residuals are tiny;
 * {@code Gradient#roundingMagnitude()}). At working
 * precision eps the computed gradient has absolute error O(eps scale); tolerance 10^-(P-10).
 *
 * <p>On the closed form as its own candidate ({@link Subject#factored()} non-null) the dense
 * evaluation is run only while its cost {@link MemoryEstimate#denseEvaluationCost} is at most
 * {@link MemoryEstimate#DENSE_STATIONARITY_BUDGET} products; beyond that (K = 1000 with d = 512,
 * or d = 10^9) it is judged on the {@link FactoredGradient} bounds (reading "factored gradient
 * bound"): PASS only when the upper bound of the residual is within the tolerance, FAIL only when
 * the lower bound exceeds it, INCONCLUSIVE (with both bounds) in between.
 *
 * <p>{@link #factoredFirst()} (the claim of {@code solve}) reverses the order on the closed form:
 * the factored bound first at every size, O(m D + m^2) work instead of the dense O(K^2 r); the
 * dense evaluation only when that bound cannot decide and the dense cost is within the budget.
 * Both readings bound the same quantity, the dense checker's residual, from the same point
 * (proofs-notes/C11-stationarity.md, "The factored bound").
 */
public final class C11Stationarity extends AbstractClaim {
    private final boolean factoredFirst;

    /** The claim of {@code verify}: dense on the closed form while within the budget, factored beyond it. */
    public C11Stationarity() {
        this(false);
    }

    private C11Stationarity(boolean factoredFirst) {
        super("C11", "Stationarity: the gradient of f vanishes at the constructed minimizer",
            "any instance");
        this.factoredFirst = factoredFirst;
    }

    /** The claim of {@code solve}: on the closed form the factored bound first, dense only when it cannot decide. */
    public static C11Stationarity factoredFirst() {
        return new C11Stationarity(true);
    }

    @Override
    public Verdict check(Subject subject) {
        return check(subject, MemoryEstimate.DENSE_STATIONARITY_BUDGET);
    }

    /** {@link #check(Subject)} with the dense budget as a parameter (tests force the factored route with 0). */
    Verdict check(Subject subject, double budget) {
        double cost = MemoryEstimate.denseEvaluationCost(subject.instance());
        if (subject.factored() != null && (factoredFirst || cost > budget)) {
            FactoredGradient g = FactoredGradient.of(subject.factored(), subject.reference().bias());
            String prefix = cost > budget ? String.format(java.util.Locale.ROOT,
                "dense gradient not evaluated (about %.1e Apfloat products, budget %.0e); ", cost, budget)
                : "factored bound first (solve); ";
            Verdict v = factoredVerdict(id(), g, subject.tolerance(10), prefix);
            if (!denseAfter(v, cost, budget)) {
                return v;
            }
        }
        Gradient g = subject.evaluation().gradient();
        Apfloat scale = g.scale();
        Apfloat residual = quotient(g.norm(), scale, "C11 ||grad f|| over its scale", subject.precision());
        return Verdict.judge(id(), residual, subject.tolerance(10), "full gradient (all N columns)",
            "||grad f|| = " + Precision.format(g.norm(), 3) + ", scale = " + Precision.format(scale, 3));
    }

    /** Whether the dense evaluation follows a factored verdict: only when it cannot decide and the dense cost is within the budget. */
    static boolean denseAfter(Verdict factored, double cost, double budget) {
        return factored.status() == Status.INCONCLUSIVE && cost <= budget;
    }

    /**
     * The verdict of a {@link FactoredGradient}: PASS when upper / scaleLower (at least the dense
     * residual) is within the tolerance, FAIL when lower / scaleUpper (at most the dense residual)
     * exceeds it, else INCONCLUSIVE naming both; INCONCLUSIVE when no finite bound exists.
     */
    static Verdict factoredVerdict(String id, FactoredGradient g, Tolerance tolerance, String prefix) {
        String reading = "factored gradient bound";
        if (g.undecidable() != null) {
            return Verdict.inconclusive(id, null, tolerance, reading, prefix + g.undecidable());
        }
        Apfloat up = g.residualUpper();
        Apfloat lo = g.residualLower();
        String detail = prefix + "||grad f|| in [" + Precision.format(g.lower(), 3) + ", " + Precision.format(g.upper(), 3)
            + "], scale in [" + Precision.format(g.scaleLower(), 3) + ", " + Precision.format(g.scaleUpper(), 3)
            + "], residual in [" + Precision.format(lo, 3) + ", " + Precision.format(up, 3) + "]";
        if (tolerance.admits(up)) {
            return Verdict.judge(id, up, tolerance, reading, detail);
        }
        if (!tolerance.admits(lo)) {
            return Verdict.fail(id, lo, tolerance, reading, detail);
        }
        return Verdict.inconclusive(id, up, tolerance, reading,
            "the factored bound cannot decide: " + detail + " straddles the tolerance");
    }
}
