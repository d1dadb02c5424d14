package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.hunt.Margin;
import org.ncverify.results.JsonRenderer;

/**
 * One verdict as the report keeps it: plain values. {@code residual} and {@code tolerance} are
 * decimal strings with every digit the verdict carries (null when there is none);
 * {@code margin} is log10(residual/tolerance) of the claim's own verdict (its status, residual and
 * tolerance, not its readings': {@link Margin#of} of the verdict without readings) as a double,
 * null when it is not finite, in which case {@code marginNote} says why. A reading that FAILs
 * while the claim's status does not (SPEC section 3: "hypothesis needed") is listed in
 * {@code failingReadings} with its own margin.
 *
 * @param claimId    claim id (C1..C13, or a user claim's id)
 * @param status     PASS, FAIL, NOT_APPLICABLE or INCONCLUSIVE
 * @param residual   full-digit residual, or null
 * @param tolerance  full-digit tolerance, or null
 * @param margin     finite log10(residual/tolerance), or null
 * @param marginNote why margin is null ("" when it is not)
 * @param reading    the verdict's reading text
 * @param failingReadings the readings whose status is FAIL, "name (margin m)", m the larger of
 *                        the reading's and the claim's own margin
 */
public record VerdictRow(String claimId, String status, String residual, String tolerance, Double margin,
                         String marginNote, String reading, List<String> failingReadings) {
    public VerdictRow {
        failingReadings = List.copyOf(failingReadings);
    }

    /** The row of {@code v}. */
    public static VerdictRow of(Verdict v) {
        double m = Margin.of(v.withReadings(List.of()));
        String note = "";
        if (m == Double.POSITIVE_INFINITY) {
            note = "FAIL without a finite measurement";
        } else if (m == Double.NEGATIVE_INFINITY) {
            note = v.residual() != null && v.residual().signum() == 0 ? "exact zero residual" : "no numeric comparison";
        }
        return new VerdictRow(v.claimId(), v.status().name(),
            v.residual() == null ? null : JsonRenderer.fullDigits(v.residual()),
            v.tolerance() == null ? null : JsonRenderer.fullDigits(v.tolerance().value()),
            Double.isFinite(m) ? m : null, note, v.reading(), failing(v));
    }

    private static List<String> failing(Verdict v) {
        List<String> out = new ArrayList<>();
        for (Reading r : v.readings()) {
            if (r.status() == Status.FAIL) {
                out.add(r.name() + " (margin " + String.format(Locale.ROOT, "%.2f",
                    Margin.of(v.withReadings(List.of(r)))) + ")");
            }
        }
        return out;
    }
}
