package org.ncverify.claims;

import org.apfloat.Apfloat;
import org.ncverify.linalg.Precision;

/**
 * A tolerance that knows where it came from. High-precision tolerances are
 * 10^-(P - slack): P the digits the candidate carries, slack the digits granted to
 * accumulated rounding (documented per claim in proofs-notes/).
 */
public final class Tolerance {
    private final Apfloat value;
    private final String origin;

    private Tolerance(Apfloat value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /**
     * 10^-(digits - slack) for a candidate carrying {@code digits} correct digits; the slack
     * never takes more than half of the digits, so a tolerance is never vacuous.
     */
    public static Tolerance fromDigits(int digits, int slack) {
        int used = Math.min(slack, digits / 2);
        int e = digits - used;
        return new Tolerance(new Apfloat("1e-" + e, Math.max(digits, 20)),
            "10^-(P-" + used + ") with P = " + digits + " digits carried by the candidate: " + used
                + " digits of slack for accumulated rounding");
    }

    /** An explicit tolerance with its origin. */
    public static Tolerance of(Apfloat value, String origin) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative tolerance " + value);
        }
        return new Tolerance(value, origin);
    }

    /** Exact: the residual must be exactly zero. */
    public static Tolerance exact(String origin) {
        return new Tolerance(Apfloat.ZERO, origin);
    }

    public Apfloat value() {
        return value;
    }

    /** Where the tolerance came from. */
    public String origin() {
        return origin;
    }

    /** residual &lt;= tolerance. */
    public boolean admits(Apfloat residual) {
        return residual.compareTo(value) <= 0;
    }

    @Override
    public String toString() {
        return Precision.formatScientific(value, 3);
    }
}
