package org.ncverify.hunt.mutants;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;

/**
 * A plausible but false variant of a catalogue claim (issue 10, "Acceptance"): it computes a
 * wrong prediction from the instance and the theory's pieces and compares it with the closed
 * form, which the true claims verify. Each mutant agrees with its true claim on some instances
 * (MutantCatalogueTest checks that too), so a hunt has to search for the counterexample.
 * Written against the public {@link Claim} API only, as a researcher's conjecture would be.
 */
abstract class MutantClaim implements Claim {
    private final String id;
    private final String statement;
    private final String trueClaim;

    MutantClaim(String id, String statement, String trueClaim) {
        this.id = id;
        this.statement = statement;
        this.trueClaim = trueClaim;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String statement() {
        return statement;
    }

    @Override
    public final String hypotheses() {
        return "any instance (a mutant of " + trueClaim + ")";
    }

    /** The catalogue claim this one distorts. */
    final String trueClaim() {
        return trueClaim;
    }

    @Override
    public boolean judgesCandidate() {
        return false;
    }

    /** residual &lt;= 10^-(P-10), P the digits the subject carries, as the true claims use. */
    final Verdict judge(Subject s, Apfloat residual, String detail) {
        return Verdict.judge(id, residual, s.tolerance(10), "mutant of " + trueClaim, detail);
    }

    /** An exact comparison (counts): residual must be 0. */
    final Verdict judgeExact(Apfloat residual, String detail) {
        return Verdict.judge(id, residual, Tolerance.exact("an exact count"), "mutant of " + trueClaim, detail);
    }

    /** |a - b| / scale at p (0 when scale = 0 and a = b). */
    static Apfloat relative(Apfloat a, Apfloat b, Apfloat scale, Precision p) {
        Apfloat diff = ApfloatMath.abs(p.helper().subtract(a, b));
        if (scale.signum() == 0) {
            return diff;
        }
        return p.helper().divide(diff, ApfloatMath.abs(scale));
    }

    @Override
    public String toString() {
        return id + ": " + statement;
    }
}
