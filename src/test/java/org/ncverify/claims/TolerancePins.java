package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.theory.ClosedForm;

/**
 * Tolerance pins of the claim contract (issue 8): for a claim with a measured residual, a wrong
 * answer built from the closed form so that its residual for THAT claim is a chosen multiple of
 * the claim's own tolerance. At {@link #ABOVE} = 100 times the tolerance the claim must FAIL, at
 * {@link #BELOW} = 0.01 times it must PASS, and the measured residual must lie within a factor
 * {@link #LOW}..{@link #HIGH} of the intended one (so the pin measured what it meant). The
 * amplitude is computed from the tolerance of the unperturbed answer, never a literal: a
 * tolerance loosened or tightened by one digit or more, at any working precision, breaks a pin
 * (the extra points at {@link #NEAR_ABOVE} and {@link #NEAR_BELOW}).
 */
final class TolerancePins {
    /** Intended residual of the wrong answer that must FAIL, in units of the tolerance. */
    static final double ABOVE = 100;
    /** Intended residual of the answer that must PASS, in units of the tolerance. */
    static final double BELOW = 0.01;
    /**
     * The same at 3 x and 0.3 x (FAIL, PASS): a tolerance moved by one digit either way breaks
     * one of them (the constructions below hit their intended residual to 0.1 %).
     */
    static final double NEAR_ABOVE = 3;
    static final double NEAR_BELOW = 0.3;

    /** Every factor a pin is run at. */
    static final List<Double> FACTORS = List.of(ABOVE, NEAR_ABOVE, NEAR_BELOW, BELOW);
    /** Bounds of measured / intended residual. */
    static final double LOW = 0.3;
    static final double HIGH = 3;
    /**
     * The unperturbed answer's residual must stay below this fraction of the tolerance, LOW x
     * BELOW, so that the residual of the PASS point measures its perturbation (C8's certified
     * brackets have relative width about 0.002 x 10^-P).
     */
    static final double INSIDE = LOW * BELOW;

    private TolerancePins() {
    }

    /**
     * A pin: the verdict on the unperturbed answer (its tolerance sets the scale) and the
     * verdict on the answer built to have the given residual.
     */
    record Pin(String label, Supplier<Verdict> reference, Function<Apfloat, Verdict> at) {
    }

    /** A change of the closed-form point built so that the claim's residual is {@code target}. */
    interface Perturbation {
        Point apply(ClosedForm cf, Apfloat target);
    }

    /**
     * A pin on the closed form of {@code inst} judged as a candidate carrying P = {@code digits}
     * digits (tolerance 10^-(P - slack)), perturbed by {@code change}.
     */
    static Pin onPoint(Claim claim, String label, Instance inst, int digits, Perturbation change) {
        return new Pin(label + " (" + inst.describe() + ", " + digits + " digits)",
            () -> {
                ClosedForm cf = AbstractClaimContract.closedForm(inst, digits);
                return Catalogue.run(claim, Subject.of(cf, cf.point(), digits));
            },
            target -> {
                ClosedForm cf = AbstractClaimContract.closedForm(inst, digits);
                return Catalogue.run(claim, Subject.of(cf, change.apply(cf, target), digits));
            });
    }

    /**
     * Runs {@code pin} at {@code factor} times the tolerance of its unperturbed answer: FAIL
     * above 1, PASS below, the residual within {@link #LOW}..{@link #HIGH} of the intended one.
     */
    static void check(String id, Pin pin, double factor) {
        Verdict ref = pin.reference().get();
        assertEquals(Status.PASS, ref.status(), () -> id + " on the unperturbed answer of " + pin.label() + ": " + ref);
        Apfloat tol = ref.tolerance().value();
        assertTrue(tol.signum() > 0, () -> "a pin needs a positive tolerance: " + ref);
        assertTrue(ref.residual().compareTo(times(tol, INSIDE)) <= 0,
            () -> id + ": the unperturbed residual must sit far inside the tolerance to pin it: " + ref);
        Apfloat target = times(tol, factor);
        Verdict v = pin.at().apply(target);
        Status expected = factor > 1 ? Status.FAIL : Status.PASS;
        assertEquals(expected, v.status(), () -> id + " on " + pin.label() + " built for residual " + factor
            + " x tolerance " + ref.toleranceText() + ": " + v);
        assertNotNull(v.residual(), v::toString);
        double ratio = v.residual().divide(target).doubleValue();
        assertTrue(ratio >= LOW && ratio <= HIGH, () -> id + " on " + pin.label() + ": measured residual "
            + v.residualText() + " is " + ratio + " x the intended " + Precision.formatScientific(target, 3));
        System.out.printf("%s pin %s at %s x tolerance %s: %s, residual %s (%.3f x intended)%n", id, pin.label(),
            factor, ref.toleranceText(), v.status(), v.residualText(), ratio);
    }

    /** t * f at the precision of t. */
    static Apfloat times(Apfloat t, double f) {
        return t.multiply(new Apfloat(Double.toString(f), Math.max(t.precision(), 20)));
    }
}
