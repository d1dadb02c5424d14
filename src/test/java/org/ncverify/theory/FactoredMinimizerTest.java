package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Objective;
import org.ncverify.spectrum.SingularVectors;
import org.ncverify.support.Instances;

/**
 * {@link FactoredMinimizer} against the dense closed-form point: its value from the factors
 * equals f evaluated from the definition on the dense point ({@link Objective}, every class, every
 * layer) and f*, its Gram defects are at the rounding level, and a wrong factor moves the value
 * by what the definition says it should (so the factored value is not f* restated).
 */
class FactoredMinimizerTest {
    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("imbalanced", Instances.imbalanced()),
            Arguments.of("bottleneck", Instances.bottleneck()),
            Arguments.of("narrow", Instances.narrow()),
            Arguments.of("deep", Instances.deep()),
            Arguments.of("collapsed", Instances.collapsed()),
            Arguments.of("balanced (tied)", Instances.balanced()),
            Arguments.of("ties 8,8,8,3,1 L = 2", Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2,
                new Aprational[] {Instances.dec("1e-3")}, Instances.dec("1e-3"))),
            Arguments.of("partial", Instances.partial()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueFromTheFactorsIsTheDefinitionOnTheDensePoint(String name, Instance inst) {
        Precision p = Precision.of(40);
        ClosedForm cf = ClosedForm.of(inst, p);
        FactoredMinimizer f = cf.factored();
        Apfloat dense = Objective.evaluate(inst, cf.point(), p).value();
        Apfloat tol = p.pow10(-(p.digits() + 2));
        assertTrue(relative(f.value(), cf.objective(), p).compareTo(tol) <= 0, name + ": factored " + f.value()
            + " f* " + cf.objective());
        // the dense evaluation sums residuals of O(1) terms: at f* ~ 1e-11 it keeps fewer digits than
        // the factored one (which forms p - s directly); C3's own tolerance 10^-(P-10) still holds
        Apfloat denseTol = p.pow10(-(p.digits() - 10));
        assertTrue(relative(f.value(), dense, p).compareTo(denseTol) <= 0, name + ": factored " + f.value() + " dense " + dense);
        assertEquals(cf.survivingDirections(), f.directions());
        for (Apfloat e : f.gramDefects()) {
            assertTrue(e.compareTo(p.pow10(-(p.digits() + 5))) <= 0, name + ": Gram defect " + e);
        }
        assertTrue(f.singularValueBound().compareTo(p.pow10(-(p.digits() + 5))) <= 0, name);
    }

    /**
     * a_H scaled by 1 + t in the first direction: the factored value moves by the definition's
     * first-order change, d f / d t = a_H,1 (d f / d a_H,1) at t = 0, which the dense evaluation of
     * the same perturbed point confirms; at t = 1e-12 (a change of order t^2, at most 10 t^2 p'^2 / N) it is far outside 10^-(P-10).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWrongFactorChangesTheValueAsTheDefinitionDoes(String name, Instance inst) {
        Precision p = Precision.of(40);
        ClosedForm cf = ClosedForm.of(inst, p);
        int m = cf.survivingDirections();
        if (m == 0) {
            return;
        }
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[][] a = new Apfloat[inst.depth() + 1][];
        for (int j = 0; j <= inst.depth(); j++) {
            a[j] = java.util.Arrays.copyOf(cf.factorSingularValues(j), m);
        }
        Apfloat t = p.pow10(-12);
        a[0][0] = h.multiply(a[0][0], h.add(Apfloat.ONE, t));
        FactoredMinimizer wrong = FactoredMinimizer.of(inst, SingularVectors.of(cf.spectrum(), m), a);
        Apfloat gap = h.subtract(wrong.value(), cf.objective());
        // at a minimizer the first-order change vanishes: the change is second order, positive
        assertTrue(gap.signum() > 0, name + ": " + gap);
        Apfloat ratio = h.divide(gap, cf.objective());
        assertTrue(ratio.compareTo(p.pow10(-(p.digits() - 10))) > 0, name + ": relative change " + ratio);
        // second order: at most 10 t^2 p'_1^2 / N (the data and penalty curvatures in t)
        Apfloat p1 = cf.productSingularValues()[0];
        Apfloat bound = h.divide(h.multiply(p.of(10L), h.multiply(h.multiply(t, t), h.multiply(p1, p1))), p.of(inst.total()));
        assertTrue(gap.compareTo(bound) < 0, name + ": change " + gap + " above the second-order bound " + bound);
    }

    private static Apfloat relative(Apfloat a, Apfloat b, Precision p) {
        Apfloat d = ApfloatMath.abs(p.helper().subtract(a, b));
        return b.signum() == 0 ? d : p.helper().divide(d, ApfloatMath.abs(b));
    }
}
