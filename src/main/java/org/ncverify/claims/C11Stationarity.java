package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Gradient;

/**
 * C11, stationarity: the gradient of f vanishes at the constructed minimizer.
 *
 * <p>Residual ||grad f|| / scale, the Euclidean norm over every W_l, every one of the N
 * feature columns and b, divided by the magnitude of the terms that cancel in it
 * ({@link Gradient#scale()}: data part + penalty part + the magnitude reached by rounding of
 * the residuals, whose cancelling terms are O(1) even when the residuals are tiny). At working
 * precision eps the computed gradient has absolute error O(eps scale); tolerance 10^-(P-10).
 *
 * <p>On the closed form as its own candidate ({@link Subject#factored()} non-null) the dense
 * evaluation is run only while its cost {@link MemoryEstimate#denseEvaluationCost} is at most
 * {@link MemoryEstimate#DENSE_STATIONARITY_BUDGET} products; beyond that (K = 1000 with d = 512,
 * or d = 10^9) the verdict is INCONCLUSIVE with the cost as its reason, never a PASS.
 */
public final class C11Stationarity extends AbstractClaim {
    public C11Stationarity() {
        super("C11", "Stationarity: the gradient of f vanishes at the constructed minimizer",
            "any instance");
    }

    @Override
    public Verdict check(Subject subject) {
        double cost = MemoryEstimate.denseEvaluationCost(subject.instance());
        if (subject.factored() != null && cost > MemoryEstimate.DENSE_STATIONARITY_BUDGET) {
            return Verdict.inconclusive(id(), null, subject.tolerance(10), "not judged",
                "the full gradient over every class costs about " + String.format(java.util.Locale.ROOT, "%.1e", cost)
                    + " Apfloat products (K (K r + d + sum d_l d_(l-1))), more than the " + String.format(
                    java.util.Locale.ROOT, "%.0e", MemoryEstimate.DENSE_STATIONARITY_BUDGET) + " judged by solve; C11 is judged on smaller instances");
        }
        Gradient g = subject.evaluation().gradient();
        Apfloat scale = g.scale();
        Apfloat residual = quotient(g.norm(), scale, "C11 ||grad f|| over its scale", subject.precision());
        return Verdict.judge(id(), residual, subject.tolerance(10), "full gradient (all N columns)",
            "||grad f|| = " + Precision.format(g.norm(), 3) + ", scale = " + Precision.format(scale, 3));
    }
}
