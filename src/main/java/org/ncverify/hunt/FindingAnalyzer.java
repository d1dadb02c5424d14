package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;

/**
 * Turns the verdicts of one judged instance into findings (issue 10, "Findings").
 *
 * <p>A <em>target</em> is a claim whose verdict FAILs (reading null: the claim's own status), or
 * a claim whose verdict PASSes while its {@link Reading#INDEPENDENT independent-bases} reading
 * FAILs (C5-C7: the reading the claim marks as needing the hypothesis of a consistent singular
 * pair). For every target:
 * <ol>
 * <li>the claim is judged again on the closed form at 2P digits (at most
 *     {@link Precision#MAX_DIGITS}); when the target no longer shows there, the FAIL was a
 *     rounding artefact: a {@link FindingClass#NUMERICAL} finding, not shrunk;</li>
 * <li>otherwise the instance is shrunk by {@link Shrinker#run} at P digits (the hunt's digits),
 *     a step accepted only while the same claim shows the same target (a reading-(b) target
 *     also needs the claim's own PASS), within {@link Shrinker#DEFAULT_BUDGET} evaluations of
 *     that one claim on the closed form; the shrunk instance is confirmed at 2P (if it does not
 *     confirm, the original is kept as the shrunk instance and the detail says so);</li>
 * <li>classified {@link FindingClass#FALSE_AS_STATED} (the claim FAILs) or
 *     {@link FindingClass#HYPOTHESIS_NEEDED} (reading (b) FAILs while the claim holds), with the
 *     residual and tolerance measured on the shrunk instance and a {@link Replay} line.</li>
 * </ol>
 * Nothing FAILs: the empty list, with no extra work. Immutable, so thread-safe; deterministic
 * (the claims and the closed form are), so a hunt's findings do not depend on thread timing.
 */
public final class FindingAnalyzer {
    private static final Set<String> BUILT_IN = Set.copyOf(Catalogue.all().ids());
    private final Map<String, Claim> claims;
    private final int digits;
    private final long seed;
    private final List<String> userClassArgs;
    private final int budget;

    /** Findings of a hunt judging {@code catalogue} at {@code digits}, with hunt seed {@code seed}. */
    public FindingAnalyzer(Catalogue catalogue, int digits, long seed) {
        this(catalogue, digits, seed, List.of(), Shrinker.DEFAULT_BUDGET);
    }

    /**
     * @param userClassArgs the {@code --claim-class ... --classpath ...} arguments that load the user's claims,
     *                      appended to the replay line of a finding about a claim outside {@link Catalogue#all()};
     *                      when empty, a {@link UserClaim}'s own {@link UserClaim#replayArgs()} are used
     * @param budget        predicate evaluations one shrink may spend
     */
    public FindingAnalyzer(Catalogue catalogue, int digits, long seed, List<String> userClassArgs, int budget) {
        if (digits < Precision.MIN_DIGITS || digits > Precision.MAX_DIGITS) {
            throw new IllegalArgumentException("digits " + digits + " outside " + Precision.MIN_DIGITS + ".."
                + Precision.MAX_DIGITS);
        }
        if (budget < 1) {
            throw new IllegalArgumentException("shrink budget " + budget + " < 1");
        }
        Map<String, Claim> m = new LinkedHashMap<>();
        for (Claim c : catalogue.claims()) {
            m.put(c.id(), c);
        }
        this.claims = Map.copyOf(m);
        this.digits = digits;
        this.seed = seed;
        this.userClassArgs = List.copyOf(userClassArgs);
        this.budget = budget;
    }

