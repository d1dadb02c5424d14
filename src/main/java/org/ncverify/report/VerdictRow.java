package org.ncverify.report;

import org.ncverify.claims.Verdict;
import org.ncverify.hunt.Margin;
import org.ncverify.results.JsonRenderer;

/**
 * One verdict as the report keeps it: plain values. {@code residual} and {@code tolerance} are
 * decimal strings with every digit the verdict carries (null when there is none);
 * {@code margin} is log10(residual/tolerance) from {@link Margin#of} as a double, null when it
 * is not finite, in which case {@code marginNote} says why.
 *
 * @param claimId    claim id (C1..C13, or a user claim's id)
 * @param status     PASS, FAIL, NOT_APPLICABLE or INCONCLUSIVE
 * @param residual   full-digit residual, or null
 * @param tolerance  full-digit tolerance, or null
 * @param margin     finite log10(residual/tolerance), or null
 * @param marginNote why margin is null ("" when it is not)
 * @param reading    the verdict's reading text
 */
public record VerdictRow(String claimId, String status, String residual, String tolerance, Double margin,
                         String marginNote, String reading) {

    /** The row of {@code v}. */
    public static VerdictRow of(Verdict v) {
        double m = Margin.of(v);
        String note = "";
        if (m == Double.POSITIVE_INFINITY) {
            note = "FAIL without a finite measurement";
        } else if (m == Double.NEGATIVE_INFINITY) {
            note = v.residual() != null && v.residual().signum() == 0 ? "exact zero residual" : "no numeric comparison";
        }
        return new VerdictRow(v.claimId(), v.status().name(),
            v.residual() == null ? null : JsonRenderer.fullDigits(v.residual()),
            v.tolerance() == null ? null : JsonRenderer.fullDigits(v.tolerance().value()),
            Double.isFinite(m) ? m : null, note, v.reading());
    }
}
