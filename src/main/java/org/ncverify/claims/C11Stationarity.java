package org.ncverify.claims;

import org.apfloat.Apfloat;
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
 */
public final class C11Stationarity extends AbstractClaim {
    public C11Stationarity() {
        super("C11", "Stationarity: the gradient of f vanishes at the constructed minimizer",
            "any instance");
    }

    @Override
    public Verdict check(Subject subject) {
        Gradient g = subject.evaluation().gradient();
        Apfloat scale = g.scale();
        Apfloat residual = quotient(g.norm(), scale, "C11 ||grad f|| over its scale", subject.precision());
        return Verdict.judge(id(), residual, subject.tolerance(10), "full gradient (all N columns)",
            "||grad f|| = " + Precision.format(g.norm(), 3) + ", scale = " + Precision.format(scale, 3));
    }
}
