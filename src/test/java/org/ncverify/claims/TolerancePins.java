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
 * amplitude is computed from the claim's documented tolerance 10^-(P - slack) at the digits P
 * of the judged answer, never a literal, and the unperturbed verdict must carry exactly that
 * tolerance: a tolerance loosened or tightened by one digit or more, at any working precision,
 * breaks a pin (the extra points at {@link #NEAR_ABOVE} and {@link #NEAR_BELOW}).
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
     * A pin: the digits P the judged answer carries, the verdict on the unperturbed answer and
     * the verdict on the answer built to have the given residual.
     */
    record Pin(String label, int digits, Supplier<Verdict> reference, Function<Apfloat, Verdict> at) {
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
        return new Pin(label + " (" + inst.describe() + ", " + digits + " digits)", digits,
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
     * The documented tolerance 10^-(P - slack) of a claim granting {@code slack} digits to a
     * candidate carrying P digits, written out here independently of {@link Tolerance}.
     */
    static Apfloat documented(int digits, int slack) {
        return new Apfloat("1e-" + (digits - slack), Math.max(digits, 20));
    }

    /**
     * Runs {@code pin} at {@code factor} times the claim's documented tolerance 10^-(P - slack):
     * the unperturbed answer PASSes far inside it and carries exactly that tolerance; the
     * perturbed one FAILs above 1 and PASSes below, its residual within {@link #LOW}..{@link #HIGH}
     * of the intended one. (The pins scale with the working precision P, but not with the
     * checker's own slack: a checker whose tolerance moves by one digit breaks them.)
     */
    static void check(String id, Pin pin, double factor, int slack) {
        Apfloat tol = documented(pin.digits(), slack);
        Verdict ref = pin.reference().get();
        assertEquals(Status.PASS, ref.status(), () -> id + " on the unperturbed answer of " + pin.label() + ": " + ref);
        assertEquals(0, ref.tolerance().value().compareTo(tol), () -> id + ": the tolerance must be the documented 10^-(P-"
            + slack + ") = " + Precision.formatScientific(tol, 3) + " at P = " + pin.digits() + ": " + ref);
        assertTrue(ref.residual().compareTo(times(tol, INSIDE)) <= 0,
            () -> id + ": the unperturbed residual must sit far inside the tolerance to pin it: " + ref);
        Apfloat target = times(tol, factor);
        Verdict v = pin.at().apply(target);
        Status expected = factor > 1 ? Status.FAIL : Status.PASS;
        assertEquals(expected, v.status(), () -> id + " on " + pin.label() + " built for residual " + factor
            + " x tolerance " + Precision.formatScientific(tol, 3) + ": " + v);
        assertNotNull(v.residual(), v::toString);
        double ratio = v.residual().divide(target).doubleValue();
        assertTrue(ratio >= LOW && ratio <= HIGH, () -> id + " on " + pin.label() + ": measured residual "
            + v.residualText() + " is " + ratio + " x the intended " + Precision.formatScientific(target, 3));
        System.out.printf("%s pin %s at %s x tolerance %s: %s, residual %s (%.3f x intended)%n", id, pin.label(),
            factor, Precision.formatScientific(tol, 3), v.status(), v.residualText(), ratio);
    }

    /** t * f at the precision of t. */
    static Apfloat times(Apfloat t, double f) {
        return t.multiply(new Apfloat(Double.toString(f), Math.max(t.precision(), 20)));
    }
}
