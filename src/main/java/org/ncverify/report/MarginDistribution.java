package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Per claim, the distribution of log10(residual/tolerance) over the seeded property sample:
 * the finite margins, and the counts that have no finite margin (an exact zero residual, a
 * claim not applicable, a FAIL without a finite measurement). A margin above 0 is a FAIL.
 *
 * @param claims one entry per claim, catalogue order
 */
public record MarginDistribution(List<ClaimMargins> claims) {
    public MarginDistribution {
        claims = List.copyOf(claims);
    }

    /**
     * One claim's margins.
     *
     * @param claimId       the claim
     * @param margins       the finite margins, in sample order
     * @param exactZero     verdicts with no finite margin that did not FAIL (exact zero or no numeric comparison)
     * @param notApplicable NOT_APPLICABLE verdicts
     * @param nonFiniteFail FAILs without a finite margin
     */
    public record ClaimMargins(String claimId, double[] margins, int exactZero, int notApplicable, int nonFiniteFail) {
        public ClaimMargins {
            margins = margins.clone();
        }
    }

    /** The distribution over the cases {@code sample} for the claims {@code ids}. */
    public static MarginDistribution of(List<String> ids, List<CaseResult> sample) {
        List<ClaimMargins> out = new ArrayList<>();
        for (String id : ids) {
            List<Double> m = new ArrayList<>();
            int zero = 0;
            int na = 0;
            int bad = 0;
            for (CaseResult c : sample) {
                for (VerdictRow v : c.verdicts()) {
                    if (!v.claimId().equals(id)) {
                        continue;
                    }
                    if (v.status().equals("NOT_APPLICABLE")) {
                        na++;
                    } else if (v.margin() != null) {
                        m.add(v.margin());
                    } else if (v.status().equals("FAIL")) {
                        bad++;
                    } else {
                        zero++;
                    }
                }
            }
            out.add(new ClaimMargins(id, m.stream().mapToDouble(Double::doubleValue).toArray(), zero, na, bad));
        }
        return new MarginDistribution(out);
    }
}
