package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;

/**
 * The one rendering of claim verdicts shared by the commands: a text table (id, status,
 * residual, tolerance, reading, with the separate readings of C5-C7 indented below their
 * claim) and JSON objects (id, status, residual, tolerance, toleranceOrigin, reading,
 * detail, readings[]).
 */
final class Verdicts {
    private static final String ROW = "%-4s  %-15s  %-10s  %-10s  %s%n";

    private Verdicts() {
    }

    /** The verdicts as a table with a header line. */
    static String table(List<Verdict> verdicts) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(ROW, "id", "status", "residual", "tolerance", "reading"));
        for (Verdict v : verdicts) {
            String reading = v.status() == Status.NOT_APPLICABLE ? v.detail() : v.reading();
            b.append(String.format(ROW, v.claimId(), v.status(), v.residualText(), v.toleranceText(), reading));
            for (Reading r : v.readings()) {
                b.append(String.format(ROW, "", "  " + r.status(), r.residualText(), r.toleranceText(),
                    "(" + r.name() + ") " + r.note()));
            }
        }
        // each distinct reason of the INCONCLUSIVE verdicts once, below the table (the measured detail is in JSON)
        java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
        for (Verdict v : verdicts) {
            if (v.status() == Status.INCONCLUSIVE) {
                int cut = v.detail().indexOf(" (measured");
                reasons.add(cut < 0 ? v.detail() : v.detail().substring(0, cut));
            }
        }
        reasons.forEach(r -> b.append("INCONCLUSIVE: ").append(r).append(String.format("%n")));
        return b.toString();
    }

    /** One JSON object per verdict, appended to {@code claims}. */
    static void json(ArrayNode claims, List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            ObjectNode c = claims.addObject();
            c.put("id", v.claimId());
            c.put("status", v.status().name());
            c.put("residual", v.residualText());
            c.put("tolerance", v.toleranceText());
            c.put("toleranceOrigin", v.tolerance() == null ? "-" : v.tolerance().origin());
            c.put("reading", v.reading());
            c.put("detail", v.detail());
            if (!v.readings().isEmpty()) {
                ArrayNode rs = c.putArray("readings");
                for (Reading r : v.readings()) {
                    ObjectNode o = rs.addObject();
                    o.put("name", r.name());
                    o.put("status", r.status().name());
                    o.put("residual", r.residualText());
                    o.put("tolerance", r.toleranceText());
                    o.put("note", r.note());
                }
            }
        }
    }

    /** Exit status of a run: 1 when some verdict FAILs, else 0. */
    static int exitStatus(List<Verdict> verdicts) {
        return verdicts.stream().anyMatch(v -> v.status() == Status.FAIL) ? 1 : 0;
    }

    /** "12 claims: 9 PASS, 0 FAIL, 3 NOT_APPLICABLE" (", 1 INCONCLUSIVE" when there are any). */
    static String summary(List<Verdict> verdicts) {
        long pass = count(verdicts, Status.PASS);
        long fail = count(verdicts, Status.FAIL);
        long na = count(verdicts, Status.NOT_APPLICABLE);
        long inconclusive = count(verdicts, Status.INCONCLUSIVE);
        return verdicts.size() + " claims: " + pass + " PASS, " + fail + " FAIL, " + na + " NOT_APPLICABLE"
            + (inconclusive > 0 ? ", " + inconclusive + " INCONCLUSIVE" : "");
    }

    private static long count(List<Verdict> verdicts, Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }
}
