package org.ncverify.claims;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.ApfloatRuntimeException;

/**
 * The claims in catalogue order, and the one place where a check is run: an arithmetic
 * failure inside a check (a NaN or infinite input, a division by zero, a non-convergent
 * iteration) becomes a FAIL verdict, never a pass and never a crash.
 */
public final class Catalogue {
    private final List<Claim> claims;

    private Catalogue(List<Claim> claims) {
        this.claims = List.copyOf(claims);
    }

    /** The claims computed by {@code ncverify solve}: C3, C4, C8, C10, C11. */
    public static Catalogue solve() {
        return new Catalogue(List.of(new C3OptimalValue(), new C4ProductSpectrum(), new C8YhatSpectrum(),
            new C10ThresholdLaw(), new C11Stationarity()));
    }

    /**
     * Every claim of SPEC section 3 implemented so far, in catalogue order (C1, C2, ...). C13 is
     * NOT_APPLICABLE unless the subject carries optimizer runs ({@link Subject#ofOptimizer}).
     */
    public static Catalogue all() {
        return new Catalogue(List.of(new C1WithinClassCollapse(), new C2OptimalBias(), new C3OptimalValue(),
            new C4ProductSpectrum(), new C5LeftGeometry(), new C6RightGeometry(), new C7Alignment(),
            new C8YhatSpectrum(), new C9LayerBalance(), new C10ThresholdLaw(), new C11Stationarity(),
            new C12BalancedLimit(), new C13IndependentOptimality()));
    }

    public List<Claim> claims() {
        return claims;
    }

    /** Runs every claim on the subject, in order. */
    public List<Verdict> run(Subject subject) {
        List<Verdict> out = new ArrayList<>();
        for (Claim c : claims) {
            out.add(run(c, subject));
        }
        return out;
    }

    /** Runs one claim; arithmetic failures are FAIL verdicts. */
    public static Verdict run(Claim claim, Subject subject) {
        try {
            return claim.check(subject);
        } catch (ArithmeticException | ApfloatRuntimeException e) {
            return Verdict.nonFinite(claim.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
