package org.ncverify.claims;

import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.linalg.Precision;

/**
 * The verdict of one claim: status, residual (what was measured), tolerance (and its
 * origin), the reading (for example "basis-free", "exact certificate") and a detail line.
 * Immutable. A NOT_APPLICABLE verdict carries the reason instead of a residual.
 */
public final class Verdict {
    private final String claimId;
    private final Status status;
    private final Apfloat residual;
    private final Tolerance tolerance;
    private final String reading;
    private final String detail;
    private final List<Reading> readings;

    private Verdict(String claimId, Status status, Apfloat residual, Tolerance tolerance, String reading, String detail) {
        this(claimId, status, residual, tolerance, reading, detail, List.of());
    }

    private Verdict(String claimId, Status status, Apfloat residual, Tolerance tolerance, String reading, String detail,
                    List<Reading> readings) {
        this.claimId = claimId;
        this.status = status;
        this.residual = residual;
        this.tolerance = tolerance;
        this.reading = reading;
        this.detail = detail;
        this.readings = List.copyOf(readings);
    }

    /**
     * This verdict with the separate readings behind it (C5-C7: consistent pair, independent
     * bases, basis-free). The status, residual and tolerance stay those of this verdict: the
     * claim decides which readings its status follows and says so in its detail.
     */
    public Verdict withReadings(List<Reading> list) {
        return new Verdict(claimId, status, residual, tolerance, reading, detail, list);
    }

    /** The separate readings (empty for a claim with a single reading). */
    public List<Reading> readings() {
        return readings;
    }

    /** PASS when residual &lt;= tolerance, else FAIL. The residual must be non-negative. */
    public static Verdict judge(String claimId, Apfloat residual, Tolerance tolerance, String reading, String detail) {
        if (residual.signum() < 0) {
            throw new IllegalArgumentException(claimId + ": negative residual " + residual);
        }
        Status s = tolerance.admits(residual) ? Status.PASS : Status.FAIL;
        return new Verdict(claimId, s, residual, tolerance, reading, detail);
    }

    /** A FAIL with a measured residual (e.g. an exact check that does not hold). */
    public static Verdict fail(String claimId, Apfloat residual, Tolerance tolerance, String reading, String detail) {
        return new Verdict(claimId, Status.FAIL, residual, tolerance, reading, detail);
    }

    /** A FAIL because a value was NaN, infinite or undefined: never a pass. */
    public static Verdict nonFinite(String claimId, String detail) {
        return new Verdict(claimId, Status.FAIL, null, null, "-", "non-finite or undefined value: " + detail);
    }

    /**
     * INCONCLUSIVE: the residual was measured (it may be null when none could be) but the
     * candidate's distance to the minimizer set cannot be bounded, so the tolerance would not be
     * sound; {@code reason} says why (not converged, near-degenerate curvature).
     */
    public static Verdict inconclusive(String claimId, Apfloat residual, Tolerance tolerance, String reading,
                                       String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(claimId + ": an INCONCLUSIVE verdict needs its reason");
        }
        return new Verdict(claimId, Status.INCONCLUSIVE, residual, tolerance, reading, reason);
    }

    /** The claim's hypotheses do not hold. */
    public static Verdict notApplicable(String claimId, String reason) {
        return new Verdict(claimId, Status.NOT_APPLICABLE, null, null, "-", reason);
    }

    public String claimId() {
        return claimId;
    }

    public Status status() {
        return status;
    }

    /** The residual, or null when none was measured. */
    public Apfloat residual() {
        return residual;
    }

    /** The tolerance, or null when none applies. */
    public Tolerance tolerance() {
        return tolerance;
    }

    public String reading() {
        return reading;
    }

    public String detail() {
        return detail;
    }

    /** The residual with 3 significant digits, "-" when none, "NaN" for a non-finite FAIL. */
    public String residualText() {
        if (residual == null) {
            return status == Status.FAIL ? "NaN" : "-";
        }
        return Precision.formatScientific(residual, 3);
    }

    /** The tolerance with 3 significant digits, or "-". */
    public String toleranceText() {
        return tolerance == null ? "-" : tolerance.toString();
    }

    @Override
    public String toString() {
        return claimId + " " + status + " residual " + residualText() + " tolerance " + toleranceText()
            + " [" + reading + "] " + detail + (readings.isEmpty() ? "" : " " + readings);
    }
}
