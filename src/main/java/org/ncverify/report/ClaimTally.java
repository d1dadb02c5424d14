package org.ncverify.report;

import java.util.List;

/**
 * Per claim over a campaign: how many cases PASS, FAIL, are NOT_APPLICABLE or INCONCLUSIVE,
 * and the worst (largest) finite margin log10(residual/tolerance) with the case it came from.
 * A FAIL without a finite margin makes {@code worstMargin} null and {@code worstNote} say so.
 *
 * @param claimId       the claim
 * @param pass          PASS count
 * @param fail          FAIL count
 * @param notApplicable NOT_APPLICABLE count
 * @param inconclusive  INCONCLUSIVE count
 * @param worstMargin   the largest finite margin, or null
 * @param worstCase     label of the case with the worst margin ("" when none)
 * @param worstNote     why worstMargin is null, or "" when it is a number
 */
public record ClaimTally(String claimId, int pass, int fail, int notApplicable, int inconclusive, Double worstMargin,
                         String worstCase, String worstNote) {

    /** The tally of {@code claimId} over {@code cases}. */
    public static ClaimTally of(String claimId, List<CaseResult> cases) {
        int[] n = new int[4];
        Double worst = null;
        String worstCase = "";
        boolean nonFiniteFail = false;
        for (CaseResult c : cases) {
            for (VerdictRow v : c.verdicts()) {
                if (!v.claimId().equals(claimId)) {
                    continue;
                }
                switch (v.status()) {
                    case "PASS" -> n[0]++;
                    case "FAIL" -> n[1]++;
                    case "NOT_APPLICABLE" -> n[2]++;
                    default -> n[3]++;
                }
                if (v.margin() == null && v.status().equals("FAIL")) {
                    nonFiniteFail = true;
                    worstCase = c.label();
                } else if (v.margin() != null && !nonFiniteFail && (worst == null || v.margin() > worst)) {
                    worst = v.margin();
                    worstCase = c.label();
                }
            }
        }
        if (nonFiniteFail) {
            return new ClaimTally(claimId, n[0], n[1], n[2], n[3], null, worstCase, "a FAIL without a finite measurement");
        }
        return new ClaimTally(claimId, n[0], n[1], n[2], n[3], worst, worstCase,
            worst == null ? "no finite margin (exact zeros or not applicable)" : "");
    }
}
