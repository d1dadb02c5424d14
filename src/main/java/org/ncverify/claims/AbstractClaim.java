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
        Apfloat den = ApfloatMath.max(ApfloatMath.abs(b), floor);
        if (den.signum() == 0) {
            return diff;
        }
        return p.helper().divide(diff, den);
    }

    /**
     * num / den at precision p, where the caller knows that den = 0 forces num = 0 (a norm
     * over the magnitude that contains it): 0 / 0 is 0, and a nonzero num over 0 is an
     * {@link ArithmeticException} (a FAIL through {@link Catalogue#run}), never a silent pass.
     */
    static Apfloat quotient(Apfloat num, Apfloat den, String what, Precision p) {
        if (den.signum() == 0) {
            if (num.signum() == 0) {
                return Apfloat.ZERO;
            }
            throw new ArithmeticException(what + ": " + Precision.formatScientific(num, 3) + " / 0");
        }
        return p.helper().divide(num, den);
    }

    /** The larger of two values. */
    static Apfloat max(Apfloat a, Apfloat b) {
        return ApfloatMath.max(a, b);
    }

    @Override
    public String toString() {
        return id + ": " + statement;
    }
}
