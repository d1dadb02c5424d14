package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.model.Evaluation;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.FactoredMinimizer;

/**
 * C3, optimal value: f* = sum_{i&lt;=r} phi_{s_i}(p*(s_i)) + sum_{i&gt;r} s_i^2/(2N).
 *
 * <p>Residual |f(candidate) - f*| / f*, with f(candidate) evaluated from the definition of
 * SPEC section 1 (every sample's residual, weight decays), never from the formula.
 * Tolerance {@link Subject#valueTolerance()}: 10^-(P-10) for an exact candidate (the evaluation
 * sums O(K d L) rounded terms, all of the size of f*); for an inexact one the second-order rule
 * 100 ||grad f||^2 / (2 mu f*) + 10^-(P-10) (proofs-notes/optimizer-tolerances.md), so that a
 * local minimum a few 1e-12 above f* is not taken for the global one. A value below f* beyond
 * the tolerance is a FAIL whatever the candidate's convergence (f(x) &lt; f* refutes the formula);
 * every other verdict is qualified by {@link Subject#qualify}.
 */
public final class C3OptimalValue extends AbstractClaim {
    public C3OptimalValue() {
        super("C3", "Optimal value: f* = sum_{i<=r} phi_{s_i}(p*(s_i)) + sum_{i>r} s_i^2/(2N)",
            "any instance; the candidate is claimed to be a global minimizer");
    }

    /** C3 qualifies its own verdict: a value below f* is judged whatever the point's convergence. */
    @Override
    public boolean judgesCandidate() {
        return false;
    }

    @Override
    public Verdict check(Subject subject) {
        FactoredMinimizer factored = subject.factored();
        if (factored != null) {
            // the factored value expands ||P - Yhat||^2 = ||P||^2 - 2<P, Yhat> + ||Yhat||^2: its rounding is
            // about 10^-(W-2) (N + sum p'^2) / (2N) absolute; judged only where that is 100x below the tolerance
            Precision p = subject.precision();
            FixedPrecisionApfloatHelper h = p.helper();
            Apfloat sum = p.of(subject.instance().total());
            for (Apfloat x : factored.productValues()) {
                sum = h.add(sum, h.multiply(x, x));
            }
            Apfloat rounding = h.multiply(p.pow10(-(p.working() - 2)), h.divide(sum, p.of(2 * subject.instance().total())));
            Apfloat fStar = subject.reference().objective();
            Tolerance tol = subject.valueTolerance();
            boolean decidable = fStar.signum() > 0
                && h.divide(rounding, fStar).compareTo(h.divide(tol.value(), p.of(100L))) <= 0;
            if (decidable) {
                return judgeFactored(factored.value(), fStar, subject);
            }
            if (MemoryEstimate.denseEvaluationCost(subject.instance()) > MemoryEstimate.DENSE_STATIONARITY_BUDGET) {
                return Verdict.inconclusive(id(), null, tol, "not judged", "f* = " + Precision.format(fStar, 3)
                    + " is too small for the factored evaluation (rounding " + Precision.formatScientific(rounding, 3)
                    + " absolute) and the dense one is beyond solve's budget");
            }
        }
        Evaluation e = subject.evaluation();
        Apfloat fStar = subject.reference().objective();
        Apfloat residual = relative(e.value(), fStar, Apfloat.ZERO, subject.precision());
        Tolerance tol = subject.valueTolerance();
        boolean below = e.value().compareTo(fStar) < 0;
        Verdict v = Verdict.judge(id(), residual, tol, "definition vs formula",
            "f(point) = " + org.ncverify.linalg.Precision.format(e.value(), 20) + ", f* = "
                + org.ncverify.linalg.Precision.format(fStar, 20) + (below ? " (below f*)" : ""));
        return below && v.status() == Status.FAIL ? v : subject.qualify(v);
    }

    /**
     * The closed form judged as its own candidate: f evaluated from the definition on the factored
     * point ({@link FactoredMinimizer#value()}, O(m D + m^2), no K x K matrix) against f*.
     * Package-private so that tests can hand it a wrong value; no other caller.
     */
    Verdict judgeFactored(Apfloat value, Apfloat fStar, Subject subject) {
        Apfloat residual = relative(value, fStar, Apfloat.ZERO, subject.precision());
        return Verdict.judge(id(), residual, subject.valueTolerance(), "definition (factored point) vs formula",
            "f(point) = " + org.ncverify.linalg.Precision.format(value, 20) + " from its factors and the structured"
                + " singular pairs, f* = " + org.ncverify.linalg.Precision.format(fStar, 20));
    }
}
