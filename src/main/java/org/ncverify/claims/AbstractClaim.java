package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.linalg.Precision;

/** Id, statement and hypotheses held once; helpers shared by the checkers. */
abstract class AbstractClaim implements Claim {
    private final String id;
    private final String statement;
    private final String hypotheses;

    AbstractClaim(String id, String statement, String hypotheses) {
        this.id = id;
        this.statement = statement;
        this.hypotheses = hypotheses;
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
        return hypotheses;
    }

    /** |a - b| / max(|b|, floor) at precision p; floor keeps the ratio defined when b = 0. */
    static Apfloat relative(Apfloat a, Apfloat b, Apfloat floor, Precision p) {
        Apfloat diff = ApfloatMath.abs(p.helper().subtract(a, b));
        Apfloat den = ApfloatMath.abs(b).compareTo(floor) > 0 ? ApfloatMath.abs(b) : floor;
        if (den.signum() == 0) {
            return diff;
        }
        return p.helper().divide(diff, den);
    }

    @Override
    public String toString() {
        return id + ": " + statement;
    }
}
