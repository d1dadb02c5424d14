package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Gradient;
import org.ncverify.model.Objective;

/**
 * {@link FactoredGradient} against the dense gradient of the same point ({@link Objective}, every
 * class, every layer): at the closed form the upper bound is within C11's tolerance and above
 * the dense norm (both are rounding there); at a wrong factored point (one factor value, one
 * direction's p, the bias moved by t) lower &lt;= dense &lt;= upper with upper / lower close to 1,
 * and the dense scale lies in [scaleLower, scaleUpper]. Cases: those of {@link FactoredMinimizerTest}
 * (bottleneck d = 2 &lt; K - 1, collapse m = 0, ties, L = 1 to 4, narrow widths, partial collapse).
 */
class FactoredGradientTest {
    /** Upper / lower at a wrong point where the gradient is far above rounding: the rests are tiny. */
    static final double TIGHT = 1.001;
    /**
     * The same for a wrong bias: db reaches the H and W blocks through U^T db and nu, which the
     * bound takes at Cauchy-Schwarz size (measured: at most 1.19 on these cases).
     */
    static final double TIGHT_BIAS = 1.5;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ncverify.theory.FactoredMinimizerTest#cases")
    void closedFormBoundIsWithinToleranceAndAboveTheDenseNorm(String name, Instance inst) {
        Precision p = Precision.of(30);
        ClosedForm cf = ClosedForm.of(inst, p);
        FactoredGradient g = FactoredGradient.of(cf.factored(), cf.bias());
        assertNull(g.undecidable(), name);
        Gradient dense = Objective.evaluate(inst, FactoredPoints.dense(cf.factored(), cf.bias()), p).gradient();
        Apfloat tol = p.pow10(-(p.working() - 10));
        assertTrue(g.residualUpper().compareTo(tol) <= 0, name + ": bound " + g.residualUpper() + " vs " + tol);
        assertTrue(g.upper().compareTo(dense.norm()) >= 0, name + ": upper " + g.upper() + " < dense " + dense.norm());
        assertScaleEnclosed(name, g, dense);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ncverify.theory.FactoredMinimizerTest#cases")
    void wrongPointsAreEnclosedTightly(String name, Instance inst) {
        Precision p = Precision.of(30);
        ClosedForm cf = ClosedForm.of(inst, p);
        FactoredMinimizer f = cf.factored();
        Apfloat t = p.pow10(-(p.working() - 12)); // 100 x C11's tolerance 10^-(W-10)
        for (FactoredPoints.Wrong w : FactoredPoints.Wrong.values()) {
            if (w != FactoredPoints.Wrong.BIAS && f.directions() == 0) {
                continue;
            }
            FactoredMinimizer x = w.factors(f, t);
            Apfloat[] b = w.bias(cf.bias(), t);
            FactoredGradient g = FactoredGradient.of(x, b);
            Gradient dense = Objective.evaluate(inst, FactoredPoints.dense(x, b), p).gradient();
            String what = name + ", " + w + ": [" + g.lower() + ", " + g.upper() + "] dense " + dense.norm();
            assertTrue(g.lower().compareTo(dense.norm()) <= 0, what);
            assertTrue(g.upper().compareTo(dense.norm()) >= 0, what);
            assertTrue(g.upper().doubleValue() <= (w == FactoredPoints.Wrong.BIAS ? TIGHT_BIAS : TIGHT) * g.lower().doubleValue(), what);
            assertScaleEnclosed(what, g, dense);
        }
    }

    private static void assertScaleEnclosed(String what, FactoredGradient g, Gradient dense) {
        assertTrue(g.scaleLower().compareTo(dense.scale()) <= 0, what + ": scale " + dense.scale() + " below " + g.scaleLower());
        assertTrue(g.scaleUpper().compareTo(dense.scale()) >= 0, what + ": scale " + dense.scale() + " above " + g.scaleUpper());
    }
}
