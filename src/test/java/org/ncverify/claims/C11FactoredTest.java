package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.FactoredGradient;
import org.ncverify.theory.FactoredMinimizer;
import org.ncverify.theory.FactoredPoints;

/**
 * C11 on the factored route ({@link C11Stationarity#check(Subject, double)} with budget 0, the
 * route solve takes beyond {@code MemoryEstimate.DENSE_STATIONARITY_BUDGET}): the closed form
 * PASSes with reading "factored gradient bound"; a wrong factor value, a wrong p for one direction
 * or a wrong bias, each moved by 100x the tolerance, FAILs, and by 0.01x PASSes; a gradient whose
 * bounds straddle the tolerance is INCONCLUSIVE, never PASS.
 */
class C11FactoredTest {
    private static final Precision P = Precision.of(30);

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("imbalanced L = 2", Instances.imbalanced()),
            Arguments.of("bottleneck d = 2, L = 3", Instances.bottleneck()),
            Arguments.of("balanced ties L = 1", Instances.balanced()),
            Arguments.of("ties 8,8,8,3,1 L = 2", Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2,
                new Aprational[] {Instances.dec("1e-3")}, Instances.dec("1e-3"))),
            Arguments.of("collapsed", Instances.collapsed()),
            Arguments.of("partial collapse", Instances.partial()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void closedFormPassesOnTheFactoredRoute(String name, Instance inst) {
        Verdict v = new C11Stationarity().check(Subject.ofClosedForm(ClosedForm.of(inst, P)), 0);
        assertEquals(Status.PASS, v.status(), name + ": " + v.detail());
        assertEquals("factored gradient bound", v.reading());
    }

    /** solve's C11 ({@link Catalogue#solve()}) takes the factored bound first also where the dense evaluation is cheap. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void solveJudgesTheFactoredBoundFirst(String name, Instance inst) {
        Claim c11 = Catalogue.solve().claims().get(4);
        assertEquals("C11", c11.id());
        Verdict v = Catalogue.run(c11, Subject.ofClosedForm(ClosedForm.of(inst, P)));
        assertEquals(Status.PASS, v.status(), name + ": " + v.detail());
        assertEquals("factored gradient bound", v.reading());
        assertTrue(v.detail().startsWith("factored bound first (solve); "), v.detail());
        assertEquals("full gradient (all N columns)",
            Catalogue.run(new C11Stationarity(), Subject.ofClosedForm(ClosedForm.of(inst, P))).reading(), name);
    }

    /** After a factored verdict the dense one follows only when the bound could not decide and it is affordable. */
    @Test
    void denseFollowsOnlyAnUndecidedAffordableBound() {
        Tolerance tol = Subject.ofClosedForm(ClosedForm.of(Instances.imbalanced(), P)).tolerance(10);
        Verdict undecided = Verdict.inconclusive("C11", null, tol, "factored gradient bound", "straddles");
        Verdict passed = Verdict.judge("C11", Apfloat.ZERO, tol, "factored gradient bound", "");
        assertTrue(C11Stationarity.denseAfter(undecided, 1e3, 1e4));
        assertEquals(false, C11Stationarity.denseAfter(undecided, 1e5, 1e4));
        assertEquals(false, C11Stationarity.denseAfter(passed, 1e3, 1e4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wrongPointsFailAt100xAndPassAtOneHundredth(String name, Instance inst) {
        ClosedForm cf = ClosedForm.of(inst, P);
        Tolerance tol = Subject.ofClosedForm(cf).tolerance(10);
        for (FactoredPoints.Wrong w : FactoredPoints.Wrong.values()) {
            if (w != FactoredPoints.Wrong.BIAS && cf.factored().directions() == 0) {
                continue;
            }
            assertEquals(Status.FAIL, verdict(cf, w, times(tol, 100), tol).status(), name + ", " + w + " at 100x");
            assertEquals(Status.PASS, verdict(cf, w, times(tol, 0.01), tol).status(), name + ", " + w + " at 0.01x");
        }
    }

    /**
     * A wrong first factor value scaled so that ||grad f|| = tol sqrt(scaleLower scaleUpper): the
     * residual bounds [lower / scaleUpper, upper / scaleLower] contain the tolerance.
     */
    @Test
    void straddlingBoundsAreInconclusive() {
        ClosedForm cf = ClosedForm.of(Instances.imbalanced(), P);
        Tolerance tol = Subject.ofClosedForm(cf).tolerance(10);
        Apfloat t0 = times(tol, 100);
        FactoredGradient g0 = gradient(cf, FactoredPoints.Wrong.FACTOR, t0);
        Apfloat target = tol.value().multiply(org.apfloat.ApfloatMath.sqrt(g0.scaleLower().multiply(g0.scaleUpper())));
        Apfloat t = t0.multiply(target).divide(g0.lower());
        Verdict v = verdict(cf, FactoredPoints.Wrong.FACTOR, t, tol);
        assertEquals(Status.INCONCLUSIVE, v.status(), v.detail());
        assertTrue(v.detail().contains("cannot decide"), v.detail());
    }

    private static Verdict verdict(ClosedForm cf, FactoredPoints.Wrong w, Apfloat t, Tolerance tol) {
        return C11Stationarity.factoredVerdict("C11", gradient(cf, w, t), tol, "");
    }

    private static FactoredGradient gradient(ClosedForm cf, FactoredPoints.Wrong w, Apfloat t) {
        FactoredMinimizer x = w.factors(cf.factored(), t);
        return FactoredGradient.of(x, w.bias(cf.bias(), t));
    }

    private static Apfloat times(Tolerance tol, double factor) {
        return tol.value().multiply(new Apfloat(factor, 20));
    }
}
