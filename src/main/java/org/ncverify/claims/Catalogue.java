package org.ncverify.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apfloat.ApfloatRuntimeException;
import org.ncverify.instance.InputException;
import org.ncverify.linalg.Tasks;

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

    /**
     * The claims computed by {@code ncverify solve}: C3, C4, C8, C10, C11 (C11 judged on the closed
     * form's factored gradient bound first, {@link C11Stationarity#factoredFirst()}).
     */
    public static Catalogue solve() {
        return new Catalogue(List.of(new C3OptimalValue(), new C4ProductSpectrum(), new C8YhatSpectrum(),
            new C10ThresholdLaw(), C11Stationarity.factoredFirst()));
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

    /**
     * The claims of {@link #all()} whose ids are listed, in catalogue order (not in the order of
     * {@code ids}; an id listed twice selects its claim once).
     *
     * @throws InputException when {@code ids} is empty or names an id that is not in the
     *                        catalogue (the message names the id and lists the known ones)
     */
    public static Catalogue of(List<String> ids) {
        Catalogue every = all();
        String known = String.join(", ", every.ids());
        if (ids == null || ids.isEmpty()) {
            throw new InputException("no claim id given: expected some of " + known);
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (String id : wanted) {
            if (!every.ids().contains(id)) {
                throw new InputException("unknown claim id '" + id + "': the catalogue has " + known);
            }
        }
        return new Catalogue(every.claims.stream().filter(c -> wanted.contains(c.id())).toList());
    }

    /**
     * This catalogue followed by {@code extra} (a researcher's own claims, hunted like catalogue
     * claims), in that order.
     *
     * @throws InputException when an extra claim's id is blank or repeats an id already present
     */
    public Catalogue plus(List<Claim> extra) {
        List<Claim> out = new ArrayList<>(claims);
        Set<String> seen = new LinkedHashSet<>(ids());
        for (Claim c : extra) {
            String id = c.id();
            if (id == null || id.isBlank()) {
                throw new InputException("claim class " + c.getClass().getName() + " has a blank id()");
            }
            if (!seen.add(id)) {
                throw new InputException("claim id '" + id + "' of " + c.getClass().getName() + " is already taken by "
                    + "another claim: ids must be unique");
            }
            out.add(c);
        }
        return new Catalogue(out);
    }

    /** A catalogue of exactly {@code claims} (for example only a researcher's own), in that order; see {@link #plus}. */
    public static Catalogue ofClaims(List<Claim> claims) {
        return new Catalogue(List.of()).plus(claims);
    }

    public List<Claim> claims() {
        return claims;
    }

    /** The ids of the claims, in order. */
    public List<String> ids() {
        return claims.stream().map(Claim::id).toList();
    }

    /** Runs every claim on the subject, one after the other in the calling thread; verdicts in catalogue order. */
    public List<Verdict> run(Subject subject) {
        return run(subject, Runnable::run);
    }

    /**
     * Runs every claim on the subject as one task per claim on {@code executor} (the caller
     * chooses the parallelism: a direct executor runs them in turn, a pool runs them side by
     * side). A {@link Subject} may be shared by the tasks: it caches its derived quantities in
     * volatile fields holding immutable values, so concurrent first calls may compute one twice
     * but never see it half-built. The verdicts come back in catalogue order
     * whatever the order of completion. An exception other than an arithmetic failure (those
     * are FAIL verdicts, {@link #run(Claim, Subject)}) is rethrown as thrown by the claim.
     */
    public List<Verdict> run(Subject subject, Executor executor) {
        return List.copyOf(Tasks.onEach(claims.size(), i -> run(claims.get(i), subject), executor));
    }

    /**
     * Runs one claim; arithmetic failures are FAIL verdicts. A claim about the candidate is
     * qualified by {@link Subject#qualify}: INCONCLUSIVE when the candidate's distance to the
     * minimizer set cannot be bounded.
     */
    public static Verdict run(Claim claim, Subject subject) {
        try {
            Verdict v = claim.check(subject);
            return claim.judgesCandidate() ? subject.qualify(v) : v;
        } catch (ArithmeticException | ApfloatRuntimeException e) {
            return Verdict.nonFinite(claim.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The verdicts on an inexact point given those on its polished continuation (same claims):
     * a FAIL of the first whose claim PASSes on the polished point is not evidence against the
     * theory (the point was not close enough to the minimizer for its tolerance), so it becomes
     * INCONCLUSIVE with that reason; every other verdict is kept.
     */
    public static List<Verdict> reconcile(List<Verdict> inexact, List<Verdict> polished) {
        Map<String, Verdict> byId = polished.stream().collect(Collectors.toMap(Verdict::claimId, Function.identity()));
        List<Verdict> out = new ArrayList<>();
        for (Verdict v : inexact) {
            Verdict q = byId.get(v.claimId());
            if (v.status() == Status.FAIL && q != null && q.status() == Status.PASS) {
                out.add(Verdict.inconclusive(v.claimId(), v.residual(), v.tolerance(), v.reading(),
                    "the polished continuation of this point PASSes (residual " + q.residualText() + " <= "
                        + q.toleranceText() + "): this FAIL measures the point's distance to the minimizer, not the"
                        + " claim (measured: " + v.detail() + ")").withReadings(v.readings()));
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
