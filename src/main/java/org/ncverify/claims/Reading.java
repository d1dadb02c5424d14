package org.ncverify.claims;

import java.util.Objects;
import org.apfloat.Apfloat;
import org.ncverify.linalg.Precision;

/**
 * One reading of a claim (SPEC section 3, C5-C7): its name, its own status, residual and
 * tolerance, and a note. The readings of C5-C7 are
 * <ul>
 * <li>{@link #CONSISTENT} literal, with a consistent singular pair of Yhat (Yhat v_i = s_i u_i);</li>
 * <li>{@link #INDEPENDENT} literal, with bases chosen independently of each other inside tied
 *     blocks (a FAIL here is a finding of class "hypothesis needed", not a refutation);</li>
 * <li>{@link #BASIS_FREE} basis-free: the product and its Gram matrices, invariant under the
 *     choice of basis of a tied block.</li>
 * </ul>
 * Immutable.
 *
 * @param name     the reading's name
 * @param status   PASS, FAIL or NOT_APPLICABLE for this reading alone (INCONCLUSIVE when its verdict is)
 * @param residual the measured residual, or null when none was measured
 * @param tolerance the tolerance, or null when none applies
 * @param note     what was measured or why the reading does not apply
 */
public record Reading(String name, Status status, Apfloat residual, Tolerance tolerance, String note) {
    public static final String CONSISTENT = "literal, consistent pair";
    public static final String INDEPENDENT = "literal, independent bases";
    public static final String BASIS_FREE = "basis-free";

    public Reading {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
        if (residual != null && residual.signum() < 0) {
            throw new IllegalArgumentException(name + ": negative residual " + residual);
        }
    }

    /** PASS when residual &lt;= tolerance, else FAIL. */
    public static Reading judge(String name, Apfloat residual, Tolerance tolerance, String note) {
        return new Reading(name, tolerance.admits(residual) ? Status.PASS : Status.FAIL, residual, tolerance, note);
    }

    /** This reading does not apply, for the stated reason. */
    public static Reading notApplicable(String name, String reason) {
        return new Reading(name, Status.NOT_APPLICABLE, null, null, reason);
    }

    /** The residual with 3 significant digits, or "-". */
    public String residualText() {
        return residual == null ? "-" : Precision.formatScientific(residual, 3);
    }

    /** The tolerance with 3 significant digits, or "-". */
    public String toleranceText() {
        return tolerance == null ? "-" : tolerance.toString();
    }

    @Override
    public String toString() {
        return name + ": " + status + " residual " + residualText() + " tolerance " + toleranceText() + " (" + note + ")";
    }
}