    /**
     * The findings of instance {@code index} of the hunt, whose verdicts (by {@link Judge#closedForm}
     * at this analyzer's digits) are {@code verdicts}: one per target, in verdict order, each
     * with count 1; empty when nothing FAILs.
     *
     * @throws IllegalArgumentException when a verdict names a claim that is not in the catalogue
     */
    public List<Finding> analyze(long index, Instance instance, List<Verdict> verdicts) {
        List<Finding> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            Target t = Target.of(v);
            if (t == null) {
                continue;
            }
            Claim c = claims.get(v.claimId());
            if (c == null) {
                throw new IllegalArgumentException("verdict of " + v.claimId() + ", which is not in the catalogue "
                    + claims.keySet());
            }
            out.add(examine(index, instance, c, v, t));
        }
        return out;
    }

    private Finding examine(long index, Instance instance, Claim claim, Verdict v, Target t) {
        int twice = Math.min(2 * digits, Precision.MAX_DIGITS);
        Verdict again = Judge.closedForm(instance, claim, twice);
        List<String> extra = BUILT_IN.contains(claim.id()) ? List.of() : !userClassArgs.isEmpty() ? userClassArgs
            : claim instanceof UserClaim u ? u.replayArgs() : List.of();
        if (!t.shows(again)) {
            String detail = "FAILs at " + digits + " digits (residual " + t.residual(v) + " > " + t.tolerance(v)
                + "), not at " + twice + " (" + again.status() + ", residual " + t.residual(again) + ", tolerance "
                + t.tolerance(again) + "): a rounding artefact, not shrunk; " + t.detail(v);
            return new Finding(FindingClass.NUMERICAL, claim.id(), t.reading, instance, instance, t.residual(v),
                t.tolerance(v), seed, index, Replay.command(instance, claim.id(), digits, extra), oneLine(detail), 1);
        }
        Shrinker.Result r = Shrinker.run(instance, x -> t.shows(Judge.closedForm(x, claim, digits)), budget);
        Instance shrunk = r.instance();
        String note = "shrunk in " + r.evaluations() + " evaluations from K = " + instance.classes() + ", N = "
            + instance.total() + (r.minimal() ? " (1-minimal)" : " (budget of " + budget + " evaluations spent: not 1-minimal)");
        if (!shrunk.equals(instance) && !t.shows(Judge.closedForm(shrunk, claim, twice))) {
            note = "the shrunk instance " + shrunk.describe() + " did not FAIL again at " + twice
                + " digits: the original is kept";
            shrunk = instance;
        }
        Verdict w = shrunk.equals(instance) ? v : Judge.closedForm(shrunk, claim, digits);
        FindingClass kind = t.reading == null ? FindingClass.FALSE_AS_STATED : FindingClass.HYPOTHESIS_NEEDED;
        return new Finding(kind, claim.id(), t.reading, instance, shrunk, t.residual(w), t.tolerance(w), seed, index,
            Replay.command(shrunk, claim.id(), digits, extra), oneLine(t.detail(w) + "; " + note), 1);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }

    /** What FAILs: the claim (reading null) or its independent-bases reading while the claim PASSes. */
    private record Target(String reading) {
        static Target of(Verdict v) {
            if (v.status() == Status.FAIL) {
                return new Target(null);
            }
            if (v.status() == Status.PASS && independent(v) != null && independent(v).status() == Status.FAIL) {
                return new Target(Reading.INDEPENDENT);
            }
            return null;
        }

        private static Reading independent(Verdict v) {
            return v.readings().stream().filter(r -> r.name().equals(Reading.INDEPENDENT)).findFirst().orElse(null);
        }

        boolean shows(Verdict v) {
            if (reading == null) {
                return v.status() == Status.FAIL;
            }
            Reading r = independent(v);
            return v.status() == Status.PASS && r != null && r.status() == Status.FAIL;
        }

        String residual(Verdict v) {
            Reading r = reading == null ? null : independent(v);
            return r == null ? v.residualText() : r.residualText();
        }

        String tolerance(Verdict v) {
            Reading r = reading == null ? null : independent(v);
            return r == null ? v.toleranceText() : r.toleranceText();
        }

        String detail(Verdict v) {
            Reading r = reading == null ? null : independent(v);
            return r == null ? v.detail() : r.note();
        }
    }
}
